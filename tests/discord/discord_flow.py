"""Whole meetup flows on Discord: the fake Discord's JSON -> real discord.py client -> adapter
-> real core (temporary SQLite store, simulated clock, manual timer) -> REST calls the fake
records (and checks against Discord's OpenAPI spec when it is present). `flow` sets it up;
the helpers read the fake's messages as a member sees them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from adapters.discord import DiscordAdapter
from bot.app import App, build_app
from bot.clock import SimulatedClock
from bot.config import Settings, WebSettings
from bot.scheduling import ManualTimer
from tests.discord.discord_harness import fake_discord, running
from tests.discord.fakediscord import EPHEMERAL, FakeDiscord, FakeGuild, FakeUser, Recorded

START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday
FRIDAY = "2030-01-11 19:00"
SATURDAY = "2030-01-12 19:00"


@dataclass
class Flow:
    fake: FakeDiscord
    app: App
    adapter: DiscordAdapter
    clock: SimulatedClock
    timer: ManualTimer
    guild: FakeGuild
    members: dict[str, FakeUser]

    @property
    def alice(self) -> FakeUser:
        return self.members["alice"]

    @property
    def bob(self) -> FakeUser:
        return self.members["bob"]

    @property
    def carol(self) -> FakeUser:
        return self.members["carol"]

    @property
    def general(self) -> str:
        return str(self.guild.channels["general"])

    async def command(self, user: FakeUser, sub: str, guild: FakeGuild | None = None,
                      channel: str = "general", **options: Any) -> list[Recorded]:
        """Run a slash command; returns its interaction's responses once it is answered."""
        guild = guild or self.guild
        iid = await self.fake.slash(user, guild, channel, sub, options)
        return await self.answered(iid, 2)

    async def click(self, user: FakeUser, message_id: str, custom_id: str,
                    count: int = 1) -> list[Recorded]:
        iid = await self.fake.click(user, message_id, custom_id)
        return await self.answered(iid, count)

    async def answered(self, iid: str, count: int = 1) -> list[Recorded]:
        """Wait until the core is done with the interaction (its INFO line is written)."""
        it = self.fake.interactions[iid]
        await self.fake.wait_until(lambda: len(it.responses) >= count)
        await self.fake.wait_until(lambda: iid in self.adapter_done)
        return list(it.responses)

    @property
    def adapter_done(self) -> set[str]:
        return DONE


DONE: set[str] = set()


def _track_done(adapter: DiscordAdapter) -> None:
    """Record when the adapter has finished with an interaction or a channel message (the
    core returned): its key (the interaction's or the message's id) goes into DONE."""
    deliver_interaction, read_message = adapter._deliver, adapter._on_message

    async def done(key: str) -> None:
        DONE.add(key)
        fake = getattr(adapter, "_fake", None)
        if fake is not None:
            await fake._notify()

    async def deliver(event: Any) -> None:
        try:
            await deliver_interaction(event)
        finally:
            await done(event.key)

    async def on_message(message: Any) -> None:
        try:
            await read_message(message)
        finally:
            await done(str(message.id))

    adapter._deliver = deliver  # type: ignore[method-assign]
    adapter._on_message = on_message  # type: ignore[method-assign]


MEMBERS = {"alice": False, "bob": False, "carol": True}
"""The guild's members by name, and whether each is an admin (Manage Server)."""


@asynccontextmanager
async def flow(tmp_path: Path, members: Mapping[str, bool] = MEMBERS, start: datetime = START,
               discord_settings: Mapping[str, Any] | None = None,
               base_url: str | None = None, **fake_options: Any) -> AsyncIterator[Flow]:
    """`discord_settings`: DiscordSettings fields to override (e.g. members_intent=True);
    `base_url`: serve the web server ([web]) on a free local port with that public address."""
    async with fake_discord(**fake_options) as fake:
        guild = fake.add_guild(channels=("general", "locked"), members=())
        users = {name: fake.add_member(guild, name, admin=admin)
                 for name, admin in members.items()}
        clock = SimulatedClock(start)
        timer = ManualTimer(clock)
        web = WebSettings("127.0.0.1", 0, base_url) if base_url else None
        settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/discord.db", web=web)
        app = build_app(settings, clock=clock, timer=timer)
        await app.start()
        try:
            async with running(fake, app.core, **(discord_settings or {})) as adapter:
                adapter._fake = fake  # type: ignore[attr-defined,unused-ignore]
                _track_done(adapter)
                app.add_adapter(adapter)
                yield Flow(fake, app, adapter, clock, timer, guild, users)
        finally:
            if app.web is not None:
                await app.web.stop()
            await app.timer.shutdown()
            await app.store.close()


def cards(fake: FakeDiscord, channel_id: str) -> list[dict[str, Any]]:
    """Current state of the bot's card messages in a channel (titles start with #n)."""
    return [m for m in fake.messages.values()
            if m["channel_id"] == channel_id and m["embeds"]
            and str(m["embeds"][0].get("title", "")).startswith("#")
            and not m["flags"] & EPHEMERAL and m["id"] not in fake.deleted]


def card(fake: FakeDiscord, channel_id: str, meetup_id: int) -> dict[str, Any]:
    found = [m for m in cards(fake, channel_id)
             if m["embeds"][0]["title"].startswith(f"#{meetup_id} ")]
    assert found, f"no card for #{meetup_id} in {channel_id}"
    return found[-1]


def buttons(message: dict[str, Any]) -> dict[str, str]:
    return {c.get("label", ""): c.get("custom_id", "") for row in message["components"]
            for c in row["components"] if c["type"] == 2}


def text(message: dict[str, Any]) -> str:
    parts = [message.get("content") or ""]
    for e in message.get("embeds") or []:
        parts += [e.get("title") or "", e.get("description") or ""]
        parts += [f"{f['name']}: {f['value']}" for f in e.get("fields") or []]
    return "\n".join(parts)


def said(rec: Recorded) -> str:
    """What a member reads in a request: a message body, or an interaction callback's data."""
    body = rec.json or {}
    if rec.path.endswith("/callback"):
        body = body.get("data") or {}
    return text(body)


def dms(fake: FakeDiscord, user: FakeUser) -> list[dict[str, Any]]:
    channels = {c for c, u in fake.dm_channels.items() if u == user.id}
    return [m for m in fake.messages.values() if m["channel_id"] in channels]


async def propose(f: Flow, user: FakeUser | None = None, **options: Any) -> int:
    values = {"title": "Coffee & code", "city": "Berlin", "when": FRIDAY} | options
    before = len(cards(f.fake, f.general))
    responses = await f.command(user or f.alice, "propose", **values)
    assert len(cards(f.fake, f.general)) == before + 1, said(responses[-1])
    title = cards(f.fake, f.general)[-1]["embeds"][0]["title"]
    return int(title[1:].split(" ")[0])
