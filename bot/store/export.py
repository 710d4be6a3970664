"""Store query of everything about one community (the admin export)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.store import schema as t
from bot.store.base import Queries


class ExportQueries(Queries):
    async def export_community(self, community_id: int) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        in_community = select(t.meetups.c.id).where(t.meetups.c.community_id == community_id)
        async with self._read() as conn:
            for table in t.metadata.sorted_tables:
                if table is t.processed_events:
                    continue
                if table is t.communities:
                    cond = table.c.id == community_id
                elif "community_id" in table.c:
                    cond = table.c.community_id == community_id
                elif "meetup_id" in table.c:
                    cond = table.c.meetup_id.in_(in_community)
                elif table is t.suggestion_interest:
                    cond = table.c.suggestion_id.in_(
                        select(t.suggestions.c.id).where(
                            t.suggestions.c.community_id == community_id
                        )
                    )
                else:
                    continue
                query = select(table).where(cond).order_by(*table.primary_key.columns)
                rows = (await conn.execute(query)).mappings().all()
                out[table.name] = [dict(r) for r in rows]
        return out
