"""Reminder engine: 100,000 pending reminders in the store, start-up to armed, resident memory,
and 2,000 reminders due in the same second delivered with their lateness.

The burst is parked a week ahead while seeding and start-up run, then made due a few seconds
after the engine is armed: lateness is measured from that due instant, so it never includes
seeding or start-up on a busy machine.

Real pieces: SQLite store, APScheduler timer (ApsTimer), system clock, job engine and the
reminder delivery; the platform is a recording adapter that answers at once.
Goals (issue 2): start-up to armed < 2 s, RSS < 200 MB, 2,000 due in one second all delivered,
none dropped, p99 lateness < 1 s.

    python bench/reminder_bench.py [--pending 100000] [--burst 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from sqlalchemy import update

from bench._common import RecordingAdapter, machine, percentiles, rss_mb, seed_reminders
from bot.app import App, build_app
from bot.config import Settings
from bot.store import schema as t
from bot.store.store import Store

PARKED = timedelta(days=7)  # beyond the timer's horizon: the burst waits here until armed
BURST_LEAD = timedelta(seconds=3)  # the burst comes due this long after the engine is armed


async def seed(url: str, pending: int, burst: int) -> int:
    """A burst of reminders parked a week ahead (moved to a few seconds after start-up once
    the engine is armed), and many more due over the next days. Returns the burst meetup."""
    store = Store.from_url(url)
    await store.upgrade()
    now = datetime.now(UTC)
    burst_id = await seed_reminders(
        store,
        title="Burst",
        starts_at=now + PARKED + timedelta(hours=2),
        jobs=burst,
        going=burst,
        due=lambda i: now + PARKED,
    )
    await seed_reminders(
        store,
        title="Later",
        starts_at=now + timedelta(days=60),
        jobs=pending,
        prefix="p",
        due=lambda i: now + timedelta(days=1, seconds=i * 20),
    )
    await store.close()
    return burst_id


async def make_burst_due(app: App, burst_id: int) -> datetime:
    """Move the burst to one instant a few seconds from now and arm it, as a meetup created
    while the bot runs would; seeding and start-up are over, so lateness measures delivery."""
    due_at = (datetime.now(UTC) + BURST_LEAD).replace(microsecond=0) + timedelta(seconds=1)
    async with app.store.engine.begin() as conn:
        await conn.execute(
            update(t.jobs).where(t.jobs.c.meetup_id == burst_id).values(due_at=due_at)
        )
    await app.jobs.rearm()
    return due_at


async def run(pending: int, burst: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        burst_id = await seed(url, pending, burst)
        rss_before = rss_mb()
        adapter = RecordingAdapter()
        app = build_app(Settings(database_url=url), adapters=[adapter])
        t0 = time.perf_counter()
        await app.start()
        armed_s = time.perf_counter() - t0
        rss_armed = rss_mb()
        due_at = await make_burst_due(app, burst_id)
        deadline = time.time() + 60 + BURST_LEAD.total_seconds()
        while len(adapter.dm_times) < burst and time.time() < deadline:
            await asyncio.sleep(0.05)
        late = [(at - due_at.timestamp()) * 1000 for _, at in adapter.dm_times]
        while (await app.store.job_counts()).get("done", 0) < burst and time.time() < deadline:
            await asyncio.sleep(0.05)
        counts = await app.store.job_counts()
        await app.stop()
    return {
        "machine": machine(),
        "pending": pending,
        "burst": burst,
        "startup_to_armed_s": round(armed_s, 3),
        "rss_mb": {"before_start": round(rss_before, 1), "armed": round(rss_armed, 1)},
        "delivered": len(adapter.dm_times),
        "distinct_members": len({u for u, _ in adapter.dm_times}),
        "lateness_ms": percentiles(late) if late else None,
        "early": sum(1 for x in late if x < 0),
        "jobs": counts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pending", type=int, default=100_000)
    parser.add_argument("--burst", type=int, default=2000)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.pending, args.burst)), indent=2))


if __name__ == "__main__":
    main()
