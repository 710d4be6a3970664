"""Store queries of the calendar feeds (bot/web/feeds.py): secret addresses and what a feed
shows.

A mixin of the one Store (bot/store/store.py), like watcher.py: it uses the Store's `_read`,
`_write` and `_insert` helpers, so it shares the engine, transactions and retry rules.

A feed request costs one indexed read (`feed_state`): the address, its community, and the
feed's version (max(updated_at) and the number of rows it depends on). The feed itself is
read (`feed_meetups`) only when that version is not the one rendered last.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, and_, bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.meetups import Meetup, Status
from bot.domain.rsvps import RsvpStatus
from bot.store import schema as t

T = TypeVar("T")

COMMUNITY_FEED = ""  # the user_id of a community's own feed
TOKEN_BYTES = 24  # 32 URL-safe characters: 192 random bits


def new_token() -> str:
    """A fresh feed token: random, URL-safe, and nothing in it names a member or community."""
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed request needs before deciding whether to render: whose feed, in which
    community, and its version. Any edit, cancellation or answer changes the version."""

    community_id: int
    user_id: str  # COMMUNITY_FEED for the community's feed
    platform: str
    timezone: str
    meetups_changed: datetime | None  # max(meetups.updated_at) in the community
    meetup_count: int
    meetup_edits: int  # sum of the community's meetups' SEQUENCE
    answers_changed: datetime | None  # max(rsvps.updated_at) of the member there (member feeds)
    answer_count: int
    answer_turns: int = 0  # sum of rsvp_counter of the meetups the member answered

    @property
    def is_community(self) -> bool:
        return self.user_id == COMMUNITY_FEED

    @property
    def changed(self) -> datetime | None:
        """The last change the feed can show (its Last-Modified)."""
        instants = [i for i in (self.meetups_changed, self.answers_changed) if i is not None]
        return max(instants) if instants else None


@dataclass(frozen=True, slots=True)
class _Queries:
    state: Select[Any]
    token: Select[Any]


_QUERIES: list[_Queries] = []


def _queries() -> _Queries:
    """The per-request reads, built once with bound parameters (building a statement costs
    SQLAlchemy more than running it)."""
    if _QUERIES:
        return _QUERIES[0]
    f, c, mt, r = t.calendar_feeds, t.communities, t.meetups, t.rsvps
    community_meetups = mt.c.community_id == f.c.community_id
    answers = (
        select(func.max(r.c.updated_at), func.count())
        .select_from(r.join(mt, mt.c.id == r.c.meetup_id))
        .where(r.c.user_id == f.c.user_id, community_meetups)
    )
    state = (
        select(
            f.c.community_id,
            f.c.user_id,
            c.c.platform,
            c.c.timezone,
            select(func.max(mt.c.updated_at)).where(community_meetups)
            .scalar_subquery().label("meetups_changed"),
            select(func.count()).select_from(mt).where(community_meetups)
            .scalar_subquery().label("meetup_count"),
            # every edit bumps a meetup's sequence: two edits in the same instant still give
            # another version (an index-only sum, see schema.meetups)
            select(func.coalesce(func.sum(mt.c.sequence), 0)).where(community_meetups)
            .scalar_subquery().label("meetup_edits"),
            answers.with_only_columns(func.max(r.c.updated_at))
            .scalar_subquery().label("answers_changed"),
            answers.with_only_columns(func.count())
            .scalar_subquery().label("answer_count"),
            # every RSVP change bumps its meetup's rsvp_counter: two changes of the member's
            # answers in the same instant still give another version
            answers.with_only_columns(func.coalesce(func.sum(mt.c.rsvp_counter), 0))
            .scalar_subquery().label("answer_turns"),
        )
        .select_from(f.join(c, c.c.id == f.c.community_id))
        .where(f.c.token == bindparam("token"), c.c.removed_at.is_(None))
    )
    token = select(f.c.token).where(
        f.c.community_id == bindparam("community"), f.c.user_id == bindparam("user")
    )
    _QUERIES.append(_Queries(state=state, token=token))
    return _QUERIES[0]


