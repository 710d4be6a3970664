"""Which city a name means, through Core.handle: one dominance rule for typed cities
(propose, home) and for the watcher; unknown names and far small towns are refused with what
to type; comparable namesakes are asked about, never guessed."""

from __future__ import annotations

from sqlalchemy import select

from bot.nlp.places import resolve_city
from bot.store import schema as t
from tests.support import Harness, Sent


def city_id(name: str) -> int:
    city = resolve_city(name).city
    assert city is not None, name
    return city.id


async def test_an_unknown_name_is_refused_not_a_far_small_town(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Dive", city="Atlantis",
                                  when="2030-01-11 19:00")
    assert reply is not None and 'city:"Atlantis, ZA"' in reply.text, reply.text
    assert harness.adapter.of("post") == []
    mid = await harness.propose(city="Atlantis, ZA")  # chosen: fine
    m = await harness.store.meetup(mid)
    assert m is not None and m.city_label == "Atlantis, ZA"


async def test_a_dominant_namesake_is_taken_at_once(harness: Harness) -> None:
    for name, label in (("San Francisco", "San Francisco, California, US"),
                        ("Paris", "Paris, FR"), ("Dublin", "Dublin, IE")):
        mid = await harness.propose(city=name)
        m = await harness.store.meetup(mid)
        assert m is not None and m.city_label == label


async def test_comparable_namesakes_are_asked_about(harness: Harness) -> None:
    for name in ("Portland", "Springfield", "Cambridge"):
        reply = await harness.command("alice", "propose", title="T", city=name,
                                      when="2030-01-11 19:00")
        assert reply is not None and "which one" in reply.text.lower(), reply.text
        assert reply.text.count('city:"') >= 2
    assert harness.adapter.of("post") == []


async def test_where_members_live_tells_namesakes_apart(harness: Harness) -> None:
    await harness.command("bob", "home", city="Portland, Maine")
    mid = await harness.propose(city="Portland")
    m = await harness.store.meetup(mid)
    assert m is not None and m.city_label == "Portland, Maine, US"


async def test_the_community_country_makes_its_small_towns_normal(sqlite_url: str) -> None:
    harness = await Harness(sqlite_url, timezone="America/Los_Angeles").start()
    try:
        mid = await harness.propose(city="Palo Alto")
        m = await harness.store.meetup(mid)
        assert m is not None and m.city_label == "Palo Alto, California, US"
        # Birmingham, GB alone elsewhere; for an American community Alabama is a real doubt
        reply = await harness.command("bob", "home", city="Birmingham")
        assert reply is not None and "which one" in reply.text.lower(), reply.text
        assert 'city:"Birmingham, Alabama, US"' in reply.text
    finally:
        await harness.stop()


# --- the watcher ------------------------------------------------------------------------------


async def _watch(harness: Harness) -> None:
    await harness.command("admin", "settings", admin=True, channel="general", watch="on")
    harness.adapter.clear()


def _question(harness: Harness, user: str) -> Sent:
    found = [s for s in harness.adapter.replies_to(user)
             if s.msg and any(b.action_id.startswith("tw:place:") for b in s.msg.buttons)]
    assert found, [s.text for s in harness.adapter.replies_to(user)]
    return found[-1]


async def _home_of(harness: Harness, user: str) -> int | None:
    m = t.members
    async with harness.store.engine.connect() as conn:
        row = (await conn.execute(select(m.c.home_city_id).where(m.c.user_id == user))).first()
    return row.home_city_id if row else None


async def test_the_watcher_asks_which_springfield(harness: Harness) -> None:
    await _watch(harness)
    await harness.say("dave", "Hi all, I live in Springfield and I'm new here.")
    question = _question(harness, "dave")
    assert question.msg is not None
    labels = [b.label for b in question.msg.buttons]
    assert "Springfield, Missouri, US" in labels and "Springfield, Illinois, US" in labels
    assert "No" in labels
    pick = next(b.action_id for b in question.msg.buttons
                if b.label == "Springfield, Illinois, US")
    reply = await harness.click("dave", pick)
    assert reply is not None and "Springfield, Illinois, US" in reply.text
    assert await _home_of(harness, "dave") == city_id("Springfield, Illinois")


async def test_the_watcher_takes_a_qualified_or_dominant_name(harness: Harness) -> None:
    await _watch(harness)
    await harness.say("erin", "Hi! I live in Springfield, Illinois, and I'm new here.")
    q = _question(harness, "erin")
    assert q.msg is not None and q.msg.buttons[0].label == "Yes"
    await harness.say("frank", "Hi all! I live in Paris and I'm new here.")
    q = _question(harness, "frank")
    assert q.msg is not None and q.msg.buttons[0].label == "Yes"
    assert "Paris, FR" in q.text


