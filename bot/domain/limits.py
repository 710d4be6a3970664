"""Rate limits: a member or a community sending too much is politely refused.

Counts come from the store (every process sees the same), so the limits hold across several
processes. Chat messages read by the watcher are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.domain.refusal import Refusal

WINDOW = timedelta(minutes=1)
PROPOSAL_WINDOW = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Limits:
    member_events_per_minute: int = 30
    community_events_per_minute: int = 1200
    member_proposals_per_hour: int = 5
    community_proposals_per_hour: int = 60


def check_events(member_recent: int, community_recent: int, limits: Limits) -> None:
    """Counts include the event being checked."""
    if member_recent > limits.member_events_per_minute:
        raise Refusal("You're going a bit fast. Please wait a minute and try again.")
    if community_recent > limits.community_events_per_minute:
        raise Refusal("This community is very busy right now. Please try again in a minute.")


def check_proposals(member_recent: int, community_recent: int, limits: Limits) -> None:
    """Counts of proposals already made within the window."""
    if member_recent >= limits.member_proposals_per_hour:
        raise Refusal(
            f"You've proposed {member_recent} meetups in the last hour; that's the "
            "limit for now. Please try again later."
        )
    if community_recent >= limits.community_proposals_per_hour:
        raise Refusal(
            "This community has had a lot of proposals in the last hour. Please try again later."
        )
