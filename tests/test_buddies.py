"""Door buddies through Core.handle: greeters volunteer, a first-timer asks, greeters who
are going are asked one at a time, names are shared only once both agreed, declines and
timeouts move on, nobody left is told kindly before the meetup, cancelling, and greeters who
stop, stop going or are forgotten are replaced with the first-timer told."""

from __future__ import annotations

import json
from datetime import timedelta

from bot import actions
from bot.types import Outgoing
from tests.support import Harness, text_of

FRIDAY = "2030-01-11 19:00"


def asks_to(harness: Harness, user: str) -> list[Outgoing]:
    return [d.msg for d in harness.adapter.dms_to(user)
            if d.msg and "Could you meet a first-timer" in (d.msg.title or "")]


def button(msg: Outgoing, label: str) -> str:
    return next(b.action_id for b in msg.buttons if b.label == label)


def dm_texts(harness: Harness, user: str) -> list[str]:
    return [d.text for d in harness.adapter.dms_to(user)]


async def meetup_with_greeters(harness: Harness, *greeters: str, **options: str) -> int:
    """A meetup on Friday with these greeters going (in this order) and ana, a first-timer."""
    mid = await harness.propose(when=FRIDAY, **options)
    for g in greeters:
        await harness.command(g, "greeter", status="on")
        await harness.click(g, actions.encode("rsvp", mid, "going"))
    await harness.click("ana", actions.encode("rsvp", mid, "going"))
    await harness.click("ana", f"tw:first:{mid}")
    return mid


async def test_greeter_on_off_and_status(harness: Harness) -> None:
    shown = await harness.command("bob", "greeter")
    assert shown is not None and "not a greeter" in shown.text
    on = await harness.command("bob", "greeter", status="on")
    assert on is not None and "Thank you for volunteering" in on.text
    shown = await harness.command("bob", "greeter")
    assert shown is not None and "You're a greeter here" in shown.text
    bad = await harness.command("bob", "greeter", status="maybe")
    assert bad is not None and "on or off" in bad.text
    off = await harness.command("bob", "greeter", status="off")
    assert off is not None and "no longer a greeter" in off.text
    assert await harness.store.greeter_ids(1) == set()


async def test_both_agree_then_each_learns_the_others_name(harness: Harness) -> None:
    mid = await meetup_with_greeters(harness, "bob", find_us="yellow umbrella")
    asked = await harness.click("ana", f"tw:door:{mid}")
    assert asked is not None and "I'm asking a greeter" in asked.text
    assert [b.label for b in asked.msg.buttons] == ["Cancel my request"]  # type: ignore[union-attr]
    (ask,) = asks_to(harness, "bob")
    assert "Ana" not in text_of(ask)  # no name before both agreed
    assert "2030-01-11T18:45Z" in text_of(ask)  # 15 minutes before the start
    assert not [t for t in dm_texts(harness, "ana") if "Bob" in t]
    again = await harness.click("ana", f"tw:door:{mid}")
    assert again is not None and "already asking" in again.text
    accepted = await harness.click("bob", button(ask, "Yes, I'll meet them"))
    assert accepted is not None and "introduced you" in accepted.text
    to_ana = [d for d in harness.adapter.dms_to("ana") if "Someone will meet you" in d.text]
    to_bob = [d for d in harness.adapter.dms_to("bob") if "meeting a first-timer" in d.text]
    assert len(to_ana) == 1 and len(to_bob) == 1
    assert "@Bob will meet you at the door" in to_ana[0].text
    assert "Meet at: 2030-01-11T18:45Z" in to_ana[0].text
    assert "Find us: yellow umbrella" in to_ana[0].text
    assert "@Ana is looking forward" in to_bob[0].text
    twice = await harness.click("bob", button(ask, "Yes, I'll meet them"))
    assert twice is not None and "already moved on" in twice.text


