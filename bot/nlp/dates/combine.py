"""Combination rules."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from bot.nlp.dates import clock, days, relative
from bot.nlp.dates.values import (
    ClockTime,
    Context,
    DaySpan,
    Grain,
    Interval,
    PartOfDay,
    Value,
    _valid,
)
from bot.nlp.dates.vocabulary import (
    _CONNECT,
    _NOW_STARTS,
    _PART_PHRASES,
    _PART_STARTS,
    _PARTS,
    _RANGE_SEP,
    _RELATIVE_STARTS,
)

if TYPE_CHECKING:
    from bot.nlp.dates.cursor import Cursor


@dataclass(slots=True)
class _Point:
    """The components of one point in time, as they are read."""

    day: DaySpan | None = None
    tod: ClockTime | None = None
    part: PartOfDay | None = None
    absv: Interval | None = None


def _share_ampm_and_zone(ltod: ClockTime, rtod: ClockTime) -> ClockTime:
    """ "7-9pm": the left end takes pm too unless that would pass the right; and its zone."""
    if rtod.ampm is not None and ltod.ampm is None and ltod.flexible:
        lh = ltod.hour % 12 + (12 if rtod.ampm == "pm" else 0)
        rh = rtod.hour % 12 + (12 if rtod.ampm == "pm" else 0)
        if lh * 60 + ltod.minute > rh * 60 + rtod.minute and rtod.ampm == "pm":
            lh -= 12
        ltod = replace(ltod, hour=lh, ampm=None, flexible=False)
    if ltod.tz is None and rtod.tz is not None:
        ltod = replace(ltod, tz=rtod.tz)
    return ltod


def _next_year(d: date) -> date:
    """The same day a year later (29 February: 365 days later)."""
    return (
        d.replace(year=d.year + 1)
        if not (d.month == 2 and d.day == 29)
        else d + timedelta(days=365)
    )


# Words a part of the day can start with ("tonight", "in the evening", "tea time").
_PART_FIRST_WORDS = _PART_STARTS | set(_PARTS) | {words[0] for words in _PART_PHRASES}


def _component_impl(cur: Cursor, i: int) -> tuple[Value, int] | None:
    """The longest single component starting at token i.

    Examples: "friday", "7pm", "tonight", "in 2 days", "now"."""
    best: tuple[Value, int] | None = None
    if i >= cur.n:
        return None
    tok = cur.t[i]
    first = tok.s
    cands: list[tuple[Value, int] | None] = [cur.p_date(i), cur.p_tod(i)]
    if tok.kind == "w" and first in _PART_FIRST_WORDS:
        cands.append(cur.p_part(i))
    if tok.kind == "n" or tok.num is not None or first in _RELATIVE_STARTS:
        cands.append(cur.p_relative(i))
    if first in _NOW_STARTS:
        cands.append(relative.p_now(cur, i))
    for r in cands:
        if r is not None and (best is None or r[1] > best[1]):
            best = r
    return best


def _p_point_impl(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """A sequence of compatible components joined by connectors, resolved to one value.

    Examples: "friday at 7pm", "tomorrow evening", "next monday morning at 9", "7pm on
    friday", "March 3 at noon"."""
    read = _read_point(cur, i)
    if read is None:
        return None
    pt, j = read
    val = resolve(cur, pt.day, pt.tod, pt.part, pt.absv)
    return (val, j) if val is not None else None


def _read_point(cur: Cursor, i: int) -> tuple[_Point, int] | None:
    """The components of the point at token i, unresolved, and where it ends.

    Examples: "friday at 7pm" (a day and a clock time), "tomorrow evening"."""
    pt = _Point()
    j = i
    first = True
    while j < cur.n:
        r = _next_component(cur, j, first)
        if r is None and pt.day is not None and pt.tod is None and pt.part is None:
            r = _dash_clock(cur, j)
        if r is None or not _take(cur, pt, r, first):
            break
        j = r[2]
        first = False
    return None if first else (pt, j)


def _dash_clock(cur: Cursor, j: int) -> tuple[Value, int, int] | None:
    """In a `when`, a clock time or a part of the day set off from its day by a dash:
    the day's time (a range's dash stands between two times, not after a day).

    Examples: "13.03 - 19:30", "sat 14.3 – 7pm", "friday - 8pm", "21.3 - evening"."""
    if not (cur.allow_latent and cur.word(j, "-", "–", "—")):
        return None
    r = cur.p_tod(j + 1)
    if r is not None and not r[0].latent:
        return r[0], j + 1, r[1]
    part = cur.p_part(j + 1)
    return (part[0], j + 1, part[1]) if part is not None else None


