"""Proposals, edits, cancellations and lists, driven through Core.handle."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot import actions
from tests.support import Harness, plain, text_of


async def test_propose_posts_a_card_and_echoes_the_absolute_time(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Coffee & code", city="Berlin",
                                  when="2030-01-11 19:00", venue="Cafe Kranzler", capacity="8")
    mid = int(harness.adapter.of("post")[-1].msg.title.split()[0][1:])  # type: ignore[union-attr]
    assert reply is not None and reply.msg is not None and reply.msg.ephemeral
    # read in Berlin's zone: 19:00 CET is 18:00 UTC
    assert "2030-01-11T18:00Z (Fri 11 Jan 2030 19:00 CET)" in reply.text and "Berlin" in reply.text
    card = harness.card(mid)
    assert card.title == f"#{mid} · Coffee & code"
    fields = {f.name: plain(f.value) for f in card.fields}
    assert fields["Going"] == "0 / 8"
    assert "Cafe Kranzler" in fields["Where"] and "openstreetmap.org" in fields["Where"]
    assert [b.label for b in card.buttons] == ["Going", "Maybe", "Can't go", "Add to calendar"]
    assert all(len(b.action_id) <= 100 for b in card.buttons)
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 1, 11, 18, 0, tzinfo=UTC)
    assert m.capacity == 8 and m.organizer_id == "alice"


async def test_when_is_read_in_the_community_time_zone(sqlite_url: str) -> None:
    harness = await Harness(sqlite_url, timezone="America/Los_Angeles").start()
    try:
        mid = await harness.propose(when="friday 7pm", city="Portland, Oregon")
        m = await harness.store.meetup(mid)
        # Monday 2030-01-07 01:00 in Los Angeles; "friday 7pm" is Jan 11 19:00 PST = 03:00 UTC.
        assert m is not None and m.starts_at == datetime(2030, 1, 12, 3, 0, tzinfo=UTC)
    finally:
        await harness.stop()


async def test_two_to_ten_times_make_a_date_poll(harness: Harness) -> None:
    mid = await harness.propose(when="2030-01-10 19:00 | 2030-01-11 19:00 | 2030-01-12 12:00")
    card = harness.card(mid)
    assert "pick a date" in (card.title or "")
    assert [b.label for b in card.buttons] == ["Vote 1", "Vote 2", "Vote 3", "Close poll"]
    options, votes = await harness.store.poll(mid)
    assert [o.index for o in options] == [1, 2, 3] and votes == []


async def _assert_refused_and_nothing_stored(harness: Harness, user: str, expect: str,
                                             **options: str) -> None:
    posts_before = len(harness.adapter.of("post"))
    reply = await harness.command(user, "propose", **options)
    assert reply is not None and reply.msg is not None and reply.msg.ephemeral
    assert expect.lower() in reply.text.lower(), reply.text
    assert len(harness.adapter.of("post")) == posts_before
    assert await harness.store.upcoming((await harness.store.community(
        "fake", "w1", timezone="UTC", now=harness.clock.now())).id, harness.clock.now()) == []


async def test_bad_proposals_are_refused_with_what_to_type_instead(harness: Harness) -> None:
    base = {"title": "Coffee", "city": "Berlin", "when": "2030-01-11 19:00"}
    cases = [
        ({"when": "yesterday 7pm"}, "in the past"),
        ({"when": "blorp o'clock"}, "couldn't read"),
        ({"when": "2030-01-11"}, "needs a time of day"),
        ({"city": "Xqzzyville"}, "don't know a city"),
        ({"city": "Portland"}, "which one"),
        ({"capacity": "0"}, "at least 1"),
        ({"capacity": "-3"}, "at least 1"),
        ({"capacity": "many"}, "whole number"),
        ({"capacity": "999999"}, "at most"),
        ({"title": "x" * 101}, "keep it to 100"),
        ({"title": "   "}, "title is empty"),
        ({"when": "2030-01-10 19:00 | " + " | ".join(f"2030-02-{d:02d} 19:00"
                                                     for d in range(1, 11))}, "at most 10"),
        ({"when": "2030-01-10 19:00 | 2030-01-10 19:00"}, "same time"),
        ({"when": "2030-01-10 19:00 |"}, "empty"),
        ({"when": "2030-01-11 19:00", "deadline": "2030-01-09 19:00"}, "only for date polls"),
        ({"when": "2040-01-11 19:00"}, "two years"),
    ]
    for change, expect in cases:
        await _assert_refused_and_nothing_stored(harness, "alice", expect, **{**base, **change})


async def test_a_single_option_poll_is_a_plain_meetup_and_one_bad_option_refuses_all(
        harness: Harness) -> None:
    await _assert_refused_and_nothing_stored(
        harness, "alice", "couldn't read",
        title="Poll", city="Berlin", when="2030-01-10 19:00 | someday maybe")


async def test_propose_without_options_opens_the_form_and_the_form_creates(
        harness: Harness) -> None:
    await harness.command("alice", "propose")
    forms = harness.adapter.of("form")
    assert forms and forms[-1].form is not None
    assert [f.name for f in forms[-1].form.fields] == ["title", "city", "when", "venue",
                                                        "repeat"]
    await harness.submit("alice", "propose", {"title": "", "city": "Nowhere123",
                                              "when": "later", "capacity": "-1"})
    rejected = harness.adapter.of("reject")[-1].errors
    assert rejected is not None and set(rejected) == {"title", "city", "when", "capacity"}
    assert harness.adapter.of("post") == []
    await harness.submit("alice", "propose", {"title": "Board games", "city": "Berlin",
                                              "when": "saturday 3pm", "capacity": ""})
    assert harness.adapter.of("post")[-1].msg.title.endswith("Board games")  # type: ignore[union-attr]


async def test_only_admins_propose_when_the_community_says_so(harness: Harness) -> None:
    await harness.command("alice", "settings", admin=True, who_proposes="admins")
    await _assert_refused_and_nothing_stored(harness, "bob", "only admins",
                                             title="T", city="Berlin", when="2030-01-11 19:00")
    reply = await harness.command("carol", "propose", admin=True, title="T", city="Berlin",
                                  when="2030-01-11 19:00")
    assert reply is not None and "Proposed" in reply.text


async def test_edit_changes_time_and_tells_everyone_who_answered(harness: Harness) -> None:
    mid = await harness.propose()
    ref = harness.card_ref(mid)
    await harness.click("bob", actions.encode("rsvp", mid, "going"), message=ref)
    await harness.click("carol", actions.encode("rsvp", mid, "no"), message=ref)
    harness.adapter.clear()
    reply = await harness.command("alice", "edit", id=str(mid), when="2030-01-12 18:00",
                                  venue="Bar 25")
    assert reply is not None and "Updated" in reply.text
    for user in ("bob", "carol"):
        dm = harness.adapter.dms_to(user)[-1].text
        assert "2030-01-12T18:00Z" in dm and "2030-01-11T19:00Z" in dm  # new and old
        assert "Bar 25" in dm
    assert harness.adapter.dms_to("alice") == []  # the editor is not told their own change
    m = await harness.store.meetup(mid)
    assert m is not None and m.sequence == 1 and m.venue == "Bar 25"
    updates = harness.adapter.of("update")
    assert updates and "2030-01-12T18:00Z" in text_of(updates[-1].msg)  # type: ignore[arg-type]


async def test_only_the_organizer_or_an_admin_edits_or_cancels(harness: Harness) -> None:
    mid = await harness.propose("alice")
    for command, option in (("edit", "title"), ("cancel", "reason")):
        reply = await harness.command("bob", command, id=str(mid), **{option: "Mine now"})
        assert reply is not None and "only the organizer" in reply.text.lower()
    m = await harness.store.meetup(mid)
    assert m is not None and m.title == "Coffee" and m.status.value == "scheduled"
    reply = await harness.command("dave", "edit", id=str(mid), admin=True, title="Renamed")
    assert reply is not None and "Updated" in reply.text


async def test_cancel_tells_everyone_with_a_calendar_cancel_and_blocks_further_actions(
        harness: Harness) -> None:
    mid = await harness.propose()
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.command("alice", "cancel", id=str(mid), reason="venue closed")
    dm = harness.adapter.dms_to("bob")[-1]
    assert "cancelled" in dm.text and "venue closed" in dm.text
    assert dm.msg is not None and b"METHOD:CANCEL" in dm.msg.attachments[0].content
    card = harness.card(mid)
    assert (card.title or "").startswith("CANCELLED") and card.buttons == ()
    for act in (actions.encode("rsvp", mid, "going"),):
        reply = await harness.click("carol", act)
        assert reply is not None and "cancelled" in reply.text
    reply = await harness.command("alice", "edit", id=str(mid), title="Back on")
    assert reply is not None and "cancelled" in reply.text
    assert (await harness.store.rsvps(mid))[0].user_id == "bob"  # nothing else stored


async def test_acting_on_a_finished_meetup_is_refused(harness: Harness) -> None:
    mid = await harness.propose(when="2030-01-07 18:00")
    await harness.advance(timedelta(hours=12))
    reply = await harness.click("bob", actions.encode("rsvp", mid, "going"))
    assert reply is not None and "already over" in reply.text
    assert await harness.store.rsvps(mid) == []


async def test_ids_from_another_community_are_treated_as_unknown(harness: Harness) -> None:
    mid = await harness.propose()
    reply = await harness.click("mallory", actions.encode("rsvp", mid, "going"), workspace="w2")
    assert reply is not None and f"no meetup #{mid}" in reply.text
    reply = await harness.command("mallory", "cancel", id=str(mid), admin=True, workspace="w2")
    assert reply is not None and f"no meetup #{mid}" in reply.text
    assert await harness.store.rsvps(mid) == []
    m = await harness.store.meetup(mid)
    assert m is not None and m.status.value == "scheduled"


async def test_unknown_ids_and_forged_buttons_get_clear_replies(harness: Harness) -> None:
    for bad in ("abc", "0", "-4", "99999"):
        reply = await harness.command("alice", "show", id=bad)
        assert reply is not None and reply.msg is not None and reply.msg.ephemeral
        assert "meetup" in reply.text.lower()
    for forged in ("tw:rsvp:1:yes", "tw:nope:1", "hello", "tw:rsvp:x:going", "tw:" + "a" * 200):
        reply = await harness.click("alice", forged)
        assert reply is not None
        assert "not one I" in reply.text or "no meetup" in reply.text


async def test_list_show_and_mine(harness: Harness) -> None:
    first = await harness.propose(title="Later", when="2030-01-20 19:00")
    second = await harness.propose(title="Sooner", when="2030-01-10 19:00", user="bob")
    await harness.click("carol", actions.encode("rsvp", first, "maybe"))
    reply = await harness.command("carol", "list")
    assert reply is not None
    assert reply.text.index("Sooner") < reply.text.index("Later")
    mine = await harness.command("carol", "mine")
    assert mine is not None and "Later" in mine.text and "Sooner" not in mine.text
    assert "maybe" in mine.text
    shown = await harness.command("carol", "show", id=str(second))
    assert shown is not None and shown.msg is not None and shown.msg.ephemeral
    assert shown.msg.title == f"#{second} · Sooner"
    empty = await harness.command("erin", "mine")
    assert empty is not None and "no upcoming" in empty.text.lower()


async def test_member_text_is_kept_as_text_segments(harness: Harness) -> None:
    mid = await harness.propose(title="@everyone party <@123> <!here>")
    card = harness.card(mid)
    # The title is plain text: adapters escape it; nothing in it becomes a Mention or a ping.
    assert card.ping == ()
    assert card.title == f"#{mid} · @everyone party <@123> <!here>"


async def test_calendar_button_gives_an_ics_file_and_a_google_link(harness: Harness) -> None:
    mid = await harness.propose(venue="Cafe")
    reply = await harness.click("bob", actions.encode("cal", mid))
    assert reply is not None and reply.msg is not None
    ics = reply.msg.attachments[0].content.decode()
    assert "BEGIN:VEVENT" in ics and f"UID:meetup-{mid}-fake-" in ics
    assert "DTSTART;TZID=Europe/London:20300111T190000" in ics and "SEQUENCE:0" in ics
    assert "BEGIN:VTIMEZONE" in ics and "TZID:Europe/London" in ics
    assert "calendar.google.com" in reply.text and "20300111T190000Z" in reply.text
    await harness.command("alice", "edit", id=str(mid), when="2030-01-11 20:00")
    again = await harness.click("bob", actions.encode("cal", mid))
    assert again is not None and again.msg is not None
    assert b"SEQUENCE:1" in again.msg.attachments[0].content


async def test_edit_dms_show_old_and_new_of_every_changed_field(harness: Harness) -> None:
    mid = await harness.propose(venue="Cafe Kranzler", capacity="8", description="Bring a laptop")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    harness.adapter.clear()
    await harness.command("alice", "edit", id=str(mid), title="Coffee & code", venue="Bar 25",
                          capacity="12", description="Bring a book")
    dm = harness.adapter.dms_to("bob")[-1].text
    for old, new in (("Coffee", "Coffee & code"), ("Cafe Kranzler", "Bar 25"), ("8", "12"),
                     ("Bring a laptop", "Bring a book")):
        assert f"{old} → {new}" in dm, dm
    harness.adapter.clear()
    await harness.command("alice", "edit", id=str(mid), capacity="", venue="")
    dm = harness.adapter.dms_to("bob")[-1].text
    assert "12 → no limit" in dm and "Bar 25 → (none)" in dm, dm


async def test_members_who_cant_go_hear_only_about_a_new_time(harness: Harness) -> None:
    mid = await harness.propose()
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "no"))
    harness.adapter.clear()
    reply = await harness.command("alice", "edit", id=str(mid), venue="Bar 25")
    assert reply is not None and "those who can't go" in reply.text
    assert harness.adapter.dms_to("bob") and harness.adapter.dms_to("carol") == []
    await harness.command("alice", "edit", id=str(mid), when="2030-01-12 18:00")
    dm = harness.adapter.dms_to("carol")[-1].text
    assert "2030-01-11T19:00Z (Fri 11 Jan 2030 19:00 GMT) → 2030-01-12T18:00Z" in dm, dm


async def test_calendar_of_a_cancelled_meetup_is_the_cancelling_file_only(
        harness: Harness) -> None:
    mid = await harness.propose()
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.command("alice", "cancel", id=str(mid), reason="rain")
    # The reminder and edit DMs bob got earlier still carry an "Add to calendar" button.
    reply = await harness.click("bob", actions.encode("cal", mid))
    assert reply is not None and reply.msg is not None
    ics = reply.msg.attachments[0].content.decode()
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics and "SEQUENCE:1" in ics
    assert "calendar.google.com" not in reply.text
    assert "cancelled" in reply.text.lower()
    assert "Cancelled" in (harness.card(mid).title or "").title()
