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
    def before(self) -> str: ...
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
    mine = [
        t
        for t in times
        if m.end <= t.start_index < stop and not _in_the_past(low[m.end : t.start_index], t)
    ]
    own = _own_forms(m.after, today)
    leg = _bare_range(m.after, stated, times, m.end) if _a_trip_before(stated) else None
    days: Days | None
    if leg is not None:
        days = leg  # "..., then Wellington 9-11": the month of the leg before
    elif own is not None and (not mine or own[1] <= mine[0].start_index - m.end):
        days = _after_the_leg_before(own[0], m.after, stated)
    elif mine:
        days = _compose(low, mine, today)
        if own is not None and days is not None and _reads_on(own, days, mine[0], m.end):
            days = own[0]  # "this sat & sun": its own form reads on past "this sat"
        if days is not None and en.RELATIVE_DAYS.search(mine[0].text.lower()):
            days = _a_later_leg(days, stated)
    else:
        days = _bare_range(m.after, stated, times, m.end)
    since = max(m.sentence[0], _past_a_negated_clause(low, prev, m) if prev else 0)
    before = [
        t
        for t in times
        if since <= t.start_index and t.end_index <= m.start and first_last(t)[1] >= today
    ]  # not a past date ("left Boston last year, Denver now")
    if days is None:
        days = _compose(low, before, today) if before else None
    elif before and (days[0] == today or _an_end_after(low, m, mine)):
        days = _from_the_start_before(max(first_last(before[-1])[0], today), days, today)
    elif days[0] == today:
        days = _from_an_arrival_weekday(low[m.sentence[0] : m.sentence[1]], days, today)
    return _with_duration(low[m.sentence[0] : m.sentence[1]], days)


def _reads_on(own: tuple[Days, int], days: Days, first: TimeMention, at: int) -> bool:
    """An own form ("sat & sun") that starts inside the first time mention ("this sat") and
    ends later than it, from the same day."""
    return own[1] < first.end_index - at and own[0][0] == days[0] and own[0][1] > days[1]


def _from_an_arrival_weekday(sentence: str, days: Days, today: date) -> Days:
    """ "landing in boston sat morning, in town til tues": a stay "til" a day starts on the
    weekday of the arrival its sentence names, when ``dates`` read no start."""
    arrival = en.ARRIVAL_WEEKDAY.search(sentence)
    if arrival is None:
        return days
    start = _next_weekday(today, en.WEEKDAY_NAMES[arrival.group(1)])
    return _from_the_start_before(start, days, today)


def _past_a_negated_clause(low: str, prev: _Span, m: _Span) -> int:
    """Where the dates before a city may start: after the city before it, and past that
    city's clause when the speaker is not there ("not in Bengaluru this week, I'm stuck in
    Chennai till Monday": "this week" is the negated clause's)."""
    if en.NOT_THERE.search(prev.before) is None:
        return prev.end
    cut = en.CLAUSE_SPLIT.search(low, prev.end, m.start)
    return cut.end() if cut else m.start


def _an_end_after(low: str, m: _Span, mine: Sequence[TimeMention]) -> bool:
    """The first date after the city is an end: "..., flying home Saturday"."""
    return bool(mine) and en.SECOND_CLAUSE.search(low[m.end : mine[0].start_index]) is not None


def _from_the_start_before(start: date, days: Days, today: date) -> Days:
    """ "landing sat morning, in london til wed", "landing Wednesday in Oslo, flying home
    Saturday": the start is the day named before the city; an end weekday before it is
    that weekday after the start."""
    end = days[1]
    if end < start and end - today < timedelta(days=7):
        end = _next_weekday(start, end.weekday())
    return (start, end) if start <= end else days


def _in_the_past(between: str, t: TimeMention) -> bool:
    """A date after a city that a past word leads: "..., moved in June", "here since March"."""
    lead = t.text.lower().split(" ", 1)[0]
    return en.PAST_BEFORE_DATE.search(between + lead) is not None


def _a_trip_before(stated: Sequence[Statement]) -> bool:
    return any(s.kind == "trip" and s.last_day is not None for s in stated)


