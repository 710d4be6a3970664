"""Store queries of series (repeating meetups): the series row, its dates, who always comes.

A mixin of the one Store (bot/store/store.py, see bot/store/base.py): it uses the Store's
`_read`, `_write` and `_insert` helpers. A date of a series is claimed by inserting
its `series_dates` row (the primary key is the series and the rule's date), so two callers
never make two meetups for one date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.series import PostNext, Series, SeriesDate, SeriesStatus
from bot.store import schema as t
from bot.store.base import Queries
from bot.store.jobs import delete_jobs


def series_row(row: Any) -> Series:
    return Series(
        id=row.id,
        community_id=row.community_id,
        channel_id=row.channel_id,
        thread_id=row.thread_id,
        organizer_id=row.organizer_id,
        title=row.title,
        city_id=row.city_id,
        city_label=row.city_label,
        timezone=row.timezone,
        rrule=row.rrule,
        first_wall=datetime.fromisoformat(row.first_wall),
        status=SeriesStatus(row.status),
        venue=row.venue,
        find_us=row.find_us,
        description=row.description,
        capacity=row.capacity,
        latitude=row.latitude,
        longitude=row.longitude,
        post_next=PostNext.stored(row.post_next),
        sequence=row.sequence,
    )


_LOOKUPS: list[tuple[Select[Any], Select[Any]]] = []


def series_lookups() -> tuple[Select[Any], Select[Any]]:
    """The card render's lookups, built once with bound parameters (building a statement
    costs SQLAlchemy more than running it)."""
    if not _LOOKUPS:
        d = t.series_dates
        _LOOKUPS.append(
            (
                select(d.c.series_id, d.c.starts_at, d.c.skipped).where(
                    d.c.meetup_id == bindparam("meetup")
                ),
                select(t.series).where(t.series.c.id == bindparam("series")),
            )
        )
    return _LOOKUPS[0]


def _values(values: dict[str, Any]) -> dict[str, Any]:
    """Domain values as columns (the first wall time as text, PostNext as its text)."""
    out = dict(values)
    if isinstance(out.get("first_wall"), datetime):
        out["first_wall"] = out["first_wall"].replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(out.get("post_next"), PostNext):
        out["post_next"] = out["post_next"].text()
    if isinstance(out.get("status"), SeriesStatus):
        out["status"] = out["status"].value
    return out


async def forget_series_organizer(conn: AsyncConnection, community_id: int, user_id: str) -> int:
    """/meetup forget: the member's series stay for the others, organized by nobody (admins
    manage them); part of the forget transaction (bot/store/members.py)."""
    s = t.series
    result = await conn.execute(
        update(s)
        .where(s.c.community_id == community_id, s.c.organizer_id == user_id)
        .values(organizer_id="")
    )
    return int(result.rowcount)


class SeriesQueries(Queries):
    async def create_series(self, now: datetime, **values: Any) -> Series:
        """A new series, as a draft until its organizer confirms it."""

        async def work(conn: AsyncConnection) -> Series:
            row = (
                await conn.execute(
                    insert(t.series)
                    .values(
                        status=SeriesStatus.DRAFT.value,
                        created_at=now,
                        updated_at=now,
                        **_values(values),
                    )
                    .returning(t.series)
                )
            ).one()
            return series_row(row)

        return await self._write(work)

    async def purge_series_drafts(self, before: datetime) -> int:
        """Delete series proposed before `before` that never got a date: drafts never
        confirmed, and drafts cancelled (ended without a date). Housekeeping runs it."""
        s, d = t.series, t.series_dates
        dated = select(d.c.series_id).where(d.c.series_id == s.c.id).exists()
        never_dated = s.c.status.in_([SeriesStatus.DRAFT.value, SeriesStatus.ENDED.value]) & ~dated

        async def work(conn: AsyncConnection) -> int:
            result = await conn.execute(delete(s).where(s.c.created_at < before, never_dated))
            return int(result.rowcount)

        return await self._write(work)

    async def series(self, series_id: int) -> Series | None:
        async with self._read() as conn:
            row = (await conn.execute(select(t.series).where(t.series.c.id == series_id))).first()
        return series_row(row) if row else None

    async def change_series_status(
        self, series_id: int, before: SeriesStatus, after: SeriesStatus, now: datetime
    ) -> bool:
        """Move a series from one status to another; False if it was not in `before` (a
        second click on Create, or an end already done)."""
        s = t.series

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(s)
                .where(s.c.id == series_id, s.c.status == before.value)
                .values(status=after.value, updated_at=now)
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def update_series(self, series_id: int, now: datetime, **values: Any) -> Series:
        """Change the template (this-and-following edits); SEQUENCE goes up by one."""
        s = t.series

        async def work(conn: AsyncConnection) -> Series:
            row = (
                await conn.execute(
                    update(s)
                    .where(s.c.id == series_id)
                    .values(updated_at=now, sequence=s.c.sequence + 1, **_values(values))
                    .returning(s)
                )
            ).one()
            return series_row(row)

        return await self._write(work)

    async def claim_series_date(self, series_id: int, starts_at: datetime) -> bool:
        """Take a date of the series for a new meetup; False if it has one or was skipped."""
        d = t.series_dates

        async def work(conn: AsyncConnection) -> bool:
            added = await conn.execute(
                self._insert(d)
                .values(series_id=series_id, starts_at=starts_at)
                .on_conflict_do_nothing()
            )
            if added.rowcount:
                return True
            row = (
                await conn.execute(
                    select(d.c.meetup_id, d.c.skipped).where(
                        d.c.series_id == series_id, d.c.starts_at == starts_at
                    )
                )
            ).one()
            # a claim whose meetup was never made (a crash in between) is taken again
            return row.meetup_id is None and not row.skipped

        return await self._write(work)

    async def move_series_date(self, series_id: int, before: datetime, after: datetime) -> None:
        """A this-and-following time change moves the rule's date of the edited meetup."""
        d = t.series_dates

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                update(d)
                .where(d.c.series_id == series_id, d.c.starts_at == before)
                .values(starts_at=after)
            )

        await self._write(work)

    async def skip_series_date(
        self, series_id: int, starts_at: datetime, fence: Sequence[str] = ()
    ) -> bool:
        """Mark a date skipped (an EXDATE); False if it was skipped already. `fence`: job kinds
        of the date's meetup deleted with it whatever their state (`delete_jobs`): the skip
        opens the next date, so a job of the skipped date that a dead process holds must not
        be retried and publish that date again."""
        d = t.series_dates

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(d)
                .where(d.c.series_id == series_id, d.c.starts_at == starts_at, ~d.c.skipped)
                .values(skipped=True)
                .returning(d.c.meetup_id)
            )
            skipped = result.first()
            if skipped is not None:
                if skipped.meetup_id is not None:
                    await delete_jobs(conn, skipped.meetup_id, fence)
                return True
            found = await conn.execute(
                select(d.c.skipped).where(d.c.series_id == series_id, d.c.starts_at == starts_at)
            )
            if found.first() is not None:
                return False
            await conn.execute(
                insert(d).values(series_id=series_id, starts_at=starts_at, skipped=True)
            )
            return True

        return await self._write(work)

    async def series_dates(self, series_id: int) -> list[SeriesDate]:
        d = t.series_dates
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(d.c.starts_at, d.c.meetup_id, d.c.skipped)
                    .where(d.c.series_id == series_id)
                    .order_by(d.c.starts_at)
                )
            ).all()
        return [SeriesDate(r.starts_at, r.meetup_id, bool(r.skipped)) for r in rows]

    async def series_of_meetup(self, meetup_id: int) -> tuple[Series, SeriesDate] | None:
        """The series a meetup is a date of, and that date; None for a one-off meetup.
        Every card render asks (most meetups are one-offs): one indexed lookup, with a
        statement built once."""
        date_query, series_query = series_lookups()
        async with self._read() as conn:
            row = (await conn.execute(date_query, {"meetup": meetup_id})).first()
            if row is None:
                return None
            found = (await conn.execute(series_query, {"series": row.series_id})).one()
        return series_row(found), SeriesDate(row.starts_at, meetup_id, bool(row.skipped))

    async def set_always(
        self, series_id: int, community_id: int, user_id: str, name: str, on: bool, now: datetime
    ) -> bool:
        """Whether the member is auto-Going for each new date; True if that changed."""
        a = t.series_always

        async def work(conn: AsyncConnection) -> bool:
            if not on:
                result = await conn.execute(
                    delete(a).where(a.c.series_id == series_id, a.c.user_id == user_id)
                )
                return bool(result.rowcount)
            result = await conn.execute(
                self._insert(a)
                .values(
                    series_id=series_id,
                    user_id=user_id,
                    community_id=community_id,
                    user_name=name[:100],
                    since=now,
                )
                .on_conflict_do_nothing()
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def always_coming(self, series_id: int) -> list[tuple[str, str]]:
        """(user id, name) of the members who always come, in the order they said so."""
        a = t.series_always
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(a.c.user_id, a.c.user_name)
                    .where(a.c.series_id == series_id)
                    .order_by(a.c.since, a.c.user_id)
                )
            ).all()
        return [(r.user_id, r.user_name) for r in rows]
