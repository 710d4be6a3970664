"""The Store contract, run against every engine: SQLite always, PostgreSQL when
TWEETUP_TEST_POSTGRES_URL is set. Concurrency is checked through real concurrent transactions."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from bot.domain.jobs import JobSpec
from bot.domain.polls import Answer
from bot.domain.rsvps import Rsvp, RsvpStatus
from bot.store import schema as t
from bot.store.migrate import alembic_config
from bot.store.store import Store

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


async def _meetup(store: Store, capacity: int | None = 10, *, options: int = 0,
                  community: str = "w1") -> tuple[int, int]:
    c = await store.community("fake", community, timezone="UTC", now=NOW)
    starts = NOW + timedelta(days=3)
    m = await store.create_meetup(
        community_id=c.id, channel_id="general", thread_id=None, title="Coffee", city_id=1,
        city_label="Berlin, DE", latitude=52.5, longitude=13.4, organizer_id="alice",
        organizer_name="Alice", starts_at=None if options else starts,
        options=[starts + timedelta(days=i) for i in range(options)], venue="", description="",
        capacity=capacity, deadline=None, now=NOW,
    )
    return c.id, m.id


async def test_migrations_create_exactly_the_declared_schema(database_url: str) -> None:
    # Every migration replayed through Alembic (Store.upgrade creates a brand-new database
    # from schema.py instead; tests/test_startup.py checks both give the same schema).
    def diff(conn: Connection) -> list[object]:
        command.upgrade(alembic_config(conn), "head")
        return list(compare_metadata(MigrationContext.configure(conn), t.metadata))

    s = Store.from_url(database_url)
    try:
        async with s.engine.begin() as conn:
            assert await conn.run_sync(diff) == []
    finally:
        await s.close()


async def test_upgrade_twice_and_concurrently_is_harmless(database_url: str) -> None:
    stores = [Store.from_url(database_url) for _ in range(3)]
    try:
        await asyncio.gather(*(s.upgrade() for s in stores))
        await stores[0].upgrade()
        c = await stores[1].community("fake", "w", timezone="UTC", now=NOW)
        assert c.timezone == "UTC"
    finally:
        for s in stores:
            await s.close()


async def test_instants_round_trip_as_utc(store: Store) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    local = datetime(2030, 3, 1, 19, 0, tzinfo=ZoneInfo("America/New_York"))
    m = await store.create_meetup(
        community_id=c.id, channel_id="c", thread_id=None, title="T", city_id=1, city_label="X",
        latitude=0, longitude=0, organizer_id="a", organizer_name="A", starts_at=local,
        options=(), venue="", description="", capacity=None, deadline=None, now=NOW)
    loaded = await store.meetup(m.id)
    assert loaded is not None and loaded.starts_at is not None
    assert loaded.starts_at.tzinfo is not None
    assert loaded.starts_at == local
    assert loaded.starts_at.utcoffset() == timedelta(0)


async def test_event_keys_are_marked_once(store: Store) -> None:
    assert await store.mark_event("discord:1", NOW)
    assert not await store.mark_event("discord:1", NOW)
    results = await asyncio.gather(*(store.mark_event("slack:E1", NOW) for _ in range(10)))
    assert results.count(True) == 1
    assert await store.prune_events(NOW + timedelta(seconds=1)) == 2
    assert await store.mark_event("discord:1", NOW)


async def test_community_is_created_once_under_concurrency(store: Store) -> None:
    found = await asyncio.gather(
        *(store.community("fake", "same", timezone="UTC", now=NOW) for _ in range(10)))
    assert len({c.id for c in found}) == 1


async def test_200_concurrent_going_clicks_fill_10_seats_and_queue_190_in_order(
        store: Store) -> None:
    _, meetup_id = await _meetup(store, capacity=10)

    async def click(i: int) -> None:
        await store.rsvp(meetup_id, f"u{i:03d}", f"U{i}", RsvpStatus.GOING, NOW, 12)

    await asyncio.gather(*(click(i) for i in range(200)))
    rsvps = await store.rsvps(meetup_id)
    going = [r for r in rsvps if r.status is RsvpStatus.GOING]
    waiting = [r for r in rsvps if r.status is RsvpStatus.WAITING]
    assert len(going) == 10
    assert len(waiting) == 190
    m = await store.meetup(meetup_id)
    assert m is not None and m.seats_taken == 10
    # Click order: every seat went to an earlier click than any waiting one, and positions
    # are unique and increasing in the order the store serialised the clicks.
    positions = [r.position for r in rsvps]
    assert len(set(positions)) == 200
    assert max(r.position for r in going) < min(r.position for r in waiting)


async def test_freed_seat_is_offered_to_the_first_waiting_then_passes_on(store: Store) -> None:
    _, mid = await _meetup(store, capacity=1)
    await store.rsvp(mid, "a", "A", RsvpStatus.GOING, NOW, 12)
    await store.rsvp(mid, "b", "B", RsvpStatus.GOING, NOW, 12)
    await store.rsvp(mid, "c", "C", RsvpStatus.GOING, NOW, 12)
    out = await store.rsvp(mid, "a", "A", RsvpStatus.NO, NOW, 12)
    assert out.offered is not None and out.offered.user_id == "b"
    assert out.offered.offer_expires_at == NOW + timedelta(hours=12)
    # Someone new cannot snipe the held seat.
    late = await store.rsvp(mid, "d", "D", RsvpStatus.GOING, NOW, 12)
    assert late.after.status is RsvpStatus.WAITING
    # Not yet expired: nothing happens.
    assert await store.expire_offer(mid, "b", NOW + timedelta(hours=1), 12) == (False, None)
    expired, nxt = await store.expire_offer(mid, "b", NOW + timedelta(hours=13), 12)
    assert expired and nxt is not None and nxt.user_id == "c"
    claimed = await store.rsvp(mid, "c", "C", RsvpStatus.GOING, NOW + timedelta(hours=14), 12)
    assert claimed.before is RsvpStatus.OFFERED and claimed.after.status is RsvpStatus.GOING
    m = await store.meetup(mid)
    assert m is not None and m.seats_taken == 1
    statuses = {r.user_id: r.status for r in await store.rsvps(mid)}
    assert statuses == {"a": RsvpStatus.NO, "b": RsvpStatus.NO, "c": RsvpStatus.GOING,
                        "d": RsvpStatus.WAITING}


async def test_an_offer_jobs_lapse_records_its_hand_over_and_arms_the_next_offer(
    store: Store,
) -> None:
    """With its job, a lapse records whom the seat went to and adds that offer's job in the
    same transaction; the job run again (its process died) finds that hand-over, with the
    next member only while their offer stands; another claim of the job changes nothing."""
    cid, mid = await _meetup(store, capacity=1)
    for u in "abcd":
        await store.rsvp(mid, u, u.upper(), RsvpStatus.GOING, NOW, 12)
    out = await store.rsvp(mid, "a", "A", RsvpStatus.NO, NOW, 12)
    assert out.offered is not None and out.offered.offer_expires_at is not None
    due = out.offered.offer_expires_at
    await store.add_jobs([JobSpec("offer:b", "offer", mid, cid, due, "b")])
    [job] = await store.claim_due(due, timedelta(minutes=5))

    def arm(r: Rsvp) -> JobSpec:
        assert r.offer_expires_at is not None
        return JobSpec(f"offer:{r.user_id}", "offer", mid, cid, r.offer_expires_at, r.user_id)

    later = due + timedelta(minutes=1)
    expired, nxt = await store.expire_offer(mid, "b", later, 12, job, arm)
    assert expired and nxt is not None and nxt.user_id == "c"
    again = await store.expire_offer(mid, "b", later, 12, job, arm)
    assert again[0] and again[1] is not None and again[1].user_id == "c"  # resumed
    # Its lease ran out: claimed again, with the offer the lapse armed for C.
    claimed = await store.claim_due(later + timedelta(hours=12), timedelta(minutes=5))
    retry = next(j for j in claimed if j.id == job.id)
    assert {(j.user_id, j.kind) for j in claimed} == {("b", "offer"), ("c", "offer")}
    await store.rsvp(mid, "c", "C", RsvpStatus.GOING, later, 12)  # took the seat
    assert await store.expire_offer(mid, "b", later, 12, retry, arm) == (True, None)
    # The first claim no longer holds the job: it changes nothing.
    assert await store.expire_offer(mid, "b", later, 12, job, arm) == (False, None)
    statuses = {r.user_id: r.status for r in await store.rsvps(mid)}
    assert statuses == {"a": RsvpStatus.NO, "b": RsvpStatus.NO, "c": RsvpStatus.GOING,
                        "d": RsvpStatus.WAITING}


async def test_capacity_growth_offers_seats_in_waitlist_order(store: Store) -> None:
    _, mid = await _meetup(store, capacity=1)
    for u in "abcd":
        await store.rsvp(mid, u, u.upper(), RsvpStatus.GOING, NOW, 12)
    await store.update_meetup(mid, NOW, capacity=3)
    offered = await store.fill_free_seats(mid, NOW, 12)
    assert [r.user_id for r in offered] == ["b", "c"]
    m = await store.meetup(mid)
    assert m is not None and m.seats_taken == 3


async def test_no_vote_is_lost_under_concurrent_voting(store: Store) -> None:
    _, mid = await _meetup(store, options=3)

    async def vote(i: int) -> None:
        for option in (1, 2, 3):
            answer = (Answer.YES, Answer.MAYBE, Answer.NO)[(i + option) % 3]
            assert await store.vote(mid, option, f"u{i}", f"U{i}", answer, NOW)

    await asyncio.gather(*(vote(i) for i in range(60)))
    _, votes = await store.poll(mid)
    assert len(votes) == 180
    for option in (1, 2, 3):
        mine = [v for v in votes if v.option == option]
        assert sum(v.answer is Answer.YES for v in mine) == 20


async def test_poll_closes_exactly_once_and_then_refuses_votes(store: Store) -> None:
    _, mid = await _meetup(store, options=2)
    when = NOW + timedelta(days=4)
    results = await asyncio.gather(*(store.close_poll(mid, when, NOW) for _ in range(5)))
    assert results.count(True) == 1
    assert not await store.vote(mid, 1, "late", "Late", Answer.YES, NOW)


async def test_due_jobs_are_claimed_exactly_once_across_stores(database_url: str) -> None:
    stores = [Store.from_url(database_url) for _ in range(3)]
    try:
        await stores[0].upgrade()
        cid, mid = await _meetup(stores[0])
        specs = [JobSpec(f"k{i}", "remind", mid, cid, NOW + timedelta(seconds=i % 7),
                         user_id=f"u{i}", lead_minutes=60) for i in range(600)]
        assert await stores[0].add_jobs(specs) == 600
        assert await stores[0].add_jobs(specs[:10]) == 0  # keys are unique

        async def drain(store: Store) -> list[int]:
            got: list[int] = []
            while batch := await store.claim_due(NOW + timedelta(minutes=1),
                                                 timedelta(minutes=5), limit=50):
                got += [j.id for j in batch]
            return got

        claimed = await asyncio.gather(*(drain(s) for s in stores))
        everything = [i for part in claimed for i in part]
        assert len(everything) == 600 and len(set(everything)) == 600
        # A claimed job whose lease ran out is claimed again (its sender died).
        again = await stores[0].claim_due(NOW + timedelta(minutes=10), timedelta(minutes=5))
        assert len(again) == 200  # one batch
        for job in again:
            await stores[0].finish_job(job, "sent", NOW)
        counts = await stores[0].job_counts()
        assert counts == {"claimed": 400, "done": 200}
    finally:
        for s in stores:
            await s.close()


async def test_wake_times_cover_pending_jobs_and_expired_leases(store: Store) -> None:
    cid, mid = await _meetup(store)
    due = NOW + timedelta(minutes=5)
    await store.add_jobs([JobSpec("a", "remind", mid, cid, due, "u", 60),
                          JobSpec("b", "remind", mid, cid, NOW + timedelta(days=5), "u", 60)])
    assert await store.wake_times(NOW + timedelta(hours=1)) == [due]
    await store.claim_due(due, timedelta(minutes=5))
    assert await store.wake_times(NOW + timedelta(hours=1)) == [due + timedelta(minutes=5)]


async def test_forget_removes_every_row_about_the_member_in_that_community(store: Store) -> None:
    cid, mid = await _meetup(store, options=2)
    other_cid, other_mid = await _meetup(store, community="w2")
    for community in (cid, other_cid):
        await store.save_member(community, "bob", "Bob", NOW, home_city_id=5)
        await store.add_trip(community, "bob", 5, date(2030, 2, 1), date(2030, 2, 3), NOW)
    await store.vote(mid, 1, "bob", "Bob", Answer.YES, NOW)
    await store.rsvp(other_mid, "bob", "Bob", RsvpStatus.GOING, NOW, 12)
    await store.add_jobs([JobSpec("r", "remind", mid, cid, NOW + timedelta(days=1), "bob", 60)])
    counts = (await store.forget_member(cid, "bob", NOW, 12)).counts
    assert counts["members"] == 1 and counts["trips"] == 1 and counts["votes"] == 1
    assert counts["jobs"] == 1
    async with store.engine.connect() as conn:
        for table, column in t.MEMBER_TABLES:
            query = select(func.count()).select_from(table).where(table.c[column] == "bob")
            if "community_id" in table.c:
                query = query.where(table.c.community_id == cid)
            elif "meetup_id" in table.c:
                query = query.where(table.c.meetup_id == mid)
            assert (await conn.execute(query)).scalar() == 0, table.name
    # The other community keeps its rows.
    assert await store.member(other_cid, "bob") is not None
    assert [r.user_id for r in await store.rsvps(other_mid)] == ["bob"]


async def test_export_holds_only_that_community(store: Store) -> None:
    cid, _ = await _meetup(store)
    await _meetup(store, community="w2")
    exported = await store.export_community(cid)
    assert [c["id"] for c in exported["communities"]] == [cid]
    assert all(m["community_id"] == cid for m in exported["meetups"])
