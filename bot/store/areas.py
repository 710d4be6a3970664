"""Store queries of area follows, area groups (roles / user groups), native platform events
and one-time community notices (a mixin of the one Store, bot/store/store.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store import schema as t
from bot.store.base import Queries


@dataclass(frozen=True, slots=True)
class FollowRow:
    user_id: str
    city_id: int
    radius_km: int
    source: str


@dataclass(frozen=True, slots=True)
class AreaGroupRow:
    city_id: int
    group_id: str
    group_label: str
    radius_km: int


@dataclass(frozen=True, slots=True)
class NativeEventRow:
    event_id: str
    cancelled: bool
    fingerprint: str


class AreaQueries(Queries):
    # --- follows ------------------------------------------------------------------------------

    async def add_follow(
        self,
        community_id: int,
        user_id: str,
        city_id: int,
        radius_km: int,
        now: datetime,
        source: str = "command",
    ) -> bool:
        """Follow (or re-follow with a new radius). An automatic follow ("interest") never
        changes one the member made. True if the row is new."""
        f = t.followed_areas
        values = {
            "community_id": community_id,
            "user_id": user_id,
            "city_id": city_id,
            "radius_km": radius_km,
            "source": source,
            "created_at": now,
        }
        keys = [f.c.community_id, f.c.user_id, f.c.city_id]

        async def work(conn: AsyncConnection) -> bool:
            known = (
                await conn.execute(
                    select(f.c.city_id).where(
                        f.c.community_id == community_id,
                        f.c.user_id == user_id,
                        f.c.city_id == city_id,
                    )
                )
            ).first()
            stmt = self._insert(f).values(**values)
            if source == "command":
                stmt = stmt.on_conflict_do_update(
                    index_elements=keys, set_={"radius_km": radius_km, "source": source}
                )
            else:
                stmt = stmt.on_conflict_do_nothing(index_elements=keys)
            await conn.execute(stmt)
            return known is None

        return await self._write(work)

    async def drop_follow(self, community_id: int, user_id: str, city_id: int) -> bool:
        f = t.followed_areas

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                delete(f).where(
                    f.c.community_id == community_id,
                    f.c.user_id == user_id,
                    f.c.city_id == city_id,
                )
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def follows_of(self, community_id: int, user_id: str) -> list[FollowRow]:
        f = t.followed_areas
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(f.c.user_id, f.c.city_id, f.c.radius_km, f.c.source)
                    .where(f.c.community_id == community_id, f.c.user_id == user_id)
                    .order_by(f.c.created_at, f.c.city_id)
                )
            ).all()
        return [FollowRow(r.user_id, r.city_id, r.radius_km, r.source) for r in rows]

    async def follows_in(self, community_id: int) -> list[FollowRow]:
        """Every follow of the community (a few per member who follows at all)."""
        f = t.followed_areas
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(f.c.user_id, f.c.city_id, f.c.radius_km, f.c.source)
                    .where(f.c.community_id == community_id)
                    .order_by(f.c.created_at, f.c.user_id, f.c.city_id)
                )
            ).all()
        return [FollowRow(r.user_id, r.city_id, r.radius_km, r.source) for r in rows]

    async def follow_count(self, community_id: int, user_id: str) -> int:
        f = t.followed_areas
        async with self._read() as conn:
            n = (
                await conn.execute(
                    select(func.count()).where(
                        f.c.community_id == community_id, f.c.user_id == user_id
                    )
                )
            ).scalar()
        return int(n or 0)

    # --- area groups --------------------------------------------------------------------------

    async def set_area_group(
        self,
        community_id: int,
        city_id: int,
        group_id: str,
        label: str,
        radius_km: int,
        now: datetime,
    ) -> None:
        g = t.area_roles
        stmt = self._insert(g).values(
            community_id=community_id,
            city_id=city_id,
            group_id=group_id,
            group_label=label,
            radius_km=radius_km,
            created_at=now,
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[g.c.community_id, g.c.city_id],
            set_={"group_id": group_id, "group_label": label, "radius_km": radius_km},
        )

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(stmt)

        await self._write(work)

    async def drop_area_group(self, community_id: int, city_id: int) -> bool:
        g = t.area_roles

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                delete(g).where(g.c.community_id == community_id, g.c.city_id == city_id)
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def area_groups(self, community_id: int) -> list[AreaGroupRow]:
        """Read whenever a card is rendered: a prebuilt statement (statements.py)."""
        async with self._read() as conn:
            rows = (
                await conn.execute(self._sql.area_groups, {"community": community_id})
            ).all()
        return [AreaGroupRow(r.city_id, r.group_id, r.group_label, r.radius_km) for r in rows]

    # --- native events ------------------------------------------------------------------------

    async def native_event_of(self, meetup_id: int) -> NativeEventRow | None:
        """The platform's event of a meetup, if it has one."""
        n = t.native_events
        async with self._read() as conn:
            row = (
                await conn.execute(
                    select(n.c.event_id, n.c.cancelled, n.c.fingerprint).where(
                        n.c.meetup_id == meetup_id
                    )
                )
            ).first()
        if row is None:
            return None
        return NativeEventRow(row.event_id, bool(row.cancelled), row.fingerprint)

    async def save_native_event(self, meetup_id: int, event_id: str, fingerprint: str) -> None:
        n = t.native_events
        stmt = self._insert(n).values(
            meetup_id=meetup_id, event_id=event_id, cancelled=False, fingerprint=fingerprint
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[n.c.meetup_id],
            set_={"event_id": event_id, "cancelled": False, "fingerprint": fingerprint},
        )

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(stmt)

        await self._write(work)

    async def native_event_cancelled(self, meetup_id: int) -> None:
        n = t.native_events

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(update(n).where(n.c.meetup_id == meetup_id).values(cancelled=True))

        await self._write(work)

    async def meetup_of_native_event(self, community_id: int, event_id: str) -> int | None:
        """The meetup of this community whose native event has that id."""
        n, m = t.native_events, t.meetups
        async with self._read() as conn:
            found = (
                await conn.execute(
                    select(n.c.meetup_id)
                    .join(m, m.c.id == n.c.meetup_id)
                    .where(n.c.event_id == event_id, m.c.community_id == community_id)
                )
            ).scalar()
        return int(found) if found is not None else None

    async def note_native_interest(self, meetup_id: int, user_id: str, now: datetime) -> bool:
        """Record that the member was offered to RSVP; False if they had been already."""
        i = t.native_interest

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                self._insert(i)
                .values(meetup_id=meetup_id, user_id=user_id, created_at=now)
                .on_conflict_do_nothing(index_elements=[i.c.meetup_id, i.c.user_id])
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def showed_native_interest(self, meetup_id: int, user_id: str) -> bool:
        i = t.native_interest
        async with self._read() as conn:
            row = (
                await conn.execute(
                    select(i.c.user_id).where(i.c.meetup_id == meetup_id, i.c.user_id == user_id)
                )
            ).first()
        return row is not None

    # --- one-time notices ---------------------------------------------------------------------

    async def give_notice_once(self, community_id: int, notice: str, now: datetime) -> bool:
        """True the first time a notice is given in the community (and records it)."""
        c = t.community_notices

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                self._insert(c)
                .values(community_id=community_id, notice=notice, given_at=now)
                .on_conflict_do_nothing(index_elements=[c.c.community_id, c.c.notice])
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def forget_notice(self, community_id: int, notice: str) -> None:
        c = t.community_notices

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                delete(c).where(c.c.community_id == community_id, c.c.notice == notice)
            )

        await self._write(work)
