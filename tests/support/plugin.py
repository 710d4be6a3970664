"""The test kit's fixtures, registered as a pytest plugin by tests/conftest.py: the real app
on a temporary SQLite file, and on PostgreSQL when TWEETUP_TEST_POSTGRES_URL is set (each test
gets its own fresh database)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store.store import Store
from tests.support.drivers.console import ConsoleDriver, console_driver
from tests.support.harness import START, Harness

POSTGRES_URL = os.environ.get("TWEETUP_TEST_POSTGRES_URL", "")
NO_POSTGRES = "TWEETUP_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against"


def _engines() -> list[object]:
    return ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=_engines())
async def database_url(request: pytest.FixtureRequest, tmp_path: object) -> AsyncIterator[str]:
    """A fresh, empty database on each engine."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/test.db"
        return
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    import asyncpg  # only needed here

    name = f"tw_{uuid.uuid4().hex[:12]}"
    admin_dsn = POSTGRES_URL.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base = POSTGRES_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """The real store, migrated, on each engine."""
    s = Store.from_url(database_url)
    await s.upgrade()
    try:
        yield s
    finally:
        await s.close()


@pytest.fixture
async def sqlite_url(tmp_path: object) -> str:
    return f"sqlite+aiosqlite:///{tmp_path}/test.db"


@pytest.fixture
async def harness(sqlite_url: str) -> AsyncIterator[Harness]:
    started = await Harness(sqlite_url).start()
    try:
        yield started
    finally:
        await started.stop()


@pytest.fixture
async def console(tmp_path: Path) -> AsyncIterator[ConsoleDriver]:
    """The real console adapter in front of the real app on a simulated clock from START,
    driven by typed lines (`console.command("bob", "list")`, `console.click(...)`)."""
    async with console_driver(tmp_path, START) as driver:
        yield driver
