"""Meetup `when` texts, round 5 of issue 14: vague parts of a period, days that happen at
night, Canada's August long weekend, and the classes batch F of ``bench/when_bench.py``
(ROUND5F) missed before its fixes, each in wordings other than the bench's, read through
``parse_when`` (the bot's path) or ``find_times`` (chat).

Reference now: Wednesday 4 March 2026, 10:00 in the community's zone. A row is (text,
zone, expected local start "YYYY-MM-DD HH:MM", or None: refused)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import find_times, parse_when
from bot.nlp.dates.scan import chat_markup, names_an_evening

L, TOR, EDM, HFX = "Europe/London", "America/Toronto", "America/Edmonton", "America/Halifax"
NY, BER, SG, KL = "America/New_York", "Europe/Berlin", "Asia/Singapore", "Asia/Kuala_Lumpur"
LOS, JNB, MNL, AKL = "Africa/Lagos", "Africa/Johannesburg", "Asia/Manila", "Pacific/Auckland"


def _now(zone: str) -> datetime:
    return datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo(zone))


def _read(text: str, zone: str) -> str | None:
    m = parse_when(text, now=_now(zone), meetup=True)
    return None if m is None else m.start.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _span(text: str, zone: str = L, meetup: bool = True) -> tuple[str, str] | None:
    m = parse_when(text, now=_now(zone), meetup=meetup)
    if m is None or m.end is None:
        return None
    return f"{m.start:%Y-%m-%d}", f"{m.end:%Y-%m-%d}"


# -- vague parts of a period are spans of days (the handler refuses them as one time) ----
SPANS = [
    ("early next month", ("2026-04-01", "2026-04-11")),
    ("mid next month", ("2026-04-11", "2026-04-21")),
    ("late next month", ("2026-04-21", "2026-05-01")),
    ("the first half of june", ("2026-06-01", "2026-06-16")),
    ("second half of july", ("2026-07-16", "2026-08-01")),
    ("the back half of next week", ("2026-03-12", "2026-03-16")),
    ("latter half of the month", ("2026-03-16", "2026-04-01")),
    ("late may", ("2026-05-21", "2026-06-01")),
    ("early may", ("2026-05-01", "2026-05-11")),
    ("the end of may", ("2026-05-21", "2026-06-01")),
]


@pytest.mark.parametrize(("text", "span"), SPANS)
def test_vague_parts_of_a_period_are_spans_in_a_when(text: str, span: tuple[str, str]) -> None:
    assert _span(text) == span


def test_chat_keeps_early_next_month_as_the_whole_month_and_may_as_a_verb() -> None:
    # the watcher's trips read "early next month" as the month (its dev set is tuned so)
    found = find_times("flying out early next month", now=_now(L))
    assert [(m.text, f"{m.start:%Y-%m-%d}", f"{m.end:%Y-%m-%d}") for m in found if m.end] == [
        ("next month", "2026-04-01", "2026-05-01")
    ]
    assert parse_when("late may", now=_now(L), meetup=False) is None


# -- days and outings that happen at night make a bare 8-11 the evening -------------------
EVENINGS = [
    ("NYE, 8ish", L, "2026-12-31 20:00"),
    ("new year's eve at 10", L, "2026-12-31 22:00"),
    ("new years eve 9.30", L, "2026-12-31 21:30"),
    ("hogmanay 11", L, "2026-12-31 23:00"),
    ("halloween 8", L, "2026-10-31 20:00"),
    ("bonfire night, 8ish", L, "2026-11-05 20:00"),
    ("burns night at 8", L, "2027-01-25 20:00"),
    ("after work on thursday, 8ish", L, "2026-03-05 20:00"),
    # without such a word the house rule stands: a bare 8-12 is as written
    ("friday 8", L, "2026-03-06 08:00"),
    ("christmas day 10", L, "2026-12-25 10:00"),
    # a written am or a morning part still wins
    ("nye 10am", L, "2026-12-31 10:00"),
    ("new year's eve morning, 9", L, "2026-12-31 09:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), EVENINGS)
def test_a_night_out_makes_a_bare_hour_the_evening(text: str, zone: str, expected: str) -> None:
    assert _read(text, zone) == expected


def test_names_an_evening() -> None:
    assert names_an_evening("Hogmanay at 9")
    assert names_an_evening("pub quiz tues 8")
    assert names_an_evening("after work drinks")
    assert not names_an_evening("friday 8")
    assert not names_an_evening("new year's day 10")
    # in chat the flag is never set: "nye 8" stays as written
    m = parse_when("nye 8", now=_now(L), meetup=False)
    assert m is not None and m.start.hour == 8


def test_an_outing_named_in_the_when_is_still_a_title_not_a_time() -> None:
    assert _read("drinks friday 8", L) is None
    assert _read("1 or 2 drinks", L) is None


# -- Canada's August long weekend ----------------------------------------------------------
CIVIC = [
    ("Civic Holiday", TOR, "2026-08-03 00:00"),  # Ontario: an optional day in `holidays`
    ("civic holiday 2pm", TOR, "2026-08-03 14:00"),
    ("the civic holiday", EDM, "2026-08-03 00:00"),  # Alberta calls it Heritage Day
    ("Civic Holiday Monday, 1pm", HFX, "2026-08-03 13:00"),
    ("heritage day", EDM, "2026-08-03 00:00"),
    ("civic holiday", L, None),  # no such day outside Canada
    ("civic holiday", NY, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), CIVIC)
def test_civic_holiday(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected


def test_civic_holiday_is_not_ontarios_bank_holiday() -> None:
    # optional days are read by name only: "the bank holiday" stays Good Friday
    assert _read("the bank holiday", TOR) == "2026-04-03 00:00"


# -- batch F's classes, in other wordings -------------------------------------------------
BATCH_F_CLASSES = [
    # chat tags and particles around a `when`
    ("sun 4pm can or not", SG, None),  # "or not" is no tag: refused, not guessed
    ("fri 7pm ok", KL, "2026-03-06 19:00"),
    ("tmr 6pm lor", SG, "2026-03-05 18:00"),
    ("sat 11am yeah?", L, "2026-03-07 11:00"),
    ("sunday 2pm pls", L, "2026-03-08 14:00"),
    # rescheduling words
    ("moved to tuesday 7pm", L, "2026-03-10 19:00"),
    ("reschedule to the 20th, 6pm", L, "2026-03-20 18:00"),
    ("shifted to next thurs", L, "2026-03-12 00:00"),
    ("push to sat 1pm", L, "2026-03-07 13:00"),
    # ASAP stays no time, whatever tag is around it
    ("asap ok", L, None),
    ("asap pls", L, None),
    # chat markup
    ("~~fri~~ ~~sat~~ sun 3pm", L, "2026-03-08 15:00"),
    (":tada: friday 6pm :tada:", L, "2026-03-06 18:00"),
    ("__tmrw 7pm__", L, "2026-03-05 19:00"),
    ("~~all of it~~", L, None),
    # regional names of the end of Ramadan, read for the community's country
    ("hari raya puasa", SG, "2026-03-21 00:00"),
    ("Raya, 3pm", KL, "2026-03-21 15:00"),
    ("sallah 4pm", LOS, "2026-03-19 16:00"),
    ("eid", L, "2026-03-21 00:00"),
    ("hari raya haji", SG, "2026-05-27 00:00"),
    # what a country calls its national day
    ("independence day, 2pm", LOS, "2026-10-01 14:00"),
    ("independence day", NY, "2026-07-04 00:00"),
    # calendar names with inner words
    ("national heroes day", MNL, "2026-08-31 00:00"),
    ("Day of Goodwill", JNB, "2026-12-26 00:00"),
    # regional day words
    ("next tomorrow by 4", LOS, "2026-03-06 16:00"),
    ("the morra, half 7", L, "2026-03-05 19:30"),
    # "h" after dotted hours
    ("sa 19.00h", BER, None),  # German weekday abbreviations are not read
    ("sat 19.00h", BER, "2026-03-07 19:00"),
    ("tomorrow 20.15h", BER, "2026-03-05 20:15"),
    # idioms that are no date
    ("24/7", NY, None),
    ("24x7", L, None),
    ("just now", JNB, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), BATCH_F_CLASSES)
def test_batch_f_classes(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected


def test_chat_markup() -> None:
    assert chat_markup("~~thurs~~ fri 7pm") == "fri 7pm"
    assert chat_markup("_sat 2pm_") == "sat 2pm"
    assert chat_markup("sun 11am :beers:") == "sun 11am"
    assert chat_markup("at 7:30") == "at 7:30"  # a clock's colon is no emoji code


# -- chat: a span of days restating the day before it wins ---------------------------------
def test_a_span_restating_a_day_wins_in_chat() -> None:
    now = datetime(2026, 11, 20, 12, tzinfo=ZoneInfo(L))
    for text, span in [
        ("in Edinburgh for Hogmanay, 29th Dec to 2nd Jan", ("2026-12-29", "2027-01-03")),
        ("home for christmas (23 dec - 2 jan)", ("2026-12-23", "2027-01-03")),
    ]:
        found = find_times(text, now=now)
        assert [(f"{m.start:%Y-%m-%d}", f"{m.end:%Y-%m-%d}") for m in found if m.end] == [span]
        assert all(m.end is not None for m in found), text
    # a day and an unrelated span both stay
    found = find_times("christmas, then 2nd to 5th jan in Oslo", now=now)
    assert len(found) == 2
