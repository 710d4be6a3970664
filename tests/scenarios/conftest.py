"""The scenario suite's `driver` fixture: each scenario runs once per platform driver. A new
platform adds its driver here (docs/testing.md, "Scenario drivers")."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import pytest

from tests.support import START
from tests.support.drivers.base import ChatDriver
from tests.support.drivers.console import console_driver
from tests.support.drivers.core import core_driver
from tests.support.drivers.discord_wire import discord_driver
from tests.support.drivers.slack_wire import slack_driver

Driver = Callable[..., AbstractAsyncContextManager[ChatDriver]]
"""(tmp_path, start, base_url=None): a running bot and its driver."""

DRIVERS: dict[str, Driver] = {
    "fake": core_driver,  # the Harness: neutral events straight into Core.handle
    "console": console_driver,
    "discord": discord_driver,  # the real DiscordAdapter against tests/discord/fakediscord.py
    "slack": slack_driver,  # the real SlackAdapter against tests/slack/slack_fake_api.py
}


@pytest.fixture(params=list(DRIVERS))
async def driver(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ChatDriver]:
    async with DRIVERS[request.param](tmp_path, START) as value:
        yield value


PAGES_BASE = "https://meet.example.org"


@pytest.fixture(params=list(DRIVERS))
async def web_driver(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ChatDriver]:
    """A driver whose bot also serves its web pages ([web] with public address PAGES_BASE)."""
    async with DRIVERS[request.param](tmp_path, START, base_url=PAGES_BASE) as value:
        yield value
