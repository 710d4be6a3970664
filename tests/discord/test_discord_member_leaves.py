"""A greeter who leaves the server (issue #17) on Discord: with `[discord] members_intent`
on, the fake Discord sends the real GUILD_MEMBER_REMOVE payload ({guild_id, user}) to the
real discord.py client, whose `on_raw_member_remove` reaches the core's `member_left`: the
first-timer they were to meet is told and the next greeter is asked. Without the setting the
bot does not ask for the privileged intent, and Discord sends nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings
from bot.ports import ChatError
from tests.discord.discord_flow import Flow, buttons, card, dms, flow, propose, text
from tests.discord.discord_harness import fake_discord, running
from tests.discord.fakediscord import EPHEMERAL, GUILD_MEMBERS_INTENT
from tests.support import RecordingInbox

MEMBERS = {"alice": False, "bob": False, "carol": True, "dave": False}


async def _paired_with_carol(f: Flow) -> None:
    """Carol and Dave volunteer and go; Bob, a first-timer, asks for a buddy; Carol agrees."""
    dave = f.members["dave"]
    for greeter in (f.carol, dave):
        await f.command(greeter, "greeter", status="on")
    meetup = await propose(f, venue="Cafe Lux")
    c = card(f.fake, f.general, meetup)
    for member in (f.carol, dave, f.bob):
        await f.click(member, c["id"], buttons(c)["Going"], count=2)
    confirmation = next(m for m in f.fake.messages.values()
                        if m["flags"] & EPHEMERAL and "It's my first one" in buttons(m))
    await f.click(f.bob, confirmation["id"], buttons(confirmation)["It's my first one"])
    welcome = [m for m in f.fake.messages.values()
               if m["flags"] & EPHEMERAL and "Welcome!" in text(m)][-1]
    await f.click(f.bob, welcome["id"], buttons(welcome)["Meet me at the door"])
    await f.fake.wait_until(lambda: bool(dms(f.fake, f.carol)))
    ask = dms(f.fake, f.carol)[-1]
    await f.click(f.carol, ask["id"], buttons(ask)["Yes, I'll meet them"])
    await f.fake.wait_until(lambda: any("will meet you at the door" in text(m)
                                        for m in dms(f.fake, f.bob)))


async def test_a_greeter_who_leaves_the_server_is_replaced(tmp_path: Path) -> None:
    async with flow(tmp_path, MEMBERS, discord_settings={"members_intent": True}) as f:
        assert f.fake.identifies[-1]["intents"] & GUILD_MEMBERS_INTENT
        await _paired_with_carol(f)
        dave = f.members["dave"]
        assert await f.fake.remove_member(f.guild, f.carol)
        await f.fake.wait_until(lambda: any("A change at the door" in text(m)
                                            for m in dms(f.fake, f.bob)))
        await f.fake.wait_until(lambda: any("Could you meet a first-timer" in text(m)
                                            for m in dms(f.fake, dave)))
        assert f.fake.spec_errors == []


async def test_without_the_setting_the_intent_is_not_asked_and_nothing_changes(
    tmp_path: Path,
) -> None:
    async with flow(tmp_path, MEMBERS) as f:
        assert not f.fake.identifies[-1]["intents"] & GUILD_MEMBERS_INTENT
        await _paired_with_carol(f)
        before = len(dms(f.fake, f.bob))
        assert not await f.fake.remove_member(f.guild, f.carol)  # Discord sends nothing
        assert not any("A change at the door" in text(m) for m in dms(f.fake, f.bob)[before:])


async def test_a_refused_members_intent_says_how_to_turn_it_on(tmp_path: Path) -> None:
    async with fake_discord(server_members=False) as fake:
        fake.add_guild(channels=("general",), members=())
        with pytest.raises(ChatError, match="Server Members Intent"):
            async with running(fake, RecordingInbox(), members_intent=True):
                pass


def test_the_setting_is_a_boolean_off_by_default(tmp_path: Path) -> None:
    def load(extra: str) -> Settings:
        path = tmp_path / "tweetup.toml"
        path.write_text('[discord]\ntoken = "t"\n' + extra)
        return load_settings(path)

    default, on = load("").discord, load("members_intent = true\n").discord
    assert default is not None and default.members_intent is False
    assert on is not None and on.members_intent is True
    with pytest.raises(ConfigError, match=r"members_intent.*true or false"):
        load('members_intent = "yes"\n')
