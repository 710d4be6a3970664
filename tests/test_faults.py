"""Breaking things on purpose: redelivered events, platform failures, a locked or restarted
database. The state and the messages must come out as if nothing had happened, or the member
is told to try again and nothing partial is left."""

from __future__ import annotations

import asyncio
import random
import sqlite3
import threading
import time
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text

from bot import actions
from bot.ports import DeliveryUnknown, PlatformBusy
from bot.store import schema as t
from bot.types import ActionClicked, CommandInvoked, FormSubmitted, Inbound, MessageSeen
from tests.support import Harness


def _story(harness: Harness) -> list[Inbound]:
    """Every inbound event type, in an order that exercises polls, RSVPs and forms."""
    place = harness.place()
    u = harness.user

    def cmd(user: str, name: str, key: str, **options: str) -> CommandInvoked:
        return CommandInvoked(u(user), place, name, options, key, user == "alice")

    def click(user: str, action: str, key: str) -> ActionClicked:
        return ActionClicked(u(user), place, None, action, key)

    return [
        cmd("alice", "propose", "e1", title="Picnic", city="Berlin", when="2030-01-11 19:00",
            capacity="2"),
        cmd("alice", "propose", "e2", title="Poll", city="Berlin",
            when="2030-01-10 19:00 | 2030-01-12 19:00"),
        click("bob", actions.encode("rsvp", 1, "going"), "e3"),
        click("carol", actions.encode("rsvp", 1, "going"), "e4"),
        click("dave", actions.encode("rsvp", 1, "going"), "e5"),
        click("bob", actions.encode("vote", 2, 1, "yes"), "e6"),
        click("carol", actions.encode("vote", 2, 2, "yes"), "e7"),
        click("carol", actions.encode("vote", 2, 1, "maybe"), "e8"),
        MessageSeen(u("erin"), place, harness.card_ref_or_none(), "I'm in Berlin now", "e9"),
        cmd("bob", "propose", "e10"),
        FormSubmitted(u("bob"), place, "propose", {"title": "Games", "city": "Berlin",
                                                   "when": "saturday 3pm"}, "e11"),
        click("carol", actions.encode("rsvp", 1, "no"), "e12"),
        cmd("alice", "close", "e13", id="2"),
        cmd("alice", "edit", "e14", id="1", venue="Park"),
        click("dave", actions.encode("claim", 1), "e15"),
    ]


def _sent(harness: Harness) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in harness.adapter.sent]


async def _state(harness: Harness) -> dict[str, Any]:
    exported = await harness.store.export_community(1)
    for rows in exported.values():
        for row in rows:
            for key in ("updated_at", "created_at", "rsvp_counter", "position"):
                row.pop(key, None)
    return exported


async def test_every_event_delivered_two_or_three_times_changes_nothing(
        tmp_path: Any) -> None:
    once = await Harness(f"sqlite+aiosqlite:///{tmp_path}/once.db").start()
    many = await Harness(f"sqlite+aiosqlite:///{tmp_path}/many.db").start()
    try:
        for event in _story(once):
            await once.app.core.handle(event)
        rng = random.Random(3)
        delivered: list[Inbound] = []
        for event in _story(many):
            delivered.append(event)
            await many.app.core.handle(event)
            for _ in range(rng.choice([1, 2])):  # redeliveries, some of earlier events
                await many.app.core.handle(rng.choice(delivered[-3:]))
        await many.app.core.handle(delivered[0])
        assert _sent(many) == _sent(once)
        assert await _state(many) == await _state(once)
    finally:
        await once.stop()
        await many.stop()


async def test_platform_busy_is_retried_and_the_card_ends_up_right(harness: Harness) -> None:
    harness.app.outbox.retry_delay = 0.001
    harness.adapter.failures["post"] = [PlatformBusy("429"), PlatformBusy("503")]
    mid = await harness.propose(capacity="3")
    assert len(harness.adapter.of("post")) == 1 and harness.adapter.attempts["post"] == 3
    harness.adapter.failures["update"] = [DeliveryUnknown("timeout"), PlatformBusy("429")]
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    going = {f.name: f for f in harness.card(mid).fields}["Going"]
    assert going.value[0].text == "1 / 3"  # type: ignore[union-attr]


