"""Round 9 of the meetup `when` (issue 14): the classes of batches I and J, each in wordings
beyond the batches, with its non-times.

A dotted day.month beside a clock time on either side or across a dash; zones named after
a region or city (and one time written in two zones); regional and finer parts of the day
(a short weekday after one, "towards"/"the end of", after school / office hours / class);
a meal beside a date; lists of alternatives sharing a part of the day; a holiday's long
weekend and holiday names as people type them; a season alone; "7pm-late", "between 7 & 9",
"7 o clock"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import find_times, parse_when

L, NY, BER, DUB = "Europe/London", "America/New_York", "Europe/Berlin", "Europe/Dublin"
SYD, MEL, AKL = "Australia/Sydney", "Australia/Melbourne", "Pacific/Auckland"
TOR, KOL = "America/Toronto", "Asia/Kolkata"


def _read(text: str, zone: str) -> str | None:
    now = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo(zone))  # a Wednesday
    m = parse_when(text, now=now, meetup=True)
    return None if m is None else m.start.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _check(text: str, zone: str, expected: str | None) -> None:
    assert _read(text, zone) == expected, text


# -- a dotted day.month beside a clock time ------------------------------------------------
DOTTED = [
    ("13.03 - 19:30", L, "2026-03-13 19:30"),  # not 13:03 to 19:30
    ("20.03 – 18:00", BER, "2026-03-20 18:00"),
    ("7pm 12.3.", L, "2026-03-12 19:00"),  # the closing dot is lost at the edge
    ("19:00, 12.3.", BER, "2026-03-12 19:00"),
    ("7.30pm 14.3", L, "2026-03-14 19:30"),
    ("14.3 around 7", L, "2026-03-14 19:00"),
    ("lunchtime on 14.3", L, "2026-03-14 12:00"),
    ("sat 14.3 – 7pm", L, "2026-03-14 19:00"),
    ("21.3 - evening", L, "2026-03-21 18:00"),
    ("sat - arvo", SYD, "2026-03-07 12:00"),
    ("18.30 - 21:00", L, "2026-03-04 18:30"),  # a time range stays one
    ("room 3.12", L, None),
    ("iOS 17.3", L, None),
    ("v2.3 at 7pm", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), DOTTED)
def test_a_dotted_date_beside_a_clock_time(text: str, zone: str, expected: str | None) -> None:
    _check(text, zone, expected)


# -- zones named after a region or a city; one time in two zones ---------------------------
ZONES = [
    ("7pm Atlantic time", TOR, "2026-03-04 18:00"),
    ("7pm Atlantic", TOR, "2026-03-04 18:00"),
    ("7pm Adelaide time", L, "2026-03-05 08:30"),
    ("8pm melb time", SYD, "2026-03-04 20:00"),
    ("7pm Central Europe", L, "2026-03-04 18:00"),
    ("7pm Eastern European time", L, "2026-03-04 17:00"),
    ("7pm Hawaiian time", L, "2026-03-05 05:00"),
    ("9am Perth time", SYD, "2026-03-04 12:00"),  # still ahead in Perth at 10:00 Sydney
    ("7pm UK / 2pm ET", NY, "2026-03-04 14:00"),
    ("sat 7pm UK / 2pm ET", NY, "2026-03-07 14:00"),
    ("19:00 UK time / 20:00 CET", BER, "2026-03-04 20:00"),
    ("8pm GMT (3pm EST)", NY, "2026-03-04 15:00"),
    ("1pm (GMT)", NY, "2026-03-05 08:00"),  # its ")" lost at the edge; past in GMT today
    ("8pm NZT Sat", L, "2026-03-07 07:00"),  # a day after a region is no place
    ("8pm NZT sat", L, "2026-03-07 07:00"),
    ("8pm Central Park", L, None),
    ("7pm UK / 3pm ET", NY, None),  # two different instants are no one time
    ("7pm / 8pm", L, None),
    ("1830 tmrw tmrw 1830", L, None),  # said twice, not in two zones
    ("7pm Paris", L, None),  # a city without "time" is where (house convention)
]


@pytest.mark.parametrize(("text", "zone", "expected"), ZONES)
def test_a_zone_named_after_a_place_or_two_zones(
    text: str, zone: str, expected: str | None
) -> None:
    _check(text, zone, expected)


# -- regional and finer parts of the day ---------------------------------------------------
PARTS = [
    ("after office hours", KOL, "2026-03-04 17:00"),
    ("after work hours friday", L, "2026-03-06 17:00"),
    ("after class thursday", L, "2026-03-05 17:00"),
    ("post-work friday", L, "2026-03-06 17:00"),
    ("after-school on weds", L, "2026-03-11 15:00"),
    ("straight after school friday", L, "2026-03-06 15:00"),
    ("wed after school, 3.30", L, "2026-03-11 15:30"),
    ("tea-time friday", L, "2026-03-06 16:00"),
    ("lunch-time friday", L, "2026-03-06 12:00"),
    ("dinner-time thurs", L, "2026-03-05 18:00"),
    ("brunch-time sunday", L, "2026-03-08 10:00"),
    ("breakfast time saturday", L, "2026-03-07 07:00"),
    ("knock off friday", SYD, "2026-03-06 17:00"),
    ("sat afto", SYD, "2026-03-07 12:00"),
    ("evening time", L, "2026-03-04 18:00"),
    ("mid-morning sat", L, "2026-03-07 10:00"),
    ("mid morning sun", L, "2026-03-08 10:00"),
    ("after lunch sat", L, "2026-03-07 13:00"),
    ("late arvo sat", SYD, "2026-03-07 16:00"),
    ("towards the end of the afternoon", L, "2026-03-04 16:00"),
    ("toward evening saturday", L, "2026-03-07 18:00"),
    ("end of the afternoon friday", L, "2026-03-06 16:00"),
    ("later on in the evening, fri", L, "2026-03-06 21:00"),
    ("late arvo 4ish sat", SYD, "2026-03-07 16:00"),
    ("sat afternoon/evening", L, "2026-03-07 12:00"),  # alternatives: the first
    ("sat arvo/evening", SYD, "2026-03-07 12:00"),
    ("sat from lunchtime", L, "2026-03-07 12:00"),
    ("24/7", L, None),
    ("late afternoon, 4ish sat", L, "2026-03-07 16:00"),
    ("post-work drinks thurs", L, None),  # an outing named in the `when` (house)
    ("after the school run friday", L, None),
    ("after school pickup", L, None),
    ("towards the end", L, None),
    ("the end of the day", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), PARTS)
def test_regional_and_finer_parts_of_the_day(text: str, zone: str, expected: str | None) -> None:
    _check(text, zone, expected)


# -- a meal beside a date ------------------------------------------------------------------
MEALS = [
    ("lunchtime on the 12th", L, "2026-03-12 12:00"),
    ("dinner on the 12th", L, "2026-03-12 18:00"),
    ("the 12th, lunchtime", L, "2026-03-12 12:00"),
    ("brunch on the 15th", L, "2026-03-15 10:00"),
    ("lunchtime 12th march", L, "2026-03-12 12:00"),
    ("lunchtime on march 12", NY, "2026-03-12 12:00"),
    ("lunch was great on the 12th", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), MEALS)
def test_a_meal_beside_a_date(text: str, zone: str, expected: str | None) -> None:
    _check(text, zone, expected)


# -- alternatives that share a part of the day ---------------------------------------------
ALTERNATIVES = [
    ("fri/sat/sun evening", L, "2026-03-06 18:00"),
    ("thu or fri or sat night", L, "2026-03-05 18:00"),
    ("friday or saturday - evening", L, "2026-03-06 18:00"),
    ("sat or sun – evening", L, "2026-03-07 18:00"),
    ("fri or sat, evening time", L, "2026-03-06 18:00"),
    ("fri, sat evening", L, "2026-03-06 18:00"),  # commas, no "or"
    ("thu,fri,sat evening", L, "2026-03-05 18:00"),
    ("mon, tue after work", L, "2026-03-09 17:00"),
    ("sat or sun, whichever", L, None),
    ("friday, saturday", L, None),  # two days and no time: no one time
]


@pytest.mark.parametrize(("text", "zone", "expected"), ALTERNATIVES)
def test_alternatives_share_the_last_ones_part_of_the_day(
    text: str, zone: str, expected: str | None
) -> None:
    _check(text, zone, expected)


# -- holidays: long weekends and names as typed; seasons alone -----------------------------
HOLIDAYS = [
    ("canada day long weekend", TOR, "2026-07-04 00:00"),
    ("easter long weekend", SYD, "2026-04-03 00:00"),
    ("thanksgiving long weekend", TOR, "2026-10-10 00:00"),
    ("labour long weekend", AKL, "2026-10-24 00:00"),
    ("thanksgiving weekend sat", NY, "2026-11-28 00:00"),
    ("the may bank holiday weekend", L, "2026-05-02 00:00"),
    ("x-mas eve", L, "2026-12-24 00:00"),
    ("chrimbo", L, "2026-12-25 00:00"),
    ("NYD", L, "2027-01-01 00:00"),
    ("turkey day", NY, "2026-11-26 00:00"),
    ("paddys day", DUB, "2026-03-17 00:00"),
    ("st. patrick's day", DUB, "2026-03-17 00:00"),
    ("bank hol monday", L, "2026-04-06 00:00"),
    ("Melbourne Cup", MEL, "2026-11-03 00:00"),
    ("cup day", MEL, "2026-11-03 00:00"),
    ("Queen's Birthday", AKL, "2026-06-01 00:00"),
    ("easter sat arvo", SYD, "2026-04-04 12:00"),  # Easter Saturday, not the one after
    ("easter fri", L, "2026-04-03 00:00"),
    ("good fri", L, "2026-04-03 00:00"),
    ("easter sun", L, "2026-04-05 00:00"),
    ("summer", AKL, "2026-12-01 00:00"),
    ("winter", L, "2026-12-21 00:00"),
    ("fall", NY, "2026-09-23 00:00"),
    ("next bank hol", L, "2026-04-03 00:00"),
    ("spring bank hol", L, "2026-05-25 00:00"),
    ("king's bday", SYD, "2026-06-08 00:00"),
    ("springtime", L, "2026-03-20 00:00"),
    ("in the spring time", L, "2026-03-20 00:00"),
    ("summertime", AKL, "2026-12-01 00:00"),
    ("the long weekend", L, None),
    ("happy bday", L, None),
    ("cup of tea", L, None),
    ("world cup final", L, None),
    ("turkey sandwich", L, None),
    ("season", L, None),
    ("spring clean", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), HOLIDAYS)
def test_holidays_as_typed_and_seasons_alone(text: str, zone: str, expected: str | None) -> None:
    _check(text, zone, expected)


# -- ordinary forms ------------------------------------------------------------------------
ORDINARY = [
    ("7-late", L, "2026-03-04 19:00"),
    ("sat week, 7pm", L, "2026-03-14 19:00"),
    ("the sat before christmas", L, "2026-12-19 00:00"),
    ("sat at seven pm", L, "2026-03-07 19:00"),  # an hour in words beside a short weekday
    ("sun around eleven", L, "2026-03-08 11:00"),
    ("sat half past seven", L, "2026-03-07 19:30"),
    ("sevenish sat", L, "2026-03-07 19:00"),
    ("sun elevenish", L, "2026-03-08 11:00"),
    ("12 noon", L, "2026-03-04 12:00"),
    ("12 midday sat", L, "2026-03-07 12:00"),
    ("same time tmrw", L, "2026-03-05 10:00"),
    ("same time next thurs", L, "2026-03-12 10:00"),
    ("same time as usual", L, None),
    ("the sun at seven", L, None),
    ("7pm-late friday", L, "2026-03-06 19:00"),
    ("14th march, 7pm-late", L, "2026-03-14 19:00"),
    ("between 7 & 9", L, "2026-03-04 19:00"),
    ("tomorrow evening 7 o clock", KOL, "2026-03-05 19:00"),
    ("teatime friday-ish", L, "2026-03-06 16:00"),
    ("weekend-ish", L, "2026-03-06 18:00"),
    ("Satish", L, None),  # a name, not "sat" with "ish"
    ("7 & 9 people", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), ORDINARY)
def test_ordinary_forms(text: str, zone: str, expected: str | None) -> None:
    _check(text, zone, expected)


def test_chat_keeps_its_words() -> None:
    """The `when`-only readings stay out of chat: a lone season, a meal beside a date."""
    now = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo(L))
    assert find_times("summer is my favourite", now=now) == []
    assert [m.text for m in find_times("see you at the world cup", now=now)] == []


# -- a weekday that says which way round a numeric date is; a part and its hour; "time tbc"
MORE = [
    ("fri 3/6, 7:30 pm ET", TOR, "2026-03-06 19:30"),  # Canada writes both orders
    ("Fri 6/3", NY, "2026-03-06 00:00"),  # June 3 is a Wednesday: a visitor's 6 March
    ("sat 7/3 at 2pm", NY, "2026-03-07 14:00"),
    ("wed 6/3", NY, "2026-06-03 00:00"),  # the weekday agrees: the zone's order stands
    ("fri 13/3", NY, "2026-03-13 00:00"),
    ("early evening (6ish)", L, "2026-03-04 18:00"),
    ("mid-afternoon (3pm)", L, "2026-03-04 15:00"),
    ("after work (5:30)", L, "2026-03-04 17:30"),
    ("teatime (5pm)", L, "2026-03-04 17:00"),
    ("sat, time tbc", L, "2026-03-07 00:00"),
    ("14th march, time TBA", L, "2026-03-14 00:00"),
    ("evening, time tbc", L, "2026-03-04 18:00"),
    ("time tbc", L, None),
    ("time and place tbd", L, None),
    ("date tbc, 7pm", L, None),
]


@pytest.mark.parametrize(("text", "zone", "expected"), MORE)
def test_weekday_order_parts_with_their_hour_and_hours_to_follow(
    text: str, zone: str, expected: str | None
) -> None:
    _check(text, zone, expected)


# -- numbers with a sign are money, counts or ranks, never an hour -------------------------
SIGNS = [
    ("£7", L, None),
    ("$20", NY, None),
    ("€15", BER, None),
    ("₹500", KOL, None),
    ("#3", L, None),
    ("18+", L, None),
    ("7%", L, None),
    ("£7 entry, 7pm", L, None),  # more than a time: refused, as on main
    ("sat 7pm", L, "2026-03-07 19:00"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), SIGNS)
def test_a_number_with_a_sign_is_no_hour(text: str, zone: str, expected: str | None) -> None:
    _check(text, zone, expected)
