"""Database faults injected below the store: a COMMIT that fails (a full disk), a database
that cannot be written for a while (timers must come back by themselves), and, on PostgreSQL,
a server that refuses connections (through a TCP proxy taken down and brought back)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine

from bot import actions
from bot.app import EVENT_KEY_RETENTION, PURGE_EVERY
from bot.store import schema as t
from tests.fakes import Harness

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
    h = await Harness(f"sqlite+aiosqlite:///{tmp_path}/full.db").start()
    try:
        mid = await h.propose()
        faulty_sqlite.disk_full = True
        reply = await h.click("bob", actions.encode("rsvp", mid, "going"))
        assert reply is not None and "nothing was changed" in reply.text
        faulty_sqlite.disk_full = False  # space freed
        assert await h.store.rsvps(mid) == []
        again = await h.click("bob", actions.encode("rsvp", mid, "going"))
        assert again is not None and "You're going" in again.text
        assert [r.user_id for r in await h.store.rsvps(mid)] == ["bob"]
    finally:
        await h.stop()


REMINDER_DUE = datetime(2030, 1, 10, 19, 0, tzinfo=UTC)  # 1 day before the default meetup


def _reminders_to(h: Harness, user: str) -> list[str]:
    return [d.text for d in h.adapter.dms_to(user) if d.msg and "Reminder" in (d.msg.title or "")]


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
    h = await Harness(f"sqlite+aiosqlite:///{path}").start()
    try:
        mid = await h.propose()
        await h.click("bob", actions.encode("rsvp", mid, "going"))
        await h.advance(REMINDER_DUE - h.clock.now() - timedelta(seconds=5))
        with _WriteLock(path):  # the outage: the wake-up at the due instant cannot claim
            await h.advance(timedelta(seconds=10))
            assert _reminders_to(h, "bob") == []
        await h.advance(timedelta(minutes=1))  # far less than the sweep's half hour
        assert len(_reminders_to(h, "bob")) == 1
    finally:
        await h.stop()


async def test_housekeeping_that_meets_an_outage_runs_again_later(
    tmp_path: Any, short_busy_timeout: None
) -> None:
    path = f"{tmp_path}/outage.db"
    h = await Harness(f"sqlite+aiosqlite:///{path}").start()
    try:
        await h.propose()  # an event key, kept for EVENT_KEY_RETENTION
        with _WriteLock(path):  # every write during the first housekeeping run fails
            await h.advance(PURGE_EVERY)
        await h.advance(EVENT_KEY_RETENTION + timedelta(days=1))
        async with h.store.engine.connect() as conn:
            keys = (await conn.execute(select(func.count()).select_from(t.processed_events)))
            assert keys.scalar() == 0
    finally:
        await h.stop()
