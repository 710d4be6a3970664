"""Round 7 of the meetup `when` (issue 14): wordings written after batch H's fixes.

A field's name pasted with the time ("When: …", "Date: …"), a dotted time after a chat
tag or a word of moving a meetup ("can we do wed instead, 6.30"), and a verdict on the
day between it and the time ("mon works better, 6"). Each class has its non-times."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import find_times, parse_when

L, NY, BER, PH = "Europe/London", "America/New_York", "Europe/Berlin", "Asia/Manila"


def _read(text: str, zone: str) -> str | None:
    now = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo(zone))  # a Wednesday
    m = parse_when(text, now=now, meetup=True)
    return None if m is None else m.start.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


# -- a field's name before a time pasted from an invite or an email -----------------------
LABELS = [
    ("WHEN: sat 14 march, 2pm", L, "2026-03-14 14:00"),
    ("Date/Time: Thu 12 Mar 2026 19:00", L, "2026-03-12 19:00"),
    ("Time: 6:30pm tomorrow", NY, "2026-03-05 18:30"),
    ("date: 13.03.2026, 19:30", BER, "2026-03-13 19:30"),
    ("Starts: friday 7pm", L, "2026-03-06 19:00"),
    ("Date and time: sunday 11am", L, "2026-03-08 11:00"),
    ("Date: TBA", L, None),
    ("Time: whenever suits", L, None),
    ("When: after the match", L, None),
    ("Where: the usual pub", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), LABELS)
def test_a_field_label_before_a_pasted_time(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected


# -- a dotted time after a tag or a word of moving the meetup -----------------------------
DOTTED = [
    ("could we do thurs instead, 7.30", L, "2026-03-05 19:30"),
    ("sat then 2.15", L, "2026-03-07 14:15"),
    ("let's make it fri pls, 6.45", L, "2026-03-06 18:45"),
    ("move to tues ok, 8.30pm", L, "2026-03-10 20:30"),
    ("how about sat, 2.30", L, "2026-03-07 14:30"),
    ("what about fri at 7", L, "2026-03-06 19:00"),
    ("shall we do mon instead, 6.15", L, "2026-03-09 18:15"),
    ("how about never", L, None),
    ("what about it", L, None),
    ("sun instead, 3.14", L, None),  # not a quarter hour: a number
    ("push it back, 2.0", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), DOTTED)
def test_a_dotted_time_after_a_tag(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected


def test_a_dotted_number_after_a_tag_in_chat_is_no_time() -> None:
    now = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo(L))
    assert find_times("ok, 6.30 is the score", now=now) == []


# -- a verdict on the day between it and the time ----------------------------------------
VERDICTS = [
    ("tues suits me, 7", L, "2026-03-10 19:00"),
    ("thurs works for us, 6.30", L, "2026-03-05 18:30"),
    ("friday would be best, 8pm", L, "2026-03-06 20:00"),
    ("sat is ideal at 3", L, "2026-03-07 15:00"),
    ("sun works fine, 2pm", L, "2026-03-08 14:00"),
    # a bare day, as "wed instead": the day itself (the house rule for a bare day)
    ("thurs works better for me", L, "2026-03-05 00:00"),
    # no day or time named
    ("works for me", L, None),
    ("whatever suits you best", L, None),
    ("it would be ideal", L, None),
    # "tom" is a name: "tom 7pm" is not "tomorrow 7pm"
    ("tom 7pm", PH, None),
    ("tom works better, 6", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), VERDICTS)
def test_a_verdict_between_the_day_and_the_time(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected
