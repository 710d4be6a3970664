"""Store queries of RSVPs: a member's answer, seats, offers and the waitlist.

Every RSVP change of a meetup first updates the meetup row (`rsvp_turn`): that serialises
the changes of one meetup across processes and gives each a click-order number."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.jobs import Job, JobSpec
from bot.domain.meetups import Status
from bot.domain.rsvps import HOLDS_SEAT, Rsvp, RsvpStatus, offer_deadline, transition
from bot.store import schema as t
from bot.store.base import Queries
from bot.store.rows import rsvp_row
from bot.store.statements import Statements

_CLAIM = (RsvpStatus.GOING, RsvpStatus.OFFERED)

Arm = Callable[[Rsvp], JobSpec | None]  # the expiry job of a seat offer just made


@dataclass(frozen=True, slots=True)
class RsvpOutcome:
    before: RsvpStatus | None
    after: Rsvp
    offered: Rsvp | None  # the first on the waitlist, offered the seat this change freed


async def pass_seat_on(
    conn: AsyncConnection,
    sql: Statements,
    meetup_id: int,
    now: datetime,
    offer_hours: int,
    starts_at: datetime | None,
    exclude: str | None = None,
    arm: Arm | None = None,
) -> Rsvp | None:
    """A held seat was freed: offer it to the first on the waitlist, or free it. Runs inside
    the caller's transaction, after it took the meetup's RSVP turn. `arm`: the job that ends
    the offer at its deadline, added in the same transaction (a crash after it cannot leave a
    seat held with nothing to pass it on)."""
    meetup = {"meetup": meetup_id}
    expires = offer_deadline(now, offer_hours, starts_at)
    first = None
    if expires is not None:  # else too close to the start: the seat is left free
        query = sql.first_waiting
        first = (await conn.execute(query, {**meetup, "exclude": exclude or ""})).first()
    if first is None or expires is None:
        await conn.execute(sql.free_seat, meetup)
        return None
    offer = {**meetup, "user": first.user_id, "expires": expires, "now": now}
    offered = rsvp_row((await conn.execute(sql.offer_seat, offer)).one())
    await add_offer_job(conn, sql, offered, arm)
    return offered


async def add_offer_job(
    conn: AsyncConnection, sql: Statements, offered: Rsvp, arm: Arm | None
) -> None:
    spec = arm(offered) if arm is not None else None
    if spec is not None:
        await conn.execute(
            sql.add_job,
            {
                "job_key": spec.key,
                "kind": spec.kind,
                "meetup_id": spec.meetup_id,
                "community_id": spec.community_id,
                "user_id": spec.user_id,
                "lead_minutes": spec.lead_minutes,
                "due_at": spec.due_at,
            },
        )


HANDED_TO = ">"  # an offer job's key + this + whom its lapse passed the seat to ("" : nobody)


async def _held_key(conn: AsyncConnection, job: Job) -> str | None:
    """The job's key, if its claim still holds it (else another path ended the offer and
    removed the job, or another process claimed it after the lease ran out)."""
    j = t.jobs
    return (
        await conn.execute(
            select(j.c.job_key).where(
                j.c.id == job.id, j.c.claim_token == job.claim, j.c.state == "claimed"
            )
        )
    ).scalar()


async def _lapse(conn: AsyncConnection, meetup_id: int, user_id: str, now: datetime) -> bool:
    r = t.rsvps
    expired = await conn.execute(
        update(r)
        .where(
            r.c.meetup_id == meetup_id,
            r.c.user_id == user_id,
            r.c.status == RsvpStatus.OFFERED.value,
            r.c.offer_expires_at <= now,
        )
        .values(status=RsvpStatus.NO.value, offer_expires_at=None, updated_at=now)
    )
    return bool(expired.rowcount)


async def _record_hand_over(
    conn: AsyncConnection, job: Job, key: str, offered: Rsvp | None
) -> None:
    """Mark the job's row with whom its lapse passed the seat to."""
    to = offered.user_id if offered is not None else ""
    j = t.jobs
    await conn.execute(
        update(j).where(j.c.id == job.id).values(job_key=f"{key}{HANDED_TO}{to}"[:200])
    )