def _narrower_part(pt: _Point, v: PartOfDay) -> bool:
    """A second part of the day joins the point when one holds the other; the narrower
    stays ("first thing tuesday morning" is first thing)."""
    old = pt.part
    if old is None or old.day_offset is not None or v.day_offset is not None:
        return False
    if old.start_h <= v.start_h and v.end_h <= old.end_h:
        pt.part = v
        return True
    return v.start_h <= old.start_h and old.end_h <= v.end_h


def _next_component(cur: Cursor, j: int, first: bool) -> tuple[Value, int, int] | None:
    """The component at j, or after up to three connectors ("at", "on"...; "from" only
    first), whichever reads further. Returns (value, start, end).

    Examples: "friday at 7pm", "7pm on friday", "tomorrow in the evening"."""
    k = j
    steps = 0
    while k < cur.n and cur.t[k].s in _CONNECT and steps < 3:
        if cur.t[k].s == "from" and not first and _from_clock(cur, k) is None:
            break
        k += 1
        steps += 1
    r = cur.component(k)
    if k != j:
        r0 = cur.component(j)
        if r0 is not None and (r is None or r0[1] >= r[1]):
            r, k = r0, j
    return (r[0], k, r[1]) if r is not None else None


def _from_clock(cur: Cursor, k: int) -> ClockTime | PartOfDay | None:
    """The clock time (or part of the day) that "from" at k opens after a day: the start
    of an open-ended meetup ("from" before a day is a range's start, read by the range
    rules).

    Examples: "sat from 2", "friday from 6pm", "tomorrow from 7:30", "Saturday from lunchtime"."""
    r = cur.component(k + 1)
    return r[0] if r is not None and isinstance(r[0], ClockTime | PartOfDay) else None


def _take(cur: Cursor, pt: _Point, r: tuple[Value, int, int], first: bool) -> bool:
    """Add a component to the point if it fits (one of each kind, in a sensible mix).

    Examples: "friday 7pm", "tonight at 8", "tomorrow morning", "in 2 days at 5pm"."""
    v, k, k2 = r
    if isinstance(v, DaySpan):
        if pt.day is not None or pt.absv is not None:
            return False
        pt.day = v
    elif isinstance(v, ClockTime):
        if not _clock_fits(cur, pt, v, k, k2, first):
            return False
        pt.tod = v
    elif isinstance(v, PartOfDay):
        # "friday last night" is two days
        shifted = pt.day is not None and v.day_offset not in (None, 0)
        if pt.part is not None and pt.absv is None and not shifted:
            return _narrower_part(pt, v)
        if pt.part is not None or pt.absv is not None or shifted:
            return False
        pt.part = v
    else:
        if not _instant_fits(cur, pt, v, first):
            return False
        pt.absv = v
    return True


def _clock_fits(cur: Cursor, pt: _Point, v: ClockTime, k: int, k2: int, first: bool) -> bool:
    """A clock time joins a point without one; a bare number only after a day or a part
    of the day, and only where it reads as an hour.

    Examples: "friday 7", "tomorrow at 5", "tonight at 8"."""
    if pt.tod is not None or (pt.absv is not None and pt.absv.grain != "day"):
        return False
    if v.latent and not first:
        if pt.day is None and pt.part is None:
            return False
        if v.hour == 0 or not _latent_ok(cur, k, k2):
            return False
    return True


def _instant_fits(cur: Cursor, pt: _Point, v: Interval, first: bool) -> bool:
    """A resolved value ("in 2 days", "now") comes first, or after a clock time alone
    when it is a day.

    Examples: "in 2 days at 5pm", "5pm in 2 days"."""
    if not first and not (pt.tod is not None and pt.day is None and pt.part is None):
        return False
    if pt.tod is not None and (pt.tod.latent or v.grain != "day"):
        return False
    return first or pt.absv is None


def _latent_ok(cur: Cursor, k: int, k2: int) -> bool:
    """A bare number after a day ("friday 7", "tomorrow at 5") is a time unless more
    words follow it ("today after 4 long years")."""
    if cur.word(k - 1, "at", "@", "around", "by", "from") or cur.word(k, "at", "@"):
        return True
    nxt = cur.t[k2] if k2 < cur.n else None
    if nxt is None or nxt.kind == "p":
        return True
    return nxt.s in _PARTS or nxt.s in _AFTER_LATENT_HOUR


# What "till" leaves open after a start ("friday 6 till late").
_OPEN_ENDS = frozenset(["late", "close", "closing", "whenever"])
# Words after a bare number that keep it an hour ("friday 6 till late", "sat 7ish").
_AFTER_LATENT_HOUR = frozenset(
    [
        "tonight",
        "ish",
        "o'clock",
        "oclock",
        "or",
        "and",
        "till",
        "til",
        "until",
        "onwards",
        "onward",
    ]
)


