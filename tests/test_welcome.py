"""First-timers, "find us" and after the meetup, through Core.handle: the button on the Going
confirmation, the organizer's day-before list (names only with consent), the first-timers'
"what to expect" DM and its running-late button, the follow-up's question and tally, the
next meetup prefilled, and a first-timer's wish to hear about the next meetup there."""

from __future__ import annotations

from datetime import timedelta

from bot import actions
from bot.types import Outgoing
from tests.support import Harness, Sent, text_of

FRIDAY = "2030-01-11 19:00"  # London: its winter wall time is UTC


def buttons(sent: Sent | None) -> dict[str, str]:
    assert sent is not None and sent.msg is not None
    return {b.label: b.action_id for b in sent.msg.buttons}


def dm_texts(harness: Harness, user: str) -> list[str]:
    return [d.text for d in harness.adapter.dms_to(user)]


def dm_titled(harness: Harness, user: str, title: str) -> Outgoing:
    found = [d.msg for d in harness.adapter.dms_to(user) if d.msg and title in (d.msg.title or "")]
    assert found, f"no DM titled {title!r} to {user}: {dm_texts(harness, user)}"
    return found[-1]


async def going(harness: Harness, user: str, mid: int) -> Sent | None:
    return await harness.click(user, actions.encode("rsvp", mid, "going"))


async def test_going_offers_a_private_first_one_button(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY)
    confirmation = await going(harness, "bob", mid)
    assert confirmation is not None and confirmation.msg is not None
    assert confirmation.msg.ephemeral
    assert buttons(confirmation) == {"It's my first one": f"tw:first:{mid}"}
    maybe = await harness.click("carol", actions.encode("rsvp", mid, "maybe"))
    assert maybe is not None and maybe.msg is not None and not maybe.msg.buttons
    refused = await harness.click("carol", f"tw:first:{mid}")
    assert refused is not None and "Click Going" in refused.text
    welcomed = await harness.click("bob", f"tw:first:{mid}")
    assert welcomed is not None and "Welcome!" in welcomed.text
    assert "without your name" in welcomed.text and "Coming alone is completely normal" in (
        welcomed.text)
    again = await harness.click("bob", f"tw:first:{mid}")
    assert again is not None and "Noted already" in again.text
    assert await harness.store.first_timer_ids(mid) == ["bob"]


async def test_the_day_before_the_organizer_hears_who_is_new_by_their_privacy_choice(
    harness: Harness,
) -> None:
    mid = await harness.propose(when=FRIDAY, find_us="yellow umbrella at the back")
    for user in ("ana", "raj", "kim", "old"):
        await going(harness, user, mid)
    await harness.command("ana", "privacy", show_name="yes")
    await harness.command("raj", "privacy", show_name="yes")
    for user in ("ana", "raj", "kim"):  # kim keeps her name private
        await harness.click(user, f"tw:first:{mid}")
    await harness.advance(timedelta(days=3, hours=9, minutes=59))  # Thu 18:59
    assert not [t for t in dm_texts(harness, "alice") if "first-timer" in t]
    await harness.advance(timedelta(minutes=2))  # Thu 19:01: the day before
    brief = dm_titled(harness, "alice", "First-timers at Coffee")
    text = text_of(brief)
    assert "3 first-timers: @Ana, @Raj, and 1 who'd rather not be named" in text
    assert "Kim" not in text and "Old" not in text
    assert "Find us: yellow umbrella at the back" in text
    for user in ("ana", "raj", "kim"):
        expect = dm_titled(harness, user, "What to expect at Coffee")
        words = text_of(expect)
        assert "How to find us: yellow umbrella at the back" in words
        assert "Host: @Alice" in words and "Coming alone is completely normal" in words
        assert {b.label for b in expect.buttons} >= {"I'm running late", "Meet me at the door"}
    assert not [d for d in harness.adapter.dms_to("old") if "expect" in d.text]


async def test_no_first_timers_no_briefing_and_a_moved_meetup_moves_it(harness: Harness) -> None:
    quiet = await harness.propose(when=FRIDAY, title="Quiet")
    await going(harness, "bob", quiet)
    mid = await harness.propose(when=FRIDAY)
    await going(harness, "ana", mid)
    await harness.click("ana", f"tw:first:{mid}")
    await harness.command("alice", "edit", id=str(mid), when="2030-01-12 19:00")
    await harness.advance(timedelta(days=3, hours=10, minutes=1))  # Thu 19:01
    assert not [d for d in harness.adapter.dms_to("ana") if "expect" in d.text]
    await harness.advance(timedelta(days=1))  # Fri 19:01: a day before the new time
    dm_titled(harness, "ana", "What to expect at Coffee")
    assert not [t for t in dm_texts(harness, "alice") if "Quiet" in t and "first" in t]


async def test_marked_within_the_last_day_hears_what_to_expect_at_once(harness: Harness) -> None:
    mid = await harness.propose(when="2030-01-07 20:00")  # tonight
    await going(harness, "ana", mid)
    await harness.click("ana", f"tw:first:{mid}")
    dm_titled(harness, "ana", "What to expect at Coffee")


