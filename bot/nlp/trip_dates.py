"""A trip's first and last day from the time mentions after its city.

``dates.find_times`` reads each time expression; this module composes them the way people
write a trip (only through the public ``dates`` API, so ``dates`` can change inside):

* the end in a second clause or after "and": "landing Wednesday, flying home Saturday";
* a current trip: "here till the 20th", "in Cork right now until Friday" (from today);
* "the week of the 25th" (Monday to Sunday), "the weekend of 13 June" (Friday to Sunday);
* a weekday range qualifying a week: "Tue-Thu next week";
* an itinerary's bare day range after a month: "Auckland 3-8 March, then Wellington 9-11";
* a dotted German range: "21.-24.5.".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from bot.nlp.dates import TimeMention
from bot.nlp.lang import en

if TYPE_CHECKING:
    from bot.nlp.statements import Statement

__all__ = ["DATE_WORDS", "days_after"]

Days = tuple[date, date]

DATE_WORDS = frozenset(
    """the of st nd rd th next this week weekend from to until till til through thru
    jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december mon monday tue tues tuesday wed weds
    wednesday thu thur thurs thursday fri friday sat saturday sun sunday""".split()
)


class _Span(Protocol):
    """A city mention, as ``statements`` reads it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def after(self) -> str: ...
    @property
    def sentence(self) -> tuple[int, int]: ...


def first_last(t: TimeMention) -> Days:
    first = t.start.date()
    if t.end is None:
        return first, first
    last = (t.end - timedelta(microseconds=1)).date()
    return first, max(first, last)


def days_after(
    low: str,
    m: _Span,
    times: Sequence[TimeMention],
    today: date,
    prev: _Span | None,
    stated: Sequence[Statement],
) -> Days | None:
    """The days of a trip to the city ``m``: the time mentions after it (up to the next
    city), else those before it in its sentence since the city before."""
    stop = m.end + len(m.after)
    mine = [t for t in times if m.end <= t.start_index < stop]
    if not mine:
        since = max(m.sentence[0], prev.end if prev else 0)
        mine = [t for t in times if since <= t.start_index and t.end_index <= m.start]
    if mine:
        return _compose(low, mine, today)
    return _bare_range(m.after, today, stated) or _dotted(m.after, today)


def _compose(low: str, ts: Sequence[TimeMention], today: date) -> Days | None:
    spans: list[Days] = []
    i = 0
    while i < len(ts):
        t = ts[i]
        nxt = ts[i + 1] if i + 1 < len(ts) else None
        of = nxt is not None and re.fullmatch(r"\s*of\s*", low[t.end_index : nxt.start_index])
        if nxt is not None and of and t.text.lower().endswith("weekend"):
            spans.append(_weekend_around(first_last(nxt)[0]))
            i += 2
            continue
        if nxt is not None and of and t.text.lower().endswith("week"):
            monday = _monday(first_last(nxt)[0])
            spans.append((monday, monday + timedelta(days=6)))
            i += 2
            continue
        spans.append(_one(low, t, today))
        i += 1
    first = spans[0][0]
    last = max(s[1] for s in spans if s[1] >= first) if spans else first
    return first, max(first, last)


def _one(low: str, t: TimeMention, today: date) -> Days:
    text = t.text.lower()
    first, last = first_last(t)
    wd = en.WEEKDAY_RANGE.search(text)
    if wd and ("next week" in text or en.NEXT_WEEK_AFTER.match(low[t.end_index :])):
        monday = _monday(today) + timedelta(days=7)
        a, b = (en.WEEKDAY_NAMES[g] for g in wd.groups())
        return monday + timedelta(days=a), monday + timedelta(days=max(a, b))
    if text.split()[0] in en.END_WORDS or re.search(
        r"\b(?:until|till|til|through)\s*$", low[max(0, t.start_index - 12) : t.start_index]
    ):
        return today, max(today, last)
    return first, last


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _weekend_around(d: date) -> Days:
    """Friday to Sunday of the weekend a day names ("the weekend of the 30th")."""
    friday = (
        d - timedelta(days=d.weekday() - 4)
        if d.weekday() >= 4
        else d + timedelta(days=4 - d.weekday())
    )
    return friday, friday + timedelta(days=2)


def _bare_range(after: str, today: date, stated: Sequence[Statement]) -> Days | None:
    """ "Wellington 9-11" after a trip in March: that month's days."""
    m = en.DAY_RANGE.match(after)
    trips = [s for s in stated if s.kind == "trip" and s.last_day is not None]
    if m is None or not trips:
        return None
    ref = trips[-1].last_day
    assert ref is not None
    a, b = int(m.group(1)), int(m.group(2))
    month_start = ref.replace(day=1)
    for base in (month_start, (month_start + timedelta(days=32)).replace(day=1)):
        try:
            first, last = base.replace(day=a), base.replace(day=b)
        except ValueError:
            continue
        if first >= ref - timedelta(days=1) and last >= first:
            return first, last
    return None


def _dotted(after: str, today: date) -> Days | None:
    """ "21.-24.5." (day.-day.month.): the next such range on or after today."""
    m = en.DOTTED_RANGE.search(after[:30])
    if m is None:
        return None
    a, b, month = (int(g) for g in m.groups())
    for year in (today.year, today.year + 1):
        try:
            first, last = date(year, month, a), date(year, month, b)
        except ValueError:
            return None
        if last >= today and last >= first:
            return first, last
    return None
