"""Area follows through Core.handle: /meetup follow, unfollow, following; the DMs a proposal
in a followed area sends; "I'm in" following automatically; forget and export (issue #16)."""

from __future__ import annotations

import json
from datetime import timedelta

from bot import actions
from bot.domain.suggestions import INTEREST_DAYS
from tests.support import Harness, Sent
from tests.test_suggestion_interest import portland_idea

PORTLAND = "Portland, Oregon"


def proposal_dms(h: Harness, user: str) -> list[Sent]:
    return [s for s in h.adapter.dms_to(user) if "area you follow" in s.text]


async def test_followers_get_a_dm_when_a_meetup_is_proposed_in_their_area(
        harness: Harness) -> None:
    reply = await harness.command("bob", "follow", city=PORTLAND)
    assert reply is not None and "You follow Portland, Oregon, US (within 50 km)" in reply.text
    assert reply.msg is not None and reply.msg.ephemeral
    await harness.command("carol", "follow", city="Chicago")
    await harness.command("alice", "follow", city=PORTLAND)
    harness.adapter.clear()
    mid = await harness.propose("alice", title="Pints", city="Beaverton, Oregon, US",
                                when="2030-01-20 19:00")
    [dm] = proposal_dms(harness, "bob")
    assert f"#{mid} Pints" in dm.text and "Beaverton" in dm.text, dm.text
    assert "2030-01-21T03:00Z" in dm.text  # 19:00 in Beaverton, shown as a time
    assert f"/meetup show id:{mid}" in dm.text
    assert proposal_dms(harness, "alice") == []  # she proposed it
    assert proposal_dms(harness, "carol") == []  # Chicago is far away


async def test_the_radius_decides_how_far_an_area_reaches(harness: Harness) -> None:
    await harness.command("bob", "follow", city=PORTLAND)  # 50 km: Seattle is 230 km away
    await harness.command("carol", "follow", city=PORTLAND, radius="300")
    await harness.propose("alice", city="Seattle")
    assert proposal_dms(harness, "bob") == []
    assert len(proposal_dms(harness, "carol")) == 1


async def test_online_meetups_and_date_polls(harness: Harness) -> None:
    await harness.command("bob", "follow", city=PORTLAND)
    await harness.propose("alice", city="online", venue="https://meet.example/x")
    assert proposal_dms(harness, "bob") == []  # online is no area
    await harness.propose("alice", city=PORTLAND, when="2030-01-11 19:00 | 2030-01-12 19:00")
    [dm] = proposal_dms(harness, "bob")
    assert "a date poll" in dm.text


async def test_unfollow_and_the_list_of_areas(harness: Harness) -> None:
    empty = await harness.command("bob", "following")
    assert empty is not None and "You follow no areas" in empty.text
    assert "/meetup follow" in empty.text
    await harness.command("bob", "follow", city=PORTLAND, radius="80")
    await harness.command("bob", "follow", city="Berlin")
    listed = await harness.command("bob", "following")
    assert listed is not None and listed.msg is not None
    assert "Portland, Oregon, US, within 80 km" in listed.text and "Berlin" in listed.text
    assert [b.label for b in listed.msg.buttons] == [  # by name
        "Unfollow Berlin, DE", "Unfollow Portland, Oregon, US"]
    gone = await harness.click("bob", listed.msg.buttons[0].action_id)
    assert gone is not None and "no longer follow Berlin" in gone.text
    stop = await harness.command("bob", "unfollow", city=PORTLAND)
    assert stop is not None and "no longer follow Portland" in stop.text
    again = await harness.command("bob", "unfollow", city=PORTLAND)
    assert again is not None and "You don't follow Portland" in again.text
    await harness.propose("alice", city=PORTLAND)
    assert proposal_dms(harness, "bob") == []


