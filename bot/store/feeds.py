"""Store queries of the calendar feeds (bot/web/feeds.py): secret addresses and what a feed
shows.

A mixin of the one Store (bot/store/store.py), like watcher.py: it uses the Store's `_read`,
`_write` and `_insert` helpers, so it shares the engine, transactions and retry rules.

A feed request costs two or three indexed reads (`feed_state`): the address and its community,
then the feed's version (the community's latest change, of its meetups and of its series; a
member's answers). The feed itself
is read (`feed_meetups`) only when that version is not the one rendered last.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import BindParameter, Select, and_, bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.meetups import Meetup, Status
from bot.domain.rsvps import RsvpStatus
from bot.domain.series import Series, SeriesDate
from bot.store import schema as t
from bot.store.base import Queries
from bot.store.rows import meetup_row
from bot.store.series import series_row

T = TypeVar("T")

COMMUNITY_FEED = ""  # the user_id of a community's own feed
TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 32  # 62**32: 190 random bits


def new_token() -> str:
    """A fresh feed token: random, and nothing in it names a member or community. Letters and
    digits only, so no platform's markup (Discord's and Slack's `_`, `-`) touches a link."""
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed request needs before deciding whether to render: whose feed, in which
    community, and its version. Any edit, cancellation or answer changes the version."""

    community_id: int
    user_id: str  # COMMUNITY_FEED for the community's feed
    platform: str
    timezone: str
    meetups_changed: datetime | None  # max(meetups.updated_at) in the community
    meetups_latest: tuple[int, int, int]  # of the meetups changed then: count, sum(sequence),
    # how many have a date
    answers_changed: datetime | None  # max(rsvps.updated_at) of the member there (member feeds)
    answer_count: int
    answer_turns: int  # sum of rsvp_counter of the meetups the member answered
    series_changed: datetime | None  # max(series.updated_at) in the community
    series_latest: tuple[int, int, int]  # its series: count, sum(sequence),
    # how many dates have a meetup (a date's UID, RECURRENCE-ID and SEQUENCE come from them)

    @property
    def is_community(self) -> bool:
        return self.user_id == COMMUNITY_FEED

    @property
    def changed(self) -> datetime | None:
        """The last change the feed can show (its Last-Modified)."""
        changes = (self.meetups_changed, self.answers_changed, self.series_changed)
        instants = [i for i in changes if i is not None]
        return max(instants) if instants else None


@dataclass(frozen=True, slots=True)
class _Queries:
    feed: Select[Any]
    meetups: Select[Any]
    answers: Select[Any]
    series: Select[Any]
    token: Select[Any]


_QUERIES: list[_Queries] = []


def _queries() -> _Queries:
    """The per-request reads, built once with bound parameters (building a statement costs
    SQLAlchemy more than running it). Each version is one pass over an index: the community's
    meetups (community_id, updated_at, sequence), a member's answers (user_id)."""
    if _QUERIES:
        return _QUERIES[0]
    f, c, mt, r = t.calendar_feeds, t.communities, t.meetups, t.rsvps
    feed = (
        select(f.c.community_id, f.c.user_id, c.c.platform, c.c.timezone)
        .select_from(f.join(c, c.c.id == f.c.community_id))
        .where(f.c.token == bindparam("token"), c.c.removed_at.is_(None))
    )
    # The community's version: its latest change (max(updated_at), from the index alone) and
    # what the meetups changed at that instant hold (usually one row), so two changes in the
    # same instant still give another version: an edit bumps sequence, a closed poll gets
    # starts_at. Meetups are deleted only with their community (and its feeds).
    community: BindParameter[int] = bindparam("community")
    latest = select(func.max(mt.c.updated_at)).where(mt.c.community_id == community)
    meetups = select(
        func.max(mt.c.updated_at),
        func.count(),
        func.coalesce(func.sum(mt.c.sequence), 0),
        func.count(mt.c.starts_at),
    ).where(mt.c.community_id == community, mt.c.updated_at == latest.scalar_subquery())
    # every RSVP change bumps its meetup's rsvp_counter: two changes of the member's answers
    # in the same instant still give another version
    answers = (
        select(
            func.max(r.c.updated_at),
            func.count(),
            func.coalesce(func.sum(mt.c.rsvp_counter), 0),
        )
        .select_from(r.join(mt, mt.c.id == r.c.meetup_id))
        .where(r.c.user_id == bindparam("user"), mt.c.community_id == bindparam("community"))
    )
    # a series edit (SEQUENCE) or a date linked to its meetup changes how the feed shows
    # that series' dates
    s, d = t.series, t.series_dates
    linked = (
        select(func.count(d.c.meetup_id))
        .select_from(d.join(s, s.c.id == d.c.series_id))
        .where(s.c.community_id == community)
    )
    series = select(
        func.max(s.c.updated_at),
        func.count(),
        func.coalesce(func.sum(s.c.sequence), 0),
        linked.scalar_subquery(),
    ).where(s.c.community_id == community)
    token = select(f.c.token).where(
        f.c.community_id == bindparam("community"), f.c.user_id == bindparam("user")
    )
    _QUERIES.append(
        _Queries(feed=feed, meetups=meetups, answers=answers, series=series, token=token)
    )
    return _QUERIES[0]


