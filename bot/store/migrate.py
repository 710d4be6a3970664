"""Apply Alembic migrations from code: at start, and by `tweetup db upgrade`.

Several processes may start at once: on PostgreSQL a transaction-scoped advisory lock lets one
migrate while the others wait and then find nothing to do; on SQLite the write transaction
(BEGIN IMMEDIATE) does the same.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"
ADVISORY_LOCK_ID = 7_403_001  # any constant shared by every Tweetup process


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")


def _is_current(connection: Connection) -> bool:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return MigrationContext.configure(connection).get_current_revision() == head


class UpgradeError(Exception):
    """The migrations could not be applied; the message is one line naming the database
    and the cause (a read-only volume, a missing directory, a server refusing...)."""


async def upgrade(engine: AsyncEngine, attempts: int = 5) -> None:
    try:
        await _upgrade_retried(engine, attempts)
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise UpgradeError(f"cannot upgrade {_where(engine)}: {cause}") from exc


def _where(engine: AsyncEngine) -> str:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        path = (url.database or "").removeprefix("file:")
        return f"the SQLite database {path or '(in memory)'}"
    return f"the database {url.database} on {url.host}:{url.port or 5432}"


async def _upgrade_retried(engine: AsyncEngine, attempts: int) -> None:
    for attempt in range(1, attempts + 1):
        try:
            await _upgrade_once(engine)
            return
        except OperationalError as exc:
            # SQLite: a brand-new file switching to WAL while another process opens it can
            # report "locked" without waiting; the next try finds it settled.
            if "locked" not in str(exc).lower() or attempt == attempts:
                raise
            await asyncio.sleep(0.1 * attempt)


async def _upgrade_once(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        if await conn.run_sync(_is_current):
            return
    async with engine.execution_options(tweetup_write=True).begin() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})
        await conn.run_sync(_upgrade)


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())