def _after_the_leg_before(days: Days, after: str, stated: Sequence[Statement]) -> Days:
    """ "Kraków this weekend, then Warsaw Mon-Wed after": weekdays of a later leg fall after
    the leg before (a week later), not in this week."""
    ends = [s.last_day for s in stated if s.kind == "trip" and s.last_day is not None]
    if not ends or en.WEEKDAY_RANGE.search(after[:40]) is None:
        return days
    first, last = days
    while first <= ends[-1]:
        first, last = first + timedelta(days=7), last + timedelta(days=7)
    return first, last


def _a_later_leg(days: Days, stated: Sequence[Statement]) -> Days:
    """ "I'm in Paris until Thursday then Lyon for the weekend": a leg named by weekdays or
    a weekend that would end before the leg before it ends is that week's later."""
    ends = [s.last_day for s in stated if s.kind == "trip" and s.last_day is not None]
    first, last = days
    while ends and last <= ends[-1]:
        first, last = first + timedelta(days=7), last + timedelta(days=7)
    return first, last


def _own_forms(after: str, today: date) -> tuple[Days, int] | None:
    """Forms ``dates`` does not read as one range, and where they start in ``after``:
    "21.-24.5.", "6/29-7/2", "March 20-22", "til wed", "fri-sun" (a note for ``dates``:
    these could move there)."""
    forms = (
        _dotted,
        _dotted_day_month,
        _numeric_range,
        _month_day_range,
        _next_week_then_days,
        _until_weekday,
        _weekday_range,
    )
    for form in forms:
        found = form(after[:40], today)
        if found is not None:
            return found
    return None


def _compose(low: str, ts: Sequence[TimeMention], today: date) -> Days | None:
    spans: list[tuple[Days, str]] = []
    i = 0
    prev_end = -1
    while i < len(ts):
        t = ts[i]
        nxt = ts[i + 1] if i + 1 < len(ts) else None
        of = nxt is not None and re.fullmatch(r"\s*of\s*", low[t.end_index : nxt.start_index])
        step = 2 if (nxt is not None and of) else 1
        span = _of(t, nxt) if (nxt is not None and of) else _one(low, t, today)
        span = span and _and_the_next(low, t, span)
        between = low[prev_end : t.start_index]
        if span is not None and (
            not spans or _continues(between) or _the_period_it_opens(between, t)
        ):
            spans.append((span, t.text.lower()))
        prev_end = (nxt if step == 2 and nxt is not None else t).end_index
        i += step
    if not spans:
        return None
    first, last = spans[0][0]
    for later in (_after_first(span, text, first) for span, text in spans[1:]):
        if later is None:
            continue
        a, b = later
        if first <= a and b <= last:
            first, last = a, b  # "next week (3rd-7th)": the days inside
        elif a <= first and last <= b and a.weekday() == 0 and (b - a).days == 6:
            continue  # "Wed-Fri the week after next": the week qualifies the days
        elif b >= first:
            last = max(last, b)
    return first, last


def _and_the_next(low: str, t: TimeMention, days: Days) -> Days:
    """ "this weekend and next", "next week and the one after": a week or weekend, then the
    one a week later (the days run on to its end)."""
    if not t.text.lower().endswith(("week", "weekend")) or not en.AND_THE_NEXT.match(
        low, t.end_index
    ):
        return days
    return days[0], days[1] + timedelta(days=7)


def _after_first(span: Days, text: str, first: date) -> Days | None:
    """A later mention that ends before the trip's start: "22-24 June, staying on till the
    26th" is that day of the start's month (or the next); "landing Monday, flying back
    Thursday" the weekday after the start; anything else ("the week" of "Wed through Fri
    the week after", which the range already read) adds nothing."""
    a, b = span
    if b >= first:
        return span
    weekday = [en.WEEKDAY_NAMES[w] for w in re.findall(r"[a-z]+", text) if w in en.WEEKDAY_NAMES]
    if weekday:
        return first, _next_weekday(first, weekday[-1])
    if not re.search(r"\d", text):
        return None
    for month_start in (first.replace(day=1), (first.replace(day=28) + timedelta(days=4))):
        try:
            day = month_start.replace(day=b.day)
        except ValueError:
            continue
        if day >= first:
            return max(a, first), day
    return span


