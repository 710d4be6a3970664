"""Day rules."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from bot.nlp.dates.holiday_dates import (
    CALENDAR,
    holiday_days,
    holiday_weekend,
    in_calendar,
    last_holiday,
    next_holiday,
)
from bot.nlp.dates.values import (
    DaySpan,
    _monday,
    _month_span,
    _next_day_of_month,
    _next_month_day,
    _valid,
    _year2,
)
from bot.nlp.dates.vocabulary import (
    _BEFORE_DOTTED_CLOCK,
    _CALENDAR_FIRST_WORDS,
    _CALENDAR_LAST_WORDS,
    _CLOCK_AFTER_HOUR,
    _DAY_FOLLOWERS,
    _DAY_WORDS,
    _HOLIDAY_FIRST_WORDS,
    _HOLIDAY_NAMES,
    _MONTHS,
    _PART_NAMES_IN_HOLIDAYS,
    _SEASONS,
    _TONIGHT_WORDS,
    _UNITS,
    HALVES,
    HOLIDAY_DAY,
    LOWER_CASE_MONTH_CUES,
)

if TYPE_CHECKING:
    from bot.nlp.dates.cursor import Cursor

# Modifiers of a period and how many periods from the current one they move.
_PERIOD_OFFSETS = {
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "following": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
}
_PERIOD_MODS = (*_PERIOD_OFFSETS, "the")


_BOUNDARY_ABBREVIATIONS = {
    "eom": ("end", "month"),
    "bom": ("beginning", "month"),
    "eoy": ("end", "year"),
    "boy": ("beginning", "year"),
}
_EDGE_WORDS = {"early": "beginning", "mid": "middle", "late": "end"}


def _part_of(span: tuple[date, date], which: str) -> DaySpan:
    """The beginning, middle or end of a span of days: of a year, its first three, middle
    two or last four months; of a week, its first or last three days; of a month (or any
    other span), its first, second or last third (1-10, 11-20, 21-end)."""
    s, e = span
    length = (e - s).days
    if which in HALVES.values():
        half = s + timedelta(days=length // 2)  # a 31-day month: 1-15 and 16-31
        return DaySpan(s, half, "day") if which == HALVES["first"] else DaySpan(half, e, "day")
    if length > 300:
        if which == "beginning":
            return DaySpan(s, s + relativedelta(months=3), "month")
        if which == "middle":
            return DaySpan(s + relativedelta(months=5), s + relativedelta(months=7), "month")
        return DaySpan(e - relativedelta(months=4), e, "month")
    if length <= 7:
        if which == "beginning":
            return DaySpan(s, s + timedelta(days=3), "day")
        return DaySpan(e - timedelta(days=3), e, "day")
    if which == "beginning":
        return DaySpan(s, s + timedelta(days=10), "day")
    if which == "middle":
        return DaySpan(s + timedelta(days=10), s + timedelta(days=20), "day")
    return DaySpan(s + timedelta(days=20), e, "day")


# Words before a season that make it this one: "in the summer", "over winter".
_SEASON_CUES = ("the", "in", "over", "during", "until", "till", "by")


def _northern_seasons(y: int) -> list[tuple[str, date, date]]:
    return [
        ("spring", date(y, 3, 20), date(y, 6, 21)),
        ("summer", date(y, 6, 21), date(y, 9, 23)),
        ("fall", date(y, 9, 23), date(y, 12, 21)),
        ("winter", date(y, 12, 21), date(y + 1, 3, 20)),
    ]


def _southern_seasons(y: int) -> list[tuple[str, date, date]]:
    return [
        ("fall", date(y, 3, 1), date(y, 6, 1)),
        ("winter", date(y, 6, 1), date(y, 9, 1)),
        ("spring", date(y, 9, 1), date(y, 12, 1)),
        ("summer", date(y, 12, 1), date(y + 1, 3, 1)),
    ]


_HOLIDAY_STARTS = (
    _HOLIDAY_FIRST_WORDS
    | _CALENDAR_FIRST_WORDS
    | {
        "after",
        "the",
        "this",
        "next",
        "last",
        "previous",
        "coming",
    }
)

_WEEKEND_WORDS = ("weekend", "week-end", "wkend")


def _quarter(year: int, nth: int) -> DaySpan | None:
    if not 1 <= nth <= 4:
        return None
    s = date(year, 3 * (nth - 1) + 1, 1)
    return DaySpan(s, s + relativedelta(months=3), "month")


def _weekdays_in(cs: date, ce: date, weekday: int) -> list[date]:
    return [
        cs + timedelta(days=x)
        for x in range((ce - cs).days)
        if (cs + timedelta(days=x)).weekday() == weekday
    ]


def _pick(items: list[date], nth: int) -> date | None:
    """The nth item (1-based), or from the end when nth < 0."""
    idx = nth - 1 if nth > 0 else nth
    return items[idx] if items and -len(items) <= idx < len(items) else None


def _nth_in(cs: date, ce: date, nth: int, wd: int | None, unit: str | None) -> DaySpan | None:
    """The nth weekday, day, weekend or week of the span [cs, ce)."""
    if wd is not None:
        d = _pick(_weekdays_in(cs, ce, wd), nth)
        return DaySpan(d, d + timedelta(days=1), "day") if d is not None else None
    if unit == "day":
        d = cs + timedelta(days=nth - 1) if nth > 0 else ce + timedelta(days=nth)
        return DaySpan(d, d + timedelta(days=1), "day") if cs <= d < ce else None
    if unit == "weekend":
        f = _pick(_weekdays_in(cs, ce, 4), nth)  # its Friday
        return DaySpan(f, f + timedelta(days=3), "hour") if f is not None else None
    # weeks: Monday-start weeks that begin inside the span; the last week of a month is the
    # week containing its last day
    if nth < 0:
        s = _monday(ce - timedelta(days=1)) + timedelta(days=7 * (nth + 1))
        return DaySpan(s, s + timedelta(days=7), "week")
    mondays = _weekdays_in(cs, ce, 0)
    if not mondays or nth > len(mondays):
        return None
    s = mondays[nth - 1]
    return DaySpan(s, s + timedelta(days=7), "week")


def _p_date_impl(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """Any date-like component; the longest wins.

    Examples: "friday", "March 3", "3/14", "the 21st", "next week", "tomorrow"."""
    best: tuple[DaySpan, int] | None = None
    for f in (
        _d_words,
        _d_weekday,
        _d_monthday,
        _d_numeric,
        _d_the_nth,
        _d_period,
        _d_month_alone,
        _d_nth_of,
        _d_year_alone,
        _d_boundary,
        _d_rel_weekday,
        _d_holiday,
        _d_week_on,
        _d_fortnight_on,
        _d_weekday_next,
        _d_month_bank_holiday,
        _d_weekend_after_next,
        _d_weekend_of,
        _d_day_next_to,
        _d_period_next_to,
    ):
        r = f(cur, i)
        if r is not None and (best is None or r[1] > best[1]):
            best = r
    if best is None:
        return None
    # "Monday, Feb 18" / "Tuesday the 19th" / "Jul 18, Fri"
    d, j = best
    k = j + 1 if cur.word(j, ",") else j
    if d.weekday_only:
        r2 = None
        for f in (_d_monthday, _d_numeric, _d_the_nth):
            r = f(cur, k)
            if r is not None and not r[0].weekday_only and (r2 is None or r[1] > r2[1]):
                r2 = r
        if r2 is not None and r2[0].grain == "day":
            return _match_weekday(cur, r2[0], d.start.weekday(), i, k), r2[1]
    elif d.grain == "day" and not d.latent:
        wd = cur.p_weekday(k)
        after = _d_weekday_after_holiday(cur, i)
        if after is not None:
            return after
        if wd is not None and k + 1 <= cur.n:
            day = _weekday_in(d, wd) if d.end - d.start > timedelta(days=1) else None
            return (
                day or _match_weekday(cur, d, wd, k, k),
                k + 1 + (1 if cur.word(k + 1, ".") else 0),
            )
    return best


def _d_weekday_after_holiday(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A holiday and a weekday: that weekday in the days after it (Black Friday).

    Examples: "thanksgiving friday", "christmas eve saturday", "diwali sunday"."""
    h = _d_holiday(cur, i)
    if h is None or h[0].end - h[0].start != timedelta(days=1):
        return None
    k = cur.skip(h[1], ",")
    wd = cur.p_weekday(k)
    if wd is None:
        return None
    d = h[0].start + timedelta(days=(wd - h[0].start.weekday()) % 7)
    return DaySpan(d, d + timedelta(days=1), "day"), k + 1


