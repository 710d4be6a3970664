"""The dates of the holidays people plan around, by country where countries differ.

Sources: fixed dates are the calendar's (Christmas Eve 24 Dec, Boxing Day 26 Dec, ...);
Western Easter is python-dateutil's ``easter`` (Good Friday two days before, Easter Monday
the day after); US Thanksgiving is the fourth Thursday of November (5 U.S.C. 6103) and
Canadian Thanksgiving the second Monday of October (Holidays Act, R.S.C. 1985, c. H-5);
Memorial Day the last Monday of May, Labor Day the first Monday of September, Martin
Luther King Jr. Day and Washington's Birthday ("Presidents' Day") the third Monday of
January and February (5 U.S.C. 6103; Canada's Labour Day is the same Monday); Cinco de
Mayo 5 May; Bonfire (Guy Fawkes) Night 5 November, Burns Night 25 January, St
Andrew's Day 30 November, Juneteenth 19 June, Remembrance (Armistice) Day 11 November and
Remembrance Sunday the second Sunday of November, Black Friday and Cyber Monday after US
Thanksgiving;
Diwali, the lunar new year, each country's bank holidays and any other holiday of the
community's calendar ("Anzac Day", "Family Day", "Republic Day", Labour Day by state) come
from the ``holidays`` package (India's and
China's calendars, the country's or its state's public holidays; the UK's are England's),
loaded only when such a word is read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import MO, SU, TH, relativedelta, weekday

from bot.nlp.dates.vocabulary import _CALENDAR_LAST_WORDS, CALENDAR_ALIASES

# A holiday's first day in a year for a country (None: it has none that year).
DayOf = Callable[[str | None, int], date | None]


def _nth_weekday(start: date, weekday: weekday) -> date:
    """The n-th such weekday from ``start`` (``MO(-1)``: the last Monday on or before it)."""
    day: date = start + relativedelta(weekday=weekday)
    return day


def _fixed(month: int, day: int) -> DayOf:
    return lambda _country, year: date(year, month, day)


def _thanksgiving(country: str | None, year: int) -> date:
    """Canada: the second Monday of October; elsewhere the US one, the fourth Thursday of
    November (the one English chat means unless the community is Canadian)."""
    if country == "CA":
        return _nth_weekday(date(year, 10, 1), MO(2))
    return _nth_weekday(date(year, 11, 1), TH(4))


def _community_or(name: str, fallback: str) -> DayOf:
    """A day from the community's own calendar when it has one so named, else from
    ``fallback``'s (Eid al-Fitr is a day later or earlier by country: 21 March 2026 in
    Malaysia, 19 March in Nigeria)."""

    def day(country: str | None, year: int) -> date | None:
        for where in (country, fallback):
            days = _public_holidays(where, year) if where else ()
            # "Eid al-Fitr", not its "(additional holiday)" or "(Second Day)"
            found = [d for d, n in days if n.lower().startswith(name) and "(" not in n]
            if found:
                return found[0]
        return None

    return day


def _civic_holiday(country: str | None, year: int) -> date | None:
    """Canada's August long weekend Monday, the first Monday of August, which most
    provinces keep under some name (Ontario's Civic Holiday, Alberta's Heritage Day, BC
    Day, Natal Day); the community's own calendar is read first. No such day elsewhere."""
    return _nth_weekday(date(year, 8, 1), MO(1)) if country == "CA" else None


def _after_thanksgiving(days: int) -> DayOf:
    """A day counted from US Thanksgiving ("Black Friday", "Cyber Monday")."""
    return lambda _country, year: _thanksgiving(None, year) + timedelta(days=days)


def _remembrance_sunday(_country: str | None, year: int) -> date:
    """The second Sunday of November (the Sunday nearest 11 November)."""
    return _nth_weekday(date(year, 11, 1), SU(2))


def _easter_plus(days: int) -> DayOf:
    return lambda _country, year: easter(year) + timedelta(days=days)


def _memorial_day(_country: str | None, year: int) -> date:
    return _nth_weekday(date(year, 5, 31), MO(-1))


def _labour_day(_country: str | None, year: int) -> date:
    return _nth_weekday(date(year, 9, 1), MO(1))


def _nth_monday(month: int, nth: int) -> DayOf:
    return lambda _country, year: _nth_weekday(date(year, month, 1), MO(nth))