async def _still_offered(
    conn: AsyncConnection, sql: Statements, meetup_id: int, key: str
) -> Rsvp | None:
    """The member a recorded hand-over passed the seat to, if the offer still stands (they
    did not claim, pass, lapse or lose it to a lower capacity since)."""
    to = key.rpartition(HANDED_TO)[2]
    if not to:
        return None
    row = (await conn.execute(sql.rsvp, {"meetup": meetup_id, "user": to})).first()
    if row is None or row.status != RsvpStatus.OFFERED.value:
        return None
    return rsvp_row(row)


class RsvpQueries(Queries):
    async def rsvps(self, meetup_id: int) -> list[Rsvp]:
        async with self._read() as conn:
            rows = (await conn.execute(self._sql.rsvps, {"meetup": meetup_id})).all()
        return [rsvp_row(x) for x in rows]

    async def rsvp_of(self, meetup_id: int, user_id: str) -> Rsvp | None:
        """One member's answer to a meetup, if any."""
        async with self._read() as conn:
            names = {"meetup": meetup_id, "user": user_id}
            row = (await conn.execute(self._sql.rsvp, names)).first()
        return rsvp_row(row) if row else None

    async def rsvps_and_consent(
        self, meetup_id: int, community_id: int
    ) -> tuple[list[Rsvp], frozenset[str]]:
        """The meetup's RSVPs in order, except "can't go" answers (no card, reminder or
        capacity question shows them, and on a popular meetup they are a third of the
        rows), and who of them allows their name to be shown."""
        names = {"meetup": meetup_id, "community": community_id}
        async with self._read() as conn:
            rows = (await conn.execute(self._sql.rsvps_consent, names)).all()
        return [rsvp_row(x) for x in rows], frozenset(x.user_id for x in rows if x.show_name)

    async def rsvp(
        self,
        meetup_id: int,
        user_id: str,
        user_name: str,
        requested: RsvpStatus,
        now: datetime,
        offer_hours: int,
        arm: Arm | None = None,
    ) -> RsvpOutcome:
        """Apply a member's answer atomically: take a seat if one is free, else join the
        waitlist; giving up a seat offers it to the first on the waitlist (and adds `arm`,
        that offer's expiry job)."""
        names = {"meetup": meetup_id, "user": user_id}

        async def work(conn: AsyncConnection) -> RsvpOutcome:
            # Lock the meetup row first (every RSVP change of a meetup queues here) and take a
            # click-order number.
            head = (await conn.execute(self._sql.rsvp_turn, names)).one()
            old_row = (await conn.execute(self._sql.rsvp, names)).first()
            old = RsvpStatus(old_row.status) if old_row else None
            step = transition(old, requested)
            status = step.status
            if step.take_seat:
                seat = await conn.execute(self._sql.take_seat, names)
                status = RsvpStatus.GOING if seat.rowcount else RsvpStatus.WAITING
            offered = None
            if step.release_seat:
                offered = await pass_seat_on(
                    conn, self._sql, meetup_id, now, offer_hours, head.starts_at,
                    exclude=user_id, arm=arm,
                )
            after = old_row
            if status is not None:
                position = head.rsvp_counter
                if old_row and (status is old or (status, old) == _CLAIM):
                    position = old_row.position  # a claimed offer or a kept waitlist place
                saved = await conn.execute(
                    self._sql.save_rsvp,
                    {
                        **names,
                        "status": status.value,
                        "name": user_name[:100],
                        "position": position,
                        "now": now,
                    },
                )
                after = saved.one()
            if after is None:
                raise AssertionError("an RSVP change without a row")
            return RsvpOutcome(old, rsvp_row(after), offered)

        return await self._write(work)

    async def expire_offer(
        self,
        meetup_id: int,
        user_id: str,
        now: datetime,
        offer_hours: int,
        job: Job | None = None,
        arm: Arm | None = None,
    ) -> tuple[bool, Rsvp | None]:
        """If the member still has not claimed their offered seat, pass it on. Returns whether
        it expired, and who was offered the seat next.

        With `job` (the offer's claimed job) the hand-over is recorded on the job's row, and
        `arm(offered)`, the next offer's expiry job, is added, in the same transaction: a job
        claimed again after its process died finds its own hand-over (True, and the member
        still holding the seat it passed on, if any) and resumes the DMs. A job no longer
        held by its claim, or of a meetup no longer scheduled (cancelled, skipped), changes
        nothing (False)."""

        async def work(conn: AsyncConnection) -> tuple[bool, Rsvp | None]:
            head = (await conn.execute(self._sql.rsvp_turn, {"meetup": meetup_id})).one()
            key: str | None = ""
            if job is not None:
                key = await _held_key(conn, job)
                if key is None or head.status != Status.SCHEDULED.value:
                    return False, None
                if HANDED_TO in key:
                    return True, await _still_offered(conn, self._sql, meetup_id, key)
            if not await _lapse(conn, meetup_id, user_id, now):
                return False, None
            offered = await pass_seat_on(
                conn, self._sql, meetup_id, now, offer_hours, head.starts_at, arm=arm
            )
            if job is not None and key is not None:
                await _record_hand_over(conn, job, key, offered)
            return True, offered

        return await self._write(work)

    async def fill_free_seats(
        self, meetup_id: int, now: datetime, offer_hours: int, arm: Arm | None = None
    ) -> list[Rsvp]:
        """After capacity grew: offer each free seat to the next on the waitlist (and add
        `arm`, each offer's expiry job, in the same transaction)."""
        mt, r = t.meetups, t.rsvps

        async def work(conn: AsyncConnection) -> list[Rsvp]:
            head = (
                await conn.execute(
                    update(mt)
                    .where(mt.c.id == meetup_id)
                    .values(rsvp_counter=mt.c.rsvp_counter + 1)
                    .returning(mt.c.capacity, mt.c.seats_taken, mt.c.starts_at)
                )
            ).one()
            free = (head.capacity - head.seats_taken) if head.capacity is not None else 10**9
            expires = offer_deadline(now, offer_hours, head.starts_at)
            if free <= 0 or expires is None:  # near the start, free seats go to who clicks
                return []
            waiting = (
                await conn.execute(
                    select(r.c.user_id)
                    .where(r.c.meetup_id == meetup_id, r.c.status == RsvpStatus.WAITING.value)
                    .order_by(r.c.position)
                    .limit(min(free, 10_000))
                )
            ).all()
            offered = []
            for w in waiting:
                row = (
                    await conn.execute(
                        update(r)
                        .where(r.c.meetup_id == meetup_id, r.c.user_id == w.user_id)
                        .values(
                            status=RsvpStatus.OFFERED.value,
                            offer_expires_at=expires,
                            updated_at=now,
                        )
                        .returning(r)
                    )
                ).one()
                offered.append(rsvp_row(row))
                await add_offer_job(conn, self._sql, offered[-1], arm)
            if offered:
                await conn.execute(
                    update(mt)
                    .where(mt.c.id == meetup_id)
                    .values(seats_taken=mt.c.seats_taken + len(offered))
                )
            return offered

        return await self._write(work)

    async def lower_capacity(
        self, meetup_id: int, capacity: int, now: datetime
    ) -> list[tuple[RsvpStatus, Rsvp]]:
        """Set a capacity below the seats taken and move the latest seat holders (going or
        offered) back to the waitlist, keeping their click order (so they wait first). Returns
        each moved member's former status and new row."""
        mt, r = t.meetups, t.rsvps

        async def work(conn: AsyncConnection) -> list[tuple[RsvpStatus, Rsvp]]:
            head = (
                await conn.execute(
                    update(mt)
                    .where(mt.c.id == meetup_id)
                    .values(capacity=capacity, updated_at=now, sequence=mt.c.sequence + 1)
                    .returning(mt.c.seats_taken)
                )
            ).one()
            over = head.seats_taken - capacity
            if over <= 0:
                return []
            holding = r.c.status.in_([s.value for s in HOLDS_SEAT])
            latest = (
                await conn.execute(
                    select(r.c.user_id, r.c.status)
                    .where(r.c.meetup_id == meetup_id, holding)
                    .order_by(r.c.position.desc())
                    .limit(over)
                )
            ).all()
            moved = []
            for row in latest:
                saved = await conn.execute(
                    update(r)
                    .where(r.c.meetup_id == meetup_id, r.c.user_id == row.user_id)
                    .values(status=RsvpStatus.WAITING.value, offer_expires_at=None, updated_at=now)
                    .returning(r)
                )
                moved.append((RsvpStatus(row.status), rsvp_row(saved.one())))
            await conn.execute(
                update(mt)
                .where(mt.c.id == meetup_id)
                .values(seats_taken=mt.c.seats_taken - len(moved))
            )
            return moved

        return await self._write(work)
