"""`Harness`: the real app (real store on a temporary SQLite file, or the URL given) with the
`FakeAdapter` as its only platform, a simulated clock and a manual timer. It sends neutral
events straight to `Core.handle` and reads what the core sent back."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.app import App, build_app
from bot.clock import SimulatedClock
from bot.config import Settings, WebSettings
from bot.domain.limits import Limits
from bot.scheduling import ManualTimer
from bot.store.store import Store
from bot.types import (
    ActionClicked,
    CommandInvoked,
    FormSubmitted,
    GroupRef,
    MessageRef,
    MessageSeen,
    Outgoing,
    Place,
    UserRef,
)
from tests.support.fake_adapter import PLATFORM, FakeAdapter, Sent

START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday


class Harness:
    """The real app with a fake platform, a simulated clock and a manual timer."""

    def __init__(self, database_url: str, *, start: datetime = START,
                 timezone: str = "UTC", limits: Limits | None = None,
                 web: WebSettings | None = None) -> None:
        self.clock = SimulatedClock(start)
        self.timer = ManualTimer(self.clock)
        self.adapter = FakeAdapter()
        self.settings = Settings(database_url=database_url, default_timezone=timezone, web=web)
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
        """A command; an option given as a `GroupRef` is a group the adapter recognised
        (`CommandInvoked.groups`), every other option is text."""
        opts = {k.replace("_", "-"): str(v) for k, v in options.items()
                if not isinstance(v, GroupRef)}
        groups = {k.replace("_", "-"): v for k, v in options.items() if isinstance(v, GroupRef)}
        event = CommandInvoked(self.user(user), self.place(channel, workspace), name, opts,
                               key or self.key(), admin, groups=groups)
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
