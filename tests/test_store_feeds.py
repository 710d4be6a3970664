"""The calendar feed queries (bot/store/feeds.py) on every engine (issue #16)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.domain.feeds import is_token
from bot.domain.rsvps import RsvpStatus
from bot.store.feeds import COMMUNITY_FEED
from bot.store.store import Store

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


async def _meetup(store: Store, community_id: int, title: str, days: int) -> int:
    m = await store.create_meetup(
        community_id=community_id, channel_id="general", thread_id=None, title=title,
        city_id=1, city_label="Berlin, DE", latitude=52.5, longitude=13.4,
        organizer_id="alice", organizer_name="Alice", starts_at=NOW + timedelta(days=days),
        options=[], venue="", description="", capacity=None, deadline=None, now=NOW)
    return m.id


async def test_tokens_are_random_stable_and_reset_at_once(store: Store) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    mine = await store.feed_token(c.id, "bob", NOW)
    assert is_token(mine) and "bob" not in mine
    assert await store.feed_token(c.id, "bob", NOW) == mine
    shared = await store.feed_token(c.id, COMMUNITY_FEED, NOW)
    assert shared != mine
    state = await store.feed_state(mine)
    assert state is not None and (state.community_id, state.user_id) == (c.id, "bob")
    new = await store.reset_feed_token(c.id, "bob", NOW)
    assert new != mine and await store.feed_state(mine) is None
    assert await store.feed_state(new) is not None
    assert await store.has_feed(c.id, "bob") and not await store.has_feed(c.id, "carol")


async def test_concurrent_first_requests_share_one_token(store: Store) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    tokens = await asyncio.gather(*(store.feed_token(c.id, "bob", NOW) for _ in range(5)))
    assert len(set(tokens)) == 1


async def test_the_version_moves_with_every_change_even_in_the_same_instant(
        store: Store) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    first = await _meetup(store, c.id, "Coffee", 3)
    second = await _meetup(store, c.id, "Hike", 4)
    shared = await store.feed_token(c.id, COMMUNITY_FEED, NOW)
    mine = await store.feed_token(c.id, "bob", NOW)
    versions = []

    async def version(token: str) -> object:
        state = await store.feed_state(token)
        assert state is not None
        return (state.meetups_changed, state.meetups_latest, state.answers_changed,
                state.answer_count, state.answer_turns)

    versions.append(await version(shared))
    await store.update_meetup(first, NOW, title="Coffee!")  # the same instant as creating
    versions.append(await version(shared))
    await store.update_meetup(second, NOW, title="Hike!")
    versions.append(await version(shared))
    assert len(set(versions)) == 3
    member = [await version(mine)]
    await store.rsvp(first, "bob", "Bob", RsvpStatus.GOING, NOW, 12)
    member.append(await version(mine))
    await store.rsvp(first, "bob", "Bob", RsvpStatus.NO, NOW, 12)
    member.append(await version(mine))
    assert len(set(member)) == 3


async def test_what_a_feed_shows(store: Store) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    other = await store.community("fake", "w2", timezone="UTC", now=NOW)
    old = await _meetup(store, c.id, "Old", -40)
    coffee = await _meetup(store, c.id, "Coffee", 3)
    await _meetup(store, c.id, "Hike", 4)
    await _meetup(store, other.id, "Elsewhere", 3)
    await store.update_meetup(coffee, NOW, status="cancelled")
    await store.rsvp(coffee, "bob", "Bob", RsvpStatus.GOING, NOW, 12)
    await store.rsvp(old, "bob", "Bob", RsvpStatus.GOING, NOW, 12)
    since = NOW - timedelta(days=30)
    shared = await store.feed_state(await store.feed_token(c.id, COMMUNITY_FEED, NOW))
    mine = await store.feed_state(await store.feed_token(c.id, "bob", NOW))
    assert shared is not None and mine is not None
    assert [m.title for m in await store.feed_meetups(shared, since)] == ["Coffee", "Hike"]
    assert [m.title for m in await store.feed_meetups(mine, since)] == ["Coffee"]


async def test_a_removed_community_serves_no_feed(store: Store) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    token = await store.feed_token(c.id, COMMUNITY_FEED, NOW)
    assert await store.mark_removed("fake", "w1", NOW)
    assert await store.feed_state(token) is None
