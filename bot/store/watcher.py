"""Store queries of the discussion watcher (questions, answers, suggestions).

A mixin of the one Store (bot/store/store.py), a `bot.store.base.Queries` like the others: it
uses the Store's `_read`, `_write` and `_insert` helpers, so it shares the engine, transactions
and retry rules.

Decisions read only the rows around one place: homes are counted per city in SQL for the
few hundred gazetteer cities near the change, so a decision costs the same in a community of
ten members or a hundred thousand. Rules that must hold across processes are checked inside
one write transaction that first locks a row (the member, the community or the suggestion;
SQLite's BEGIN IMMEDIATE serialises writers anyway, PostgreSQL takes the row lock), so two
processes can never both ask the same question or both post a suggestion for the same area.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    Select,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.suggestions import Asked, PastSuggestion, PlannedMeetup, TripStay
from bot.store import schema as t
from bot.store.base import Queries

IN_LIMIT = 900  # longer city lists count every home of the community instead
MEETUP_ONGOING = timedelta(hours=2)


@dataclass(frozen=True, slots=True)
class PlaceQuestion:
    id: int
    community_id: int
    user_id: str
    city_id: int
    kind: str  # home | trip
    first_day: date | None
    last_day: date | None
    asked_at: datetime
    answer: str | None  # None while pending; yes | no | never
    channel_id: str | None = None  # where the statement was made


@dataclass(frozen=True, slots=True)
class AnswerOutcome:
    question: PlaceQuestion  # as stored after the click
    applied: bool  # False: it had been answered already (question.answer says how)
    trip_added: bool = False


@dataclass(frozen=True, slots=True)
class Surroundings:
    homes: dict[int, int]  # city id -> members whose home it is
    suggestions: list[PastSuggestion]
    meetups: list[PlannedMeetup]


@dataclass(frozen=True, slots=True)
class _Queries:
    homes: Select[Any]
    all_homes: Select[Any]
    suggestions: Select[Any]
    all_suggestions: Select[Any]
    meetups: Select[Any]
    trips: Select[Any]
    all_trips: Select[Any]


_QUERIES: list[_Queries] = []


def _queries() -> _Queries:
    """The decision's reads, built once with bound parameters (building SQLAlchemy
    statements costs more than running these indexed queries)."""
    if _QUERIES:
        return _QUERIES[0]
    m, tr, s, mt = t.members, t.trips, t.suggestions, t.meetups
    cid: BindParameter[int] = bindparam("cid")
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    homes = (
        select(m.c.home_city_id, func.count())
        .where(m.c.community_id == cid, m.c.home_city_id.is_not(None))
        .group_by(m.c.home_city_id)
    )
    suggestions = select(s.c.city_id, s.c.created_at).where(
        s.c.community_id == cid, s.c.created_at > bindparam("since")
    )
    meetups = (
        select(mt.c.latitude, mt.c.longitude, mt.c.starts_at)
        .where(
            mt.c.community_id == cid,
            or_(
                mt.c.status == "poll",
                and_(mt.c.status == "scheduled", mt.c.starts_at >= bindparam("ongoing")),
            ),
            mt.c.latitude.between(bindparam("lat_lo"), bindparam("lat_hi")),
            mt.c.longitude.between(bindparam("lon_lo"), bindparam("lon_hi")),
        )
        .limit(5000)
    )
    trips = (
        select(tr.c.user_id, tr.c.city_id, tr.c.first_day, tr.c.last_day, m.c.home_city_id)
        .select_from(
            tr.outerjoin(
                m, and_(m.c.community_id == tr.c.community_id, m.c.user_id == tr.c.user_id)
            )
        )
        .where(
            tr.c.community_id == cid,
            tr.c.last_day >= bindparam("from_day"),
            tr.c.first_day <= bindparam("until_day"),
        )
    )
    _QUERIES.append(
        _Queries(
            homes=homes.where(m.c.home_city_id.in_(ids)),
            all_homes=homes,
            suggestions=suggestions.where(s.c.city_id.in_(ids)),
            all_suggestions=suggestions,
            meetups=meetups,
            trips=trips.where(tr.c.city_id.in_(ids)),
            all_trips=trips,
        )
    )
    return _QUERIES[0]


@dataclass(frozen=True, slots=True)
class SuggestionRow:
    id: int
    community_id: int
    city_id: int
    channel_id: str
    first_day: date | None
    last_day: date | None
    member_count: int
    created_at: datetime
    message_id: str | None = None


def _question(row: Any) -> PlaceQuestion:
    return PlaceQuestion(
        id=row.id,
        community_id=row.community_id,
        user_id=row.user_id,
        city_id=row.city_id,
        kind=row.kind,
        first_day=row.first_day,
        last_day=row.last_day,
        channel_id=row.channel_id,
        asked_at=row.asked_at,
        answer=row.answer,
    )


def _suggestion(row: Any) -> SuggestionRow:
    return SuggestionRow(
        id=row.id,
        community_id=row.community_id,
        city_id=row.city_id,
        channel_id=row.channel_id,
        first_day=row.first_day,
        last_day=row.last_day,
        member_count=row.member_count,
        created_at=row.created_at,
        message_id=row.message_id,
    )


async def _asked_history(
    conn: AsyncConnection, community_id: int, user_id: str, *, lock: bool = False
) -> tuple[datetime | None, list[Asked]]:
    """When the member was last asked, and every question asked of them. With `lock`, the
    member row is locked (PostgreSQL) so concurrent messages cannot both ask."""
    m, q = t.members, t.place_questions
    last_query = select(m.c.last_asked_at).where(
        m.c.community_id == community_id, m.c.user_id == user_id
    )
    if lock:
        last_query = last_query.with_for_update()
    last = (await conn.execute(last_query)).scalar()
    rows = (
        await conn.execute(
            select(q.c.city_id, q.c.kind, q.c.answer).where(
                q.c.community_id == community_id, q.c.user_id == user_id
            )
        )
    ).all()
    return last, [Asked(r.city_id, r.kind, r.answer) for r in rows]


class WatcherQueries(Queries):
    # --- who is where, around one place ---------------------------------------------------

    async def surroundings(
        self,
        community_id: int,
        city_ids: Collection[int],
        *,
        now: datetime,
        since: datetime,
        latitudes: tuple[float, float],
        longitudes: tuple[float, float] | None,
    ) -> Surroundings:
        """What a suggestion decision needs around one place, in one read transaction:
        members per home city in the given cities, suggestions made there since `since`, and
        open polls and meetups not yet over inside the box of coordinates (`longitudes`
        None: any). Trips are read separately (`trips_around`), only when homes alone
        decide nothing."""
        ids = sorted(set(city_ids))
        if not ids:
            return Surroundings({}, [], [])
        few = len(ids) <= IN_LIMIT
        q = _queries()
        params: dict[str, Any] = {
            "cid": community_id,
            "ids": ids,
            "since": since,
            "ongoing": now - MEETUP_ONGOING,
            "lat_lo": latitudes[0],
            "lat_hi": latitudes[1],
            "lon_lo": longitudes[0] if longitudes else -360.0,
            "lon_hi": longitudes[1] if longitudes else 360.0,
        }
        async with self._read() as conn:
            homes = (await conn.execute(q.homes if few else q.all_homes, params)).all()
            sugg = (await conn.execute(q.suggestions if few else q.all_suggestions, params)).all()
            meetups = (await conn.execute(q.meetups, params)).all()
        wanted = None if few else set(ids)
        return Surroundings(
            homes={c: n for c, n in homes if wanted is None or c in wanted},
            suggestions=[PastSuggestion(c, at) for c, at in sugg if wanted is None or c in wanted],
            meetups=[PlannedMeetup(lat, lon, at) for lat, lon, at in meetups],
        )

    async def trips_around(
        self, community_id: int, city_ids: Collection[int], from_day: date, until_day: date
    ) -> list[TripStay]:
        """Trips to the given cities on days from `from_day` to `until_day`, with each
        traveller's home city."""
        ids = sorted(set(city_ids))
        if not ids:
            return []
        few = len(ids) <= IN_LIMIT
        q = _queries()
        params = {"cid": community_id, "ids": ids, "from_day": from_day, "until_day": until_day}
        async with self._read() as conn:
            rows = (await conn.execute(q.trips if few else q.all_trips, params)).all()
        wanted = None if few else set(ids)
        return [
            TripStay(user, city, first, last, home)
            for user, city, first, last, home in rows
            if wanted is None or city in wanted
        ]

    async def named_members(
        self,
        community_id: int,
        home_city_ids: Collection[int],
        user_ids: Collection[str],
        limit: int = 10,
    ) -> list[tuple[str, str]]:
        """(user id, name) of members who allow their name to be shown, living in one of the
        cities or among the given members."""
        m = t.members
        conds = []
        if home_city_ids:
            conds.append(m.c.home_city_id.in_(list(home_city_ids)[:IN_LIMIT]))
        if user_ids:
            conds.append(m.c.user_id.in_(list(user_ids)[:IN_LIMIT]))
        if not conds:
            return []
        query = (
            select(m.c.user_id, m.c.name)
            .where(m.c.community_id == community_id, m.c.show_name.is_(True), or_(*conds))
            .order_by(m.c.created_at, m.c.user_id)
            .limit(limit)
        )
        async with self._read() as conn:
            return [(r.user_id, r.name) for r in (await conn.execute(query)).all()]

    # --- a member's own places ----------------------------------------------------------------

    async def trips_of(
        self, community_id: int, user_id: str, from_day: date
    ) -> list[tuple[int, date, date]]:
        """(city id, first day, last day) of the member's trips not yet over."""
        tr = t.trips
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(tr.c.city_id, tr.c.first_day, tr.c.last_day)
                    .where(
                        tr.c.community_id == community_id,
                        tr.c.user_id == user_id,
                        tr.c.last_day >= from_day,
                    )
                    .order_by(tr.c.first_day)
                )
            ).all()
        return [(r.city_id, r.first_day, r.last_day) for r in rows]

    async def latest_trip(self, community_id: int, user_id: str) -> tuple[int, date, date] | None:
        """The member's most recently added trip."""
        tr = t.trips
        async with self._read() as conn:
            row = (
                await conn.execute(
                    select(tr.c.city_id, tr.c.first_day, tr.c.last_day)
                    .where(tr.c.community_id == community_id, tr.c.user_id == user_id)
                    .order_by(tr.c.id.desc())
                    .limit(1)
                )
            ).first()
        return (row.city_id, row.first_day, row.last_day) if row else None

    # --- the watcher's questions ----------------------------------------------------------------

    async def watcher_history(
        self, community_id: int, user_id: str
    ) -> tuple[datetime | None, list[Asked]]:
        """When the member was last asked, and every question asked of them."""
        async with self._read() as conn:
            return await _asked_history(conn, community_id, user_id)

    async def ask_place_question(
        self,
        community_id: int,
        user_id: str,
        name: str,
        *,
        city_id: int,
        kind: str,
        first_day: date | None,
        last_day: date | None,
        now: datetime,
        allowed: Callable[[Sequence[Asked], datetime | None], bool],
        channel_id: str | None = None,
    ) -> int | None:
        """Record a pending question, if `allowed(history, last asked)` still says so inside
        the transaction; stamps the member's last_asked_at. Returns the question id."""
        m, q = t.members, t.place_questions

        async def work(conn: AsyncConnection) -> int | None:
            await conn.execute(
                self._insert(m)
                .values(community_id=community_id, user_id=user_id, name=name[:100], created_at=now)
                .on_conflict_do_nothing()
            )
            last, asked = await _asked_history(conn, community_id, user_id, lock=True)
            if not allowed(asked, last):
                return None
            new_id = (
                await conn.execute(
                    self._insert(q)
                    .values(
                        community_id=community_id,
                        user_id=user_id,
                        city_id=city_id,
                        kind=kind,
                        first_day=first_day,
                        last_day=last_day,
                        asked_at=now,
                        channel_id=channel_id,
                    )
                    .on_conflict_do_nothing()
                    .returning(q.c.id)
                )
            ).scalar()
            if new_id is None:
                return None
            await conn.execute(
                update(m)
                .where(m.c.community_id == community_id, m.c.user_id == user_id)
                .values(last_asked_at=now)
            )
            return int(new_id)

        return await self._write(work)

    async def place_question(self, question_id: int) -> PlaceQuestion | None:
        q = t.place_questions
        async with self._read() as conn:
            row = (await conn.execute(select(q).where(q.c.id == question_id))).first()
        return _question(row) if row else None

    async def answer_place_question(
        self,
        question_id: int,
        community_id: int,
        user_id: str,
        name: str,
        answer: str,
        *,
        today: date,
        now: datetime,
        city_id: int | None = None,
    ) -> AnswerOutcome | None:
        """Answer the member's own pending question, once. On "yes", in the same transaction:
        set the home city, or add the trip (unless its days are over by now). None when the
        question is not this member's in this community. `city_id`: the namesake the member
        picked, when the question offered several."""
        q, m = t.place_questions, t.members

        async def work(conn: AsyncConnection) -> AnswerOutcome | None:
            mine = and_(
                q.c.id == question_id, q.c.community_id == community_id, q.c.user_id == user_id
            )
            picked = {"city_id": city_id} if city_id is not None else {}
            done = await conn.execute(
                update(q).where(mine, q.c.answer.is_(None)).values(answer=answer, **picked)
            )
            row = (await conn.execute(select(q).where(mine))).first()
            if row is None:
                return None
            question = _question(row)
            if not done.rowcount:
                return AnswerOutcome(question, applied=False)
            trip_added = False
            if answer == "yes" and question.kind == "home":
                await conn.execute(
                    self._insert(m)
                    .values(
                        community_id=community_id,
                        user_id=user_id,
                        name=name[:100],
                        created_at=now,
                        home_city_id=question.city_id,
                    )
                    .on_conflict_do_update(
                        index_elements=[m.c.community_id, m.c.user_id],
                        set_={"home_city_id": question.city_id},
                    )
                )
            elif (answer == "yes" and question.first_day and question.last_day
                  and question.last_day >= today):
                await conn.execute(
                    insert(t.trips).values(
                        community_id=community_id,
                        user_id=user_id,
                        city_id=question.city_id,
                        first_day=max(question.first_day, today),
                        last_day=question.last_day,
                        created_at=now,
                    )
                )
                trip_added = True
            return AnswerOutcome(question, applied=True, trip_added=trip_added)

        return await self._write(work)

    # --- suggestions ------------------------------------------------------------------------------

    async def record_suggestion(
        self,
        community_id: int,
        *,
        city_id: int,
        channel_id: str,
        first_day: date | None,
        last_day: date | None,
        member_count: int,
        now: datetime,
        since: datetime,
        still_due: Callable[[Sequence[PastSuggestion]], bool],
    ) -> int | None:
        """Record a suggestion if `still_due(suggestions since)` holds inside the transaction
        (the community row is locked, so concurrent deciders queue). Returns its id."""
        c, s = t.communities, t.suggestions

        async def work(conn: AsyncConnection) -> int | None:
            await conn.execute(select(c.c.id).where(c.c.id == community_id).with_for_update())
            rows = (
                await conn.execute(
                    select(s.c.city_id, s.c.created_at).where(
                        s.c.community_id == community_id, s.c.created_at > since
                    )
                )
            ).all()
            if not still_due([PastSuggestion(r.city_id, r.created_at) for r in rows]):
                return None
            new_id = (
                await conn.execute(
                    insert(s)
                    .values(
                        community_id=community_id,
                        city_id=city_id,
                        channel_id=channel_id[:64],
                        first_day=first_day,
                        last_day=last_day,
                        member_count=member_count,
                        created_at=now,
                    )
                    .returning(s.c.id)
                )
            ).scalar_one()
            return int(new_id)

        return await self._write(work)

    async def drop_suggestion(self, suggestion_id: int) -> None:
        """Undo a suggestion whose card could not be posted (so a later change may retry)."""
        s = t.suggestions

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(delete(s).where(s.c.id == suggestion_id))

        await self._write(work)

    async def set_suggestion_message(self, suggestion_id: int, message_id: str) -> None:
        """Remember the suggestion's card, to update its "I'm in" count later."""
        s = t.suggestions

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                update(s).where(s.c.id == suggestion_id).values(message_id=message_id[:64])
            )

        await self._write(work)

    async def interest_since(
        self, community_id: int, since: datetime
    ) -> list[tuple[SuggestionRow, list[str]]]:
        """Suggestions made since `since` with at least one "I'm in", and who clicked it."""
        s, si = t.suggestions, t.suggestion_interest
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(s, si.c.user_id)
                    .join(si, si.c.suggestion_id == s.c.id)
                    .where(s.c.community_id == community_id, s.c.created_at >= since)
                    .order_by(s.c.id, si.c.created_at, si.c.user_id)
                )
            ).all()
        out: dict[int, tuple[SuggestionRow, list[str]]] = {}
        for row in rows:
            out.setdefault(row.id, (_suggestion(row), []))[1].append(row.user_id)
        return list(out.values())

    async def suggestion(self, suggestion_id: int) -> SuggestionRow | None:
        s = t.suggestions
        async with self._read() as conn:
            row = (await conn.execute(select(s).where(s.c.id == suggestion_id))).first()
        return _suggestion(row) if row else None

    async def add_interest(
        self, suggestion_id: int, user_id: str, now: datetime
    ) -> tuple[bool, int]:
        """Record "I'm in". Returns whether it is new, and how many are in now (counted under
        a lock on the suggestion, so exactly one click sees each count)."""
        s, si = t.suggestions, t.suggestion_interest

        async def work(conn: AsyncConnection) -> tuple[bool, int]:
            await conn.execute(select(s.c.id).where(s.c.id == suggestion_id).with_for_update())
            added = (
                await conn.execute(
                    self._insert(si)
                    .values(suggestion_id=suggestion_id, user_id=user_id, created_at=now)
                    .on_conflict_do_nothing()
                    .returning(si.c.user_id)
                )
            ).first()
            count = (
                await conn.execute(select(func.count()).where(si.c.suggestion_id == suggestion_id))
            ).scalar_one()
            return added is not None, int(count)

        return await self._write(work)

    async def interested(self, suggestion_id: int) -> list[str]:
        si = t.suggestion_interest
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(si.c.user_id)
                    .where(si.c.suggestion_id == suggestion_id)
                    .order_by(si.c.created_at, si.c.user_id)
                )
            ).all()
        return [r.user_id for r in rows]
