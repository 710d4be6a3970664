"""Store queries of meetups: creating and changing one, the listings (`/meetup list`,
`mine`, a city's), the cards posted for it, and how many were proposed lately."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.meetups import Meetup, Status
from bot.store import schema as t
from bot.store.base import Queries
from bot.store.rows import meetup_row, role_of


@dataclass(frozen=True, slots=True)
class CardRef:
    channel_id: str
    thread_id: str | None
    message_id: str


class DateTaken(Exception):
    """The series date a new meetup was for has one already, or was skipped: nothing made."""


class MeetupQueries(Queries):
    async def recent_proposals(
        self, community_id: int, since: datetime, organizer_id: str | None = None
    ) -> int:
        mt = t.meetups
        query = select(func.count()).where(
            mt.c.community_id == community_id, mt.c.created_at >= since
        )
        if organizer_id is not None:
            query = query.where(mt.c.organizer_id == organizer_id)
        async with self._read() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def create_meetup(
        self,
        *,
        community_id: int,
        channel_id: str,
        thread_id: str | None,
        title: str,
        city_id: int,
        city_label: str,
        latitude: float,
        longitude: float,
        organizer_id: str,
        organizer_name: str,
        starts_at: datetime | None,
        options: Sequence[datetime],
        venue: str,
        description: str,
        capacity: int | None,
        deadline: datetime | None,
        now: datetime,
        timezone: str = "",
        find_us: str = "",
        series_date: tuple[int, datetime] | None = None,
    ) -> Meetup:
        """`series_date` (series id, rule date): the meetup of that date of the series, linked
        to it in the same transaction (a crash cannot leave a meetup its date does not know,
        which a retry would make again); DateTaken if the date has a meetup or was skipped."""
        status = Status.POLL if options else Status.SCHEDULED

        async def work(conn: AsyncConnection) -> Meetup:
            row = (
                await conn.execute(
                    insert(t.meetups)
                    .values(
                        community_id=community_id,
                        channel_id=channel_id,
                        thread_id=thread_id,
                        title=title,
                        city_id=city_id,
                        city_label=city_label,
                        latitude=latitude,
                        longitude=longitude,
                        organizer_id=organizer_id,
                        organizer_name=organizer_name[:100],
                        status=status.value,
                        starts_at=starts_at,
                        venue=venue,
                        description=description,
                        capacity=capacity,
                        deadline=deadline,
                        timezone=timezone,
                        find_us=find_us,
                        created_at=now,
                        updated_at=now,
                    )
                    .returning(t.meetups)
                )
            ).one()
            if options:
                await conn.execute(
                    insert(t.poll_options),
                    [
                        {"meetup_id": row.id, "idx": i, "starts_at": s}
                        for i, s in enumerate(options, start=1)
                    ],
                )
            if series_date is not None:
                await _link_series_date(conn, *series_date, row.id)
            return meetup_row(row)

        return await self._write(work)

    async def meetup(self, meetup_id: int) -> Meetup | None:
        async with self._read() as conn:
            row = (await conn.execute(self._sql.meetup, {"meetup": meetup_id})).first()
        return meetup_row(row) if row else None

    async def update_meetup(
        self, meetup_id: int, now: datetime, *, bump_sequence: bool = True, **values: Any
    ) -> Meetup:
        mt = t.meetups
        if bump_sequence:
            values["sequence"] = mt.c.sequence + 1

        async def work(conn: AsyncConnection) -> Meetup:
            row = (
                await conn.execute(
                    update(mt)
                    .where(mt.c.id == meetup_id)
                    .values(updated_at=now, **values)
                    .returning(mt)
                )
            ).one()
            return meetup_row(row)

        return await self._write(work)

    async def move_poll_options(self, meetup_id: int, starts: Sequence[datetime]) -> None:
        """Give a poll's options new instants, in option order (a move to another zone)."""
        po = t.poll_options

        async def work(conn: AsyncConnection) -> None:
            for idx, start in enumerate(starts, 1):
                await conn.execute(
                    update(po)
                    .where(po.c.meetup_id == meetup_id, po.c.idx == idx)
                    .values(starts_at=start)
                )

        await self._write(work)

    async def has_answered(self, meetup_id: int, user_id: str) -> bool:
        """Whether the member RSVP'd to or voted on the meetup."""
        r, v = t.rsvps, t.votes
        async with self._read() as conn:
            for table in (r, v):
                row = (
                    await conn.execute(
                        select(table.c.user_id)
                        .where(table.c.meetup_id == meetup_id, table.c.user_id == user_id)
                        .limit(1)
                    )
                ).first()
                if row is not None:
                    return True
        return False

    async def upcoming(self, community_id: int, now: datetime, limit: int = 25) -> list[Meetup]:
        """Open polls and meetups not yet over, soonest first (polls last)."""
        names = {"community": community_id, "ongoing": now - timedelta(hours=2), "limit": limit}
        async with self._read() as conn:
            return [meetup_row(r) for r in (await conn.execute(self._sql.upcoming, names)).all()]

    def _listing(
        self, community_id: int, now: datetime, user_id: str | None, city_id: int | None
    ) -> Any:
        """Open polls and meetups not yet over; with `user_id` only those the member
        organizes, answered or voted in (a poll), with their answer (`my_status`, `voted`);
        with `city_id` only that city's."""
        mt, r, v = t.meetups, t.rsvps, t.votes
        ongoing = now - timedelta(hours=2)
        query = select(mt).where(
            mt.c.community_id == community_id,
            or_(
                mt.c.status == Status.POLL.value,
                and_(mt.c.status == Status.SCHEDULED.value, mt.c.starts_at >= ongoing),
            ),
        )
        if city_id is not None:
            query = query.where(mt.c.city_id == city_id)
        if user_id is None:
            return query
        voted = (
            select(v.c.meetup_id).where(v.c.user_id == user_id).distinct().subquery("voted")
        )
        return (
            query.add_columns(r.c.status.label("my_status"), voted.c.meetup_id.label("voted"))
            .select_from(
                mt.outerjoin(r, and_(r.c.meetup_id == mt.c.id, r.c.user_id == user_id)).outerjoin(
                    voted, voted.c.meetup_id == mt.c.id
                )
            )
            .where(
                or_(
                    mt.c.organizer_id == user_id,
                    r.c.user_id.is_not(None),
                    and_(voted.c.meetup_id.is_not(None), mt.c.status == Status.POLL.value),
                )
            )
        )

    async def meetups_of(
        self, community_id: int, user_id: str, now: datetime, limit: int = 25
    ) -> list[tuple[Meetup, str]]:
        """Upcoming meetups and open polls the member organizes, answered or voted in, with
        their role/answer."""
        mt = t.meetups
        query = (
            self._listing(community_id, now, user_id, None)
            .order_by(mt.c.starts_at.is_(None), mt.c.starts_at, mt.c.id)
            .limit(limit)
        )
        async with self._read() as conn:
            rows = (await conn.execute(query)).all()
        return [(meetup_row(row), role_of(row, user_id)) for row in rows]

    async def listing_page(
        self,
        community_id: int,
        now: datetime,
        *,
        offset: int,
        limit: int,
        user_id: str | None = None,
        city_id: int | None = None,
    ) -> tuple[list[tuple[Meetup, str]], int]:
        """One page of upcoming meetups, soonest first (polls last), and how many there are
        in all: every meetup, or only the member's (with their role), or one city's."""
        if user_id is None and city_id is None:  # the plain /meetup list: prebuilt
            names = {"community": community_id, "ongoing": now - timedelta(hours=2),
                     "offset": offset, "limit": limit}
            async with self._read() as conn:
                page = (await conn.execute(self._sql.page, names)).all()
                total = int((await conn.execute(self._sql.page_total, names)).scalar_one())
            return [(meetup_row(row), "") for row in page], total
        mt = t.meetups
        listing = self._listing(community_id, now, user_id, city_id)
        query = (
            listing.order_by(mt.c.starts_at.is_(None), mt.c.starts_at, mt.c.id)
            .offset(offset)
            .limit(limit)
        )
        count = select(func.count()).select_from(listing.subquery())
        async with self._read() as conn:
            rows = (await conn.execute(query)).all()
            total = int((await conn.execute(count)).scalar_one())
        return [(meetup_row(row), role_of(row, user_id) if user_id else "") for row in rows], total

    async def add_card(
        self, meetup_id: int, channel_id: str, thread_id: str | None, message_id: str
    ) -> None:
        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                self._insert(t.cards)
                .values(
                    meetup_id=meetup_id,
                    channel_id=channel_id,
                    thread_id=thread_id,
                    message_id=message_id,
                )
                .on_conflict_do_nothing()
            )

        await self._write(work)

    async def cards(self, meetup_id: int) -> list[CardRef]:
        async with self._read() as conn:
            rows = (await conn.execute(self._sql.cards, {"meetup": meetup_id})).all()
        return [CardRef(r.channel_id, r.thread_id, r.message_id) for r in rows]

    async def drop_card(self, meetup_id: int, message_id: str) -> None:
        async def work(conn: AsyncConnection) -> None:
            c = t.cards
            await conn.execute(
                delete(c).where(c.c.meetup_id == meetup_id, c.c.message_id == message_id)
            )

        await self._write(work)


async def _link_series_date(
    conn: AsyncConnection, series_id: int, starts_at: datetime, meetup_id: int
) -> None:
    d = t.series_dates
    linked = await conn.execute(
        update(d)
        .where(
            d.c.series_id == series_id,
            d.c.starts_at == starts_at,
            d.c.meetup_id.is_(None),
            d.c.skipped.is_(False),
        )
        .values(meetup_id=meetup_id)
    )
    if not linked.rowcount:  # raised inside the transaction: the meetup is rolled back
        raise DateTaken(f"series {series_id} date {starts_at.isoformat()}")