def resolve(
    cur: Cursor,
    day: DaySpan | None,
    tod: ClockTime | None,
    part: PartOfDay | None,
    absv: Interval | None,
) -> Interval | None:
    """The instant or interval that a point's components mean together.

    Examples: "friday", "friday 7pm", "tomorrow evening", "tonight", "this weekend 2pm",
    "in 7 days at 5pm", "7pm"."""
    if absv is not None:
        return _on_instant(cur, absv, day, tod, part)
    if (
        day is not None
        and day.grain != "day"
        and (tod or part)
        and (tod is None or day.grain != "hour")
    ):
        return None  # "next week evening"; only a weekend takes a clock time
    if day is not None and tod is None and part is None:
        return _day_value(cur, day)
    base_day = _base_day(cur, day, tod, part)
    if tod is None:
        assert part is not None
        return _part_value(cur, day, part, base_day)
    return _clock_value(cur, tod, part, base_day)


def _on_instant(
    cur: Cursor, absv: Interval, day: DaySpan | None, tod: ClockTime | None, part: PartOfDay | None
) -> Interval | None:
    """A clock time on the day of a relative expression.

    Examples: "in 7 days at 5pm", "in 2 weeks"."""
    if tod is not None:
        d = absv.start.date()
        return _tod_value(cur, tod, d, _hour(cur, tod, part, d))
    if day is not None or part is not None:
        return None
    return absv


def _base_day(
    cur: Cursor, day: DaySpan | None, tod: ClockTime | None, part: PartOfDay | None
) -> date | None:
    """The day a clock time or a part of the day is on, when one is said: "this weekend
    2pm" is Saturday (Sunday when Saturday's is past); "tomorrow night" is tomorrow.

    Examples: "this weekend 2pm", "tomorrow night", "friday 7pm"."""
    c = cur.ctx
    if day is not None and day.grain == "hour" and tod is not None:
        base = day.start + timedelta(days=1)
        if c.at(base, _hour(cur, tod, part, base), tod.minute) <= c.now:
            base += timedelta(days=1)
        return base
    if day is not None:
        return day.start
    if part is not None and part.day_offset is not None:
        return c.today + timedelta(days=part.day_offset)
    return None


def _part_value(
    cur: Cursor, day: DaySpan | None, part: PartOfDay, base_day: date | None
) -> Interval:
    """A part of the day on its day, or the next one (today if not over).

    Examples: "tomorrow evening", "tonight", "in the morning", "after work"."""
    c = cur.ctx
    if base_day is None:
        base_day = c.today
        if c.at(base_day, part.end_h) <= c.now:
            base_day += timedelta(days=1)
    return Interval(
        c.at(base_day, part.start_h),
        c.at(base_day, part.end_h),
        "hour",
        latent=day is None and part.day_offset is None,
    )


def _clock_value(
    cur: Cursor, tod: ClockTime, part: PartOfDay | None, base_day: date | None
) -> Interval | None:
    """A clock time on its day, or its next occurrence; read in its zone when named.

    Examples: "friday 7pm", "7pm", "7pm EST", "friday at 7pm EST"."""
    tzinfo = tod.tz
    if base_day is None:
        return _next_occurrence(cur, tod, part, tzinfo)
    h = _hour(cur, tod, part, base_day)
    v = _tod_value(cur, tod, base_day, h)
    return _convert(cur, v, tod, tzinfo, base_day, h) if tzinfo is not None else v


def _next_occurrence(
    cur: Cursor, tod: ClockTime, part: PartOfDay | None, tzinfo: tzinfo | None
) -> Interval | None:
    """The first candidate hour (am or pm) still ahead, today or in the next two days.

    Examples: "7pm", "at 7", "9am", "noon"."""
    c = cur.ctx
    hours = _candidate_hours(cur, tod, part)
    earliest = c.now.replace(second=0, microsecond=0)
    for d_off in (0, 1, 2):
        d = c.today + timedelta(days=d_off)
        ahead = [t for t in (_clock_at(cur, tod, d, h, tzinfo) for h in hours) if t >= earliest]
        if ahead:
            return Interval(min(ahead), None, tod.grain, latent=tod.latent)
    return None


def _clock_at(cur: Cursor, tod: ClockTime, d: date, h: int, tzinfo: tzinfo | None) -> datetime:
    """The clock time on day d at hour h, in the zone named or the community's.

    Examples: "7pm", "7pm EST"."""
    if tzinfo is None:
        return cur.ctx.at(d, h, tod.minute, tod.second)
    t = datetime.combine(d, time(h % 24, tod.minute, tod.second), tzinfo=tzinfo)
    return t.astimezone(cur.ctx.tz)


def _convert(cur: Cursor, v: Interval, tod: ClockTime, tzinfo: tzinfo, d: date, h: int) -> Interval:
    t = datetime.combine(d, time(h % 24, tod.minute, tod.second), tzinfo=tzinfo)
    return Interval(t.astimezone(cur.ctx.tz), None, v.grain)


