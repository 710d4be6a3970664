"""A community at scale (issue 13): lead changes reach every meetup, and `/meetup list`
reaches every meetup through pages."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select

from bot.store import schema as t
from tests.fakes import START, Harness

MANY = 620  # more than any page or batch the code uses (the old reschedule stopped at 500)


async def seed_meetups(h: Harness, count: int, going: tuple[str, ...] = ("bob",)) -> list[int]:
    """`count` scheduled meetups straight into the store (one bulk insert each table), with
    `going` members going to each and their reminders at the community's current leads."""
    await h.command("alice", "settings", admin=True)  # creates the community
    community = await h.store.community("fake", h.workspace, timezone="UTC", now=START)
    rows = [
        {
            "community_id": community.id,
            "channel_id": h.channel,
            "title": f"Meetup {i}",
            "city_id": 2950159,
            "city_label": "Berlin, Germany",
            "organizer_id": "alice",
            "status": "scheduled",
            "starts_at": START + timedelta(days=3, minutes=10 * i),
            "created_at": START,
            "updated_at": START,
        }
        for i in range(count)
    ]
    async with h.store.engine.begin() as conn:
        await conn.execute(insert(t.meetups), rows)
        ids = list((await conn.execute(select(t.meetups.c.id).order_by(t.meetups.c.id)))
                   .scalars())
        await conn.execute(insert(t.rsvps), [
            {"meetup_id": mid, "user_id": user, "user_name": user.capitalize(),
             "status": "going", "position": n, "updated_at": START}
            for mid in ids for n, user in enumerate(going, start=1)
        ])
        await conn.execute(insert(t.jobs), [
            {"job_key": f"remind:{mid}:{user}:{lead}:0", "kind": "remind", "meetup_id": mid,
             "community_id": community.id, "user_id": user, "lead_minutes": lead,
             "due_at": START + timedelta(days=2)}
            for mid in ids for user in going for lead in community.reminder_leads
        ])
    return ids


async def pending_leads(h: Harness, user: str) -> dict[int, set[int]]:
    j = t.jobs
    async with h.store.engine.connect() as conn:
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
