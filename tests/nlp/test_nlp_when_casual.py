"""Meetup `when` texts typed the casual way (issue 14, "the last misses", second round):
slips of a letter in day words, shorthand, "ish" on any time word, "eve", a week said before
its weekday, "from 2" after a day, "till late", "a week tomorrow", the days between two
holidays, and hedge words beside a time. Each class in several wordings, through
``parse_when`` (the path the bot uses); words that name no time stay refused."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import find_times, parse_when
from bot.nlp.dates.tokens import respelled

LONDON = ZoneInfo("Europe/London")
# Wednesday 4 March 2026, 10:00
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=LONDON)


def _start(text: str, zone: ZoneInfo = LONDON) -> str | None:
    m = parse_when(text, now=NOW.astimezone(zone), meetup=True)
    return None if m is None else m.start.astimezone(zone).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("wedensday", "wednesday"),
        ("wensday", "wensday"),  # two slips: left alone
        ("thrusday", "thursday"),
        ("thursdya", "thursday"),
        ("saturaday", "saturday"),
        ("satuday", "saturday"),
        ("frday", "friday"),
        ("tommorrow", "tomorrow"),
        ("tomoro", "tomorrow"),
        ("nxt", "next"),
        ("wk", "week"),
        ("noonish", "noon"),
        ("late-ish", "late"),
        ("work-ish", "work"),
        ("sundae", "sundae"),
        ("frida", "frida"),
        ("mourning", "mourning"),
        ("monkey", "monkey"),
    ],
)
def test_a_word_typed_in_a_hurry_reads_as_the_word_meant(word: str, meant: str) -> None:
    assert respelled(word) == meant


SLIPS = [
    ("wedensday 6pm", "2026-03-11 18:00"),
    ("thrusday 7", "2026-03-05 19:00"),
    ("saturaday 2pm", "2026-03-07 14:00"),
    ("frday at 7pm", "2026-03-06 19:00"),
    ("satuday afternoon", "2026-03-07 12:00"),
    ("thursdya 6", "2026-03-05 18:00"),
    ("tommorrow 7pm", "2026-03-05 19:00"),
    ("tomoro, 6pm", "2026-03-05 18:00"),
    ("Tuseday evening", "2026-03-10 18:00"),
]
SHORTHAND = [
    ("nxt friday", "2026-03-13 00:00"),
    ("nxt wk tues 7pm", "2026-03-10 19:00"),
    ("next week tuesday 7pm", "2026-03-10 19:00"),
    ("next week, on thursday", "2026-03-12 00:00"),
    ("this week friday 6pm", "2026-03-06 18:00"),
    ("tmrw eve", "2026-03-05 18:00"),
    ("saturday eve, 8pm", "2026-03-07 20:00"),
]
ISH = [
    ("noonish", "2026-03-04 12:00"),
    ("saturday noonish", "2026-03-07 12:00"),
    ("tomorrow, late-ish afternoon", "2026-03-05 16:00"),
    ("friday after work-ish", "2026-03-06 17:00"),
    ("7pm-ish CET", "2026-03-04 18:00"),
    ("sunday eveningish", "2026-03-08 18:00"),
    ("middayish friday", "2026-03-06 12:00"),
]
OPEN_STARTS = [
    ("sat from 2", "2026-03-07 14:00"),
    ("friday from 6pm", "2026-03-06 18:00"),
    ("tomorrow from 7:30", "2026-03-05 19:30"),
    ("friday 6 till late", "2026-03-06 18:00"),
    ("sat 2pm onwards", "2026-03-07 14:00"),
    ("thursday 8pm until close", "2026-03-05 20:00"),
]
WEEKS_ON = [
    ("2 weeks today", "2026-03-18 00:00"),
    ("a week tomorrow", "2026-03-12 00:00"),
    ("two weeks on sunday", "2026-03-22 00:00"),
    ("2 weeks from friday", "2026-03-20 00:00"),
    ("a week on saturday at 3pm", "2026-03-14 15:00"),
]
HOLIDAY_SPANS = [
    ("between christmas and new year", "2026-12-26 00:00"),
    ("between xmas and NYE", "2026-12-26 00:00"),
    ("christmas to new year", "2026-12-25 00:00"),
    ("new year's day", "2027-01-01 00:00"),
]
HEDGED = [
    ("tbd next week", "2026-03-09 00:00"),
    ("probably friday 7pm", "2026-03-06 19:00"),
    ("sat 2pm tbc", "2026-03-07 14:00"),
    ("tentatively thursday evening", "2026-03-05 18:00"),
]


SLANG = [
    ("2nite 8pm", "2026-03-04 20:00"),
    ("fri nite", "2026-03-06 18:00"),
    ("sat nite, 9ish", "2026-03-07 21:00"),
]
SHORT_DAY_THEN_PART = [
    ("sat evening, 8-ish", "2026-03-07 20:00"),
    ("wed after work, 5:30", "2026-03-11 17:30"),
    ("sun morning, 10", "2026-03-08 10:00"),
]
MEAL_FIRST = [
    ("dinner friday 8pm", "2026-03-06 20:00"),
    ("brunch sat 11", "2026-03-07 11:00"),
    ("lunch thursday 1pm", "2026-03-05 13:00"),
]
RELATIVE_TO_NOW = [
    ("the following friday", "2026-03-13 00:00"),
    ("same time next week", "2026-03-11 10:00"),
    ("this time tomorrow", "2026-03-05 10:00"),
]
DOTTED_CLOCK = [
    ("7.30 friday", "2026-03-06 19:30"),
    ("friday 7.45", "2026-03-06 19:45"),
    ("tomorrow 6.15", "2026-03-05 18:15"),
]
HOLIDAY_WEEKDAY = [
    ("christmas eve saturday", "2026-12-26 00:00"),
    ("boxing day, monday", "2026-12-28 00:00"),
]
CASUAL = (
    SLIPS + SHORTHAND + ISH + OPEN_STARTS + WEEKS_ON + HOLIDAY_SPANS + HEDGED + SLANG
    + SHORT_DAY_THEN_PART + MEAL_FIRST + RELATIVE_TO_NOW + DOTTED_CLOCK + HOLIDAY_WEEKDAY
)  # fmt: skip


@pytest.mark.parametrize(("text", "start"), CASUAL)
def test_a_casual_when_is_read(text: str, start: str) -> None:
    assert _start(text) == start


def test_the_days_between_two_holidays_leave_both_out() -> None:
    m = parse_when("between christmas and new year", now=NOW)
    assert m is not None and m.end is not None
    assert (m.start.date().isoformat(), m.end.date().isoformat()) == ("2026-12-26", "2027-01-01")


def test_till_late_leaves_the_end_open() -> None:
    m = parse_when("friday 6 till late", now=NOW)
    assert m is not None and m.end is None


@pytest.mark.parametrize(
    "text",
    [
        "when everyone's free",
        "idk",
        "depends",
        "same as last time",
        "see thread",
        "let's vote",
        "dunno yet",
        "check the poll",
        "usual time",
        "after the next release",
        "not sure tbh",
        "maybe sometime",
        "tbd",
        "probably",
        "whenever suits",
        "up to you",
        "n/a",
        "?",
        "sundae",
    ],
)
def test_words_that_name_no_time_are_refused(text: str) -> None:
    assert parse_when(text, now=NOW, meetup=True) is None


def test_real_words_near_a_day_name_stay_out_of_chat() -> None:
    assert find_times("the frida kahlo exhibit was in mourning colours", now=NOW) == []
    assert find_times("a sundae at the sundry shop", now=NOW) == []
    assert find_times("the cat sat evening and morning by the fire", now=NOW) == []
    assert [m.text for m in find_times("python 3.10 ships tomorrow", now=NOW)] == ["tomorrow"]


@pytest.mark.parametrize(
    ("text", "zone", "start"),
    [
        ("sat 3/14 7pm", "America/New_York", "2026-03-14 19:00"),
        ("sat 14/3 7pm", "Europe/London", "2026-03-14 19:00"),
        ("3.14 at 7pm", "America/New_York", "2026-03-14 19:00"),
        ("sat arvo", "Australia/Melbourne", "2026-03-07 12:00"),
        ("Friday 19h", "Europe/Paris", "2026-03-06 19:00"),
        ("thanksgiving friday", "America/New_York", "2026-11-27 00:00"),
        ("9pm NZT", "Pacific/Auckland", "2026-03-05 21:00"),  # 23:00 there now
        ("8pm NZT", "Europe/London", "2026-03-05 07:00"),  # NZ summer time: UTC+13
        ("6pm AWST friday", "Europe/London", "2026-03-06 10:00"),
    ],
)
def test_numeric_dates_and_regional_words_follow_the_city(text: str, zone: str, start: str) -> None:
    assert _start(text, ZoneInfo(zone)) == start
