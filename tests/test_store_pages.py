"""Store queries of the public pages (bot/store/pages.py), on each engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.rsvps import RsvpStatus
from bot.store.pages import is_page_token
from bot.store.store import Store

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


async def _meetup(store: Store, community_id: int, title: str, days: int) -> int:
    m = await store.create_meetup(
        community_id=community_id, channel_id="general", thread_id=None, title=title,
        city_id=1, city_label="Berlin, DE", latitude=52.5, longitude=13.4,
        organizer_id="alice", organizer_name="Alice", starts_at=NOW + timedelta(days=days),
        options=[], venue="", description="", capacity=None, deadline=None, now=NOW)
    return m.id


async def test_tokens_are_random_stable_and_open_only_public_pages(store: Store) -> None:
    c = await store.community("fake", "w1", timezone="Europe/Berlin", now=NOW)
    coffee = await _meetup(store, c.id, "Coffee", 1)
    token = await store.page_token(coffee, NOW)
    assert is_page_token(token) and await store.page_token(coffee, NOW) == token
    assert await store.page_state(token) is None  # pages are off by default
    await store.update_community(c.id, public_pages=True, invite_url="https://discord.gg/x")
    state = await store.page_state(token)
    assert state is not None and state.meetup_id == coffee and state.invite_url == "https://discord.gg/x"
    assert (state.going, state.shown, state.community_zone) == (0, 0, "Europe/Berlin")
    assert await store.page_state("A" * 22) is None


async def test_state_counts_going_and_names_only_members_who_show_them(store: Store) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    await store.update_community(c.id, public_pages=True)
    coffee = await _meetup(store, c.id, "Coffee", 1)
    await store.save_member(c.id, "bob", "Bob", NOW, show_name=True)
    await store.save_member(c.id, "carol", "Carol", NOW)
    for user, name, answer in (("bob", "Bob", RsvpStatus.GOING),
                               ("carol", "Carol", RsvpStatus.GOING),
                               ("dave", "Dave", RsvpStatus.MAYBE)):
        await store.rsvp(coffee, user, name, answer, NOW, 12)
    state = await store.page_state(await store.page_token(coffee, NOW))
    assert state is not None and (state.going, state.shown) == (2, 1)
    assert await store.page_going(coffee, c.id) == (2, ["Bob"])


async def test_upcoming_pages_are_the_next_scheduled_with_tokens(store: Store) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    later = await _meetup(store, c.id, "Later", 5)
    sooner = await _meetup(store, c.id, "Sooner", 2)
    await _meetup(store, c.id, "Past", -2)
    upcoming = await store.upcoming_pages(c.id, NOW)
    assert [u.meetup.id for u in upcoming] == [sooner, later]
    assert upcoming[0].token == await store.page_token(sooner, NOW)
