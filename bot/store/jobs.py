"""Store queries of jobs (reminders, poll deadlines, offers, follow-ups): adding and
replacing pending ones, rebuilding a meetup's reminders, and claiming due ones with a lease
and a claim token that fences renewal and finishing."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.community import Member
from bot.domain.jobs import Job, JobSpec
from bot.domain.meetups import Meetup, Status
from bot.domain.rsvps import Rsvp
from bot.store import schema as t
from bot.store.base import Queries
from bot.store.rows import job_row, meetup_row, member_row, rsvp_row

FEW_ROWS = 16  # up to this many jobs are inserted one prepared statement a row on SQLite

# (meetups, their answers, those members) -> the reminder jobs they should have
ReminderPlan = Callable[[list[Meetup], list[Rsvp], Mapping[str, Member]], list[JobSpec]]


async def delete_jobs(conn: AsyncConnection, meetup_id: int, kinds: Sequence[str]) -> bool:
    """Delete the meetup's jobs of these kinds, pending or claimed, inside the caller's
    transaction: a fence. A member's action that does a job's work deletes the job even
    while a process that died holds it, so a job retried later that finds its work done
    knows its own earlier claim did it (see Store.close_poll)."""
    if kinds:
        j = t.jobs
        await conn.execute(delete(j).where(j.c.meetup_id == meetup_id, j.c.kind.in_(kinds)))
    return True


class JobQueries(Queries):
    async def add_jobs(self, specs: Sequence[JobSpec]) -> int:
        """Insert jobs; a job whose key exists already is left as it is."""
        if not specs:
            return 0
        return await self._write(lambda conn: self._insert_jobs(conn, specs))

    async def _insert_jobs(self, conn: AsyncConnection, specs: Sequence[JobSpec]) -> int:
        rows = [
            {
                "job_key": s.key,
                "kind": s.kind,
                "meetup_id": s.meetup_id,
                "community_id": s.community_id,
                "user_id": s.user_id,
                "lead_minutes": s.lead_minutes,
                "due_at": s.due_at,
            }
            for s in specs
        ]
        added = 0
        if self._sqlite is not None and len(rows) <= FEW_ROWS:  # an RSVP's reminders
            for row in rows:  # prepared, one a row: cheaper than SQLAlchemy's batch for a few
                added += len((await conn.execute(self._sql.add_job, row)).all())
            return added
        for start in range(0, len(rows), 500):
            result = await conn.execute(self._sql.add_jobs, rows[start : start + 500])
            added += len(result.all())  # executemany rowcount is not portable
        return added

    def _drop_pending(
        self, meetup_id: int, kinds: Sequence[str], user_id: str | None
    ) -> tuple[Any, dict[str, Any]]:
        names: dict[str, Any] = {"meetup": meetup_id, "kinds": list(kinds)}
        if user_id is None:
            return self._sql.drop_jobs, names
        return self._sql.drop_jobs_of, {**names, "user": user_id}

    async def drop_pending_jobs(
        self, meetup_id: int, kinds: Sequence[str], user_id: str | None = None
    ) -> int:
        stmt, names = self._drop_pending(meetup_id, kinds, user_id)

        async def work(conn: AsyncConnection) -> int:
            return int((await conn.execute(stmt, names)).rowcount)

        return await self._write(work)

    async def replace_pending_jobs(
        self, meetup_id: int, kinds: Sequence[str], user_id: str | None, specs: Sequence[JobSpec]
    ) -> None:
        stmt, names = self._drop_pending(meetup_id, kinds, user_id)

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(stmt, names)
            if specs:
                await self._insert_jobs(conn, specs)

        await self._write(work)

    async def scheduled_page(
        self,
        community_id: int,
        now: datetime,
        after: tuple[datetime, int] | None,
        limit: int,
        user_id: str | None = None,
    ) -> list[tuple[datetime, int]]:
        """(start, id) of the next `limit` scheduled meetups starting after `now`, in start
        order from `after` (keyset paging: each page costs the same however far in); with
        `user_id`, only meetups that member answered."""
        mt, r = t.meetups, t.rsvps
        query = select(mt.c.starts_at, mt.c.id).where(
            mt.c.community_id == community_id,
            mt.c.status == Status.SCHEDULED.value,
            mt.c.starts_at > now,
        )
        if after is not None:  # the plain >= lets the index start at the page's first row
            query = query.where(
                mt.c.starts_at >= after[0], or_(mt.c.starts_at > after[0], mt.c.id > after[1])
            )
        if user_id is not None:
            query = query.join(r, and_(r.c.meetup_id == mt.c.id, r.c.user_id == user_id))
        query = query.order_by(mt.c.starts_at, mt.c.id).limit(limit)
        async with self._read() as conn:
            return [(row.starts_at, row.id) for row in (await conn.execute(query)).all()]

    async def rebuild_reminders(
        self, meetup_ids: Sequence[int], plan: ReminderPlan, user_id: str | None = None
    ) -> list[JobSpec]:
        """In one transaction: lock the meetups (RSVP changes of them queue behind), read
        their answers (one member's, if given) and those members, and replace the pending
        reminders with `plan(meetups, rsvps, members)`. Returns the new jobs."""
        mt, r, j = t.meetups, t.rsvps, t.jobs
        ids = list(meetup_ids)

        async def work(conn: AsyncConnection) -> list[JobSpec]:
            lock = select(mt).where(mt.c.id.in_(ids))
            if self.dialect == "postgresql":  # SQLite: the write lock is already ours
                lock = lock.with_for_update()
            meetups = [meetup_row(row) for row in (await conn.execute(lock)).all()]
            answers = select(r).where(r.c.meetup_id.in_(ids))
            # Not `state = ?` as such: with an IN list SQLite would then walk the (state,
            # due_at) index, i.e. every pending job, instead of the meetup_id one (measured:
            # 12 ms a batch of 50 meetups among 60,000 jobs, against 1 ms).
            drop = delete(j).where(
                j.c.meetup_id.in_(ids),
                j.c.kind == "remind",
                func.coalesce(j.c.state, "") == "pending",
            )
            if user_id is not None:
                answers = answers.where(r.c.user_id == user_id)
                drop = drop.where(j.c.user_id == user_id)
            rsvps = [rsvp_row(row) for row in (await conn.execute(answers)).all()]
            members: dict[str, Member] = {}
            users = sorted({x.user_id for x in rsvps})
            if meetups and users:
                names = {"community": meetups[0].community_id, "users": users}
                rows = (await conn.execute(self._sql.members, names)).all()
                members = {row.user_id: member_row(row) for row in rows}
            specs = plan(meetups, rsvps, members)
            await conn.execute(drop)
            await self._insert_jobs(conn, specs)
            return specs

        return await self._write(work)

    async def wake_times(self, until: datetime) -> list[datetime]:
        """Distinct instants before `until` at which pending jobs fall due, and when claimed
        jobs' leases run out (their sender may have died)."""
        j = t.jobs
        async with self._read() as conn:
            due = (
                (
                    await conn.execute(
                        select(j.c.due_at)
                        .where(j.c.state == "pending", j.c.due_at < until)
                        .distinct()
                    )
                )
                .scalars()
                .all()
            )
            leases = (
                await conn.execute(select(func.min(j.c.lease_until)).where(j.c.state == "claimed"))
            ).scalar()
        times = set(due)
        if leases is not None:  # min() keeps the column's type: an aware UTC instant
            times.add(leases)
        return sorted(times)

    async def claim_due(self, now: datetime, lease: timedelta, limit: int = 200) -> list[Job]:
        """Atomically claim due jobs (and ones whose sender's lease ran out). Each job is
        returned to exactly one caller across every process, with one new claim token
        (`Job.claim`) that the caller shows to renew the lease and to finish the jobs."""
        j = t.jobs
        pick = (
            select(j.c.id)
            .where(
                j.c.due_at <= now,
                or_(j.c.state == "pending", and_(j.c.state == "claimed", j.c.lease_until <= now)),
            )
            .order_by(j.c.due_at, j.c.id)
            .limit(limit)
        )
        if self.dialect == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        token = uuid.uuid4().hex

        async def work(conn: AsyncConnection) -> list[Job]:
            rows = (
                await conn.execute(
                    update(j)
                    .where(j.c.id.in_(pick.scalar_subquery()))
                    .values(
                        state="claimed",
                        lease_until=now + lease,
                        claim_token=token,
                        attempts=j.c.attempts + 1,
                    )
                    .returning(j)
                )
            ).all()
            return sorted((job_row(r) for r in rows), key=lambda x: (x.due_at, x.id))

        return await self._write(work)

    async def renew_claim(self, claim: str, now: datetime, lease: timedelta) -> int:
        """Extend the lease of the jobs this claim still holds; the number still held (0: the
        lease ran out and another process claimed them, or they are finished)."""
        j = t.jobs

        async def work(conn: AsyncConnection) -> int:
            result = await conn.execute(
                update(j)
                .where(j.c.claim_token == claim, j.c.state == "claimed")
                .values(lease_until=now + lease)
            )
            return int(result.rowcount)

        return await self._write(work)

    async def finish_job(self, job: Job, outcome: str, now: datetime) -> int:
        return await self.finish_jobs({job.id: outcome}, now, job.claim)

    async def finish_jobs(self, outcomes: Mapping[int, str], now: datetime, claim: str) -> int:
        """Mark delivered jobs done, in one transaction (one UPDATE per distinct outcome), if
        `claim` still holds them (fencing: a process whose lease ran out changes nothing).
        Returns how many were finished."""
        if not outcomes:
            return 0
        j = t.jobs
        by_outcome: dict[str, list[int]] = {}
        for job_id, outcome in outcomes.items():
            by_outcome.setdefault(outcome[:32], []).append(job_id)

        async def work(conn: AsyncConnection) -> int:
            finished = 0
            for outcome, ids in by_outcome.items():
                for start in range(0, len(ids), 500):
                    result = await conn.execute(
                        update(j)
                        .where(
                            j.c.id.in_(ids[start : start + 500]),
                            j.c.claim_token == claim,
                            j.c.state == "claimed",
                        )
                        .values(state="done", done_at=now, outcome=outcome, lease_until=None)
                    )
                    finished += int(result.rowcount)
            return finished

        return await self._write(work)

    async def job_counts(self) -> dict[str, int]:
        j = t.jobs
        async with self._read() as conn:
            rows = (await conn.execute(select(j.c.state, func.count()).group_by(j.c.state))).all()
        return {state: int(n) for state, n in rows}
