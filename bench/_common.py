"""Shared bits for the benchmarks: a recording adapter and percentile helpers. Seeding is the
test kit's (tests/support/seed.py), re-exported here."""

from __future__ import annotations

import itertools
import os
import platform
import resource
import statistics
import time
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from bot.clock import SimulatedClock
from bot.ports import Inbox
from bot.types import Form, FormSubmitted, Inbound, MessageRef, Outgoing, Place, UserRef
from tests.support.seed import empty, seed_reminders

__all__ = ["RealTimeClock", "RecordingAdapter", "empty", "machine", "percentiles", "rss_mb",
           "seed_reminders"]


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

    async def find_posted(
        self, place: Place, dedupe_key: str, since: datetime
    ) -> MessageRef | None:
        return None  # likewise: no job is re-claimed

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
