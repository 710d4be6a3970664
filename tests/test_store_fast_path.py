"""The SQLite fast path (bot/store/prepared.py, _ReadFacade): hot statements run on the
driver, reads run on the idle write connection. It must be invisible: same rows, same
errors, same isolation as SQLAlchemy's own execution."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot import actions
from bot.domain.jobs import JobSpec
from bot.domain.rsvps import RsvpStatus
from bot.store import schema as t
from bot.store.store import Store
from tests.support import Harness

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


async def _meetup(store: Store) -> tuple[int, int]:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    m = await store.create_meetup(
        community_id=c.id, channel_id="general", thread_id=None, title="Coffee", city_id=1,
        city_label="Berlin, DE", latitude=52.5, longitude=13.4, organizer_id="alice",
        organizer_name="Alice", starts_at=NOW + timedelta(days=3), options=(), venue="",
        description="", capacity=10, deadline=None, now=NOW,
    )
    return c.id, m.id


@pytest.fixture
def sqlalchemy_statements() -> Iterator[list[str]]:
    """The statements SQLAlchemy itself executes (the fast path bypasses it)."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


async def test_clicks_and_lists_run_their_statements_on_the_driver(
    sqlite_url: str, sqlalchemy_statements: list[str]
) -> None:
    harness = await Harness(sqlite_url).start()
    try:
        mid = await harness.propose()
        poll = await harness.propose(when="2030-01-12 19:00 | 2030-01-13 19:00")
        await harness.click("bob", actions.encode("rsvp", mid, "going"))  # bob's first event
        await harness.click("carol", actions.encode("rsvp", mid, "going"))
        sqlalchemy_statements.clear()
        await harness.click("bob", actions.encode("rsvp", mid, "no"))
        await harness.click("bob", actions.encode("rsvp", mid, "going"))
        await harness.click("bob", actions.encode("vote", poll, 1, "yes"))
        await harness.command("bob", "list")
        await harness.command("bob", "show", id=str(mid))
    finally:
        await harness.stop()
    # Leaving and taking a seat, reminders, a vote, a list, a card: none through SQLAlchemy.
    assert [" ".join(s.split())[:150] for s in sqlalchemy_statements] == []


async def test_a_read_while_a_write_is_open_sees_only_committed_rows(store: Store) -> None:
    _, mid = await _meetup(store)
    inside, finish = asyncio.Event(), asyncio.Event()

    async def work(conn: Any) -> None:
        await conn.execute(update(t.meetups).where(t.meetups.c.id == mid).values(title="Tea"))
        inside.set()
        await finish.wait()

    writing = asyncio.create_task(store._write(work))
    await inside.wait()
    seen = await store.meetup(mid)
    assert seen is not None and seen.title == "Coffee"  # not the open transaction's row
    finish.set()
    await writing
    after = await store.meetup(mid)
    assert after is not None and after.title == "Tea"


async def test_pending_jobs_are_dropped_by_kind_lists_of_any_length(store: Store) -> None:
    cid, mid = await _meetup(store)
    due = NOW + timedelta(days=1)

    def spec(kind: str, user: str | None) -> JobSpec:
        return JobSpec(key=f"{kind}:{user}", kind=kind, meetup_id=mid, community_id=cid,
                       due_at=due, user_id=user, lead_minutes=60 if user else None)

    await store.add_jobs([spec("remind", "bob"), spec("remind", "carol"), spec("followup", None),
                          spec("poll", None)])
    assert await store.drop_pending_jobs(mid, ()) == 0
    assert await store.drop_pending_jobs(mid, ("remind",), "bob") == 1
    assert await store.drop_pending_jobs(mid, ("remind", "followup")) == 2
    assert await store.drop_pending_jobs(mid, ("remind", "followup", "poll")) == 1
    assert (await store.job_counts()).get("pending", 0) == 0


async def test_a_driver_error_is_raised_as_sqlalchemy_raises_it(sqlite_url: str) -> None:
    store = Store.from_url(sqlite_url)
    await store.upgrade()
    try:
        async def work(conn: Any) -> None:
            await conn.execute(store._sql.save_rsvp, {
                "meetup": 404, "user": "bob", "status": "going", "name": "Bob",
                "position": 1, "now": NOW})  # no such meetup: a foreign key fails

        with pytest.raises(IntegrityError) as raised:
            await store._write(work)
        assert isinstance(raised.value.orig, sqlite3.IntegrityError)
        # The failed transaction was rolled back; the next write works.
        _, mid = await _meetup(store)
        outcome = await store.rsvp(mid, "bob", "Bob", RsvpStatus.GOING, NOW, 24)
        assert outcome.after.status is RsvpStatus.GOING
    finally:
        await store.close()


async def test_instants_are_stored_as_text_that_sorts_in_time_order(sqlite_url: str) -> None:
    store = Store.from_url(sqlite_url)
    await store.upgrade()
    try:
        _, mid = await _meetup(store)
    finally:
        await store.close()
    path = sqlite_url.split("///", 1)[1]
    with sqlite3.connect(path) as raw:
        (text,) = raw.execute("SELECT starts_at FROM meetups WHERE id = ?", (mid,)).fetchone()
    assert text == "2030-01-10 09:00:00.000000"  # SQLAlchemy's format, six digits always


async def test_cards_read_only_the_answers_they_show(store: Store) -> None:
    cid, mid = await _meetup(store)
    for user, answer in (("bob", RsvpStatus.GOING), ("carol", RsvpStatus.NO),
                         ("dan", RsvpStatus.MAYBE)):
        await store.rsvp(mid, user, user.title(), answer, NOW, 24)
    answered, _ = await store.rsvps_and_consent(mid, cid)
    assert [(r.user_id, r.status) for r in answered] == [
        ("bob", RsvpStatus.GOING), ("dan", RsvpStatus.MAYBE)]
