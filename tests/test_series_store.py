"""The series queries (bot/store/series.py) on every engine: a date is claimed once, skipped
dates stay skipped, always-come is per member."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.meetups import Meetup
from bot.domain.series import PostNext, SeriesStatus
from bot.store.meetups import DateTaken
from bot.store.store import Store

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
DATE = datetime(2030, 2, 7, 19, 0, tzinfo=UTC)


async def _series(store: Store) -> int:
    community = await store.community("fake", "w1", timezone="UTC", now=NOW)
    s = await store.create_series(
        NOW, community_id=community.id, channel_id="general", thread_id=None,
        organizer_id="alice", title="Pub night", city_id=2643743, city_label="London, GB",
        timezone="Europe/London", rrule="FREQ=MONTHLY;BYDAY=1TH",
        first_wall=datetime(2030, 2, 7, 19, 0), post_next=PostNext(days_before=3),
    )
    assert s.status is SeriesStatus.DRAFT and s.post_next == PostNext(days_before=3)
    assert s.first_wall == datetime(2030, 2, 7, 19, 0)
    return s.id


async def _date_meetup(store: Store, sid: int, starts_at: datetime) -> Meetup:
    community = await store.community("fake", "w1", timezone="UTC", now=NOW)
    return await store.create_meetup(
        community_id=community.id, channel_id="general", thread_id=None, title="Pub night",
        city_id=2643743, city_label="London, GB", latitude=0.0, longitude=0.0,
        organizer_id="alice", organizer_name="Alice", starts_at=starts_at, options=(), venue="",
        description="", capacity=None, deadline=None, now=NOW, timezone="Europe/London",
        series_date=(sid, starts_at),
    )


async def test_a_date_is_claimed_once_and_skips_are_kept(store: Store) -> None:
    sid = await _series(store)
    assert await store.change_series_status(sid, SeriesStatus.DRAFT, SeriesStatus.ACTIVE, NOW)
    assert not await store.change_series_status(sid, SeriesStatus.DRAFT, SeriesStatus.ACTIVE, NOW)
    assert await store.claim_series_date(sid, DATE)
    assert await store.claim_series_date(sid, DATE)  # no meetup yet: a crashed claim, retaken
    m = await _date_meetup(store, sid, DATE)
    assert not await store.claim_series_date(sid, DATE)
    with pytest.raises(DateTaken):  # linked in its transaction: a second is not made
        await _date_meetup(store, sid, DATE)
    assert await store.meetup(m.id + 1) is None
    found = await store.series_of_meetup(m.id)
    assert found is not None and found[0].id == sid and found[1].starts_at == DATE
    assert await store.series_of_meetup(m.id + 1) is None
    assert await store.skip_series_date(sid, DATE)
    assert not await store.skip_series_date(sid, DATE)
    later = datetime(2030, 4, 4, 18, 0, tzinfo=UTC)
    assert await store.skip_series_date(sid, later)  # a date without a meetup yet
    assert not await store.claim_series_date(sid, later)
    with pytest.raises(DateTaken):
        await _date_meetup(store, sid, later)
    dates = await store.series_dates(sid)
    assert [(d.starts_at, d.meetup_id, d.skipped) for d in dates] == [
        (DATE, m.id, True), (later, None, True)]
    updated = await store.update_series(sid, NOW, venue="The Crown")
    assert updated.venue == "The Crown" and updated.sequence == 1


async def test_always_come_is_per_member_in_order(store: Store) -> None:
    sid = await _series(store)
    community = await store.community("fake", "w1", timezone="UTC", now=NOW)
    assert await store.set_always(sid, community.id, "bob", "Bob", True, NOW)
    assert not await store.set_always(sid, community.id, "bob", "Bob", True, NOW)
    assert await store.set_always(sid, community.id, "carol", "Carol", True, DATE)
    assert await store.always_coming(sid) == [("bob", "Bob"), ("carol", "Carol")]
    assert await store.set_always(sid, community.id, "bob", "Bob", False, NOW)
    assert not await store.set_always(sid, community.id, "bob", "Bob", False, NOW)
    assert await store.always_coming(sid) == [("carol", "Carol")]