# A country whose bank holidays differ by part: the part most members live in when the
# zone does not say (the UK's national list holds only the days all four nations share,
# without Easter Monday or the August bank holiday of England and Wales).
_SUBDIVISIONS = {"GB": "ENG"}


@functools.cache
def _public_holidays(
    country: str, year: int, subdiv: str | None = None
) -> tuple[tuple[date, str], ...]:
    """A country's (or its part's) public holidays in a year, from the ``holidays``
    package (imported on first use: it is large and most messages name no holiday);
    "(observed)" days that move a weekend holiday are left out."""
    import holidays

    try:
        days = holidays.country_holidays(
            country, subdiv=subdiv or _SUBDIVISIONS.get(country), years=year
        )
    except NotImplementedError:  # a country or part the package does not know
        return () if subdiv is None else _public_holidays(country, year)
    return tuple(sorted((d, n) for d, n in days.items() if "observed" not in n.lower()))


@functools.cache
def _optional_holidays(
    country: str, year: int, subdiv: str | None = None
) -> tuple[tuple[date, str], ...]:
    """Days a country's calendar keeps as optional (most employers give them, the law does
    not): Ontario's Civic Holiday, Alberta's Heritage Day, Nova Scotia's Natal Day. Read
    only by name, never as "the bank holiday"."""
    import holidays

    try:
        days = holidays.country_holidays(
            country,
            subdiv=subdiv or _SUBDIVISIONS.get(country),
            years=year,
            categories=("optional",),
        )
    except (NotImplementedError, ValueError):  # no such part, or no optional category
        return ()
    return tuple(sorted((d, n) for d, n in days.items() if "observed" not in n.lower()))


def _named_in(country: str, name: str) -> DayOf:
    """The first day in ``country``'s calendar whose name contains ``name``."""

    def day(_community: str | None, year: int) -> date | None:
        found = [d for d, n in _public_holidays(country, year) if name in n.lower()]
        return found[0] if found else None

    return day


def bank_holidays(country: str | None, year: int, subdiv: str | None = None) -> list[date]:
    """The public holidays of a year (the UK's without a known country): a "bank
    holiday" is any of them (England's next after 4 March 2026 is Good Friday, Ireland's
    St Patrick's Day)."""
    return [d for d, _ in _public_holidays(country or "GB", year, subdiv)]


def _name_words(name: str) -> tuple[str, ...]:
    """A holiday's name as words to compare: "ANZAC Day" -> ("anzac", "day"), "Labor
    Day" and "Labour Day" alike, "Saint Stephen's Day" and "st stephens day" alike (a final
    "s" is dropped from every word, so a possessive written without its apostrophe
    matches)."""
    words = re.findall(r"[a-z]+", name.lower().replace("'s", "").replace("'", ""))
    return tuple(_SPELLINGS.get(w, w).removesuffix("s") for w in words)


_SPELLINGS = {"labour": "labor", "st": "saint"}


def calendar_day(
    words: tuple[str, ...], country: str, year: int, subdiv: str | None, whole: bool = False
) -> date | None:
    """The day of the community's calendar whose name starts with ``words`` (is ``words``
    when ``whole``).

    Examples: ("anzac", "day") in AU -> 25 April; ("labour", "day") in AU-VIC -> the second
    Monday of March, in NZ the fourth Monday of October; ("republic", "day") in IN;
    ("civic", "holiday") in CA-ON (an optional day there) -> the first Monday of August;
    ("independence", "day") in NG, whose calendar says "National Day" -> 1 October."""
    days = _public_holidays(country, year, subdiv) + _optional_holidays(country, year, subdiv)
    for said in (words, CALENDAR_ALIASES.get(words)):
        want = _name_words(" ".join(said or ()))
        for d, name in days if want else ():
            have = _name_words(name)
            if (have == want) if whole else (have[: len(want)] == want):
                return d
    return None


def in_calendar(
    words: tuple[str, ...], country: str | None, subdiv: str | None, year: int, whole: bool
) -> bool:
    """Whether the community's calendar names a holiday so (this year or the next)."""
    return country is not None and any(
        calendar_day(words, country, y, subdiv, whole) is not None for y in (year, year + 1)
    )