def _continues(between: str) -> bool:
    """A later time mention ends the trip ("..., flying home Saturday", "and")."""
    return en.SECOND_CLAUSE.search(between) is not None or between.strip(" (") == ""


def _the_period_it_opens(between: str, t: TimeMention) -> bool:
    """ "Cincinnati-bound on Friday for the weekend", "Duluth Saturday over the weekend":
    the weekend after a start day ends the trip."""
    return en.FOR_THE_PERIOD.match(between) is not None and t.text.lower().endswith("weekend")


def _of(t: TimeMention, nxt: TimeMention) -> Days | None:
    """ "the week of June 8", "the weekend of the 30th"."""
    text = t.text.lower()
    day = first_last(nxt)[0]
    if text.endswith("weekend"):
        return _weekend_around(day)
    if text.endswith("week"):
        monday = _monday(day)
        return monday, monday + timedelta(days=6)
    return None


def _one(low: str, t: TimeMention, today: date) -> Days:
    text = t.text.lower()
    first, last = first_last(t)
    lead = low[max(0, t.start_index - 16) : t.start_index]
    wd = en.WEEKDAY_RANGE.search(text)
    ahead = _weeks_ahead(low[t.end_index :])
    if wd and ("next week" in text or ahead):
        monday = _monday(today) + timedelta(days=7 * (ahead or 1))
        a, b = (en.WEEKDAY_NAMES[g] for g in wd.groups())
        return monday + timedelta(days=a), monday + timedelta(days=max(a, b))
    if en.THIS_WEEK.match(text):
        return today, _monday(today) + timedelta(days=6)
    if en.WEEKEND_OF.search(lead):
        return _weekend_around(first)
    if en.WEEK_OF.search(lead):
        return _monday(first), _monday(first) + timedelta(days=6)
    if text.split()[0] in en.END_WORDS or re.search(r"\b(?:until|till|til|through)\s*$", lead):
        return today, max(today, last)
    if en.RETURN_BEFORE_DATE.search(lead) and last >= today:
        return today, last  # "..., back home friday": here from today until then
    return _whole_month_if_vague(text, first, last, today)


def _whole_month_if_vague(text: str, first: date, last: date, today: date) -> Days:
    """ "next month for a few days", "mid september for a few days": a vague length inside
    a named month is the whole month, from its first day (or today) to its last."""
    words = text.split()
    names_a_month = "month" in words or any(w in en.MONTH_NAMES for w in words)
    if en.VAGUE_LENGTH.search(text) is None or not names_a_month:
        return first, last
    next_month = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return max(first.replace(day=1), today), next_month - timedelta(days=1)


def _weeks_ahead(following: str) -> int:
    """Weeks from this one that the words after a weekday range name: "next week" or "the
    week after" 1, "the week after next" 2, else 0."""
    if en.WEEK_AFTER_NEXT.match(following):
        return 2
    return 1 if en.NEXT_WEEK_AFTER.match(following) else 0


def _with_duration(sentence: str, days: Days | None) -> Days | None:
    """ "for 4 nights" after a one-day start: the nights end on the day of leaving."""
    if days is None or days[0] != days[1]:
        return days
    m = next(
        (d for d in en.DURATION.finditer(sentence) if not _an_offset(sentence, d.start())), None
    )
    if m is None:
        return days
    n = int(m.group(1)) if m.group(1).isdigit() else en.NUMBER_WORDS[m.group(1)]
    extra = {"day": n - 1, "night": n, "week": 7 * n - 1}[m.group(2)]
    return days[0], days[0] + timedelta(days=max(0, extra))


def _an_offset(sentence: str, start: int) -> bool:
    """The length at ``start`` says when, not how long: "in 2 weeks for 3 nights"."""
    return en.OFFSET_BEFORE_LENGTH.search(sentence, 0, start) is not None


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


