"""Reminder engine: 100,000 pending reminders in the store, start-up to armed, resident memory,
and 2,000 reminders due in the same second delivered with their lateness.

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

from sqlalchemy import insert

from bench._common import RecordingAdapter, machine, percentiles, rss_mb
from bot.app import build_app
from bot.config import Settings
from bot.store import schema as t
from bot.store.store import Store


async def seed(url: str, pending: int, burst: int, due_at: datetime) -> None:
    """Meetups, going members and reminder jobs, written in bulk."""
    store = Store.from_url(url)
    await store.upgrade()
    now = datetime.now(UTC)
    c = await store.community("bench", "w1", timezone="UTC", now=now)
    starts = due_at + timedelta(hours=2)
    burst_meetup = await store.create_meetup(
        community_id=c.id,
        channel_id="general",
        thread_id=None,
        title="Burst",
        city_id=1,
        city_label="Berlin",
        latitude=52.5,
        longitude=13.4,
        organizer_id="o",
        organizer_name="O",
        starts_at=starts,
        options=(),
        venue="",
        description="",
        capacity=None,
        deadline=None,
        now=now,
    )
    later = await store.create_meetup(
        community_id=c.id,
        channel_id="general",
        thread_id=None,
        title="Later",
        city_id=1,
        city_label="Berlin",
        latitude=52.5,
        longitude=13.4,
        organizer_id="o",
        organizer_name="O",
        starts_at=now + timedelta(days=60),
        options=(),
        venue="",
        description="",
        capacity=None,
        deadline=None,
        now=now,
    )
    async with store.engine.begin() as conn:
        await conn.execute(
            insert(t.rsvps),
            [
                {
                    "meetup_id": burst_meetup.id,
                    "user_id": f"u{i}",
                    "user_name": f"U{i}",
                    "status": "going",
                    "position": i,
                    "updated_at": now,
                }
                for i in range(burst)
            ],
        )
        rows = [
            {
                "job_key": f"b{i}",
                "kind": "remind",
                "meetup_id": burst_meetup.id,
                "community_id": c.id,
                "user_id": f"u{i}",
                "lead_minutes": 120,
                "due_at": due_at,
            }
            for i in range(burst)
        ]
        rows += [
            {
                "job_key": f"p{i}",
                "kind": "remind",
                "meetup_id": later.id,
                "community_id": c.id,
                "user_id": f"p{i}",
                "lead_minutes": 60,
                "due_at": now + timedelta(days=1, seconds=i * 20),
            }
            for i in range(pending)
        ]
        for start in range(0, len(rows), 5000):
            await conn.execute(insert(t.jobs), rows[start : start + 5000])
    await store.close()


async def run(pending: int, burst: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        due_at = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=8)
        await seed(url, pending, burst, due_at)
        rss_before = rss_mb()
        adapter = RecordingAdapter()
        app = build_app(Settings(database_url=url), adapters=[adapter])
        t0 = time.perf_counter()
        await app.start()
        armed_s = time.perf_counter() - t0
        rss_armed = rss_mb()
        deadline = time.time() + 60
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