async def test_following_again_changes_the_radius(harness: Harness) -> None:
    await harness.command("bob", "follow", city=PORTLAND)
    again = await harness.command("bob", "follow", city=PORTLAND, radius="300")
    assert again is not None and "You still follow" in again.text and "300 km" in again.text
    [row] = await harness.store.follows_of(1, "bob")
    assert row.radius_km == 300


async def test_bad_input_says_what_to_type(harness: Harness) -> None:
    radius = await harness.command("bob", "follow", city=PORTLAND, radius="far")
    assert radius is not None and "radius:80" in radius.text
    nowhere = await harness.command("bob", "follow", city="Atlantis")
    assert nowhere is not None and "city:" in nowhere.text
    which = await harness.command("bob", "follow", city="Springfield")
    assert which is not None and "Springfield," in which.text  # the namesakes to choose from
    assert await harness.store.follows_of(1, "bob") == []


async def test_closed_dms_are_skipped_without_a_channel_post(harness: Harness) -> None:
    await harness.command("bob", "follow", city=PORTLAND)
    await harness.command("carol", "follow", city=PORTLAND)
    harness.adapter.closed_dms.add("bob")
    posts = len(harness.adapter.of("post"))
    await harness.propose("alice", city=PORTLAND)
    assert len(proposal_dms(harness, "carol")) == 1
    assert len(harness.adapter.of("post")) == posts + 1  # the card only


async def test_im_in_on_a_meetup_idea_follows_its_city(harness: Harness) -> None:
    _, im_in = await portland_idea(harness)
    await harness.click("bob", im_in)
    listed = await harness.command("bob", "following")
    assert listed is not None and "Portland, Oregon, US" in listed.text
    assert "you said I'm in there" in listed.text
    # Long after the idea, a meetup around Portland still reaches bob: he follows it now.
    await harness.advance(timedelta(days=INTEREST_DAYS + 5))
    harness.adapter.clear()
    mid = await harness.propose("alice", city="Beaverton, Oregon, US", when="2030-06-20 19:00")
    [dm] = harness.adapter.dms_to("bob")
    assert "area you follow" in dm.text and f"#{mid}" in dm.text


async def test_members_in_for_an_idea_are_told_once(harness: Harness) -> None:
    _, im_in = await portland_idea(harness)
    await harness.click("bob", im_in)  # in for the idea, and so a follower
    harness.adapter.clear()
    await harness.propose("alice", city="Beaverton, Oregon, US", when="2030-01-20 19:00")
    [dm] = harness.adapter.dms_to("bob")
    assert "You said I'm in" in dm.text  # the watcher's message, about his idea


async def test_im_in_keeps_a_follow_made_by_hand(harness: Harness) -> None:
    await harness.command("bob", "follow", city=PORTLAND, radius="200")
    _, im_in = await portland_idea(harness)
    await harness.click("bob", im_in)
    [row] = await harness.store.follows_of(1, "bob")
    assert (row.radius_km, row.source) == (200, "command")


async def test_forget_deletes_follows_and_export_counts_private_ones(harness: Harness) -> None:
    await harness.command("bob", "follow", city=PORTLAND)
    await harness.command("carol", "follow", city=PORTLAND)
    await harness.command("dave", "follow", city="Berlin")
    await harness.command("dave", "privacy", show_name="yes")
    reply = await harness.command("alice", "export", admin=True)
    assert reply is not None and reply.msg is not None
    data = json.loads(reply.msg.attachments[0].content)
    assert [r["user_id"] for r in data["tables"]["followed_areas"]] == ["dave"]
    assert [(a["city"], a["members"]) for a in data["followed_areas_by_area"]] == [
        ("Portland, Oregon, US", 2)]
    await harness.command("bob", "forget")
    await harness.click("bob", actions.encode("forget", "yes"))
    assert await harness.store.follows_of(1, "bob") == []
    assert len(await harness.store.follows_of(1, "carol")) == 1
    await harness.propose("alice", city=PORTLAND)
    assert proposal_dms(harness, "bob") == []