def _weekday_in(span: DaySpan, wd: int) -> DaySpan | None:
    """The day of a span of days that is that weekday ("Thanksgiving weekend saturday")."""
    d = span.start + timedelta(days=(wd - span.start.weekday()) % 7)
    return DaySpan(d, d + timedelta(days=1), "day") if d < span.end else None


def _match_weekday(cur: Cursor, d: DaySpan, wd: int, i: int, k: int) -> DaySpan:
    """ "Fri, Jul 18" / "Thu 15th": the nearest such date that is that weekday."""
    if d.start.weekday() == wd or d.explicit_year:
        return d
    today = cur.ctx.today
    day = d.start.day
    by_month = cur.t[k].ordinal or (k < cur.n and cur.t[k].s == "the")
    if cur.p_monthname(k) is not None or cur.p_monthname(k + 1) is not None or (not by_month):
        # a month and a day: this year's or a later year's
        for y in range(today.year, today.year + 12):
            c = _valid(y, d.start.month, day)
            if c is not None and c.weekday() == wd and c >= today - timedelta(days=7):
                return DaySpan(c, c + timedelta(days=1), "day")
        return d
    first = today.replace(day=1)
    for m in range(0, 24):
        mm = first + relativedelta(months=m)
        c = _valid(mm.year, mm.month, day)
        if c is not None and c >= today and c.weekday() == wd:
            return DaySpan(c, c + timedelta(days=1), "day")
    return d


