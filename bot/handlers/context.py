"""What a handler gets: the services, the event, its community, and the steps every handler
takes on them (the acting member, a meetup of this community, a meetup number)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import render
from bot.domain.community import Community, Member
from bot.domain.limits import Limits
from bot.domain.meetups import Meetup
from bot.domain.refusal import Refusal
from bot.domain.rsvps import RsvpStatus
from bot.outbox import Outbox
from bot.ports import Clock
from bot.store.store import Store
from bot.types import CommandInvoked, GroupRef, Inbound, Outgoing, Place, UserRef

if TYPE_CHECKING:
    from bot.jobs import JobEngine



@dataclass
class Services:
    store: Store
    clock: Clock
    outbox: Outbox
    jobs: JobEngine
    default_timezone: str = "UTC"
    rate_limits: Limits = field(default_factory=Limits)
    web_base_url: str | None = None
    """The web server's public address ([web] base_url): None when it is off (no feeds)."""
    after_location_change: Callable[[Ctx], Awaitable[None]] | None = None
    """Offered by a feature (the watcher): is a suggestion due after a home or trip change?"""
    after_meetup_proposed: Callable[[Ctx, Meetup], Awaitable[None]] | None = None
    """Offered by a feature (the watcher): tell members who are in for a meetup idea nearby."""
    after_meetup_changed: Callable[[Services, Community, Meetup], Awaitable[None]] | None = None
    """Offered by a feature (native events): a meetup may have changed (cards refreshed)."""
    after_meetup_scheduled: Callable[[Services, Community, Meetup], Awaitable[None]] | None = None
    """Offered by a feature (welcome): a meetup's time was set or moved."""
    after_date_opened: Callable[[Services, Community, Meetup], Awaitable[None]] | None = None
    """Offered by a feature (follows): a series' job opened a later date and posted its card."""
    after_rsvp: (
        Callable[[Ctx, Meetup, RsvpStatus | None, RsvpStatus], Awaitable[None]] | None
    ) = None
    """Offered by a feature (buddies): a member's answer changed."""
    before_forget: Callable[[Ctx], Awaitable[None]] | None = None
    """Offered by a feature (buddies): the member is about to be forgotten."""


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

    def group(self, option: str) -> GroupRef | None:
        """The platform's group a command's `group` option referred to, as the adapter read
        it (None: the option is text, in the options, or absent)."""
        if isinstance(self.event, CommandInvoked):
            return self.event.groups.get(option)
        return None

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
