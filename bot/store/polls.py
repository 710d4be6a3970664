"""Store queries of polls: options, votes, the tally counted in SQL, closing and
expiring a poll (a conditional UPDATE: exactly one caller closes it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.meetups import Status
from bot.domain.polls import Answer, PollOption, Tally, Vote
from bot.store import schema as t
from bot.store.base import Queries


class PollQueries(Queries):
    async def poll(self, meetup_id: int) -> tuple[list[PollOption], list[Vote]]:
        names = {"meetup": meetup_id}
        async with self._read() as conn:
            options = (await conn.execute(self._sql.poll_options, names)).all()
            votes = (await conn.execute(self._sql.votes, names)).all()
        return (
            [PollOption(o.idx, o.starts_at) for o in options],
            [Vote(x.idx, x.user_id, x.user_name, Answer(x.answer)) for x in votes],
        )

    async def poll_options(self, meetup_id: int) -> list[PollOption]:
        async with self._read() as conn:
            rows = (await conn.execute(self._sql.poll_options, {"meetup": meetup_id})).all()
        return [PollOption(o.idx, o.starts_at) for o in rows]

    async def poll_tally(self, meetup_id: int) -> tuple[list[Tally], int]:
        """Counts per option and answer, and how many members voted, counted in SQL."""
        names = {"meetup": meetup_id}
        async with self._read() as conn:
            options = (await conn.execute(self._sql.poll_options, names)).all()
            rows = (await conn.execute(self._sql.tally, names)).all()
            voters = (await conn.execute(self._sql.voters, names)).scalar_one()
        counts = {(idx, answer): n for idx, answer, n in rows}
        tallies = [
            Tally(
                PollOption(o.idx, o.starts_at), *(counts.get((o.idx, a.value), 0) for a in Answer)
            )
            for o in options
        ]
        return tallies, int(voters)

    async def vote(
        self,
        meetup_id: int,
        option: int,
        user_id: str,
        user_name: str,
        answer: Answer,
        now: datetime,
    ) -> bool:
        """Record one member's answer for one option (replacing theirs). False if the poll is
        no longer open (closed between the click and now)."""

        async def work(conn: AsyncConnection) -> bool:
            # Touch the meetup row first: takes the write lock and sees a concurrent close.
            still_open = await conn.execute(self._sql.poll_open, {"meetup": meetup_id, "now": now})
            if not still_open.rowcount:
                return False
            await conn.execute(
                self._sql.save_vote,
                {
                    "meetup": meetup_id,
                    "option": option,
                    "user": user_id,
                    "name": user_name[:100],
                    "answer": answer.value,
                    "now": now,
                },
            )
            return True

        return await self._write(work)

    async def close_poll(
        self, meetup_id: int, starts_at: datetime, now: datetime, fence: Sequence[str] = ()
    ) -> bool:
        """Turn the poll into a scheduled meetup. True only for the one caller that closed it.
        `fence`: job kinds of the meetup deleted with it whatever their state: a member's
        close removes the deadline's job even when a process that died holds it, so a job
        retried later finds its poll closed only if its own earlier claim closed it."""
        mt = t.meetups

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(mt)
                .where(mt.c.id == meetup_id, mt.c.status == Status.POLL.value)
                .values(
                    status=Status.SCHEDULED.value,
                    starts_at=starts_at,
                    updated_at=now,
                    sequence=mt.c.sequence + 1,
                )
            )
            return await _fenced(conn, meetup_id, fence) if result.rowcount else False

        return await self._write(work)

    async def expire_poll(
        self, meetup_id: int, now: datetime, fence: Sequence[str] = ()
    ) -> bool:
        """End a poll whose options all passed. True only for the one caller that ended it.
        `fence` as for `close_poll`."""
        mt = t.meetups

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(mt)
                .where(mt.c.id == meetup_id, mt.c.status == Status.POLL.value)
                .values(status=Status.EXPIRED.value, updated_at=now)
            )
            return await _fenced(conn, meetup_id, fence) if result.rowcount else False

        return await self._write(work)


async def _fenced(conn: AsyncConnection, meetup_id: int, kinds: Sequence[str]) -> bool:
    """Delete the meetup's jobs of these kinds, pending or claimed (see `close_poll`)."""
    if kinds:
        j = t.jobs
        await conn.execute(delete(j).where(j.c.meetup_id == meetup_id, j.c.kind.in_(kinds)))
    return True
