"""The job engine: reminders, follow-ups, seat offers and poll deadlines.

The store holds every job with its due instant (the truth). The timer holds wake-ups only for
the next `horizon`, re-armed from the store at start and by a sweep, so 100,000 pending jobs
cost nothing in memory. On a wake-up any process claims due jobs in batches (an atomic UPDATE
with a lease and a claim token), delivers them while renewing the lease, and marks them done
if its token still holds them (fencing). A process that dies after claiming leaves its jobs
to be claimed again once the lease runs out. A batch is sized to what the platform delivered
in half a lease last time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from bot.domain.jobs import Job, JobSpec
from bot.ports import Clock, Timer
from bot.store.store import ReminderPlan, Store, StoreUnavailable

log = logging.getLogger(__name__)

Deliver = Callable[[Sequence[Job]], Awaitable[dict[int, str]]]

HORIZON = timedelta(hours=1)
LEASE = timedelta(minutes=5)
BATCH = 500
SWEEP_ID = "sweep"
RETRY_ID = "wake:retry"
RETRY_FIRST = timedelta(seconds=1)
RETRY_MAX = timedelta(seconds=5)  # a wake-up missed in an outage runs within 5 s of recovery


class Backoff:
    """Delays for re-arming a timer whose run failed: 1 s, 2 s, 4 s, ... up to `cap`, back to
    the start after a run that worked."""

    def __init__(self, first: timedelta = RETRY_FIRST, cap: timedelta = RETRY_MAX) -> None:
        self.first, self.cap = first, cap
        self._next = first

    def next(self) -> timedelta:
        delay = self._next
        self._next = min(self._next * 2, self.cap)
        return delay

    def reset(self) -> None:
        self._next = self.first


def log_failure(what: str, delay: timedelta, exc: Exception) -> None:
    """One warning for a store that is away; a traceback only for anything else."""
    if isinstance(exc, StoreUnavailable):
        log.warning("%s failed (%s); trying again in %.0f s", what, exc, delay.total_seconds())
    else:
        log.exception("%s failed; trying again in %.0f s", what, delay.total_seconds())


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
        self._run_backoff, self._sweep_backoff = Backoff(), Backoff()
        self._seconds_per_job = 0.0  # measured on the last batch: sizes the next claim
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
        """The sweep, on the timer: re-armed whatever happens (sooner after a failure)."""
        try:
            await self.rearm()
        except Exception as exc:
            delay = self._sweep_backoff.next()
            log_failure("re-arming wake-ups from the store", delay, exc)
            self.timer.arm(SWEEP_ID, self.clock.now() + delay, self.rearm_and_run)
        else:
            self._sweep_backoff.reset()

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
        """Claim and deliver everything due now, batch after batch. A failure (the database
        away) re-arms this wake-up with backoff, so what is due goes out soon after recovery
        rather than at the next sweep."""
        if self._deliver is None:
            raise RuntimeError("JobEngine.bind() was not called")
        try:
            await self._run_batches()
        except Exception as exc:
            delay = self._run_backoff.next()
            log_failure("running due jobs", delay, exc)
            self.timer.arm(RETRY_ID, self.clock.now() + delay, self.run_due)
        else:
            self._run_backoff.reset()

    async def _run_batches(self) -> None:
        async with self._running:  # one sweep at a time per process; other processes share
            while True:
                size = self._batch_size()
                jobs = await self.store.claim_due(self.clock.now(), self.lease, size)
                if not jobs:
                    return
                if not await self._deliver_batch(jobs):
                    return
                if len(jobs) < size:
                    return

    def _batch_size(self) -> int:
        """As many jobs as the platform delivered in half a lease last time (its rate limit,
        as met), so a batch rarely needs its lease renewed and others share the work."""
        if self._seconds_per_job <= 0:
            return self.batch
        fits = int(self.lease.total_seconds() / 2 / self._seconds_per_job)
        return max(1, min(self.batch, fits))

    async def _deliver_batch(self, jobs: Sequence[Job]) -> bool:
        """Deliver one claimed batch and finish it, renewing the lease meanwhile. False when
        delivering failed (the jobs stay claimed and are retried after the lease)."""
        assert self._deliver is not None
        claim, started = jobs[0].claim, time.monotonic()
        async with self._renewing(claim):
            try:
                outcomes = await self._deliver(jobs)
            except Exception:
                log.exception("delivering %d jobs failed; they will be retried", len(jobs))
                self._arm_at(self.clock.now() + self.lease + timedelta(seconds=1))
                return False
            self._seconds_per_job = (time.monotonic() - started) / len(jobs)
            done = {job.id: outcomes[job.id] for job in jobs if job.id in outcomes}
            if len(done) < len(jobs):  # some not handled: retry them after the lease
                self._arm_at(self.clock.now() + self.lease + timedelta(seconds=1))
            await self._finish(done, claim)
        self.delivered += len(done)
        return True

    async def _finish(self, done: dict[int, str], claim: str) -> None:
        """Record what was sent, retrying through a database blip while the lease (renewed
        meanwhile) holds: a batch sent but not recorded would be sent again."""
        backoff, give_up = Backoff(), time.monotonic() + self.lease.total_seconds()
        while True:
            try:
                finished = await self.store.finish_jobs(done, self.clock.now(), claim)
                break
            except Exception as exc:
                delay = backoff.next()
                if time.monotonic() + delay.total_seconds() > give_up:
                    raise
                log_failure(f"recording {len(done)} delivered jobs", delay, exc)
                await asyncio.sleep(delay.total_seconds())
        if finished < len(done):
            log.warning(
                "%d of %d jobs were no longer ours to finish (lease lost)",
                len(done) - finished,
                len(done),
            )

    @asynccontextmanager
    async def _renewing(self, claim: str) -> AsyncIterator[None]:
        """Renew the claim's lease every third of it while the body runs. The renewal is
        stopped between writes, never cancelled inside one."""
        stop = asyncio.Event()
        task = asyncio.create_task(self._renew_until(claim, stop))
        try:
            yield
        finally:
            stop.set()
            await task

    async def _renew_until(self, claim: str, stop: asyncio.Event) -> None:
        every = self.lease.total_seconds() / 3
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), every)
                return
            except TimeoutError:
                pass
            try:
                held = await self.store.renew_claim(claim, self.clock.now(), self.lease)
            except Exception as exc:
                log.warning("renewing a lease failed (%s); trying again", exc)
                continue
            if held == 0:
                log.warning("a lease ran out before it was renewed; another process took over")
                return
