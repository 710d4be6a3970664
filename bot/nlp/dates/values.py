"""What the grammar reads a message into: day spans, clock times, parts of the day and
resolved intervals (named dataclasses), the reading context, and date arithmetic."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from dateutil.relativedelta import relativedelta

from bot.nlp.dates.region import Region, region_of
from bot.nlp.dates.vocabulary import uses_us_dates

Grain = Literal["minute", "hour", "day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class TimeMention:
    text: str
    start_index: int
    end_index: int
    start: datetime
    end: datetime | None
    grain: Grain


# ---------------------------------------------------------------------------------------
# Values


@dataclass(slots=True)
class DaySpan:
    """A date or a span of days; ``end`` exclusive."""

    start: date
    end: date
    grain: Grain
    weekday_only: bool = False  # from a bare weekday ("Monday, Feb 18" takes the date)
    explicit_year: bool = False
    latent: bool = False


@dataclass(slots=True)
class ClockTime:
    """A clock time on an unknown day."""

    hour: int
    minute: int
    second: int = 0
    ampm: str | None = None  # "am" / "pm" / None
    grain: Grain = "hour"
    latent: bool = False  # a bare number ("at 7" is not latent, "7" is)
    tz: tzinfo | None = None  # the zone named after it ("7pm EST", "7pm UK time")
    flexible: bool = True  # hour 1-12 written without am/pm or 24h form


@dataclass(slots=True)
class PartOfDay:
    start_h: int
    end_h: int
    day_offset: int | None = None  # tonight -> 0, last night -> -1
    late: bool = False
    early: bool = False


@dataclass(slots=True)
class Interval:
    """A fully resolved instant or interval."""

    start: datetime
    end: datetime | None
    grain: Grain
    latent: bool = False


Value = DaySpan | ClockTime | PartOfDay | Interval


class Context:
    __slots__ = ("_region", "evening", "meetup", "now", "today", "tz", "us")

    def __init__(self, now: datetime, meetup: bool, evening: bool = False) -> None:
        self.now = now
        # a meetup `when` naming a night out: a bare 8-11 is pm ("NYE, 8ish")
        self.evening = evening
        self.tz = now.tzinfo
        self.today = now.date()
        self.meetup = meetup
        self.us = uses_us_dates(now.tzinfo)
        self._region: Region | None = None

    @property
    def region(self) -> Region:
        """The country and hemisphere of the zone (read on first use: holidays, seasons)."""
        if self._region is None:
            self._region = region_of(self.tz)
        return self._region

    def at(self, d: date, h: int = 0, m: int = 0, s: int = 0) -> datetime:
        extra = 0
        if h >= 24:
            extra, h = h // 24, h % 24
        dt = datetime.combine(d, time(h, m, s), tzinfo=self.tz)
        return dt + timedelta(days=extra) if extra else dt


# ---------------------------------------------------------------------------------------
# Date helpers


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)  # pure; a message repeats its days
def _next_month_day(today: date, month: int, day: int) -> date | None:
    """Month and day without a year: the next occurrence (today counts)."""
    for y in range(today.year, today.year + 9):
        d = _valid(y, month, day)
        if d is not None and d >= today:
            return d
    return None


@functools.lru_cache(maxsize=256)  # pure; a message repeats its days
def _next_day_of_month(today: date, day: int) -> date | None:
    """ "the 29th": this month if still ahead, else the next month that has one."""
    first = today.replace(day=1)
    for k in range(0, 14):
        m0 = first + relativedelta(months=k)
        d = _valid(m0.year, m0.month, day)
        if d is not None and d >= today:
            return d
    return None


def _year2(y: int) -> int:
    if y < 100:
        return 2000 + y if y < 50 else 1900 + y
    return y


def _month_span(y: int, m: int) -> tuple[date, date]:
    s = date(y, m, 1)
    return s, s + relativedelta(months=1)
