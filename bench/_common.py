"""Shared bits for the benchmarks: a recording adapter and percentile helpers."""

from __future__ import annotations

import itertools
import os
import platform
import resource
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from bot.clock import SimulatedClock
from bot.ports import Inbox
from bot.store import schema as t
from bot.store.store import Store
from bot.types import Form, FormSubmitted, Inbound, MessageRef, Outgoing, Place, UserRef


class RecordingAdapter:
    """A platform that answers instantly and remembers when each DM arrived."""

    platform = "bench"

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.dm_times: list[tuple[str, float]] = []
        self.posts = self.updates = self.replies = 0

    async def run(self, inbox: Inbox) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        self.posts += 1
        return MessageRef(place, str(next(self._ids)))

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None:
        self.updates += 1

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        self.dm_times.append((user.id, time.time()))
        return MessageRef(Place("bench", "dm", user.id), str(next(self._ids)))

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        return False  # no process of this bench dies, so no reminder is re-claimed

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        self.replies += 1

    async def open_form(self, to: Inbound, form: Form) -> None:
        return None

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        return None


class RealTimeClock(SimulatedClock):
    """Starts at a fixed instant (so scripted dates stay in the future) and then moves with
    real time, as a running bot's clock does."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self._origin = time.monotonic()
        self._start = start

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._origin)


async def seed_reminders(
    store: Store,
    *,
    title: str,
    starts_at: datetime,
    jobs: int,
    due: Callable[[int], datetime],
    going: int = 0,
    prefix: str = "u",
    platform: str = "bench",
    user_ids: Sequence[str] = (),
) -> int:
    """A meetup in community `platform`/w1 with `going` members going (u0, u1, ...) and `jobs`
    pending reminders for members `prefix`0, 1, ... due at `due(i)`, written in bulk.
    `user_ids` names the members instead (the i-th is both). Returns the meetup id."""
    now = datetime.now(UTC)

    def member(i: int, start: str) -> str:
        return user_ids[i] if user_ids else f"{start}{i}"

    c = await store.community(platform, "w1", timezone="UTC", now=now)
    m = await store.create_meetup(
        community_id=c.id,
        channel_id="general",
        thread_id=None,
        title=title,
        city_id=1,
        city_label="Berlin",
        latitude=52.5,
        longitude=13.4,
        organizer_id="o",
        organizer_name="O",
        starts_at=starts_at,
        options=(),
        venue="",
        description="",
        capacity=None,
        deadline=None,
        now=now,
    )
    async with store.engine.begin() as conn:
        if going:
            await conn.execute(
                insert(t.rsvps),
                [
                    {
                        "meetup_id": m.id,
                        "user_id": member(i, "u"),
                        "user_name": f"U{i}",
                        "status": "going",
                        "position": i,
                        "updated_at": now,
                    }
                    for i in range(going)
                ],
            )
        rows = [
            {
                "job_key": f"{title}-{i}",
                "kind": "remind",
                "meetup_id": m.id,
                "community_id": c.id,
                "user_id": member(i, prefix),
                "lead_minutes": 120,
                "due_at": due(i),
            }
            for i in range(jobs)
        ]
        for start in range(0, len(rows), 5000):
            await conn.execute(insert(t.jobs), rows[start : start + 5000])
    return m.id


async def empty(store: Store) -> None:
    """Delete every row (benchmarks reuse one PostgreSQL database)."""
    async with store.engine.begin() as conn:
        for table in reversed(t.metadata.sorted_tables):
            await conn.execute(table.delete())


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return {
        "n": len(ordered),
        "p50": round(q[49], 2),
        "p99": round(q[98], 2),
        "max": round(ordered[-1], 2),
    }


def rss_mb() -> float:
    """Current resident memory (Linux /proc), else the peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