def _bare_range(
    after: str, stated: Sequence[Statement], times: Sequence[TimeMention], at: int
) -> Days | None:
    """ "Wellington 9-11" after a trip in March, "Lisbon 18-21, Porto 22-25 May": the month
    of the trip before, else of the next time mention; after a trip, one bare day too
    ("Delhi 20-22, Agra 23, Jaipur 24-26 Oct")."""
    trips = [s.last_day for s in stated if s.kind == "trip" and s.last_day is not None]
    m = en.DAY_RANGE.match(after) or (en.BARE_DAY.match(after) if trips else None)
    if m is None:
        return None
    later = [first_last(t)[0] for t in times if t.start_index > at]
    refs = [*trips[-1:], *later[:1]]
    a, b = int(m.group(1)), int(m.groups()[-1])
    for ref in refs:
        month_start = ref.replace(day=1)
        for base in (month_start, (month_start + timedelta(days=32)).replace(day=1)):
            try:
                first, last = base.replace(day=a), base.replace(day=b)
            except ValueError:
                continue
            if last >= first and (not trips or first >= ref - timedelta(days=1)):
                return first, last
    return None


def _numeric_range(after: str, today: date) -> tuple[Days, int] | None:
    """ "6/29-7/2" (month/day) or "14/6 - 18/6" (day/month): the reading that is valid and
    not in the past, this year's first ("2/6-4/6" in May is 2-4 June, not next February)."""
    m = en.NUMERIC_RANGE.search(after)
    if m is None:
        return None
    a, b, c, d = (int(g) for g in m.groups())
    readings = (((a, b), (c, d)), ((b, a), (d, c)))  # month/day, then day/month
    for years_ahead in (0, 1):  # a reading this year before either next year
        for (m1, d1), (m2, d2) in readings:
            days = _dated(today, m1, d1, m2, d2, years_ahead)
            if days is not None:
                return days, m.start()
    return None


def _month_day_range(after: str, today: date) -> tuple[Days, int] | None:
    """ "March 20-22": that month's days, next on or after today."""
    m = en.MONTH_DAY_RANGE.search(after)
    if m is None:
        return None
    month = en.MONTH_NAMES[m.group(1)]
    days = _dated(today, month, int(m.group(2)), month, int(m.group(3)))
    return (days, m.start()) if days else None


def _dotted(after: str, today: date) -> tuple[Days, int] | None:
    """ "21.-24.5." (day.-day.month.): the next such range on or after today."""
    m = en.DOTTED_RANGE.search(after)
    if m is None:
        return None
    a, b, month = (int(g) for g in m.groups())
    days = _dated(today, month, a, month, b)
    return (days, m.start()) if days else None


def _dotted_day_month(after: str, today: date) -> tuple[Days, int] | None:
    """ "15.10-18.10" (day.month-day.month): the next such range on or after today."""
    m = en.DOTTED_DAY_MONTH_RANGE.search(after)
    if m is None:
        return None
    d1, m1, d2, m2 = (int(g) for g in m.groups())
    days = _dated(today, m1, d1, m2, d2)
    return (days, m.start()) if days else None


def _next_week_then_days(after: str, today: date) -> tuple[Days, int] | None:
    """ "next week (Tue-Thu)": those days of next week."""
    m = en.NEXT_WEEK_THEN_DAYS.search(after)
    if m is None:
        return None
    a, b = en.WEEKDAY_NAMES[m.group(1)], en.WEEKDAY_NAMES[m.group(2)]
    monday = _monday(today) + timedelta(days=7)
    return (monday + timedelta(days=a), monday + timedelta(days=max(a, b))), m.start()


def _until_weekday(after: str, today: date) -> tuple[Days, int] | None:
    """ "til wed": from today to the next such day."""
    m = en.UNTIL_WEEKDAY.search(after)
    if m is None:
        return None
    return (today, _next_weekday(today, en.WEEKDAY_NAMES[m.group(1)])), m.start()


