"""Two readings that make one meetup `when` together (``parse_when`` only).

A `when` is one time, but members often write it in two pieces, each of which the grammar
reads alone: a day and then its time ("a week on thursday, 6.30"), a span and the day
they prefer in it ("this weekend, saturday preferably"), a relative week and its weekday
("in two weeks, friday"), or a window word and a part of the day before a span ("one
evening next week"). Each rule below takes the pieces found in the text (left to right)
and returns the one reading they mean, or None; the second piece is read again from the
first's start (``reread``), so the grammar's own conventions (a bare 7 is 7pm, a bare
weekday is the next one) hold inside the first piece.

Chat (``find_times``) is not composed: a message's several times stay several.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from bot.nlp.dates import clock
from bot.nlp.dates.cursor import Cursor
from bot.nlp.dates.tokens import _tokenize
from bot.nlp.dates.values import Context, TimeMention
from bot.nlp.dates.vocabulary import (
    _OR,
    _PARTS,
    _UNITS,
    _WEEKDAYS,
    _WINDOW_PARTS,
    _WINDOW_WORDS,
)

# Reads a piece of text as one `when` from another instant (None: not one time).
Reread = Callable[[str, datetime], TimeMention | None]

_MINUTE = timedelta(minutes=1)
_PART = timedelta(hours=2)  # a part of a day: "teatime" (16-18) and longer


def _is_day(m: TimeMention) -> bool:
    """A single day, or a part of one ("saturday", "a week on friday", "sunday afternoon")."""
    length = None if m.end is None else m.end - m.start
    if m.grain == "day":
        return length is None or length <= timedelta(days=1)
    return m.grain == "hour" and length is not None and _PART <= length <= timedelta(days=1)


def _is_clock(m: TimeMention) -> bool:
    """A time of day, maybe a short range ("7.30", "6pm", "1ish to 4", "evening")."""
    if m.grain not in ("hour", "minute"):
        return False
    return m.end is None or m.end - m.start <= timedelta(hours=12)


def _is_span(m: TimeMention) -> bool:
    """Several days, up to a month: a weekend, a week, a fortnight (not a year: "1830")."""
    length = None if m.end is None else m.end - m.start
    return length is not None and timedelta(hours=30) <= length <= timedelta(days=31)


def time_on_day(a: TimeMention, b: TimeMention, reread: Reread) -> TimeMention | None:
    """A day (or a part of it) and a time of day, in either order, are that time on that
    day.

    Examples: "a week on thursday, 6.30", "sunday afternoon, 2ish to 5", "fri 13/03 -
    19:00", "7.4 - 6pm", "tomorrow week, 7pm"."""
    for day, time_of_day in ((a, b), (b, a)):
        if not (_is_day(day) and _is_clock(time_of_day)):
            continue
        local = day.start.astimezone(day.start.tzinfo)
        start = local if day.grain != "day" else local.replace(hour=0, minute=0)
        found = reread(time_of_day.text, start - _MINUTE) or _moved_onto(time_of_day, local)
        if found is not None and found.start.date() == local.date():
            return found
    return None


def _moved_onto(clock: TimeMention, day: datetime) -> TimeMention | None:
    """A clock time read only in its context (a dotted "6.30" after a tag: "can we do wed
    instead, 6.30"; alone it is a number), put on the day's date at the same wall time."""
    wall = clock.start.astimezone(day.tzinfo)
    moved = day.replace(hour=wall.hour, minute=wall.minute, second=0, microsecond=0)
    return replace(clock, start=moved, end=None)


def day_in_span(a: TimeMention, b: TimeMention, reread: Reread) -> TimeMention | None:
    """A span of days and a day in it, in either order, are that day (the span says which
    week the day is in).

    Examples: "this weekend, saturday preferably", "next week, ideally tuesday", "sunday,
    this weekend", "this wknd, sat arvo"."""
    for span, day in ((a, b), (b, a)):
        if not (_is_span(span) and _is_day(day)):
            continue
        assert span.end is not None
        found = reread(day.text, span.start - _MINUTE)
        if found is not None and span.start <= found.start < span.end:
            return found
    return None


def weekday_in_week_of(a: TimeMention, b: TimeMention, reread: Reread) -> TimeMention | None:
    """A day counted in weeks from now, then a weekday: that weekday in the day's week
    (weeks start on Monday).

    Examples: "in two weeks, friday", "in 3 weeks, saturday", "2 weeks from now, tues", "in
    two weeks, thursday evening"."""
    words = a.text.lower().split()
    if not (a.grain == "day" and a.end is None and _is_day(b)):
        return None
    if not any(_UNITS.get(w) in ("week", "fortnight") for w in words):
        return None
    monday = a.start - timedelta(days=a.start.weekday())
    found = reread(b.text, monday - _MINUTE)
    if found is not None and monday <= found.start < monday + timedelta(days=7):
        return found
    return None


def first_of_a_list(a: TimeMention, b: TimeMention, reread: Reread) -> TimeMention | None:
    """A day, a comma, then "Y or Z <time of day>": the first day, sharing the time of day
    the last alternative says (as "X or Y evening" is X evening).

    Examples: "tuesday, wednesday or thursday evening", "fri, sat or sun afternoon"."""
    if not (a.grain == "day" and a.end is None):
        return None
    return list_head(a.text, b, a.start - _MINUTE, reread)


