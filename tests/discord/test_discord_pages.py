"""Public meetup pages on Discord (issue #17): an admin turns them on with the slash command
(real discord.py client), the card's embed links the page, and the page, served by the same
process, offers the Discord invite."""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp

from tests.discord.discord_flow import Flow, card, propose, said, text
from tests.discord.test_discord_calendar import web_flow

PAGE = re.compile(r"https://cal\.example\.org(/m/[A-Za-z0-9]{22})")


async def fetch(f: Flow, path: str) -> tuple[int, str]:
    assert f.app.web is not None
    async with aiohttp.ClientSession() as session, session.get(f.app.web.url + path) as resp:
        return resp.status, await resp.text()


async def test_pages_on_link_the_page_from_the_card_with_the_discord_invite(
        tmp_path: Path) -> None:
    async with web_flow(tmp_path) as f:
        meetup = await propose(f)
        assert not PAGE.search(text(card(f.fake, f.general, meetup)))
        on = await f.command(f.carol, "settings", **{"public-pages": "on",
                                                     "invite": "https://discord.gg/AbCdEf"})
        assert "public pages: on" in said(on[-1])
        meetup = await propose(f, title="Tea")
        embed = text(card(f.fake, f.general, meetup))
        found = PAGE.search(embed)
        assert found, embed
        assert f"[public page](https://cal.example.org{found.group(1)})" in embed
        status, body = await fetch(f, found.group(1))
        assert status == 200 and "<h1>Tea</h1>" in body
        assert 'href="https://discord.gg/AbCdEf"' in body and "Join us on Discord" in body


async def test_members_cannot_turn_pages_on(tmp_path: Path) -> None:
    async with web_flow(tmp_path) as f:
        refused = await f.command(f.bob, "settings", **{"public-pages": "on"})
        assert "Only admins" in said(refused[-1])