def _candidate_hours(cur: Cursor, tod: ClockTime, part: PartOfDay | None) -> list[int]:
    h = tod.hour
    if tod.ampm == "am":
        return [0 if h == 12 else h]
    if tod.ampm == "pm":
        return [12 if h == 12 else h + 12]
    if part is not None:
        return [_in_part(cur, h, part)]
    if not tod.flexible:
        return [h]
    if cur.ctx.meetup and _afternoon_or_evening(cur.ctx, h):
        return [h + 12]
    if h == 12:
        return [12, 24]
    return [h, h + 12]


def _afternoon_or_evening(ctx: Context, h: int) -> bool:
    """A bare hour in a meetup `when` that is pm: 1-7 always (nobody meets at 3am), 8-11
    when the `when` names a night out ("NYE, 8ish", "drinks fri 9")."""
    return 1 <= h <= 7 or (ctx.evening and 8 <= h <= 11)


def _in_part(cur: Cursor, h: int, part: PartOfDay) -> int:
    if part.start_h >= 12 and h < 12:
        return h + 12
    if part.start_h >= 12 and h == 12 and part.end_h == 24:
        return 24
    if part.end_h <= 12 and h == 12:
        return 0 if part.start_h == 0 else 12
    return h


def _hour(cur: Cursor, tod: ClockTime, part: PartOfDay | None, d: date) -> int:
    h = tod.hour
    if tod.ampm == "am":
        return 0 if h == 12 else h
    if tod.ampm == "pm":
        return 12 if h == 12 else h + 12
    if part is not None:
        return _in_part(cur, h, part)
    if tod.flexible and cur.ctx.meetup and _afternoon_or_evening(cur.ctx, h):
        return h + 12
    return h


def _tod_value(cur: Cursor, tod: ClockTime, d: date, h: int) -> Interval:
    return Interval(cur.ctx.at(d, h, tod.minute, tod.second), None, tod.grain)


def _day_value(cur: Cursor, day: DaySpan) -> Interval:
    c = cur.ctx
    if day.grain == "hour":
        # weekends: Friday 18:00 - Monday 00:00
        return Interval(c.at(day.start, 18), c.at(day.end), "hour")
    if day.grain == "day" and day.end - day.start == timedelta(days=1):
        return Interval(c.at(day.start), None, "day", latent=day.latent)
    return Interval(c.at(day.start), c.at(day.end), day.grain, latent=day.latent)


# -- ranges ---------------------------------------------------------------------------


def p_expr(cur: Cursor, i: int) -> tuple[Interval, int, int] | None:
    """A point or a range; returns (value, first token, end token).

    Examples: "friday 6pm to sunday noon", "7-9pm", "March 3-5", "between 2 and 4pm",
    "monday through wednesday"."""
    for rule in (_e_between_holidays, _e_range, _e_by, _e_led_range, _e_for_from, _e_point):
        r = rule(cur, i)
        if r is not None:
            return r[0], i, r[1]
    return None


