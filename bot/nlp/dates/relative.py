"""Relative-expression rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from bot.nlp.dates.values import DaySpan, Grain, Interval, _monday
from bot.nlp.dates.vocabulary import _UNITS, _WEEKDAYS

if TYPE_CHECKING:
    from bot.nlp.dates.cursor import Cursor


def _nth_period_from(today: date, unit: str, n: int) -> DaySpan:
    """The day, week, month, quarter or year n units after the current one."""
    if unit == "week":
        s = _monday(today) + timedelta(days=7 * n)
        return DaySpan(s, s + timedelta(days=7), "week")
    if unit == "day":
        s = today + timedelta(days=n)
        return DaySpan(s, s + timedelta(days=1), "day")
    if unit == "month":
        s = today.replace(day=1) + relativedelta(months=n)
        return DaySpan(s, s + relativedelta(months=1), "month")
    if unit == "quarter":
        q0 = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        s = q0 + relativedelta(months=3 * n)
        return DaySpan(s, s + relativedelta(months=3), "month")
    s = date(today.year + n, 1, 1)
    return DaySpan(s, date(s.year + 1, 1, 1), "year")


_CLOCK_UNITS: dict[str, tuple[timedelta, Grain]] = {
    "second": (timedelta(seconds=1), "minute"),
    "minute": (timedelta(minutes=1), "minute"),
    "hour": (timedelta(hours=1), "hour"),
}


def _clock_units(now: datetime, unit: str, n: int, past: bool) -> Interval:
    """The last n whole seconds, minutes or hours up to the current one, or the next n
    after it."""
    step, grain = _CLOCK_UNITS[unit]
    base = now.replace(microsecond=0)
    if unit != "second":
        base = base.replace(second=0)
    if unit == "hour":
        base = base.replace(minute=0)
    if past:
        return Interval(base - step * n, base, grain)
    return Interval(base + step, base + step * (n + 1), grain)


def _calendar_units(today: date, unit: str, n: int, past: bool) -> DaySpan:
    """The last n whole days, weeks, fortnights, months, quarters or years before the
    current one, or the next n after it."""
    if unit == "day":
        if past:
            return DaySpan(today - timedelta(days=n), today, "day")
        return DaySpan(today + timedelta(days=1), today + timedelta(days=n + 1), "day")
    if unit in ("week", "fortnight"):
        n = n * (2 if unit == "fortnight" else 1)
        m = _monday(today)
        if past:
            return DaySpan(m - timedelta(days=7 * n), m, "week")
        return DaySpan(m + timedelta(days=7), m + timedelta(days=7 * (n + 1)), "week")
    if unit in ("month", "quarter"):
        k = n * (3 if unit == "quarter" else 1)
        m1 = today.replace(day=1)
        if past:
            return DaySpan(m1 - relativedelta(months=k), m1, "month")
        return DaySpan(m1 + relativedelta(months=1), m1 + relativedelta(months=k + 1), "month")
    y1 = date(today.year, 1, 1)
    if past:
        return DaySpan(date(today.year - n, 1, 1), y1, "year")
    return DaySpan(date(today.year + 1, 1, 1), date(today.year + n + 1, 1, 1), "year")


def _unit_after(cur: Cursor, j: int) -> tuple[str, int] | None:
    s = cur.s(j)
    if s in ("'", '"') and cur.adjacent(j):
        return ("minute" if s == "'" else "second"), j + 1
    u = _UNITS.get(s.removesuffix("'s"))
    if u is None:
        return None
    if s in ("m", "s") and not cur.adjacent(j):
        return None
    if s == "m" and not cur.adjacent(j):
        return None
    return u, j + 1


def _s_time(cur: Cursor, k: int) -> int:
    """ "time" after an amount of time, as British English says "in": past it.

    Examples: "in a week's time", "in 3 weeks' time", "in two days time"."""
    if cur.word(k, "time"):
        return k + 1
    if cur.word(k, "'") and cur.word(k + 1, "time"):
        return k + 2
    return k


def _add(cur: Cursor, base: datetime, unit: str, q: float) -> datetime:
    if unit == "second":
        return base + timedelta(seconds=q)
    if unit == "minute":
        return base + timedelta(minutes=q)
    if unit == "hour":
        return base + timedelta(hours=q)
    if unit == "day":
        return base + timedelta(days=q)
    if unit == "week":
        return base + timedelta(weeks=q)
    if unit == "fortnight":
        return base + timedelta(weeks=2 * q)
    out: datetime
    if unit == "month":
        out = base + relativedelta(months=int(q))
    elif unit == "quarter":
        out = base + relativedelta(months=int(3 * q))
    else:
        out = base + relativedelta(years=int(q))
    return out


def _shift_value(cur: Cursor, unit: str, q: float, sign: int) -> Interval:
    """now +- q units, truncated the way people mean it."""
    now = cur.ctx.now
    t = _add(cur, now, unit, sign * q)
    if unit in ("second",):
        return Interval(t, None, "minute")
    if unit in ("minute", "hour"):
        return Interval(t.replace(second=0, microsecond=0), None, "minute")
    if unit == "day" and q < 7 and sign > 0 and not q.is_integer():
        return Interval(t.replace(minute=0, second=0, microsecond=0), None, "hour")
    if unit in ("day", "week", "fortnight"):
        d = t.date()
        return Interval(cur.ctx.at(d), None, "day")
    if unit == "month":
        return Interval(cur.ctx.at(t.date()), None, "day")
    if unit == "quarter":
        d = t.date()
        return Interval(cur.ctx.at(date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)), None, "month")
    return Interval(cur.ctx.at(t.date()), None, "day")


def _p_relative_impl(cur: Cursor, i: int) -> tuple[Interval | DaySpan, int] | None:
    """An offset from now, or the next/last n units.

    Examples: "in 2 weeks", "3 days ago", "in an hour", "two weeks from now", "next 3
    days", "last 2 weeks", "in a couple of days", "a week from today", "within 2 hours",
    "in half an hour", "a fortnight ago"."""
    if cur.word(i, "in", "within"):
        return _r_in(cur, i)
    if cur.word(i, "this", "same") and cur.word(i + 1, "time"):
        return _r_same_time(cur, i)
    return _r_next_n(cur, i) or _r_counted(cur, i)


_SAME_TIME_SHIFTS = {"tomorrow": ("day", 1), "week": ("week", 1), "month": ("month", 1)}


def _r_same_time(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """Now's clock time on a later day: "same time next week" is a week from now.

    Examples: "same time next week", "this time tomorrow", "same time next month"."""
    j = i + 2
    if cur.word(j, "next"):
        j += 1
    shift = _SAME_TIME_SHIFTS.get(cur.s(j))
    if shift is None:
        return _same_time_on(cur, i + 2)
    if (cur.s(j) == "tomorrow") == (j > i + 2):
        return None  # "next tomorrow" / "same time week"
    return Interval(_add(cur, cur.ctx.now, shift[0], shift[1]), None, "minute"), j + 1


def _same_time_on(cur: Cursor, j: int) -> tuple[Interval, int] | None:
    """Now's clock time on a day named after "same time": that day at it.

    Examples: "same time tmrw", "same time next thurs", "same time on friday"."""
    d = cur.p_date(cur.skip(j, "on"))
    if d is None or d[0].grain != "day" or d[0].end - d[0].start != timedelta(days=1):
        return None
    now = cur.ctx.now
    at = now.replace(year=d[0].start.year, month=d[0].start.month, day=d[0].start.day)
    return Interval(at, None, "minute"), d[1]


def _r_in(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """From now: "in" a time later, "within" the interval up to it; a bare number at the
    end of the text is minutes.

    Examples: "in 2 weeks", "within 2 hours", "in a sec", "in about 3 more days", "in
    15"."""
    c = cur.ctx
    within = cur.s(i) == "within"
    j = i + 1
    if cur.word(j, "about", "around", "approximately", "roughly", "another", "just"):
        j += 1
    q = cur.quantity(j)
    if q is None:
        return None
    qty, k = q
    if cur.word(k, "more"):
        k += 1
    u = _unit_after(cur, k)
    if u is None:
        # "in 15" = in 15 minutes
        bare = qty.is_integer() and cur.t[j].kind == "n" and k >= cur.n
        if bare and 1 <= qty <= 90:
            return Interval(c.now + timedelta(minutes=qty), None, "minute"), k
        return None
    unit, k = u
    k = _s_time(cur, k)
    if within:
        end = _add(cur, c.now, unit, qty)
        grain: Grain = "minute" if unit in ("minute", "hour", "second") else "day"
        return Interval(c.now, end, grain), k
    return _shift_in_style(cur, unit, qty), k


