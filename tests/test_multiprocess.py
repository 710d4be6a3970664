"""Three Tweetup processes on one database; 5,000 reminders due within the same minute; one
process is killed with SIGKILL mid-burst and restarted. Every reminder reaches the platform
exactly once, and every job ends done."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench._common import seed_reminders
from bot.store.store import Store

ROOT = Path(__file__).resolve().parents[1]
REMINDERS = 5000
LEASE_SECONDS = 4


async def _seed(
    url: str,
    due: datetime,
    reminders: int = REMINDERS,
    spread: Callable[[int], float] = lambda i: (i % 50) / 10,
) -> None:
    store = Store.from_url(url)
    await store.upgrade()
    await seed_reminders(
        store,
        title="Burst",
        starts_at=due + timedelta(hours=2),
        jobs=reminders,
        going=reminders,
        due=lambda i: due + timedelta(seconds=spread(i)),
    )
    await store.close()


def _start(
    url: str, sink: Path, lease: float = LEASE_SECONDS, per_dm: float = 0.0
) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.worker", url, str(sink), str(lease), str(per_dm)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _lines(sink: Path) -> list[list[str]]:
    if not sink.exists():
        return []
    return [line.split("\t") for line in sink.read_text().splitlines() if line]


async def test_sigkill_mid_burst_still_delivers_every_reminder_exactly_once(
    database_url: str, tmp_path: Path
) -> None:
    sink = tmp_path / "platform.log"
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=6)
    await _seed(database_url, due)
    workers = [await asyncio.to_thread(_start, database_url, sink) for _ in range(3)]
    try:
        deadline = time.monotonic() + 120
        while len(_lines(sink)) < 500 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        os.kill(workers[0].pid, signal.SIGKILL)  # mid-burst, possibly mid-batch
        workers[0].wait()
        workers[0] = await asyncio.to_thread(_start, database_url, sink)
        store = Store.from_url(database_url)
        try:
            while time.monotonic() < deadline:
                if (await store.job_counts()).get("done", 0) == REMINDERS:
                    break
                await asyncio.sleep(0.2)
            counts = await store.job_counts()
        finally:
            await store.close()
    finally:
        for w in workers:
            w.kill()
            w.wait()
    assert counts == {"done": REMINDERS}
    delivered = [line[1] for line in _lines(sink) if line[2] == "delivered"]
    assert len(delivered) == REMINDERS
    assert len(set(delivered)) == REMINDERS  # every member once, nobody twice


async def _wait_until_done(url: str, jobs: int, deadline: float) -> dict[str, int]:
    store = Store.from_url(url)
    try:
        while time.monotonic() < deadline:
            if (await store.job_counts()).get("done", 0) == jobs:
                break
            await asyncio.sleep(0.2)
        return await store.job_counts()
    finally:
        await store.close()


async def test_a_batch_that_outlasts_its_lease_is_not_sent_again_by_another_process(
    database_url: str, tmp_path: Path
) -> None:
    """A slow platform (0.4 s a DM) and a 1 s lease: the first process's batch takes longer
    than its lease, while the other process keeps waking for the reminders due after it."""
    sink = tmp_path / "platform.log"
    reminders = 200
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=6)
    await _seed(database_url, due, reminders, spread=lambda i: 0 if i < 100 else (i % 50) / 10)
    workers = [
        await asyncio.to_thread(_start, database_url, sink, 1.0, 0.4) for _ in range(2)
    ]
    try:
        counts = await _wait_until_done(database_url, reminders, time.monotonic() + 120)
    finally:
        for w in workers:
            w.kill()
            w.wait()
    assert counts == {"done": reminders}
    outcomes = [line[2] for line in _lines(sink)]
    assert outcomes.count("duplicate") == 0
    assert outcomes.count("delivered") == reminders
