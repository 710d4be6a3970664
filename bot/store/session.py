"""The SQLite session engine: whole store operations on sync connections, no thread hops.

Every store operation is written once against `await conn.execute(...)`; on PostgreSQL that
is SQLAlchemy's AsyncConnection, on SQLite the facades here over a sync connection (see
SqliteSession for why). Prepared hot statements run on the driver (bot/store/prepared.py).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.faults import DB_ERRORS, is_transient, unavailable
from bot.store.prepared import Prepared

log = logging.getLogger(__name__)
T = TypeVar("T")


class _SyncFacade:
    """Gives a sync SQLAlchemy connection the `await conn.execute(...)` shape of an
    AsyncConnection, so every store operation is written once for both engines. A prepared
    hot statement runs on the driver directly (bot/store/prepared.py)."""

    def __init__(self, conn: Connection, prepared: Mapping[int, Prepared]) -> None:
        self._conn = conn
        self._prepared = prepared

    async def execute(self, statement: Any, parameters: Any = None) -> Any:
        fast = self._prepared.get(id(statement))
        if fast is not None and fast.statement is statement and not isinstance(parameters, list):
            return fast.run(self._conn, parameters)
        if parameters is None:
            return self._conn.execute(statement)
        return self._conn.execute(statement, parameters)


class _ReadFacade(_SyncFacade):
    """Reads outside a transaction. Each statement is its own snapshot, so each may pick its
    connection: a prepared one runs on the write connection whenever no write is using it.
    Another connection's COMMIT makes SQLite drop a reader's whole page cache, so the read
    connection re-read every page it touched from the file after each write (28 reads from
    the file per event, measured), while the write connection's cache stays valid across
    its own commits."""

    def __init__(self, session: SqliteSession) -> None:
        super().__init__(session.reader(), session.prepared)
        self._session = session

    async def execute(self, statement: Any, parameters: Any = None) -> Any:
        fast = self._prepared.get(id(statement))
        writer = self._session.idle_writer()
        if writer is not None and fast is not None and fast.statement is statement:
            try:
                return fast.run(writer, parameters)
            except OperationalError as exc:
                if not is_transient(exc):
                    raise
                # The write connection never waits for a lock; the read connection does.
        return await super().execute(statement, parameters)


class _Reads:
    """`async with store._read()` on SQLite: the read facade, and a transient fault during
    the read raised as StoreUnavailable."""

    def __init__(self, session: SqliteSession) -> None:
        self._session = session
        self._facade: _ReadFacade | None = None

    async def __aenter__(self) -> AsyncConnection:
        if self._facade is None:
            try:
                self._facade = _ReadFacade(self._session)
            except DB_ERRORS as exc:
                if not is_transient(exc):
                    raise
                raise unavailable(exc) from exc
        return self._facade  # type: ignore[return-value]  # speaks AsyncConnection.execute

    async def __aexit__(self, kind: object, exc: BaseException | None, tb: object) -> bool:
        if isinstance(exc, DB_ERRORS) and is_transient(exc):
            raise unavailable(exc) from exc
        return False


class SqliteSession:
    """SQLite without thread hops on the common path.

    aiosqlite sends every statement to its thread and back (measured: 0.18 ms a statement
    here, 0.3-0.5 ms with SQLAlchemy's async layer, against 0.001 ms for the statement
    itself), and an event runs about twenty statements. So on SQLite:
    - reads run directly on a sync connection: in WAL mode a reader never waits for a lock,
      and a read takes microseconds. A prepared read runs on the write connection whenever
      no write is using it (its page cache survives its own commits; see _ReadFacade),
      else on a long-lived read connection;
    - write transactions run one at a time in this process (an asyncio lock, so our own
      writers never meet in SQLite's busy handler and its sleeps) on a second connection.
      BEGIN IMMEDIATE is tried at once without waiting; only when another process holds the
      write lock is it retried on a worker thread with the full busy timeout, so the event
      loop never waits for a lock. COMMIT never checkpoints (wal_autocheckpoint is off on
      these connections), so it never fsyncs on the loop: the WAL is checkpointed on the
      worker thread every CHECKPOINT_EVERY commits instead.
    Correctness still lives in SQL and in SQLite's locking, across processes too.
    """

    CHECKPOINT_EVERY = 200

    def __init__(self, engine: Engine, busy_timeout_ms: int) -> None:
        self.engine = engine
        self.busy_timeout_ms = busy_timeout_ms  # how long BEGIN waits for another process
        self.turn = asyncio.Lock()
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tweetup-sqlite")
        self._reader: Connection | None = None
        self._writer: Connection | None = None
        self._commits = 0
        self._writer_idle = False  # no write is using the write connection, none left open
        self.prepared: dict[int, Prepared] = {}
        self.reads = _Reads(self)

    def prepare(self, statements: Iterable[Any]) -> None:
        """Compile these long-lived statements once, to run them on the driver directly."""
        for statement in statements:
            prepared = Prepared.of(statement, self.engine.dialect)
            if prepared is not None:
                self.prepared[id(statement)] = prepared

    def _connect(self, *, write: bool) -> Connection:
        conn = self.engine.connect()
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA wal_autocheckpoint=0")
        if write:
            raw.execute("PRAGMA busy_timeout=0")  # never wait on the event loop
        return conn

    def reader(self) -> Connection:
        if self._reader is None:
            self._reader = self._connect(write=False)
        return self._reader

    def idle_writer(self) -> Connection | None:
        """The write connection, if no write transaction is using it (or was left open on it
        by a cancelled wait for the lock)."""
        return self._writer if self._writer_idle else None

    def _begin_waiting(self, raw: Any) -> None:
        """On the worker thread: wait for another process's write lock, then begin."""
        raw.execute(f"PRAGMA busy_timeout={self.busy_timeout_ms}")
        try:
            raw.execute("BEGIN IMMEDIATE")
        finally:
            raw.execute("PRAGMA busy_timeout=0")

    def _checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")

    async def write(self, work: Callable[[_SyncFacade], Awaitable[T]]) -> T:
        loop = asyncio.get_running_loop()
        async with self.turn:
            self._writer_idle = False  # until this write is committed or rolled back
            if self._writer is None:
                self._writer = self._connect(write=True)
            conn = self._writer
            raw = conn.connection.dbapi_connection
            assert raw is not None
            if raw.in_transaction:
                # Left open by a BEGIN on the worker thread whose waiter was cancelled: every
                # later BEGIN would fail.
                log.warning("a write transaction was left open; rolling it back")
                raw.execute("ROLLBACK")
            try:
                raw.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                    raise
                await loop.run_in_executor(self.thread, self._begin_waiting, raw)
            transaction = conn.begin()  # SQLAlchemy's bookkeeping; SQLite's began above
            try:
                result = await work(_SyncFacade(conn, self.prepared))
                transaction.commit()  # may fail too (a full disk): roll back the same way
            except BaseException:
                self._roll_back(conn, transaction)
                self._writer_idle = True
                raise
            self._writer_idle = True
            self._commits += 1
            if self._commits % self.CHECKPOINT_EVERY == 0:
                loop.run_in_executor(self.thread, self._checkpoint)
            return result

    def _roll_back(self, conn: Connection, transaction: Any) -> None:
        """Leave no transaction open after a failed statement or COMMIT: a failed COMMIT
        keeps SQLite's transaction open, and every later BEGIN would fail until restart.
        A connection that cannot even roll back is dropped; the next write opens a new one."""
        raw = conn.connection.dbapi_connection
        try:
            transaction.rollback()  # also detaches a transaction whose COMMIT failed
            if raw is not None and raw.in_transaction:
                raw.execute("ROLLBACK")
        except Exception:
            log.warning("rolling back failed; reopening the write connection", exc_info=True)
            conn.invalidate()
            conn.close()
            self._writer = None

    def close(self) -> None:
        self.thread.shutdown(wait=True)
        for conn in (self._reader, self._writer):
            if conn is not None:
                conn.close()
        self._reader = self._writer = None
        self.reads = _Reads(self)
        self.engine.dispose()


def configure_sqlite(
    engine: Engine, busy_timeout_ms: int, *, write_lock_on_begin: bool = True
) -> None:
    """WAL for concurrent readers, a busy timeout for writers, foreign keys on, and our own
    BEGIN so write transactions take the write lock first (BEGIN IMMEDIATE). The sync
    engine's session begins its transactions itself and needs no "begin" hook (a connection
    event listener also costs SQLAlchemy an event dispatch on every statement)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    if not write_lock_on_begin:
        return

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Reads run in autocommit (each SELECT sees a consistent snapshot on its own), which
        # saves a round trip per read; writes take the write lock up front, unless the
        # session already began the transaction itself (SqliteSession.write).
        if conn.get_execution_options().get("tweetup_write") and not conn.info.get("tweetup_begun"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
