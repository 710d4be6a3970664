"""Online meetups held in one of the server's voice or stage channels become Guild Scheduled
Events in that channel (entity types VOICE and STAGE_INSTANCE), anything else an EXTERNAL event
with the link as its location; on the Discord wire fake whose guild has voice and stage
channels, each body checked against the OpenAPI spec and Discord's per-type rules (channel_id
required and no location for voice/stage; a switch to EXTERNAL sends channel_id null)
(issue #16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp

from tests.discord.discord_flow import Flow, flow, propose
from tests.discord.fake_scheduled_events import CANCELED, EXTERNAL, STAGE_INSTANCE, VOICE
from tests.discord.fakediscord import STAGE_CHANNEL, VOICE_CHANNEL, Recorded
from tests.discord.test_discord_native_events import event_calls, spec_checked


def link(guild_id: str, channel_id: str) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}"


async def post_event(f: Flow, body: dict[str, Any]) -> int:
    """POST a scheduled event straight to the fake, as a client that breaks the rules would."""
    url = f"{f.fake.api_base_url}/guilds/{f.guild.id}/scheduled-events"
    async with aiohttp.ClientSession() as session, session.post(
        url, json=body, headers={"Authorization": f"Bot {f.fake.token}"}
    ) as response:
        return response.status


async def online(f: Flow, venue: str) -> int:
    return await propose(f, title="Voice hangout", city="online", venue=venue)


def created(f: Flow) -> Recorded:
    return event_calls(f, "POST")[-1]


async def test_a_voice_channel_link_makes_a_voice_event_in_it(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        lounge = await f.fake.add_channel(f.guild, "lounge", VOICE_CHANNEL)
        meetup = await online(f, link(f.guild.id, lounge))
        body = created(f).json
        assert created(f).status == 200
        assert (body["entity_type"], str(body["channel_id"])) == (VOICE, lounge)
        assert body.get("entity_metadata") is None
        [event] = f.fake.scheduled_events.values()
        assert (event["entity_type"], event["channel_id"]) == (VOICE, lounge)
        row = await f.app.store.native_event_of(meetup)
        assert row is not None and row.event_id == event["id"]
        spec_checked(f)


async def test_a_stage_channel_link_makes_a_stage_event(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        stage = await f.fake.add_channel(f.guild, "town-hall", STAGE_CHANNEL)
        await online(f, link(f.guild.id, stage))
        body = created(f).json
        assert (body["entity_type"], str(body["channel_id"])) == (STAGE_INSTANCE, stage)
        assert body.get("entity_metadata") is None
        spec_checked(f)


async def test_a_text_channel_or_another_guilds_link_is_an_external_event(
    tmp_path: Path,
) -> None:
    async with flow(tmp_path) as f:
        text_link = link(f.guild.id, f.general)
        await online(f, text_link)
        assert created(f).json["entity_type"] == EXTERNAL
        assert created(f).json["entity_metadata"] == {"location": text_link}
        elsewhere = f.fake.add_guild(name="Other", members=())
        foreign = await f.fake.add_channel(elsewhere, "their-voice", VOICE_CHANNEL)
        foreign_link = link(elsewhere.id, foreign)
        await online(f, foreign_link)
        assert created(f).json["entity_type"] == EXTERNAL
        assert created(f).json["entity_metadata"] == {"location": foreign_link}
        ours = await f.fake.add_channel(f.guild, "lounge", VOICE_CHANNEL)
        mislabelled = link(elsewhere.id, ours)  # our channel's id under another guild
        await online(f, mislabelled)
        assert created(f).json["entity_metadata"] == {"location": mislabelled}
        assert [e["entity_type"] for e in f.fake.scheduled_events.values()] == [EXTERNAL] * 3
        spec_checked(f)


async def test_moving_between_a_voice_channel_and_a_link_switches_the_event(
    tmp_path: Path,
) -> None:
    """Discord lets PATCH change entity_type (a switch to EXTERNAL sends channel_id null, a
    location and an end time), so the same event follows the meetup."""
    async with flow(tmp_path) as f:
        lounge = await f.fake.add_channel(f.guild, "lounge", VOICE_CHANNEL)
        meetup = await online(f, link(f.guild.id, lounge))
        [event_id] = f.fake.scheduled_events
        call = "https://meet.example.org/coffee"
        await f.command(f.alice, "edit", id=meetup, venue=call)
        [to_link] = event_calls(f, "PATCH")
        assert to_link.status == 200, to_link.json
        assert to_link.json["entity_type"] == EXTERNAL and to_link.json["channel_id"] is None
        assert to_link.json["entity_metadata"] == {"location": call}
        event = f.fake.scheduled_events[event_id]
        assert (event["entity_type"], event["channel_id"]) == (EXTERNAL, None)

        stage = await f.fake.add_channel(f.guild, "town-hall", STAGE_CHANNEL)
        await f.command(f.alice, "edit", id=meetup, venue=link(f.guild.id, stage))
        to_stage = event_calls(f, "PATCH")[-1]
        assert to_stage.status == 200, to_stage.json
        assert (event["entity_type"], event["channel_id"]) == (STAGE_INSTANCE, stage)
        assert event["entity_metadata"] is None
        assert list(f.fake.scheduled_events) == [event_id]  # one event throughout

        await f.command(f.alice, "cancel", id=meetup)
        assert event_calls(f, "PATCH")[-1].json == {"status": CANCELED}
        assert event["status"] == CANCELED
        spec_checked(f)


async def test_the_fake_refuses_a_voice_event_without_its_channel(tmp_path: Path) -> None:
    """The fake's per-type rules can fail: a VOICE event with no channel or with a location."""
    async with flow(tmp_path) as f:
        lounge = await f.fake.add_channel(f.guild, "lounge", VOICE_CHANNEL)
        for wrong in ({}, {"channel_id": f.general},
                      {"channel_id": lounge, "entity_metadata": {"location": "Pub"}}):
            status = await post_event(f, {
                "name": "x", "scheduled_start_time": "2030-01-11T18:00:00+00:00",
                "privacy_level": 2, "entity_type": VOICE, **wrong})
            assert status == 400
        assert len(f.fake.spec_errors) == 3 and f.fake.scheduled_events == {}
