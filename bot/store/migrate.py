"""Apply Alembic migrations from code: at start, and by `tweetup db upgrade`.

Several processes may start at once: on PostgreSQL a transaction-scoped advisory lock lets one
migrate while the others wait and then find nothing to do; on SQLite the write transaction
(BEGIN IMMEDIATE) does the same.

Alembic is imported only when there is something to migrate: a database already at the newest
revision is recognised by reading `alembic_version`, and a brand-new (empty) one gets the
declared schema (schema.py) with `create_all` and is stamped at the newest revision, which is
several times cheaper than replaying every migration (tests check both give the same schema).
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"
ADVISORY_LOCK_ID = 7_403_001  # any constant shared by every Tweetup process
_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=\n]*=(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"""["']([^"']+)["']""")

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def head_revision() -> str | None:
    """The newest migration's revision, read from the migration files without importing
    Alembic; None when they do not name exactly one head (then Alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(path.read_text("utf-8")):
            (parents if name == "down_revision" else revisions).update(_QUOTED.findall(value))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _version(connection: Connection) -> str | None:
    """The revision stamped in the database (None when it has none)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def _create_or_upgrade(connection: Connection, head: str | None) -> None:
    if head is not None and not inspect(connection).get_table_names():
        _create_stamped(connection, head)
    else:
        _upgrade(connection)


def _create_stamped(connection: Connection, head: str) -> None:
    """A brand-new database: the declared tables, stamped as migrated to `head`. The version
    table is the one Alembic creates (same name, column and primary key)."""
    from bot.store.schema import metadata

    metadata.create_all(connection)
    version = Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    )
    version.create(connection)
    connection.execute(version.insert().values(version_num=head))


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
    head = head_revision()
    async with engine.connect() as conn:
        if head is not None and await conn.run_sync(_version) == head:
            return
    async with engine.execution_options(tweetup_write=True).begin() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})
        await conn.run_sync(_create_or_upgrade, head)


async def current_revision(engine: AsyncEngine) -> str | None:
    from alembic.migration import MigrationContext

    async with engine.connect() as conn:
        return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())
