"""The welcome queries on every engine: a door-buddy request moves only by conditional
updates (a late click, a timeout and a cancel change it once), greeters and first-timers are
sets, "come again?" keeps one answer per member, and an area wish is used once."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.welcome import Again, BuddyState
from bot.store.store import Store

NOW = datetime(2030, 1, 7, 9, tzinfo=UTC)


async def _meetup(store: Store) -> tuple[int, int]:
    community = await store.community("fake", "w1", timezone="UTC", now=NOW)
    m = await store.create_meetup(
        community_id=community.id, channel_id="general", thread_id=None, title="Coffee",
        city_id=2643743, city_label="London, GB", latitude=51.5, longitude=-0.1,
        organizer_id="alice", organizer_name="Alice", starts_at=datetime(2030, 1, 11, 19,
                                                                         tzinfo=UTC),
        options=(), venue="", description="", capacity=None, deadline=None, now=NOW,
        find_us="yellow umbrella",
    )
    assert m.find_us == "yellow umbrella"
    return community.id, m.id


async def test_a_request_moves_once_whoever_acts_first(store: Store) -> None:
    cid, mid = await _meetup(store)
    request, opened = await store.open_buddy_request(mid, "ana", NOW)
    assert opened and request.state is BuddyState.ASKING and request.greeter_id is None
    assert (await store.open_buddy_request(mid, "ana", NOW)) == (request, False)
    assert await store.ask_greeter(request.id, "bob", NOW)
    assert not await store.ask_greeter(request.id, "carol", NOW)  # bob is being asked
    assert await store.busy_greeters(mid) == {"bob"}
    assert await store.greeter_answered(request.id, "carol", "yes", NOW) is None  # not hers
    timed_out = await store.greeter_answered(request.id, "bob", "timeout", NOW)
    assert timed_out is not None and timed_out.greeter_id is None
    assert await store.greeter_answered(request.id, "bob", "yes", NOW) is None  # too late
    assert await store.asked_greeters(request.id) == {"bob"}
    assert await store.ask_greeter(request.id, "carol", NOW)
    paired = await store.greeter_answered(request.id, "carol", "yes", NOW)
    assert paired is not None and paired.state is BuddyState.PAIRED
    assert [r.id for r in await store.open_requests(cid, greeter_id="carol")] == [request.id]
    for user in ("ana", "carol"):
        assert [r.id for r in await store.requests_involving(mid, user)] == [request.id]
    assert await store.requests_involving(mid, "bob") == []
    ended = await store.end_buddy_request(request.id, BuddyState.CANCELLED, NOW)
    assert ended is not None and ended.greeter_id == "carol"  # as it was: whom to tell
    assert await store.end_buddy_request(request.id, BuddyState.CANCELLED, NOW) is None
    assert await store.open_requests(cid) == []
    again, reopened = await store.open_buddy_request(mid, "ana", NOW)
    assert reopened and again.id == request.id and await store.asked_greeters(again.id) == set()


async def test_greeters_first_timers_answers_and_area_wishes(store: Store) -> None:
    cid, mid = await _meetup(store)
    assert await store.set_greeter(cid, "bob", True, NOW)
    assert not await store.set_greeter(cid, "bob", True, NOW)
    assert await store.greeter_ids(cid) == {"bob"}
    assert await store.set_greeter(cid, "bob", False, NOW)
    assert await store.mark_first_timer(mid, "ana", NOW)
    assert not await store.mark_first_timer(mid, "ana", NOW)
    assert await store.first_timer_ids(mid) == ["ana"]
    await store.answer_again(mid, "ana", Again.YES, NOW)
    await store.answer_again(mid, "ana", Again.MAYBE, NOW)
    await store.answer_again(mid, "raj", Again.NO, NOW)
    assert sorted(await store.again_answers(mid)) == [Again.MAYBE, Again.NO]
