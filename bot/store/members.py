"""Store queries of members: their settings, their trips, and forgetting a member (every
row about them, their held seats passed on in the same transaction)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.community import Member
from bot.domain.rsvps import Rsvp, RsvpStatus
from bot.store import schema as t
from bot.store.base import Queries
from bot.store.rows import leads_text, member_row
from bot.store.rsvps import Arm, pass_seat_on
from bot.store.series import forget_series_organizer


@dataclass(frozen=True, slots=True)
class Forgotten:
    counts: dict[str, int]  # rows deleted per kind
    offered: list[Rsvp]  # members offered a seat the forgotten member held


class MemberQueries(Queries):
    async def member(self, community_id: int, user_id: str) -> Member | None:
        async with self._read() as conn:
            row = (
                await conn.execute(self._sql.member, {"community": community_id, "user": user_id})
            ).first()
        return member_row(row) if row else None

    async def save_member(
        self, community_id: int, user_id: str, name: str, now: datetime, **values: Any
    ) -> Member:
        """Create or update a member (the display name is refreshed on each call)."""
        if "reminder_leads" in values and values["reminder_leads"] is not None:
            values["reminder_leads"] = leads_text(values["reminder_leads"])
        m = t.members

        async def work(conn: AsyncConnection) -> Member:
            if not values:  # a new member, or a new display name: the prebuilt statement
                names = {"community": community_id, "user": user_id, "name": name[:100], "now": now}
                return member_row((await conn.execute(self._sql.save_member, names)).one())
            stmt = self._insert(m).values(
                community_id=community_id,
                user_id=user_id,
                name=name[:100],
                created_at=now,
                **values,
            )
            stmt = stmt.on_conflict_do_update(
                index_elements=[m.c.community_id, m.c.user_id],
                set_={"name": name[:100], **values},
            )
            await conn.execute(stmt)
            row = (
                await conn.execute(
                    select(m).where(m.c.community_id == community_id, m.c.user_id == user_id)
                )
            ).one()
            return member_row(row)

        return await self._write(work)

    async def members(self, community_id: int, user_ids: Iterable[str]) -> dict[str, Member]:
        ids = list(user_ids)
        if not ids:
            return {}
        async with self._read() as conn:
            rows = (
                await conn.execute(self._sql.members, {"community": community_id, "users": ids})
            ).all()
        return {r.user_id: member_row(r) for r in rows}

    async def homes(self, community_id: int) -> list[Member]:
        m = t.members
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(m).where(m.c.community_id == community_id, m.c.home_city_id.is_not(None))
                )
            ).all()
        return [member_row(r) for r in rows]

    async def add_trip(
        self,
        community_id: int,
        user_id: str,
        city_id: int,
        first_day: date,
        last_day: date,
        now: datetime,
    ) -> int:
        async def work(conn: AsyncConnection) -> int:
            result = await conn.execute(
                insert(t.trips)
                .values(
                    community_id=community_id,
                    user_id=user_id,
                    city_id=city_id,
                    first_day=first_day,
                    last_day=last_day,
                    created_at=now,
                )
                .returning(t.trips.c.id)
            )
            return int(result.scalar_one())

        return await self._write(work)

    async def trips(self, community_id: int, from_day: date) -> list[tuple[str, int, date, date]]:
        """(user_id, city_id, first_day, last_day) of trips not yet over."""
        tr = t.trips
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(tr.c.user_id, tr.c.city_id, tr.c.first_day, tr.c.last_day)
                    .where(tr.c.community_id == community_id, tr.c.last_day >= from_day)
                    .order_by(tr.c.first_day)
                )
            ).all()
        return [(r.user_id, r.city_id, r.first_day, r.last_day) for r in rows]

    async def trips_with_ids(
        self, community_id: int, user_id: str, from_day: date
    ) -> list[tuple[int, int, date, date]]:
        """(trip id, city id, first day, last day) of the member's trips not yet over."""
        tr = t.trips
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(tr.c.id, tr.c.city_id, tr.c.first_day, tr.c.last_day)
                    .where(
                        tr.c.community_id == community_id,
                        tr.c.user_id == user_id,
                        tr.c.last_day >= from_day,
                    )
                    .order_by(tr.c.first_day, tr.c.id)
                )
            ).all()
        return [(r.id, r.city_id, r.first_day, r.last_day) for r in rows]

    async def remove_trip(self, community_id: int, user_id: str, trip_id: int) -> int | None:
        """Delete the trip if it is this member's in this community; returns its city id."""
        tr = t.trips

        async def work(conn: AsyncConnection) -> int | None:
            row = (
                await conn.execute(
                    delete(tr)
                    .where(
                        tr.c.id == trip_id,
                        tr.c.community_id == community_id,
                        tr.c.user_id == user_id,
                    )
                    .returning(tr.c.city_id)
                )
            ).first()
            return int(row.city_id) if row else None

        return await self._write(work)

    async def forget_member(
        self,
        community_id: int,
        user_id: str,
        now: datetime,
        offer_hours: int,
        arm: Arm | None = None,
    ) -> Forgotten:
        """Delete every row about the member in this community. Meetups they organized stay
        for the others, with the organizer anonymised. A seat they hold (going, or offered)
        is passed to the waitlist in the same transaction, so a seat offered to them a moment
        ago is not lost. Returns rows deleted per kind, and who was offered a seat."""

        async def work(conn: AsyncConnection) -> Forgotten:
            offered = await self._release_seats(
                conn, community_id, user_id, now, offer_hours, arm
            )
            counts = await self._forget_rows(conn, community_id, user_id)
            return Forgotten(counts, offered)

        return await self._write(work)

    async def _release_seats(
        self,
        conn: AsyncConnection,
        community_id: int,
        user_id: str,
        now: datetime,
        offer_hours: int,
        arm: Arm | None,
    ) -> list[Rsvp]:
        """Give up every seat the member holds in the community; the members offered them
        (each offer's expiry job, `arm`, added in the same transaction)."""
        r, mt = t.rsvps, t.meetups
        meetup_ids = (
            await conn.execute(
                select(r.c.meetup_id)
                .join(mt, mt.c.id == r.c.meetup_id)
                .where(mt.c.community_id == community_id, r.c.user_id == user_id)
                .order_by(r.c.meetup_id)
            )
        ).scalars().all()
        held = (RsvpStatus.GOING.value, RsvpStatus.OFFERED.value)
        offered: list[Rsvp] = []
        for meetup_id in meetup_ids:
            names = {"meetup": meetup_id, "user": user_id}
            # Lock the meetup row first, as every RSVP change does, then read the status.
            head = (await conn.execute(self._sql.rsvp_turn, names)).one()
            row = (await conn.execute(self._sql.rsvp, names)).first()
            if row is None or row.status not in held:
                continue
            await conn.execute(
                update(r)
                .where(r.c.meetup_id == meetup_id, r.c.user_id == user_id)
                .values(status=RsvpStatus.NO.value, offer_expires_at=None, updated_at=now)
            )
            nxt = await pass_seat_on(
                conn, self._sql, meetup_id, now, offer_hours, head.starts_at,
                exclude=user_id, arm=arm,
            )
            if nxt is not None:
                offered.append(nxt)
        return offered

    async def _forget_rows(
        self, conn: AsyncConnection, community_id: int, user_id: str
    ) -> dict[str, int]:
        """Delete the member's rows in the community (see forget_member)."""
        counts: dict[str, int] = {}
        in_community = select(t.meetups.c.id).where(t.meetups.c.community_id == community_id)
        for table, column in t.MEMBER_TABLES:
            cond = table.c[column] == user_id
            if "community_id" in table.c:
                cond = and_(cond, table.c.community_id == community_id)
            elif "meetup_id" in table.c:
                cond = and_(cond, table.c.meetup_id.in_(in_community))
            elif table is t.suggestion_interest:
                cond = and_(
                    cond,
                    table.c.suggestion_id.in_(
                        select(t.suggestions.c.id).where(
                            t.suggestions.c.community_id == community_id
                        )
                    ),
                )
            counts[table.name] = int((await conn.execute(delete(table).where(cond))).rowcount)
        mt = t.meetups
        result = await conn.execute(
            update(mt)
            .where(mt.c.community_id == community_id, mt.c.organizer_id == user_id)
            .values(organizer_id="", organizer_name="a former member")
        )
        counts["meetups_anonymised"] = int(result.rowcount)
        counts["series_anonymised"] = await forget_series_organizer(conn, community_id, user_id)
        c = t.communities
        scope = (
            await conn.execute(
                select(c.c.platform, c.c.workspace_id).where(c.c.id == community_id)
            )
        ).one()
        pe = t.processed_events
        result = await conn.execute(
            delete(pe).where(
                pe.c.scope == f"{scope.platform}:{scope.workspace_id}",
                pe.c.user_id == user_id,
            )
        )
        counts["processed_events"] = int(result.rowcount)
        rc = t.rate_counters
        await conn.execute(
            delete(rc).where(
                rc.c.scope == f"{scope.platform}:{scope.workspace_id}", rc.c.user_id == user_id
            )
        )
        return counts
