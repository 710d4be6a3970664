"""A suggestion card's "I'm in" count, and what members who are in hear later."""

from __future__ import annotations

from bot.types import MessageRef
from tests.support import Harness, Sent, plain


def idea_cards(harness: Harness) -> list[Sent]:
    return [s for s in harness.adapter.of("post") if s.msg and s.msg.title == "Meetup idea"]


async def portland_idea(harness: Harness) -> tuple[MessageRef, str]:
    """Three homes around Portland bring a suggestion card: its ref and its I'm in id."""
    for user in ("bob", "carol", "dave"):
        await harness.command(user, "home", city="Portland, Oregon")
    [card] = idea_cards(harness)
    assert card.ref is not None and card.msg is not None
    [im_in] = [b.action_id for b in card.msg.buttons if b.label == "I'm in"]
    return card.ref, im_in


def im_in_field(harness: Harness, ref: MessageRef) -> str:
    card = harness.adapter.card(ref.message_id)
    [field] = [f for f in card.fields if f.name == "I'm in"]
    return plain(field.value)


async def test_the_card_counts_members_as_they_click_im_in(harness: Harness) -> None:
    ref, im_in = await portland_idea(harness)
    assert im_in_field(harness, ref) == "nobody yet"
    await harness.command("bob", "privacy", show_name="yes")
    await harness.click("bob", im_in)
    assert im_in_field(harness, ref) == "1: @Bob"
    await harness.click("carol", im_in)
    assert im_in_field(harness, ref) == "2: @Bob and 1 more"
    updates = len(harness.adapter.of("update"))
    await harness.click("carol", im_in)  # already in: the count stays
    assert len(harness.adapter.of("update")) == updates
    card = harness.adapter.card(ref.message_id)
    assert "3 members are around Portland, Oregon" in plain(card.body)
    assert [b.label for b in card.buttons] == ["I'm in", "Propose one"]


async def test_members_who_are_in_hear_when_a_meetup_is_proposed_nearby(
        harness: Harness) -> None:
    _, im_in = await portland_idea(harness)
    for user in ("bob", "carol", "alice"):
        await harness.click(user, im_in)
    harness.adapter.clear()
    await harness.propose(city="Chicago")  # elsewhere: nobody is told
    assert [s for s in harness.adapter.of("dm")] == []
    mid = await harness.propose("alice", title="Pints", city="Beaverton", when="2030-01-20 19:00")
    for user in ("bob", "carol"):
        [dm] = harness.adapter.dms_to(user)
        assert f"#{mid} Pints" in dm.text and "Portland, Oregon" in dm.text, dm.text
        assert f"/meetup show id:{mid}" in dm.text
    assert harness.adapter.dms_to("alice") == []  # she proposed it
    assert harness.adapter.dms_to("dave") == []  # never clicked I'm in