def _weekday_range(after: str, today: date) -> tuple[Days, int] | None:
    """ "fri-sun", "wed and thu": the next such start day, then the next end day on or after
    it ("next week" after it or "next" before it: that week's days)."""
    m = en.WEEKDAY_RANGE.search(after)
    if m is None:
        return None
    a, b = en.WEEKDAY_NAMES[m.group(1)], en.WEEKDAY_NAMES[m.group(2)]
    # "next mon-wed": those days of next week
    ahead = 1 if "next" in after[: m.start()].split()[-1:] else _weeks_ahead(after[m.end() :])
    if ahead:
        monday = _monday(today) + timedelta(days=7 * ahead)
        return (monday + timedelta(days=a), monday + timedelta(days=max(a, b))), m.start()
    first = _next_weekday(today, a)
    return (first, _next_weekday(first, b)), m.start()


def _dated(
    today: date, m1: int, d1: int, m2: int, d2: int, years_ahead: int | None = None
) -> Days | None:
    """The range from d1/m1 to d2/m2 on or after today: this year's, else next year's (or
    only the one ``years_ahead`` names)."""
    years = (0, 1) if years_ahead is None else (years_ahead,)
    for year in (today.year + n for n in years):
        try:
            first = date(year, m1, d1)
            last = date(year + (1 if m2 < m1 else 0), m2, d2)
        except ValueError:
            return None
        if first >= today and last >= first:
            return first, last
    return None


def _next_weekday(d: date, weekday: int) -> date:
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def itinerary(low: str, cities: Sequence[_Span], times: Sequence[TimeMention]) -> dict[int, Days]:
    """ "Chicago → Detroit → Pittsburgh, 5/26-5/28, 5/29-5/30, 5/31-6/2": cities of one list
    (nothing but joiners between them) followed by as many date ranges, paired in order."""
    out: dict[int, Days] = {}
    k = 0
    while k < len(cities):
        run = [k]
        while run[-1] + 1 < len(cities) and _joined(low, cities[run[-1]], cities[run[-1] + 1]):
            run.append(run[-1] + 1)
        k = run[-1] + 1
        if len(run) < 2:
            continue
        last = cities[run[-1]]
        stop = cities[k].start if k < len(cities) else last.sentence[1]
        after = [t for t in times if last.end <= t.start_index < stop]
        if len(after) == len(run):
            out.update({i: first_last(t) for i, t in zip(run, after, strict=True)})
        elif after:
            listed = _listed_day_ranges(low[last.end : stop], first_last(after[-1])[0])
            if len(listed) == len(run):
                out.update(dict(zip(run, listed, strict=True)))
            elif len(after) == 1 and len(en.BARE_DAY_RANGE.findall(low[last.end : stop])) <= 1:
                # "Rome → Florence → Venice, 3-12 Oct": each city, the whole trip
                out.update(dict.fromkeys(run, first_last(after[0])))
    return out


def _listed_day_ranges(following: str, last_start: date) -> list[Days]:
    """ "Boise, then Spokane, then Seattle: 14-15, 16-17, 18-20 Sept": bare day ranges
    listed before the one that names the month; each is in that month, or in the month
    before when its days come later than the next range's ("28-31, 1-3 Oct")."""
    ranges = [(int(a), int(b)) for a, b in en.BARE_DAY_RANGE.findall(following)]
    if not ranges or ranges[-1][0] != last_start.day:
        return []
    out: list[Days] = []
    month = last_start.replace(day=1)
    for a, b in reversed(ranges):
        if out and a > out[0][0].day:
            month = (month - timedelta(days=1)).replace(day=1)
        try:
            out.insert(0, (month.replace(day=a), month.replace(day=b)))
        except ValueError:
            return []
        if b < a:
            return []
    return out


def _joined(low: str, a: _Span, b: _Span) -> bool:
    between = low[a.end : b.start]
    return (
        a.sentence == b.sentence
        and re.fullmatch(r"[\s,/&+>→–—-]*(?:and|then)?[\s,/&+>→–—-]*", between) is not None
    )
