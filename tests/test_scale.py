"""A community at scale (issue 13): lead changes reach every meetup, and `/meetup list`
reaches every meetup through pages."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot import actions
from bot.store import schema as t
from tests.support import START, Harness, Sent
from tests.support import seed_meetups as seed_meetups_in_store

MANY = 620  # more than any page or batch the code uses (the old reschedule stopped at 500)


async def seed_meetups(harness: Harness, count: int,
                       going: tuple[str, ...] = ("bob",)) -> list[int]:
    """`count` scheduled meetups straight into the store, with `going` members going to each
    and their reminders at the community's current leads."""
    await harness.command("alice", "settings", admin=True)  # creates the community
    community = await harness.store.community("fake", harness.workspace, timezone="UTC",
                                              now=START)
    return await seed_meetups_in_store(
        harness.store, community.id, count, now=START, channel=harness.channel,
        organizer="alice", starts=lambda i: START + timedelta(days=3, minutes=10 * i),
        going=going, reminder_leads=community.reminder_leads,
        reminder_due=lambda _starts_at, _lead: START + timedelta(days=2),
    )


async def pending_leads(harness: Harness, user: str) -> dict[int, set[int]]:
    j = t.jobs
    async with harness.store.engine.connect() as conn:
        rows = (await conn.execute(
            select(j.c.meetup_id, j.c.lead_minutes)
            .where(j.c.kind == "remind", j.c.state == "pending", j.c.user_id == user)
        )).all()
    leads: dict[int, set[int]] = {}
    for mid, lead in rows:
        leads.setdefault(mid, set()).add(lead)
    return leads


async def test_community_lead_change_reschedules_every_meetup(harness: Harness) -> None:
    ids = await seed_meetups(harness, MANY, going=("bob", "carol"))
    await harness.command("carol", "reminders", lead="30m")  # her own leads stay hers
    reply = await harness.command("alice", "settings", admin=True, leads="3h")
    assert reply is not None and "reminders 3h before" in reply.text
    assert await pending_leads(harness, "bob") == {mid: {180} for mid in ids}
    assert await pending_leads(harness, "carol") == {mid: {30} for mid in ids}


async def test_member_lead_change_reschedules_every_meetup_they_go_to(
        harness: Harness) -> None:
    ids = await seed_meetups(harness, MANY)
    await harness.command("bob", "reminders", lead="45m")
    assert await pending_leads(harness, "bob") == {mid: {45} for mid in ids}
    await harness.command("bob", "reminders", lead="default")
    assert await pending_leads(harness, "bob") == {mid: {1440, 120} for mid in ids}


def buttons_of(sent: Sent | None) -> dict[str, str]:
    assert sent is not None and sent.msg is not None
    return {b.label: b.action_id for b in sent.msg.buttons}


async def test_list_pages_through_every_meetup_with_a_total(harness: Harness) -> None:
    await seed_meetups(harness, 57)
    first = await harness.command("carol", "list")
    assert first is not None and "Showing 1–10 of 57 (page 1 of 6)" in first.text
    assert "Meetup 9 " in first.text and "Meetup 10 " not in first.text
    assert list(buttons_of(first)) == ["Next →"]
    second = await harness.click("carol", buttons_of(first)["Next →"])
    assert second is not None and "Showing 11–20 of 57 (page 2 of 6)" in second.text
    assert "Meetup 10 " in second.text and "Meetup 9 " not in second.text
    assert list(buttons_of(second)) == ["← Previous", "Next →"]
    back = await harness.click("carol", buttons_of(second)["← Previous"])
    assert back is not None and "Showing 1–10 of 57" in back.text
    last = await harness.command("carol", "list", page="6")
    assert last is not None and "Showing 51–57 of 57 (page 6 of 6)" in last.text
    assert "Meetup 56 " in last.text and list(buttons_of(last)) == ["← Previous"]
    beyond = await harness.command("carol", "list", page="40")  # the list shrank: last page
    assert beyond is not None and "Showing 51–57 of 57" in beyond.text


async def test_list_filters_by_city_and_mine_and_pages_keep_them(harness: Harness) -> None:
    for i in range(12):
        await harness.propose(f"u{i}", title=f"Lisbon {i}", city="Lisbon, Portugal",
                              when=f"2030-01-{10 + i} 19:00")
    berlin = [await harness.propose(f"v{i}", title=f"Berlin {i}", when=f"2030-01-{10 + i} 18:00")
              for i in range(3)]
    lisbon = await harness.command("bob", "list", city="Lisbon, Portugal")
    assert lisbon is not None and "Showing 1–10 of 12" in lisbon.text
    assert "in Lisbon" in (lisbon.msg.title if lisbon.msg else "")
    assert "Berlin" not in lisbon.text
    rest = await harness.click("bob", buttons_of(lisbon)["Next →"])
    assert rest is not None and "Showing 11–12 of 12" in rest.text and "Berlin" not in rest.text
    await harness.click("bob", actions.encode("rsvp", berlin[1], "going"))
    mine = await harness.command("bob", "list", mine="mine")  # `/meetup list mine` typed
    assert mine is not None and "Showing 1–1 of 1" in mine.text
    assert "Berlin 1" in mine.text and "going" in mine.text
    none = await harness.command("bob", "list", mine="yes", city="Lisbon, Portugal")
    assert none is not None and "no upcoming meetups in Lisbon" in none.text
    bad = await harness.command("bob", "list", mine="maybe")
    assert bad is not None and "/meetup list mine" in bad.text


async def test_forged_list_buttons_are_refused(harness: Harness) -> None:
    await seed_meetups(harness, 3)
    reply = await harness.click("carol", "tw:list:2:0:everyone")
    assert reply is not None and "not one I" in reply.text


async def test_an_empty_list_says_how_to_propose(harness: Harness) -> None:
    reply = await harness.command("carol", "list")
    assert reply is not None and "No upcoming meetups yet. Propose one" in reply.text
    mine = await harness.command("carol", "list", mine="yes")
    assert mine is not None and mine.text.startswith("You have no upcoming meetups.")


async def test_mine_pages_past_25_meetups(harness: Harness) -> None:
    await seed_meetups(harness, 30)  # bob goes to all 30
    first = await harness.command("bob", "mine")
    assert first is not None and "Showing 1–10 of 30" in first.text and "going" in first.text
    last = await harness.command("bob", "list", mine="yes", page="3")
    assert last is not None and "Showing 21–30 of 30" in last.text and "Meetup 29 " in last.text
