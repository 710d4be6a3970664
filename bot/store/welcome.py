"""Store queries of the welcome features: greeters, first-timers, door-buddy requests, the
"would you come again?" answers and area follows.

A mixin of the one Store (bot/store/store.py), like watcher.py: it shares the engine,
transactions and retry rules through `_read`, `_write` and `_insert`. A request moves only by
conditional UPDATEs (`WHERE state = ... AND greeter_id = ...`), so a greeter's late click, a
timeout and a cancel racing each other change it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.welcome import OPEN_STATES, Again, BuddyState
from bot.store import schema as t
from bot.store.base import Queries

_OPEN = [s.value for s in OPEN_STATES]


def _involving_statement() -> Any:
    """Open requests of a meetup that name a member as first-timer or greeter: read on every
    change of answer from Going, so built once with bound parameters (and, on SQLite, run on
    the driver like the Store's other hot statements)."""
    b = t.buddy_requests
    user: Any = bindparam("user")
    return select(b).where(
        b.c.meetup_id == bindparam("meetup"),
        or_(b.c.state == bindparam("asking"), b.c.state == bindparam("paired")),
        or_(b.c.first_timer_id == user, b.c.greeter_id == user),
    )


_INVOLVING = _involving_statement()


@dataclass(frozen=True, slots=True)
class BuddyRequest:
    id: int
    meetup_id: int
    first_timer_id: str
    greeter_id: str | None
    state: BuddyState


def _request(row: Any) -> BuddyRequest:
    return BuddyRequest(
        row.id, row.meetup_id, row.first_timer_id, row.greeter_id, BuddyState(row.state)
    )


class WelcomeQueries(Queries):
    # --- greeters ------------------------------------------------------------------------------

    async def set_greeter(self, community_id: int, user_id: str, on: bool, now: datetime) -> bool:
        """Volunteer (or stop); True if that changed anything."""
        g = t.greeters

        async def work(conn: AsyncConnection) -> bool:
            if on:
                result = await conn.execute(
                    self._insert(g)
                    .values(community_id=community_id, user_id=user_id, created_at=now)
                    .on_conflict_do_nothing()
                )
            else:
                result = await conn.execute(
                    delete(g).where(g.c.community_id == community_id, g.c.user_id == user_id)
                )
            return bool(result.rowcount)

        return await self._write(work)

    async def greeter_ids(self, community_id: int) -> set[str]:
        g = t.greeters
        async with self._read() as conn:
            rows = await conn.execute(select(g.c.user_id).where(g.c.community_id == community_id))
            return set(rows.scalars().all())

    # --- first-timers --------------------------------------------------------------------------

    async def mark_first_timer(self, meetup_id: int, user_id: str, now: datetime) -> bool:
        """True if newly marked."""
        f = t.first_timers

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                self._insert(f)
                .values(meetup_id=meetup_id, user_id=user_id, created_at=now)
                .on_conflict_do_nothing()
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def first_timer_ids(self, meetup_id: int) -> list[str]:
        """In the order they said so."""
        f = t.first_timers
        async with self._read() as conn:
            rows = await conn.execute(
                select(f.c.user_id)
                .where(f.c.meetup_id == meetup_id)
                .order_by(f.c.created_at, f.c.user_id)
            )
            return list(rows.scalars().all())

    # --- door-buddy requests -------------------------------------------------------------------

    async def buddy_request(self, request_id: int) -> BuddyRequest | None:
        b = t.buddy_requests
        async with self._read() as conn:
            row = (await conn.execute(select(b).where(b.c.id == request_id))).first()
        return _request(row) if row else None

    async def buddy_request_of(self, meetup_id: int, first_timer_id: str) -> BuddyRequest | None:
        b = t.buddy_requests
        async with self._read() as conn:
            row = (
                await conn.execute(
                    select(b).where(
                        b.c.meetup_id == meetup_id, b.c.first_timer_id == first_timer_id
                    )
                )
            ).first()
        return _request(row) if row else None

    async def open_buddy_request(
        self, meetup_id: int, first_timer_id: str, now: datetime
    ) -> tuple[BuddyRequest, bool]:
        """The member's request for this meetup, opened (or reopened after a cancel or no
        match, forgetting who was asked then). (request, True) if it was opened now."""
        b = t.buddy_requests

        async def work(conn: AsyncConnection) -> tuple[BuddyRequest, bool]:
            where = and_(b.c.meetup_id == meetup_id, b.c.first_timer_id == first_timer_id)
            row = (await conn.execute(select(b).where(where))).first()
            if row is not None and row.state in _OPEN:
                return _request(row), False
            if row is None:
                row = (
                    await conn.execute(
                        b.insert()
                        .values(
                            meetup_id=meetup_id,
                            first_timer_id=first_timer_id,
                            state=BuddyState.ASKING.value,
                            created_at=now,
                            updated_at=now,
                        )
                        .returning(b)
                    )
                ).one()
                return _request(row), True
            await conn.execute(delete(t.buddy_asks).where(t.buddy_asks.c.request_id == row.id))
            row = (
                await conn.execute(
                    update(b)
                    .where(b.c.id == row.id)
                    .values(state=BuddyState.ASKING.value, greeter_id=None, updated_at=now)
                    .returning(b)
                )
            ).one()
            return _request(row), True

        return await self._write(work)

    async def asked_greeters(self, request_id: int) -> set[str]:
        a = t.buddy_asks
        async with self._read() as conn:
            rows = await conn.execute(select(a.c.greeter_id).where(a.c.request_id == request_id))
            return set(rows.scalars().all())

    async def busy_greeters(self, meetup_id: int) -> set[str]:
        """Greeters asked by, or paired with, a first-timer of this meetup."""
        b = t.buddy_requests
        async with self._read() as conn:
            rows = await conn.execute(
                select(b.c.greeter_id).where(
                    b.c.meetup_id == meetup_id, b.c.state.in_(_OPEN), b.c.greeter_id.is_not(None)
                )
            )
            return {g for g in rows.scalars().all() if g}

    async def ask_greeter(self, request_id: int, greeter_id: str, now: datetime) -> bool:
        """Hand a request waiting for a greeter to this one; False if it is no longer asking
        for one (cancelled meanwhile) or already has one."""
        b, a = t.buddy_requests, t.buddy_asks

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(b)
                .where(
                    b.c.id == request_id,
                    b.c.state == BuddyState.ASKING.value,
                    b.c.greeter_id.is_(None),
                )
                .values(greeter_id=greeter_id, updated_at=now)
                .returning(b.c.meetup_id)
            )
            meetup_id = result.scalar()
            if meetup_id is None:
                return False
            await conn.execute(
                self._insert(a)
                .values(request_id=request_id, greeter_id=greeter_id, meetup_id=meetup_id,
                        asked_at=now)
                .on_conflict_do_nothing()
            )
            return True

        return await self._write(work)

    async def greeter_answered(
        self, request_id: int, greeter_id: str, answer: str, now: datetime
    ) -> BuddyRequest | None:
        """Record the greeter's answer: "yes" pairs a request still asking them; "no",
        "timeout" (asking them) and "gone" (asking or paired with them) free it for the next
        greeter. None: it was not theirs to answer any more (a second click, a late one)."""
        b, a = t.buddy_requests, t.buddy_asks
        states = [BuddyState.ASKING.value]
        if answer == "gone":
            states.append(BuddyState.PAIRED.value)
        values: dict[str, Any] = {"updated_at": now}
        if answer == "yes":
            values["state"] = BuddyState.PAIRED.value
        else:
            values.update(state=BuddyState.ASKING.value, greeter_id=None)

        async def work(conn: AsyncConnection) -> BuddyRequest | None:
            row = (
                await conn.execute(
                    update(b)
                    .where(
                        b.c.id == request_id, b.c.greeter_id == greeter_id, b.c.state.in_(states)
                    )
                    .values(**values)
                    .returning(b)
                )
            ).first()
            if row is None:
                return None
            await conn.execute(
                update(a)
                .where(a.c.request_id == request_id, a.c.greeter_id == greeter_id)
                .values(answer=answer)
            )
            return _request(row)

        return await self._write(work)

    async def end_buddy_request(
        self, request_id: int, state: BuddyState, now: datetime
    ) -> BuddyRequest | None:
        """Close an open request (cancelled, or unmatched); None if it was not open. Returns
        it as it was, so the caller knows whom it had asked or paired."""
        b = t.buddy_requests

        async def work(conn: AsyncConnection) -> BuddyRequest | None:
            row = (
                await conn.execute(
                    select(b).where(b.c.id == request_id, b.c.state.in_(_OPEN))
                )
            ).first()
            if row is None:
                return None
            await conn.execute(
                update(b)
                .where(b.c.id == request_id, b.c.state == row.state)
                .values(state=state.value, greeter_id=None, updated_at=now)
            )
            return _request(row)

        return await self._write(work)

    async def requests_involving(self, meetup_id: int, user_id: str) -> list[BuddyRequest]:
        """Open requests of this meetup where the member is the first-timer or the greeter."""
        if self._sqlite is not None and id(_INVOLVING) not in self._sqlite.prepared:
            self._sqlite.prepare((_INVOLVING,))
        names = {"meetup": meetup_id, "user": user_id, "asking": BuddyState.ASKING.value,
                 "paired": BuddyState.PAIRED.value}
        async with self._read() as conn:
            return [_request(r) for r in (await conn.execute(_INVOLVING, names)).all()]

    async def open_requests(
        self, community_id: int, *, greeter_id: str | None = None,
        first_timer_id: str | None = None, meetup_id: int | None = None,
    ) -> list[BuddyRequest]:
        """Open requests of the community, narrowed to a greeter, a first-timer, a meetup."""
        b, mt = t.buddy_requests, t.meetups
        query = (
            select(b)
            .join(mt, mt.c.id == b.c.meetup_id)
            .where(mt.c.community_id == community_id, b.c.state.in_(_OPEN))
            .order_by(b.c.id)
        )
        if greeter_id is not None:
            query = query.where(b.c.greeter_id == greeter_id)
        if first_timer_id is not None:
            query = query.where(b.c.first_timer_id == first_timer_id)
        if meetup_id is not None:
            query = query.where(b.c.meetup_id == meetup_id)
        async with self._read() as conn:
            return [_request(r) for r in (await conn.execute(query)).all()]

    # --- would you come again? -----------------------------------------------------------------

    async def answer_again(
        self, meetup_id: int, user_id: str, answer: Again, now: datetime
    ) -> None:
        c = t.come_again

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                self._insert(c)
                .values(meetup_id=meetup_id, user_id=user_id, answer=answer.value,
                        answered_at=now)
                .on_conflict_do_update(
                    index_elements=[c.c.meetup_id, c.c.user_id],
                    set_={"answer": answer.value, "answered_at": now},
                )
            )

        await self._write(work)

    async def again_answers(self, meetup_id: int) -> list[Again]:
        c = t.come_again
        async with self._read() as conn:
            rows = await conn.execute(select(c.c.answer).where(c.c.meetup_id == meetup_id))
            return [Again(a) for a in rows.scalars().all()]
