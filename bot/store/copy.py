"""`tweetup db copy`: move every row from one database to another (e.g. SQLite to PostgreSQL).

The target is migrated first and must be empty. Rows are copied table by table in foreign-key
order, in batches; on PostgreSQL the id sequences are moved past the copied ids afterwards.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select, text

from bot.store import schema as t
from bot.store.store import Store

BATCH = 1000


class CopyError(Exception):
    """The copy cannot start (the message says why)."""


async def copy_database(source_url: str, target_url: str) -> dict[str, int]:
    source, target = Store.from_url(source_url), Store.from_url(target_url)
    try:
        await source.upgrade()
        await target.upgrade()
        async with target.engine.connect() as conn:
            for table in t.metadata.sorted_tables:
                if (await conn.execute(select(func.count()).select_from(table))).scalar():
                    raise CopyError(
                        f"the target database is not empty (table {table.name}); "
                        "copy into a fresh database"
                    )
        copied: dict[str, int] = {}
        async with source.engine.connect() as src, target.engine.begin() as dst:
            for table in t.metadata.sorted_tables:
                result = await src.stream(select(table))
                count = 0
                async for rows in result.mappings().partitions(BATCH):
                    await dst.execute(insert(table), [dict(r) for r in rows])
                    count += len(rows)
                copied[table.name] = count
            if target.dialect == "postgresql":
                for table in t.metadata.sorted_tables:
                    if "id" in table.c and table.c.id.autoincrement is True:
                        await dst.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                            )
                        )
        return copied
    finally:
        await source.close()
        await target.close()
