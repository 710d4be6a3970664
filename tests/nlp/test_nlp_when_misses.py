"""The last `when` misses of issue 14, by class, in wordings of our own: a dotted day.month
date before a clock time, zones named after a place, regional and finer parts of the day,
"or" alternatives sharing a part of the day, words that name no time (refused), holidays by
the community's country, and seasons by its hemisphere.

Every reading goes through ``parse_when`` (the path a meetup's `when` takes). The reference
now is Thursday 1 October 2026, 10:00 in the zone each table names."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import find_times, names_no_time, parse_when
from tests.support import Harness

Reading = tuple[datetime, datetime | None]


def _now(zone: str, day: date = date(2026, 10, 1)) -> datetime:
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZoneInfo(zone))


def _read(text: str, now: datetime) -> Reading:
    m = parse_when(text, now=now, meetup=True)
    assert m is not None, f"{text!r} is not read"
    return m.start, m.end


def _at(zone: str, y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=ZoneInfo(zone))


# -- a dotted day.month date, then a clock time (Berlin: dotted dates are day.month) -------

BERLIN = "Europe/Berlin"
DOTTED = [
    ("17.10. 18:30", _at(BERLIN, 2026, 10, 17, 18, 30)),
    ("5.11 at 8pm", _at(BERLIN, 2026, 11, 5, 20)),
    ("Sat 17.10 7pm", _at(BERLIN, 2026, 10, 17, 19)),
    ("24.12., 20:00", _at(BERLIN, 2026, 12, 24, 20)),
    ("2.1. 11am", _at(BERLIN, 2027, 1, 2, 11)),
    ("17.10. at 18:30", _at(BERLIN, 2026, 10, 17, 18, 30)),
    ("9.10 19:00-22:00", _at(BERLIN, 2026, 10, 9, 19)),
    ("17.10.2026 18:30", _at(BERLIN, 2026, 10, 17, 18, 30)),
    ("on the 17.10 at 7", _at(BERLIN, 2026, 10, 17, 19)),
]


@pytest.mark.parametrize(("text", "start"), DOTTED)
def test_a_dotted_date_then_a_clock_time(text: str, start: datetime) -> None:
    assert _read(text, _now(BERLIN))[0] == start


def test_a_dotted_number_in_chat_stays_a_number_and_its_year_must_touch_it() -> None:
    now = _now(BERLIN)
    found = find_times("we moved to version 2.10 at 9am", now=now)
    assert [m.text for m in found] == ["9am"]
    # "17.10. 19:00": 19 is the hour, not the year 2019
    assert _read("17.10. 19:00", now)[0].year == 2026


# -- zones named after a country, region or city (the community is in London) -------------

LONDON = "Europe/London"
ZONES = [
    ("6pm German time", _at(BERLIN, 2026, 10, 1, 18)),
    ("9am Eastern", _at("America/New_York", 2026, 10, 1, 9)),
    ("noon Pacific time", _at("America/Los_Angeles", 2026, 10, 1, 12)),
    ("friday 8pm Sydney time", _at("Australia/Sydney", 2026, 10, 2, 20)),
    ("saturday 3pm Central", _at("America/Chicago", 2026, 10, 3, 15)),
    ("sat 9:30am (NYC time)", _at("America/New_York", 2026, 10, 3, 9, 30)),
    ("7pm CET", _at("UTC", 2026, 10, 1, 18)),  # an abbreviation is a fixed offset (+1)
    # a named zone follows its summer time: December in New York is UTC-5
    ("Dec 10 8pm Eastern", _at("UTC", 2026, 12, 11, 1)),
]


@pytest.mark.parametrize(("text", "start"), ZONES)
def test_a_zone_named_after_a_place(text: str, start: datetime) -> None:
    assert _read(text, _now(LONDON))[0] == start


def test_uk_time_from_a_berlin_community_and_a_range_ending_in_a_named_zone() -> None:
    assert _read("7:30pm UK time", _now(BERLIN))[0] == _at(LONDON, 2026, 10, 1, 19, 30)
    start, end = _read("7-9pm EST", _now(LONDON))
    assert end is not None and end - start == timedelta(hours=2)  # was a day and 2 hours


def test_a_city_after_a_time_without_time_is_where_not_which_clock() -> None:
    now = _now(LONDON)
    assert [m.text for m in find_times("dinner 7pm London with Sam", now=now)] == ["7pm"]
    assert parse_when("8pm Central Park", now=now) is None


# -- regional and finer parts of the day --------------------------------------------------

PARTS = [
    ("sunday arvo", (2026, 10, 4), 12, 19),
    ("tomorrow tea time", (2026, 10, 2), 16, 18),
    ("teatime on saturday", (2026, 10, 3), 16, 18),
    ("first thing monday", (2026, 10, 5), 8, 10),
    ("monday first thing", (2026, 10, 5), 8, 10),
    ("after work on wednesday", (2026, 10, 7), 17, 21),
    ("lunchtime tomorrow", (2026, 10, 2), 12, 14),
    ("lunch time on monday", (2026, 10, 5), 12, 14),
    ("happy hour thursday", (2026, 10, 8), 17, 19),
    ("mid-morning on sunday", (2026, 10, 4), 10, 12),
    ("sunday midmorning", (2026, 10, 4), 10, 12),
    ("late morning saturday", (2026, 10, 3), 10, 12),
    ("tuesday late afternoon", (2026, 10, 6), 16, 19),
    ("early evening tomorrow", (2026, 10, 2), 18, 21),
    ("sunday mid-afternoon", (2026, 10, 4), 14, 17),
    ("friday, late in the afternoon", (2026, 10, 2), 16, 19),
    ("thursday before work", (2026, 10, 8), 7, 9),
    ("first thing tuesday morning", (2026, 10, 6), 8, 10),
    ("wednesday, straight after work", (2026, 10, 7), 17, 21),
    ("later in the evening on saturday", (2026, 10, 3), 21, 24),
    ("saturday afternoon tea", (2026, 10, 3), 15, 17),
    ("friday evo", (2026, 10, 2), 18, 24),
]


@pytest.mark.parametrize(("text", "day", "first", "last"), PARTS)
def test_a_part_of_the_day(text: str, day: tuple[int, int, int], first: int, last: int) -> None:
    midnight = _at(LONDON, *day)  # no clock change on these days: hours add up
    assert _read(text, _now(LONDON)) == (
        midnight + timedelta(hours=first),
        midnight + timedelta(hours=last),
    )


# -- "or" alternatives share the part of the day only the second says -----------------------

ALTERNATIVES = [
    ("saturday or sunday afternoon", _at(LONDON, 2026, 10, 3, 12), _at(LONDON, 2026, 10, 3, 19)),
    ("tue or wed evening", _at(LONDON, 2026, 10, 6, 18), _at(LONDON, 2026, 10, 7)),
    ("monday or tuesday at 6:30pm", _at(LONDON, 2026, 10, 5, 18, 30), None),
    ("fri or sat after work", _at(LONDON, 2026, 10, 2, 17), _at(LONDON, 2026, 10, 2, 21)),
    ("7pm friday or 8pm saturday", _at(LONDON, 2026, 10, 2, 19), None),
    ("saturday or sunday", _at(LONDON, 2026, 10, 3), None),
    ("this saturday or next", _at(LONDON, 2026, 10, 3), None),
    ("sat/sun evening", _at(LONDON, 2026, 10, 3, 18), _at(LONDON, 2026, 10, 4)),
]


@pytest.mark.parametrize(("text", "start", "end"), ALTERNATIVES)
def test_or_alternatives(text: str, start: datetime, end: datetime | None) -> None:
    assert _read(text, _now(LONDON)) == (start, end)


# -- words that name no time are refused in a `when` (chat keeps Duckling's "asap" = now) ----

NO_TIME = ["whenever", "Soon!", "TBD", "tba", "some day", "ASAP", "as soon as possible",
           "at some point", "sometime soon", "whenever works"]  # fmt: skip


@pytest.mark.parametrize("text", NO_TIME)
def test_no_time_words_are_refused(text: str) -> None:
    assert names_no_time(text)
    assert parse_when(text, now=_now(LONDON), meetup=True) is None


@pytest.mark.parametrize("text", ["sometime next week", "anytime friday", "now", "tonight"])
def test_times_with_vague_words_are_still_times(text: str) -> None:
    assert not names_no_time(text)
    assert parse_when(text, now=_now(LONDON), meetup=True) is not None


def test_asap_in_chat_is_still_now() -> None:
    now = _now(LONDON)
    found = find_times("can you reply ASAP", now=now)
    assert [(m.text, m.start) for m in found] == [("ASAP", now)]


async def test_a_when_that_names_no_time_is_refused_with_an_example(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Tea", city="Berlin", when="asap")
    assert reply is not None
    assert "doesn't name a time" in reply.text and 'when:"next friday 7pm"' in reply.text
    assert not harness.adapter.of("post")  # nothing was proposed


# -- holidays, read for the country of the zone --------------------------------------------

HOLIDAYS = [
    ("America/Toronto", "Thanksgiving", date(2026, 10, 12), date(2026, 10, 13)),
    ("America/New_York", "Thanksgiving", date(2026, 11, 26), date(2026, 11, 27)),
    ("America/Toronto", "thanksgiving weekend", date(2026, 10, 10), date(2026, 10, 13)),
    ("America/New_York", "the Thanksgiving weekend", date(2026, 11, 26), date(2026, 11, 30)),
    (LONDON, "after christmas", date(2026, 12, 26), date(2026, 12, 27)),
    (LONDON, "christmas eve", date(2026, 12, 24), date(2026, 12, 25)),
    (LONDON, "Easter Monday", date(2027, 3, 29), date(2027, 3, 30)),
    (LONDON, "easter weekend", date(2027, 3, 26), date(2027, 3, 30)),
    (LONDON, "good friday", date(2027, 3, 26), date(2027, 3, 27)),
    (LONDON, "easter saturday", date(2027, 3, 27), date(2027, 3, 28)),
    (LONDON, "christmas week", date(2026, 12, 21), date(2026, 12, 28)),
    ("Asia/Kolkata", "Diwali", date(2026, 11, 8), date(2026, 11, 9)),
    ("America/Chicago", "NYE", date(2026, 12, 31), date(2027, 1, 1)),
    ("America/Chicago", "memorial day", date(2027, 5, 31), date(2027, 6, 1)),
    ("America/Chicago", "labor day weekend", date(2027, 9, 4), date(2027, 9, 7)),
    ("America/Chicago", "thanksgiving 2027", date(2027, 11, 25), date(2027, 11, 26)),
    ("America/Chicago", "next thanksgiving", date(2026, 11, 26), date(2026, 11, 27)),
    ("America/Chicago", "last halloween", date(2025, 10, 31), date(2025, 11, 1)),
    ("America/Chicago", "easter mon", date(2027, 3, 29), date(2027, 3, 30)),
    ("America/Chicago", "thanksgiving weekend sunday", date(2026, 11, 29), date(2026, 11, 30)),
    (LONDON, "the day after boxing day", date(2026, 12, 27), date(2026, 12, 28)),
    ("America/New_York", "the saturday after thanksgiving", date(2026, 11, 28), date(2026, 11, 29)),
    (LONDON, "the friday before christmas", date(2026, 12, 18), date(2026, 12, 19)),
    (LONDON, "the day before new year's eve", date(2026, 12, 30), date(2026, 12, 31)),
]


@pytest.mark.parametrize(("zone", "text", "first", "end"), HOLIDAYS)
def test_holidays(zone: str, text: str, first: date, end: date) -> None:
    m = parse_when(text, now=_now(zone), meetup=False)
    assert m is not None, text
    assert (m.start, m.end or m.start + timedelta(days=1)) == (
        _at(zone, first.year, first.month, first.day),
        _at(zone, end.year, end.month, end.day),
    )


@pytest.mark.parametrize(
    ("text", "start"),
    [("Boxing Day 2pm", _at(LONDON, 2026, 12, 26, 14)),
     ("new year's eve at 9pm", _at(LONDON, 2026, 12, 31, 21)),
     ("halloween 8pm", _at(LONDON, 2026, 10, 31, 20)),
     ("new year's day brunch", _at(LONDON, 2027, 1, 1, 10))],
)  # fmt: skip
def test_a_holiday_with_a_clock_time_is_a_meetup_time(text: str, start: datetime) -> None:
    assert _read(text, _now(LONDON))[0] == start


def test_the_bank_holiday_is_the_next_public_holiday_of_the_country() -> None:
    spring = _now(LONDON, date(2026, 3, 4))
    # England's calendar (the UK's national list lacks Easter Monday): "bank holiday
    # monday" is Easter Monday; "the bank holiday" (round 4, issue 14) the next public
    # holiday, Good Friday, and its weekend runs through Easter Monday
    m = parse_when("bank holiday monday", now=spring, meetup=False)
    assert m is not None and m.start == _at(LONDON, 2026, 4, 6)
    m = parse_when("the bank holiday", now=spring, meetup=False)
    assert m is not None and m.start == _at(LONDON, 2026, 4, 3)
    m = parse_when("the bank holiday weekend", now=spring, meetup=False)
    assert m is not None and (m.start, m.end) == (_at(LONDON, 2026, 4, 3), _at(LONDON, 2026, 4, 7))
    after_easter = _now(LONDON, date(2026, 4, 10))
    m = parse_when("bank holiday monday", now=after_easter, meetup=False)
    assert m is not None and m.start == _at(LONDON, 2026, 5, 4)  # early May bank holiday


# -- seasons by hemisphere ----------------------------------------------------------------

SEASONS = [
    ("Australia/Melbourne", "in the summer", date(2026, 12, 1), date(2027, 3, 1)),
    ("Australia/Melbourne", "this winter", date(2027, 6, 1), date(2027, 9, 1)),
    ("Australia/Melbourne", "this spring", date(2026, 9, 1), date(2026, 12, 1)),
    ("America/Argentina/Buenos_Aires", "next summer", date(2026, 12, 1), date(2027, 3, 1)),
    ("America/Chicago", "in the summer", date(2027, 6, 21), date(2027, 9, 23)),
    ("America/Chicago", "over the winter", date(2026, 12, 21), date(2027, 3, 20)),
]


@pytest.mark.parametrize(("zone", "text", "first", "end"), SEASONS)
def test_seasons_follow_the_hemisphere(zone: str, text: str, first: date, end: date) -> None:
    m = parse_when(text, now=_now(zone), meetup=False)
    assert m is not None, text
    assert (m.start, m.end) == (
        _at(zone, first.year, first.month, first.day),
        _at(zone, end.year, end.month, end.day),
    )
