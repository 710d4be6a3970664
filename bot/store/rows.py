"""Rows to domain values, shared by every aggregate's queries (a meetup row is read by the
meetup, RSVP and job queries alike)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.engine import Row

from bot.domain.community import Community, Member
from bot.domain.jobs import Job
from bot.domain.meetups import Meetup, Status
from bot.domain.rsvps import Rsvp, RsvpStatus


def leads_of(text: str | None) -> tuple[int, ...] | None:
    if text is None:
        return None
    return tuple(int(x) for x in text.split(",") if x)


def leads_text(leads: Iterable[int]) -> str:
    return ",".join(str(x) for x in leads)


def community_row(row: Row[Any]) -> Community:
    return Community(
        id=row.id,
        platform=row.platform,
        workspace_id=row.workspace_id,
        timezone=row.timezone,
        timezone_settled=bool(row.timezone_settled),
        reminder_leads=leads_of(row.reminder_leads) or (),
        remind_maybe=bool(row.remind_maybe),
        who_proposes=row.who_proposes,
        suggest_threshold=row.suggest_threshold,
        suggest_radius_km=row.suggest_radius_km,
        suggest_cooldown_days=row.suggest_cooldown_days,
        offer_hours=row.offer_hours,
        public_pages=bool(row.public_pages),
        invite_url=row.invite_url,
    )


def member_row(row: Row[Any]) -> Member:
    return Member(
        community_id=row.community_id,
        user_id=row.user_id,
        name=row.name,
        show_name=bool(row.show_name),
        home_city_id=row.home_city_id,
        reminder_leads=leads_of(row.reminder_leads),
    )


# Enum members by value: a dict lookup instead of the Enum call (1.8 us), per row read.
_MEETUP_STATUS = {s.value: s for s in Status}
_RSVP_STATUS = {s.value: s for s in RsvpStatus}


def meetup_row(row: Row[Any]) -> Meetup:
    return Meetup(
        id=row.id,
        community_id=row.community_id,
        channel_id=row.channel_id,
        thread_id=row.thread_id,
        title=row.title,
        city_id=row.city_id,
        city_label=row.city_label,
        organizer_id=row.organizer_id,
        organizer_name=row.organizer_name,
        status=_MEETUP_STATUS[row.status],
        starts_at=row.starts_at,
        venue=row.venue,
        description=row.description,
        capacity=row.capacity,
        deadline=row.deadline,
        sequence=row.sequence,
        seats_taken=row.seats_taken,
        cancel_reason=row.cancel_reason,
        latitude=row.latitude,
        longitude=row.longitude,
        timezone=row.timezone,
        find_us=row.find_us,
    )


def rsvp_row(row: Row[Any]) -> Rsvp:
    return Rsvp(
        meetup_id=row.meetup_id,
        user_id=row.user_id,
        user_name=row.user_name,
        status=_RSVP_STATUS[row.status],
        position=row.position,
        offer_expires_at=row.offer_expires_at,
    )


def job_row(row: Row[Any]) -> Job:
    return Job(
        id=row.id,
        kind=row.kind,
        meetup_id=row.meetup_id,
        community_id=row.community_id,
        user_id=row.user_id,
        lead_minutes=row.lead_minutes,
        due_at=row.due_at,
        attempts=row.attempts,
        claim=row.claim_token or "",
    )


def role_of(row: Row[Any], user_id: str) -> str:
    """How a member relates to a meetup, for `/meetup mine`."""
    roles = ["organizer"] if row.organizer_id == user_id else []
    if row.my_status:
        roles.append(row.my_status)
    elif row.voted is not None and row.status == Status.POLL.value:
        roles.append("voted")
    return ", ".join(roles)


# Faults that pass: a lock held by another process, a full disk being freed, a connection
