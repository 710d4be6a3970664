"""What a handler gets: the services, the event, its community, and shared steps (load a
meetup safely, refresh its cards, schedule a member's reminders)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import render
from bot.domain.community import Community, Member
from bot.domain.jobs import JobSpec
from bot.domain.limits import Limits
from bot.domain.meetups import Meetup, Status
from bot.domain.refusal import Refusal
from bot.domain.reminders import due_reminders
from bot.domain.rsvps import Rsvp, RsvpStatus
from bot.outbox import Outbox
from bot.ports import ChatError, Clock, MessageGone
from bot.store.store import Store
from bot.types import Inbound, MessageRef, Outgoing, Place, UserRef

if TYPE_CHECKING:
    from bot.jobs import JobEngine

log = logging.getLogger(__name__)

FOLLOW_UP_DELAY = timedelta(hours=3)
# Meetups rescheduled per transaction when lead times change (bench/leads_bench.py). SQLite's
# writes run on the event loop, so its batches are small (about 7 ms each) and other events
# run between them; on PostgreSQL the loop stays free and each commit waits for the disk, so
# batches are larger (RSVPs to those meetups wait for one batch at most).
RESCHEDULE_BATCH = {"sqlite": 50, "postgresql": 500}


@dataclass
class Services:
    store: Store
    clock: Clock
    outbox: Outbox
    jobs: JobEngine
    default_timezone: str = "UTC"
    rate_limits: Limits = field(default_factory=Limits)
    after_location_change: Callable[[Ctx], Awaitable[None]] | None = None
    """Set by the watcher: decide whether a suggestion is due after a home or trip change."""
    after_meetup_proposed: Callable[[Ctx, Meetup], Awaitable[None]] | None = None
    """Set by the watcher: tell members who are in for a meetup idea nearby."""


@dataclass
class Ctx:
    services: Services
    event: Inbound
    community: Community
    outcome: str = "ok"

    @property
    def store(self) -> Store:
        return self.services.store

    @property
    def user(self) -> UserRef:
        return self.event.user

    @property
    def place(self) -> Place:
        return self.event.place

    @property
    def is_admin(self) -> bool:
        return self.event.is_admin

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.community.timezone)

    def now(self) -> datetime:
        return self.services.clock.now()

    def local_now(self) -> datetime:
        return self.now().astimezone(self.zone)

    async def reply(self, msg: Outgoing) -> None:
        await self.services.outbox.reply(self.event, msg)

    async def say(self, message: str) -> None:
        await self.reply(render.text(message))

    async def member(self) -> Member:
        """The acting member, created on first contact; keeps their display name fresh.
        Reads first: most events come from known members whose name has not changed."""
        name = (self.user.name or self.user.id)[:100]
        known = await self.store.member(self.community.id, self.user.id)
        if known is not None and known.name == name:
            return known
        return await self.store.save_member(self.community.id, self.user.id, name, self.now())

    async def meetup(self, meetup_id: int) -> Meetup:
        """A meetup of *this* community. Ids from buttons can be forged or stale."""
        m = await self.store.meetup(meetup_id)
        if m is None or m.community_id != self.community.id:
            raise Refusal(
                f"There is no meetup #{meetup_id} in this community. "
                "Type `/meetup list` to see the upcoming ones."
            )
        return m


def parse_id(raw: str | None, name: str = "id") -> int:
    text = (raw or "").strip().lstrip("#")
    if not text:
        raise Refusal(f"Which meetup? Add {name}:<number>, e.g. `/meetup show id:3`.")
    try:
        value = int(text)
    except ValueError:
        raise Refusal(
            f"{name} must be a meetup number like {name}:3 (not {text[:20]!r}). "
            "`/meetup list` shows them."
        ) from None
    if not 0 < value < 2**53:
        raise Refusal(f"There is no meetup #{text[:20]}. `/meetup list` shows the upcoming ones.")
    return value


async def render_meetup(
    services: Services, community: Community, m: Meetup, platform: str
) -> Outgoing:
    store = services.store
    if m.status in (Status.POLL, Status.EXPIRED):
        tallies, voters = await store.poll_tally(m.id)
        return render.poll_card(m, community, tallies, voters, platform, services.clock.now())
    rsvps, shown = await store.rsvps_and_consent(m.id, community.id)
    view = render.MeetupView(m, community, rsvps, shown, platform)
    return render.meetup_card(view, services.clock.now())


async def refresh_cards(
    services: Services, community: Community, meetup_id: int, meetup: Meetup | None = None
) -> None:
    """Re-render every channel card of the meetup from the store (the truth). Pass `meetup`
    when the caller has just read it and changed only votes or RSVPs."""
    m = meetup or await services.store.meetup(meetup_id)
    if m is None:
        return
    cards = await services.store.cards(meetup_id)
    if not cards:
        return
    msg = await render_meetup(services, community, m, community.platform)
    for card in cards:
        place = Place(community.platform, community.workspace_id, card.channel_id, card.thread_id)
        try:
            await services.outbox.update(MessageRef(place, card.message_id), msg)
        except MessageGone:
            await services.store.drop_card(meetup_id, card.message_id)
        except ChatError as exc:
            log.warning("could not update the card of meetup %s: %s", meetup_id, exc)


def effective_leads(community: Community, member: Member | None) -> tuple[int, ...]:
    if member is not None and member.reminder_leads is not None:
        return member.reminder_leads
    return community.reminder_leads


def wants_reminders(community: Community, status: RsvpStatus) -> bool:
    return status is RsvpStatus.GOING or (status is RsvpStatus.MAYBE and community.remind_maybe)


def reminder_specs(
    community: Community, m: Meetup, user_id: str, member: Member | None, now: datetime
) -> list[JobSpec]:
    if m.starts_at is None:
        return []
    return [
        JobSpec(
            key=f"remind:{m.id}:{user_id}:{lead}:{m.sequence}",
            kind="remind",
            meetup_id=m.id,
            community_id=community.id,
            due_at=due,
            user_id=user_id,
            lead_minutes=lead,
        )
        for lead, due in due_reminders(m.starts_at, effective_leads(community, member), now)
    ]


def follow_up_spec(community: Community, m: Meetup) -> list[JobSpec]:
    if m.starts_at is None:
        return []
    return [
        JobSpec(
            key=f"followup:{m.id}:{m.sequence}",
            kind="followup",
            meetup_id=m.id,
            community_id=community.id,
            due_at=m.starts_at + FOLLOW_UP_DELAY,
        )
    ]


async def reschedule_member(
    services: Services, community: Community, m: Meetup, user_id: str, status: RsvpStatus
) -> None:
    """Make the member's pending reminders for this meetup match their answer."""
    specs: list[JobSpec] = []
    if wants_reminders(community, status) and m.status is Status.SCHEDULED:
        member = await services.store.member(community.id, user_id)
        specs = reminder_specs(community, m, user_id, member, services.clock.now())
    await services.jobs.replace(m.id, ("remind",), user_id, specs)