class FeedQueries(Queries):
    _feeds_prepared: bool = False

    def _feed_queries(self) -> _Queries:
        queries = _queries()
        if not self._feeds_prepared:
            # On SQLite: compiled once and run on the driver, like the store's hot statements.
            if self._sqlite is not None:
                self._sqlite.prepare(
                    [queries.feed, queries.meetups, queries.answers, queries.series,
                     queries.token]
                )
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
        queries = self._feed_queries()
        async with self._read() as conn:
            found = (await conn.execute(queries.feed, {"token": token})).first()
            if found is None:
                return None
            names = {"community": found.community_id, "user": found.user_id}
            latest = tuple((await conn.execute(queries.meetups, names)).one())
            series = tuple((await conn.execute(queries.series, names)).one())
            answers: tuple[Any, ...] = (None, 0, 0)
            if found.user_id != COMMUNITY_FEED:
                answers = tuple((await conn.execute(queries.answers, names)).one())
        return FeedState(
            community_id=found.community_id,
            user_id=found.user_id,
            platform=found.platform,
            timezone=found.timezone,
            meetups_changed=latest[0],
            meetups_latest=(int(latest[1]), int(latest[2]), int(latest[3])),
            answers_changed=answers[0],
            answer_count=int(answers[1]),
            answer_turns=int(answers[2]),
            series_changed=series[0],
            series_latest=(int(series[1]), int(series[2]), int(series[3])),
        )

    async def feed_meetups(self, state: FeedState, since: datetime) -> list[Meetup]:
        """What the feed shows: the community's dated meetups (scheduled or cancelled)
        starting from `since`, or, for a member's feed, those of them the member is going
        to; soonest first."""

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
            return [meetup_row(row) for row in (await conn.execute(query)).all()]

    async def feed_series(
        self, state: FeedState, since: datetime
    ) -> dict[int, tuple[Series, SeriesDate]]:
        """The series and date of the feed's meetups that are dates of a series, by meetup
        id (`series_of_meetup` for a whole feed, in one read)."""
        s, d, mt = t.series, t.series_dates, t.meetups
        query = (
            select(s, d.c.starts_at.label("date"), d.c.meetup_id, d.c.skipped)
            .select_from(d.join(s, s.c.id == d.c.series_id).join(mt, mt.c.id == d.c.meetup_id))
            .where(mt.c.community_id == state.community_id, mt.c.starts_at >= since)
        )
        async with self._read() as conn:
            rows = (await conn.execute(query)).all()
        return {
            r.meetup_id: (series_row(r), SeriesDate(r.date, r.meetup_id, bool(r.skipped)))
            for r in rows
        }


def _row(community_id: int, user_id: str, now: datetime) -> dict[str, Any]:
    return {
        "token": new_token(),
        "community_id": community_id,
        "user_id": user_id,
        "created_at": now,
    }
