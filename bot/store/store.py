"""The one Store: SQLAlchemy 2 Core, async, on SQLite (aiosqlite) or PostgreSQL (asyncpg).

Concurrency rules live in SQL, not in Python locks, so that several processes can share one
PostgreSQL database: a seat is taken with one conditional UPDATE of the meetup row (which also
serialises every RSVP change of that meetup), a poll closes with a conditional UPDATE, and due
jobs are claimed with UPDATE ... RETURNING (FOR UPDATE SKIP LOCKED on PostgreSQL). On SQLite,
write transactions start with BEGIN IMMEDIATE so that concurrent writers queue on the busy
timeout instead of failing on a lock upgrade.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import uuid
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Mapping,
    Sequence,
)
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import (
    and_,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.domain.community import Community, Member
from bot.domain.jobs import Job, JobSpec
from bot.domain.meetups import Meetup, Status
from bot.domain.polls import Answer, PollOption, Tally, Vote
from bot.domain.rsvps import HOLDS_SEAT, Rsvp, RsvpStatus, offer_deadline, transition
from bot.store import schema as t
from bot.store.feeds import FeedQueries
from bot.store.prepared import Prepared
from bot.store.watcher import WatcherQueries

log = logging.getLogger(__name__)
T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 10_000
RETRY_DELAYS = (0.05, 0.2, 0.8, 1.5)  # seconds between attempts
FEW_ROWS = 16  # up to this many jobs are inserted one prepared statement a row on SQLite
# An inbound event is recorded "started" and marked "done" once answered. A started event
# whose lease (renewed while it runs) ran out belongs to a dead process: a redelivery takes
# it over. Short enough that Slack's retry after a minute finds it so.
EVENT_LEASE = timedelta(seconds=30)
STARTED, DONE = "started", "done"


class StoreUnavailable(Exception):
    """The database could not be reached or stayed locked after retries: try again later."""


@dataclass(frozen=True, slots=True)
class EventMark:
    """What recording an inbound event's key found, and the member's and the community's
    event counts in the current window.

    `new`: this caller handles the event (then marks it done with `finish_event`). Not new:
    the event was handled already, or `in_progress` elsewhere (its lease still holds)."""

    new: bool
    member: int
    community: int
    reused: bool = False  # the key was seen with other content: a different event
    in_progress: bool = False  # recorded, not done, and its lease still holds
    taken_over: bool = False  # recorded, never done, lease over: its handler died


@dataclass(frozen=True, slots=True)
class RsvpOutcome:
    before: RsvpStatus | None
    after: Rsvp
    offered: Rsvp | None  # the first on the waitlist, offered the seat this change freed


@dataclass(frozen=True, slots=True)
class Forgotten:
    counts: dict[str, int]  # rows deleted per kind
    offered: list[Rsvp]  # members offered a seat the forgotten member held


# (meetups, their answers, those members) -> the reminder jobs they should have
ReminderPlan = Callable[[list[Meetup], list[Rsvp], Mapping[str, Member]], list[JobSpec]]


@dataclass(frozen=True, slots=True)
class CardRef:
    channel_id: str
    thread_id: str | None
    message_id: str


def _leads(text: str | None) -> tuple[int, ...] | None:
    if text is None:
        return None
    return tuple(int(x) for x in text.split(",") if x)


def _leads_text(leads: Iterable[int]) -> str:
    return ",".join(str(x) for x in leads)


def _community(row: Row[Any]) -> Community:
    return Community(
        id=row.id,
        platform=row.platform,
        workspace_id=row.workspace_id,
        timezone=row.timezone,
        timezone_settled=bool(row.timezone_settled),
        reminder_leads=_leads(row.reminder_leads) or (),
        remind_maybe=bool(row.remind_maybe),
        who_proposes=row.who_proposes,
        suggest_threshold=row.suggest_threshold,
        suggest_radius_km=row.suggest_radius_km,
        suggest_cooldown_days=row.suggest_cooldown_days,
        offer_hours=row.offer_hours,
    )


def _member(row: Row[Any]) -> Member:
    return Member(
        community_id=row.community_id,
        user_id=row.user_id,
        name=row.name,
        show_name=bool(row.show_name),
        home_city_id=row.home_city_id,
        reminder_leads=_leads(row.reminder_leads),
    )


# Enum members by value: a dict lookup instead of the Enum call (1.8 us), per row read.
_MEETUP_STATUS = {s.value: s for s in Status}
_RSVP_STATUS = {s.value: s for s in RsvpStatus}


def _meetup(row: Row[Any]) -> Meetup:
    return Meetup(
        id=row.id,
        community_id=row.community_id,
        channel_id=row.channel_id,
        thread_id=row.thread_id,
        title=row.title,
        city_id=row.city_id,
        city_label=row.city_label,
        organizer_id=row.organizer_id,
        organizer_name=row.organizer_name,
        status=_MEETUP_STATUS[row.status],
        starts_at=row.starts_at,
        venue=row.venue,
        description=row.description,
        capacity=row.capacity,
        deadline=row.deadline,
        sequence=row.sequence,
        seats_taken=row.seats_taken,
        cancel_reason=row.cancel_reason,
        latitude=row.latitude,
        longitude=row.longitude,
        timezone=row.timezone,
    )


def _rsvp(row: Row[Any]) -> Rsvp:
    return Rsvp(
        meetup_id=row.meetup_id,
        user_id=row.user_id,
        user_name=row.user_name,
        status=_RSVP_STATUS[row.status],
        position=row.position,
        offer_expires_at=row.offer_expires_at,
    )


def _job(row: Row[Any]) -> Job:
    return Job(
        id=row.id,
        kind=row.kind,
        meetup_id=row.meetup_id,
        community_id=row.community_id,
        user_id=row.user_id,
        lead_minutes=row.lead_minutes,
        due_at=row.due_at,
        attempts=row.attempts,
        claim=row.claim_token or "",
    )


_CLAIM = (RsvpStatus.GOING, RsvpStatus.OFFERED)


def _role(row: Row[Any], user_id: str) -> str:
    """How a member relates to a meetup, for `/meetup mine`."""
    roles = ["organizer"] if row.organizer_id == user_id else []
    if row.my_status:
        roles.append(row.my_status)
    elif row.voted is not None and row.status == Status.POLL.value:
        roles.append("voted")
    return ", ".join(roles)


# Faults that pass: a lock held by another process, a full disk being freed, a connection
# refused, reset or closed by a restarting server (SQLSTATE class 08, and 57P01-57P03: admin
# shutdown, crash shutdown, cannot connect now).
_TRANSIENT_WORDS = (
    "locked",
    "disk is full",
    "disk i/o error",
    "connection refused",
    "connection reset",
    "connection was closed",
    "connection is closed",
    "server closed the connection",
    "terminating connection",
    "shutting down",
    "starting up",
)
_TRANSIENT_SQLSTATES = ("08", "57P01", "57P02", "57P03")
DB_ERRORS = (OperationalError, DBAPIError, sqlite3.Error, OSError)
"""What a database call can raise when the database, its disk or the network fails (a
refused or reset connection arrives as an OSError, not wrapped by SQLAlchemy)."""


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, OSError):  # refused, reset, timed out: the server or network is away
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    orig = getattr(exc, "orig", None) or exc
    sqlstate = str(getattr(orig, "sqlstate", None) or "")
    if sqlstate.startswith(_TRANSIENT_SQLSTATES):
        return True
    text = f"{type(orig).__name__} {orig}".lower()
    return "adminshutdown" in text or any(word in text for word in _TRANSIENT_WORDS)


def _unavailable(exc: BaseException) -> StoreUnavailable:
    return StoreUnavailable(str(getattr(exc, "orig", None) or exc)[:200])


class Store(WatcherQueries, FeedQueries):
    def __init__(self, engine: AsyncEngine, sqlite_engine: Engine | None = None) -> None:
        self.engine = engine  # async: migrations, `db copy`, tests; the hot path on PostgreSQL
        self.dialect = engine.dialect.name
        # Same pool; the option tells the "begin" hook to take SQLite's write lock up front.
        self._writer = engine.execution_options(tweetup_write=True)
        # SQLite's hot path: whole operations on a sync connection (see _SqliteSession).
        self._sqlite = _SqliteSession(sqlite_engine) if sqlite_engine is not None else None
        # Statements run on (almost) every inbound event, built once with bind parameters:
        # building a statement costs SQLAlchemy more than running it (measured: 77 us a
        # lookup built each time, 21 us prebuilt), and a prebuilt one keeps its cache key.
        self._q = _hot_statements(self._insert)
        if self._sqlite is not None:
            self._sqlite.prepare(self._q.values())

    # --- lifecycle ------------------------------------------------------------------------

    @classmethod
    def from_url(cls, url: str, **engine_options: Any) -> Store:
        if url.startswith("sqlite"):
            args = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
            engine = create_async_engine(url, connect_args=args, **engine_options)
            _configure_sqlite(engine.sync_engine)
            sync_url = url.replace("sqlite+aiosqlite://", "sqlite+pysqlite://", 1)
            sqlite_engine = create_engine(
                sync_url, connect_args={**args, "check_same_thread": False}, **engine_options
            )
            _configure_sqlite(sqlite_engine, write_lock_on_begin=False)
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
            if not _is_transient(exc):
                raise
            raise _unavailable(exc) from exc

    async def _write(self, work: Callable[[AsyncConnection], Awaitable[T]]) -> T:
        """Run `work` in one write transaction, retried when the database was briefly locked
        or the connection dropped. `work` must do everything inside the transaction, so a
        retry never leaves half an effect behind."""

        async def once() -> T:
            if self._sqlite is not None:
                return await self._sqlite.write(work)  # type: ignore[arg-type]
            async with self._writer.begin() as conn:
                return await work(conn)

        return await self._retried(once)

    async def _retried(self, attempt: Callable[[], Awaitable[T]]) -> T:
        """Run `attempt`, again after a transient fault with backoff (RETRY_DELAYS, about
        2.5 s in all: inside an event's deadline); then StoreUnavailable."""
        for number, delay in enumerate((*RETRY_DELAYS, None), start=1):
            try:
                return await attempt()
            except DB_ERRORS as exc:
                if not _is_transient(exc):
                    raise
                if delay is None:
                    raise _unavailable(exc) from exc
                log.warning(
                    "database unavailable (attempt %d: %s), retrying",
                    number,
                    str(getattr(exc, "orig", None) or exc)[:120],
                )
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    def _insert(self, table: Any) -> Any:
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    # --- inbound idempotency ------------------------------------------------------------------

    async def mark_event(self, key: str, now: datetime, fingerprint: str = "") -> bool:
        """Record an inbound event's key without counting it; False if it was seen before."""
        mark = await self.mark_and_count(
            key, now, timedelta(minutes=1), scope="", user_id="", kind="message",
            fingerprint=fingerprint,
        )
        return mark.new

    async def mark_and_count(
        self,
        key: str,
        now: datetime,
        window: timedelta,
        *,
        scope: str,
        user_id: str,
        kind: str,
        fingerprint: str = "",
        lease: timedelta = EVENT_LEASE,
    ) -> EventMark:
        """Record an inbound event's key as *started* and, unless it is a chat message, count
        it in the current window for the member and the community. The caller marks it done
        (`finish_event`) once it has answered, and renews it (`renew_events`) meanwhile.

        A key seen before with the same fingerprint (or none recorded) is a redelivery: not
        new if it is done or still within its lease (`in_progress`); taken over (new again)
        if it was started more than `lease` ago and never finished, because the process
        handling it died. A key seen before with another fingerprint is a different event
        that reuses the key: it is new (and `reused`), and its fingerprint replaces the old
        one. Of several callers at once, exactly one gets `new`."""
        start = datetime.fromtimestamp(
            now.timestamp() // window.total_seconds() * window.total_seconds(), tz=now.tzinfo
        )
        names = {"scope": scope[:100], "user_id": user_id[:64], "start": start}
        mark = {**names, "key": key[:200], "now": now, "kind": kind[:8],
                "fingerprint": fingerprint[:32], "cutoff": now - lease}

        async def bump(conn: AsyncConnection, who: str) -> int:
            result = await conn.execute(self._q["bump_rate"], {**names, "who": who[:64]})
            return int(result.scalar_one())

        async def work(conn: AsyncConnection) -> EventMark:
            reused = False
            marked = await conn.execute(self._q["mark_event"], mark)
            if not marked.rowcount:  # seen before: rare, so not on the prebuilt path
                again = await self._seen_again(conn, mark)
                if again is not None:
                    return again
                reused = True
            if kind == "message":
                return EventMark(True, 0, 0, reused)
            return EventMark(True, await bump(conn, user_id), await bump(conn, ""), reused)

        return await self._write(work)

    async def _seen_again(self, conn: AsyncConnection, mark: dict[str, Any]) -> EventMark | None:
        """A key already recorded: None if it carried another fingerprint (the row now
        describes this new event, started); else what the redelivery found. Every change is
        a conditional UPDATE, so of several instances at once only one takes the event."""
        pe = t.processed_events
        row = (
            await conn.execute(
                select(pe.c.fingerprint, pe.c.state, pe.c.seen_at).where(pe.c.key == mark["key"])
            )
        ).first()
        if row is None:  # pruned meanwhile: long done
            return EventMark(False, 0, 0)
        this = pe.c.key == mark["key"]
        if row.fingerprint and mark["fingerprint"] and row.fingerprint != mark["fingerprint"]:
            taken = await conn.execute(
                update(pe)
                .where(this, pe.c.fingerprint == row.fingerprint)
                .values(fingerprint=mark["fingerprint"], seen_at=mark["now"], state=STARTED)
            )
            return None if taken.rowcount else EventMark(False, 0, 0)
        if row.state != STARTED:
            return EventMark(False, 0, 0)
        if row.seen_at >= mark["cutoff"]:
            return EventMark(False, 0, 0, in_progress=True)
        taken = await conn.execute(
            update(pe)
            .where(this, pe.c.state == STARTED, pe.c.seen_at < mark["cutoff"])
            .values(seen_at=mark["now"])
        )
        if not taken.rowcount:  # another instance took it over (or finished it) just now
            return EventMark(False, 0, 0, in_progress=True)
        return EventMark(True, 0, 0, taken_over=True)

    async def finish_event(self, key: str) -> None:
        """Mark a started event done: from now on a redelivery of it is a duplicate."""
        await self.finish_events([key])

    async def finish_events(self, keys: Sequence[str]) -> None:
        """Mark started events done, in one transaction."""
        names: dict[str, Any]
        if len(keys) == 1:
            statement, names = self._q["finish_event"], {"event": keys[0][:200]}
        else:
            statement, names = self._q["finish_events"], {"events": [k[:200] for k in keys]}

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(statement, names)

        await self._write(work)

    async def renew_events(self, keys: Iterable[str], now: datetime) -> int:
        """Renew the lease of events still being handled here, so a redelivery meanwhile is
        not taken for a dead handler's event. Returns how many were renewed."""
        pe = t.processed_events
        wanted = [key[:200] for key in keys]
        if not wanted:
            return 0

        async def work(conn: AsyncConnection) -> int:
            result = await conn.execute(
                update(pe)
                .where(pe.c.key.in_(wanted), pe.c.state == STARTED)
                .values(seen_at=now)
            )
            return int(result.rowcount)

        return await self._write(work)

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

    async def prune_events(self, before: datetime) -> int:
        """Forget event keys and rate windows older than `before`."""

        async def work(conn: AsyncConnection) -> int:
            pe, rc = t.processed_events, t.rate_counters
            await conn.execute(delete(rc).where(rc.c.window_start < before))
            return int((await conn.execute(delete(pe).where(pe.c.seen_at < before))).rowcount)

        return await self._write(work)

    # --- communities and members -------------------------------------------------------------

    async def community(
        self, platform: str, workspace_id: str, *, timezone: str, now: datetime
    ) -> Community:
        c = t.communities
        query, names = self._q["community"], {"platform": platform, "workspace": workspace_id}
        async with self._read() as conn:
            row = (await conn.execute(query, names)).first()
        if row is not None and row.removed_at is None:
            return _community(row)

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
            return _community((await conn.execute(query, names)).one())

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
        return _community(row) if row else None

    async def update_community(self, community_id: int, **values: Any) -> Community:
        if "reminder_leads" in values:
            values["reminder_leads"] = _leads_text(values["reminder_leads"])

        async def work(conn: AsyncConnection) -> Community:
            c = t.communities
            row = (
                await conn.execute(
                    update(c).where(c.c.id == community_id).values(**values).returning(c)
                )
            ).one()
            return _community(row)

        return await self._write(work)

    async def member(self, community_id: int, user_id: str) -> Member | None:
        async with self._read() as conn:
            row = (
                await conn.execute(self._q["member"], {"community": community_id, "user": user_id})
            ).first()
        return _member(row) if row else None

    async def save_member(
        self, community_id: int, user_id: str, name: str, now: datetime, **values: Any
    ) -> Member:
        """Create or update a member (the display name is refreshed on each call)."""
        if "reminder_leads" in values and values["reminder_leads"] is not None:
            values["reminder_leads"] = _leads_text(values["reminder_leads"])
        m = t.members

        async def work(conn: AsyncConnection) -> Member:
            if not values:  # a new member, or a new display name: the prebuilt statement
                names = {"community": community_id, "user": user_id, "name": name[:100], "now": now}
                return _member((await conn.execute(self._q["save_member"], names)).one())
            stmt = self._insert(m).values(
                community_id=community_id,
                user_id=user_id,
                name=name[:100],
                created_at=now,
                **values,
            )
            stmt = stmt.on_conflict_do_update(
                index_elements=[m.c.community_id, m.c.user_id],
                set_={"name": name[:100], **values},
            )
            await conn.execute(stmt)
            row = (
                await conn.execute(
                    select(m).where(m.c.community_id == community_id, m.c.user_id == user_id)
                )
            ).one()
            return _member(row)

        return await self._write(work)

    async def members(self, community_id: int, user_ids: Iterable[str]) -> dict[str, Member]:
        ids = list(user_ids)
        if not ids:
            return {}
        async with self._read() as conn:
            rows = (
                await conn.execute(self._q["members"], {"community": community_id, "users": ids})
            ).all()
        return {r.user_id: _member(r) for r in rows}

    async def homes(self, community_id: int) -> list[Member]:
        m = t.members
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(m).where(m.c.community_id == community_id, m.c.home_city_id.is_not(None))
                )
            ).all()
        return [_member(r) for r in rows]

    async def add_trip(
        self,
        community_id: int,
        user_id: str,
        city_id: int,
        first_day: date,
        last_day: date,
        now: datetime,
    ) -> int:
        async def work(conn: AsyncConnection) -> int:
            result = await conn.execute(
                insert(t.trips)
                .values(
                    community_id=community_id,
                    user_id=user_id,
                    city_id=city_id,
                    first_day=first_day,
                    last_day=last_day,
                    created_at=now,
                )
                .returning(t.trips.c.id)
            )
            return int(result.scalar_one())

        return await self._write(work)

    async def trips(self, community_id: int, from_day: date) -> list[tuple[str, int, date, date]]:
        """(user_id, city_id, first_day, last_day) of trips not yet over."""
        tr = t.trips
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(tr.c.user_id, tr.c.city_id, tr.c.first_day, tr.c.last_day)
                    .where(tr.c.community_id == community_id, tr.c.last_day >= from_day)
                    .order_by(tr.c.first_day)
                )
            ).all()
        return [(r.user_id, r.city_id, r.first_day, r.last_day) for r in rows]

    async def trips_with_ids(
        self, community_id: int, user_id: str, from_day: date
    ) -> list[tuple[int, int, date, date]]:
        """(trip id, city id, first day, last day) of the member's trips not yet over."""
        tr = t.trips
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(tr.c.id, tr.c.city_id, tr.c.first_day, tr.c.last_day)
                    .where(
                        tr.c.community_id == community_id,
                        tr.c.user_id == user_id,
                        tr.c.last_day >= from_day,
                    )
                    .order_by(tr.c.first_day, tr.c.id)
                )
            ).all()
        return [(r.id, r.city_id, r.first_day, r.last_day) for r in rows]

    async def remove_trip(self, community_id: int, user_id: str, trip_id: int) -> int | None:
        """Delete the trip if it is this member's in this community; returns its city id."""
        tr = t.trips

        async def work(conn: AsyncConnection) -> int | None:
            row = (
                await conn.execute(
                    delete(tr)
                    .where(
                        tr.c.id == trip_id,
                        tr.c.community_id == community_id,
                        tr.c.user_id == user_id,
                    )
                    .returning(tr.c.city_id)
                )
            ).first()
            return int(row.city_id) if row else None

        return await self._write(work)

    async def forget_member(
        self, community_id: int, user_id: str, now: datetime, offer_hours: int
    ) -> Forgotten:
        """Delete every row about the member in this community. Meetups they organized stay
        for the others, with the organizer anonymised. A seat they hold (going, or offered)
        is passed to the waitlist in the same transaction, so a seat offered to them a moment
        ago is not lost. Returns rows deleted per kind, and who was offered a seat."""

        async def work(conn: AsyncConnection) -> Forgotten:
            offered = await self._release_seats(conn, community_id, user_id, now, offer_hours)
            counts = await self._forget_rows(conn, community_id, user_id)
            return Forgotten(counts, offered)

        return await self._write(work)

    async def _release_seats(
        self,
        conn: AsyncConnection,
        community_id: int,
        user_id: str,
        now: datetime,
        offer_hours: int,
    ) -> list[Rsvp]:
        """Give up every seat the member holds in the community; the members offered them."""
        r, mt = t.rsvps, t.meetups
        meetup_ids = (
            await conn.execute(
                select(r.c.meetup_id)
                .join(mt, mt.c.id == r.c.meetup_id)
                .where(mt.c.community_id == community_id, r.c.user_id == user_id)
                .order_by(r.c.meetup_id)
            )
        ).scalars().all()
        held = (RsvpStatus.GOING.value, RsvpStatus.OFFERED.value)
        offered: list[Rsvp] = []
        for meetup_id in meetup_ids:
            names = {"meetup": meetup_id, "user": user_id}
            # Lock the meetup row first, as every RSVP change does, then read the status.
            head = (await conn.execute(self._q["rsvp_turn"], names)).one()
            row = (await conn.execute(self._q["rsvp"], names)).first()
            if row is None or row.status not in held:
                continue
            await conn.execute(
                update(r)
                .where(r.c.meetup_id == meetup_id, r.c.user_id == user_id)
                .values(status=RsvpStatus.NO.value, offer_expires_at=None, updated_at=now)
            )
            nxt = await self._pass_seat_on(
                conn, meetup_id, now, offer_hours, head.starts_at, exclude=user_id
            )
            if nxt is not None:
                offered.append(nxt)
        return offered

    async def _forget_rows(
        self, conn: AsyncConnection, community_id: int, user_id: str
    ) -> dict[str, int]:
        """Delete the member's rows in the community (see forget_member)."""
        counts: dict[str, int] = {}
        in_community = select(t.meetups.c.id).where(t.meetups.c.community_id == community_id)
        for table, column in t.MEMBER_TABLES:
            cond = table.c[column] == user_id
            if "community_id" in table.c:
                cond = and_(cond, table.c.community_id == community_id)
            elif "meetup_id" in table.c:
                cond = and_(cond, table.c.meetup_id.in_(in_community))
            elif table is t.suggestion_interest:
                cond = and_(
                    cond,
                    table.c.suggestion_id.in_(
                        select(t.suggestions.c.id).where(
                            t.suggestions.c.community_id == community_id
                        )
                    ),
                )
            counts[table.name] = int((await conn.execute(delete(table).where(cond))).rowcount)
        mt = t.meetups
        result = await conn.execute(
            update(mt)
            .where(mt.c.community_id == community_id, mt.c.organizer_id == user_id)
            .values(organizer_id="", organizer_name="a former member")
        )
        counts["meetups_anonymised"] = int(result.rowcount)
        c = t.communities
        scope = (
            await conn.execute(
                select(c.c.platform, c.c.workspace_id).where(c.c.id == community_id)
            )
        ).one()
        pe = t.processed_events
        result = await conn.execute(
            delete(pe).where(
                pe.c.scope == f"{scope.platform}:{scope.workspace_id}",
                pe.c.user_id == user_id,
            )
        )
        counts["processed_events"] = int(result.rowcount)
        rc = t.rate_counters
        await conn.execute(
            delete(rc).where(
                rc.c.scope == f"{scope.platform}:{scope.workspace_id}", rc.c.user_id == user_id
            )
        )
        return counts

    # --- meetups ---------------------------------------------------------------------------------

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
    ) -> Meetup:
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
            return _meetup(row)

        return await self._write(work)

    async def meetup(self, meetup_id: int) -> Meetup | None:
        async with self._read() as conn:
            row = (await conn.execute(self._q["meetup"], {"meetup": meetup_id})).first()
        return _meetup(row) if row else None

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
            return _meetup(row)

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
            return [_meetup(r) for r in (await conn.execute(self._q["upcoming"], names)).all()]

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
        return [(_meetup(row), _role(row, user_id)) for row in rows]

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
                page = (await conn.execute(self._q["page"], names)).all()
                total = int((await conn.execute(self._q["page_total"], names)).scalar_one())
            return [(_meetup(row), "") for row in page], total
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
        return [(_meetup(row), _role(row, user_id) if user_id else "") for row in rows], total

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
            rows = (await conn.execute(self._q["cards"], {"meetup": meetup_id})).all()
        return [CardRef(r.channel_id, r.thread_id, r.message_id) for r in rows]

    async def drop_card(self, meetup_id: int, message_id: str) -> None:
        async def work(conn: AsyncConnection) -> None:
            c = t.cards
            await conn.execute(
                delete(c).where(c.c.meetup_id == meetup_id, c.c.message_id == message_id)
            )

        await self._write(work)

    # --- polls -----------------------------------------------------------------------------------

    async def poll(self, meetup_id: int) -> tuple[list[PollOption], list[Vote]]:
        names = {"meetup": meetup_id}
        async with self._read() as conn:
            options = (await conn.execute(self._q["poll_options"], names)).all()
            votes = (await conn.execute(self._q["votes"], names)).all()
        return (
            [PollOption(o.idx, o.starts_at) for o in options],
            [Vote(x.idx, x.user_id, x.user_name, Answer(x.answer)) for x in votes],
        )

    async def poll_options(self, meetup_id: int) -> list[PollOption]:
        async with self._read() as conn:
            rows = (await conn.execute(self._q["poll_options"], {"meetup": meetup_id})).all()
        return [PollOption(o.idx, o.starts_at) for o in rows]

    async def poll_tally(self, meetup_id: int) -> tuple[list[Tally], int]:
        """Counts per option and answer, and how many members voted, counted in SQL."""
        names = {"meetup": meetup_id}
        async with self._read() as conn:
            options = (await conn.execute(self._q["poll_options"], names)).all()
            rows = (await conn.execute(self._q["tally"], names)).all()
            voters = (await conn.execute(self._q["voters"], names)).scalar_one()
        counts = {(idx, answer): n for idx, answer, n in rows}
        tallies = [
            Tally(
                PollOption(o.idx, o.starts_at), *(counts.get((o.idx, a.value), 0) for a in Answer)
            )
            for o in options
        ]
        return tallies, int(voters)

    async def vote(
        self,
        meetup_id: int,
        option: int,
        user_id: str,
        user_name: str,
        answer: Answer,
        now: datetime,
    ) -> bool:
        """Record one member's answer for one option (replacing theirs). False if the poll is
        no longer open (closed between the click and now)."""

        async def work(conn: AsyncConnection) -> bool:
            # Touch the meetup row first: takes the write lock and sees a concurrent close.
            still_open = await conn.execute(self._q["poll_open"], {"meetup": meetup_id, "now": now})
            if not still_open.rowcount:
                return False
            await conn.execute(
                self._q["save_vote"],
                {
                    "meetup": meetup_id,
                    "option": option,
                    "user": user_id,
                    "name": user_name[:100],
                    "answer": answer.value,
                    "now": now,
                },
            )
            return True

        return await self._write(work)

    async def close_poll(self, meetup_id: int, starts_at: datetime, now: datetime) -> bool:
        """Turn the poll into a scheduled meetup. True only for the one caller that closed it."""
        mt = t.meetups

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(mt)
                .where(mt.c.id == meetup_id, mt.c.status == Status.POLL.value)
                .values(
                    status=Status.SCHEDULED.value,
                    starts_at=starts_at,
                    updated_at=now,
                    sequence=mt.c.sequence + 1,
                )
            )
            return bool(result.rowcount)

        return await self._write(work)

    async def expire_poll(self, meetup_id: int, now: datetime) -> bool:
        """End a poll whose options all passed. True only for the one caller that ended it."""
        mt = t.meetups

        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(mt)
                .where(mt.c.id == meetup_id, mt.c.status == Status.POLL.value)
                .values(status=Status.EXPIRED.value, updated_at=now)
            )
            return bool(result.rowcount)

        return await self._write(work)

    # --- RSVPs -----------------------------------------------------------------------------------

    async def rsvps(self, meetup_id: int) -> list[Rsvp]:
        async with self._read() as conn:
            rows = (await conn.execute(self._q["rsvps"], {"meetup": meetup_id})).all()
        return [_rsvp(x) for x in rows]

    async def rsvp_of(self, meetup_id: int, user_id: str) -> Rsvp | None:
        """One member's answer to a meetup, if any."""
        async with self._read() as conn:
            names = {"meetup": meetup_id, "user": user_id}
            row = (await conn.execute(self._q["rsvp"], names)).first()
        return _rsvp(row) if row else None

    async def rsvps_and_consent(
        self, meetup_id: int, community_id: int
    ) -> tuple[list[Rsvp], frozenset[str]]:
        """The meetup's RSVPs in order, except "can't go" answers (no card, reminder or
        capacity question shows them, and on a popular meetup they are a third of the
        rows), and who of them allows their name to be shown."""
        names = {"meetup": meetup_id, "community": community_id}
        async with self._read() as conn:
            rows = (await conn.execute(self._q["rsvps_consent"], names)).all()
        return [_rsvp(x) for x in rows], frozenset(x.user_id for x in rows if x.show_name)

    async def rsvp(
        self,
        meetup_id: int,
        user_id: str,
        user_name: str,
        requested: RsvpStatus,
        now: datetime,
        offer_hours: int,
    ) -> RsvpOutcome:
        """Apply a member's answer atomically: take a seat if one is free, else join the
        waitlist; giving up a seat offers it to the first on the waitlist."""
        names = {"meetup": meetup_id, "user": user_id}

        async def work(conn: AsyncConnection) -> RsvpOutcome:
            # Lock the meetup row first (every RSVP change of a meetup queues here) and take a
            # click-order number.
            head = (await conn.execute(self._q["rsvp_turn"], names)).one()
            old_row = (await conn.execute(self._q["rsvp"], names)).first()
            old = RsvpStatus(old_row.status) if old_row else None
            step = transition(old, requested)
            status = step.status
            if step.take_seat:
                seat = await conn.execute(self._q["take_seat"], names)
                status = RsvpStatus.GOING if seat.rowcount else RsvpStatus.WAITING
            offered = None
            if step.release_seat:
                offered = await self._pass_seat_on(
                    conn, meetup_id, now, offer_hours, head.starts_at, exclude=user_id
                )
            after = old_row
            if status is not None:
                position = head.rsvp_counter
                if old_row and (status is old or (status, old) == _CLAIM):
                    position = old_row.position  # a claimed offer or a kept waitlist place
                saved = await conn.execute(
                    self._q["save_rsvp"],
                    {
                        **names,
                        "status": status.value,
                        "name": user_name[:100],
                        "position": position,
                        "now": now,
                    },
                )
                after = saved.one()
            if after is None:
                raise AssertionError("an RSVP change without a row")
            return RsvpOutcome(old, _rsvp(after), offered)

        return await self._write(work)

    async def _pass_seat_on(
        self,
        conn: AsyncConnection,
        meetup_id: int,
        now: datetime,
        offer_hours: int,
        starts_at: datetime | None,
        exclude: str | None = None,
    ) -> Rsvp | None:
        """A held seat was freed: offer it to the first on the waitlist, or free it."""
        meetup = {"meetup": meetup_id}
        expires = offer_deadline(now, offer_hours, starts_at)
        first = None
        if expires is not None:  # else too close to the start: the seat is left free
            query = self._q["first_waiting"]
            first = (await conn.execute(query, {**meetup, "exclude": exclude or ""})).first()
        if first is None or expires is None:
            await conn.execute(self._q["free_seat"], meetup)
            return None
        offer = {**meetup, "user": first.user_id, "expires": expires, "now": now}
        return _rsvp((await conn.execute(self._q["offer_seat"], offer)).one())

    async def expire_offer(
        self, meetup_id: int, user_id: str, now: datetime, offer_hours: int
    ) -> tuple[bool, Rsvp | None]:
        """If the member still has not claimed their offered seat, pass it on. Returns whether
        it expired, and who was offered the seat next."""
        mt, r = t.meetups, t.rsvps

        async def work(conn: AsyncConnection) -> tuple[bool, Rsvp | None]:
            head = (
                await conn.execute(
                    update(mt)
                    .where(mt.c.id == meetup_id)
                    .values(rsvp_counter=mt.c.rsvp_counter + 1)
                    .returning(mt.c.starts_at)
                )
            ).one()
            expired = await conn.execute(
                update(r)
                .where(
                    r.c.meetup_id == meetup_id,
                    r.c.user_id == user_id,
                    r.c.status == RsvpStatus.OFFERED.value,
                    r.c.offer_expires_at <= now,
                )
                .values(status=RsvpStatus.NO.value, offer_expires_at=None, updated_at=now)
            )
            if not expired.rowcount:
                return False, None
            return True, await self._pass_seat_on(conn, meetup_id, now, offer_hours, head.starts_at)

        return await self._write(work)

    async def fill_free_seats(self, meetup_id: int, now: datetime, offer_hours: int) -> list[Rsvp]:
        """After capacity grew: offer each free seat to the next on the waitlist."""
        mt, r = t.meetups, t.rsvps

        async def work(conn: AsyncConnection) -> list[Rsvp]:
            head = (
                await conn.execute(
                    update(mt)
                    .where(mt.c.id == meetup_id)
                    .values(rsvp_counter=mt.c.rsvp_counter + 1)
                    .returning(mt.c.capacity, mt.c.seats_taken, mt.c.starts_at)
                )
            ).one()
            free = (head.capacity - head.seats_taken) if head.capacity is not None else 10**9
            expires = offer_deadline(now, offer_hours, head.starts_at)
            if free <= 0 or expires is None:  # near the start, free seats go to who clicks
                return []
            waiting = (
                await conn.execute(
                    select(r.c.user_id)
                    .where(r.c.meetup_id == meetup_id, r.c.status == RsvpStatus.WAITING.value)
                    .order_by(r.c.position)
                    .limit(min(free, 10_000))
                )
            ).all()
            offered = []
            for w in waiting:
                row = (
                    await conn.execute(
                        update(r)
                        .where(r.c.meetup_id == meetup_id, r.c.user_id == w.user_id)
                        .values(
                            status=RsvpStatus.OFFERED.value,
                            offer_expires_at=expires,
                            updated_at=now,
                        )
                        .returning(r)
                    )
                ).one()
                offered.append(_rsvp(row))
            if offered:
                await conn.execute(
                    update(mt)
                    .where(mt.c.id == meetup_id)
                    .values(seats_taken=mt.c.seats_taken + len(offered))
                )
            return offered

        return await self._write(work)

    async def lower_capacity(
        self, meetup_id: int, capacity: int, now: datetime
    ) -> list[tuple[RsvpStatus, Rsvp]]:
        """Set a capacity below the seats taken and move the latest seat holders (going or
        offered) back to the waitlist, keeping their click order (so they wait first). Returns
        each moved member's former status and new row."""
        mt, r = t.meetups, t.rsvps

        async def work(conn: AsyncConnection) -> list[tuple[RsvpStatus, Rsvp]]:
            head = (
                await conn.execute(
                    update(mt)
                    .where(mt.c.id == meetup_id)
                    .values(capacity=capacity, updated_at=now, sequence=mt.c.sequence + 1)
                    .returning(mt.c.seats_taken)
                )
            ).one()
            over = head.seats_taken - capacity
            if over <= 0:
                return []
            holding = r.c.status.in_([s.value for s in HOLDS_SEAT])
            latest = (
                await conn.execute(
                    select(r.c.user_id, r.c.status)
                    .where(r.c.meetup_id == meetup_id, holding)
                    .order_by(r.c.position.desc())
                    .limit(over)
                )
            ).all()
            moved = []
            for row in latest:
                saved = await conn.execute(
                    update(r)
                    .where(r.c.meetup_id == meetup_id, r.c.user_id == row.user_id)
                    .values(status=RsvpStatus.WAITING.value, offer_expires_at=None, updated_at=now)
                    .returning(r)
                )
                moved.append((RsvpStatus(row.status), _rsvp(saved.one())))
            await conn.execute(
                update(mt)
                .where(mt.c.id == meetup_id)
                .values(seats_taken=mt.c.seats_taken - len(moved))
            )
            return moved

        return await self._write(work)

    async def add_jobs(self, specs: Sequence[JobSpec]) -> int:
        """Insert jobs; a job whose key exists already is left as it is."""
        if not specs:
            return 0
        return await self._write(lambda conn: self._insert_jobs(conn, specs))

    async def _insert_jobs(self, conn: AsyncConnection, specs: Sequence[JobSpec]) -> int:
        rows = [
            {
                "job_key": s.key,
                "kind": s.kind,
                "meetup_id": s.meetup_id,
                "community_id": s.community_id,
                "user_id": s.user_id,
                "lead_minutes": s.lead_minutes,
                "due_at": s.due_at,
            }
            for s in specs
        ]
        added = 0
        if self._sqlite is not None and len(rows) <= FEW_ROWS:  # an RSVP's reminders
            for row in rows:  # prepared, one a row: cheaper than SQLAlchemy's batch for a few
                added += len((await conn.execute(self._q["add_job"], row)).all())
            return added
        for start in range(0, len(rows), 500):
            result = await conn.execute(self._q["add_jobs"], rows[start : start + 500])
            added += len(result.all())  # executemany rowcount is not portable
        return added

    def _drop_pending(
        self, meetup_id: int, kinds: Sequence[str], user_id: str | None
    ) -> tuple[Any, dict[str, Any]]:
        names: dict[str, Any] = {"meetup": meetup_id, "kinds": list(kinds)}
        if user_id is None:
            return self._q["drop_jobs"], names
        return self._q["drop_jobs_of"], {**names, "user": user_id}

    async def drop_pending_jobs(
        self, meetup_id: int, kinds: Sequence[str], user_id: str | None = None
    ) -> int:
        stmt, names = self._drop_pending(meetup_id, kinds, user_id)

        async def work(conn: AsyncConnection) -> int:
            return int((await conn.execute(stmt, names)).rowcount)

        return await self._write(work)

    async def replace_pending_jobs(
        self, meetup_id: int, kinds: Sequence[str], user_id: str | None, specs: Sequence[JobSpec]
    ) -> None:
        stmt, names = self._drop_pending(meetup_id, kinds, user_id)

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(stmt, names)
            if specs:
                await self._insert_jobs(conn, specs)

        await self._write(work)

    async def scheduled_page(
        self,
        community_id: int,
        now: datetime,
        after: tuple[datetime, int] | None,
        limit: int,
        user_id: str | None = None,
    ) -> list[tuple[datetime, int]]:
        """(start, id) of the next `limit` scheduled meetups starting after `now`, in start
        order from `after` (keyset paging: each page costs the same however far in); with
        `user_id`, only meetups that member answered."""
        mt, r = t.meetups, t.rsvps
        query = select(mt.c.starts_at, mt.c.id).where(
            mt.c.community_id == community_id,
            mt.c.status == Status.SCHEDULED.value,
            mt.c.starts_at > now,
        )
        if after is not None:  # the plain >= lets the index start at the page's first row
            query = query.where(
                mt.c.starts_at >= after[0], or_(mt.c.starts_at > after[0], mt.c.id > after[1])
            )
        if user_id is not None:
            query = query.join(r, and_(r.c.meetup_id == mt.c.id, r.c.user_id == user_id))
        query = query.order_by(mt.c.starts_at, mt.c.id).limit(limit)
        async with self._read() as conn:
            return [(row.starts_at, row.id) for row in (await conn.execute(query)).all()]

    async def rebuild_reminders(
        self, meetup_ids: Sequence[int], plan: ReminderPlan, user_id: str | None = None
    ) -> list[JobSpec]:
        """In one transaction: lock the meetups (RSVP changes of them queue behind), read
        their answers (one member's, if given) and those members, and replace the pending
        reminders with `plan(meetups, rsvps, members)`. Returns the new jobs."""
        mt, r, j = t.meetups, t.rsvps, t.jobs
        ids = list(meetup_ids)

        async def work(conn: AsyncConnection) -> list[JobSpec]:
            lock = select(mt).where(mt.c.id.in_(ids))
            if self.dialect == "postgresql":  # SQLite: the write lock is already ours
                lock = lock.with_for_update()
            meetups = [_meetup(row) for row in (await conn.execute(lock)).all()]
            answers = select(r).where(r.c.meetup_id.in_(ids))
            # Not `state = ?` as such: with an IN list SQLite would then walk the (state,
            # due_at) index, i.e. every pending job, instead of the meetup_id one (measured:
            # 12 ms a batch of 50 meetups among 60,000 jobs, against 1 ms).
            drop = delete(j).where(
                j.c.meetup_id.in_(ids),
                j.c.kind == "remind",
                func.coalesce(j.c.state, "") == "pending",
            )
            if user_id is not None:
                answers = answers.where(r.c.user_id == user_id)
                drop = drop.where(j.c.user_id == user_id)
            rsvps = [_rsvp(row) for row in (await conn.execute(answers)).all()]
            members: dict[str, Member] = {}
            users = sorted({x.user_id for x in rsvps})
            if meetups and users:
                names = {"community": meetups[0].community_id, "users": users}
                rows = (await conn.execute(self._q["members"], names)).all()
                members = {row.user_id: _member(row) for row in rows}
            specs = plan(meetups, rsvps, members)
            await conn.execute(drop)
            await self._insert_jobs(conn, specs)
            return specs

        return await self._write(work)

    async def wake_times(self, until: datetime) -> list[datetime]:
        """Distinct instants before `until` at which pending jobs fall due, and when claimed
        jobs' leases run out (their sender may have died)."""
        j = t.jobs
        async with self._read() as conn:
            due = (
                (
                    await conn.execute(
                        select(j.c.due_at)
                        .where(j.c.state == "pending", j.c.due_at < until)
                        .distinct()
                    )
                )
                .scalars()
                .all()
            )
            leases = (
                await conn.execute(select(func.min(j.c.lease_until)).where(j.c.state == "claimed"))
            ).scalar()
        times = set(due)
        if leases is not None:  # min() keeps the column's type: an aware UTC instant
            times.add(leases)
        return sorted(times)

    async def claim_due(self, now: datetime, lease: timedelta, limit: int = 200) -> list[Job]:
        """Atomically claim due jobs (and ones whose sender's lease ran out). Each job is
        returned to exactly one caller across every process, with one new claim token
        (`Job.claim`) that the caller shows to renew the lease and to finish the jobs."""
        j = t.jobs
        pick = (
            select(j.c.id)
            .where(
                j.c.due_at <= now,
                or_(j.c.state == "pending", and_(j.c.state == "claimed", j.c.lease_until <= now)),
            )
            .order_by(j.c.due_at, j.c.id)
            .limit(limit)
        )
        if self.dialect == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        token = uuid.uuid4().hex

        async def work(conn: AsyncConnection) -> list[Job]:
            rows = (
                await conn.execute(
                    update(j)
                    .where(j.c.id.in_(pick.scalar_subquery()))
                    .values(
                        state="claimed",
                        lease_until=now + lease,
                        claim_token=token,
                        attempts=j.c.attempts + 1,
                    )
                    .returning(j)
                )
            ).all()
            return sorted((_job(r) for r in rows), key=lambda x: (x.due_at, x.id))

        return await self._write(work)

    async def renew_claim(self, claim: str, now: datetime, lease: timedelta) -> int:
        """Extend the lease of the jobs this claim still holds; the number still held (0: the
        lease ran out and another process claimed them, or they are finished)."""
        j = t.jobs

        async def work(conn: AsyncConnection) -> int:
            result = await conn.execute(
                update(j)
                .where(j.c.claim_token == claim, j.c.state == "claimed")
                .values(lease_until=now + lease)
            )
            return int(result.rowcount)

        return await self._write(work)

    async def finish_job(self, job: Job, outcome: str, now: datetime) -> int:
        return await self.finish_jobs({job.id: outcome}, now, job.claim)

    async def finish_jobs(self, outcomes: Mapping[int, str], now: datetime, claim: str) -> int:
        """Mark delivered jobs done, in one transaction (one UPDATE per distinct outcome), if
        `claim` still holds them (fencing: a process whose lease ran out changes nothing).
        Returns how many were finished."""
        if not outcomes:
            return 0
        j = t.jobs
        by_outcome: dict[str, list[int]] = {}
        for job_id, outcome in outcomes.items():
            by_outcome.setdefault(outcome[:32], []).append(job_id)

        async def work(conn: AsyncConnection) -> int:
            finished = 0
            for outcome, ids in by_outcome.items():
                for start in range(0, len(ids), 500):
                    result = await conn.execute(
                        update(j)
                        .where(
                            j.c.id.in_(ids[start : start + 500]),
                            j.c.claim_token == claim,
                            j.c.state == "claimed",
                        )
                        .values(state="done", done_at=now, outcome=outcome, lease_until=None)
                    )
                    finished += int(result.rowcount)
            return finished

        return await self._write(work)

    async def job_counts(self) -> dict[str, int]:
        j = t.jobs
        async with self._read() as conn:
            rows = (await conn.execute(select(j.c.state, func.count()).group_by(j.c.state))).all()
        return {state: int(n) for state, n in rows}

    # --- the watcher ---------------------------------------------------------------------------

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

    # --- everything about a community (admin export) --------------------------------------------

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