def _d_words(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """Day words: today, tomorrow (and chat spellings), yesterday, the day after.

    Examples: "today", "tomorrow", "tmrw", "2moro", "yesterday", "the day after
    tomorrow", "day before yesterday", "next tomorrow", "the morra"."""
    c = cur.ctx
    j = i
    if cur.word(j, "the"):
        j += 1
    if cur.word(j, "day") and cur.word(j + 1, "after") and cur.word(j + 2, "tomorrow"):
        d = c.today + timedelta(days=2)
        return DaySpan(d, d + timedelta(days=1), "day"), j + 3
    if cur.word(j, "day") and cur.word(j + 1, "before") and cur.word(j + 2, "yesterday"):
        d = c.today - timedelta(days=2)
        return DaySpan(d, d + timedelta(days=1), "day"), j + 3
    if j != i:
        return None
    if cur.word(i, "next") and _DAY_WORDS.get(cur.s(i + 1)) == 1:
        d = c.today + timedelta(days=2)  # Nigerian English: the day after tomorrow
        return DaySpan(d, d + timedelta(days=1), "day"), i + 2
    s = cur.s(i)
    if s in _DAY_WORDS and s not in _TONIGHT_WORDS:
        d = c.today + timedelta(days=_DAY_WORDS[s])
        return DaySpan(d, d + timedelta(days=1), "day"), i + 1
    return None


def _d_weekday(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A weekday, alone or with this/next/last, or with its date.

    Examples: "friday", "Fri", "next friday", "this friday", "last monday", "Friday,
    March 6", "fri the 13th", "the following friday"."""
    c = cur.ctx
    j = i
    mod = None
    if cur.word(j, "the") and cur.word(j + 1, "following"):
        mod, j = "next", j + 2  # "the following friday": the one after the coming one
    elif cur.word(j, "this", "next", "last", "coming", "upcoming", "past", "previous"):
        mod = cur.s(j)
        j += 1
        if mod == "this" and cur.word(j, "coming", "upcoming"):
            j += 1  # "this coming friday": the next one
        if mod in ("this", "coming", "upcoming") and cur.word(j - 1, "coming", "upcoming"):
            mod = None
    wd = cur.p_weekday(j)
    if wd is None:
        return None
    j += 1
    if cur.word(j, ".") and cur.adjacent(j):
        j += 1
    today = c.today
    monday = _monday(today)
    if mod == "this":
        d = monday + timedelta(days=wd)
    elif mod == "next":
        d = monday + timedelta(days=7 + wd)
    elif mod in ("last", "past", "previous"):
        delta = (today.weekday() - wd) % 7 or 7
        d = today - timedelta(days=delta)
    else:
        delta = (wd - today.weekday()) % 7 or 7
        d = today + timedelta(days=delta)
    # "friday after next", "wednesday of next week", "wednesday next week",
    # "sunday from last week", "monday of this week"
    if mod is None:
        if cur.word(j, "after") and cur.word(j + 1, "next"):
            d = d + timedelta(days=7)
            j += 2
        else:
            k = j
            if cur.word(k, "of", "from", "in"):
                k += 1
            k = cur.skip_the(k)
            if cur.word(
                k, "next", "this", "last", "coming", "previous", "past", "following"
            ) and cur.word(k + 1, "week"):
                m = cur.s(k)
                off = {
                    "next": 7,
                    "following": 7,
                    "coming": 7,
                    "this": 0,
                    "last": -7,
                    "previous": -7,
                    "past": -7,
                }[m]
                d = monday + timedelta(days=off + wd)
                j = k + 2
    return DaySpan(d, d + timedelta(days=1), "day", weekday_only=mod is None), j


def _d_rel_weekday(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A weekday of a week said first: "last week's sunday", "next week tuesday".

    Examples: "last week's sunday", "next week's friday", "next week tuesday", "next wk,
    tues", "this week on thursday"."""
    if not (cur.word(i, "last", "next", "this") and cur.word(i + 1, "week's", "weeks", "week")):
        return None
    k = i + 2
    if cur.s(i + 1) == "week":
        k = cur.skip(k, ",")
        k += 1 if cur.word(k, "on") else 0
    wd = cur.p_weekday(k)
    if wd is None:
        return None
    off = {"last": -7, "next": 7, "this": 0}[cur.s(i)]
    d = _monday(cur.ctx.today) + timedelta(days=off + wd)
    return DaySpan(d, d + timedelta(days=1), "day"), k + 1


def _year_after(cur: Cursor, j: int) -> tuple[int | None, int]:
    k = j + 1 if cur.word(j, ",") else j
    y = cur.p_year(k)
    if y is not None:
        return y[0], y[1]
    # "'15" or two-digit year after a comma / day (not "28th march 10am": a clock time)
    if cur.word(k, "'") and k + 1 < cur.n and cur.t[k + 1].kind == "n" and len(cur.t[k + 1].s) == 2:
        return _year2(cur.t[k + 1].num or 0), k + 2
    return None, j


def _mk_monthday(cur: Cursor, month: int, day: int, year: int | None) -> DaySpan | None:
    d = _valid(year, month, day) if year is not None else _next_month_day(cur.ctx.today, month, day)
    if d is None:
        return None
    return DaySpan(d, d + timedelta(days=1), "day", explicit_year=year is not None)


def _d_monthday(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A month and a day, either order, with an optional year.

    Examples: "March 3", "march 3rd", "3 March", "15th of february", "the 15th of
    February 2015", "Mar 3, 2027", "14april 2015", "february the 15th", "March first"."""
    if cur.p_monthname(i) is not None:
        return _month_day(cur, i)
    return _day_month(cur, i)


def _month_day(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """The month first ("Mar 10:30" is a clock time, not March 10).

    Examples: "March 3", "Mar. 3rd, 2015", "february the 15th", "March first"."""
    m = cur.p_monthname(i)
    assert m is not None
    j = i + 2 if cur.word(i + 1, ".") and cur.adjacent(i + 1) else i + 1
    k = cur.skip_the(j)
    dd = cur.p_dayord(k)
    if dd is None or (cur.t[k].kind == "n" and len(cur.t[k].s) == 4 and not cur.t[k].ordinal):
        return None
    day, j2 = dd
    if cur.word(j2, ":"):
        return None
    year, j3 = _year_after(cur, j2)
    v = _mk_monthday(cur, m, day, year)
    return (v, j3) if v is not None else None


def _day_month(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """The day first.

    Examples: "15th february", "15 of february", "the 15th of February 2015", "14april
    2015", "3rd of next month", "15th day of this month", "5-Mar-15"."""
    dd = cur.p_dayord(cur.skip_the(i))
    if dd is None:
        return None
    day, j = dd
    if cur.word(j, "of"):
        j += 1
        r = _day_of_month_span(cur, day, j)
        if r is not None:
            return r
    elif cur.word(j, "day") and cur.word(j + 1, "of"):
        return _day_of_month_span(cur, day, j + 2)
    if cur.word(j, "-", "/") and cur.adjacent(j):
        j += 1
    m = cur.p_monthname(j)
    if m is None:
        return None
    return _month_then_year(cur, m, day, j + 1, cur.t[i].ordinal)


def _day_of_month_span(cur: Cursor, day: int, k: int) -> tuple[DaySpan, int] | None:
    """A day of a month read as a period ("next month", "this month"), not by name.

    Examples: "3rd of next month", "the 15th of this month", "15th day of this month"."""
    k2 = cur.skip_the(k)
    cont = _container(cur, k2) if cur.p_monthname(k2) is None else None
    if cont is None or (cont[0][1] - cont[0][0]).days not in range(28, 32):
        return None
    d = _valid(cont[0][0].year, cont[0][0].month, day)
    return (DaySpan(d, d + timedelta(days=1), "day"), cont[1]) if d is not None else None


def _month_then_year(
    cur: Cursor, m: int, day: int, j: int, ordinal: bool
) -> tuple[DaySpan, int] | None:
    """After "<day> <month>": an optional year ("-15" and "/2015" touching the month; a
    two-digit year only after an ordinal day).

    Examples: "15th february", "5-Mar-15", "14april 2015", "15th Feb 15", "28th march
    10am"."""
    if cur.word(j, ".") and cur.adjacent(j):
        j += 1
    if cur.word(j, "-", "/") and cur.adjacent(j) and j + 1 < cur.n and cur.t[j + 1].kind == "n":
        v = _mk_monthday(cur, m, day, _year2(cur.t[j + 1].num or 0))
        return (v, j + 2) if v else None
    year, j3 = _year_after(cur, j)
    if (
        year is None
        and ordinal
        and j < cur.n
        and cur.t[j].kind == "n"
        and not cur.t[j].ordinal
        and len(cur.t[j].s) == 2
        and not cur.word(j + 1, *_CLOCK_AFTER_HOUR)  # "28th march 10am": the hour
    ):
        year, j3 = _year2(cur.t[j].num or 0), j + 1
    v = _mk_monthday(cur, m, day, year)
    return (v, j3) if v is not None else None


def _d_numeric(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """3/14, 14/3, 3/14/2026, 2026-12-05, 5.12.2026, 2/2013, 2014-10.

    Examples: "3/14", "3/14/2026", "2026-12-05", "5.12.2026", "2/2013", "2014-10"."""
    parts = _numeric_parts(cur, i)
    if parts is None:
        return None
    a, sep, b = parts
    la, lb = len(cur.t[i].s), len(cur.t[i + 2].s)
    if la == 4:
        return _year_first(cur, i, a, b, sep)
    ty = _numeric_year(cur, i, sep)
    if ty is None or la > 2 or lb > 4:
        return None
    year, j = ty
    if year is None and lb == 4 and 1 <= a <= 12 and sep == "/":
        s, e = _month_span(b, a)  # "2/2013": month/year
        return DaySpan(s, e, "month", explicit_year=True), i + 3
    order = _numeric_order(cur, i, a, b, sep, year) if lb <= 2 else None
    if order is None:
        return None
    if sep == "-" and year is None and not _date_context(cur, i):
        return None  # "7-9" is a range of numbers far more often than July 9th
    v = _mk_monthday(cur, order[1], order[0], year)
    return (v, j) if v is not None else None


def _numeric_parts(cur: Cursor, i: int) -> tuple[int, str, int] | None:
    """Two numbers and the separator between them ("/", "-" or, touching, ".").

    Examples: "3/14", "3 / 14", "5.12.2026"."""
    if i + 2 >= cur.n or cur.t[i].kind != "n" or cur.t[i].ordinal:
        return None
    a, sep, b = cur.t[i].num, cur.s(i + 1), cur.t[i + 2].num
    if sep not in ("/", "-", ".") or cur.t[i + 2].kind != "n":
        return None
    spaced = not cur.adjacent(i + 1) or not cur.adjacent(i + 2)
    if spaced and sep == ".":
        return None
    if cur.word(i + 3, "th", "st", "nd", "rd", "%"):
        return None  # "1/6 th of the price"
    if a is None or b is None or cur.t[i + 2].ordinal:
        return None
    return a, sep, b


def _year_first(cur: Cursor, i: int, y: int, m: int, sep: str) -> tuple[DaySpan, int] | None:
    """Examples: "2026-12-05", "2026/12/05", "2014-10"."""
    if cur.word(i + 3, sep) and cur.adjacent(i + 3) and i + 4 < cur.n and cur.t[i + 4].kind == "n":
        d = _valid(y, m, cur.t[i + 4].num or 0)
        if d is None:
            return None
        return DaySpan(d, d + timedelta(days=1), "day", explicit_year=True), i + 5
    if 1 <= m <= 12 and sep in ("-", "/"):
        s, e = _month_span(y, m)
        return DaySpan(s, e, "month", explicit_year=True), i + 3
    return None


def _numeric_year(cur: Cursor, i: int, sep: str) -> tuple[int | None, int] | None:
    """The year after "a/b" (two or four digits, same separator), or none; None when
    more numbers follow (an IP address, a version, a time).

    Examples: "3/14/2026", "3/14/26", "3/14"."""
    if (
        cur.word(i + 3, sep)
        and cur.adjacent(i + 3)
        and i + 4 < cur.n
        and cur.t[i + 4].kind == "n"
        and cur.adjacent(i + 4)  # "14.3. 19:00": 19 is the hour, not the year
        and len(cur.t[i + 4].s) in (2, 4)
    ):
        return _year2(cur.t[i + 4].num or 0), i + 5
    if cur.word(i + 3, ":", "/", "-", ".") and cur.adjacent(i + 3):
        closing_dot = sep == "." and cur.s(i + 3) == "."
        if not closing_dot or (cur.adjacent(i + 4) and cur.t[i + 4].kind == "n"):
            return None  # 10.31.40.2, times etc.; "24.12." is a date
        return None, i + 4  # the closing dot belongs to the date: "am 24.12. um 19 Uhr"
    return None, i + 3


def _numeric_order(
    cur: Cursor, i: int, a: int, b: int, sep: str, year: int | None
) -> tuple[int, int] | None:
    """(day, month) of "a/b": dotted dates are day.month (and need a hint without a
    year: "3.5" is a number); a number over 12 is the day; else the zone decides.

    Examples: "3/14", "14/3", "on 24.12", "24.12.2026"."""
    if sep == ".":
        hint = (
            (cur.allow_latent and cur.n <= 4)  # a `when` that is just "24.12"
            or (cur.word(i + 3, ".") and cur.adjacent(i + 3))  # "am 24.12."
            or cur.word(i - 1, "on", "am", "by", "until", "till", "from", "since")
            or (cur.word(i - 1, "the") and cur.word(i - 2, "on"))  # "on the 19.3"
            or _clock_after_dotted(cur, i)
        )
        if year is None and not hint:
            return None  # "3.5" / "Python 3.11" are numbers, not dates
        if b > 12 and year is None and not cur.ctx.us:
            return None  # "7.30 friday" in London: a clock time ("3.14" is March in the US)
        return (a, b) if b <= 12 else (b, a)
    if a > 12:
        return a, b
    if b > 12 or cur.ctx.us:
        return b, a
    return a, b


def _clock_after_dotted(cur: Cursor, i: int) -> bool:
    """A time of day after "a.b" makes it a date in a `when`, or after a weekday: "3.10"
    alone is a number, "3.10 at 7pm" the 3rd of October. In a `when` the time of day may
    be a bare or rough hour ("13.3 7ish", "20.3 from 7") or a part of the day ("10.3
    evening", "11.3 after work").

    Examples: "14.3 19:00", "3.10 at 7pm", "Sat 14.3 7pm", "14.3, 19:00",
    "13.3 7ish", "Fri 20.3 from 7", "11.3 after work"."""
    if not (cur.allow_latent or cur.p_weekday(i - 1) is not None):
        return False
    k = i + 4 if cur.word(i + 3, ".") and cur.adjacent(i + 3) else i + 3
    if cur.allow_latent and cur.p_part(k) is not None:
        return True  # "11.3 after work"
    k = cur.skip(k, *_BEFORE_DOTTED_CLOCK)
    tod = cur.p_tod(k)
    if tod is not None:
        return cur.allow_latent or not tod[0].latent
    return cur.allow_latent and cur.p_part(k) is not None


def _date_context(cur: Cursor, i: int) -> bool:
    """Is there a hint before token i that a date follows ("on", "until")? A dashed
    month-day needs one: "7-9" alone is a range of numbers far more often.

    Examples: "on 3-14", "until 3-20"."""
    return cur.word(
        i - 1, "on", "by", "from", "until", "till", "since", "before", "after", "date", "dated"
    )


def _d_the_nth(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """ "the 21st", "on the 15th", "the 24", "on 24th".

    Examples: "the 21st", "the 24", "on the 15th"."""
    j = i
    had_the = False
    if cur.word(j, "the"):
        j += 1
        had_the = True
    if j >= cur.n:
        return None
    tok = cur.t[j]
    if not (tok.ordinal or (had_the and tok.kind == "n")):
        return None
    if not had_the and not (tok.ordinal and (tok.kind == "n" or cur.word(i - 1, "on"))):
        return None
    if tok.kind == "w" and not had_the and not cur.word(i - 1, "on"):
        return None
    dd = cur.p_dayord(j)
    if dd is None:
        return None
    day, k = dd
    # "the 4th of July" etc. are handled by _d_monthday; "the 3rd qtr" is not a day
    if cur.word(
        k,
        "quarter",
        "qtr",
        "week",
        "day",
        "of",
        "last",
        "time",
        "floor",
        "place",
        "one",
        "row",
        "item",
        "option",
        "person",
        "try",
        "round",
        "grade",
        "century",
        "edition",
        "anniversary",
        "birthday",
        "street",
        "st",
        "avenue",
        "ave",
    ):
        return None
    if cur.word(k, "-") and cur.adjacent(k):
        return None
    nxt = cur.t[k] if k < cur.n else None
    # "the first phrase", "the 3 rd game", "the second one": not days. A digit ordinal
    # ("the 21st works") still is one.
    word_after = nxt is not None and nxt.kind == "w" and nxt.s not in _DAY_FOLLOWERS
    if word_after and (tok.kind == "w" or not tok.ordinal):
        return None
    if (
        tok.kind == "w"
        and not cur.word(i - 1, "on", "by", "until", "till", "from")
        and (nxt is not None and nxt.kind == "w")
    ):
        return None
    d = _next_day_of_month(cur.ctx.today, day)
    if d is None:
        return None
    return DaySpan(d, d + timedelta(days=1), "day"), k


def _d_month_alone(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """ "March", "next March", "March 2015", "October 2014", "in March".

    Examples: "March", "next March", "March 2015", "October 2014", "in march", "by may"."""
    c = cur.ctx
    j = i
    mod = None
    if cur.word(j, "next", "this", "last", "coming"):
        mod = cur.s(j)
        j += 1
    m = cur.p_monthname(j)
    if m is None:
        return None
    tok = cur.t[j]
    if (
        mod is None
        and not tok.cap
        and tok.s in ("march", "may")
        and not cur._numeric_near(j)
        and cur.s(j - 1) not in LOWER_CASE_MONTH_CUES
    ):
        return None  # "the march", "we may": a month in lower case needs "in", "by", "mid"...
    j += 1
    if cur.word(j, ".") and cur.adjacent(j):
        j += 1
    year, j2 = _year_after(cur, j)
    if year is not None:
        s, e = _month_span(year, m)
        return DaySpan(s, e, "month", explicit_year=True), j2
    y = c.today.year
    if mod == "last":
        y = y if m < c.today.month else y - 1
    elif (mod == "next" and m == c.today.month) or (
        mod in (None, "this", "coming", "next") and m < c.today.month
    ):
        y += 1
    # "March after next"
    if cur.word(j, "after") and cur.word(j + 1, "next"):
        y += 1
        j += 2
    s, e = _month_span(y, m)
    return DaySpan(s, e, "month"), j


def _d_year_alone(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A year alone: latent (a bare number), unless a word makes it a year.

    Examples: "2027", "in 2027"."""
    y = cur.p_year(i)
    if y is None:
        return None
    year, j = y
    if cur.word(j, "a") and cur.word(j + 1, ".") and cur.word(j + 2, "d"):
        j += 3
        if cur.word(j, "."):
            j += 1
    # a lone four-digit number is a year only near a date word
    latent = not cur.word(
        i - 1,
        "in",
        "of",
        "since",
        "after",
        "before",
        "through",
        "during",
        "until",
        "till",
        "from",
        "by",
    )
    if latent and cur.ctx.meetup and year < cur.ctx.today.year:
        return None  # a meetup is never in a past year: "1830 tmrw" is half past six
    s = date(year, 1, 1)
    return DaySpan(s, date(year + 1, 1, 1), "year", explicit_year=True, latent=latent), j


def _d_period(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A named period: a week, month, quarter, year, weekend or season, with its modifier.

    Examples: "this week", "next month", "last year", "this weekend", "the week", "next
    qtr", "this past weekend", "around next week"."""
    j = i + 1 if cur.word(i, "this", "the") and cur.word(i + 1, "past") else i
    r = _d_week_of(cur, j) or _d_rest_of(cur, j)
    if r is not None:
        return r
    mod, j = _period_mod(cur, j)
    if _weekend_word(cur, j, mod):
        if mod is None and _whole_when(cur, j):
            mod = "this"  # a `when` of just "weekend?" is the coming one
        return _weekend(cur, j, mod) if mod is not None else None
    if cur.s(j) in _SEASONS and (mod is not None or cur.word(j - 1, *_SEASON_CUES)):
        return _season(cur, cur.s(j), _season_mod(cur.ctx.meetup, mod)), j + 1
    return _unit_period(cur, j, mod)


def _season_mod(meetup: bool, mod: str | None) -> str:
    """A season without "this"/"next": the current one in chat, but in a meetup `when` the
    coming one (a meetup "in the winter" said in March is next winter, not the weeks left;
    tests/nlp/test_nlp_when_round4.py pins both)."""
    if mod not in (None, "the"):
        return mod
    return "coming" if meetup else "this"


def _period_mod(cur: Cursor, j: int) -> tuple[str | None, int]:
    """The modifier before a period ("this", "next", "the following"...) and where the
    period word is.

    Examples: "the following week", "around next week", "this past weekend"."""
    if cur.word(j, *_PERIOD_MODS):
        mod = cur.s(j)
        j += 1
        if mod == "the" and cur.word(j, "following", "coming", "next", "previous", "current"):
            mod = "next" if cur.s(j) in ("following", "coming", "next") else cur.s(j)
            j += 1
        return mod, j
    if cur.word(j, "around") and cur.word(j + 1, "next"):
        return "next", j + 2
    return None, j


def _d_week_of(cur: Cursor, j: int) -> tuple[DaySpan, int] | None:
    """Examples: "the week after next", "the week of March 9"."""
    if not (cur.word(j, "the") and cur.word(j + 1, "week")):
        return None
    if cur.word(j + 2, "after") and cur.word(j + 3, "next"):
        mon = _monday(cur.ctx.today) + timedelta(days=14)
        return DaySpan(mon, mon + timedelta(days=7), "week"), j + 4
    if cur.word(j + 2, "of"):
        r = _d_monthday(cur, j + 3)
        if r is not None:
            mon = _monday(r[0].start)
            return DaySpan(mon, mon + timedelta(days=7), "week"), r[1]
    return None


def _d_rest_of(cur: Cursor, j: int) -> tuple[DaySpan, int] | None:
    """From today to the end of a period.

    Examples: "all week", "rest of the week", "rest of the month", "rest of the year"."""
    today = cur.ctx.today
    if cur.word(j, "all") and cur.word(j + 1, "week"):
        s = _monday(today)
        return DaySpan(s, s + timedelta(days=6), "day"), j + 2
    if not (cur.word(j, "rest") and cur.word(j + 1, "of")):
        return None
    k = cur.skip_the(j + 2)
    if cur.word(k, "week"):
        end = max(today + timedelta(days=1), _monday(today) + timedelta(days=6))
        return DaySpan(today, end, "day"), k + 1
    if cur.word(k, "month"):
        return DaySpan(today, _month_span(today.year, today.month)[1], "day"), k + 1
    if cur.word(k, "year"):
        return DaySpan(today, date(today.year + 1, 1, 1), "day"), k + 1
    return None


def _whole_when(cur: Cursor, j: int) -> bool:
    """The word at j is all a `when` says (punctuation aside), or opens it before a comma
    ("wknd, sat ideally": the choice inside it follows).

    Examples: "weekend", "wknd"."""
    if not cur.allow_latent:
        return False
    return (j == 0 and cur.word(1, ",")) or all(
        t.kind == "p" for k, t in enumerate(cur.t) if k != j
    )


def _weekend_word(cur: Cursor, j: int, mod: str | None) -> bool:
    """Examples: "this weekend", "next week-end", "this week end", "last wkend"."""
    s = cur.s(j)
    return (
        s in ("weekend", "week-end", "wkend", "weekends")
        or (s == "week" and cur.word(j + 1, "-") and cur.word(j + 2, "end"))
        or (s == "week" and cur.word(j + 1, "end") and mod in ("this", "next", "last"))
    )


def _weekend(cur: Cursor, j: int, mod: str) -> tuple[DaySpan, int]:
    """Friday 18:00 to Monday 00:00 of the week in question (the span is in days; the
    resolver starts it at 18:00).

    Examples: "this weekend", "next weekend", "last weekend", "this week-end"."""
    today = cur.ctx.today
    k = j + 1 if cur.s(j) != "week" else (j + 3 if cur.word(j + 1, "-") else j + 2)
    fri = _monday(today) + timedelta(days=4)
    if mod in ("next", "following", "coming", "upcoming") and today.weekday() < 4:
        fri += timedelta(days=7) if mod == "next" else timedelta(0)
    elif mod == "next":
        fri += timedelta(days=7)
    elif mod in ("last", "past", "previous"):
        fri -= timedelta(days=7)
    return DaySpan(fri, fri + timedelta(days=3), "hour"), k


def _unit_period(cur: Cursor, j: int, mod: str | None) -> tuple[DaySpan, int] | None:
    """Examples: "this week", "next month", "last year", "next qtr", "the week"."""
    unit_tok = cur.s(j)
    unit = _UNITS.get(unit_tok)
    if unit not in ("week", "month", "year", "quarter") or mod is None:
        return None
    if unit_tok in ("m", "h", "s", "mo", "mos", "min", "mins"):
        return None
    today = cur.ctx.today
    k = j + 1
    if mod == "the":
        if unit != "week":
            return None
        # "the week": the rest of this week
        end = max(today + timedelta(days=1), _monday(today) + timedelta(days=5))
        return DaySpan(today, end, "day"), k
    off = _PERIOD_OFFSETS[mod]
    if unit == "week":
        s = _monday(today) + timedelta(days=7 * off)
        return DaySpan(s, s + timedelta(days=7), "week"), k
    if unit == "month":
        s = today.replace(day=1) + relativedelta(months=off)
        return DaySpan(s, s + relativedelta(months=1), "month"), k
    if unit == "quarter":
        q0 = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        s = q0 + relativedelta(months=3 * off)
        return DaySpan(s, s + relativedelta(months=3), "month"), k
    s = date(today.year + off, 1, 1)
    return DaySpan(s, date(s.year + 1, 1, 1), "year"), k


def _season(cur: Cursor, name: str, mod: str) -> DaySpan:
    """A season in the community's hemisphere: north of the equator from solstice to
    equinox (approximately), south of it by months as Australia's Bureau of Meteorology
    counts them (summer is December to February).

    Examples: "this summer", "next summer", "last winter", "this fall", "in the summer",
    "during the winter", "in summer" (in Melbourne: December)."""
    today = cur.ctx.today
    spans = [
        sp
        for y in range(today.year - 2, today.year + 3)
        for sp in (_southern_seasons(y) if cur.ctx.region.south else _northern_seasons(y))
    ]
    current = next(k for k, (_, a, b) in enumerate(spans) if a <= today < b)
    if name in ("season", "seasons"):
        off = _PERIOD_OFFSETS.get(mod, 0)
        _, a, b = spans[current + off]
        return DaySpan(a, b, "day")
    want = "fall" if name == "autumn" else name
    idx = [k for k, sp in enumerate(spans) if sp[0] == want]
    if mod in ("last", "past", "previous"):
        k = max(k for k in idx if k < current)
    elif mod in ("next", "coming", "upcoming", "following"):
        k = min(k for k in idx if k > current)
    else:  # this / current: the current one, else the next one
        k = min(k for k in idx if k >= current)
    _, a, b = spans[k]
    return DaySpan(a, b, "day")


def _d_day_next_to(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """The day, or the first such weekday, after or before a day.

    Examples: "the day after boxing day", "the day before christmas", "day after new year's
    day", "the day before March 3", "the saturday after thanksgiving", "the friday before
    christmas"."""
    j = cur.skip_the(i)
    wd = cur.p_weekday(j)
    if not ((wd is not None or cur.word(j, "day")) and cur.word(j + 1, "after", "before")):
        return None
    if cur.word(j + 2, "next"):
        return None  # "friday after next": a weekday rule
    r = cur.p_date(j + 2)
    if r is None or r[0].grain != "day" or r[0].end - r[0].start != timedelta(days=1):
        return None
    step = timedelta(days=1 if cur.s(j + 1) == "after" else -1)
    d = r[0].start + step
    while wd is not None and d.weekday() != wd:
        d += step
    return DaySpan(d, d + timedelta(days=1), "day"), r[1]


def _d_period_next_to(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """The weekend or week just after or before a day: after, the first weekend whose
    Saturday is later than the day (the week after the day's own); before, the last
    weekend whose Sunday is earlier (the week before the day's own).

    Examples: "the weekend after easter", "the weekend before easter", "the week after
    christmas", "the week before christmas", "weekend after thanksgiving"."""
    j = cur.skip_the(i)
    if not cur.word(j + 1, "after", "before"):
        return None  # the cheap test first: this rule is tried at every date-like token
    weekend = _weekend_word(cur, j, None)
    if not (weekend or cur.word(j, "week")):
        return None
    if cur.word(j + 2, "next"):
        return None  # "the weekend after next": its own rule
    r = cur.p_date(j + 2)
    if r is None or r[0].grain != "day" or r[0].end - r[0].start != timedelta(days=1):
        return None
    day, after = r[0].start, cur.s(j + 1) == "after"
    if not weekend:
        monday = _monday(day) + timedelta(days=7 if after else -7)
        return DaySpan(monday, monday + timedelta(days=7), "week"), r[1]
    if after:
        saturday = day + timedelta(days=(5 - day.weekday()) % 7 or 7)
    else:
        saturday = day - timedelta(days=(day.weekday() - 6) % 7 or 7) - timedelta(days=1)
    friday = saturday - timedelta(days=1)
    return DaySpan(friday, friday + timedelta(days=3), "hour"), r[1]


def _d_week_on(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A weekday a week after the next one, as British English says it.

    Examples: "friday week", "a week on friday", "a week from tuesday", "Saturday week",
    "a week tomorrow", "2 weeks today", "two weeks on sunday", "tomorrow week"."""
    if cur.s(i + 1) not in ("week", "weeks") and cur.s(i + 2) != "week":
        return None  # the cheap test first: this rule is tried at every date-like token
    if _DAY_WORDS.get(cur.s(i), -1) >= 0 and cur.word(i + 1, "week"):
        d = cur.ctx.today + timedelta(days=7 + _DAY_WORDS[cur.s(i)])  # "tomorrow week"
        return DaySpan(d, d + timedelta(days=1), "day"), i + 2
    weeks = 1 if cur.word(i, "a") else cur.t[i].num
    if (
        weeks is not None
        and cur.word(i + 1, "week", "weeks")
        and cur.word(i + 2, "today", "tomorrow")
    ):
        d = cur.ctx.today + timedelta(days=7 * weeks + (cur.s(i + 2) == "tomorrow"))
        return DaySpan(d, d + timedelta(days=1), "day"), i + 3
    if weeks is not None and cur.word(i + 1, "week", "weeks") and cur.word(i + 2, "on", "from"):
        r, end = _d_weekday(cur, i + 3), None
        if r is not None and r[0].grain == "day":
            d = r[0].start + timedelta(days=7 * weeks)
            return DaySpan(d, d + timedelta(days=1), "day"), r[1]
    if cur.word(i, "a") and cur.word(i + 2, "on", "from"):
        r, end = _d_weekday(cur, i + 3), None
    else:  # "friday week", "fri. week"
        r = _d_weekday(cur, i)
        end = r[1] + 1 if r is not None and cur.word(r[1], "week") else None
        if end is None or cur.t[i].s in ("this", "next", "last"):
            return None
    if r is None or r[0].grain != "day":
        return None
    d = r[0].start + timedelta(days=7)
    return DaySpan(d, d + timedelta(days=1), "day"), end or r[1]


def _d_fortnight_on(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A day two weeks after the coming one, as British and Australian English say it.

    Examples: "saturday fortnight", "a fortnight on saturday", "a fortnight from friday",
    "a fortnight today", "a fortnight tomorrow"."""
    if cur.word(i, "fortnight") and cur.word(i + 1, "on", "from"):
        i -= 1  # "fortnight on friday": the article left out, as chat does
    elif "fortnight" not in (cur.s(i + 1), cur.s(i + 2)):
        return None  # the cheap test first: this rule is tried at every date-like token
    if cur.word(i + 1, "fortnight") and (cur.word(i, "a") or cur.word(i + 2, "on", "from")):
        if cur.word(i + 2, "today", "tomorrow"):
            d = cur.ctx.today + timedelta(days=14 + (cur.s(i + 2) == "tomorrow"))
            return DaySpan(d, d + timedelta(days=1), "day"), i + 3
        r = _d_weekday(cur, i + 3) if cur.word(i + 2, "on", "from") else None
    elif cur.word(i, "this", "next", "last"):
        return None  # "next friday fortnight": too rare to guess
    else:
        r = _d_weekday(cur, i)
        r = (r[0], r[1] + 1) if r is not None and cur.word(r[1], "fortnight") else None
    if r is None or r[0].grain != "day":
        return None
    d = r[0].start + timedelta(days=14)
    return DaySpan(d, d + timedelta(days=1), "day"), r[1]


def _d_weekday_next(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A weekday, then "next": the same day as "next monday", in older British word order.

    Examples: "monday next", "friday next", "tues next"."""
    if not cur.word(i + 1, "next"):
        return None
    wd = cur.p_weekday(i)
    if wd is None:
        return None
    d = _monday(cur.ctx.today) + timedelta(days=7 + wd)
    return DaySpan(d, d + timedelta(days=1), "day"), i + 2


def _d_month_bank_holiday(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A bank holiday named by its month, as the UK names them: the next one in that
    month (for May, the early one), or its long weekend; in a country without one that
    month, the UK's (whose term it is).

    Examples: "the August bank holiday", "May bank holiday", "the August bank holiday
    weekend"."""
    j = cur.skip_the(i)
    month = cur.p_monthname(j) if cur.word(j + 1, "bank") else None
    if month is None or not cur.word(j + 2, "holiday"):
        return None
    today = cur.ctx.today
    ahead = [
        d
        for country in (cur.ctx.region.country, "GB")  # the term is British: else the UK's
        for y in (today.year, today.year + 1)
        for d in holiday_days("bank_holiday", country, y)
        if d.month == month and d >= today
    ]
    if not ahead:
        return None
    start, end, k = ahead[0], ahead[0] + timedelta(days=1), j + 3
    if cur.word(k, "weekend", "wkend"):
        (start, end), k = holiday_weekend(ahead[0]), k + 1
    return DaySpan(start, end, "day"), k


def _d_weekend_after_next(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """The weekend a week after next weekend.

    Examples: "the weekend after next", "weekend after next", "the wkend after next"."""
    j = cur.skip_the(i)
    if not (_weekend_word(cur, j, None) and cur.word(j + 1, "after") and cur.word(j + 2, "next")):
        return None
    d, _ = _weekend(cur, j, "next")
    return DaySpan(d.start + timedelta(days=7), d.end + timedelta(days=7), d.grain), j + 3


def _d_weekend_of(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """The weekend a day belongs to: a Friday, Saturday or Sunday's own, a Monday's the
    one before it, another weekday's the one after it.

    Examples: "the weekend of the 21st", "weekend of March 21", "the weekend of the 3rd"."""
    j = cur.skip_the(i)
    if not (_weekend_word(cur, j, None) and cur.word(j + 1, "of")):
        return None
    r = cur.p_date(j + 2)
    if r is None or r[0].end - r[0].start != timedelta(days=1):
        return None
    day = r[0].start
    back = {4: 0, 5: 1, 6: 2, 0: 3}.get(day.weekday())
    fri = day - timedelta(days=back) if back is not None else day + timedelta(4 - day.weekday())
    return DaySpan(fri, fri + timedelta(days=3), "hour"), r[1]


def _d_holiday(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """A holiday, its eve, its long weekend, or the day after it; read for the
    community's country where countries differ (Canadian Thanksgiving in October).

    Examples: "Christmas", "Christmas Eve", "Boxing Day", "New Year's Eve", "Thanksgiving
    weekend", "Easter Monday", "Diwali", "after Christmas", "the bank holiday weekend",
    "christmas week"."""
    if cur.s(i) not in _HOLIDAY_STARTS:
        return None  # the cheap test first: this rule is tried at every date-like token
    after = cur.word(i, "after")
    j = cur.skip_the(i + 1 if after else i)
    last = cur.word(j, "last", "previous")
    j = j + 1 if cur.word(j, "this", "next", "last", "previous", "coming") else j
    if cur.s(j) not in _HOLIDAY_FIRST_WORDS and cur.s(j) not in _CALENDAR_FIRST_WORDS:
        return None
    found = _holiday_name(cur, j)
    if found is None:
        return None
    key, j = found
    day, j = _holiday_day(cur, key, j, last)
    if day is None:
        return None
    start, end = day, day + timedelta(days=1)
    if cur.word(j, "eve"):  # "thanksgiving eve"; "christmas eve eve" is the 23rd
        start, end, j = day - timedelta(days=1), day, j + 1
    elif cur.word(j, "weekend", "wkend"):
        (start, end), j = _long_weekend(cur, key, day), j + 1
    elif cur.word(j, "week"):  # "christmas week": its week, Monday to Sunday
        start, j = _monday(day), j + 1
        end = start + timedelta(days=7)
    if after:  # "after Christmas": the day after it
        start, end = end, end + timedelta(days=1)
    return DaySpan(start, end, "day"), j


def _long_weekend(cur: Cursor, key: str, day: date) -> tuple[date, date]:
    """A holiday's weekend, through the Monday when that is a holiday of the same kind
    too (England's bank holiday weekend at Easter: Good Friday to Easter Monday).

    Examples: "Thanksgiving weekend", "Memorial Day weekend", "Labor Day weekend"."""
    start, end = holiday_weekend(day)
    region = cur.ctx.region
    if end.weekday() == 0 and end in holiday_days(key, region.country, end.year, region.subdiv):
        end += timedelta(days=1)
    return start, end


def _holiday_day(cur: Cursor, key: str, j: int, last: bool) -> tuple[date | None, int]:
    """The holiday's day: in the year written after it, the last one before today, or
    the next one (today counts); "this" and "next" both mean the coming one.

    Examples: "thanksgiving 2027", "last halloween", "next thanksgiving", "diwali 2027"."""
    country, subdiv = cur.ctx.region.country, cur.ctx.region.subdiv
    y = cur.p_year(j)
    if y is not None:
        days = holiday_days(key, country, y[0], subdiv)
        return (days[0] if days else None), y[1]
    if last:
        return last_holiday(key, country, cur.ctx.today, subdiv), j
    return next_holiday(key, country, cur.ctx.today, subdiv), j


def _holiday_name(cur: Cursor, j: int) -> tuple[str, int] | None:
    """The longest holiday name at token j.

    Examples: "new year's eve" (not "new year's"), "easter monday" (not "easter"),
    "Veterans Day" (from the community's calendar)."""
    own = _calendar_name(cur, j)
    if own is not None:
        return own
    for size in (4, 3, 2, 1):
        words = tuple(cur.s(x) for x in range(j, j + size))
        key = _HOLIDAY_NAMES.get(words)
        if key is not None:
            # "bonfire night": the night is left to be read as the evening of the day
            return key, j + size - (words[-1] in _PART_NAMES_IN_HOLIDAYS)
    return _day_left_out(cur, j)


def _day_left_out(cur: Cursor, j: int) -> tuple[str, int] | None:
    """A holiday's "... Day" named without its "Day" before its weekend: that holiday (the
    weekend word is read after it).

    Examples: "Labour weekend", "memorial weekend", "labor wknd"."""
    for size in (2, 1):
        if not cur.word(j + size, *_WEEKEND_WORDS):
            continue
        words = (*(cur.s(x) for x in range(j, j + size)), HOLIDAY_DAY)
        region = cur.ctx.region
        if in_calendar(words, region.country, region.subdiv, cur.ctx.today.year, whole=False):
            return CALENDAR + " ".join(words), j + size
        key = _HOLIDAY_NAMES.get(words)
        if key is not None:
            return key, j + size
    return None


def _calendar_name(cur: Cursor, j: int) -> tuple[str, int] | None:
    """A "... Day" that the community's own calendar names: its date there, before the
    English-wide names (Labour Day is in March in Victoria, October in New Zealand;
    Independence Day is 15 August in India). Elsewhere: Anzac Day (AU, NZ), Waitangi Day
    (NZ), Family Day (Ontario), Republic Day (IN), Heritage Day (ZA), the spring bank
    holiday (England); the examples are read in a US community.

    Examples: "Veterans Day", "Columbus Day", "Labor Day", "Independence Day"."""
    region = cur.ctx.region
    if region.country is None or cur.s(j) not in _CALENDAR_FIRST_WORDS:
        return None
    for size in range(min(4, cur.n - j), 0, -1):
        words = tuple(cur.s(x) for x in range(j, j + size))
        whole = words[-1] not in _CALENDAR_LAST_WORDS  # "Dussehra", "Day of Reconciliation"
        if (size == 1 and not whole) or not all(t.kind == "w" for t in cur.t[j : j + size]):
            continue  # "day" alone names no holiday; "Labor Day 2pm" ends at "day"
        if in_calendar(words, region.country, region.subdiv, cur.ctx.today.year, whole=whole):
            return CALENDAR + " ".join(words), j + size
    return None


def _d_nth_of(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """ "first tuesday of october", "last friday in october", "third day of october",
    "the first Monday of this month", "last day of october 2015", "first week of
    october 2014", "third quarter", "4th quarter 2018", "the 2nd last week of ...".

    Examples: "first tuesday of october", "last friday in october", "third day of
    october", "the first monday of next month", "last day of october 2015", "first week
    of october 2014", "third quarter", "4th quarter 2018", "the last weekend of March",
    "the second week-end of march", "the 2nd last week of october"."""
    o = _ordinal_at(cur, cur.skip_the(i))
    if o is None:
        return None
    nth, j = o
    what = cur.s(j)
    wd = cur.p_weekday(j) if what not in _MONTHS else None
    unit = _UNITS.get(what)
    if wd is None and unit not in ("day", "week", "quarter") and what not in _WEEKEND_WORDS:
        return None
    if what == "week" and cur.word(j + 1, "end"):
        what, j = "weekend", j + 1
    if what == "week" and cur.word(j + 1, "-") and cur.word(j + 2, "end"):
        what, j = "weekend", j + 2
    j += 1
    if unit == "quarter" and not cur.word(j, "of", "in"):
        year, j2 = _year_after(cur, j)
        q = _quarter(year if year is not None else cur.ctx.today.year, nth)
        return (q, j2) if q is not None else None
    if not cur.word(j, "of", "in"):
        return None
    span = _container(cur, cur.skip_the(j + 1))
    if span is None:
        return None
    (cs, ce), k2 = span
    if unit == "quarter":
        d = _quarter(cs.year, nth)
    else:
        d = _nth_in(cs, ce, nth, wd, "weekend" if what in _WEEKEND_WORDS else unit)
    return (d, k2) if d is not None else None


def _ordinal_at(cur: Cursor, j: int) -> tuple[int, int] | None:
    """A rank: "first" is 1, "last" -1, "2nd last" -2; and the token after it.

    Examples: "first tuesday of october", "last friday in october", "the 2nd last week
    of october"."""
    if j >= cur.n:
        return None
    if cur.word(j, "last"):
        return -1, j + 1
    nth = cur.t[j].num
    if not cur.t[j].ordinal or nth is None:
        return None
    if cur.word(j + 1, "last"):
        return -(nth or 1), j + 2
    return nth, j + 1


def _container(cur: Cursor, k: int) -> tuple[tuple[date, date], int] | None:
    c = cur.ctx
    today = c.today
    m = cur.p_monthname(k)
    if m is not None:
        j = k + 1
        year, j2 = _year_after(cur, j)
        if year is None:
            y = today.year if m >= today.month else today.year + 1
            return _month_span(y, m), j
        return _month_span(year, m), j2
    yy = cur.p_year(k)
    if yy is not None:
        return (date(yy[0], 1, 1), date(yy[0] + 1, 1, 1)), yy[1]
    if cur.word(k, "month", "year", "week"):
        k -= 1  # "the month": read as "this month"
        if k < 0 or not cur.word(k, "the"):
            return None
    mod = cur.s(k)
    if mod in ("this", "next", "last", "the", "current", "previous", "coming", "following"):
        unit = _UNITS.get(cur.s(k + 1))
        off = {
            "this": 0,
            "the": 0,
            "current": 0,
            "next": 1,
            "coming": 1,
            "last": -1,
            "previous": -1,
            "following": 1,
        }[mod]
        if unit == "month":
            s = today.replace(day=1) + relativedelta(months=off)
            return (s, s + relativedelta(months=1)), k + 2
        if unit == "year":
            s = date(today.year + off, 1, 1)
            return (s, date(s.year + 1, 1, 1)), k + 2
        if unit == "week":
            s = _monday(today) + timedelta(days=7 * off)
            return (s, s + timedelta(days=7)), k + 2
    return None


def _d_boundary(cur: Cursor, i: int) -> tuple[DaySpan, int] | None:
    """ "end of the month", "beginning of next week", "early March", "mid March",
    "late March", "EOM", "BOY", "end of 2012", "at the end of April".

    Examples: "end of the month", "beginning of next week", "early March", "mid March",
    "end of the year", "the end of march", "start of 2027", "EOM", "by EOY"."""
    j = cur.skip_the(i + 1 if cur.word(i, "at", "by") else i)
    r = _boundary_abbrev(cur, j)
    if r is not None:
        which, span, j = r
        return _part_of(span, which), j
    w = _boundary_word(cur, j)
    sp = _boundary_span(cur, w[1]) if w is not None else None
    if w is None or sp is None:
        return None
    return _part_of(sp[0], w[0]), sp[1]


def _boundary_abbrev(cur: Cursor, j: int) -> tuple[str, tuple[date, date], int] | None:
    """EOM, BOM, EOY, BOY: in capitals, or after "the", "by", "at" ("muito bom" is not).

    Examples: "EOM", "by eoy", "BOY"."""
    abbrev = _BOUNDARY_ABBREVIATIONS.get(cur.s(j))
    if abbrev is None:
        return None
    if not cur._raw(j).isupper() and not cur.word(j - 1, "the", "by", "at"):
        return None
    which, unit = abbrev
    today = cur.ctx.today
    if unit == "month":
        return which, _month_span(today.year, today.month), j + 1
    return which, (date(today.year, 1, 1), date(today.year + 1, 1, 1)), j + 1


def _boundary_word(cur: Cursor, j: int) -> tuple[str, int] | None:
    """Which part ("beginning", "middle", "end") and where its period starts.

    Examples: "end of the month", "start of 2027", "early March", "mid-March", "the end of
    around March", "the first half of june", "the back half of next week", "second half of
    june"."""
    s0 = cur.s(j)
    if s0 in ("end", "beginning", "start"):
        if not cur.word(j + 1, "of"):
            return None
        k = j + 2
        if cur.word(k, "around"):
            k += 1
        return ("end" if s0 == "end" else "beginning"), cur.skip_the(k)
    if s0 in _EDGE_WORDS and (
        cur.p_monthname(j + 1) is not None or _near_period(cur, j + 1, s0 != "mid")
    ):
        return _EDGE_WORDS[s0], j + 1
    if s0 in HALVES and cur.word(j + 1, "half") and cur.word(j + 2, "of"):
        return HALVES[s0], cur.skip_the(j + 3)
    if s0 == "mid" and cur.word(j + 1, "-") and cur.p_monthname(j + 2) is not None:
        return "middle", j + 2
    return None


def _near_period(cur: Cursor, j: int, edge: bool) -> bool:
    """A week said with this/next, whose early or late part is meant ("mid" a week is not
    read); in a meetup `when` also a month ("early next month", "mid next month", refused
    there as a span of days with a date poll offered). In chat "early next month" stays the
    whole month, as the watcher's trips read it.

    Examples: "early next week", "late this week", "late next week"."""
    if not cur.word(j, "this", "next"):
        return False
    return (edge and cur.word(j + 1, "week")) or (cur.ctx.meetup and cur.word(j + 1, "month"))


def _boundary_span(cur: Cursor, j: int) -> tuple[tuple[date, date], int] | None:
    """The period a boundary is a part of: the current month, year or week, a month or
    year named, or a period ("next week").

    Examples: "end of month", "end of year", "end of week", "end of March", "end of 2012",
    "beginning of next week"."""
    today = cur.ctx.today
    if cur.word(j, "month"):
        return _month_span(today.year, today.month), j + 1
    if cur.word(j, "year"):
        return (date(today.year, 1, 1), date(today.year + 1, 1, 1)), j + 1
    if cur.word(j, "week"):
        mon = _monday(today)
        return (mon, mon + timedelta(days=7)), j + 1
    cont = _container(cur, j)
    if cont is not None:
        return cont
    p = _d_period(cur, j)
    if p is None:
        return None
    return (p[0].start, p[0].end), p[1]

    # -- clock times ------------------------------------------------------------------------
