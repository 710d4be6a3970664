"""Timers that wake the core at given instants.

The store is the truth (bot/store: the `jobs` table); a timer only holds wake-ups for the near
future and is rebuilt from the store at start and by a periodic sweep. `ApsTimer` uses
APScheduler 3.x with its memory job store and deterministic job ids; `ManualTimer` fires what
is due when the simulated clock is advanced (console, demo, tests).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from bot.clock import SimulatedClock
from bot.ports import WakeUp

log = logging.getLogger(__name__)


class ApsTimer:
    def __init__(self) -> None:
        # Imported here: the console and the demo run on ManualTimer and start faster without.
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        self._scheduler = AsyncIOScheduler(
            timezone="UTC",
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )

    def start(self) -> None:
        if not self._scheduler.running:
            self._scheduler.start()

    def arm(self, job_id: str, at: datetime, wake: WakeUp) -> None:
        from apscheduler.triggers.date import DateTrigger

        self._scheduler.add_job(wake, DateTrigger(run_date=at), id=job_id, replace_existing=True)

    def cancel(self, job_id: str) -> None:
        job = self._scheduler.get_job(job_id)
        if job is not None:
            job.remove()

    def armed(self) -> int:
        return len(self._scheduler.get_jobs())

    async def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)


class ManualTimer:
    """Fires wake-ups whose instant the simulated clock has reached, in time order."""

    def __init__(self, clock: SimulatedClock) -> None:
        self.clock = clock
        self._jobs: dict[str, tuple[datetime, WakeUp]] = {}

    def start(self) -> None:
        pass

    def arm(self, job_id: str, at: datetime, wake: WakeUp) -> None:
        self._jobs[job_id] = (at, wake)

    def cancel(self, job_id: str) -> None:
        self._jobs.pop(job_id, None)

    def armed(self) -> int:
        return len(self._jobs)

    def next_at(self) -> datetime | None:
        return min((at for at, _ in self._jobs.values()), default=None)

    async def fire_due(self) -> int:
        """Run every wake-up due by now (including ones armed while running). Returns count."""
        fired = 0
        while True:
            due = sorted(
                ((at, job_id) for job_id, (at, _) in self._jobs.items() if at <= self.clock.now()),
            )
            if not due:
                return fired
            _, job_id = due[0]
            _, wake = self._jobs.pop(job_id)
            await wake()
            fired += 1

    async def advance_to(self, target: datetime) -> int:
        """Move the clock forward step by step, firing each wake-up at its own instant."""
        fired = 0
        while True:
            nxt = self.next_at()
            if nxt is None or nxt > target:
                break
            if nxt > self.clock.now():
                self.clock.set(nxt)
            fired += await self.fire_due()
        if target > self.clock.now():
            self.clock.set(target)
        fired += await self.fire_due()
        return fired

    async def shutdown(self) -> None:
        self._jobs.clear()
        await asyncio.sleep(0)
