"""Meetup `when` texts as British, Australian, Indian and US members write them (issue 14,
"the last misses", third round): "Saturday fortnight", "monday next", 24-hour times with
"hrs", "in a week's time", "after office", the early/middle/late part of a named week or
month. Each class in several wordings, through ``parse_when`` (the path the bot uses);
words that name no time stay refused."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import parse_when

LONDON = ZoneInfo("Europe/London")
# Wednesday 4 March 2026, 10:00
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=LONDON)


def _start(text: str, zone: ZoneInfo = LONDON) -> str | None:
    m = parse_when(text, now=NOW.astimezone(zone), meetup=True)
    return None if m is None else m.start.astimezone(zone).strftime("%Y-%m-%d %H:%M")


# "fortnight" after a weekday or before "on"/"from": two weeks after the coming one
FORTNIGHTS = [
    ("saturday fortnight", "2026-03-21 00:00"),
    ("Sat fortnight, 2pm", "2026-03-21 14:00"),
    ("a fortnight on Saturday", "2026-03-21 00:00"),
    ("a fortnight from thursday at 7", "2026-03-19 19:00"),
    ("a fortnight today", "2026-03-18 00:00"),
    ("a fortnight tomorrow 6pm", "2026-03-19 18:00"),
]

# a weekday, then "next": the same day as "next <weekday>"
WEEKDAY_NEXT = [
    ("monday next", "2026-03-09 00:00"),
    ("friday next at 7pm", "2026-03-13 19:00"),
    ("tues next, 6.30pm", "2026-03-10 18:30"),
    ("friday next week", "2026-03-13 00:00"),  # the longer reading still wins
]

# "hrs" (or "hours" after a colon time): the 24-hour clock
MILITARY = [
    ("19:00hrs", "2026-03-04 19:00"),
    ("1900hrs friday", "2026-03-06 19:00"),
    ("friday 1830 hrs", "2026-03-06 18:30"),
    ("19:00 hours on thursday", "2026-03-05 19:00"),
    ("7:00 hrs saturday", "2026-03-07 07:00"),  # a 24-hour time: 7 is the morning
]

# "time" after an amount of time
TIME_AFTER_AMOUNT = [
    ("in a week's time", "2026-03-11 00:00"),
    ("in 3 weeks' time", "2026-03-25 00:00"),
    ("in two days time at 7pm", "2026-03-06 19:00"),
]

# "after office" (Indian English) is "after work"
AFTER_OFFICE = [
    ("friday after office", "2026-03-06 17:00"),
    ("after office on thursday", "2026-03-05 17:00"),
]

# early/mid/late before "this"/"next" week: that part of it
EDGES = [
    ("early next week", "2026-03-09 00:00"),
    ("late this week", "2026-03-06 00:00"),
]


# "all day" beside a day: the whole day, from its start
ALL_DAY = [
    ("all day saturday", "2026-03-07 00:00"),
    ("saturday, all day", "2026-03-07 00:00"),
    ("all day tomorrow", "2026-03-05 00:00"),
]


# "either" before alternatives, "preferably"/"ideally" after a time: filler in a `when`
HEDGED = [
    ("either thurs or fri after 6", "2026-03-05 18:00"),
    ("ideally saturday 2pm", "2026-03-07 14:00"),
    ("sunday preferably", "2026-03-08 00:00"),
]

# the weekend a week after next weekend (a weekend starts Friday 18:00)
WEEKEND_AFTER_NEXT = [
    ("the weekend after next", "2026-03-20 18:00"),
    ("weekend after next", "2026-03-20 18:00"),
]

# the weekend a day belongs to (Friday 18:00 of it); a Monday's is the one before
WEEKEND_OF = [
    ("the weekend of the 21st", "2026-03-20 18:00"),  # a Saturday
    ("weekend of March 22", "2026-03-20 18:00"),  # a Sunday
    ("the weekend of the 23rd", "2026-03-20 18:00"),  # a Monday
    ("the weekend of the 10th", "2026-03-13 18:00"),  # a Tuesday: the one after
]

# US federal Mondays and Cinco de Mayo, read in New York
NEW_YORK = ZoneInfo("America/New_York")
US_HOLIDAYS = [
    ("Presidents Day", "2027-02-15 00:00"),
    ("presidents' day weekend", "2027-02-13 00:00"),
    ("MLK day", "2027-01-18 00:00"),
    ("Martin Luther King Day", "2027-01-18 00:00"),
    ("cinco de mayo 6pm", "2026-05-05 18:00"),
]

# a bank holiday named by its month (England's calendar in London; the UK's elsewhere)
MONTH_BANK_HOLIDAYS = [
    ("the August bank holiday", "2026-08-31 00:00"),
    ("the august bank holiday weekend", "2026-08-29 00:00"),
    ("May bank holiday", "2026-05-04 00:00"),
    ("the bank holiday", "2026-04-03 00:00"),  # Good Friday, England's next (round 4)
]


# zone abbreviations of South Africa, West Africa, Pakistan and the Philippines, read from
# London; "brekkie" is breakfast; "start" after a time is filler
ZONES_AND_WORDS = [
    ("Saturday 1pm SAST", "2026-03-07 11:00"),
    ("saturday 4pm WAT", "2026-03-07 15:00"),
    ("7pm PKT", "2026-03-04 14:00"),
    ("9pm PHT", "2026-03-04 13:00"),
    ("sunday brekkie 9am", "2026-03-08 09:00"),
    ("Sat 21st, 2pm start", "2026-03-21 14:00"),
    ("7.30pm start on friday", "2026-03-06 19:30"),
]


@pytest.mark.parametrize(("text", "expected"), US_HOLIDAYS)
def test_us_holidays(text: str, expected: str) -> None:
    assert _start(text, NEW_YORK) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    HEDGED
    + WEEKEND_AFTER_NEXT
    + MONTH_BANK_HOLIDAYS
    + FORTNIGHTS
    + WEEKDAY_NEXT
    + MILITARY
    + TIME_AFTER_AMOUNT
    + AFTER_OFFICE
    + EDGES
    + ALL_DAY,
)
def test_round3_forms_are_read(text: str, expected: str) -> None:
    assert _start(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "in 2 hours",  # a count of hours, not a clock time
        "1900 hours of volunteering",
        "after the office party",
        "next fortnight maybe",
        "TBD pending venue",
        "after the conference",
        "date to follow",
        "we worked all day",
        "mid next week",  # the middle of a week: not guessed
        "either way works",
        "pass the mayo",
        "start",
        "what's the start time",
    ],
)
def test_round3_lookalikes_are_not_read_as_those_forms(text: str) -> None:
    start = _start(text)
    if text == "in 2 hours":
        assert start == "2026-03-04 12:00"
    else:
        assert start is None