async def test_declined_and_unanswered_go_to_the_next_then_kindly_nobody(
    harness: Harness,
) -> None:
    mid = await meetup_with_greeters(harness, "bob", "carol", "dave")
    await harness.command("erin", "greeter", status="on")  # a greeter who is not going
    await harness.click("ana", f"tw:door:{mid}")
    (ask_bob,) = asks_to(harness, "bob")
    declined = await harness.click("bob", button(ask_bob, "Not this time"))
    assert declined is not None and "ask someone else" in declined.text
    (ask_carol,) = asks_to(harness, "carol")
    assert not asks_to(harness, "dave")
    await harness.advance(timedelta(hours=5, minutes=59))
    assert not asks_to(harness, "dave")
    await harness.advance(timedelta(minutes=2))  # carol's six hours are up
    assert len(asks_to(harness, "dave")) == 1
    late = await harness.click("carol", button(ask_carol, "Yes, I'll meet them"))
    assert late is not None and "already moved on" in late.text
    assert not asks_to(harness, "erin")
    await harness.advance(timedelta(hours=6, minutes=1))  # dave never answers
    sorry = [t for t in dm_texts(harness, "ana") if "I'm sorry" in t]
    assert len(sorry) == 1 and "Please come anyway" in sorry[0]
    assert harness.clock.now() < harness.clock.now().replace(day=11, hour=18)  # in time
    assert not [t for t in dm_texts(harness, "ana") if "@" in t and "meet you" in t]


async def test_a_request_close_to_the_start_ends_in_time(harness: Harness) -> None:
    mid = await meetup_with_greeters(harness, "bob")
    await harness.advance(timedelta(days=4, hours=7))  # Fri 16:00, three hours before
    await harness.click("ana", f"tw:door:{mid}")
    assert len(asks_to(harness, "bob")) == 1
    await harness.advance(timedelta(hours=1, minutes=44))  # 17:44: bob still may answer
    assert not [t for t in dm_texts(harness, "ana") if "I'm sorry" in t]
    await harness.advance(timedelta(minutes=2))  # 17:46: past 17:45, an hour before meeting
    assert [t for t in dm_texts(harness, "ana") if "I'm sorry" in t]


async def test_too_late_or_no_greeter_is_said_kindly_at_once(harness: Harness) -> None:
    mid = await meetup_with_greeters(harness)  # nobody volunteers
    nobody = await harness.click("ana", f"tw:door:{mid}")
    assert nobody is not None and "no greeter going to #1" in nobody.text
    soon = await harness.propose(when="2030-01-07 10:00", title="Soon")  # in an hour
    await harness.command("bob", "greeter", status="on")
    await harness.click("bob", actions.encode("rsvp", soon, "going"))
    await harness.click("kim", actions.encode("rsvp", soon, "going"))
    too_late = await harness.click("kim", f"tw:door:{soon}")
    assert too_late is not None and "starts too soon" in too_late.text
    assert not asks_to(harness, "bob")
    not_going = await harness.click("zed", f"tw:door:{mid}")
    assert not_going is not None and "Click Going" in not_going.text


async def test_the_first_timer_can_cancel_any_time(harness: Harness) -> None:
    mid = await meetup_with_greeters(harness, "bob", "carol")
    await harness.click("ana", f"tw:door:{mid}")
    cancelled = await harness.click("ana", f"tw:nodoor:{mid}")
    assert cancelled is not None and "Cancelled" in cancelled.text
    assert any("No need to answer" in t for t in dm_texts(harness, "bob"))
    (ask,) = asks_to(harness, "bob")
    stale = await harness.click("bob", button(ask, "Yes, I'll meet them"))
    assert stale is not None and "already moved on" in stale.text
    await harness.advance(timedelta(hours=7))  # the cancelled ask's timeout asks nobody
    assert not asks_to(harness, "carol")
    nothing = await harness.click("ana", f"tw:nodoor:{mid}")
    assert nothing is not None and "nothing to cancel" in nothing.text
    # asking again starts afresh; once paired, cancelling tells the greeter
    await harness.click("ana", f"tw:door:{mid}")
    ask = asks_to(harness, "bob")[-1]
    await harness.click("bob", button(ask, "Yes, I'll meet them"))
    await harness.click("ana", f"tw:nodoor:{mid}")
    assert any("won't need you at the door" in t for t in dm_texts(harness, "bob"))


