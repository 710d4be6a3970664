"""The Discord driver: the fake Discord (gateway + REST) sends interactions and messages to
the real DiscordAdapter (discord.py) in front of the real core; what members see is read
from the messages the fake stores (tests/discord/discord_flow.py)."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.discord.discord_flow import DONE, Flow, buttons, dms, flow, text
from tests.discord.fakediscord import EPHEMERAL
from tests.support.drivers.base import ADMIN, MEMBERS, Target, has, is_card_title

Message = dict[str, Any]


class DiscordDriver:
    name = "discord"

    def __init__(self, flow: Flow, start: datetime) -> None:
        self.flow, self.start = flow, start
        web = flow.app.web
        self.web_url = web.url if web is not None else None
        self.fake = flow.fake
        self._seen: dict[str, str] = {}  # message id -> its JSON when last looked at
        self._touched: dict[str, int] = {}  # message id -> when it last changed (a counter)
        self._clock = itertools.count(1)  # orders changes as the driver sees them
        self._private_to: dict[str, str] = {}  # ephemeral message id -> the member it is for
        self._modals: dict[str, str] = {}  # member -> the interaction a modal answered

    @property
    def general(self) -> str:
        return self.flow.general

    # --- acting -----------------------------------------------------------------------------

    async def _handled(self, user: str, iid: str) -> None:
        """Wait until the core is done with the interaction, then note what changed and
        whether it opened a modal."""
        await self.fake.wait_until(lambda: iid in DONE)
        self._observe(user)
        if any((r.json or {}).get("type") == 9 for r in self.fake.interactions[iid].responses):
            self._modals[user] = iid

    def _observe(self, user: str | None) -> None:
        """Stamp messages that are new or changed; new ephemeral ones are `user`'s (only the
        member who acted sees an ephemeral answer)."""
        for mid, message in self.fake.messages.items():
            now = json.dumps(message, sort_keys=True, default=str)
            if self._seen.get(mid) != now:
                if mid not in self._seen and message["flags"] & EPHEMERAL and user:
                    self._private_to[mid] = user
                self._seen[mid] = now
                self._touched[mid] = next(self._clock)

    async def command(self, user: str, name: str, **options: str) -> None:
        member = self.flow.members[user]
        iid = await self.fake.slash(member, self.flow.guild, "general", name, dict(options))
        await self._handled(user, iid)

    async def click(self, user: str, label: str, on: Target = None) -> None:
        message = self._holder(user, label, on)
        iid = await self.fake.click(self.flow.members[user], message["id"],
                                    buttons(message)[label])
        await self._handled(user, iid)

    def _holder(self, user: str, label: str, on: Target) -> Message:
        if isinstance(on, int):
            candidates = [self._card(on)]
        elif isinstance(on, str):
            candidates = [m for m in self._channel() if has(text(m), on)]
        else:
            candidates = self._private(user)
        found = [m for m in candidates if label in buttons(m)]
        assert found, f"no {label!r} button for {user} ({on!r})"
        return found[-1]

    async def submit(self, user: str, values: Mapping[str, str]) -> None:
        opener = self._modals.pop(user)
        iid = await self.fake.submit_modal(self.flow.members[user], opener, dict(values))
        await self._handled(user, iid)

    async def say(self, user: str, text: str) -> None:
        mid = await self.fake.member_says(self.flow.members[user], self.flow.guild, "general",
                                          text)
        await self.fake.wait_until(lambda: mid in DONE)
        self._observe(user)

    async def advance(self, delta: timedelta) -> None:
        await self.flow.timer.advance_to(self.flow.clock.now() + delta)
        self._observe(None)

    # --- reading ----------------------------------------------------------------------------

    def _live(self) -> list[Message]:
        return [m for mid, m in self.fake.messages.items() if mid not in self.fake.deleted]

    def _by_change(self, messages: list[Message]) -> list[Message]:
        return sorted(messages, key=lambda m: (self._touched.get(m["id"], 0), int(m["id"])))

    def _channel(self) -> list[Message]:
        return sorted((m for m in self._live() if m["channel_id"] == self.general
                       and not m["flags"] & EPHEMERAL), key=lambda m: int(m["id"]))

    def _private(self, user: str) -> list[Message]:
        mine = [m for m in self._live() if self._private_to.get(m["id"]) == user]
        return self._by_change(mine + dms(self.fake, self.flow.members[user]))

    def _card(self, meetup: int) -> Message:
        found = [m for m in self._channel() if m["embeds"]
                 and is_card_title(str(m["embeds"][0].get("title", "")), meetup)]
        assert found, f"no card for #{meetup}"
        return found[-1]

    def private(self, user: str) -> list[str]:
        return [text(m) for m in self._private(user)]

    def dms(self, user: str) -> list[str]:
        return [text(m) for m in self.fake.dms_to(self.flow.members[user].id)]

    def card(self, meetup: int) -> str:
        return text(self._card(meetup))

    def posts(self) -> list[str]:
        return [text(m) for m in self._channel()]


@asynccontextmanager
async def discord_driver(tmp_path: Path, start: datetime,
                         base_url: str | None = None) -> AsyncIterator[DiscordDriver]:
    async with flow(tmp_path, {name: name == ADMIN for name in MEMBERS}, start,
                    base_url=base_url) as running:
        yield DiscordDriver(running, start)
        assert running.fake.spec_errors == []
