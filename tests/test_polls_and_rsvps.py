"""Date polls and RSVPs through the core: votes, closing, invitations, capacity, waitlist,
seat offers and their expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot import actions
from bot.domain.rsvps import RsvpStatus
from tests.fakes import Harness, plain

POLL = "2030-01-10 19:00 | 2030-01-11 19:00 | 2030-01-12 12:00"


async def _vote(h: Harness, user: str, mid: int, option: int, answer: str) -> None:
    reply = await h.click(user, actions.encode("ballot", mid, option))
    assert reply is not None and reply.msg is not None and reply.msg.ephemeral
    by_label = {b.label: b.action_id for b in reply.msg.buttons}
    label = {"yes": "Yes", "maybe": "If need be", "no": "No"}[answer]
    await h.click(user, by_label[label])


async def test_votes_update_the_tally_and_can_be_changed(harness: Harness) -> None:
    mid = await harness.propose(when=POLL)
    await _vote(harness, "bob", mid, 2, "yes")
    await _vote(harness, "carol", mid, 2, "maybe")
    await _vote(harness, "bob", mid, 2, "no")  # changed mind
    card = harness.card(mid)
    option2 = next(plain(f.value) for f in card.fields if f.name == "Option 2")
    assert "yes 0 · if need be 1 · no 1" in option2
    assert "2 members voted" in plain(card.body)
    ballot = await harness.click("bob", actions.encode("ballot", mid, 2))
    assert ballot is not None and "Your answer: No" in ballot.text


async def test_close_picks_the_winner_and_invites_yes_and_if_need_be_voters(
        harness: Harness) -> None:
    mid = await harness.propose(when=POLL)
    await _vote(harness, "bob", mid, 1, "yes")
    await _vote(harness, "carol", mid, 2, "yes")
    await _vote(harness, "dave", mid, 2, "maybe")
    await _vote(harness, "erin", mid, 1, "maybe")
    await _vote(harness, "erin", mid, 2, "no")
    # Option 1: yes 1, maybe 1; option 2: yes 1, maybe 1 -> tie -> the earliest (option 1).
    reply = await harness.command("bob", "close", id=str(mid))
    assert reply is not None and "only the organizer" in reply.text.lower()
    reply = await harness.command("alice", "close", id=str(mid))
    assert reply is not None and "2030-01-10T19:00Z" in reply.text
    m = await harness.store.meetup(mid)
    assert m is not None and m.status.value == "scheduled"
    assert m.starts_at == datetime(2030, 1, 10, 19, 0, tzinfo=UTC)
    invited = {s.to.id for s in harness.adapter.of("dm")}
    assert invited == {"bob", "erin"}
    dm = harness.adapter.dms_to("bob")[-1]
    assert dm.msg is not None and [b.label for b in dm.msg.buttons] == ["Going", "Maybe",
                                                                       "Can't go"]
    assert next(b.label for b in harness.card(mid).buttons) == "Going"
    again = await harness.command("alice", "close", id=str(mid))
    assert again is not None and "not a date poll" in again.text
    late = await harness.click("carol", actions.encode("vote", mid, 1, "yes"))
    assert late is not None and "closed" in late.text


async def test_close_with_an_option_and_bad_options(harness: Harness) -> None:
    mid = await harness.propose(when=POLL)
    reply = await harness.command("alice", "close", id=str(mid), option="7")
    assert reply is not None and "options 1 to 3" in reply.text
    reply = await harness.command("alice", "close", id=str(mid), option="3")
    assert reply is not None and "2030-01-12T12:00Z" in reply.text


async def test_poll_closes_by_itself_at_the_deadline(harness: Harness) -> None:
    mid = await harness.propose(when=POLL, deadline="2030-01-08 12:00")
    await _vote(harness, "bob", mid, 3, "yes")
    await harness.advance(timedelta(days=1, hours=2, minutes=59))
    assert (await harness.store.meetup(mid)).status.value == "poll"  # type: ignore[union-attr]
    await harness.advance(timedelta(minutes=2))
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 1, 12, 12, 0, tzinfo=UTC)
    assert harness.adapter.dms_to("bob")


async def test_rsvp_on_a_poll_is_refused(harness: Harness) -> None:
    mid = await harness.propose(when=POLL)
    reply = await harness.click("bob", actions.encode("rsvp", mid, "going"))
    assert reply is not None and "vote on the dates first" in reply.text
    assert await harness.store.rsvps(mid) == []


async def test_capacity_waitlist_offer_claim_and_card_updates(harness: Harness) -> None:
    mid = await harness.propose(capacity="2")
    for user in ("bob", "carol", "dave", "erin"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    waiting = harness.adapter.last_reply("erin")
    assert "number 2 on the waitlist" in waiting.text
    fields = {f.name: plain(f.value) for f in harness.card(mid).fields}
    assert fields["Going"] == "2 / 2" and fields["Waitlist"] == "2"
    await harness.click("bob", actions.encode("rsvp", mid, "no"))
    offer = harness.adapter.dms_to("dave")[-1]
    assert "seat opened up" in offer.text and "2030-01-07T21:00Z" in offer.text  # 12 h window
    assert offer.msg is not None
    claim = next(b.action_id for b in offer.msg.buttons if b.label == "Take the seat")
    await harness.click("dave", claim)
    assert "You're going" in harness.adapter.last_reply("dave").text
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses == {"bob": RsvpStatus.NO, "carol": RsvpStatus.GOING,
                        "dave": RsvpStatus.GOING, "erin": RsvpStatus.WAITING}


async def test_an_unclaimed_offer_passes_to_the_next_after_the_window(harness: Harness) -> None:
    await harness.command("alice", "settings", admin=True, offer_hours="2")
    mid = await harness.propose(capacity="1")
    for user in ("bob", "carol", "dave"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    await harness.click("bob", actions.encode("rsvp", mid, "maybe"))
    assert harness.adapter.dms_to("carol")
    await harness.advance(timedelta(hours=2, minutes=1))
    assert "passed to the next person" in harness.adapter.dms_to("carol")[-1].text
    assert "seat opened up" in harness.adapter.dms_to("dave")[-1].text
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses["carol"] is RsvpStatus.NO and statuses["dave"] is RsvpStatus.OFFERED
    # Passing explicitly frees the seat entirely when nobody else waits.
    offer = harness.adapter.dms_to("dave")[-1]
    assert offer.msg is not None
    await harness.click("dave", next(b.action_id for b in offer.msg.buttons if b.label == "Pass"))
    m = await harness.store.meetup(mid)
    assert m is not None and m.seats_taken == 0


async def test_raising_capacity_offers_seats_to_the_waitlist(harness: Harness) -> None:
    mid = await harness.propose(capacity="1")
    for user in ("bob", "carol", "dave"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    await harness.command("alice", "edit", id=str(mid), capacity="3")
    for user in ("carol", "dave"):
        assert any("seat opened up" in d.text for d in harness.adapter.dms_to(user))


async def test_names_show_only_with_consent(harness: Harness) -> None:
    mid = await harness.propose()
    await harness.command("bob", "privacy", show_name="yes")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "going"))
    who = next(plain(f.value) for f in harness.card(mid).fields if f.name == "Who's going")
    assert who == "@Bob and 1 other"
    assert "Carol" not in str(harness.card(mid))


async def test_repeated_clicks_change_nothing(harness: Harness) -> None:
    mid = await harness.propose(capacity="1")
    for _ in range(3):
        await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "going"))
    assert "already number 1" in harness.adapter.last_reply("carol").text
    m = await harness.store.meetup(mid)
    assert m is not None and m.seats_taken == 1


async def test_a_redelivered_event_is_acted_on_once(harness: Harness) -> None:
    await harness.command("alice", "propose", key="same", title="Once", city="Berlin",
                          when="2030-01-11 19:00")
    await harness.command("alice", "propose", key="same", title="Once", city="Berlin",
                          when="2030-01-11 19:00")
    assert len(harness.adapter.of("post")) == 1
    assert len(harness.adapter.replies_to("alice")) == 1


async def test_buttons_in_a_dm_outside_any_community_work_for_the_member_they_were_for(
        harness: Harness) -> None:
    from bot.types import NO_COMMUNITY, ActionClicked, Place

    mid = await harness.propose(capacity="1")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "going"))  # waitlisted
    await harness.click("bob", actions.encode("rsvp", mid, "no"))  # carol is offered the seat
    dm = Place("fake", NO_COMMUNITY, "dm-carol")
    claim = actions.encode("claim", mid)
    await harness.app.core.handle(ActionClicked(harness.user("carol"), dm, None, claim, "d1"))
    assert "You're going" in harness.adapter.last_reply("carol").text
    # Someone with no stake in the meetup cannot use a forged button from a DM.
    await harness.app.core.handle(ActionClicked(harness.user("mallory"), dm, None,
                                                actions.encode("rsvp", mid, "going"), "d2"))
    assert "community's channel" in harness.adapter.last_reply("mallory").text
    assert {r.user_id for r in await harness.store.rsvps(mid)} == {"bob", "carol"}