async def test_a_greeter_who_stops_is_replaced_and_the_first_timer_told(
    harness: Harness,
) -> None:
    mid = await meetup_with_greeters(harness, "bob", "carol")
    await harness.click("ana", f"tw:door:{mid}")
    (ask,) = asks_to(harness, "bob")
    await harness.click("bob", button(ask, "Yes, I'll meet them"))
    off = await harness.command("bob", "greeter", status="off")
    assert off is not None and "finding someone else for the 1" in off.text
    assert any("A change at the door" in t for t in dm_texts(harness, "ana"))
    (ask_carol,) = asks_to(harness, "carol")
    await harness.click("carol", button(ask_carol, "Yes, I'll meet them"))
    assert any("@Carol will meet you" in t for t in dm_texts(harness, "ana"))
    # carol stops going: replaced too (nobody left: told kindly)
    await harness.click("carol", actions.encode("rsvp", mid, "no"))
    assert any("I'm sorry" in t for t in dm_texts(harness, "ana"))


async def test_a_forgotten_greeter_is_replaced_and_forget_and_export_cover_it_all(
    harness: Harness,
) -> None:
    mid = await meetup_with_greeters(harness, "bob", "carol")
    await harness.click("ana", f"tw:door:{mid}")
    (ask,) = asks_to(harness, "bob")
    await harness.click("bob", button(ask, "Yes, I'll meet them"))
    exported = await harness.command("alice", "export", admin=True)
    assert exported is not None and exported.msg is not None
    data = json.loads(exported.msg.attachments[0].content)
    tables = data["tables"]
    assert tables["greeters"] == [] and data["greeters_not_named"] == [{"members": 2}]
    assert tables["first_timers"] == [] and data["first_timer_counts"] == [
        {"meetup_id": mid, "members": 1}]
    assert [(r["state"], r["first_timer_id"], r["greeter_id"])
            for r in tables["buddy_requests"]] == [("paired", None, None)]
    await harness.command("bob", "privacy", show_name="yes")
    data = json.loads((await harness.command("alice", "export", admin=True))  # type: ignore[union-attr]
                      .msg.attachments[0].content)  # type: ignore[union-attr]
    assert [r["user_id"] for r in data["tables"]["greeters"]] == ["bob"]
    assert data["tables"]["buddy_requests"][0]["greeter_id"] == "bob"

    await harness.command("bob", "forget")
    done = await harness.click("bob", actions.encode("forget", "yes"))
    assert done is not None and "1 greeter sign-up" in done.text
    assert any("A change at the door" in t for t in dm_texts(harness, "ana"))
    assert len(asks_to(harness, "carol")) == 1
    await harness.command("ana", "forget")
    gone = await harness.click("ana", actions.encode("forget", "yes"))
    assert gone is not None and "1 first-meetup mark" in gone.text
    assert "1 door-buddy request" in gone.text
    assert any("No need to answer" in t for t in dm_texts(harness, "carol"))
    for user in ("ana", "bob"):
        assert await harness.store.open_requests(1, first_timer_id=user) == []
        assert await harness.store.open_requests(1, greeter_id=user) == []
    assert await harness.store.first_timer_ids(mid) == []
    assert await harness.store.greeter_ids(1) == {"carol"}


async def test_a_greeter_who_leaves_the_community_is_replaced(harness: Harness) -> None:
    mid = await meetup_with_greeters(harness, "bob", "carol")
    await harness.click("ana", f"tw:door:{mid}")
    (ask,) = asks_to(harness, "bob")
    await harness.click("bob", button(ask, "Yes, I'll meet them"))
    await harness.app.core.member_left("fake", "w1", "bob")
    assert any("A change at the door" in t for t in dm_texts(harness, "ana"))
    assert len(asks_to(harness, "carol")) == 1
    assert await harness.store.greeter_ids(1) == {"carol"}
    await harness.app.core.member_left("fake", "w1", "ana")  # the first-timer leaves
    assert any("No need to answer" in t for t in dm_texts(harness, "carol"))
    assert await harness.store.open_requests(1) == []