def _hot_statements(insert_for: Callable[[Any], Any]) -> dict[str, Any]:
    pe, rc = t.processed_events, t.rate_counters
    c, m, mt, cd, po, v, r, j = (
        t.communities,
        t.members,
        t.meetups,
        t.cards,
        t.poll_options,
        t.votes,
        t.rsvps,
        t.jobs,
    )
    p = bindparam
    # The row converters (_meetup, _rsvp) never read these instants: the hot reads leave
    # them out rather than parse them (a /meetup list parsed 50 of them for nothing).
    mt_row = [col for col in mt.c if col.name not in ("created_at", "updated_at")]
    r_row = [col for col in r.c if col.name != "updated_at"]
    still_open = (  # open polls and meetups not yet over
        mt.c.community_id == p("community"),
        or_(
            mt.c.status == Status.POLL.value,
            and_(mt.c.status == Status.SCHEDULED.value, mt.c.starts_at >= p("ongoing")),
        ),
    )
    return {
        "community": select(c).where(
            c.c.platform == p("platform"), c.c.workspace_id == p("workspace")
        ),
        "member": select(m).where(m.c.community_id == p("community"), m.c.user_id == p("user")),
        "save_member": insert_for(m)
        .values(community_id=p("community"), user_id=p("user"), name=p("name"), created_at=p("now"))
        .on_conflict_do_update(
            index_elements=[m.c.community_id, m.c.user_id], set_={"name": p("name")}
        )
        .returning(*m.c),
        "members": select(m).where(
            m.c.community_id == p("community"), m.c.user_id.in_(p("users", expanding=True))
        ),
        "meetup": select(*mt_row).where(mt.c.id == p("meetup")),
        "cards": select(cd).where(cd.c.meetup_id == p("meetup")),
        "poll_options": select(po).where(po.c.meetup_id == p("meetup")).order_by(po.c.idx),
        "votes": select(v).where(v.c.meetup_id == p("meetup")).order_by(v.c.updated_at),
        "rsvps": select(*r_row).where(r.c.meetup_id == p("meetup")).order_by(r.c.position),
        "tally": select(v.c.idx, v.c.answer, func.count())
        .where(v.c.meetup_id == p("meetup"))
        .group_by(v.c.idx, v.c.answer),
        "voters": select(func.count(func.distinct(v.c.user_id))).where(
            v.c.meetup_id == p("meetup")
        ),
        "upcoming": select(*mt_row)
        .where(*still_open)
        .order_by(mt.c.starts_at.is_(None), mt.c.starts_at, mt.c.id)
        .limit(p("limit")),
        "page": select(*mt_row)
        .where(*still_open)
        .order_by(mt.c.starts_at.is_(None), mt.c.starts_at, mt.c.id)
        .offset(p("offset"))
        .limit(p("limit")),
        "page_total": select(func.count()).select_from(mt).where(*still_open),
        "drop_jobs": delete(j).where(
            j.c.meetup_id == p("meetup"),
            j.c.kind.in_(p("kinds", expanding=True)),
            j.c.state == "pending",
        ),
        "drop_jobs_of": delete(j).where(
            j.c.meetup_id == p("meetup"),
            j.c.kind.in_(p("kinds", expanding=True)),
            j.c.state == "pending",
            j.c.user_id == p("user"),
        ),
        "add_jobs": insert_for(j).on_conflict_do_nothing().returning(j.c.id),
        "add_job": insert_for(j)
        .values(
            {
                name: p(name)
                for name in (
                    "job_key", "kind", "meetup_id", "community_id", "user_id", "lead_minutes",
                    "due_at",
                )
            }
        )
        .on_conflict_do_nothing()
        .returning(j.c.id),
        "mark_event": insert_for(pe)
        .values(
            key=p("key"),
            seen_at=p("now"),
            scope=p("scope"),
            user_id=p("user_id"),
            kind=p("kind"),
            fingerprint=p("fingerprint"),
            state=STARTED,
        )
        .on_conflict_do_nothing(),
        "finish_event": update(pe).where(pe.c.key == p("event")).values(state=DONE),
        "finish_events": update(pe)
        .where(pe.c.key.in_(p("events", expanding=True)))
        .values(state=DONE),
        "bump_rate": insert_for(rc)
        .values(scope=p("scope"), user_id=p("who"), window_start=p("start"), n=1)
        .on_conflict_do_update(
            index_elements=[rc.c.scope, rc.c.user_id, rc.c.window_start],
            set_={"n": rc.c.n + 1},
        )
        .returning(rc.c.n),
        "rsvp": select(*r_row).where(r.c.meetup_id == p("meetup"), r.c.user_id == p("user")),
        "rsvps_consent": select(*r_row, m.c.show_name)
        .select_from(
            r.outerjoin(m, and_(m.c.community_id == p("community"), m.c.user_id == r.c.user_id))
        )
        .where(r.c.meetup_id == p("meetup"), r.c.status != RsvpStatus.NO.value)
        .order_by(r.c.position),
        "rsvp_turn": update(mt)
        .where(mt.c.id == p("meetup"))
        .values(rsvp_counter=mt.c.rsvp_counter + 1)
        .returning(mt.c.rsvp_counter, mt.c.capacity, mt.c.starts_at),
        "first_waiting": select(*r_row)
        .where(
            r.c.meetup_id == p("meetup"),
            r.c.status == RsvpStatus.WAITING.value,
            r.c.user_id != p("exclude"),  # "": nobody (user ids are never empty)
        )
        .order_by(r.c.position)
        .limit(1),
        "free_seat": update(mt)
        .where(mt.c.id == p("meetup"), mt.c.seats_taken > 0)
        .values(seats_taken=mt.c.seats_taken - 1),
        "offer_seat": update(r)
        .where(r.c.meetup_id == p("meetup"), r.c.user_id == p("user"))
        .values(
            status=RsvpStatus.OFFERED.value, offer_expires_at=p("expires"), updated_at=p("now")
        )
        .returning(r),
        "take_seat": update(mt)
        .where(
            mt.c.id == p("meetup"),
            or_(mt.c.capacity.is_(None), mt.c.seats_taken < mt.c.capacity),
        )
        .values(seats_taken=mt.c.seats_taken + 1),
        "save_rsvp": insert_for(r)
        .values(
            meetup_id=p("meetup"),
            user_id=p("user"),
            status=p("status"),
            user_name=p("name"),
            position=p("position"),
            offer_expires_at=None,
            updated_at=p("now"),
        )
        .on_conflict_do_update(
            index_elements=[r.c.meetup_id, r.c.user_id],
            set_={
                "status": p("status"),
                "user_name": p("name"),
                "position": p("position"),
                "offer_expires_at": None,
                "updated_at": p("now"),
            },
        )
        .returning(*r.c),
        "poll_open": update(mt)
        .where(mt.c.id == p("meetup"), mt.c.status == Status.POLL.value)
        .values(updated_at=p("now")),
        "save_vote": insert_for(v)
        .values(
            meetup_id=p("meetup"),
            idx=p("option"),
            user_id=p("user"),
            user_name=p("name"),
            answer=p("answer"),
            updated_at=p("now"),
        )
        .on_conflict_do_update(
            index_elements=[v.c.meetup_id, v.c.idx, v.c.user_id],
            set_={"answer": p("answer"), "updated_at": p("now"), "user_name": p("name")},
        ),
    }


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

    def __init__(self, session: _SqliteSession) -> None:
        super().__init__(session.reader(), session.prepared)
        self._session = session

    async def execute(self, statement: Any, parameters: Any = None) -> Any:
        fast = self._prepared.get(id(statement))
        writer = self._session.idle_writer()
        if writer is not None and fast is not None and fast.statement is statement:
            try:
                return fast.run(writer, parameters)
            except OperationalError as exc:
                if not _is_transient(exc):
                    raise
                # The write connection never waits for a lock; the read connection does.
        return await super().execute(statement, parameters)


