"""The one Store: SQLAlchemy 2 Core, async, on SQLite (aiosqlite) or PostgreSQL (asyncpg).

Concurrency rules live in SQL, not in Python locks, so that several processes can share one
PostgreSQL database: a seat is taken with one conditional UPDATE of the meetup row (which also
serialises every RSVP change of that meetup), a poll closes with a conditional UPDATE, and due
jobs are claimed with UPDATE ... RETURNING (FOR UPDATE SKIP LOCKED on PostgreSQL). On SQLite,
write transactions start with BEGIN IMMEDIATE so that concurrent writers queue on the busy
timeout instead of failing on a lock upgrade.

This module holds the engine side: connecting, read connections, retried write
transactions. The queries live in one mixin per aggregate (events, communities, members,
meetups, polls, rsvps, jobs, export, watcher, series), the SQLite session engine in session.py, the
prebuilt statements in statements.py. A new query goes in the mixin of the aggregate whose
table it mainly reads or writes (a new aggregate gets a new mixin module, added to the bases
of `Store`); a statement run on every event goes in statements.py.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, TypeVar

from sqlalchemy import create_engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.store.areas import AreaQueries
from bot.store.communities import CommunityQueries
from bot.store.events import EVENT_LEASE, EventMark, EventQueries
from bot.store.export import ExportQueries
from bot.store.faults import DB_ERRORS, StoreUnavailable, is_transient, unavailable
from bot.store.feeds import FeedQueries
from bot.store.jobs import JobQueries, ReminderPlan
from bot.store.meetups import CardRef, MeetupQueries
from bot.store.members import Forgotten, MemberQueries
from bot.store.pages import PageQueries
from bot.store.polls import PollQueries
from bot.store.rsvps import RsvpOutcome, RsvpQueries
from bot.store.series import SeriesQueries, series_lookups
from bot.store.session import SqliteSession, configure_sqlite
from bot.store.statements import build_statements
from bot.store.watcher import WatcherQueries
from bot.store.welcome import WelcomeQueries

# The value types callers import from here, with the Store.
__all__ = [
    "EVENT_LEASE",
    "CardRef",
    "EventMark",
    "Forgotten",
    "ReminderPlan",
    "RsvpOutcome",
    "Store",
    "StoreUnavailable",
]

log = logging.getLogger(__name__)
T = TypeVar("T")

# Module settings read when a store is built or retries (tests shorten them).
SQLITE_BUSY_TIMEOUT_MS = 10_000
RETRY_DELAYS = (0.05, 0.2, 0.8, 1.5)  # seconds between attempts


class Store(
    EventQueries,
    CommunityQueries,
    MemberQueries,
    MeetupQueries,
    PollQueries,
    RsvpQueries,
    JobQueries,
    ExportQueries,
    WatcherQueries,
    SeriesQueries,
    AreaQueries,
    FeedQueries,
    WelcomeQueries,
    PageQueries,
):
    """The one store: the engine (below) and every aggregate's queries (the mixins)."""

    def __init__(self, engine: AsyncEngine, sqlite_engine: Engine | None = None) -> None:
        self.engine = engine  # async: migrations, `db copy`, tests; the hot path on PostgreSQL
        self.dialect = engine.dialect.name
        # Same pool; the option tells the "begin" hook to take SQLite's write lock up front.
        self._writer = engine.execution_options(tweetup_write=True)
        # Moves with every write transaction this process runs: a reader that cached
        # something at generation g knows nothing here changed while it still reads g
        # (the page server's cached path, bot/web/pages.py).
        self.write_generation = 0
        # SQLite's hot path: whole operations on a sync connection (see bot/store/session.py).
        self._sqlite = (
            SqliteSession(sqlite_engine, SQLITE_BUSY_TIMEOUT_MS)
            if sqlite_engine is not None
            else None
        )
        # Statements run on (almost) every inbound event, built once (bot/store/statements.py).
        self._sql = build_statements(self._insert)
        if self._sqlite is not None:
            self._sqlite.prepare(self._sql.all())
            self._sqlite.prepare(series_lookups())  # each card render asks (issue 16)

    @classmethod
    def from_url(cls, url: str, **engine_options: Any) -> Store:
        if url.startswith("sqlite"):
            args = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
            engine = create_async_engine(url, connect_args=args, **engine_options)
            configure_sqlite(engine.sync_engine, SQLITE_BUSY_TIMEOUT_MS)
            sync_url = url.replace("sqlite+aiosqlite://", "sqlite+pysqlite://", 1)
            sqlite_engine = create_engine(
                sync_url, connect_args={**args, "check_same_thread": False}, **engine_options
            )
            configure_sqlite(sqlite_engine, SQLITE_BUSY_TIMEOUT_MS, write_lock_on_begin=False)
            return cls(engine, sqlite_engine)
        engine_options.setdefault("pool_pre_ping", True)
        engine_options.setdefault("pool_size", 10)
        return cls(create_async_engine(url, **engine_options))

    async def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
        await self.engine.dispose()

    async def upgrade(self) -> None:
        """Apply the Alembic migrations (safe when several processes start at once)."""
        from bot.store.migrate import upgrade

        await upgrade(self.engine)

    def _read(self) -> AbstractAsyncContextManager[AsyncConnection]:
        """A connection for reads. Connecting is retried like a write; a transient fault
        during the read becomes StoreUnavailable (the member is told to try again). On
        SQLite one reusable context serves every read (most statements are reads, and a
        generator-based context cost 4 % of an event)."""
        if self._sqlite is not None:
            return self._sqlite.reads  # its facade speaks AsyncConnection.execute
        return self._pooled_read()

    @asynccontextmanager
    async def _pooled_read(self) -> AsyncIterator[AsyncConnection]:
        try:
            conn = await self._retried(self.engine.connect)
            try:
                yield conn
            finally:
                await conn.close()
        except DB_ERRORS as exc:
            if not is_transient(exc):
                raise
            raise unavailable(exc) from exc

    async def _write(self, work: Callable[[AsyncConnection], Awaitable[T]]) -> T:
        """Run `work` in one write transaction, retried when the database was briefly locked
        or the connection dropped. `work` must do everything inside the transaction, so a
        retry never leaves half an effect behind."""

        async def once() -> T:
            try:
                if self._sqlite is not None:
                    return await self._sqlite.write(work)  # type: ignore[arg-type]
                async with self._writer.begin() as conn:
                    return await work(conn)
            finally:  # after the commit (or rollback): a reader then sees the new rows
                self.write_generation += 1

        return await self._retried(once)

    async def _retried(self, attempt: Callable[[], Awaitable[T]]) -> T:
        """Run `attempt`, again after a transient fault with backoff (RETRY_DELAYS, about
        2.5 s in all: inside an event's deadline); then StoreUnavailable."""
        for number, delay in enumerate((*RETRY_DELAYS, None), start=1):
            try:
                return await attempt()
            except DB_ERRORS as exc:
                if not is_transient(exc):
                    raise
                if delay is None:
                    raise unavailable(exc) from exc
                log.warning(
                    "database unavailable (attempt %d: %s), retrying",
                    number,
                    str(getattr(exc, "orig", None) or exc)[:120],
                )
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    def _insert(self, table: Any) -> Any:
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)
