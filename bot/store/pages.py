"""Store queries of the public meetup pages (bot/web/pages.py): page tokens and what a page
shows.

A mixin of the one Store (bot/store/store.py), like feeds.py. A page request costs one
indexed read (`page_state`: the token, its meetup and community, and the counts a page's
version is made of); the names of members going are read (`page_going`) only when that
version is not the one rendered last.
"""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, bindparam, case, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.meetups import Meetup, Status
from bot.domain.rsvps import RsvpStatus
from bot.store import schema as t
from bot.store.base import Queries
from bot.store.rows import meetup_row

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 22  # 62**22: 130 random bits
_TOKEN = re.compile(f"[A-Za-z0-9]{{{TOKEN_LENGTH}}}")


def new_page_token() -> str:
    """A fresh page token: random, so a page's address reveals neither the meetup id nor how
    many meetups exist. Letters and digits only (no chat markup touches a link)."""
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def is_page_token(text: str) -> bool:
    """Whether `text` can be a page token at all (checked before any query).

    >>> is_page_token("a" * 22), is_page_token("a" * 21), is_page_token("../" + "a" * 19)
    (True, False, False)
    """
    return _TOKEN.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class PageState:
    """What a page request needs before deciding whether to render: which meetup, the
    community's settings the page shows, and what changes with every edit or answer (the
    meetup itself is read only to render)."""

    meetup_id: int
    community_id: int
    status: str
    starts_at: datetime | None
    sequence: int
    token: str
    platform: str
    community_zone: str
    invite_url: str
    updated_at: datetime
    rsvp_counter: int
    going: int
    shown: int  # of those going, how many allow their name
    answers_changed: datetime | None


@dataclass(frozen=True, slots=True)
class UpcomingPage:
    meetup: Meetup
    token: str


_STATE: list[Select[Any]] = []


def _state_query() -> Select[Any]:
    """Built once with a bound token (building a statement costs more than running it)."""
    if _STATE:
        return _STATE[0]
    p, m, c, r, mb = t.meetup_pages, t.meetups, t.communities, t.rsvps, t.members
    # One pass over the meetup's Going answers (index meetup_id, status) and their members.
    going = and_(r.c.meetup_id == m.c.id, r.c.status == RsvpStatus.GOING.value)
    member = and_(mb.c.community_id == m.c.community_id, mb.c.user_id == r.c.user_id)
    query = (
        select(
            m.c.id,
            m.c.community_id,
            m.c.status,
            m.c.starts_at,
            m.c.sequence,
            m.c.updated_at,
            m.c.rsvp_counter,
            p.c.token,
            c.c.platform,
            c.c.timezone.label("community_zone"),
            c.c.invite_url,
            func.count(r.c.user_id).label("going"),
            func.coalesce(func.sum(case((mb.c.show_name.is_(True), 1), else_=0)), 0)
            .label("shown"),
            func.max(r.c.updated_at).label("answers_changed"),
        )
        .select_from(
            p.join(m, m.c.id == p.c.meetup_id)
            .join(c, c.c.id == m.c.community_id)
            .outerjoin(r, going)
            .outerjoin(mb, member)
        )
        .where(
            p.c.token == bindparam("token"),
            c.c.public_pages.is_(True),
            c.c.removed_at.is_(None),
        )
        .group_by(m.c.id, c.c.id, p.c.meetup_id)  # primary keys: every column is determined
    )
    _STATE.append(query)
    return query


class PageQueries(Queries):
    _pages_prepared: bool = False

    def _page_state_query(self) -> Select[Any]:
        query = _state_query()
        if not self._pages_prepared:
            if self._sqlite is not None:  # compiled once and run on the driver
                self._sqlite.prepare([query])
            self._pages_prepared = True
        return query

    async def page_token(self, meetup_id: int, now: datetime) -> str:
        """The meetup's page token, made on first use."""
        return (await self.page_tokens([meetup_id], now))[meetup_id]

    async def page_tokens(self, meetup_ids: Sequence[int], now: datetime) -> dict[int, str]:
        """Page tokens of these meetups, made where missing (one write only then)."""
        p = t.meetup_pages
        wanted = list(dict.fromkeys(meetup_ids))
        if not wanted:
            return {}
        query = select(p.c.meetup_id, p.c.token).where(p.c.meetup_id.in_(wanted))
        async with self._read() as conn:
            found = {row.meetup_id: row.token for row in (await conn.execute(query)).all()}
        missing = [i for i in wanted if i not in found]
        if not missing:
            return found

        async def work(conn: AsyncConnection) -> dict[int, str]:
            rows = [{"meetup_id": i, "token": new_page_token(), "created_at": now}
                    for i in missing]
            await conn.execute(
                self._insert(p).values(rows).on_conflict_do_nothing(index_elements=[p.c.meetup_id])
            )
            # Another request may have made one first: the stored one wins.
            return {row.meetup_id: row.token for row in (await conn.execute(query)).all()}

        return await self._write(work)

    async def page_state(self, token: str) -> PageState | None:
        """The page a token opens; None for an unknown token or a community whose pages are
        off (the caller answers both with the same 404)."""
        async with self._read() as conn:
            row = (await conn.execute(self._page_state_query(), {"token": token})).first()
        if row is None:
            return None
        return PageState(
            meetup_id=row.id,
            community_id=row.community_id,
            status=row.status,
            starts_at=row.starts_at,
            sequence=int(row.sequence),
            token=row.token,
            platform=row.platform,
            community_zone=row.community_zone,
            invite_url=row.invite_url,
            updated_at=row.updated_at,
            rsvp_counter=int(row.rsvp_counter),
            going=int(row.going),
            shown=int(row.shown),
            answers_changed=row.answers_changed,
        )

    async def page_going(self, meetup_id: int, community_id: int) -> tuple[int, list[str]]:
        """How many are going, and the names of those of them who allow their name (in click
        order)."""
        r, mb = t.rsvps, t.members
        query = (
            select(r.c.user_name, mb.c.show_name)
            .select_from(r.outerjoin(mb, and_(mb.c.user_id == r.c.user_id,
                                              mb.c.community_id == community_id)))
            .where(r.c.meetup_id == meetup_id, r.c.status == RsvpStatus.GOING.value)
            .order_by(r.c.position)
        )
        async with self._read() as conn:
            rows = (await conn.execute(query)).all()
        return len(rows), [row.user_name for row in rows if row.show_name]

    async def upcoming_pages(
        self, community_id: int, now: datetime, limit: int = 5
    ) -> list[UpcomingPage]:
        """The community's next scheduled meetups with their page tokens (made if missing)."""
        m = t.meetups
        query = (
            select(m)
            .where(
                m.c.community_id == community_id,
                m.c.status == Status.SCHEDULED.value,
                m.c.starts_at > now,
            )
            .order_by(m.c.starts_at)
            .limit(limit)
        )
        async with self._read() as conn:
            meetups = [meetup_row(row) for row in (await conn.execute(query)).all()]
        tokens = await self.page_tokens([x.id for x in meetups], now)
        return [UpcomingPage(x, tokens[x.id]) for x in meetups]