async def test_a_forged_pick_of_another_city_is_refused(harness: Harness) -> None:
    await _watch(harness)
    await harness.say("dave", "Hi all, I live in Springfield and I'm new here.")
    question = _question(harness, "dave")
    assert question.msg is not None
    qid = question.msg.buttons[0].action_id.split(":")[2]
    reply = await harness.click("dave", f"tw:place:{qid}:yes:{city_id('Berlin')}")
    assert reply is not None and "Nothing was changed" in reply.text
    assert await _home_of(harness, "dave") is None


# --- the confirmation offers the namesakes --------------------------------------------------


async def test_the_confirmation_offers_the_other_namesakes(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Picnic", city="Paris",
                                  when="2030-01-11 19:00")
    assert reply is not None and reply.msg is not None
    mid = int(reply.text.split("#")[1].split(" ")[0])
    labels = {b.label: b.action_id for b in reply.msg.buttons}
    assert "Paris, Texas, US" in labels, reply.text
    await harness.click("bob", f"tw:rsvp:{mid}:going", message=harness.card_ref(mid))
    harness.adapter.clear()
    moved = await harness.click("alice", labels["Paris, Texas, US"])
    assert moved is not None and "Paris, Texas, US" in moved.text
    m = await harness.store.meetup(mid)
    assert m is not None and m.city_label == "Paris, Texas, US"
    assert m.city_id == city_id("Paris, Texas")
    assert "Paris, Texas, US" in harness.adapter.dms_to("bob")[-1].text  # told
    assert any("Paris, Texas" in s.text for s in harness.adapter.of("update"))  # card


async def test_moving_to_a_namesake_keeps_the_wall_time_in_the_new_zone(
        harness: Harness) -> None:
    """19:00 in Paris is 19:00 in Paris, Texas: the meetup keeps its local time, not the
    instant, and its reminders follow."""
    reply = await harness.command("alice", "propose", title="Picnic", city="Paris",
                                  when="2030-01-11 19:00")
    assert reply is not None and reply.msg is not None
    mid = int(reply.text.split("#")[1].split(" ")[0])
    labels = {b.label: b.action_id for b in reply.msg.buttons}
    await harness.click("alice", labels["Paris, Texas, US"])
    m = await harness.store.meetup(mid)
    assert m is not None and m.timezone == "America/Chicago"
    assert m.starts_at is not None and m.starts_at.isoformat() == "2030-01-12T01:00:00+00:00"


async def test_a_poll_moved_to_a_namesake_keeps_its_options_wall_times(
        harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Picnic", city="Paris",
                                  when="2030-01-11 19:00 | 2030-01-12 18:00")
    assert reply is not None and reply.msg is not None
    mid = int(reply.text.split("#")[1].split(" ")[0])
    labels = {b.label: b.action_id for b in reply.msg.buttons}
    await harness.click("alice", labels["Paris, Texas, US"])
    options = await harness.store.poll_options(mid)
    assert [o.starts_at.isoformat() for o in options] == [
        "2030-01-12T01:00:00+00:00", "2030-01-13T00:00:00+00:00"]
    m = await harness.store.meetup(mid)
    assert m is not None and m.deadline is not None
    assert m.deadline.isoformat() == "2030-01-11T01:00:00+00:00"  # a day before the first


async def test_only_the_organizer_moves_and_only_to_a_namesake(harness: Harness) -> None:
    mid = await harness.propose(city="Paris")
    texas = city_id("Paris, Texas")
    refused = await harness.click("bob", f"tw:recity:{mid}:{texas}")
    assert refused is not None and "Only the organizer" in refused.text
    forged = await harness.click("alice", f"tw:recity:{mid}:{city_id('Berlin')}")
    assert forged is not None and "Nothing was changed" in forged.text
    m = await harness.store.meetup(mid)
    assert m is not None and m.city_label == "Paris, FR"


async def test_a_home_confirmation_offers_the_namesakes_too(harness: Harness) -> None:
    reply = await harness.command("bob", "home", city="Dublin")
    assert reply is not None and reply.msg is not None
    labels = {b.label: b.action_id for b in reply.msg.buttons}
    assert "Dublin, Ohio, US" in labels, reply.text
    assert await _home_of(harness, "bob") == city_id("Dublin")
    moved = await harness.click("bob", labels["Dublin, Ohio, US"])
    assert moved is not None and "Dublin, Ohio, US" in moved.text
    assert await _home_of(harness, "bob") == city_id("Dublin, Ohio")
    forged = await harness.click("bob", f"tw:rehome:{city_id('Berlin')}")
    assert forged is not None and "Nothing was changed" in forged.text
    assert await _home_of(harness, "bob") == city_id("Dublin, Ohio")