async def test_running_late_dms_the_host_by_name(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY)
    await going(harness, "ana", mid)
    await harness.click("ana", f"tw:first:{mid}")
    told = await harness.click("ana", f"tw:late:{mid}")
    assert told is not None and "Told the host" in told.text
    late = "@Ana is running a little late to #1 Coffee"
    assert any(late in t for t in dm_texts(harness, "alice"))
    refused = await harness.click("zed", f"tw:late:{mid}")
    assert refused is not None and "not marked as going" in refused.text
    harness.adapter.closed_dms.add("alice")
    closed = await harness.click("ana", f"tw:late:{mid}")
    assert closed is not None and "couldn't reach the host" in closed.text


async def test_find_us_on_the_card_in_reminders_and_in_edits(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY, find_us="  yellow umbrella  ")
    assert "Find us: yellow umbrella" in text_of(harness.card(mid))
    await going(harness, "bob", mid)
    edited = await harness.command("alice", "edit", id=str(mid), find_us="red door, upstairs")
    assert edited is not None and "Find us: yellow umbrella → red door, upstairs" in edited.text
    assert any("red door, upstairs" in t for t in dm_texts(harness, "bob"))
    assert "Find us: red door, upstairs" in text_of(harness.card(mid))
    await harness.advance(timedelta(days=3, hours=10, minutes=1))
    reminder = dm_titled(harness, "bob", "Reminder: Coffee")
    assert "Find us: red door, upstairs" in text_of(reminder)
    long = await harness.command("alice", "edit", id=str(mid), find_us="x" * 201)
    assert long is not None and "keep it to 200" in long.text


async def test_follow_up_asks_would_you_come_again_and_the_organizer_sees_the_tally(
    harness: Harness,
) -> None:
    mid = await harness.propose(when=FRIDAY, venue="Cafe Nero")
    for user in ("bob", "carol", "dave"):
        await going(harness, user, mid)
    await harness.advance(timedelta(days=4, hours=13))  # Fri 22:00
    (follow,) = [p for p in harness.adapter.of("post") if "How was" in p.text]
    labels = buttons(follow)
    assert "Would you come again?" in follow.text
    assert set(labels) >= {"Yes!", "Maybe", "Probably not", "Propose the next one"}
    await harness.click("bob", labels["Yes!"])
    await harness.click("carol", labels["Yes!"])
    await harness.click("carol", labels["Maybe"])  # changed her mind: one answer each
    await harness.click("dave", labels["Probably not"])
    outsider = await harness.click("zed", labels["Yes!"])
    assert outsider is not None and "for those who went" in outsider.text
    tally_button = labels["See the answers (organizer)"]
    refused = await harness.click("bob", tally_button)
    assert refused is not None and "Only the organizer" in refused.text
    seen = await harness.click("alice", tally_button)
    assert seen is not None and "1 yes, 1 maybe, 1 probably not" in seen.text
    await harness.click("alice", labels["Propose the next one"])
    form = harness.adapter.of("form")[-1].form
    assert form is not None
    prefilled = {f.name: f.default for f in form.fields}
    assert prefilled == {"title": "Coffee", "city": "London, GB", "when": "2030-02-08 19:00+00:00",
                         "venue": "Cafe Nero", "capacity": ""}
    await harness.submit("alice", form.form_id, prefilled)
    assert "#2 · Coffee" in (harness.card(2).title or "")


async def test_first_timers_who_went_are_thanked_and_hear_about_the_next_one_there(
    harness: Harness,
) -> None:
    mid = await harness.propose(when=FRIDAY)
    for user in ("ana", "bob", "kim"):
        await going(harness, user, mid)
    await harness.click("ana", f"tw:first:{mid}")
    await harness.click("kim", f"tw:first:{mid}")
    await harness.click("kim", actions.encode("rsvp", mid, "no"))  # kim did not go
    await harness.advance(timedelta(days=4, hours=13))
    thanks = [d for d in harness.adapter.dms_to("ana") if "Thank you for coming" in d.text]
    assert len(thanks) == 1 and "next meetup in London, GB" in thanks[0].text
    assert not [d for d in harness.adapter.dms_to("kim") if "Thank you for coming" in d.text]
    assert not [d for d in harness.adapter.dms_to("bob") if "Thank you for coming" in d.text]
    yes = buttons(thanks[0])["Yes, tell me about London, GB"]
    noted = await harness.click("ana", yes)
    assert noted is not None and "you now follow London, GB" in noted.text  # an area follow
    await harness.propose(when="2030-02-08 19:00", title="Brunch", city="Berlin")
    assert not [t for t in dm_texts(harness, "ana") if "Brunch" in t]  # another city
    await harness.propose(when="2030-02-08 19:00", title="Pub night")
    told = [t for t in dm_texts(harness, "ana") if "in an area you follow" in t]
    assert len(told) == 1 and "Pub night" in told[0] and "London, GB" in told[0]