def list_head(first: str, b: TimeMention, at: datetime, reread: Reread) -> TimeMention | None:
    """The first item of "X, Y or Z <time of day>", read as "X or Z <time of day>" (a short
    weekday the grammar does not read alone, "mon", is read so too).

    Examples: "mon, tue or wed evening" (X = "mon")."""
    head, sep, rest = b.text.partition(f" {_OR} ")
    if not sep or not head or not rest:
        return None
    return reread(f"{first} {_OR} {rest}", at)


def _names_a_date(m: TimeMention, reread: Reread) -> bool:
    """A reading that says its date: read a week earlier, it is on the same day ("14th 7pm";
    not "6.30", whose day is only its next occurrence)."""
    again = reread(m.text, m.start - timedelta(days=7))
    return again is not None and again.start == m.start


def day_restated(a: TimeMention, b: TimeMention, reread: Reread) -> TimeMention | None:
    """A day said again in other words (often in brackets): the finer reading, when both
    name the same day.

    A weekday alone beside a date on that weekday is that date (as "Monday, Feb 18" is).

    Examples: "next friday evening (13th)", "sat 14th (next saturday)", "Saturday (14th)"."""
    for fine, day in ((a, b), (b, a)):
        same = fine.start.date() == day.start.date()
        if same and day.grain == "day" and day.end is None and fine is not day:
            return fine
        weekday = _WEEKDAYS.get(day.text.lower().rstrip("."))
        if weekday is None or fine is day or fine.start.weekday() != weekday:
            continue
        if not _is_clock(fine) or _names_a_date(fine, reread):
            return fine  # not a bare time of day whose next occurrence is that weekday
    return None


def part_then_day_and_time(a: TimeMention, b: TimeMention, reread: Reread) -> TimeMention | None:
    """A part of the day said first, then the time and day inside it: that time ("late
    arvo 4ish sat" is Saturday at 4, which is late in the afternoon).

    Examples: "late arvo 4ish sat", "evening 7 sat", "late afternoon, 4ish sat"."""
    if not (_is_day(a) and a.grain == "hour" and a.end is not None and _is_clock(b)):
        return None
    if b.end is not None or b.start.date() <= a.start.date():
        return None
    lo, hi = a.start.hour, a.end.hour or 24
    return b if lo <= b.start.hour < hi else None


def same_instant_twice(a: TimeMention, b: TimeMention, reread: Reread) -> TimeMention | None:
    """One time written in two zones for a community across them: the same instant twice,
    read once (two that differ are no one time).

    Examples: "7pm UK / 2pm ET", "19:00 UK time / 20:00 CET", "8pm GMT (3pm EST)",
    "sat 7pm UK / 2pm ET" (the second read on the first's day)."""
    if a.grain not in ("hour", "minute") or b.grain not in ("hour", "minute"):
        return None
    if not (_names_its_zone(a, reread) or _names_its_zone(b, reread)):
        return None  # "1830 tmrw tmrw 1830" is said twice, not in two zones
    if a.start == b.start:
        return a
    midnight = a.start.replace(hour=0, minute=0, second=0, microsecond=0)
    again = reread(b.text, midnight - _MINUTE)
    return a if again is not None and again.start == a.start else None


# A zone far from any community's, to tell a reading with its own zone from one without.
_ELSEWHERE = timezone(timedelta(hours=9, minutes=45))


def _names_its_zone(m: TimeMention, reread: Reread) -> bool:
    """A reading whose instant does not move when read from another zone: it names its
    own ("7pm UK", "2pm ET")."""
    again = reread(m.text, (m.start - timedelta(hours=12)).astimezone(_ELSEWHERE))
    return again is not None and again.start == m.start


PAIR_RULES = (
    time_on_day,
    day_in_span,
    weekday_in_week_of,
    first_of_a_list,
    day_restated,
    same_instant_twice,
    part_then_day_and_time,
)


def zone_after(text: str) -> tzinfo | None:
    """The zone that words after a reading name ("7 pm friday IST", "sat 2pm, UK time"):
    the reading is then read again in that zone.

    Examples: "IST", "UK time", "(Sydney time)", "Eastern"."""
    toks = _tokenize(text)
    if not toks:
        return None
    cur = Cursor(text, toks, Context(datetime.now(UTC), meetup=True))
    zone, end = clock._tz(cur, cur.skip(0, ","))
    return zone if zone is not None and end == len(toks) else None


def part_in_span(text: str, now: datetime, reread: Reread) -> TimeMention | None:
    """A window word and a part of the day before a span: that part on the span's first
    day still ahead (a meetup starts at the window's first moment).

    Examples: "one evening next week", "any evening next week", "some afternoon next
    week", "any weeknight next week", "one lunchtime next week"."""
    words = text.split()
    if len(words) < 3 or words[0].lower() not in _WINDOW_WORDS:
        return None
    part = _WINDOW_PARTS.get(words[1].lower(), words[1].lower())
    span = reread(" ".join(words[2:]), now) if part in _PARTS else None
    if span is None or not _is_span(span):
        return None
    assert span.end is not None
    found = reread(part, max(span.start, now))
    if found is not None and span.start <= found.start < span.end:
        return replace(found, text=text, start_index=0, end_index=len(text))
    return None


def compose_pair(text: str, a: TimeMention, b: TimeMention, reread: Reread) -> TimeMention | None:
    """The one reading two pieces make, spanning both in ``text``, or None."""
    for rule in PAIR_RULES:
        found = rule(a, b, reread)
        if found is not None:
            start, end = min(a.start_index, b.start_index), max(a.end_index, b.end_index)
            return replace(found, text=text[start:end], start_index=start, end_index=end)
    return None
