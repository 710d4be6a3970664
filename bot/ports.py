"""The ports between the core and the outside world: chat platforms, clock and timer.

Storage has one implementation for every engine (bot/store/store.py, SQLite or PostgreSQL from
the URL), so it needs no Protocol: tests run the real store on a temporary SQLite file.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from bot.types import (
    Choice,
    CommandSpec,
    Form,
    FormSubmitted,
    GroupRef,
    Inbound,
    MessageRef,
    NativeEvent,
    Outgoing,
    Place,
    SuggestionsRequested,
    UserRef,
)


class ChatError(Exception):
    """A platform refused or failed a call. `retryable` says whether trying later may work."""

    retryable: bool = False


class DMClosed(ChatError):
    """The member does not accept direct messages from the bot (Discord 50007, Slack
    cannot_dm_bot...). The core falls back to one channel message that mentions them."""


class ChannelUnavailable(ChatError):
    """The bot cannot post in that channel (missing permission, not a member, deleted)."""


class MessageGone(ChatError):
    """The message to update no longer exists."""


class PlatformBusy(ChatError):
    """Rate limited, or refused before processing (429, 503) after the adapter's own retries:
    nothing was delivered, try again later."""

    retryable = True


class DeliveryUnknown(ChatError):
    """A timeout or server error after the request went out: it may have been delivered.
    Only idempotent calls (updates) are retried; a post or DM is not, so nothing is sent
    twice (unless the platform honours `Outgoing.dedupe_key`)."""


class MissingPermission(ChatError):
    """The bot lacks a permission the call needs (Discord 403 / 50013 on Manage Events)."""


class Inbox(Protocol):
    """All that an adapter knows of the core."""

    @property
    def commands(self) -> Sequence[CommandSpec]: ...

    async def handle(self, event: Inbound) -> None: ...

    async def suggest(self, event: SuggestionsRequested) -> list[Choice]: ...

    async def community_removed(self, platform: str, workspace_id: str) -> None:
        """The bot was removed from a community (Discord GUILD_DELETE that is not an outage,
        Slack app_uninstalled / tokens_revoked). Its data is deleted after a grace period
        unless the bot comes back."""

    async def member_left(self, platform: str, workspace_id: str, user_id: str) -> None:
        """A member left the community (Slack team_leave): whoever counted on them (a
        first-timer they were to meet at the door) is looked after."""


class ChatAdapter(Protocol):
    """A chat platform. Adapters acknowledge or defer inbound events first, then translate and
    call `inbox.handle`; they ignore the bot's own messages."""

    platform: str

    async def run(self, inbox: Inbox) -> None:
        """Connect and serve until `stop()` is called."""

    async def stop(self) -> None: ...

    # `answering`: the inbound event whose handling sends this (None from a job). Adapters
    # that must settle that event's own response use it (Slack closes a submitted modal,
    # Discord edits a clicked card through that click's interaction); others ignore it.

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef: ...

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None: ...

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        """Raises DMClosed when the member does not accept DMs. A message with a
        `dedupe_key` carries it in a form `find_sent` can read back from the platform."""

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        """Whether the bot's DM conversation with `user` holds a message sent with
        `dedupe_key` at or after `since`, as read back from the platform (not from memory:
        the process that sent it may have died). Asked only before re-sending a DM whose
        outcome is unknown."""

    async def find_posted(
        self, place: Place, dedupe_key: str, since: datetime
    ) -> MessageRef | None:
        """The bot's message in `place` (the channel, or the thread) posted with `dedupe_key`
        at or after `since`, as read back from the platform like `find_sent`; None if there
        is none. Asked only before re-posting a job's channel post whose outcome is unknown.
        `post` carries the key in a form this can read (where the platform has one)."""

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        """Answer the member who caused `to`: ephemeral if `msg.ephemeral`, else in the channel."""

    async def open_form(self, to: Inbound, form: Form) -> None: ...

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        """Tell the member which fields of a submitted form are wrong (field name -> message).
        Slack shows them inline; others reply privately."""


@runtime_checkable
class NativeEvents(Protocol):
    """An optional capability of a chat adapter: the platform's own events (Discord's Guild
    Scheduled Events). The core keeps each meetup's event in step with it; adapters of
    platforms without events simply do not have these methods. Each raises
    MissingPermission when the bot may not manage events there."""

    async def create_native_event(self, workspace_id: str, event: NativeEvent) -> str:
        """Create the event; returns its id."""

    async def update_native_event(
        self, workspace_id: str, event_id: str, event: NativeEvent
    ) -> None: ...

    async def cancel_native_event(self, workspace_id: str, event_id: str) -> None:
        """Cancel it (or delete it, where the platform cannot cancel an event of that state)."""


@dataclass(frozen=True, slots=True)
class GroupLookup:
    """What a platform's groups hold for a name an admin typed: the one group of that name,
    or why not (no group of that name, several, or the groups cannot be read), said to the
    admin with how to pick the group instead (the platform's words)."""

    found: GroupRef | None
    why_not: str = ""


@runtime_checkable
class GroupDirectory(Protocol):
    """An optional capability of a chat adapter whose platform has groups members can be
    pinged through (Discord roles, Slack user groups). A typed name is no mention there:
    only a group found here (or picked, `CommandInvoked.groups`) is ever pinged. Platforms
    without groups (the console) do not have it, and a typed name stays a label."""

    async def find_group(self, place: Place, name: str) -> GroupLookup:
        """The group named `name` (without a leading @; case does not matter) in the
        community of `place`. Raises ChatError when the platform could not be asked."""


@runtime_checkable
class ServesHttp(Protocol):
    """An adapter that receives the platform's requests over HTTP (Slack's HTTP mode). The
    composition root mounts its routes on the bot's one web server (bot/web, `[web]`)."""

    def web_routes(self) -> Sequence[Any]:
        """aiohttp route definitions (`aiohttp.web.post(path, handler)`); empty when this
        adapter receives nothing over HTTP (Slack in Socket Mode)."""


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""


WakeUp = Callable[[], Awaitable[None]]


class Timer(Protocol):
    """Wakes the core at given instants. Holds no truth: the store does, and the timer is
    re-armed from it at start."""

    def arm(self, job_id: str, at: datetime, wake: WakeUp) -> None:
        """Call `wake` at `at` (or at once if past). Arming an existing id replaces it."""

    def cancel(self, job_id: str) -> None: ...

    def start(self) -> None: ...

    async def shutdown(self) -> None: ...