def _shift_in_style(cur: Cursor, unit: str, qty: float) -> Interval:
    """now + qty units, as "in 2 days" means it.

    Examples: "in 2 days", "2 hours hence", "a week from now"."""
    return _shift_value(cur, unit, qty, 1)


def _r_next_n(cur: Cursor, i: int) -> tuple[Interval | DaySpan, int] | None:
    """Examples: "next 3 days", "last 2 weeks", "past 2 days", "upcoming two weeks",
    "the next few days", "next one month"."""
    if not cur.word(i, "next", "last", "past", "previous", "upcoming", "coming"):
        return None
    mod = cur.s(i)
    q = cur.quantity(i + 1)
    if q is not None and cur.t[i + 1].s not in ("a", "an", "half", "quarter"):
        u = _unit_after(cur, q[1])
        if u is not None:
            return _next_n(cur, mod, u[0], int(q[0])), u[1]
    return None


def _r_counted(cur: Cursor, i: int) -> tuple[Interval | DaySpan, int] | None:
    """A number of units or weekdays from now or from a point.

    Examples: "3 days ago", "two weeks from now", "2 upcoming weeks", "3 fridays from
    now", "2 thursdays ago", "a week from friday", "3 days after March 3", "2 hours
    hence"."""
    q = cur.quantity(i)
    if q is None:
        return None
    qty, k = q
    if cur.word(k, "upcoming", "coming", "next"):
        u = _unit_after(cur, k + 1)
        if u is not None:
            return _next_n(cur, "upcoming", u[0], int(qty)), u[1]
    w = _weekdays_away(cur, int(qty), k)
    if w is not None:
        return w
    u = _unit_after(cur, k)
    if u is None:
        return None
    return _unit_offset(cur, qty, u[0], u[1])


