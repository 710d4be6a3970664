"""Seeding the store in bulk, for tests and benchmarks that need many meetups or reminders:
rows go straight into the tables (one bulk insert per table and chunk), not through commands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from bot.store import schema as t
from bot.store.store import Store

CHUNK = 2000
"""Rows per INSERT: PostgreSQL allows at most 32,767 bind parameters in one statement."""


async def _insert(conn: Any, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        await conn.execute(insert(table), rows[start : start + CHUNK])


async def seed_meetups(
    store: Store,
    community_id: int,
    count: int,
    *,
    starts: Callable[[int], datetime],
    now: datetime,
    channel: str = "general",
    organizer: str = "o",
    going: Sequence[str] = (),
    reminder_leads: Sequence[int] = (),
    reminder_due: Callable[[datetime, int], datetime] | None = None,
    title: str = "Meetup {i}",
    first: int = 0,
    city: tuple[int, str] = (2950159, "Berlin, Germany"),
) -> list[int]:
    """`count` scheduled meetups numbered i = first, first + 1, ... (titled `title` with {i},
    "Meetup 0" ...; starting at `starts(i)`) with the members `going` going to each, and for
    each of them a pending reminder per lead in `reminder_leads`, due at
    `reminder_due(starts_at, lead)` (default: the lead before the start). Returns the new
    meetups' ids in order."""
    due = reminder_due or (lambda starts_at, lead: starts_at - timedelta(minutes=lead))
    rows = [
        {"community_id": community_id, "channel_id": channel, "title": title.format(i=i),
         "city_id": city[0], "city_label": city[1], "organizer_id": organizer,
         "status": "scheduled", "starts_at": starts(i), "created_at": now, "updated_at": now}
        for i in range(first, first + count)
    ]
    m = t.meetups
    async with store.engine.begin() as conn:
        before = (await conn.execute(select(m.c.id).order_by(m.c.id.desc()).limit(1))).scalar()
        await _insert(conn, m, rows)
        found = (await conn.execute(
            select(m.c.id, m.c.starts_at).where(m.c.id > (before or 0)).order_by(m.c.id)
        )).all()
        await _insert(conn, t.rsvps, [
            {"meetup_id": mid, "user_id": user, "user_name": user.capitalize(),
             "status": "going", "position": n, "updated_at": now}
            for mid, _ in found for n, user in enumerate(going, start=1)
        ])
        await _insert(conn, t.jobs, [
            {"job_key": f"remind:{mid}:{user}:{lead}:0", "kind": "remind", "meetup_id": mid,
             "community_id": community_id, "user_id": user, "lead_minutes": lead,
             "due_at": due(_utc(starts_at), lead)}
            for mid, starts_at in found for user in going for lead in reminder_leads
        ])
    return [mid for mid, _ in found]


def _utc(instant: datetime) -> datetime:
    """SQLite hands back naive datetimes; the store keeps UTC."""
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


async def seed_reminders(
    store: Store,
    *,
    title: str,
    starts_at: datetime,
    jobs: int,
    due: Callable[[int], datetime],
    going: int = 0,
    prefix: str = "u",
    platform: str = "bench",
    user_ids: Sequence[str] = (),
) -> int:
    """A meetup in community `platform`/w1 with `going` members going (u0, u1, ...) and `jobs`
    pending reminders for members `prefix`0, 1, ... due at `due(i)`, written in bulk.
    `user_ids` names the members instead (the i-th is both). Returns the meetup id."""
    now = datetime.now(UTC)

    def member(i: int, start: str) -> str:
        return user_ids[i] if user_ids else f"{start}{i}"

    c = await store.community(platform, "w1", timezone="UTC", now=now)
    m = await store.create_meetup(
        community_id=c.id, channel_id="general", thread_id=None, title=title, city_id=1,
        city_label="Berlin", latitude=52.5, longitude=13.4, organizer_id="o",
        organizer_name="O", starts_at=starts_at, options=(), venue="", description="",
        capacity=None, deadline=None, now=now,
    )
    async with store.engine.begin() as conn:
        await _insert(conn, t.rsvps, [
            {"meetup_id": m.id, "user_id": member(i, "u"), "user_name": f"U{i}",
             "status": "going", "position": i, "updated_at": now}
            for i in range(going)
        ])
        await _insert(conn, t.jobs, [
            {"job_key": f"{title}-{i}", "kind": "remind", "meetup_id": m.id,
             "community_id": c.id, "user_id": member(i, prefix), "lead_minutes": 120,
             "due_at": due(i)}
            for i in range(jobs)
        ])
    return m.id


async def empty(store: Store) -> None:
    """Delete every row (benchmarks reuse one PostgreSQL database)."""
    async with store.engine.begin() as conn:
        for table in reversed(t.metadata.sorted_tables):
            await conn.execute(table.delete())
