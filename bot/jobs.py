"""The job engine: reminders, follow-ups, seat offers and poll deadlines.

The store holds every job with its due instant (the truth). The timer holds wake-ups only for
the next `horizon`, re-armed from the store at start and by a sweep, so 100,000 pending jobs
cost nothing in memory. On a wake-up any process claims due jobs in batches (an atomic UPDATE
with a lease), delivers them, and marks them done. A process that dies after claiming leaves
its jobs to be claimed again once the lease runs out.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

from bot.ports import Clock, Timer
from bot.store.store import Job, JobSpec, ReminderPlan, Store

log = logging.getLogger(__name__)

Deliver = Callable[[Sequence[Job]], Awaitable[dict[int, str]]]

HORIZON = timedelta(hours=1)
LEASE = timedelta(minutes=5)
BATCH = 500
SWEEP_ID = "sweep"


class JobEngine:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        timer: Timer,
        *,
        horizon: timedelta = HORIZON,
        lease: timedelta = LEASE,
        batch: int = BATCH,
    ) -> None:
        self.store, self.clock, self.timer = store, clock, timer
        self.horizon, self.lease, self.batch = horizon, lease, batch
        self._deliver: Deliver | None = None
        self._running = asyncio.Lock()
        self.delivered = 0

    def bind(self, deliver: Deliver) -> None:
        self._deliver = deliver

    def _arm_at(self, at: datetime) -> None:
        self.timer.arm(f"wake:{at.isoformat()}", at, self.run_due)

    async def start(self) -> int:
        """Arm every wake-up of the coming horizon (past-due ones fire at once)."""
        self.timer.start()
        return await self.rearm()

    async def rearm(self) -> int:
        now = self.clock.now()
        times = await self.store.wake_times(now + self.horizon)
        for at in times:
            self._arm_at(max(at, now))
        self.timer.arm(SWEEP_ID, now + self.horizon / 2, self.rearm_and_run)
        return len(times)

    async def rearm_and_run(self) -> None:
        await self.rearm()

    async def add(self, specs: Sequence[JobSpec]) -> None:
        if not specs:
            return
        await self.store.add_jobs(specs)
        self._arm(specs)

    async def replace(
        self, meetup_id: int, kinds: Sequence[str], user_id: str | None, specs: Sequence[JobSpec]
    ) -> None:
        """Drop the meetup's pending jobs of these kinds (of one member, if given) and add
        `specs`, in one transaction."""
        await self.store.replace_pending_jobs(meetup_id, kinds, user_id, specs)
        self._arm(specs)

    async def rebuild_reminders(
        self, meetup_ids: Sequence[int], plan: ReminderPlan, user_id: str | None = None
    ) -> None:
        """Replace these meetups' pending reminders (of one member, if given) with what
        `plan` makes of their current answers, in one transaction (Store.rebuild_reminders)."""
        self._arm(await self.store.rebuild_reminders(meetup_ids, plan, user_id))

    def _arm(self, specs: Sequence[JobSpec]) -> None:
        limit = self.clock.now() + self.horizon
        for at in {s.due_at for s in specs if s.due_at < limit}:
            self._arm_at(at)

    async def drain(self) -> None:
        """Wait for a delivery in flight to finish (clean shutdown)."""
        async with self._running:
            return

    async def run_due(self) -> None:
        """Claim and deliver everything due now, batch after batch."""
        if self._deliver is None:
            raise RuntimeError("JobEngine.bind() was not called")
        async with self._running:  # one sweep at a time per process; other processes share
            while True:
                now = self.clock.now()
                jobs = await self.store.claim_due(now, self.lease, self.batch)
                if not jobs:
                    return
                try:
                    outcomes = await self._deliver(jobs)
                except Exception:
                    # Leave them claimed: they are retried when the lease runs out.
                    log.exception("delivering %d jobs failed; they will be retried", len(jobs))
                    self._arm_at(now + self.lease + timedelta(seconds=1))
                    return
                done = {job.id: outcomes[job.id] for job in jobs if job.id in outcomes}
                if len(done) < len(jobs):  # some not handled: retry them after the lease
                    self._arm_at(now + self.lease + timedelta(seconds=1))
                await self.store.finish_jobs(done, self.clock.now())
                self.delivered += len(done)
                if len(jobs) < self.batch:
                    return
