"""Meetups as Guild Scheduled Events and area role mentions, on the Discord wire fake with the
real discord.py client, adapter and core; every request body, and every scheduled event and
gateway payload the fake sends, is checked against Discord's OpenAPI spec when it is present
(issue #16)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.discord.discord_flow import Flow, buttons, card, dms, flow, propose, text
from tests.discord.discord_harness import load_spec
from tests.discord.fake_scheduled_events import CANCELED, EXTERNAL
from tests.discord.fakediscord import Recorded

EVENTS = r"/guilds/\d+/scheduled-events"


def event_calls(f: Flow, method: str) -> list[Recorded]:
    return f.fake.find(method, EVENTS + (r"/\d+" if method != "POST" else ""))


def offers(f: Flow) -> list[dict[str, object]]:
    return [m for m in dms(f.fake, f.bob) if "RSVP Going" in buttons(m)]


def spec_checked(f: Flow, *, payloads: bool = True) -> None:
    assert f.fake.spec_errors == []
    if load_spec() is not None:
        assert f.fake.spec_checked > 0
        assert f.fake.payloads_checked > 0 or not payloads


async def test_a_meetup_becomes_an_external_event_kept_in_step(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        meetup = await propose(f, venue="Bar Cafe", description="Upstairs")
        [create] = event_calls(f, "POST")
        body = create.json
        assert body["entity_type"] == EXTERNAL and body["privacy_level"] == 2
        assert body["entity_metadata"] == {"location": "Bar Cafe, Berlin, DE"}
        start = datetime.fromisoformat(body["scheduled_start_time"])
        end = datetime.fromisoformat(body["scheduled_end_time"])
        assert start == datetime(2030, 1, 11, 18, 0, tzinfo=UTC)  # 19:00 in Berlin
        assert end - start == timedelta(hours=2)
        assert body["name"] == "Coffee & code" and f"#{meetup}" in body["description"]
        [event_id] = f.fake.scheduled_events
        row = await f.app.store.native_event_of(meetup)
        assert row is not None and row.event_id == event_id

        c = card(f.fake, f.general, meetup)
        await f.click(f.bob, c["id"], buttons(c)["Going"])
        assert event_calls(f, "PATCH") == []  # an RSVP changes nothing in the event
        await f.command(f.alice, "edit", id=meetup, venue="The Pub")
        [edit] = event_calls(f, "PATCH")
        assert edit.json["entity_metadata"] == {"location": "The Pub, Berlin, DE"}
        await f.command(f.alice, "cancel", id=meetup)
        cancel = event_calls(f, "PATCH")[-1]
        assert cancel.json == {"status": CANCELED}
        assert f.fake.scheduled_events[event_id]["status"] == CANCELED
        spec_checked(f)


async def test_without_manage_events_the_channel_is_told_once(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        f.fake.manage_events = False
        await propose(f)
        await propose(f, title="Again")
        notices = [m for m in f.fake.messages.values() if "Manage Events" in text(m)]
        assert len(notices) == 1 and notices[0]["channel_id"] == f.general
        assert [r.status for r in event_calls(f, "POST")] == [403, 403]
        assert f.fake.scheduled_events == {}
        spec_checked(f, payloads=False)


async def test_interested_in_discord_is_offered_an_rsvp_by_dm(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        meetup = await propose(f)
        [event_id] = f.fake.scheduled_events
        await f.fake.interested(f.bob, f.guild, event_id)
        await f.fake.wait_until(lambda: dms(f.fake, f.bob))
        [offer] = offers(f)
        assert "Coffee & code" in text(offer) and "RSVP Going" in buttons(offer)
        await f.click(f.bob, offer["id"], buttons(offer)["RSVP Going"])
        [rsvp] = await f.app.store.rsvps(meetup)
        assert (rsvp.user_id, rsvp.status.value) == (f.bob.id, "going")
        assert "Going: 1" in text(card(f.fake, f.general, meetup))
        # the same gateway event again (a replay): no second offer
        await f.fake.interested(f.bob, f.guild, event_id)
        await f.fake.interested(f.alice, f.guild, "12345")  # not an event of the bot
        assert len(offers(f)) == 1 and dms(f.fake, f.alice) == []
        spec_checked(f)


async def test_an_area_role_is_mentioned_and_only_it(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        role = "112233445566778899"
        refused = await f.command(f.bob, "area-role", city="Berlin", role=f"<@&{role}>")
        assert "Only admins" in text(refused[-1].json.get("data") or refused[-1].json)
        everyone = await f.command(f.carol, "area-role", city="Berlin",
                                   role=f"<@&{f.guild.id}>")
        assert "everyone" in text(everyone[-1].json.get("data") or everyone[-1].json)
        typed = await f.command(f.carol, "area-role", city="Berlin", role="@everyone")
        assert "everyone" in text(typed[-1].json.get("data") or typed[-1].json)
        member = await f.command(f.carol, "area-role", city="Berlin", role=f"<@{f.bob.id}>")
        assert "role:@portland" in text(member[-1].json.get("data") or member[-1].json)
        assert await f.app.store.area_groups(1) == []
        await f.command(f.carol, "area-role", city="Berlin", role=f"<@&{role}>")
        [row] = await f.app.store.area_groups(1)
        assert (row.group_id, row.group_label) == (role, "")
        meetup = await propose(f, title="@everyone @here <@&999> party",
                               description="@everyone come")
        posted = [r for r in f.fake.find("POST", rf"/channels/{f.general}/messages")
                  if r.json and r.json.get("embeds")][-1].json
        assert posted["content"] == f"<@&{role}>"
        assert posted["allowed_mentions"]["parse"] == []
        assert [str(r) for r in posted["allowed_mentions"]["roles"]] == [role]
        assert "@everyone" in text(card(f.fake, f.general, meetup))  # shown, in the embed
        elsewhere = await propose(f, city="Hamburg")
        assert not card(f.fake, f.general, elsewhere).get("content")
        spec_checked(f)
