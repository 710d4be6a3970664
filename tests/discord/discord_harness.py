"""Helpers for the Discord adapter tests: the fake Discord (REST + gateway) and the real
DiscordAdapter running against it.

This package is `tests.discord`: it never shadows discord.py because tests/ itself is never
put on sys.path (pytest puts the repository root there; see `pythonpath` in pyproject.toml).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import discord

from adapters.discord import DiscordAdapter
from bot.types import DiscordSettings, Secret
from tests.discord.fakediscord import FakeDiscord

REPO = Path(__file__).resolve().parents[2]
SPEC_ENV = "TWEETUP_DISCORD_SPEC"


def spec_path() -> Path:
    return Path(os.environ.get(SPEC_ENV) or REPO.parent / "shared" / "specs" /
                "discord-openapi.json")


_SPEC: dict[str, Any] | None = None


def spec_missing_reason() -> str:
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        return "jsonschema is not installed (pip install 'jsonschema>=4.18,<5')"
    return f"Discord OpenAPI spec not found at {spec_path()} (set {SPEC_ENV})"


def load_spec() -> dict[str, Any] | None:
    """Discord's OpenAPI document, or None when it (or jsonschema) is not there."""
    global _SPEC
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        return None
    path = spec_path()
    if _SPEC is None and path.is_file():
        _SPEC = json.loads(path.read_text(encoding="utf-8"))
    return _SPEC


def settings_for(fake: FakeDiscord, **overrides: Any) -> DiscordSettings:
    values: dict[str, Any] = {
        "token": Secret(fake.token),
        "guild_ids": tuple(int(g) for g in fake.guilds),
        "api_base_url": fake.api_base_url,
        "gateway_url": fake.gateway_url,
    }
    values.update(overrides)
    return DiscordSettings(**values)


@asynccontextmanager
async def fake_discord(**options: Any) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(spec=load_spec(), **options)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()


@asynccontextmanager
async def running(fake: FakeDiscord, inbox: Any, *, ack_grace: float = 2.5,
                  **overrides: Any) -> AsyncIterator[DiscordAdapter]:
    adapter = DiscordAdapter(settings_for(fake, **overrides), ack_grace=ack_grace,
                             guild_ready_timeout=0.2)
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    task = asyncio.create_task(adapter.run(inbox))
    ready = asyncio.create_task(adapter.ready.wait())
    try:
        done, _ = await asyncio.wait({task, ready}, timeout=30,
                                     return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:
            if task.done():
                task.result()
            raise AssertionError("the bot did not become ready")
        yield adapter
    finally:
        ready.cancel()
        await adapter.stop()
        await asyncio.wait_for(task, 30)
        # point discord.py back at Discord for whatever runs next in this process
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved
