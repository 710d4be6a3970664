"""Series of meetups: a repeat rule (RFC 5545 RRULE), its dates in a city's wall time, and
when the next occurrence is announced.

A series keeps one open occurrence at a time: the next one's card is posted only once the
previous one is over (with its follow-up, or some days before the next, whichever is later),
so a weekly series never floods a channel.

Dates are evaluated on naive wall times in the city's zone and only then given the zone, so
19:00 stays 19:00 local across daylight-saving changes. A wall time the clocks skip (spring
forward) lands an hour later, as RFC 5545 says; one they pass twice is the first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from bot.domain.meetups import DEFAULT_DURATION
from bot.domain.refusal import Refusal

FREQUENCIES = ("yearly", "monthly", "weekly", "daily", "hourly", "minutely")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_COUNT = 500
HORIZON = timedelta(days=5 * 366)  # a rule whose first date is further off yields none
MAX_STEPS = 5000  # rule dates looked at per evaluation (a rule matching rarely stops here)
MAX_POST_BEFORE_DAYS = 60


class SeriesStatus(StrEnum):
    DRAFT = "draft"  # echoed back, waiting for the organizer's confirmation
    ACTIVE = "active"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class RepeatRule:
    """What repeats, without its bounds: FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH.

    >>> RepeatRule("monthly", weekdays=((3, 1),)).rrule()
    'FREQ=MONTHLY;BYDAY=1TH'
    >>> RepeatRule("weekly", 2).rrule()
    'FREQ=WEEKLY;INTERVAL=2'
    """

    freq: str
    interval: int = 1
    weekdays: tuple[tuple[int, int | None], ...] = ()  # (Monday=0.., ordinal or None)
    month_days: tuple[int, ...] = ()
    months: tuple[int, ...] = ()

    def rrule(self) -> str:
        parts = [f"FREQ={self.freq.upper()}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.months:
            parts.append("BYMONTH=" + ",".join(str(m) for m in self.months))
        if self.month_days:
            parts.append("BYMONTHDAY=" + ",".join(str(d) for d in self.month_days))
        if self.weekdays:
            parts.append("BYDAY=" + ",".join(f"{n or ''}{DAY_CODES[d]}" for d, n in self.weekdays))
        return ";".join(parts)


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A rule with its bounds (COUNT or UNTIL, an instant in UTC), as one RRULE value.

    >>> Recurrence(RepeatRule("weekly"), count=4).text()
    'FREQ=WEEKLY;COUNT=4'
    >>> Recurrence.parse('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20301231T235900Z').rule.weekdays
    ((4, -1),)
    """

    rule: RepeatRule
    count: int | None = None
    until: datetime | None = None

    def text(self) -> str:
        out = self.rule.rrule()
        if self.count is not None:
            out += f";COUNT={self.count}"
        if self.until is not None:
            out += f";UNTIL={self.until.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        return out

    @classmethod
    def parse(cls, text: str) -> Recurrence:
        """Read back a stored RRULE value (only the parts `text` writes)."""
        values = dict(part.split("=", 1) for part in text.strip().split(";") if "=" in part)
        weekdays: list[tuple[int, int | None]] = []
        for code in filter(None, values.get("BYDAY", "").split(",")):
            found = re.fullmatch(r"([+-]?\d{1,2})?([A-Z]{2})", code)
            if found is None or found[2] not in DAY_CODES:
                raise ValueError(f"bad BYDAY {code!r}")
            weekdays.append((DAY_CODES.index(found[2]), int(found[1]) if found[1] else None))
        rule = RepeatRule(
            values["FREQ"].lower(),
            int(values.get("INTERVAL", "1")),
            tuple(weekdays),
            _ints(values.get("BYMONTHDAY", "")),
            _ints(values.get("BYMONTH", "")),
        )
        until = None
        if "UNTIL" in values:
            until = datetime.strptime(values["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        count = int(values["COUNT"]) if "COUNT" in values else None
        return cls(rule, count, until)


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x)


def localize(wall: datetime, zone: str) -> datetime:
    """A naive wall time in `zone` as an instant (UTC). Skipped times move an hour on.

    >>> localize(datetime(2030, 3, 31, 19, 0), "Europe/London").isoformat()
    '2030-03-31T18:00:00+00:00'
    >>> localize(datetime(2030, 3, 30, 19, 0), "Europe/London").isoformat()
    '2030-03-30T19:00:00+00:00'
    """
    return wall.replace(tzinfo=ZoneInfo(zone), fold=0).astimezone(UTC)


def wall_time(instant: datetime, zone: str) -> datetime:
    """An instant as the naive wall time in `zone` (what the rule is evaluated on)."""
    return instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def _walls(recurrence: Recurrence, start: datetime) -> Iterator[datetime]:
    """The rule's wall times from `start` (naive), COUNT applied, UNTIL left to the caller
    (dateutil wants UNTIL naive for a naive start; ours is an instant)."""
    bounded = replace(recurrence, until=None)
    rule = rrulestr(f"RRULE:{bounded.text()}", dtstart=start)
    for step, wall in enumerate(rule):
        if step >= MAX_STEPS or wall - start > HORIZON:
            return
        yield wall


def occurrences(
    recurrence: Recurrence,
    start: datetime,
    zone: str,
    *,
    after: datetime | None = None,
    skipped: Collection[datetime] = (),
    limit: int = 3,
) -> list[datetime]:
    """The next `limit` dates (UTC instants) of the series from `start` (a naive wall time in
    `zone`), strictly after `after`, leaving out the `skipped` instants.

    >>> weekly = Recurrence(RepeatRule("weekly"))
    >>> [d.isoformat() for d in occurrences(weekly, datetime(2030, 3, 24, 19), "Europe/London")]
    ['2030-03-24T19:00:00+00:00', '2030-03-31T18:00:00+00:00', '2030-04-07T18:00:00+00:00']
    """
    found: list[datetime] = []
    for wall in _walls(recurrence, start):
        instant = localize(wall, zone)
        if recurrence.until is not None and instant > recurrence.until:
            break
        if (after is not None and instant <= after) or instant in skipped:
            continue
        found.append(instant)
        if len(found) >= limit:
            break
    return found


def check_yields(recurrence: Recurrence, start: datetime, zone: str, now: datetime) -> datetime:
    """The first date of a new series, or a refusal: a rule repeating within a day, or one
    that gives no date from now on.

    >>> hourly = Recurrence(RepeatRule("hourly"))
    >>> check_yields(hourly, datetime(2030, 1, 1, 19), "UTC", datetime(2030, 1, 1, tzinfo=UTC))
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    bot.domain.refusal.Refusal: A series meets at most once a day; that rule repeats ...
    """
    # Only the frequency can repeat within a day: RepeatRule writes no BYHOUR or BYMINUTE,
    # so a daily or coarser rule has one wall time a day.
    if recurrence.rule.freq in ("hourly", "minutely"):
        raise Refusal(
            "A series meets at most once a day; that rule repeats within a day. "
            'Try repeat:"daily" or repeat:"every weekday".'
        )
    if recurrence.count is not None and not 1 <= recurrence.count <= MAX_COUNT:
        raise Refusal(f"count: takes a number of meetups from 1 to {MAX_COUNT}.")
    first = occurrences(recurrence, start, zone, after=now - timedelta(seconds=1), limit=1)
    if not first:
        raise Refusal(
            "That rule gives no date from now on (within five years"
            + (", before until:" if recurrence.until else "")
            + '). Check the dates, e.g. repeat:"monthly on the 15th".'
        )
    return first[0]


@dataclass(frozen=True, slots=True)
class PostNext:
    """When the next occurrence's card is posted: with the previous one's follow-up (the
    default), a time `after` the previous one ends, or `days_before` the next one (never
    before the previous one is over: one open occurrence at a time).

    >>> PostNext.parse("3d before")
    PostNext(after=None, days_before=3)
    >>> PostNext.parse("after").text()
    ''
    """

    after: timedelta | None = None
    days_before: int | None = None

    def text(self) -> str:
        if self.days_before is not None:
            return f"before:{self.days_before}"
        if self.after is not None:
            return f"after:{int(self.after.total_seconds() // 60)}"
        return ""

    @classmethod
    def stored(cls, text: str) -> PostNext:
        kind, _, value = text.partition(":")
        if kind == "before":
            return cls(days_before=int(value))
        if kind == "after":
            return cls(after=timedelta(minutes=int(value)))
        return cls()

    @classmethod
    def parse(cls, raw: str) -> PostNext:
        """ "after" (with the follow-up), "2h after", "3d before" / "3 days before"."""
        text = " ".join(raw.lower().split())
        if text in ("", "after", "with the follow-up", "default"):
            return cls()
        found = re.fullmatch(r"(\d{1,3})\s*(h|hours?|d|days?)\s+(after|before)", text)
        if found is None:
            raise Refusal(
                'post-next: says when the next date\'s card is posted: "after" (with the '
                'follow-up, the default), e.g. "2h after" the previous one ends, or "3d before" '
                "the next one."
            )
        amount, unit, side = int(found[1]), found[2][0], found[3]
        if side == "before":
            days = amount if unit == "d" else -(-amount // 24)
            if not 1 <= days <= MAX_POST_BEFORE_DAYS:
                raise Refusal(f"post-next: takes 1 to {MAX_POST_BEFORE_DAYS} days before.")
            return cls(days_before=days)
        hours = amount * 24 if unit == "d" else amount
        if hours > 24 * 14:
            raise Refusal("post-next: takes at most 14 days after.")
        return cls(after=timedelta(hours=hours))

    def due(
        self, previous_start: datetime, follow_up_at: datetime, next_start: datetime
    ) -> datetime:
        """When to post the next card.

        >>> start = datetime(2030, 1, 3, 19, tzinfo=UTC)
        >>> PostNext().due(start, start + timedelta(hours=3), start + timedelta(days=28)).hour
        22
        >>> PostNext(days_before=3).due(start, start, start + timedelta(days=28)).day
        28
        >>> PostNext(days_before=30).due(start, start, start + timedelta(days=28)).day
        3
        """
        previous_end = previous_start + DEFAULT_DURATION
        if self.days_before is not None:
            return max(previous_end, next_start - timedelta(days=self.days_before))
        if self.after is not None:
            return previous_end + self.after
        return follow_up_at


@dataclass(frozen=True, slots=True)
class Series:
    """A repeating meetup: the template each occurrence is made from, and its rule."""

    id: int
    community_id: int
    channel_id: str
    thread_id: str | None
    organizer_id: str
    title: str
    city_id: int
    city_label: str
    timezone: str
    rrule: str  # the RRULE value (Recurrence.text())
    first_wall: datetime  # DTSTART: naive wall time in `timezone`
    status: SeriesStatus
    venue: str = ""
    description: str = ""
    capacity: int | None = None
    find_us: str = ""  # how to spot the group, on every date
    latitude: float = 0.0
    longitude: float = 0.0
    post_next: PostNext = PostNext()
    sequence: int = 0

    @property
    def recurrence(self) -> Recurrence:
        return Recurrence.parse(self.rrule)

    def dates(
        self, *, after: datetime | None = None, skipped: Collection[datetime] = (), limit: int = 3
    ) -> list[datetime]:
        """The series' next dates (UTC) after `after`, without the skipped ones."""
        return occurrences(
            self.recurrence,
            self.first_wall,
            self.timezone,
            after=after,
            skipped=skipped,
            limit=limit,
        )


@dataclass(frozen=True, slots=True)
class SeriesDate:
    """A date of a series that got a meetup, or was skipped (an EXDATE)."""

    starts_at: datetime  # the rule's date, whatever the meetup was moved to
    meetup_id: int | None
    skipped: bool


def check_manage_series(series: Series, user_id: str, is_admin: bool) -> None:
    """Only the series' organizer or an admin changes a series."""
    if user_id != series.organizer_id and not is_admin:
        raise Refusal("Only the series' organizer or an admin can change the series.")


def bounded_from(
    recurrence: Recurrence, start: datetime, zone: str, new_start: datetime
) -> Recurrence:
    """The same rule restarted at `new_start` (a this-and-following edit): a COUNT becomes an
    UNTIL at its last date, so the series keeps its end.

    >>> r = Recurrence(RepeatRule("weekly"), count=3)
    >>> bounded_from(r, datetime(2030, 1, 1, 19), "UTC", datetime(2030, 1, 8, 20)).text()
    'FREQ=WEEKLY;UNTIL=20300115T235900Z'
    """
    if recurrence.count is None:
        return recurrence
    last = occurrences(recurrence, start, zone, limit=recurrence.count)[-1]
    day_end = wall_time(last, zone).replace(hour=23, minute=59, second=0)
    return Recurrence(recurrence.rule, None, localize(day_end, zone))
