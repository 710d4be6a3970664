"""RSVPs with capacity and an ordered waitlist.

Seats are counted in the meetup row (`seats_taken`, going + offered), so that taking a seat is
one conditional update in SQL and two processes can never overbook. This module holds the pure
part: what a change of answer means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class RsvpStatus(StrEnum):
    GOING = "going"
    MAYBE = "maybe"
    NO = "no"
    WAITING = "waiting"  # on the waitlist, in order of `position`
    OFFERED = "offered"  # a freed seat is held for them until `offer_expires_at`


HOLDS_SEAT = (RsvpStatus.GOING, RsvpStatus.OFFERED)
MIN_OFFER_WINDOW = timedelta(minutes=10)
"""Shorter than this before the start, a freed seat is not held for anyone: the next member
to click Going (waitlisted or not) takes it."""


@dataclass(frozen=True, slots=True)
class Rsvp:
    meetup_id: int
    user_id: str
    user_name: str
    status: RsvpStatus
    position: int
    offer_expires_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Transition:
    """What the store must do for a member's new answer."""

    take_seat: bool  # try to take a seat; on failure join the waitlist
    release_seat: bool  # the member held a seat and gives it up
    status: RsvpStatus | None  # the new status; None: leave as is


def transition(old: RsvpStatus | None, requested: RsvpStatus) -> Transition:
    if requested is RsvpStatus.GOING:
        if old is RsvpStatus.OFFERED:
            return Transition(False, False, RsvpStatus.GOING)  # claims the held seat
        if old is RsvpStatus.GOING:
            return Transition(False, False, None)
        # From the waitlist too: near the start a freed seat is not offered but left free.
        return Transition(True, False, None)
    if requested not in (RsvpStatus.MAYBE, RsvpStatus.NO):
        raise ValueError(f"members cannot ask for {requested}")
    return Transition(False, old in HOLDS_SEAT, requested)


def offer_deadline(now: datetime, window_hours: int, starts_at: datetime | None) -> datetime | None:
    """Until when a freed seat is held for the next on the waitlist: the window, but never past
    the start of the meetup. None: too close to the start (or started) to hold a seat."""
    deadline = now + timedelta(hours=window_hours)
    if starts_at is not None:
        if starts_at - now < MIN_OFFER_WINDOW:
            return None
        deadline = min(deadline, starts_at)
    return deadline
