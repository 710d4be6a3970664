"""Meetup `when` texts, round 4 of issue 14: the classes the fresh batches of
``bench/when_bench.py`` (ROUND4A, ROUND4B) missed before their fixes, each in several
wordings and regional styles, read through ``parse_when`` (the bot's path).

Reference now: Wednesday 4 March 2026, 10:00 in the community's zone. A row is (text,
zone, expected local start "YYYY-MM-DD HH:MM", or None: refused)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import find_times, parse_when
from bot.nlp.dates.region import place_zone

L, NY, MEL, SYD = "Europe/London", "America/New_York", "Australia/Melbourne", "Australia/Sydney"
DUB, TOR, AKL, KOL = "Europe/Dublin", "America/Toronto", "Pacific/Auckland", "Asia/Kolkata"
BER, JNB = "Europe/Berlin", "Africa/Johannesburg"


def _now(zone: str) -> datetime:
    return datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo(zone))


def _read(text: str, zone: str) -> str | None:
    m = parse_when(text, now=_now(zone), meetup=True)
    return None if m is None else m.start.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _check(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected, text


# -- a dotted day.month, then any time of day (days._clock_after_dotted) -----------------
DOTTED = [
    ("11.3 after work", L, "2026-03-11 17:00"),
    ("13.3 7ish", L, "2026-03-13 19:00"),
    ("Fri 20.3 from 7", L, "2026-03-20 19:00"),
    ("10.3 evening", L, "2026-03-10 18:00"),
    ("27.3 lunchtime", L, "2026-03-27 12:00"),
    ("7.4 - 6pm", L, "2026-04-07 18:00"),
    ("fri 13/03 – 19:00", L, "2026-03-13 19:00"),
    ("Mon 16.3 - 7pm", L, "2026-03-16 19:00"),
    ("sat 28.3 arvo", MEL, "2026-03-28 12:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), DOTTED)
def test_a_dotted_date_before_any_time_of_day(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_a_dotted_number_alone_in_chat_stays_a_number() -> None:
    # the looser hint is for a `when`; chat still needs a clock time or a weekday
    now = _now(L)
    assert find_times("python 3.11 is out", now=now) == []
    assert [m.text for m in find_times("see you 20.3 from 7", now=now)] != ["20.3 from 7"]


# -- zones named after a country, region or city (clock._tz_named, region.place_zone) --
ZONES = [
    ("6pm Ireland", L, "2026-03-04 18:00"),
    ("7pm Central European", L, "2026-03-04 18:00"),
    ("8pm Spain time", L, "2026-03-04 19:00"),
    ("5pm Brazil time", L, "2026-03-04 20:00"),
    ("9am Singapore", L, "2026-03-05 01:00"),
    ("7pm Scotland time", L, "2026-03-04 19:00"),
    ("6pm South Africa time", L, "2026-03-04 16:00"),
    ("7pm Mumbai time", L, "2026-03-04 13:30"),
    ("7pm Cape Town time", L, "2026-03-04 17:00"),
    ("noon Hawaii time", L, "2026-03-04 22:00"),
    ("6pm Queensland time", L, "2026-03-05 08:00"),
    ("5pm West Coast", L, "2026-03-05 01:00"),
    ("7.30pm South African time", L, "2026-03-04 17:30"),
    ("8pm Poland time", NY, "2026-03-04 14:00"),
    ("friday 7pm nz", L, "2026-03-06 06:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), ZONES)
def test_a_zone_named_after_a_place(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_a_city_needs_time_after_it_and_common_words_are_no_place() -> None:
    assert place_zone(("ireland",), with_time=False) == "Europe/Dublin"
    assert place_zone(("mumbai",), with_time=True) == "Asia/Kolkata"
    assert place_zone(("mumbai",), with_time=False) is None  # "7pm Mumbai" is where
    assert _read("7pm Paris", L) is None
    assert _read("8pm Central Park", L) is None
    assert _read("7pm our time", L) is None


# -- regional and finer parts of the day ------------------------------------------------
PARTS = [
    ("dinnertime saturday", L, "2026-03-07 18:00"),
    ("dinner time on sunday", L, "2026-03-08 18:00"),
    ("supper time saturday", L, "2026-03-07 18:00"),
    ("saturday elevenses", L, "2026-03-07 11:00"),
    ("after dinner on friday", L, "2026-03-06 20:00"),
    ("morning tea tomorrow", SYD, "2026-03-05 10:00"),
    ("sat avo", MEL, "2026-03-07 12:00"),
    ("late doors friday", L, "2026-03-06 21:00"),
    ("lunch hour friday", L, "2026-03-06 12:00"),
    ("just after lunch on friday", L, "2026-03-06 13:00"),
    ("tomorrow just after lunch", L, "2026-03-05 13:00"),
    ("sunday aft", L, "2026-03-08 12:00"),
    ("tmrw evng", L, "2026-03-05 18:00"),
    ("knock-off time friday", SYD, "2026-03-06 17:00"),
    ("after uni on wednesday", L, "2026-03-11 17:00"),
    ("friday evening, 6.30ish", L, "2026-03-06 18:30"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), PARTS)
def test_regional_and_finer_parts_of_the_day(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_meal_and_slang_words_alone_in_chat_are_no_time() -> None:
    now = _now(SYD)
    assert find_times("avo on toast is overrated", now=now) == []
    assert find_times("the aft deck was packed", now=now) == []


# -- "or" lists and "7 for 7.30" ---------------------------------------------------------
ALTERNATIVES = [
    ("mon, tue or wed evening", L, "2026-03-09 18:00"),
    ("tuesday, wednesday or thursday evening", L, "2026-03-10 18:00"),
    ("fri, sat or sun afternoon", L, "2026-03-06 12:00"),
    ("7 for 7.30 on saturday", L, "2026-03-07 19:00"),
    ("6.30 for 7, friday", L, "2026-03-06 18:30"),
    ("next tues, 7 for 7.15", L, "2026-03-10 19:00"),
    ("friday evening, 7 for 7.30", L, "2026-03-06 19:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), ALTERNATIVES)
def test_lists_of_days_and_arrive_for_start(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_two_bare_numbers_joined_by_for_are_no_pair_of_times() -> None:
    now = _now(L)
    assert [m.text for m in find_times("table at 7pm for 8 people", now=now)] == ["7pm"]
    assert [m.text for m in find_times("drinks at 7pm for 7.30pm", now=now)] == ["7pm for 7.30pm"]
    assert _read("2 for 3.50", L) is None


# -- two pieces that make one `when` (compose) --------------------------------------------
PIECES = [
    ("a week on friday, 7.30", L, "2026-03-13 19:30"),
    ("a week on thursday, 6.30", L, "2026-03-12 18:30"),
    ("in 3 weeks, saturday", L, "2026-03-28 00:00"),
    ("in two weeks, friday", L, "2026-03-20 00:00"),
    ("in two weeks, thursday evening", L, "2026-03-19 18:00"),
    ("this weekend, sunday ideally", L, "2026-03-08 00:00"),
    ("this weekend, saturday preferably", L, "2026-03-07 00:00"),
    ("next week, ideally tuesday", L, "2026-03-10 00:00"),
    ("this wknd, sat arvo", MEL, "2026-03-07 12:00"),
    ("saturday afternoon, 1ish to 4", L, "2026-03-07 13:00"),
    ("sunday afternoon, 2ish to 5", L, "2026-03-08 14:00"),
    ("sunday arvo, 3 til 6", SYD, "2026-03-08 15:00"),
    ("one afternoon next week", L, "2026-03-09 12:00"),
    ("any evening next week", L, "2026-03-09 18:00"),
    ("some evening next week", L, "2026-03-09 18:00"),
    ("any weeknight next week", L, "2026-03-09 18:00"),
    ("one evening this week", L, "2026-03-04 18:00"),
    ("fortnight on friday, 7pm", L, "2026-03-20 19:00"),
    ("tomorrow week, 7pm", L, "2026-03-12 19:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), PIECES)
def test_two_pieces_make_one_when(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_pieces_that_make_no_one_time_are_refused() -> None:
    for text in ("friday, saturday", "7pm, 8pm", "some evening", "1830 tmrw tmrw 1830"):
        assert _read(text, L) is None, text
    # a past year is never a meetup's: "1830" beside a day is half past six
    assert _read("1830 tmrw", L) == "2026-03-05 18:30"
    assert _read("tmrw 1830", L) == "2026-03-05 18:30"


# -- numbers written the way people type them ----------------------------------------------
TYPED = [
    ("12-03-2026 18:30", L, "2026-03-12 18:30"),
    ("12-3-26 7pm", L, "2026-03-12 19:00"),
    ("03-12-2026 7pm", NY, "2026-03-12 19:00"),
    ("wknd?", L, "2026-03-06 18:00"),
    ("satday 2pm", L, "2026-03-07 14:00"),
    ("2mrw 6pm", L, "2026-03-05 18:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), TYPED)
def test_typed_forms(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_a_range_of_years_is_still_a_range() -> None:
    m = find_times("from 1960 - 1961", now=_now(L))
    assert m and m[0].start.year == 1960 and m[0].end is not None and m[0].end.year == 1962


# -- holidays from the community's own calendar (days._calendar_name) ------------------------
HOLIDAYS = [
    ("Anzac Day", SYD, "2026-04-25 00:00"),
    ("anzac day arvo", MEL, "2026-04-25 12:00"),
    ("Waitangi Day", AKL, "2027-02-06 00:00"),
    ("Labour Day", AKL, "2026-10-26 00:00"),
    ("Labour Day", MEL, "2026-03-09 00:00"),
    ("Labour Day", SYD, "2026-10-05 00:00"),
    ("Labour Day weekend", AKL, "2026-10-24 00:00"),
    ("Family Day", TOR, "2027-02-15 00:00"),
    ("Victoria Day", TOR, "2026-05-18 00:00"),
    ("Independence Day", KOL, "2026-08-15 00:00"),
    ("Independence Day", NY, "2026-07-04 00:00"),
    ("Republic Day", KOL, "2027-01-26 00:00"),
    ("Heritage Day", JNB, "2026-09-24 00:00"),
    ("Day of Reconciliation", JNB, "2026-12-16 00:00"),
    ("King's Birthday", SYD, "2026-06-08 00:00"),
    ("Melbourne Cup day", MEL, "2026-11-03 00:00"),
    ("Dussehra", KOL, "2026-10-20 00:00"),
    ("spring bank holiday", L, "2026-05-25 00:00"),
    ("the bank holiday", L, "2026-04-03 00:00"),
    ("the bank holiday", DUB, "2026-03-17 00:00"),
    ("bank holiday monday", DUB, "2026-04-06 00:00"),
    ("Juneteenth", NY, "2026-06-19 00:00"),
    ("Remembrance Day", TOR, "2026-11-11 00:00"),
    ("St Andrew's Day", L, "2026-11-30 00:00"),
    ("Burns Night", L, "2027-01-25 18:00"),
    ("bonfire night", L, "2026-11-05 18:00"),
    ("Guy Fawkes night", AKL, "2026-11-05 18:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), HOLIDAYS)
def test_holidays_of_the_community_s_calendar(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_day_alone_and_a_birthday_name_no_holiday() -> None:
    assert _read("my birthday", SYD) is None
    assert find_times("the day after", now=_now(JNB)) == []


# -- seasons: in a `when`, the coming one -------------------------------------------------
def test_a_season_in_a_when_is_the_coming_one_in_chat_the_current() -> None:
    assert _read("in the winter", L) == "2026-12-21 00:00"
    assert _read("this winter", L) == "2025-12-21 00:00"  # said "this": the one going on
    assert _read("in the summer", SYD) == "2026-12-01 00:00"
    chat = parse_when("in the winter", now=_now(L), meetup=False)
    assert chat is not None and chat.start.year == 2025  # chat: the winter going on


# -- words and numbers that name no time: refused ----------------------------------------
REFUSED = [
    "asap-ish",
    "meet the deadline",
    "7 people",
    "5 stars",
    "route 66",
    "version 2.3",
    "3 or 4 of us",
    "table for 6",
    "room 101",
    "£20 each",
    "whenevs",
    "weather permitting",
    "2 or 3 people",
    "10/10 would recommend",
    "7 days a week",
    "when I'm back",
]


@pytest.mark.parametrize("text", REFUSED)
def test_no_time_is_refused(text: str) -> None:
    assert _read(text, L) is None


# -- a weekend or week next to a day; a day said twice; a zone after the day ----------------
NEXT_TO = [
    ("the weekend after easter", L, "2026-04-10 18:00"),
    ("the weekend before easter", L, "2026-03-27 18:00"),
    ("the week after christmas", L, "2026-12-28 00:00"),
    ("the week before christmas", L, "2026-12-14 00:00"),
    ("weekend after thanksgiving", NY, "2026-11-27 18:00"),
    ("christmas eve eve", L, "2026-12-23 00:00"),
    ("next friday evening (13th)", L, "2026-03-13 18:00"),
    ("sat 14th (next saturday)", L, "2026-03-14 00:00"),
    ("7 pm friday IST", KOL, "2026-03-06 19:00"),
    ("7pm on saturday UK time", NY, "2026-03-07 14:00"),
    ("saturday 7pm, Sydney time", L, "2026-03-07 08:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), NEXT_TO)
def test_periods_next_to_a_day_restated_days_and_trailing_zones(
    text: str, zone: str, expected: str
) -> None:
    _check(text, zone, expected)


def test_a_restated_day_must_be_the_same_day_and_a_trailing_word_must_be_a_zone() -> None:
    assert _read("sat 14th (this saturday)", L) is None  # the 14th is not this Saturday
    assert _read("7pm friday Paris", L) is None  # a city alone after the day is where
    assert _read("friday blah", L) is None


# -- batch C's misses, by class --------------------------------------------------------------
BATCH_C = [
    ("12.3 after 6", L, "2026-03-12 18:00"),
    ("10am Texas time", L, "2026-03-04 16:00"),
    ("7pm California time", L, "2026-03-05 03:00"),
    ("5pm Ontario time", L, "2026-03-04 22:00"),  # the province, not Ontario, California
    ("3pm Western Australia time", L, "2026-03-05 07:00"),
    ("6pm British Columbia time", L, "2026-03-05 02:00"),
    ("late-morning saturday", L, "2026-03-07 10:00"),
    ("early-evening friday", L, "2026-03-06 18:00"),
    ("Black Friday", NY, "2026-11-27 00:00"),
    ("Cyber Monday", NY, "2026-11-30 00:00"),
    ("Labor Day 2pm", NY, "2026-09-07 14:00"),
    ("Remembrance Sunday", L, "2026-11-08 00:00"),
    ("this weekend – sunday arvo", SYD, "2026-03-08 12:00"),
    ("one lunchtime next week", L, "2026-03-09 12:00"),
    ("tmoro 7", L, "2026-03-05 19:00"),
    ("sat 28th march 10am", L, "2026-03-28 10:00"),
    ("saturday 28th march 10am", L, "2026-03-28 10:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), BATCH_C)
def test_batch_c_classes(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_a_range_into_a_later_span_is_still_a_range_and_a_year_after_a_day_stays() -> None:
    m = parse_when("friday 6pm to sunday noon", now=_now(L), meetup=True)
    assert m is not None and m.end is not None and m.end.day == 8
    assert _read("15th Feb 27", L) == "2027-02-15 00:00"  # two digits, no clock after


# -- batch D's misses ------------------------------------------------------------------------
BATCH_D = [
    ("friday, dinnertime", L, "2026-03-06 18:00"),
    ("sunday, lunchtime", L, "2026-03-08 12:00"),
    ("St Stephen's Day", DUB, "2026-12-26 00:00"),
    ("st stephens day 2pm", DUB, "2026-12-26 14:00"),
    ("Kings Birthday", SYD, "2026-06-08 00:00"),
    ("tomoz 8pm", L, "2026-03-05 20:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), BATCH_D)
def test_batch_d_classes(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_a_street_is_no_saint() -> None:
    assert [m.text for m in find_times("meet on Main St at 7pm", now=_now(L))] == ["7pm"]
    assert find_times("dinner was lovely", now=_now(L)) == []


# -- batch E's misses ------------------------------------------------------------------------
BATCH_E = [
    ("Sat 4 Apr, 12.30", L, "2026-04-04 12:30"),
    ("6pm Swiss time", L, "2026-03-04 17:00"),
    ("mid-arvo saturday", SYD, "2026-03-07 14:00"),
    ("wknd, sat ideally", L, "2026-03-07 00:00"),
    ("Saturday (14th) 2pm", L, "2026-03-14 14:00"),
    ("2pm on the 14th (sat)", L, "2026-03-14 14:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), BATCH_E)
def test_batch_e_classes(text: str, zone: str, expected: str) -> None:
    _check(text, zone, expected)


def test_a_weekday_that_is_not_the_date_s_is_refused_and_sat_stays_a_verb() -> None:
    assert _read("Saturday (13th)", L) is None  # the 13th is a Friday
    assert find_times("the cat sat, then left", now=_now(L)) == []
    assert _read("python 3.11, 12.30", L) is None


def test_ranges_of_dashed_dates_stay_ranges() -> None:
    for text, first, last in [
        ("2030-02-03 to 2030-02-05", "2030-02-03", "2030-02-06"),
        ("12-03-2026 to 14-03-2026", "2026-03-12", "2026-03-15"),
    ]:
        m = parse_when(text, now=_now(L), meetup=False)
        assert m is not None and m.end is not None, text
        assert (m.start.date().isoformat(), m.end.date().isoformat()) == (first, last)
