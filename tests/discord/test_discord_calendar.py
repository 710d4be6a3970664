"""`/meetup calendar` on Discord (issue #16): the slash command through the real discord.py
client, the DM with both feed links and the reset button (spec-checked REST calls), and the
reset clicked in that DM, outside the guild."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp

from bot.app import build_app
from bot.clock import SimulatedClock
from bot.config import Settings, WebSettings
from bot.scheduling import ManualTimer
from tests.discord.discord_flow import START, Flow, _track_done, buttons, dms
from tests.discord.discord_harness import fake_discord, running

BASE = "https://cal.example.org"
FEED = re.compile(r"https://cal\.example\.org(/calendar/[A-Za-z0-9_-]+\.ics)")


@asynccontextmanager
async def web_flow(tmp_path: Path, **fake_options: Any) -> AsyncIterator[Flow]:
    """The Discord flow of tests/discord/discord_flow.py with [web] on: feeds served on a free
    port."""
    async with fake_discord(**fake_options) as fake:
        guild = fake.add_guild(channels=("general",), members=())
        members = {name: fake.add_member(guild, name, admin=name == "carol")
                   for name in ("alice", "bob", "carol")}
        clock = SimulatedClock(START)
        timer = ManualTimer(clock)
        settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/discord.db",
                            web=WebSettings("127.0.0.1", 0, BASE))
        app = build_app(settings, clock=clock, timer=timer)
        await app.start()
        try:
            async with running(fake, app.core) as adapter:
                adapter._fake = fake  # type: ignore[attr-defined,unused-ignore]
                _track_done(adapter)
                app.add_adapter(adapter)
                yield Flow(fake, app, adapter, clock, timer, guild, members)
        finally:
            await app.stop()


async def status_of(f: Flow, path: str) -> int:
    assert f.app.web is not None
    async with aiohttp.ClientSession() as session, session.get(f.app.web.url + path) as resp:
        return resp.status


async def test_calendar_dm_with_links_and_a_reset_button_that_works_from_the_dm(
        tmp_path: Path) -> None:
    async with web_flow(tmp_path) as f:
        responses = await f.command(f.bob, "calendar")
        assert "calendar links by DM" in json.dumps([r.json for r in responses])
        dm = dms(f.fake, f.bob)[-1]
        content = json.dumps(dm)
        mine, shared = list(dict.fromkeys(FEED.findall(content)))
        assert f"webcal://cal.example.org{mine}" in content
        assert str(f.bob.id) not in mine and str(f.guild.id) not in mine
        reset = buttons(dm)["Reset my link"]
        assert reset == "tw:calreset:1"
        assert await status_of(f, mine) == 200 and await status_of(f, shared) == 200

        answer = await f.click(f.bob, dm["id"], reset)  # in the DM: no guild
        said = json.dumps([r.json for r in answer])
        assert "old link no longer works" in said
        new_mine = next(p for p in FEED.findall(said) if p not in (mine, shared))
        assert await status_of(f, mine) == 404
        assert await status_of(f, new_mine) == 200