async def test_a_dm_whose_delivery_is_unknown_is_not_sent_twice(harness: Harness) -> None:
    harness.app.outbox.retry_delay = 0.001
    mid = await harness.propose()
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    harness.adapter.failures["dm"] = [DeliveryUnknown("timeout after send")]
    await harness.command("alice", "edit", id=str(mid), venue="Elsewhere")
    assert harness.adapter.attempts["dm"] == 1
    assert harness.adapter.dms_to("bob") == []
    # A busy platform (nothing delivered) is retried.
    harness.adapter.failures["dm"] = [PlatformBusy("429")]
    await harness.command("alice", "edit", id=str(mid), venue="Third place")
    assert len(harness.adapter.dms_to("bob")) == 1


def _hold_write_lock(path: str, seconds: float, locked: threading.Event) -> None:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    locked.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


async def test_a_briefly_locked_sqlite_file_only_delays_the_command(tmp_path: Any) -> None:
    path = f"{tmp_path}/locked.db"
    harness = await Harness(f"sqlite+aiosqlite:///{path}").start()
    try:
        locked = threading.Event()
        holder = threading.Thread(target=_hold_write_lock, args=(path, 1.5, locked))
        holder.start()
        await asyncio.to_thread(locked.wait)
        reply = await harness.command("alice", "propose", title="Patience", city="Berlin",
                                when="2030-01-11 19:00")
        holder.join()
        assert reply is not None and "Proposed" in reply.text
    finally:
        await harness.stop()


async def test_a_long_lock_gets_try_again_and_leaves_nothing_behind(tmp_path: Any,
                                                                   monkeypatch: Any) -> None:
    import bot.store.store as store_module

    monkeypatch.setattr(store_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = f"{tmp_path}/locked.db"
    harness = await Harness(f"sqlite+aiosqlite:///{path}").start()
    try:
        mid = await harness.propose()
        locked = threading.Event()
        holder = threading.Thread(target=_hold_write_lock, args=(path, 6, locked))
        holder.start()
        await asyncio.to_thread(locked.wait)
        reply = await harness.click("bob", actions.encode("rsvp", mid, "going"))
        holder.join()
        assert reply is not None and "try again" in reply.text
        assert await harness.store.rsvps(mid) == []
        retry = await harness.click("bob", actions.encode("rsvp", mid, "going"))
        assert retry is not None and "You're going" in retry.text
    finally:
        await harness.stop()


@pytest.mark.postgres
async def test_postgres_connections_dropped_between_commands_are_replaced(
        database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    harness = await Harness(database_url).start()
    try:
        mid = await harness.propose()
        await harness.click("bob", actions.encode("rsvp", mid, "going"))
        name = database_url.rsplit("/", 1)[1]
        async with harness.store.engine.connect() as conn:  # a server restart, as seen by the pool
            await conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :db AND pid <> pg_backend_pid()"), {"db": name})
        reply = await harness.click("carol", actions.encode("rsvp", mid, "going"))
        assert reply is not None and "You're going" in reply.text
        async with harness.store.engine.connect() as conn:
            n = (await conn.execute(select(func.count()).select_from(t.rsvps))).scalar()
        assert n == 2
    finally:
        await harness.stop()


async def test_clock_jump_skips_started_reminders_with_a_log_line(
        harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    mid = await harness.propose(when="2030-01-11 19:00")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    harness.clock.advance(timedelta(days=4, hours=11))  # paused past the start
    with caplog.at_level("INFO"):
        await harness.advance(timedelta(0))
    assert "already started" in caplog.text
    assert [d for d in harness.adapter.dms_to("bob") if "Reminder" in (d.msg.title or "")] == []  # type: ignore[union-attr]
