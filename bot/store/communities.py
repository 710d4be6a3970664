"""Store queries of communities (a workspace or guild, its settings, its removal and
purge) and of the channels the watcher reads in it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.community import Community
from bot.store import schema as t
from bot.store.base import Queries
from bot.store.rows import community_row, leads_text


class CommunityQueries(Queries):
    async def community(
        self, platform: str, workspace_id: str, *, timezone: str, now: datetime
    ) -> Community:
        c = t.communities
        query, names = self._sql.community, {"platform": platform, "workspace": workspace_id}
        async with self._read() as conn:
            row = (await conn.execute(query, names)).first()
        if row is not None and row.removed_at is None:
            return community_row(row)

        async def work(conn: AsyncConnection) -> Community:
            # New, or back after being removed (the grace period had not run out).
            await conn.execute(
                update(c)
                .where(c.c.platform == platform, c.c.workspace_id == workspace_id)
                .values(removed_at=None)
            )
            await conn.execute(
                self._insert(c)
                .values(
                    platform=platform, workspace_id=workspace_id, timezone=timezone, created_at=now
                )
                .on_conflict_do_nothing()
            )
            return community_row((await conn.execute(query, names)).one())

        return await self._write(work)

    async def mark_removed(self, platform: str, workspace_id: str, now: datetime) -> bool:
        c = t.communities

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(c)
                .where(c.c.platform == platform, c.c.workspace_id == workspace_id)
                .values(removed_at=now)
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def purge_removed(self, before: datetime) -> int:
        """Delete communities removed before `before`, with everything in them."""
        c = t.communities

        async def work(conn: AsyncConnection) -> int:
            ids = (
                (await conn.execute(select(c.c.id).where(c.c.removed_at < before))).scalars().all()
            )
            for community_id in ids:
                in_community = select(t.meetups.c.id).where(
                    t.meetups.c.community_id == community_id
                )
                scope = (
                    await conn.execute(
                        select(c.c.platform, c.c.workspace_id).where(c.c.id == community_id)
                    )
                ).one()
                await conn.execute(
                    delete(t.processed_events).where(
                        t.processed_events.c.scope == f"{scope.platform}:{scope.workspace_id}"
                    )
                )
                # Children first: not every engine enforces ON DELETE CASCADE the same way.
                for table in reversed(t.metadata.sorted_tables):
                    if table is c or table is t.processed_events:
                        continue
                    if "community_id" in table.c:
                        await conn.execute(
                            delete(table).where(table.c.community_id == community_id)
                        )
                    elif "meetup_id" in table.c:
                        await conn.execute(delete(table).where(table.c.meetup_id.in_(in_community)))
                    elif table is t.suggestion_interest:
                        await conn.execute(
                            delete(table).where(
                                table.c.suggestion_id.in_(
                                    select(t.suggestions.c.id).where(
                                        t.suggestions.c.community_id == community_id
                                    )
                                )
                            )
                        )
                await conn.execute(delete(c).where(c.c.id == community_id))
            return len(ids)

        return await self._write(work)

    async def community_by_id(self, community_id: int) -> Community | None:
        async with self._read() as conn:
            row = (
                await conn.execute(select(t.communities).where(t.communities.c.id == community_id))
            ).first()
        return community_row(row) if row else None

    async def update_community(self, community_id: int, **values: Any) -> Community:
        if "reminder_leads" in values:
            values["reminder_leads"] = leads_text(values["reminder_leads"])

        async def work(conn: AsyncConnection) -> Community:
            c = t.communities
            row = (
                await conn.execute(
                    update(c).where(c.c.id == community_id).values(**values).returning(c)
                )
            ).one()
            return community_row(row)

        return await self._write(work)

    async def set_watched(self, community_id: int, channel_id: str, on: bool) -> None:
        w = t.watched_channels

        async def work(conn: AsyncConnection) -> None:
            if on:
                await conn.execute(
                    self._insert(w)
                    .values(community_id=community_id, channel_id=channel_id)
                    .on_conflict_do_nothing()
                )
            else:
                await conn.execute(
                    delete(w).where(w.c.community_id == community_id, w.c.channel_id == channel_id)
                )

        await self._write(work)

    async def is_watched(self, community_id: int, channel_id: str) -> bool:
        w = t.watched_channels
        async with self._read() as conn:
            row = (
                await conn.execute(
                    select(w.c.channel_id).where(
                        w.c.community_id == community_id, w.c.channel_id == channel_id
                    )
                )
            ).first()
        return row is not None
