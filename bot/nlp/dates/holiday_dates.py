"""The dates of the holidays people plan around, by country where countries differ.

Sources: fixed dates are the calendar's (Christmas Eve 24 Dec, Boxing Day 26 Dec, ...);
Western Easter is python-dateutil's ``easter`` (Good Friday two days before, Easter Monday
the day after); US Thanksgiving is the fourth Thursday of November (5 U.S.C. 6103) and
Canadian Thanksgiving the second Monday of October (Holidays Act, R.S.C. 1985, c. H-5);
Memorial Day the last Monday of May, Labor Day the first Monday of September, Martin
Luther King Jr. Day and Washington's Birthday ("Presidents' Day") the third Monday of
January and February (5 U.S.C. 6103; Canada's Labour Day is the same Monday); Cinco de
Mayo 5 May; Diwali, the lunar new year and each country's bank holidays come from the
``holidays`` package (India's and China's calendars, the country's public holidays; the
UK's are England's), loaded only when such a word is read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import MO, TH, relativedelta, weekday

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


def _easter_plus(days: int) -> DayOf:
    return lambda _country, year: easter(year) + timedelta(days=days)


def _memorial_day(_country: str | None, year: int) -> date:
    return _nth_weekday(date(year, 5, 31), MO(-1))


def _labour_day(_country: str | None, year: int) -> date:
    return _nth_weekday(date(year, 9, 1), MO(1))


def _nth_monday(month: int, nth: int) -> DayOf:
    return lambda _country, year: _nth_weekday(date(year, month, 1), MO(nth))


# A country whose bank holidays differ by part: the part most members live in (the UK's
# national list holds only the days all four nations share, without Easter Monday or the
# August bank holiday of England and Wales).
_SUBDIVISIONS = {"GB": "ENG"}


@functools.cache
def _public_holidays(country: str, year: int) -> tuple[tuple[date, str], ...]:
    """A country's public holidays in a year, from the ``holidays`` package (imported on
    first use: it is large and most messages name no holiday)."""
    import holidays

    try:
        days = holidays.country_holidays(country, subdiv=_SUBDIVISIONS.get(country), years=year)
    except NotImplementedError:  # a country the package does not know
        return ()
    return tuple(sorted(days.items()))


def _named_in(country: str, name: str) -> DayOf:
    """The first day in ``country``'s calendar whose name contains ``name``."""

    def day(_community: str | None, year: int) -> date | None:
        found = [d for d, n in _public_holidays(country, year) if name in n.lower()]
        return found[0] if found else None

    return day


def bank_holidays(country: str | None, year: int) -> list[date]:
    """The Monday public holidays of a year (the UK's without a known country)."""
    return [d for d, _ in _public_holidays(country or "GB", year) if d.weekday() == 0]


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
    "diwali": _named_in("IN", "diwali"),
    "lunar_new_year": _named_in("CN", "spring festival"),
}


def holiday_days(key: str, country: str | None, year: int) -> list[date]:
    """The holiday's days in a year (a country has several bank holidays)."""
    if key == "bank_holiday":
        return bank_holidays(country, year)
    day = HOLIDAYS[key](country, year)
    return [] if day is None else [day]


def next_holiday(key: str, country: str | None, today: date) -> date | None:
    """The holiday's next day from today (today counts), this year or the next ones.

    Examples: "christmas" on 2026-03-04 -> 2026-12-25; "thanksgiving" in CA -> the
    second Monday of October; "bank_holiday" in GB -> the next Monday public holiday."""
    for year in range(today.year, today.year + 3):
        ahead = [d for d in holiday_days(key, country, year) if d >= today]
        if ahead:
            return ahead[0]
    return None


def last_holiday(key: str, country: str | None, today: date) -> date | None:
    """The holiday's last day before today ("last Thanksgiving")."""
    for year in range(today.year, today.year - 3, -1):
        before = [d for d in holiday_days(key, country, year) if d < today]
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
