"""Database faults injected below the store: a COMMIT that fails (a full disk), a database
that cannot be written for a while (timers must come back by themselves), and, on PostgreSQL,
a server that refuses connections (through a TCP proxy taken down and brought back)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bot import actions
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
