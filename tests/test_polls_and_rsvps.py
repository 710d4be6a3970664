"""Date polls and RSVPs through the core: votes, closing, invitations, capacity, waitlist,
seat offers and their expiry."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot import actions
from bot.domain.rsvps import RsvpStatus
from tests.support import Harness, plain

POLL = "2030-01-10 19:00 | 2030-01-11 19:00 | 2030-01-12 12:00"


async def _vote(harness: Harness, user: str, mid: int, option: int, answer: str) -> None:
    reply = await harness.click(user, actions.encode("ballot", mid, option))
    assert reply is not None and reply.msg is not None and reply.msg.ephemeral
    by_label = {b.label: b.action_id for b in reply.msg.buttons}
    label = {"yes": "Yes", "maybe": "If need be", "no": "No"}[answer]
    await harness.click(user, by_label[label])


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


# --- polls that end, and end fairly (issue 12) -----------------------------------------------


def _posts_titled(harness: Harness, start: str) -> list[str]:
    return [s.text for s in harness.adapter.of("post")
            if s.msg and (s.msg.title or "").startswith(start)]


async def test_the_winner_is_the_option_most_members_can_make_not_the_one_they_said_no_to(
        harness: Harness) -> None:
    mid = await harness.propose(when=POLL)
    # Option 1: two yes, three no. Option 2: one yes, three if need be, nobody against.
    for user in ("bob", "carol"):
        await _vote(harness, user, mid, 1, "yes")
    for user in ("dave", "erin", "frank"):
        await _vote(harness, user, mid, 1, "no")
        await _vote(harness, user, mid, 2, "maybe")
    await _vote(harness, "bob", mid, 2, "yes")
    reply = await harness.command("alice", "close", id=str(mid))
    assert reply is not None and "2030-01-11T19:00Z" in reply.text
    assert "4 can make it, 3 only if need be" in reply.text
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 1, 11, 19, 0, tzinfo=UTC)
    closing = _posts_titled(harness, f"Date set for #{mid}")
    assert len(closing) == 1 and "4 can make it, 3 only if need be" in closing[0]
    assert "2030-01-11T19:00Z" in closing[0]
    assert {s.to.id for s in harness.adapter.of("dm")} == {"bob", "dave", "erin", "frank"}


async def test_a_poll_without_a_deadline_closes_24_hours_before_its_earliest_option(
        harness: Harness) -> None:
    mid = await harness.propose(when=POLL)  # earliest option 2030-01-10 19:00
    assert "Closes 2030-01-09T19:00Z" in plain(harness.card(mid).body)
    await _vote(harness, "bob", mid, 2, "yes")
    await harness.advance(datetime(2030, 1, 9, 18, 59, tzinfo=UTC) - harness.clock.now())
    assert (await harness.store.meetup(mid)).status.value == "poll"  # type: ignore[union-attr]
    await harness.advance(timedelta(minutes=1))
    m = await harness.store.meetup(mid)
    assert m is not None and m.status.value == "scheduled"
    assert m.starts_at == datetime(2030, 1, 11, 19, 0, tzinfo=UTC)
    assert harness.adapter.dms_to("bob")


async def test_a_poll_made_less_than_a_day_ahead_closes_at_its_earliest_option(
        harness: Harness) -> None:
    mid = await harness.propose(when="2030-01-07 20:00 | 2030-01-08 19:00")
    assert "Closes 2030-01-07T20:00Z" in plain(harness.card(mid).body)
    await _vote(harness, "bob", mid, 2, "yes")
    await harness.advance(timedelta(hours=11))
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 1, 8, 19, 0, tzinfo=UTC)


async def test_a_passed_option_takes_no_votes_and_drops_out(harness: Harness) -> None:
    mid = await harness.propose(when=POLL, deadline="2030-01-10 18:00")
    await _vote(harness, "bob", mid, 1, "yes")
    await _vote(harness, "carol", mid, 1, "yes")
    await _vote(harness, "dave", mid, 2, "yes")
    # The bot was down: the deadline passed unseen, and option 1 with it.
    harness.clock.advance(datetime(2030, 1, 10, 20, 0, tzinfo=UTC) - harness.clock.now())
    late = await harness.click("erin", actions.encode("ballot", mid, 1))
    assert late is not None and "already passed" in late.text and "still open: 2, 3" in late.text
    late = await harness.click("erin", actions.encode("vote", mid, 1, "yes"))
    assert late is not None and "already passed" in late.text
    card = await harness.command("erin", "show", id=str(mid))
    assert card is not None and card.msg is not None
    assert [b.label for b in card.msg.buttons] == ["Vote 2", "Vote 3", "Close poll"]
    refused = await harness.command("alice", "close", id=str(mid), option="1")
    assert refused is not None and "still open: 2, 3" in refused.text
    await harness.timer.fire_due()  # the late deadline job: option 2 wins, not option 1
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 1, 11, 19, 0, tzinfo=UTC)


async def test_a_poll_whose_options_all_passed_expires_and_tells_the_organizer(
        harness: Harness) -> None:
    mid = await harness.propose(when=POLL)
    await _vote(harness, "bob", mid, 1, "yes")
    harness.clock.advance(timedelta(days=6))  # down past every option, deadline unseen
    await harness.timer.fire_due()
    m = await harness.store.meetup(mid)
    assert m is not None and m.status.value == "expired" and m.starts_at is None
    told = harness.adapter.dms_to("alice")
    assert told and "expired" in told[-1].text and "/meetup propose" in told[-1].text
    card = harness.card(mid)
    assert "expired" in (card.title or "") and card.buttons == ()
    assert not harness.adapter.dms_to("bob")
    listed = await harness.command("bob", "list")
    assert listed is not None and f"#{mid}" not in listed.text


async def test_closing_a_poll_whose_options_all_passed_explains_that(harness: Harness) -> None:
    mid = await harness.propose(when=POLL)
    harness.clock.advance(timedelta(days=6))
    reply = await harness.command("alice", "close", id=str(mid))
    assert reply is not None and "expired" in reply.text and "every option passed" in reply.text
    assert "pick a later one" not in reply.text
    m = await harness.store.meetup(mid)
    assert m is not None and m.status.value == "expired"
    again = await harness.command("alice", "close", id=str(mid))
    assert again is not None and "expired" in again.text
    vote = await harness.click("bob", actions.encode("ballot", mid, 1))
    assert vote is not None and "expired" in vote.text


async def test_mine_lists_the_polls_you_voted_in_and_the_ones_you_organize(
        harness: Harness) -> None:
    voted = await harness.propose(when=POLL, title="Voted")
    await harness.propose(when=POLL, title="Not mine")
    own = await harness.propose("bob", when=POLL, title="Bobs poll")
    await _vote(harness, "bob", voted, 2, "no")
    reply = await harness.command("bob", "mine")
    assert reply is not None
    assert f"#{voted} Voted" in reply.text and "voted" in reply.text.split(f"#{voted}")[1]
    assert f"#{own} Bobs poll" in reply.text and "organizer" in reply.text
    assert "Not mine" not in reply.text


# --- seats near the start (issue 12) -----------------------------------------------------------

START_11 = datetime(2030, 1, 11, 19, 0, tzinfo=UTC)  # harness.propose's default time


async def _full_with_waitlist(harness: Harness) -> int:
    mid = await harness.propose(capacity="1")
    for user in ("bob", "carol", "dave"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    return mid


async def test_a_claim_window_never_runs_past_the_start_and_no_seat_is_offered_after_it(
        harness: Harness) -> None:
    mid = await _full_with_waitlist(harness)
    await harness.advance(START_11 - timedelta(hours=1) - harness.clock.now())
    await harness.click("bob", actions.encode("rsvp", mid, "no"))
    offer = harness.adapter.dms_to("carol")[-1]
    assert "seat opened up" in offer.text and "held for you until 2030-01-11T19:00Z" in offer.text
    await harness.advance(timedelta(hours=1))  # carol never claims; the meetup starts
    lapsed = harness.adapter.dms_to("carol")[-1].text
    assert "not claimed before it started" in lapsed and "join the waitlist" not in lapsed
    assert not any("seat opened up" in d.text for d in harness.adapter.dms_to("dave"))
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses["dave"] is RsvpStatus.WAITING
    m = await harness.store.meetup(mid)
    assert m is not None and m.seats_taken == 0


async def test_minutes_before_the_start_a_freed_seat_goes_to_the_next_who_clicks_going(
        harness: Harness) -> None:
    mid = await _full_with_waitlist(harness)
    await harness.advance(START_11 - timedelta(minutes=5) - harness.clock.now())
    await harness.click("bob", actions.encode("rsvp", mid, "no"))
    assert not any("seat opened up" in d.text for d in harness.adapter.dms_to("carol"))
    await harness.click("dave", actions.encode("rsvp", mid, "going"))  # second in line, first here
    assert "You're going" in harness.adapter.last_reply("dave").text
    await harness.click("carol", actions.encode("rsvp", mid, "going"))
    assert "already number 1 on the waitlist" in harness.adapter.last_reply("carol").text
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses == {"bob": RsvpStatus.NO, "carol": RsvpStatus.WAITING,
                        "dave": RsvpStatus.GOING}


async def test_nearby_counts_the_other_members_not_the_one_asking(harness: Harness) -> None:
    await harness.command("alice", "home", city="Berlin")
    await harness.command("bob", "home", city="Potsdam")
    reply = await harness.command("alice", "nearby")
    assert reply is not None and "1 other member within 50 km" in reply.text


async def test_maybe_from_the_waitlist_asks_before_giving_up_the_place(harness: Harness) -> None:
    mid = await _full_with_waitlist(harness)  # bob going; carol 1st, dave 2nd on the waitlist
    ask = await harness.click("dave", actions.encode("rsvp", mid, "maybe"))
    assert ask is not None and ask.msg is not None and ask.msg.ephemeral
    assert "gives up your place (number 2) on the waitlist" in ask.text
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses["dave"] is RsvpStatus.WAITING
    buttons = {b.label: b.action_id for b in ask.msg.buttons}
    await harness.click("dave", buttons["Stay on the waitlist"])
    assert "already number 2 on the waitlist" in harness.adapter.last_reply("dave").text
    await harness.click("dave", buttons["Give it up, mark Maybe"])
    assert "Marked you as maybe" in harness.adapter.last_reply("dave").text
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses["dave"] is RsvpStatus.MAYBE and statuses["carol"] is RsvpStatus.WAITING
    # Going -> Maybe gives up no place in line: no question.
    await harness.click("bob", actions.encode("rsvp", mid, "maybe"))
    assert "Marked you as maybe" in harness.adapter.last_reply("bob").text


# --- lowering the capacity below the number going (issue 12) ----------------------------------


async def _three_going_of_four(harness: Harness) -> int:
    mid = await harness.propose(capacity="4")
    await harness.command("dave", "privacy", show_name="yes")
    for user in ("bob", "carol", "dave"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    await harness.click("erin", actions.encode("rsvp", mid, "maybe"))
    return mid


async def test_lowering_capacity_below_the_number_going_asks_the_organizer_first(
        harness: Harness) -> None:
    mid = await _three_going_of_four(harness)
    ask = await harness.command("alice", "edit", id=str(mid), capacity="1")
    assert ask is not None and ask.msg is not None and ask.msg.ephemeral
    assert "The latest 2 to get a seat: @Dave and 1 other" in ask.text
    assert "Carol" not in ask.text  # no name without consent
    m = await harness.store.meetup(mid)
    assert m is not None and m.capacity == 4  # nothing changes until the organizer chooses
    labels = {b.label: b.action_id for b in ask.msg.buttons}
    assert set(labels) == {"Keep all 3", "Move the latest 2 to the waitlist"}
    refused = await harness.click("bob", labels["Keep all 3"])
    assert refused is not None and "Only the organizer" in refused.text
    await harness.click("alice", labels["Keep all 3"])
    going = next(plain(f.value) for f in harness.card(mid).fields if f.name == "Going")
    assert going == "3 (capacity 1, full)"
    await harness.click("erin", actions.encode("rsvp", mid, "going"))
    assert "on the waitlist" in harness.adapter.last_reply("erin").text


async def test_moving_the_latest_to_the_waitlist_frees_their_seats_and_tells_them(
        harness: Harness) -> None:
    mid = await _three_going_of_four(harness)
    ask = await harness.command("alice", "edit", id=str(mid), capacity="1", title="Smaller")
    assert ask is not None and ask.msg is not None
    assert "Smaller" in harness.card(mid).title  # type: ignore[operator]
    move = next(b.action_id for b in ask.msg.buttons if b.label.startswith("Move"))
    await harness.click("alice", move)
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses == {"bob": RsvpStatus.GOING, "carol": RsvpStatus.WAITING,
                        "dave": RsvpStatus.WAITING, "erin": RsvpStatus.MAYBE}
    m = await harness.store.meetup(mid)
    assert m is not None and m.capacity == 1 and m.seats_taken == 1
    fields = {f.name: plain(f.value) for f in harness.card(mid).fields}
    assert fields["Going"] == "1 / 1" and fields["Waitlist"] == "2"
    assert "waitlist, number 1" in harness.adapter.dms_to("carol")[-1].text
    assert "waitlist, number 2" in harness.adapter.dms_to("dave")[-1].text
    # Moved members wait first, and lose their reminders while waiting.
    await harness.click("bob", actions.encode("rsvp", mid, "no"))
    assert "seat opened up" in harness.adapter.dms_to("carol")[-1].text
    await harness.advance(timedelta(days=4))
    assert not any("Reminder" in d.text for d in harness.adapter.dms_to("dave"))


async def test_polls_made_before_default_deadlines_get_one_on_upgrade(tmp_path: object) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from bot.store.migrate import alembic_config

    url = f"sqlite+aiosqlite:///{tmp_path}/old.db"
    engine = create_engine(url.replace("+aiosqlite", ""))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
        conn.execute(text(
            "INSERT INTO communities (id, platform, workspace_id, created_at) "
            "VALUES (1, 'fake', 'w1', '2030-01-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO meetups (id, community_id, channel_id, title, city_id, city_label, "
            "organizer_id, status, created_at, updated_at) VALUES (1, 1, 'general', 'Old poll', "
            "2950159, 'Berlin', 'alice', 'poll', '2030-01-01 00:00:00', '2030-01-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO poll_options (meetup_id, idx, starts_at) VALUES "
            "(1, 1, '2030-01-10 19:00:00'), (1, 2, '2030-01-11 19:00:00')"))
    engine.dispose()
    harness = await Harness(url).start()  # upgrades to head
    try:
        m = await harness.store.meetup(1)
        assert m is not None and m.deadline == datetime(2030, 1, 9, 19, 0, tzinfo=UTC)
        await harness.click("bob", actions.encode("vote", 1, 2, "yes"))
        await harness.advance(timedelta(days=2, hours=10, minutes=1))
        m = await harness.store.meetup(1)
        assert m is not None and m.starts_at == datetime(2030, 1, 11, 19, 0, tzinfo=UTC)
    finally:
        await harness.stop()


class _ProcessDied(BaseException):
    """The process is killed here: nothing after it runs, and no handler catches it."""


async def test_a_seat_offered_by_a_process_that_died_after_the_offer_still_passes_on(
    harness: Harness, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The offer's expiry job is added in the transaction that makes the offer: a crash
    right after it (before the reminders, the job or the DM) cannot leave the seat held for
    Carol until the meetup."""
    await harness.command("alice", "settings", admin=True, offer_hours="2")
    mid = await harness.propose(capacity="1")
    for user in ("bob", "carol", "dave"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    async def died(*_: Any) -> None:
        raise _ProcessDied()

    with monkeypatch.context() as m, contextlib.suppress(_ProcessDied):
        m.setattr(harness.app.jobs, "replace", died)  # Bob's reminders, after the offer
        await harness.click("bob", actions.encode("rsvp", mid, "no"))
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses["carol"] is RsvpStatus.OFFERED and not harness.adapter.dms_to("carol")
    await harness.advance(timedelta(hours=2, minutes=1))
    statuses = {r.user_id: r.status for r in await harness.store.rsvps(mid)}
    assert statuses["carol"] is RsvpStatus.NO and statuses["dave"] is RsvpStatus.OFFERED
    assert "seat opened up" in harness.adapter.dms_to("dave")[-1].text