def _weekdays_away(cur: Cursor, n: int, k: int) -> tuple[DaySpan, int] | None:
    """Examples: "3 fridays from now", "2 thursdays ago", "two mondays from today"."""
    if not (k < cur.n and cur.t[k].s in _WEEKDAYS and cur.t[k].s.endswith("s")):
        return None
    today = cur.ctx.today
    wd = _WEEKDAYS[cur.t[k].s]
    k2 = k + 1
    if cur.word(k2, "from") and cur.word(k2 + 1, "now", "today"):
        d = today + timedelta(days=((wd - today.weekday()) % 7 or 7) + 7 * (n - 1))
        return DaySpan(d, d + timedelta(days=1), "day"), k2 + 2
    if cur.word(k2, "ago", "back"):
        d = today - timedelta(days=((today.weekday() - wd) % 7 or 7) + 7 * (n - 1))
        return DaySpan(d, d + timedelta(days=1), "day"), k2 + 1
    return None


def _unit_offset(cur: Cursor, qty: float, unit: str, k2: int) -> tuple[Interval, int] | None:
    """qty units after a point, before now, or after now.

    Examples: "a week from friday", "3 days after March 3", "3 days ago", "2 weeks
    back", "2 days before now", "2 hours hence", "3 days later", "a week from today",
    "an hour from right now"."""
    c = cur.ctx
    if (
        cur.word(k2, "from", "after")
        and not cur.word(k2 + 1, "now", "today", "right")
        and unit not in ("second", "minute", "hour")
    ):
        # "a week from friday", "3 days after March 3"
        base = cur.p_point(k2 + 1)
        if base is not None and base[0].grain in ("day", "hour", "minute"):
            return Interval(_add(cur, base[0].start, unit, qty), None, base[0].grain), base[1]
    if cur.word(k2, "ago", "back", "before", "earlier"):
        if cur.s(k2) == "before" and not cur.word(k2 + 1, "now"):
            return None
        return _shift_value(cur, unit, qty, -1), k2 + (2 if cur.s(k2) == "before" else 1)
    if cur.word(k2, "hence", "later"):
        return _shift_in_style(cur, unit, qty), k2 + 1
    if cur.word(k2, "from") and cur.word(k2 + 1, "right") and cur.word(k2 + 2, "now"):
        return _shift_in_style(cur, unit, qty), k2 + 3
    if cur.word(k2, "from") and cur.word(k2 + 1, "now"):
        return _shift_in_style(cur, unit, qty), k2 + 2
    if cur.word(k2, "from") and cur.word(k2 + 1, "today"):
        return Interval(_add(cur, c.at(c.today), unit, qty), None, "day"), k2 + 2
    return None


def _next_n(cur: Cursor, mod: str, unit: str, n: int) -> Interval | DaySpan:
    """The next or last n units, whole units from the current one; "upcoming" is the
    nth unit from the current one.

    Examples: "next 3 days", "last 2 weeks", "next 2 months", "next 3 hours", "the
    past 2 years", "two upcoming weeks"."""
    n = max(n, 1)
    if mod == "upcoming" and unit in ("week", "day", "month", "year", "quarter"):
        return _nth_period_from(cur.ctx.today, unit, n)
    past = mod in ("last", "past", "previous")
    if unit in ("second", "minute", "hour"):
        return _clock_units(cur.ctx.now, unit, n, past)
    return _calendar_units(cur.ctx.today, unit, n, past)


def p_now(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """Now, and the end of the day or the month.

    Examples: "now", "right now", "asap", "just now", "eod", "end of day", "as soon as
    possible"."""
    c = cur.ctx
    s = cur.s(i)
    if s in ("right", "just") and cur.word(i + 1, "now"):
        return Interval(c.now, None, "minute"), i + 2
    if s == "now" or (s == "atm" and cur.t[i].cap):
        return Interval(c.now, None, "minute"), i + 1
    if s == "at" and cur.word(i + 1, "the") and cur.word(i + 2, "moment"):
        return Interval(c.now, None, "minute"), i + 3
    if s == "at" and cur.word(i + 1, "this") and cur.word(i + 2, "time"):
        return Interval(c.now, None, "minute"), i + 3
    if s == "asap" or (
        s == "as"
        and cur.word(i + 1, "soon")
        and cur.word(i + 2, "as")
        and cur.word(i + 3, "possible")
    ):
        return Interval(c.now, None, "minute"), i + (1 if s == "asap" else 4)
    if s == "eod" or (s == "end" and cur.word(i + 1, "of") and cur.word(i + 2, "day")):
        return Interval(c.now, c.at(c.today + timedelta(days=1)), "minute"), i + (
            1 if s == "eod" else 3
        )
    return None

    # -- combination ------------------------------------------------------------------------
