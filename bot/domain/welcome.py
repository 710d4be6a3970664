"""Welcoming newcomers: when first-timers hear what to expect, how a door buddy is chosen and
how long each greeter has to answer, the "come again?" tally and the date suggested for the
next meetup. Pure rules; bot/handlers/welcome.py and buddies.py apply them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.meetups import check_text

FIND_US_MAX = 200
"""How to spot the group ("look for the yellow umbrella at the back")."""

EVE_LEAD = timedelta(hours=24)
"""First-timers hear what to expect, and the organizer who is coming, this long before."""
MEET_BEFORE = timedelta(minutes=15)
"""A door buddy meets the first-timer this long before the start."""
ASK_WINDOW = timedelta(hours=6)
"""How long one greeter has to accept before the next one is asked."""
LAST_CALL = timedelta(hours=1)
"""A first-timer knows whether someone meets them at least this long before the meeting."""
MIN_ANSWER = timedelta(minutes=20)
"""A greeter is only asked with at least this long to answer."""
NEXT_AFTER_WEEKS = 4
"""The next meetup is suggested this many weeks later, same weekday and time."""


class Again(StrEnum):
    """The answers to "Would you come again?"."""

    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


AGAIN_LABELS = {Again.YES: "Yes!", Again.MAYBE: "Maybe", Again.NO: "Probably not"}


class BuddyState(StrEnum):
    ASKING = "asking"  # a greeter is being asked
    PAIRED = "paired"  # both agreed: they know each other's name
    UNMATCHED = "unmatched"  # nobody could; the first-timer was told
    CANCELLED = "cancelled"  # the first-timer withdrew it


OPEN_STATES = (BuddyState.ASKING, BuddyState.PAIRED)


def check_find_us(value: str) -> str:
    """Member text like a venue: cleaned, at most FIND_US_MAX characters.

    >>> check_find_us("  look for the yellow umbrella ")
    'look for the yellow umbrella'
    """
    return check_text(" ".join(value.split()), "find us text", FIND_US_MAX)


def eve_due(start: datetime, now: datetime) -> datetime:
    """When first-timers get "what to expect": a day before, or now if that has passed.

    >>> from datetime import UTC
    >>> eve_due(datetime(2030, 1, 11, 19, tzinfo=UTC), datetime(2030, 1, 7, tzinfo=UTC)).day
    10
    """
    return max(start - EVE_LEAD, now)


def meet_at(start: datetime) -> datetime:
    """When a door buddy meets the first-timer: MEET_BEFORE the start."""
    return start - MEET_BEFORE


def answer_deadline(now: datetime, start: datetime) -> datetime | None:
    """Until when a greeter asked now may answer: ASK_WINDOW, but never later than LAST_CALL
    before the meeting, so the first-timer hears in time. None: too late to ask anyone.

    asked 4 days before -> 6 hours; asked 3 h before the start -> until 1 h 15 min before;
    asked 1 h 30 min before -> None (15 minutes left, less than MIN_ANSWER).
    """
    end = min(now + ASK_WINDOW, meet_at(start) - LAST_CALL)
    return end if end - now >= MIN_ANSWER else None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A member going to the meetup, in click order."""

    user_id: str
    greeter: bool  # volunteered with /meetup greeter on


def next_greeter(
    going: Sequence[Candidate],
    first_timer: str,
    asked: Collection[str],
    busy: Collection[str],
    first_timers: Collection[str] = (),
) -> str | None:
    """The greeter to ask next: a volunteer who is going, in click order, who is not the
    first-timer, not a first-timer too, was not asked for this request yet, and is not
    already meeting another first-timer at this meetup. None: nobody left.
    """
    for c in going:
        if not c.greeter or c.user_id == first_timer:
            continue
        if c.user_id in asked or c.user_id in busy or c.user_id in first_timers:
            continue
        return c.user_id
    return None


def tally(answers: Iterable[Again]) -> dict[Again, int]:
    """Answers counted per kind, every kind present.

    >>> tally([Again.YES, Again.YES, Again.NO])[Again.YES]
    2
    """
    counts = dict.fromkeys(Again, 0)
    for a in answers:
        counts[a] += 1
    return counts


def tally_text(counts: dict[Again, int]) -> str:
    """ "3 yes, 1 maybe, 0 probably not" (or "nobody answered yet")."""
    if not any(counts.values()):
        return "nobody answered yet"
    return ", ".join(f"{counts[a]} {AGAIN_LABELS[a].rstrip('!').lower()}" for a in Again)


def suggest_next_date(
    start: datetime, zone: str, now: datetime, weeks: int = NEXT_AFTER_WEEKS
) -> datetime:
    """The same weekday and wall time `weeks` later in the meetup's zone; a week later again
    until it is at least a day away. Wall time, so a daylight-saving change keeps 19:00."""
    tz = ZoneInfo(zone)
    local = start.astimezone(tz)
    candidate = local + timedelta(weeks=weeks)
    while candidate <= now + timedelta(days=1):
        candidate += timedelta(weeks=1)
    return candidate


def when_text(instant: datetime) -> str:
    """A suggested time as the propose form's `when` reads it, the city's wall time with its
    offset, so a date-time picker (Slack) starts at the same instant: "2030-02-08 19:00+01:00".
    """
    return instant.isoformat(" ", "minutes")


def first_timer_words(shown: int, hidden: int) -> tuple[str, str]:
    """The words around the names of a first-timers line: (lead, tail).

    3 (2 named, 1 not): ("3 first-timers: ", ", and 1 who'd rather not be named");
    1 named: ("1 first-timer: ", ""); 2 not named: ("2 first-timers", " who'd rather not be
    named").
    """
    total = shown + hidden
    lead = f"{total} first-timer{'s' if total != 1 else ''}"
    if not hidden:
        return lead + ": ", ""
    if not shown:
        return lead, (" (they'd rather not be named)" if hidden > 1 else
                      " (who'd rather not be named)")
    return lead + ": ", f", and {hidden} who'd rather not be named"
