"""An event's key is recorded "started" before its handler runs and "done" after it answered:
a process that dies in between leaves the event to a redelivery once its lease has run out
(nothing lost), while a redelivery of an event that is done, or still running here or on
another instance, is not applied again (nothing doubled)."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.store.store import EVENT_LEASE
from tests.crash_worker import PROPOSAL
from tests.support import Harness

ROOT = Path(__file__).resolve().parents[1]


def _outcomes(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage().split("outcome=")[1].split()[0] for r in caplog.records
            if r.name == "tweetup.core" and "outcome=" in r.getMessage()]


def _cards(harness: Harness) -> list[str]:
    return [s.msg.title or "" for s in harness.adapter.of("post") if s.msg]


class _Gate:
    """Holds the first call of a wrapped coroutine until opened; later calls pass."""

    def __init__(self, wrapped: Callable[..., Awaitable[Any]]) -> None:
        self.wrapped = wrapped
        self.reached = asyncio.Event()
        self.open = asyncio.Event()
        self.held = False

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not self.held:
            self.held = True
            self.reached.set()
            await self.open.wait()
        return await self.wrapped(*args, **kwargs)


def _propose(harness: Harness, key: str) -> Awaitable[object]:
    return harness.command("alice", "propose", key=key, **PROPOSAL)


async def test_a_process_killed_after_recording_the_key_leaves_the_event_to_its_redelivery(
        database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    crashed = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "tests.crash_worker", database_url, "ev-1"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert crashed.returncode == -9, crashed.stderr  # SIGKILLed at the crash point
    harness = await Harness(database_url).start()  # the same instant the dead process recorded
    try:
        with caplog.at_level(logging.INFO, logger="tweetup.core"):
            await _propose(harness, "ev-1")  # a redelivery at once: the lease still holds
            assert _cards(harness) == []
            await harness.advance(EVENT_LEASE + timedelta(seconds=1))
            await _propose(harness, "ev-1")  # the platform redelivers after the lease
            await _propose(harness, "ev-1")  # and once more: now it is done
        assert len(_cards(harness)) == 1 and _cards(harness)[0].startswith("#1 ")
        assert "#1" in harness.adapter.last_reply("alice").text
        assert len(await harness.store.upcoming(1, harness.clock.now(), limit=10)) == 1
        assert _outcomes(caplog) == ["in-progress", "ok", "duplicate"]
    finally:
        await harness.stop()


async def test_a_handler_cancelled_after_recording_the_key_is_applied_on_redelivery(
        harness: Harness) -> None:
    gate = _Gate(harness.store.community)
    harness.store.community = gate  # type: ignore[method-assign]
    first = asyncio.create_task(_propose(harness, "ev-2"))
    await gate.reached.wait()
    first.cancel()  # the task dies as in a crash: no answer, nothing marked done
    with pytest.raises(asyncio.CancelledError):
        await first
    gate.open.set()
    await harness.advance(EVENT_LEASE + timedelta(seconds=1))
    await _propose(harness, "ev-2")
    assert len(_cards(harness)) == 1
    assert "#1" in harness.adapter.last_reply("alice").text


async def test_a_redelivery_while_the_first_is_running_is_not_applied_even_past_the_lease(
        harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    gate = _Gate(harness.adapter.post)
    harness.adapter.post = gate  # type: ignore[method-assign]
    first = asyncio.create_task(_propose(harness, "ev-3"))
    await gate.reached.wait()  # the meetup is saved; its card is being posted (slowly)
    with caplog.at_level(logging.INFO, logger="tweetup.core"):
        await _propose(harness, "ev-3")
        # The first keeps running for twice the lease: it renews its lease meanwhile.
        await harness.advance(EVENT_LEASE * 2)
        await _propose(harness, "ev-3")
        gate.open.set()
        await first
        await harness.advance(EVENT_LEASE * 2)
        await _propose(harness, "ev-3")
    assert len(_cards(harness)) == 1
    assert len(await harness.store.upcoming(1, harness.clock.now(), limit=10)) == 1
    assert _outcomes(caplog) == ["in-progress", "in-progress", "ok", "duplicate"]


async def test_the_same_event_on_two_instances_at_once_is_applied_once(
        database_url: str) -> None:
    one, two = Harness(database_url), Harness(database_url)
    await one.start()
    await two.start()
    try:
        await asyncio.gather(*(_propose(harness, "ev-4")
                               for harness in (one, two) for _ in range(3)))
        assert len(_cards(one)) + len(_cards(two)) == 1
    finally:
        await one.stop()
        await two.stop()


async def test_of_several_instances_finding_a_dead_handlers_event_one_takes_it_over(
        database_url: str) -> None:
    from datetime import UTC, datetime

    from bot.store.store import Store

    stores = [Store.from_url(database_url) for _ in range(3)]
    await stores[0].upgrade()
    now, minute = datetime(2030, 1, 7, 9, 0, tzinfo=UTC), timedelta(minutes=1)

    async def mark(store: Store, at: datetime) -> Any:
        return await store.mark_and_count("p:k1", at, minute, scope="p:w", user_id="u",
                                          kind="command", fingerprint="aaa")

    try:
        assert (await mark(stores[0], now)).new  # ... and its process dies
        later = now + EVENT_LEASE + timedelta(seconds=1)
        marks = await asyncio.gather(*(mark(s, later) for s in stores for _ in range(4)))
        assert [m.taken_over for m in marks].count(True) == 1
        assert [m.new for m in marks].count(True) == 1
        await stores[1].finish_event("p:k1")
        again = await mark(stores[2], later + EVENT_LEASE * 10)
        assert not again.new and not again.in_progress  # done: a plain duplicate
    finally:
        for s in stores:
            await s.close()


async def test_events_answered_together_are_all_marked_done(
        harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    keys = [f"ev-5-{i}" for i in range(8)]
    await asyncio.gather(*(harness.command("alice", "list", key=k) for k in keys))
    await harness.advance(EVENT_LEASE * 2)  # none of them may look abandoned now
    with caplog.at_level(logging.INFO, logger="tweetup.core"):
        await asyncio.gather(*(harness.command("alice", "list", key=k) for k in keys))
    assert _outcomes(caplog) == ["duplicate"] * 8