class _Reads:
    """`async with store._read()` on SQLite: the read facade, and a transient fault during
    the read raised as StoreUnavailable."""

    def __init__(self, session: _SqliteSession) -> None:
        self._session = session
        self._facade: _ReadFacade | None = None

    async def __aenter__(self) -> AsyncConnection:
        if self._facade is None:
            try:
                self._facade = _ReadFacade(self._session)
            except DB_ERRORS as exc:
                if not _is_transient(exc):
                    raise
                raise _unavailable(exc) from exc
        return self._facade  # type: ignore[return-value]  # speaks AsyncConnection.execute

    async def __aexit__(self, kind: object, exc: BaseException | None, tb: object) -> bool:
        if isinstance(exc, DB_ERRORS) and _is_transient(exc):
            raise _unavailable(exc) from exc
        return False


class _SqliteSession:
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

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
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
        raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
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


def _configure_sqlite(engine: Engine, *, write_lock_on_begin: bool = True) -> None:
    """WAL for concurrent readers, a busy timeout for writers, foreign keys on, and our own
    BEGIN so write transactions take the write lock first (BEGIN IMMEDIATE). The sync
    engine's session begins its transactions itself and needs no "begin" hook (a connection
    event listener also costs SQLAlchemy an event dispatch on every statement)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
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
        # session already began the transaction itself (_SqliteSession.write).
        if conn.get_execution_options().get("tweetup_write") and not conn.info.get("tweetup_begun"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