HOLIDAYS: dict[str, DayOf] = {
    "christmas": _fixed(12, 25),
    "christmas_eve": _fixed(12, 24),
    "boxing_day": _fixed(12, 26),
    "new_years_eve": _fixed(12, 31),
    "new_years_day": _fixed(1, 1),
    "halloween": _fixed(10, 31),
    "valentines": _fixed(2, 14),
    "st_patricks": _fixed(3, 17),
    "july_fourth": _fixed(7, 4),
    "canada_day": _fixed(7, 1),
    "civic_holiday": _civic_holiday,
    "australia_day": _fixed(1, 26),
    "thanksgiving": _thanksgiving,
    "easter": _easter_plus(0),
    "good_friday": _easter_plus(-2),
    "easter_monday": _easter_plus(1),
    "easter_saturday": _easter_plus(-1),
    "memorial_day": _memorial_day,
    "labour_day": _labour_day,
    "mlk_day": _nth_monday(1, 3),
    "presidents_day": _nth_monday(2, 3),
    "cinco_de_mayo": _fixed(5, 5),
    "bonfire_night": _fixed(11, 5),
    "burns_night": _fixed(1, 25),
    "st_andrews": _fixed(11, 30),
    "juneteenth": _fixed(6, 19),
    "remembrance_day": _fixed(11, 11),
    "remembrance_sunday": _remembrance_sunday,
    "black_friday": _after_thanksgiving(1),
    "cyber_monday": _after_thanksgiving(4),
    "diwali": _named_in("IN", "diwali"),
    "eid_al_fitr": _community_or("eid al-fitr", "SG"),
    "eid_al_adha": _community_or("eid al-adha", "SG"),
    "lunar_new_year": _named_in("CN", "spring festival"),
}


CALENDAR = "calendar:"  # a key read from the community's own calendar: "calendar:anzac day"


def holiday_days(key: str, country: str | None, year: int, subdiv: str | None = None) -> list[date]:
    """The holiday's days in a year (a country has several bank holidays)."""
    if key == "bank_holiday":
        return bank_holidays(country, year, subdiv)
    if key == "bank_holiday_monday":
        return [d for d in bank_holidays(country, year, subdiv) if d.weekday() == 0]
    if key.startswith(CALENDAR):
        if country is None:
            return []
        words = tuple(key[len(CALENDAR) :].split())
        whole = words[-1] not in _CALENDAR_LAST_WORDS  # "Dussehra": the whole name
        day = calendar_day(words, country, year, subdiv, whole)
    else:
        day = HOLIDAYS[key](country, year)
    return [] if day is None else [day]


def next_holiday(
    key: str, country: str | None, today: date, subdiv: str | None = None
) -> date | None:
    """The holiday's next day from today (today counts), this year or the next ones.

    Examples: "christmas" on 2026-03-04 -> 2026-12-25; "thanksgiving" in CA -> the
    second Monday of October; "bank_holiday" in GB -> the next public holiday."""
    for year in range(today.year, today.year + 3):
        ahead = [d for d in holiday_days(key, country, year, subdiv) if d >= today]
        if ahead:
            return ahead[0]
    return None


def last_holiday(
    key: str, country: str | None, today: date, subdiv: str | None = None
) -> date | None:
    """The holiday's last day before today ("last Thanksgiving")."""
    for year in range(today.year, today.year - 3, -1):
        before = [d for d in holiday_days(key, country, year, subdiv) if d < today]
        if before:
            return before[-1]
    return None


def holiday_weekend(day: date) -> tuple[date, date]:
    """The long weekend around a holiday, as days (end exclusive): from the Friday (or a
    Thursday holiday) to the Monday after (or through a Monday holiday).

    Examples: US Thanksgiving (Thu) -> Thu-Sun; Easter Monday -> Sat-Mon; Easter Sunday ->
    Fri-Mon; Canadian Thanksgiving (Mon) -> Sat-Mon."""
    wd = day.weekday()
    if wd == 6:  # a Sunday holiday (Easter): Good Friday to Easter Monday
        return day - timedelta(days=2), day + timedelta(days=2)
    if wd in (3, 4):  # Thursday / Friday: from it to Sunday
        return day, day + timedelta(days=7 - wd)
    if wd == 0:  # Monday: Saturday to Monday
        return day - timedelta(days=2), day + timedelta(days=1)
    saturday = day + timedelta(days=(5 - wd) % 7)
    return saturday, saturday + timedelta(days=2)