async def reschedule_meetup(services: Services, community: Community, m: Meetup) -> None:
    """After the time changed (edit, poll closed): every reminder and the follow-up anew."""
    store = services.store
    specs: list[JobSpec] = []
    if m.status is Status.SCHEDULED:
        rsvps = await store.rsvps(m.id)
        members = await store.members(community.id, (r.user_id for r in rsvps))
        specs = follow_up_spec(community, m)
        now = services.clock.now()
        for r in rsvps:
            if wants_reminders(community, r.status):
                specs += reminder_specs(community, m, r.user_id, members.get(r.user_id), now)
    await services.jobs.replace(m.id, ("remind", "followup"), None, specs)


def plan_reminders(
    community: Community,
    meetups: list[Meetup],
    rsvps: list[Rsvp],
    members: Mapping[str, Member],
    now: datetime,
) -> list[JobSpec]:
    """The reminders these meetups' answers call for (at each member's current leads)."""
    by_id = {m.id: m for m in meetups if m.status is Status.SCHEDULED}
    specs: list[JobSpec] = []
    for r in rsvps:
        m = by_id.get(r.meetup_id)
        if m is not None and wants_reminders(community, r.status):
            specs += reminder_specs(community, m, r.user_id, members.get(r.user_id), now)
    return specs


async def reschedule_all_reminders(
    services: Services, community: Community, user_id: str | None = None
) -> int:
    """After lead times changed: rebuild the pending reminders of every coming meetup (only
    one member's, if given), a batch of meetups per transaction, yielding to the event
    loop between batches. Returns how many meetups were rescheduled."""
    now = services.clock.now()
    store, after, done = services.store, None, 0
    batch = RESCHEDULE_BATCH.get(store.dialect, 100)

    def plan(ms: list[Meetup], rs: list[Rsvp], members: Mapping[str, Member]) -> list[JobSpec]:
        return plan_reminders(community, ms, rs, members, now)

    while page := await store.scheduled_page(community.id, now, after, batch, user_id):
        await services.jobs.rebuild_reminders([mid for _, mid in page], plan, user_id)
        after, done = page[-1], done + len(page)
        await asyncio.sleep(0)  # let other events run between batches
    return done