class FeedQueries:
    if TYPE_CHECKING:
        dialect: str

        def _read(self) -> AbstractAsyncContextManager[AsyncConnection]: ...

        async def _write(self, work: Callable[[AsyncConnection], Awaitable[T]]) -> T: ...

        def _insert(self, table: Any) -> Any: ...

    _feeds_prepared: bool = False

    def _feed_queries(self) -> _Queries:
        queries = _queries()
        if not self._feeds_prepared:
            # On SQLite: compiled once and run on the driver, like the store's hot statements.
            session = getattr(self, "_sqlite", None)
            if session is not None:
                session.prepare([queries.state, queries.token])
            self._feeds_prepared = True
        return queries

    async def feed_token(self, community_id: int, user_id: str, now: datetime) -> str:
        """The feed's token, made on first use (`user_id` COMMUNITY_FEED: the community's)."""
        names = {"community": community_id, "user": user_id}
        async with self._read() as conn:
            found = (await conn.execute(self._feed_queries().token, names)).scalar()
        if found is not None:
            return str(found)

        async def work(conn: AsyncConnection) -> str:
            f = t.calendar_feeds
            row = {**_row(community_id, user_id, now)}
            await conn.execute(
                self._insert(f).values(**row).on_conflict_do_nothing(
                    index_elements=[f.c.community_id, f.c.user_id]
                )
            )
            # Another request may have made it first: the stored one wins.
            return str((await conn.execute(self._feed_queries().token, names)).scalar_one())

        return await self._write(work)

    async def reset_feed_token(self, community_id: int, user_id: str, now: datetime) -> str:
        """Revoke the feed's address and give it a new one, in one transaction: from the
        commit on, the old URL finds no row (404)."""
        f = t.calendar_feeds

        async def work(conn: AsyncConnection) -> str:
            await conn.execute(
                delete(f).where(f.c.community_id == community_id, f.c.user_id == user_id)
            )
            row = _row(community_id, user_id, now)
            await conn.execute(self._insert(f).values(**row))
            return str(row["token"])

        return await self._write(work)

    async def has_feed(self, community_id: int, user_id: str) -> bool:
        names = {"community": community_id, "user": user_id}
        async with self._read() as conn:
            return (await conn.execute(self._feed_queries().token, names)).first() is not None

    async def feed_state(self, token: str) -> FeedState | None:
        """The feed a token opens, with its version; None for an unknown or revoked token,
        or a community that removed the bot."""
        async with self._read() as conn:
            row = (await conn.execute(self._feed_queries().state, {"token": token})).first()
        if row is None:
            return None
        return FeedState(
            community_id=row.community_id,
            user_id=row.user_id,
            platform=row.platform,
            timezone=row.timezone,
            meetups_changed=row.meetups_changed,
            meetup_count=row.meetup_count,
            meetup_edits=int(row.meetup_edits or 0),
            answers_changed=row.answers_changed if row.user_id else None,
            answer_count=row.answer_count if row.user_id else 0,
            answer_turns=int(row.answer_turns or 0) if row.user_id else 0,
        )

    async def feed_meetups(self, state: FeedState, since: datetime) -> list[Meetup]:
        """What the feed shows: the community's dated meetups (scheduled or cancelled)
        starting from `since`, or, for a member's feed, those of them the member is going
        to; soonest first."""
        from bot.store.store import _meetup  # the Store's row converter (store imports us)

        mt, r = t.meetups, t.rsvps
        query = (
            select(mt)
            .where(
                mt.c.community_id == state.community_id,
                mt.c.status.in_((Status.SCHEDULED.value, Status.CANCELLED.value)),
                mt.c.starts_at.is_not(None),
                mt.c.starts_at >= since,
            )
            .order_by(mt.c.starts_at, mt.c.id)
        )
        if not state.is_community:
            query = query.join(
                r,
                and_(
                    r.c.meetup_id == mt.c.id,
                    r.c.user_id == state.user_id,
                    r.c.status == RsvpStatus.GOING.value,
                ),
            )
        async with self._read() as conn:
            return [_meetup(row) for row in (await conn.execute(query)).all()]


def _row(community_id: int, user_id: str, now: datetime) -> dict[str, Any]:
    return {
        "token": new_token(),
        "community_id": community_id,
        "user_id": user_id,
        "created_at": now,
    }
