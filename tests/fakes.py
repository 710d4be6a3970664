"""Fakes for the core's ports, and a harness that drives the real core.

`FakeAdapter` records everything the core sends and can refuse DMs or channels like a real
platform. `Harness` builds the real app (real store on a temporary SQLite file, or the
PostgreSQL URL given) with a simulated clock and a manual timer, and sends neutral events.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.app import App, build_app
from bot.clock import SimulatedClock
from bot.config import Settings
from bot.domain.limits import Limits
from bot.ports import ChannelUnavailable, DMClosed, MessageGone
from bot.scheduling import ManualTimer
from bot.store.store import Store
from bot.types import (
    ActionClicked,
    Bold,
    Code,
    CommandInvoked,
    Form,
    FormSubmitted,
    Inbound,
    Link,
    Mention,
    MessageRef,
    MessageSeen,
    Outgoing,
    Place,
    Segment,
    Text,
    Time,
    UserRef,
)

PLATFORM = "fake"
START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday


def plain(parts: tuple[Segment, ...] | list[Segment]) -> str:
    """Segments as plain text (times in ISO UTC, a meetup's also in its zone), for assertions."""
    out = []
    for p in parts:
        if isinstance(p, Text | Bold):
            out.append(p.text)
        elif isinstance(p, Code):
            out.append(f"`{p.text}`")
        elif isinstance(p, Time):
            out.append(p.instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ"))
            if p.at_place:  # a meetup's time: also its wall time where it is
                out.append(f" ({p.place_text()})")
        elif isinstance(p, Mention):
            out.append(f"@{p.user.name or p.user.id}")
        elif isinstance(p, Link):
            out.append(f"[{p.label}]({p.url})")
    return "".join(out)


def text_of(msg: Outgoing) -> str:
    parts = [msg.title or "", plain(msg.body)]
    parts += [f"{f.name}: {plain(f.value)}" for f in msg.fields]
    return "\n".join(p for p in parts if p)


@dataclass
class Sent:
    kind: str  # post | update | dm | reply | form | reject
    msg: Outgoing | None
    to: Any = None  # Place, MessageRef, UserRef or the event
    ref: MessageRef | None = None
    form: Form | None = None
    errors: Mapping[str, str] | None = None

    @property
    def text(self) -> str:
        return text_of(self.msg) if self.msg else ""


@dataclass
class FakeAdapter:
    platform: str = PLATFORM
    sent: list[Sent] = field(default_factory=list)
    closed_dms: set[str] = field(default_factory=set)
    closed_channels: set[str] = field(default_factory=set)
    deleted_messages: set[str] = field(default_factory=set)
    failures: dict[str, list[Exception]] = field(default_factory=dict)
    """Errors to raise on the next calls of a kind (post, update, dm), in order."""
    attempts: dict[str, int] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def _maybe_fail(self, kind: str) -> None:
        self.attempts[kind] = self.attempts.get(kind, 0) + 1
        queue = self.failures.get(kind)
        if queue:
            raise queue.pop(0)

    async def run(self, inbox: Any) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        if place.channel_id in self.closed_channels:
            raise ChannelUnavailable(f"cannot post in {place.channel_id}")
        self._maybe_fail("post")
        ref = MessageRef(place, f"m{next(self._ids)}")
        self.sent.append(Sent("post", msg, place, ref))
        return ref

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None:
        if ref.message_id in self.deleted_messages:
            raise MessageGone(ref.message_id)
        self._maybe_fail("update")
        self.sent.append(Sent("update", msg, ref, ref))

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        if user.id in self.closed_dms:
            raise DMClosed(user.id)
        self._maybe_fail("dm")
        ref = MessageRef(Place(self.platform, "dm", f"dm-{user.id}"), f"m{next(self._ids)}")
        self.sent.append(Sent("dm", msg, user, ref))
        return ref

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        """Like a platform's history: every DM this fake delivered, keyed or not."""
        self._maybe_fail("find_sent")
        return any(
            s.kind == "dm" and s.to.id == user.id and s.msg is not None
            and s.msg.dedupe_key == dedupe_key
            for s in self.sent
        )

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        self.sent.append(Sent("reply", msg, to))

    async def open_form(self, to: Inbound, form: Form) -> None:
        self.sent.append(Sent("form", None, to, form=form))

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        self.sent.append(Sent("reject", None, to, errors=errors))

    # --- queries for tests ------------------------------------------------------------------

    def of(self, kind: str) -> list[Sent]:
        return [s for s in self.sent if s.kind == kind]

    def dms_to(self, user_id: str) -> list[Sent]:
        return [s for s in self.sent if s.kind == "dm" and s.to.id == user_id]

    def replies_to(self, user_id: str) -> list[Sent]:
        return [s for s in self.sent if s.kind == "reply" and s.to.user.id == user_id]

    def last_reply(self, user_id: str) -> Sent:
        replies = self.replies_to(user_id)
        assert replies, f"no reply to {user_id}"
        return replies[-1]

    def card(self, message_id: str) -> Outgoing:
        """The latest version of a posted card."""
        versions = [s.msg for s in self.sent if s.kind in ("post", "update") and s.ref
                    and s.ref.message_id == message_id and s.msg]
        assert versions, f"no card {message_id}"
        return versions[-1]

    def clear(self) -> None:
        self.sent.clear()


class Harness:
    """The real app with a fake platform, a simulated clock and a manual timer."""

    def __init__(self, database_url: str, *, start: datetime = START,
                 timezone: str = "UTC", limits: Limits | None = None) -> None:
        self.clock = SimulatedClock(start)
        self.timer = ManualTimer(self.clock)
        self.adapter = FakeAdapter()
        self.settings = Settings(database_url=database_url, default_timezone=timezone)
        self.app: App = build_app(self.settings, clock=self.clock, timer=self.timer,
                                  adapters=[self.adapter])
        if limits is not None:
            self.app.services.rate_limits = limits
        self._keys = itertools.count(1)
        self.workspace = "w1"
        self.channel = "general"

    @property
    def store(self) -> Store:
        return self.app.store

    async def start(self) -> Harness:
        await self.app.start()
        return self

    async def stop(self) -> None:
        await self.app.stop()

    def user(self, name: str) -> UserRef:
        return UserRef(PLATFORM, name, name.capitalize())

    def place(self, channel: str | None = None, workspace: str | None = None) -> Place:
        return Place(PLATFORM, workspace or self.workspace, channel or self.channel)

    def key(self) -> str:
        # Unique per harness: two harnesses on one database must not look like redeliveries.
        return f"{id(self):x}-k{next(self._keys)}"

    async def command(self, user: str, name: str, *, admin: bool = False,
                      workspace: str | None = None, channel: str | None = None,
                      key: str | None = None, **options: Any) -> Sent | None:
        opts = {k.replace("_", "-"): str(v) for k, v in options.items()}
        event = CommandInvoked(self.user(user), self.place(channel, workspace), name, opts,
                               key or self.key(), admin)
        await self.app.core.handle(event)
        replies = self.adapter.replies_to(user)
        return replies[-1] if replies else None

    async def click(self, user: str, action_id: str, *, message: MessageRef | None = None,
                    admin: bool = False, workspace: str | None = None,
                    key: str | None = None) -> Sent | None:
        event = ActionClicked(self.user(user), self.place(workspace=workspace), message,
                              action_id, key or self.key(), admin)
        await self.app.core.handle(event)
        replies = self.adapter.replies_to(user)
        return replies[-1] if replies else None

    async def submit(self, user: str, form_id: str, values: Mapping[str, str], *,
                     key: str | None = None) -> None:
        await self.app.core.handle(FormSubmitted(self.user(user), self.place(), form_id,
                                                 dict(values), key or self.key()))

    async def say(self, user: str, text: str, *, channel: str | None = None) -> None:
        place = self.place(channel)
        await self.app.core.handle(MessageSeen(self.user(user), place, MessageRef(
            place, self.key()), text, self.key()))

    async def advance(self, delta: timedelta) -> int:
        return await self.timer.advance_to(self.clock.now() + delta)

    async def propose(self, user: str = "alice", **options: Any) -> int:
        """Propose and return the new meetup's id (from the posted card)."""
        # London: its winter wall time is UTC, so "19:00" is 19:00Z in the assertions
        defaults = {"title": "Coffee", "city": "London", "when": "2030-01-11 19:00"}
        before = len(self.adapter.of("post"))
        await self.command(user, "propose", **{**defaults, **options})
        posts = self.adapter.of("post")
        assert len(posts) > before, f"no card posted: {self.adapter.last_reply(user).text}"
        title = posts[-1].msg.title if posts[-1].msg else ""
        assert title and title.startswith("#"), title
        return int(title[1:].split(" ")[0])

    def card_ref_or_none(self) -> MessageRef:
        return MessageRef(self.place(), "chat-message")

    def card_ref(self, meetup_id: int) -> MessageRef:
        for s in self.adapter.of("post"):
            if s.msg and s.msg.title and s.msg.title.startswith(f"#{meetup_id} ") and s.ref:
                return s.ref
        raise AssertionError(f"no card for meetup {meetup_id}")

    def card(self, meetup_id: int) -> Outgoing:
        return self.adapter.card(self.card_ref(meetup_id).message_id)