def _e_between_holidays(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """The days between two holidays, both left out (the quiet week people plan around).

    Examples: "between christmas and new year", "between xmas and NYE"."""
    if not cur.word(i, "between"):
        return None
    first = days._d_holiday(cur, i + 1)
    if first is None or not cur.word(first[1], "and", "&"):
        return None
    second = days._d_holiday(cur, first[1] + 1)
    if second is None or second[0].start <= first[0].end:
        return None
    return Interval(cur.ctx.at(first[0].end), cur.ctx.at(second[0].start), "day"), second[1]


def _e_range(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """A range, maybe after "around", "at"...

    Examples: "around 7-9pm", "at 7-9pm", "March 3-5", "2030-02-03 to 2030-02-05"."""
    if cur.word(i, "around", "about", "approximately", "approx", "at", "@", "circa"):
        r = p_range(cur, i + 1, None, None)
        if r is not None:
            return r
    r = p_range(cur, i, None, None)
    return None if r is not None and _splits_a_date(cur, i, r[1]) else r


def _splits_a_date(cur: Cursor, i: int, end: int) -> bool:
    """A range that ends inside a date of day, month and year joined by dashes is no
    range ("12-03-2026 18:30": not noon to three, then "-2026").

    Examples: "12-03-2026 18:30", "12-3-26 7pm", "03-12-2026"."""
    if not cur.word(i + 1, "-"):
        return False  # the cheap test first
    d = cur.p_date(i)
    return d is not None and d[0].explicit_year and d[0].grain == "day" and end < d[1]


def _e_by(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """A deadline: from now until the point.

    Examples: "by friday", "by the end of the month", "by 5pm"."""
    if not cur.word(i, "by"):
        return None
    if cur.word(i + 1, "the") and not cur.word(i + 2, "end", "eom", "eoy"):
        return None
    p = cur.p_point(i + 1)
    if p is None:
        return None
    deadline = p[0].end if p[0].end is not None else p[0].start
    if deadline <= cur.ctx.now:
        return None
    return Interval(cur.ctx.now, deadline, "minute"), p[1]


def _e_led_range(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """A range of hours after its day (and part of the day), maybe with "from",
    "between", "later than".

    Examples: "Thursday from 9:30 to 11:00", "this Thu 9-11am", "tomorrow in between
    1-2:30", "thursday evening 6-9", "friday, from 6 to 8pm", "sunday afternoon, 3 til
    6"."""
    lead_day: DaySpan | None = None
    j = i
    rd = cur.p_date(i)
    if rd is not None and rd[0].grain == "day":
        lead_day, j = rd[0], cur.skip(rd[1], ",")
        rp = cur.p_part(j)
        if rp is not None and rp[0].day_offset is None:
            j = cur.skip(rp[1], ",")  # "thursday evening 6-9", "sunday arvo, 3 til 6"
    k = j + 1 if cur.word(j, "in") and cur.word(j + 1, "between") else j
    kw = None
    if cur.word(k, "from", "between"):
        kw, k = cur.s(k), k + 1
    elif cur.word(k, "later") and cur.word(k + 1, "than"):
        kw, k = "later", k + 2
    if lead_day is None and kw is None and k == i:
        return None  # the plain range at i: _e_range has read it
    return p_range(cur, k, kw, lead_day)


def _e_for_from(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """Examples: "for 10 days from 18th Dec", "for 30 minutes starting from 4pm"."""
    if not cur.word(i, "for"):
        return None
    q = cur.quantity(i + 1)
    u = relative._unit_after(cur, q[1]) if q is not None else None
    if q is None or u is None:
        return None
    k = cur.skip(u[1], "starting")
    p = cur.p_point(k + 1) if cur.word(k, "from", "on", "at") else None
    if p is None:
        return None
    return _for_span(cur, p[0], u[0], q[0]), p[1]


def _e_point(cur: Cursor, i: int) -> tuple[Interval, int] | None:
    """A point; "X for N units" is the interval from X; "X or Y" is X.

    Examples: "friday 7pm", "friday 7pm for 2 hours", "friday or saturday"."""
    p = cur.p_point(i)
    if p is None:
        return None
    v, end = p
    if cur.word(end, "for"):
        q = cur.quantity(end + 1)
        u = relative._unit_after(cur, q[1]) if q is not None else None
        if q is not None and u is not None and u[0] in ("minute", "hour", "day", "week", "month"):
            return _for_span(cur, v, u[0], q[0]), u[1]
    if cur.word(end, "or") or (cur.word(end, "/") and _alternative_after(cur, end + 1)):
        return _first_alternative(cur, i, v, end)
    listed = _comma_list(cur, i, v, end)
    if listed is not None:
        return listed
    return v, _open_end(cur, end) or end


def _alternative_after(cur: Cursor, k: int) -> bool:
    """After "/", a weekday or a part of the day is an alternative ("sat/sun", "sat
    afternoon/evening": the first); a number is not ("24/7", "3/14").

    Examples: "sat/sun", "Saturday afternoon/evening", "fri/sat night"."""
    return cur.p_weekday(k) is not None or (
        cur.t[k - 2].kind == "w" and cur.p_part(k) is not None if k >= 2 else False
    )


def _comma_list(cur: Cursor, i: int, v: Interval, end: int) -> tuple[Interval, int] | None:
    """In a `when`, weekdays listed with commas and no "or", the last with the time of day
    they share: the first, at that time ("friday, saturday" alone says no one day).

    Examples: "Friday, Saturday evening", "Thu, Fri, Sat evening", "Thu,Fri,Sat evening",
    "Monday, Tuesday after work"."""
    if not (cur.allow_latent and cur.word(end, ",") and cur.p_weekday(end + 1) is not None):
        return None
    shared, end2 = _first_alternative(cur, i, v, end)
    return (shared, end2) if shared is not v else None


def _open_end(cur: Cursor, end: int) -> int | None:
    """Where the words that leave a start open ("till late", "onwards") end, or None.

    Examples: "friday 6 till late", "sat 2pm onwards", "8pm until close", "7pm-late",
    "sat 7 – late"."""
    if cur.word(end, "onwards", "onward"):
        return end + 1
    if cur.word(end, "till", "til", "until", "to") and cur.word(end + 1, *_OPEN_ENDS):
        return end + 2
    if cur.word(end, "-", "–", "—") and cur.word(end + 1, "late"):
        return end + 2
    return None


def _first_alternative(cur: Cursor, i: int, v: Interval, end: int) -> tuple[Interval, int]:
    """ "X or Y" is X; when only Y says its time of day, X shares it.

    Examples: "friday or saturday" (Friday), "Friday or Saturday evening" (Friday
    evening), "tue or wed at 7pm" (Tuesday 7pm), "7pm friday or 8pm saturday", "this friday
    or next" (this Friday)."""
    second = _read_point(cur, end + 1)
    if second is None:  # "this friday or next": the first
        return (v, end + 2) if cur.word(end + 1, "next") else (v, end)
    later, end2 = _last_alternative(cur, *second)
    first = _read_point(cur, i)
    if first is None or later.day is None or (later.tod is None and later.part is None):
        return v, end2
    alone = first[0]
    if alone.day is None or alone.tod or alone.part or alone.absv:
        return v, end2
    shared = resolve(cur, alone.day, later.tod, later.part, None)
    return (shared, end2) if shared is not None else (v, end2)


def _last_alternative(cur: Cursor, later: _Point, end: int) -> tuple[_Point, int]:
    """The last of a list of days whose time of day they share, and where it ends: more
    days after "/" or "or" ("fri/sat/sun evening"), and in a `when` a time of day set off
    by a dash or a comma ("friday or saturday - evening").

    Examples: "fri/sat/sun evening", "thu or fri or sat night",
    "friday or saturday - evening", "sat or sun, evening time",
    "Thursday, Friday or Saturday night"."""
    while later.tod is None and later.part is None and cur.word(end, "/", "or", ","):
        more = _read_point(cur, end + 1)
        if more is None or more[0].day is None:
            break
        later, end = more
    if later.tod is None and later.part is None and cur.allow_latent:
        k = cur.skip(end, "-", "–", "—", ",")
        part = cur.p_part(k) if k > end else None
        if part is not None:
            later.part = part[0]
            end = cur.skip(part[1], "time")
    return later, end


def _for_span(cur: Cursor, v: Interval, unit: str, qty: float) -> Interval:
    """A point and a duration: the interval from the point.

    Examples: "friday 7pm for 2 hours", "for 10 days from 18th Dec", "tomorrow for 3
    days", "for 30 minutes starting from 4pm"."""
    end = relative._add(cur, v.start, unit, qty)
    grain: Grain = v.grain if unit in ("minute", "hour") else "day"
    if unit in ("minute", "hour") and grain not in ("minute", "hour"):
        grain = "minute"
    return Interval(v.start, end, grain)


def p_range(
    cur: Cursor, i: int, kw: str | None, lead_day: DaySpan | None
) -> tuple[Interval, int] | None:
    """A range after its first bound: clock ranges, day ranges, any two points.

    Examples: "7-9pm", "March 3-5", "friday 6pm to sunday noon"."""
    # Cheap exit: a range needs a separator ("-", "to", "and"...) a few tokens ahead.
    if not any(t.s in _RANGE_SEP or t.s == "but" for t in cur.t[i + 1 : i + 9]):
        return None
    # Left bound: a clock time (possibly without am/pm), a day number or a full point.
    left_tod = cur.p_tod(i)
    left_day = cur.p_date(i)
    left_num = cur.p_dayord(cur.skip_the(i))
    ends = [r[1] for r in (left_tod, left_day) if r is not None]
    if left_num is not None:
        ends.append(left_num[1])
    left_pt = cur.p_point(i) if left_day is not None or left_tod is not None else None
    if left_pt is not None:
        ends.append(left_pt[1])
    if not ends:
        return None
    for lend in sorted(set(ends), reverse=True):
        sep_i = lend
        if sep_i >= cur.n:
            continue
        sep = cur.s(sep_i)
        if kw == "between" and sep not in ("and", "&", "-"):
            continue
        if kw == "later" and sep != "but":
            continue
        if kw == "later":
            if not cur.word(sep_i + 1, "before"):
                continue
            r_i = sep_i + 2
        elif sep in _RANGE_SEP and (sep not in ("and", "&") or kw == "between"):
            r_i = sep_i + 1
        else:
            continue
        r_i = cur.skip_the(r_i) if cur.word(r_i, "the") and cur.p_dayord(r_i + 1) else r_i
        res = _range_with(cur, i, lend, r_i, lead_day, kw)
        if res is not None:
            return res
    return None


def _range_with(
    cur: Cursor, i: int, lend: int, r_i: int, lead_day: DaySpan | None, kw: str | None
) -> tuple[Interval, int] | None:
    # -- clock ranges: "7-9pm", "3:30 to 6 PM", "9:30 - 11:00 on Thursday"
    lt = cur.p_tod(i)
    rt = cur.p_tod(r_i)
    clock = _clock_range(cur, i, lend, r_i, lead_day, kw, lt, rt)
    if clock is not None:
        return clock
    days = _day_range(cur, i, lend, r_i)
    if days is not None:
        return _this_year(cur, days[0]), days[1]
    return _point_range(cur, i, lend, r_i, kw)


def _this_year(cur: Cursor, v: Interval) -> Interval:
    """ "Mar 3-7" said on March 4: the range going on now, not next year's."""
    c = cur.ctx
    if v.end is None or v.start.year != c.today.year + 1:
        return v
    try:
        s0 = v.start.replace(year=v.start.year - 1)
        e0 = v.end.replace(year=v.end.year - 1)
    except ValueError:
        return v
    if s0 <= c.now < e0:
        return Interval(s0, e0, v.grain, v.latent)
    return v


def _point_range(
    cur: Cursor, i: int, lend: int, r_i: int, kw: str | None
) -> tuple[Interval, int] | None:
    """Any two points: "friday 6pm to sunday noon", "from friday 6pm until sunday".

    Examples: "friday 6pm to sunday noon", "from friday 6pm until sunday"."""
    if cur.s(lend) not in (
        "to",
        "until",
        "till",
        "til",
        "untill",
        "through",
        "thru",
        "-",
        "–",
    ):
        return None
    lp = cur.p_point(i)
    rp = cur.p_point(r_i)
    if lp is None or rp is None or lp[1] != lend:
        return None
    left, right = lp[0], rp[0]
    if left.latent or right.latent or _inside(right, left):
        return None
    end = right.end if right.end is not None else right.start
    if right.end is None and right.grain == "day":
        end = right.start + timedelta(days=1)
    if end <= left.start or end - left.start > timedelta(days=62):
        return None
    grain: Grain = "minute" if "minute" in (left.grain, right.grain) else left.grain
    return Interval(left.start, end, grain), rp[1]


def _inside(right: Interval, left: Interval) -> bool:
    """The right point lies in the left span: a choice in it ("this weekend – sunday
    arvo"), not the end of a range."""
    right_end = right.end or right.start
    return left.end is not None and left.start < right.start and right_end <= left.end


def _clock_range(
    cur: Cursor,
    i: int,
    lend: int,
    r_i: int,
    lead_day: DaySpan | None,
    kw: str | None,
    lt: tuple[ClockTime, int] | None,
    rt: tuple[ClockTime, int] | None,
) -> tuple[Interval, int] | None:
    """Two clock times on one day.

    Examples: "7-9pm", "between 2 and 4pm", "3pm-5pm tomorrow", "from 9:30 to 11"."""
    if lt is None or lt[1] != lend or rt is None:
        return None
    ltod, (rtod, end) = lt[0], _trailing_ampm(cur, rt[0], rt[1])
    day, part, k = _range_day(cur, lead_day, end)
    bare = _bare_range(cur, ltod, rtod, day, kw, k)
    if bare and (
        not cur.allow_latent
        or day is not None
        or cur.p_monthname(k) is not None
        or cur.word(k, "of")
    ):
        return None  # "7-9" alone is a time only in a `when` ("1-8 september" is a date)
    ltod = _share_ampm_and_zone(ltod, rtod)
    sv = resolve(cur, day, replace(ltod, latent=False), part, None)
    if sv is None:
        return None
    e = _range_end(cur, sv.start, ltod, rtod, part)
    grain: Grain = "minute" if "minute" in (ltod.grain, rtod.grain) else "hour"
    return Interval(sv.start, e, grain, latent=bare), k


def _trailing_ampm(cur: Cursor, rtod: ClockTime, end: int) -> tuple[ClockTime, int]:
    """ "7 to 9 in the evening": am/pm after the range belongs to its right end.

    Examples: "7 to 9 pm", "7-9 in the evening"."""
    am2, e2 = clock._ampm(cur, end)
    if am2 is not None and rtod.ampm is None:
        return replace(rtod, ampm=am2), e2
    return rtod, end


def _range_day(
    cur: Cursor, lead_day: DaySpan | None, k: int
) -> tuple[DaySpan | None, PartOfDay | None, int]:
    """The day of a range of hours: said before it, or after it ("on friday", "tonight").

    Examples: "7-9pm on friday", "7-9pm tomorrow", "7-9 tonight", "friday 7-9pm"."""
    if lead_day is not None:
        return lead_day, None, k
    kk = cur.skip(k, "on", ",")
    rd = cur.p_date(kk)
    if rd is not None and rd[0].grain == "day":
        return rd[0], None, rd[1]
    rp = cur.p_part(kk)
    if rp is None:
        return None, None, k
    part = rp[0]
    if part.day_offset is None:
        return None, part, rp[1]
    d = cur.ctx.today + timedelta(days=part.day_offset)
    return DaySpan(d, d + timedelta(days=1), "day"), part, rp[1]


def _bare_range(
    cur: Cursor, ltod: ClockTime, rtod: ClockTime, day: DaySpan | None, kw: str | None, k: int
) -> bool:
    """Two bare numbers with nothing that makes them hours, or followed by a month.

    Examples: "7-9", "1-8 september"."""
    if not (ltod.latent and rtod.latent):
        return False
    return (
        (day is None and kw is None)
        or cur.p_monthname(k) is not None
        or (cur.word(k, "of") and cur.p_monthname(k + 1) is not None)
    )


def _range_end(
    cur: Cursor, s: datetime, ltod: ClockTime, rtod: ClockTime, part: PartOfDay | None
) -> datetime:
    """The end of a range of hours: on the start's day and after it (the next day when
    it would not be: "10pm-2am").

    Examples: "7-9pm", "10pm-2am", "9:30-11", "7pm-9 EST"."""
    c = cur.ctx
    if rtod.ampm is None and rtod.flexible:
        rh = rtod.hour
        cands = [rh, rh + 12] if rh < 12 or ltod.flexible else [rh]
        later = [t for t in (c.at(s.date(), h, rtod.minute) for h in cands) if t > s]
        return later[0] if later else c.at(s.date(), rh, rtod.minute) + timedelta(days=1)
    h = _hour(cur, rtod, part, s.date())
    if rtod.tz is not None:  # "7-9pm EST": 21:00 on the start's day in that zone
        day = s.astimezone(rtod.tz).date()
        e = datetime.combine(day, time(h % 24, rtod.minute), tzinfo=rtod.tz)
        e = e.astimezone(c.tz)
    else:
        e = c.at(s.date(), h, rtod.minute)
    return e if e > s else e + timedelta(days=1)


def _day_range(cur: Cursor, i: int, lend: int, r_i: int) -> tuple[Interval, int] | None:
    """Two days, months or years; or day numbers with one month.

    Examples: "March 3-5", "March 3 to March 7", "from friday until sunday", "monday
    through wednesday", "13 to 15 July", "Aug 8 - Aug 12"."""
    ld = cur.p_date(i)
    lnum = cur.p_dayord(cur.skip_the(i))
    rd = cur.p_date(r_i)
    rnum = cur.p_dayord(cur.skip_the(r_i))
    right_day = rd is not None and rd[0].grain == "day" and not rd[0].weekday_only
    if lnum is not None and lnum[1] == lend and rd is not None and right_day:
        return _number_to_day(cur, lnum[0], rd[0], rd[1])
    if ld is None or ld[1] != lend or ld[0].grain not in ("day", "month", "year"):
        return None
    lday = ld[0]
    if rd is not None and rd[0].grain == lday.grain:
        return _span_to_span(cur, lday, rd[0], rd[1])
    if rnum is not None and lday.grain == "day" and not lday.weekday_only:
        if _clock_not_day(cur, cur.skip_the(r_i), rnum[1]):
            return None
        return _day_to_number(cur, lday, rnum[0], rnum[1])
    return None


def _clock_not_day(cur: Cursor, k: int, day_end: int) -> bool:
    """The number after a day and a dash is a clock time when it reads further as one
    ("fri 13/03 – 19:00", "7.4 - 6pm": a day and its time, which a `when` joins), not the
    end of a range of days.

    Examples: "July 13-15", "March 3 - 5"."""
    tod = cur.p_tod(k)
    return tod is not None and tod[1] > day_end and not tod[0].latent


def _number_to_day(cur: Cursor, n: int, rday: DaySpan, end: int) -> tuple[Interval, int] | None:
    """Examples: "13 to 15 July", "from the 13th to the 15th of July"."""
    sd = _valid(rday.start.year, rday.start.month, n)
    if sd is None or sd > rday.start:
        return None
    return Interval(cur.ctx.at(sd), cur.ctx.at(rday.end), "day"), end


def _span_to_span(
    cur: Cursor, lday: DaySpan, rday: DaySpan, end: int
) -> tuple[Interval, int] | None:
    """From the start of one to the end of the other; a right end before the left one
    moves to its next occurrence ("Dec 28 - Jan 3", "Friday to Monday").

    Examples: "March 3 to March 7", "friday to monday", "Dec 28 - Jan 3", "March to
    May"."""
    sday, eday = lday.start, rday.end
    one_day = lday.grain == "day" and rday.end - rday.start == timedelta(days=1)
    if eday <= sday and not rday.explicit_year and one_day:
        rs = rday.start
        while rs < sday:
            rs = rs + timedelta(days=7) if rday.weekday_only else _next_year(rs)
        eday = rs + timedelta(days=1)
    if eday <= sday:
        return None
    return Interval(cur.ctx.at(sday), cur.ctx.at(eday), lday.grain), end


def _day_to_number(cur: Cursor, lday: DaySpan, n: int, end: int) -> tuple[Interval, int] | None:
    """Examples: "July 13-15", "Aug 27-29"."""
    rd2 = _valid(lday.start.year, lday.start.month, n)
    if rd2 is None or rd2 < lday.start:
        return None
    return Interval(cur.ctx.at(lday.start), cur.ctx.at(rd2 + timedelta(days=1)), "day"), end
