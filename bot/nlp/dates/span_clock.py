"""A meetup `when` that puts a clock time on a span of days ("late june 7pm", "mid july at
8", "7pm sometime next week"): the time names no one day, so the bot refuses it the way it
refuses the bare span, keeping the time of day for the date poll it offers."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.nlp.dates.values import TimeMention

Read = Callable[[str, datetime], TimeMention | None]

_GAP = re.compile(r"[\s,;]+")


def is_day_span(m: TimeMention) -> bool:
    """Several days with no time of day ("late june", "next week"); a weekend is read as
    one evening (Friday 18:00, hour grain), so it is not one."""
    return (
        m.grain not in ("minute", "hour")
        and m.end is not None
        and (m.end.date() - m.start.date()).days > 1
    )


def _names_no_day(piece: str, now: datetime, read: Read) -> TimeMention | None:
    """The clock reading of `piece` when it names no day: read a day later it moves by
    exactly a day ("7pm", "at 8"; not "fri 7pm", "the 14th 7pm")."""
    m = read(piece, now)
    if m is None or m.grain not in ("minute", "hour") or m.end is not None:
        return None
    later = read(piece, now + timedelta(days=1))
    if later is None or (later.start.date() - m.start.date()).days != 1:
        return None
    return m


def span_with_clock(
    text: str, now: datetime, read: Read
) -> tuple[TimeMention, TimeMention] | None:
    """The span of days and the clock time a `when` is made of, either way round, or None.

    Examples: "late june 7pm" -> (21-30 June, 19:00); "mid july at 8"; "7pm sometime next
    week"; "june 21 7pm" -> None; "next week fri 7pm" -> None; "this weekend 2pm" -> None."""
    gaps = [g for g in _GAP.finditer(text) if g.start() > 0 and g.end() < len(text)]
    for g in gaps:
        left, right = text[: g.start()], text[g.end() :]
        for days, clock in ((left, right), (right, left)):
            span = read(days, now)
            if span is None or not is_day_span(span):
                continue
            at = _names_no_day(clock, now, read)
            if at is not None:
                return span, at
    return None
