"""Meetup `when` texts, round 6 of issue 14: a holiday's long weekend named without its
"Day" ("Labour weekend"), a day moved to with a word between it and the time ("let's do
fri instead, 7"), and a clock time on a span of days, each in wordings other than batch G's
(``bench/when_bench.py``), read through ``parse_when`` (the bot's path) or ``find_times``.

Reference now: Wednesday 4 March 2026, 10:00 in the community's zone. A row is (text,
zone, expected local start "YYYY-MM-DD HH:MM", or None: refused)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import clock_on_span, find_times, parse_when

L, NY, CHI, VAN = "Europe/London", "America/New_York", "America/Chicago", "America/Vancouver"
AKL, SYD, SG = "Pacific/Auckland", "Australia/Sydney", "Asia/Singapore"


def _now(zone: str) -> datetime:
    return datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo(zone))


def _read(text: str, zone: str) -> str | None:
    m = parse_when(text, now=_now(zone), meetup=True)
    return None if m is None else m.start.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


# -- a holiday's long weekend without "Day": the holiday's weekend, by the zone's calendar ----
WEEKENDS = [
    ("Labour wkend", AKL, "2026-10-24 00:00"),  # NZ: Mon 26 Oct -> Sat-Mon
    ("labour weekend", SYD, "2026-10-03 00:00"),  # NSW: Mon 5 Oct
    ("memorial weekend", CHI, "2026-05-23 00:00"),
    ("Labor weekend", NY, "2026-09-05 00:00"),
    ("victoria weekend", VAN, "2026-05-16 00:00"),
    ("over labour weekend", AKL, "2026-10-24 00:00"),
    ("labour", AKL, None),
    ("memorial service", NY, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), WEEKENDS)
def test_a_holiday_weekend_without_its_day(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected


def test_a_holiday_weekend_without_its_day_in_chat_is_its_days() -> None:
    (m,) = find_times("off to Taupo for labour weekend", now=_now(AKL))
    assert (f"{m.start:%m-%d}", f"{m.end:%m-%d}" if m.end else None) == ("10-24", "10-27")


# -- a day moved to, a word after it, then the time: that time on that day ----------------
MOVED = [
    ("can we do sat then, 2", L, "2026-03-07 14:00"),
    ("let's do tues instead, 6", L, "2026-03-10 18:00"),
    ("thurs pls, 7", SG, "2026-03-05 19:00"),
    ("bump to fri instead, 5", L, "2026-03-06 17:00"),
    ("sun then, 11am", L, "2026-03-08 11:00"),
    ("we then", L, None),
    ("sun instead of rain", L, None),
    # a bare dotted time is not a date: not today because today is that weekday, but next
    # Wednesday, as "wed at 6.30" is (when4: the dotted time is put on the day named)
    ("wed instead at 6.30", L, "2026-03-11 18:30"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), MOVED)
def test_a_day_moved_to_then_a_time(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected


def test_a_weekday_beside_a_tag_stays_a_word_in_chat() -> None:
    assert find_times("we sat then left", now=_now(L)) == []


# -- a clock time on a span of days names no one day --------------------------------------
SPANS = [
    ("late april 6pm", ("2026-04-21", "2026-05-01"), (18, 0)),
    ("8.30pm, the second half of march", ("2026-03-16", "2026-04-01"), (20, 30)),
    ("mid may at 7", ("2026-05-11", "2026-05-21"), (19, 0)),
]


@pytest.mark.parametrize(("text", "days", "clock"), SPANS)
def test_a_clock_time_on_a_span(
    text: str, days: tuple[str, str], clock: tuple[int, int]
) -> None:
    found = clock_on_span(text, now=_now(L))
    assert found is not None, text
    span, at = found
    assert span.end is not None
    assert (f"{span.start:%Y-%m-%d}", f"{span.end:%Y-%m-%d}") == days
    assert (at.start.hour, at.start.minute) == clock


@pytest.mark.parametrize(
    "text", ["fri 7pm", "march 21 7pm", "next week fri 7pm", "this weekend 2pm", "7pm"]
)
def test_a_clock_time_on_one_day_is_no_span(text: str) -> None:
    assert clock_on_span(text, now=_now(L)) is None
