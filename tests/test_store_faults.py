"""Database faults injected below the store: a COMMIT that fails (a full disk), a database
that cannot be written for a while (timers must come back by themselves), and, on PostgreSQL,
a server that refuses connections (through a TCP proxy taken down and brought back)."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine, make_url

from bot import actions
from bot.app import EVENT_KEY_RETENTION, PURGE_EVERY
from bot.store import schema as t
from tests.support import Harness
from tests.support.plugin import NO_POSTGRES, POSTGRES_URL

DISK_FULL = "database or disk is full"


class _Faults:
    """Switches shared by every connection the test opens."""

    disk_full = False


class _FaultyConnection(sqlite3.Connection):
    """A real SQLite connection whose COMMIT fails while the disk is "full", exactly as a
    full disk fails it: an error, and the transaction is left open in SQLite."""

    def commit(self) -> None:
        if _Faults.disk_full:
            raise sqlite3.OperationalError(DISK_FULL)
        super().commit()


def _use_faulty_connections(
    dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]
) -> None:
    if dialect.name == "sqlite":
        cparams["factory"] = _FaultyConnection


@pytest.fixture
def faulty_sqlite() -> Iterator[type[_Faults]]:
    event.listen(Engine, "do_connect", _use_faulty_connections)
    try:
        yield _Faults
    finally:
        _Faults.disk_full = False
        event.remove(Engine, "do_connect", _use_faulty_connections)


async def test_a_commit_failed_on_a_full_disk_is_answered_and_the_next_event_works(
    tmp_path: Any, faulty_sqlite: type[_Faults]
) -> None:
    harness = await Harness(f"sqlite+aiosqlite:///{tmp_path}/full.db").start()
    try:
        mid = await harness.propose()
        faulty_sqlite.disk_full = True
        reply = await harness.click("bob", actions.encode("rsvp", mid, "going"))
        assert reply is not None and "nothing was changed" in reply.text
        assert "couldn't save" in reply.text and "overloaded" not in reply.text  # disk full
        faulty_sqlite.disk_full = False  # space freed
        assert await harness.store.rsvps(mid) == []
        again = await harness.click("bob", actions.encode("rsvp", mid, "going"))
        assert again is not None and "You're going" in again.text
        assert [r.user_id for r in await harness.store.rsvps(mid)] == ["bob"]
    finally:
        await harness.stop()


REMINDER_DUE = datetime(2030, 1, 10, 19, 0, tzinfo=UTC)  # 1 day before the default meetup


def _reminders_to(harness: Harness, user: str) -> list[str]:
    return [d.text for d in harness.adapter.dms_to(user)
            if d.msg and "Reminder" in (d.msg.title or "")]


class _WriteLock:
    """Another process holding SQLite's write lock: nothing can be written until released
    (reads go on, as in WAL mode they do)."""

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)

    def __enter__(self) -> _WriteLock:
        self.conn.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.store.store as store_module

    monkeypatch.setattr(store_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(store_module, "RETRY_DELAYS", (0.01,))


async def test_a_reminder_due_while_the_database_cannot_be_written_goes_out_after(
    tmp_path: Any, short_busy_timeout: None
) -> None:
    path = f"{tmp_path}/outage.db"
    harness = await Harness(f"sqlite+aiosqlite:///{path}").start()
    try:
        mid = await harness.propose()
        await harness.click("bob", actions.encode("rsvp", mid, "going"))
        await harness.advance(REMINDER_DUE - harness.clock.now() - timedelta(seconds=5))
        with _WriteLock(path):  # the outage: the wake-up at the due instant cannot claim
            await harness.advance(timedelta(seconds=10))
            assert _reminders_to(harness, "bob") == []
        await harness.advance(timedelta(minutes=1))  # far less than the sweep's half hour
        assert len(_reminders_to(harness, "bob")) == 1
    finally:
        await harness.stop()


async def test_housekeeping_that_meets_an_outage_runs_again_later(
    tmp_path: Any, short_busy_timeout: None
) -> None:
    path = f"{tmp_path}/outage.db"
    harness = await Harness(f"sqlite+aiosqlite:///{path}").start()
    try:
        await harness.propose()  # an event key, kept for EVENT_KEY_RETENTION
        with _WriteLock(path):  # every write during the first housekeeping run fails
            await harness.advance(PURGE_EVERY)
        await harness.advance(EVENT_KEY_RETENTION + timedelta(days=1))
        async with harness.store.engine.connect() as conn:
            keys = (await conn.execute(select(func.count()).select_from(t.processed_events)))
            assert keys.scalar() == 0
    finally:
        await harness.stop()


# --- PostgreSQL behind a TCP proxy that can be taken down ------------------------------------


class _Proxy:
    """A TCP proxy between the bot and PostgreSQL. `down()` closes every connection and stops
    listening (the bot's connections are reset, new ones refused); `up()` listens again."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def up(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def down(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        await self._server.wait_closed()

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection(*self.target)
        except OSError:
            client_w.transport.abort()
            return
        self._writers |= {client_w, server_w}
        await asyncio.gather(
            self._pipe(client_r, server_w), self._pipe(server_r, client_w), return_exceptions=True
        )

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        finally:
            writer.transport.abort()
            self._writers.discard(writer)


@pytest.fixture
async def proxied_postgres() -> AsyncIterator[tuple[str, _Proxy]]:
    """A fresh PostgreSQL database, reached through a proxy: (url via the proxy, proxy)."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    import asyncpg

    url = make_url(POSTGRES_URL)
    name = f"tw_{uuid.uuid4().hex[:12]}"
    admin_dsn = POSTGRES_URL.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(admin_dsn)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    proxy = _Proxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.up()
    try:
        yield url.set(host="127.0.0.1", port=proxy.port, database=name).render_as_string(
            hide_password=False
        ), proxy
    finally:
        if proxy._server is not None and proxy._server.is_serving():
            await proxy.down()
        conn = await asyncpg.connect(admin_dsn)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()


@pytest.mark.postgres
async def test_postgres_refusing_connections_gets_nothing_changed_then_works_again(
    proxied_postgres: tuple[str, _Proxy], caplog: pytest.LogCaptureFixture
) -> None:
    url, proxy = proxied_postgres
    harness = await Harness(url).start()
    try:
        mid = await harness.propose()
        await proxy.down()
        with caplog.at_level("WARNING"):
            reply = await harness.click("bob", actions.encode("rsvp", mid, "going"))
        assert reply is not None and "nothing was changed" in reply.text
        assert [r.message for r in caplog.records if r.levelname == "ERROR"] == []
        await proxy.up()
        again = await harness.click("bob", actions.encode("rsvp", mid, "going"))
        assert again is not None and "You're going" in again.text
    finally:
        await harness.stop()


@pytest.mark.postgres
async def test_postgres_reminder_due_during_a_10_s_outage_goes_out_after(
    proxied_postgres: tuple[str, _Proxy],
) -> None:
    url, proxy = proxied_postgres
    harness = await Harness(url).start()
    try:
        mid = await harness.propose()
        await harness.click("bob", actions.encode("rsvp", mid, "going"))
        await harness.advance(REMINDER_DUE - harness.clock.now() - timedelta(seconds=2))
        await proxy.down()
        outage_ends = asyncio.get_running_loop().time() + 10
        while asyncio.get_running_loop().time() < outage_ends:  # time passes on both clocks
            await harness.advance(timedelta(seconds=1))
            await asyncio.sleep(0.5)
        assert _reminders_to(harness, "bob") == []
        await proxy.up()
        await harness.advance(timedelta(seconds=10))
        assert len(_reminders_to(harness, "bob")) == 1
    finally:
        await harness.stop()


def test_db_upgrade_on_a_read_only_database_says_so_in_one_line(tmp_path: Any) -> None:
    path = tmp_path / "readonly.db"
    sqlite3.connect(path).execute("CREATE TABLE made_elsewhere (a)")  # exists, not ours
    config = tmp_path / "tweetup.toml"
    # mode=ro: SQLite refuses every write, as it does on a read-only volume.
    config.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///file:{path}?mode=ro&uri=true"\n',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWEETUP_")}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "db", "upgrade", "--config", str(config)],
        capture_output=True, text=True, env=env, timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(path) in lines[0] and "readonly" in lines[0]
