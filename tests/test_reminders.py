"""Reminders through the real job engine, store and a manual timer: lead times, per-member
leads, DM-closed fallback, follow-ups, and restarts between due and sent."""

from __future__ import annotations

from datetime import timedelta

from bot import actions
from tests.support import Harness, plain

# Meetups below start Friday 2030-01-11 19:00 UTC; the clock starts Monday 09:00 UTC.
FRIDAY = "2030-01-11 19:00"


def reminders_to(harness: Harness, user: str) -> list[str]:
    return [d.msg.title or "" for d in harness.adapter.dms_to(user)
            if d.msg and (d.msg.title or "").startswith("Reminder")]


async def test_going_members_get_a_dm_at_each_lead(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY, venue="Cafe")
    await harness.command("bob", "privacy", show_name="yes")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "maybe"))
    await harness.advance(timedelta(days=3, hours=9, minutes=59))  # Thu 18:59
    assert reminders_to(harness, "bob") == []
    await harness.advance(timedelta(minutes=2))  # Thu 19:01: the 24 h reminder
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 1d"]
    dm = harness.adapter.dms_to("bob")[-1]
    assert dm.msg is not None
    fields = {f.name: plain(f.value) for f in dm.msg.fields}
    assert fields["When"].startswith("2030-01-11T19:00Z") and "Cafe" in fields["Where"]
    assert fields["Who's going"] == "@Bob"
    await harness.advance(timedelta(hours=22))  # Fri 17:01: the 2 h reminder
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 1d", "Reminder: Coffee in 2h"]
    assert reminders_to(harness, "carol") == []  # maybe members only if the community says so


async def test_per_member_leads_override_and_maybe_members_when_enabled(
        harness: Harness) -> None:
    await harness.command("alice", "settings", admin=True, remind_maybe="yes")
    mid = await harness.propose(when=FRIDAY)
    await harness.command("bob", "reminders", lead="30m")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "maybe"))
    await harness.command("dave", "reminders", lead="off")
    await harness.click("dave", actions.encode("rsvp", mid, "going"))
    await harness.advance(timedelta(days=4, hours=10))  # Fri 19:00
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 30m"]
    assert reminders_to(harness, "carol") == ["Reminder: Coffee in 1d", "Reminder: Coffee in 2h"]
    assert reminders_to(harness, "dave") == []


async def test_changing_leads_after_rsvp_reschedules(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.command("bob", "reminders", lead="3h")
    await harness.advance(timedelta(days=4, hours=10))
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 3h"]


async def test_members_who_leave_get_no_reminder(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("bob", actions.encode("rsvp", mid, "no"))
    await harness.advance(timedelta(days=5))
    assert reminders_to(harness, "bob") == []


async def test_closed_dms_are_collected_into_one_channel_message(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY)
    harness.adapter.closed_dms.update({"bob", "carol"})
    for user in ("bob", "carol", "dave"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    harness.adapter.clear()
    await harness.advance(timedelta(days=3, hours=10, minutes=1))
    posts = [p for p in harness.adapter.of("post") if p.msg and "Reminder" in p.text]
    assert len(posts) == 1
    post = posts[0]
    assert post.msg is not None
    assert {u.id for u in post.msg.ping} == {"bob", "carol"}
    assert "@Bob" in post.text and "@Carol" in post.text and "DMs are closed" in post.text
    assert reminders_to(harness, "dave") == ["Reminder: Coffee in 1d"]
    assert (await harness.store.job_counts()).get("claimed", 0) == 0


async def test_follow_up_after_the_event_offers_the_next_one(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.advance(timedelta(days=4, hours=13))  # Fri 22:00: 3 h after the start
    follow = [p for p in harness.adapter.of("post") if p.msg and "How was" in (p.msg.title or "")]
    assert len(follow) == 1 and "(1 went)" in follow[0].text
    assert follow[0].msg is not None
    button = next(b for b in follow[0].msg.buttons if b.label == "Propose the next one")
    await harness.click("bob", button.action_id)
    form = harness.adapter.of("form")[-1].form
    assert form is not None and form.fields[1].default == "London, GB"


async def test_a_cancelled_meetup_sends_no_reminders(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.command("alice", "cancel", id=str(mid))
    await harness.advance(timedelta(days=5))
    assert reminders_to(harness, "bob") == []
    assert not [p for p in harness.adapter.of("post") if "How was" in (p.msg.title or "")]  # type: ignore[union-attr]


async def test_time_edit_moves_reminders(harness: Harness) -> None:
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.command("alice", "edit", id=str(mid), when="2030-01-12 19:00")
    await harness.advance(timedelta(days=3, hours=10, minutes=1))  # old 24 h mark passed
    assert reminders_to(harness, "bob") == []
    await harness.advance(timedelta(days=1))
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 1d"]


async def test_restart_while_due_sends_once_after_start(sqlite_url: str) -> None:
    harness = await Harness(sqlite_url).start()
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.stop()  # the bot is down while the 24 h reminder comes due
    h2 = Harness(sqlite_url, start=harness.clock.now() + timedelta(days=3, hours=12))  # Thu 21:00
    await h2.start()
    try:
        await h2.advance(timedelta(0))  # the restarted timer fires what is past due
        assert reminders_to(h2, "bob") == ["Reminder: Coffee in 1d"]
        await h2.stop()
        h3 = Harness(sqlite_url, start=h2.clock.now() + timedelta(minutes=5))
        await h3.start()
        await h3.advance(timedelta(0))
        assert reminders_to(h3, "bob") == []  # sent already: never twice
        await h3.advance(timedelta(hours=20, minutes=1))  # Fri 17:06: the 2 h one
        assert reminders_to(h3, "bob") == ["Reminder: Coffee in 2h"]
        await h3.stop()
    finally:
        await h2.stop()


async def test_a_claim_by_a_dead_process_is_retried_after_the_lease(sqlite_url: str) -> None:
    harness = await Harness(sqlite_url).start()
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    due = harness.clock.now() + timedelta(days=3, hours=10)
    # Another process claims the due reminder and dies before sending it.
    claimed = await harness.store.claim_due(due, harness.app.jobs.lease)
    assert len(claimed) == 1
    await harness.stop()
    h2 = Harness(sqlite_url, start=due + timedelta(minutes=1))
    await h2.start()
    try:
        await h2.advance(timedelta(0))
        assert reminders_to(h2, "bob") == []  # still leased to the dead process
        await h2.advance(h2.app.jobs.lease)
        assert reminders_to(h2, "bob") == ["Reminder: Coffee in 1d"]
        await h2.advance(timedelta(hours=1))
        assert reminders_to(h2, "bob") == ["Reminder: Coffee in 1d"]
    finally:
        await h2.stop()


async def test_reminders_due_after_the_start_are_skipped_but_follow_up_happens(
        sqlite_url: str) -> None:
    harness = await Harness(sqlite_url).start()
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.stop()
    # The process was paused until after the start: both reminders came due meanwhile.
    h2 = Harness(sqlite_url, start=harness.clock.now() + timedelta(days=4, hours=10, minutes=30))
    await h2.start()
    try:
        await h2.advance(timedelta(0))
        assert reminders_to(h2, "bob") == []
        await h2.advance(timedelta(hours=3))
        assert [p for p in h2.adapter.of("post") if "How was" in (p.msg.title or "")]  # type: ignore[union-attr]
        counts = await h2.store.job_counts()
        assert counts == {"done": 3}
    finally:
        await h2.stop()
