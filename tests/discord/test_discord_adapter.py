"""The Discord adapter with the real discord.py client against the local fake Discord.

These tests use a recording Inbox (no core): they check the neutral events the adapter makes
from Discord's JSON, and the JSON it sends for given `Outgoing` values.
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime

import discord
import pytest

from adapters.discord import DiscordAdapter
from bot.commands import COMMANDS
from bot.config import DiscordSettings, Secret
from bot.ports import ChannelUnavailable, ChatError, DMClosed, MessageGone
from bot.types import (
    ActionClicked,
    Attachment,
    Bold,
    Button,
    Choice,
    CommandInvoked,
    Field,
    Form,
    FormField,
    FormSubmitted,
    Inbound,
    Link,
    Mention,
    MessageSeen,
    Outgoing,
    Place,
    SelectMenu,
    Text,
    Time,
    UserRef,
)
from tests.discord.discord_harness import (
    fake_discord,
    load_spec,
    running,
    settings_for,
    spec_missing_reason,
)
from tests.discord.fakediscord import EPHEMERAL, FakeDiscord
from tests.support import RecordingInbox

WHEN = datetime(2030, 1, 11, 18, 0, tzinfo=UTC)
UNIX = int(WHEN.timestamp())


def no_spec_errors(fake: FakeDiscord) -> None:
    assert fake.spec_errors == []


def place_of(guild_id: str, channel_id: str) -> Place:
    return Place("discord", guild_id, channel_id)


def card(n: int = 4, *, ping: tuple[UserRef, ...] = ()) -> Outgoing:
    return Outgoing(
        title="#1 Coffee & code",
        body=(Text("Hosted by "), Mention(UserRef("discord", "123", "Al")),
              Text(" @everyone *hi*")),
        fields=(
            Field("When", (Time(WHEN), Text(" ("), Time(WHEN, "relative"), Text(")"))),
            Field("Where", (Link("https://www.openstreetmap.org/?mlat=1&mlon=2", "Bar [x]"),)),
            Field("Going", (Bold("2/10"),), inline=False),
        ),
        buttons=tuple(Button(f"B{i}", f"tw:rsvp:1:{i}", "primary") for i in range(n)),
        ping=ping,
    )


def test_spec_file_is_there_or_the_check_is_skipped() -> None:
    if load_spec() is None:
        pytest.skip(spec_missing_reason() + "; request bodies are not checked against it")
    spec = load_spec()
    assert spec is not None and "/channels/{channel_id}/messages" in spec["paths"]


async def test_the_spec_check_checks_and_catches_a_bad_body() -> None:
    if load_spec() is None:
        pytest.skip(spec_missing_reason())
    import aiohttp

    async with fake_discord() as fake:
        guild = fake.add_guild()
        channel = guild.channels["general"]
        async with aiohttp.ClientSession() as http:
            bad = {"content": 5, "allowed_mentions": {"parse": ["nobody"]}}
            async with http.post(f"{fake.api_base_url}/channels/{channel}/messages", json=bad,
                                 headers={"Authorization": f"Bot {fake.token}"}):
                pass
        assert fake.spec_checked == 1
        assert any("content" in e for e in fake.spec_errors)


async def test_start_registers_one_meetup_group_and_connects_to_the_fake() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild()
        async with running(fake, RecordingInbox()) as adapter:
            assert adapter.watching is True
        cmds = fake.commands[guild.id]
        assert [c["name"] for c in cmds] == ["meetup"]
        subs = {o["name"]: o for o in cmds[0]["options"]}
        assert list(subs) == [c.name for c in COMMANDS]
        assert all(o["type"] == 1 for o in subs.values())
        propose = {o["name"]: o for o in subs["propose"]["options"]}
        assert propose["title"] == propose["title"] | {"type": 3, "required": True,
                                                       "max_length": 100}
        assert propose["city"]["autocomplete"] is True and propose["when"]["autocomplete"]
        assert propose["capacity"] | {"type": 4, "min_value": 1, "max_value": 10000} == \
            propose["capacity"]
        privacy = subs["privacy"]["options"][0]
        assert privacy["name"] == "show-name" and [c["value"] for c in privacy["choices"]] == [
            "yes", "no"]
        # the client really went to the fake gateway, asked for Message Content, and resumed none
        assert fake.gateway_connects and fake.gateway_connects[0]["v"] == "10"
        assert fake.identifies[0]["intents"] & (1 << 15)
        assert fake.find("GET", "/users/@me")
        assert fake.spec_checked > 0 or load_spec() is None  # the command JSON was checked
        no_spec_errors(fake)


async def test_slash_command_is_deferred_first_then_handed_to_the_core() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        admin = fake.add_member(guild, "ada", admin=True)
        alice = next(iter(guild.members.values())).user

        async def react(event: Inbound) -> None:
            # the interaction is already acknowledged when the core sees it
            it = fake.interactions[event.key]
            assert it.responses and it.responses[0].json == {"type": 5, "data": {"flags": 64}}
            await adapter.reply(event, Outgoing(body=(Text("Got it, @everyone <@&1> **x**"),),
                                                ephemeral=True))

        inbox = RecordingInbox(react)
        async with running(fake, inbox) as adapter:
            iid = await fake.slash(alice, guild, "general", "propose",
                                   {"title": "Coffee", "city": "Portland", "when": "fri 7pm",
                                    "capacity": 12})
            responses = await fake.wait_response(iid, 2)
            iid2 = await fake.slash(admin, guild, "general", "settings", {"watch": "on"})
            await fake.wait_response(iid2, 2)
        event = inbox.events[0]
        assert isinstance(event, CommandInvoked)
        assert event.name == "propose" and event.key == iid
        assert dict(event.options) == {"title": "Coffee", "city": "Portland", "when": "fri 7pm",
                                       "capacity": "12"}
        assert event.user == UserRef("discord", alice.id) and event.user.name == "alice"
        assert event.place == Place("discord", guild.id, guild.channels["general"])
        assert event.is_admin is False
        assert inbox.events[1].is_admin is True
        edit = responses[1]
        assert edit.method == "PATCH" and edit.path.endswith("/messages/@original")
        assert "@\u200beveryone" in edit.json["content"] and "\\*\\*x\\*\\*" in edit.json["content"]
        assert edit.json["allowed_mentions"] == {"parse": []}
        no_spec_errors(fake)


async def test_unanswered_command_removes_the_thinking_message() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        async with running(fake, RecordingInbox()):
            iid = await fake.slash(alice, guild, "general", "list")
            responses = await fake.wait_response(iid, 2)
        assert responses[1].method == "DELETE"


async def test_post_renders_a_card_with_embed_buttons_select_file_and_safe_mentions() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice", "bob"))
        bob = list(guild.members.values())[1].user
        async with running(fake, RecordingInbox()) as adapter:
            msg = Outgoing(
                **{k: getattr(card(7, ping=(UserRef("discord", bob.id),)), k)
                   for k in ("title", "body", "fields", "buttons", "ping")},
                selects=(SelectMenu("tw:ballot:1:0", "Pick", (Choice("Fri", "0"),
                                                               Choice("Sat", "1"))),),
                attachments=(Attachment("meetup-1.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar"),),
            )
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), msg)
        (req,) = fake.channel_posts(guild.channels["general"])
        assert ref.message_id in fake.messages and ref.place.channel_id == guild.channels[
            "general"]
        body = req.json
        embed = body["embeds"][0]
        assert embed["title"] == "#1 Coffee & code"
        assert embed["description"] == "Hosted by <@123> @\u200beveryone \\*hi\\*"
        assert embed["fields"][0] == {"name": "When", "value": f"<t:{UNIX}:F> (<t:{UNIX}:R>)",
                                      "inline": True}
        assert embed["fields"][1]["value"] == (
            "[Bar \\[x\\]](https://www.openstreetmap.org/?mlat=1&mlon=2)")
        assert embed["fields"][2] == {"name": "Going", "value": "**2/10**", "inline": False}
        rows = body["components"]
        assert [len(r["components"]) for r in rows] == [5, 2, 1]
        assert rows[0]["components"][0] == rows[0]["components"][0] | {
            "type": 2, "custom_id": "tw:rsvp:1:0", "label": "B0", "style": 1}
        assert rows[2]["components"][0]["type"] == 3
        assert body["allowed_mentions"] == {"parse": [], "users": [int(bob.id)]} or \
            body["allowed_mentions"] == {"parse": [], "users": [bob.id]}
        assert req.files and req.files[0] == ("meetup-1.ics", b"BEGIN:VCALENDAR\r\n")
        no_spec_errors(fake)


async def test_twenty_five_buttons_make_five_rows_and_more_are_dropped() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild()
        async with running(fake, RecordingInbox()) as adapter:
            await adapter.post(place_of(guild.id, guild.channels["general"]), card(27))
        (req,) = fake.channel_posts(guild.channels["general"])
        assert [len(r["components"]) for r in req.json["components"]] == [5] * 5


async def test_click_goes_through_the_dynamic_item_and_updates_the_card_in_place() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user

        async def react(event: Inbound) -> None:
            assert isinstance(event, ActionClicked) and event.message is not None
            if event.action_id == "tw:rsvp:1:0":
                await adapter.update(event.message, card(2))
                await adapter.reply(event, Outgoing(body=(Text("You're going"),),
                                                    ephemeral=True))

        inbox = RecordingInbox(react)
        async with running(fake, inbox) as adapter:
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), card(4))
            iid = await fake.click(alice, ref.message_id, "tw:rsvp:1:0")
            responses = await fake.wait_response(iid, 2)
            quiet = await fake.click(alice, ref.message_id, "tw:rsvp:1:1")
            (ack,) = await fake.wait_response(quiet, 1)
        event = inbox.events[0]
        assert isinstance(event, ActionClicked)
        assert event.action_id == "tw:rsvp:1:0" and event.key == iid
        assert event.message == ref and event.place == ref.place
        # the card edit is the interaction's first answer (UPDATE_MESSAGE), the reply a follow-up
        assert responses[0].json["type"] == 7
        assert len(responses[0].json["data"]["components"][0]["components"]) == 2
        assert responses[1].method == "POST" and responses[1].json["flags"] == EPHEMERAL
        assert ack.json == {"type": 6}
        assert not fake.find("PATCH", r"/channels/.*")
        no_spec_errors(fake)


async def test_select_menu_values_reach_the_core() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        inbox = RecordingInbox()
        async with running(fake, inbox) as adapter:
            msg = Outgoing(body=(Text("Pick"),), selects=(
                SelectMenu("tw:ballot:1:0", "Your answer", (Choice("Yes", "yes"),
                                                            Choice("No", "no"))),))
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), msg)
            await fake.click(alice, ref.message_id, "tw:ballot:1:0", values=["no"])
            (event,) = await inbox.wait_events(1)
        assert isinstance(event, ActionClicked) and event.values == ("no",)


async def test_a_button_opens_a_modal_and_its_submission_becomes_form_submitted() -> None:
    form = Form("propose", "Propose a meetup", (
        FormField("title", "Title", max_length=100),
        FormField("city", "City", "city"),
        FormField("when", "When", "datetime", placeholder="next friday 7pm"),
        FormField("venue", "Venue", required=False, max_length=200),
        FormField("description", "Details", "long_text", required=False, max_length=1000),
    ))
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user

        async def react(event: Inbound) -> None:
            if isinstance(event, ActionClicked):
                await adapter.open_form(event, form)
            elif isinstance(event, FormSubmitted) and event.values["title"] == "bad":
                await adapter.reject_form(event, {"when": "I couldn't read that date"})

        inbox = RecordingInbox(react)
        async with running(fake, inbox) as adapter:
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), Outgoing(
                body=(Text("Start one"),), buttons=(Button("Propose", "tw:propose"),)))
            async def open_modal() -> str:
                opener = await fake.click(alice, ref.message_id, "tw:propose")
                (modal,) = await fake.wait_response(opener, 1)
                assert modal.json["type"] == 9
                assert modal.json["data"]["title"] == "Propose a meetup"
                return str(opener)

            good = await fake.submit_modal(alice, await open_modal(), {
                "title": "Coffee", "city": "Berlin", "when": "fri 7pm"})
            await fake.wait_response(good, 2)
            bad = await fake.submit_modal(alice, await open_modal(), {
                "title": "bad", "city": "Berlin", "when": "someday"})
            rejected = await fake.wait_response(bad, 2)
            too_long = await fake.submit_modal(alice, await open_modal(), {
                "title": "x" * 150, "city": "Berlin", "when": "x"})
            limited = await fake.wait_response(too_long, 2)
        submitted = inbox.events[1]
        assert isinstance(submitted, FormSubmitted) and submitted.form_id == "propose"
        assert dict(submitted.values) == {"title": "Coffee", "city": "Berlin", "when": "fri 7pm",
                                          "venue": "", "description": ""}
        assert rejected[0].json["type"] == 5 and rejected[0].json["data"]["flags"] == EPHEMERAL
        assert "When: I couldn't read that date" in rejected[1].json["content"]
        # over the declared limit (a forged submission): refused, never reaches the core
        assert "Title: at most 100 characters" in limited[1].json["content"]
        kinds = [type(e).__name__ for e in inbox.events]
        assert kinds == ["ActionClicked", "FormSubmitted", "ActionClicked", "FormSubmitted",
                         "ActionClicked"]
        no_spec_errors(fake)


async def test_autocomplete_asks_the_core_and_answers_within_discord_limits() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        inbox = RecordingInbox(choices=[Choice("Portland, Oregon, US", "Portland, Oregon, US"),
                                            Choice("Portland, Maine, US", "Portland, Maine, US")]
                               + [Choice(f"c{i}", f"c{i}") for i in range(30)])
        async with running(fake, inbox):
            iid = await fake.autocomplete(alice, guild, "general", "propose", "city", "Portl",
                                          {"title": "Coffee"})
            (resp,) = await fake.wait_response(iid, 1)
        assert resp.json["type"] == 8
        got = resp.json["data"]["choices"]
        assert len(got) == 25 and got[0] == {"name": "Portland, Oregon, US",
                                             "value": "Portland, Oregon, US"}
        (req,) = inbox.suggest_requests
        assert (req.command, req.option, req.partial) == ("propose", "city", "Portl")
        assert req.place.workspace_id == guild.id
        assert req.options == {"title": "Coffee"}  # the other options typed so far
        no_spec_errors(fake)


async def test_dm_and_closed_dms() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice", "bob"))
        alice, bob = (m.user for m in guild.members.values())
        fake.refuse_dms.add(bob.id)
        async with running(fake, RecordingInbox()) as adapter:
            ref = await adapter.send_dm(UserRef("discord", alice.id), Outgoing(
                body=(Text("Reminder: "), Time(WHEN, "relative"))))
            with pytest.raises(DMClosed):
                await adapter.send_dm(UserRef("discord", bob.id), Outgoing(body=(Text("hi"),)))
            again = await adapter.send_dm(UserRef("discord", alice.id), Outgoing(
                body=(Text("again"),)))
        assert ref.place.workspace_id == "" and again.place == ref.place  # NO_COMMUNITY
        assert len(fake.find("POST", "/users/@me/channels")) == 2  # alice's is cached
        msg = fake.messages[ref.message_id]
        assert msg["content"] == f"Reminder: <t:{UNIX}:R>"
        no_spec_errors(fake)


async def test_a_429_on_message_create_is_retried_by_discord_py() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild()
        fake.rate_limit_next["POST /channels/{id}/messages"] = 1
        async with running(fake, RecordingInbox()) as adapter:
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), card())
        posts = fake.find("POST", f"/channels/{guild.channels['general']}/messages")
        assert [p.status for p in posts] == [429, 200]
        assert ref.message_id in fake.messages


async def test_missing_send_messages_is_channel_unavailable_and_the_member_is_told(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(channels=("general", "locked"), members=("alice",))
        alice = next(iter(guild.members.values())).user
        fake.denied_channels.add(guild.channels["locked"])

        async def react(event: Inbound) -> None:
            await adapter.post(event.place, card())

        caplog.set_level(logging.WARNING, "adapters.discord")
        async with running(fake, RecordingInbox(react)) as adapter:
            with pytest.raises(ChannelUnavailable):
                await adapter.post(place_of(guild.id, guild.channels["locked"]), card())
            with pytest.raises(MessageGone):
                await adapter.update(
                    place_and_message(guild.id, guild.channels["general"], "42"), card())
            iid = await fake.slash(alice, guild, "locked", "propose",
                                   {"title": "T", "city": "Berlin", "when": "fri"})
            responses = await fake.wait_response(iid, 2)
        assert "can't post in this channel" in responses[1].json["content"]
        assert "Send Messages" in responses[1].json["content"]
        assert any("cannot post in channel" in r.getMessage() for r in caplog.records)


def place_and_message(guild_id: str, channel_id: str, message_id: str):  # type: ignore[no-untyped-def]
    from bot.types import MessageRef

    return MessageRef(place_of(guild_id, channel_id), message_id)


async def test_public_reply_to_a_command_goes_to_the_channel() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user

        async def react(event: Inbound) -> None:
            await adapter.reply(event, Outgoing(body=(Text("Everyone: new meetup"),)))

        async with running(fake, RecordingInbox(react)) as adapter:
            iid = await fake.slash(alice, guild, "general", "show", {"id": 1})
            responses = await fake.wait_response(iid, 2)
        assert fake.channel_posts(guild.channels["general"])
        assert responses[1].method == "DELETE"


async def test_watching_messages_with_the_message_content_intent() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        inbox = RecordingInbox()
        async with running(fake, inbox):
            await fake.member_says(fake.bot, guild, "general", "my own message") \
                if fake.bot.id in guild.members else None
            own = fake._message_json("1", guild.channels["general"], fake.bot.to_json(),
                                     {"content": "I'm the bot"}) | {"guild_id": guild.id}
            await fake.dispatch("MESSAGE_CREATE", own)
            mid = await fake.member_says(alice, guild, "general", "I live in Portland")
            (event,) = await inbox.wait_events(1)
        assert isinstance(event, MessageSeen)
        assert event.text == "I live in Portland" and event.key == mid
        assert event.message.message_id == mid and event.user.id == alice.id
        assert len(inbox.events) == 1


async def test_without_message_content_the_bot_starts_and_offers_the_message_menu(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, "adapters.discord")
    async with fake_discord(message_content=False) as fake:
        guild = fake.add_guild(members=("alice", "bob"))
        alice, bob = (m.user for m in guild.members.values())
        inbox = RecordingInbox()
        async with running(fake, inbox) as adapter:
            assert adapter.watching is False
            mid = await fake.member_says(bob, guild, "general", "I'm in Berlin next week")
            iid = await fake.message_command(alice, guild, mid)
            (event,) = await inbox.wait_events(1)
            responses = await fake.wait_response(iid, 2)
        assert isinstance(event, MessageSeen)
        assert event.user.id == bob.id and event.text == "I'm in Berlin next week"
        assert event.key == mid
        assert responses[0].json["type"] == 5
        names = {c["name"]: c["type"] for c in fake.commands[guild.id]}
        assert names == {"meetup": 1, "Suggest a meetup from this": 3}
        lines = [r.getMessage() for r in caplog.records if "watching is off" in r.getMessage()]
        assert len(lines) == 1
        assert len(fake.identifies) == 1  # the application's flags said so: no doomed connect
        assert not fake.identifies[-1]["intents"] & (1 << 15)


async def test_a_4014_close_for_the_message_content_intent_also_turns_watching_off() -> None:
    async with fake_discord(message_content=False, flags_say_message_content=True) as fake:
        fake.add_guild()
        async with running(fake, RecordingInbox()) as adapter:
            assert adapter.watching is False
        assert [bool(i["intents"] & (1 << 15)) for i in fake.identifies] == [True, False]


async def test_gateway_drop_resumes_and_a_replayed_interaction_is_acted_on_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, "adapters.discord")
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        inbox = RecordingInbox()
        async with running(fake, inbox):
            first = await fake.slash(alice, guild, "general", "list")
            await fake.wait_response(first, 2)
            await fake.drop_connection(replay_extra=1)  # the resume replays `first` too
            second = await fake.slash(alice, guild, "general", "mine")  # sent while down
            await fake.wait_until(lambda: fake.resumes and fake.connected)
            await fake.wait_response(second, 2)
            third = await fake.slash(alice, guild, "general", "help")
            await fake.wait_response(third, 2)
        assert [e.key for e in inbox.events] == [first, second, third]
        assert len(fake.identifies) == 1 and len(fake.resumes) == 1
        assert len(fake.interactions[first].responses) == 2
        replayed = [r for r in caplog.records if "ignoring replayed event" in r.getMessage()]
        assert [r.getMessage().split()[-1] for r in replayed] == [first]


async def test_adapter_is_created_by_the_app_factory() -> None:
    from adapters import discord as module

    adapter = module.create(DiscordSettings(token=Secret("x")))
    assert isinstance(adapter, DiscordAdapter) and adapter.platform == "discord"
    assert "x" not in repr(adapter.settings)


async def test_a_command_in_a_thread_answers_in_that_thread() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        thread = fake.add_thread(guild, "general", "berlin-meetups")

        async def react(event: Inbound) -> None:
            await adapter.post(event.place, card())

        inbox = RecordingInbox(react)
        async with running(fake, inbox) as adapter:
            iid = await fake.slash(alice, guild, "berlin-meetups", "list")
            await fake.wait_response(iid, 2)
        (event,) = inbox.events
        assert event.place == Place("discord", guild.id, guild.channels["general"], thread)
        assert fake.channel_posts(thread) and not fake.channel_posts(guild.channels["general"])


async def test_sharded_settings_use_the_sharded_client() -> None:
    async with fake_discord() as fake:
        fake.add_guild()
        async with running(fake, RecordingInbox(), shard_ids=(0,), shard_count=1) as adapter:
            assert isinstance(adapter.client, discord.AutoShardedClient)
        assert fake.identifies[0]["shard"] == [0, 1]
        assert len(fake.find("PUT", r"/applications/\d+/guilds/\d+/commands")) == 1
    async with fake_discord() as fake:  # a second process, running shard 1 of 2
        fake.add_guild()
        async with running(fake, RecordingInbox(), shard_ids=(1,), shard_count=2):
            pass
        assert fake.identifies[0]["shard"] == [1, 2]
        assert not fake.find("PUT", r"/applications/.*")  # shard 0's process registers them


async def test_the_token_is_never_logged_and_a_bad_token_stops_with_one_clear_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        fake.token = "sekrit-" + fake.application_id
        async with running(fake, RecordingInbox()):
            iid = await fake.slash(alice, guild, "general", "help")
            await fake.wait_response(iid, 2)
        wrong = DiscordAdapter(settings_for(fake, token=Secret("wrong-" + fake.application_id)))
        with pytest.raises(ChatError, match="refused the token") as refused:
            await wrong.run(RecordingInbox())  # `tweetup run` prints this one line, exit 3
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert fake.token not in logged and "wrong-" not in logged
    assert "wrong-" not in str(refused.value)


async def test_buttons_keep_working_after_a_sent_view_stops() -> None:
    """discord.py drops the routes of a stopped view's dynamic items (ephemeral views time out
    after 15 minutes); the `tw:` route must survive that."""
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        inbox = RecordingInbox()
        async with running(fake, inbox) as adapter:
            from adapters.discord import render

            assert adapter.client is not None
            store = adapter.client._connection._view_store
            sent = render.view(card(3))
            assert sent is not None
            store.add_view(sent, None)
            store.remove_view(sent)  # what a timeout does
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), card(3))
            await fake.click(alice, ref.message_id, "tw:rsvp:1:2")
            (event,) = await inbox.wait_events(1)
        assert isinstance(event, ActionClicked) and event.action_id == "tw:rsvp:1:2"


async def test_two_members_fill_the_same_form_at_once_and_forms_survive_a_restart() -> None:
    form = Form("propose", "Propose a meetup", (FormField("title", "Title"),
                                                 FormField("city", "City", "city")))
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice", "bob"))
        alice, bob = (m.user for m in guild.members.values())

        async def react(event: Inbound) -> None:
            if isinstance(event, ActionClicked):
                await adapter.open_form(event, form)

        inbox = RecordingInbox(react)
        async with running(fake, inbox) as adapter:
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), Outgoing(
                body=(Text("Start one"),), buttons=(Button("Propose", "tw:propose"),)))
            a = await fake.click(alice, ref.message_id, "tw:propose")
            b = await fake.click(bob, ref.message_id, "tw:propose")
            await fake.wait_response(a)
            await fake.wait_response(b)
            ids = {fake.interactions[i].responses[0].json["data"]["custom_id"] for i in (a, b)}
            assert len(ids) == 2  # one modal each
            sb = await fake.submit_modal(bob, b, {"title": "Bob's", "city": "Oslo"})
            sa = await fake.submit_modal(alice, a, {"title": "Alice's", "city": "Rome"})
            # a modal opened by an earlier run of the bot (not in this process's memory)
            old = await fake.submit_form(alice, guild, "general", "twform:42:propose",
                                         {"title": "Old", "city": "Kyiv"})
            for iid in (sa, sb, old):
                await fake.wait_response(iid, 2)
        forms = {e.key: (e.user.id, e.form_id, dict(e.values)) for e in inbox.events
                 if isinstance(e, FormSubmitted)}
        assert forms == {sa: (alice.id, "propose", {"title": "Alice's", "city": "Rome"}),
                         sb: (bob.id, "propose", {"title": "Bob's", "city": "Oslo"}),
                         old: (alice.id, "propose", {"title": "Old", "city": "Kyiv"})}


async def test_link_buttons_and_plain_messages() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild()
        async with running(fake, RecordingInbox()) as adapter:
            await adapter.post(place_of(guild.id, guild.channels["general"]), Outgoing(
                body=(Bold("Coffee_time"), Text(" at "), Time(WHEN, "short"), Text(" "),
                      Time(WHEN, "date"), Text(" "), Time(WHEN, "time"), Text(" "),
                      Mention(UserRef("discord", "42", "Zed"))),
                buttons=(Button("Google Calendar", "", url="https://calendar.google.com/x"),
                         Button("Add to calendar", "tw:cal:1"))))
        (req,) = fake.channel_posts(guild.channels["general"])
        assert req.json["content"] == (
            f"**Coffee\\_time** at <t:{UNIX}:f> <t:{UNIX}:D> <t:{UNIX}:t> <@42>")
        assert "embeds" not in req.json or req.json["embeds"] == []
        link, action = req.json["components"][0]["components"]
        assert link == link | {"style": 5, "url": "https://calendar.google.com/x"}
        assert "custom_id" not in link and action["custom_id"] == "tw:cal:1"
        assert req.json["allowed_mentions"] == {"parse": []}  # <@42> shows, does not ping
        no_spec_errors(fake)


async def test_a_field_with_several_values_takes_one_per_line() -> None:
    form = Form("propose", "Propose", (FormField("when", "When", "datetime", multiple=True,
                                                 max_length=300),))
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user

        async def react(event: Inbound) -> None:
            if isinstance(event, ActionClicked):
                await adapter.open_form(event, form)

        inbox = RecordingInbox(react)
        async with running(fake, inbox) as adapter:
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), Outgoing(
                body=(Text("x"),), buttons=(Button("Propose", "tw:propose"),)))
            opener = await fake.click(alice, ref.message_id, "tw:propose")
            (modal,) = await fake.wait_response(opener)
            done = await fake.submit_modal(alice, opener, {"when": "fri 7pm\n sat 6pm |\n\n"})
            await fake.wait_response(done, 2)
        text_input = json.dumps(modal.json["data"]["components"])
        assert '"style": 2' in text_input  # a paragraph: one option per line
        submitted = inbox.events[-1]
        assert isinstance(submitted, FormSubmitted)
        assert submitted.values == {"when": "fri 7pm | sat 6pm"}


async def test_a_slow_core_gets_the_click_deferred_then_edits_the_card_through_it() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user

        async def react(event: Inbound) -> None:
            assert isinstance(event, ActionClicked) and event.message is not None
            await asyncio.sleep(1.0)  # the core is busy far beyond the adapter's grace
            await adapter.update(event.message, card(2))
            await adapter.reply(event, Outgoing(body=(Text("done"),), ephemeral=True))

        async with running(fake, RecordingInbox(react), ack_grace=0.05) as adapter:
            ref = await adapter.post(place_of(guild.id, guild.channels["general"]), card(4))
            iid = await fake.click(alice, ref.message_id, "tw:rsvp:1:0")
            responses = await fake.wait_response(iid, 3)
        assert responses[0].json == {"type": 6}
        assert responses[1].method == "PATCH" and responses[1].path.endswith("/@original")
        assert len(fake.messages[ref.message_id]["components"][0]["components"]) == 2
        assert responses[2].method == "POST" and responses[2].json["flags"] == EPHEMERAL


async def test_an_invalidated_session_identifies_again_at_the_configured_gateway() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        inbox = RecordingInbox()
        async with running(fake, inbox):
            await fake.invalidate_session()
            await fake.wait_until(lambda: len(fake.identifies) == 2 and fake.connected, 60)
            iid = await fake.slash(alice, guild, "general", "help")
            await fake.wait_response(iid, 2)
        assert [e.key for e in inbox.events] == [iid]
        assert len(fake.gateway_connects) == 2


def keyed_reminder(key: str) -> Outgoing:
    return Outgoing(title="Reminder: Coffee in 2 hours", body=(Text("See you there!"),),
                    buttons=(Button("Can't make it anymore", "tw:rsvp:1:no", "danger"),
                             Button("Add to calendar", "tw:cal:1")),
                    dedupe_key=key)


async def test_the_nonce_holds_a_send_only_within_its_window() -> None:
    """The fake behaves as Discord: a repeat within the window returns the first message;
    after it, the same nonce makes a second message."""
    async with fake_discord(nonce_window=0.0) as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        async with running(fake, RecordingInbox()) as adapter:
            user = UserRef("discord", alice.id)
            await adapter.send_dm(user, keyed_reminder("remind:7"))
            fake.nonce_window = 3600.0
            first = fake.dms_to(alice.id)[-1]["id"]
            await adapter.send_dm(user, keyed_reminder("remind:7"))  # within the window
            assert [m["id"] for m in fake.dms_to(alice.id)] == [first]
            fake.nonce_window = 0.0
            await adapter.send_dm(user, keyed_reminder("remind:7"))  # past the window
        assert len(fake.dms_to(alice.id)) == 2
        (create, *_) = fake.find("POST", r"/channels/\d+/messages")
        assert create.json["enforce_nonce"] is True and create.json["nonce"]
        no_spec_errors(fake)


async def test_find_sent_reads_the_key_back_from_the_dm_history() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice", "bob"))
        alice, bob = (m.user for m in guild.members.values())
        since = datetime.now(UTC)
        async with running(fake, RecordingInbox()) as adapter:
            a, b = UserRef("discord", alice.id), UserRef("discord", bob.id)
            await adapter.send_dm(a, keyed_reminder("remind:7"))
            await adapter.send_dm(a, Outgoing(body=(Text("unkeyed"),)))
            assert await adapter.find_sent(a, "remind:7", since)
            assert not await adapter.find_sent(a, "remind:8", since)
            assert not await adapter.find_sent(b, "remind:7", since)  # bob's DMs
            later = datetime.now(UTC).replace(year=since.year + 1)
            assert not await adapter.find_sent(a, "remind:7", later)
        history = fake.find("GET", r"/channels/\d+/messages")
        assert history and all("nonce" not in m for m in fake.messages.values())
        no_spec_errors(fake)


async def test_find_posted_reads_the_key_back_from_the_channel_or_thread_history() -> None:
    """A job's channel post (a follow-up) carries its key on a button like a reminder DM;
    a fresh process finds it in the channel, or the thread, it was posted in."""
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        thread = fake.add_thread(guild, "general", "pub-night")
        general = place_of(guild.id, guild.channels["general"])
        in_thread = Place("discord", guild.id, guild.channels["general"], thread)
        since = datetime.now(UTC)
        async with running(fake, RecordingInbox()) as adapter:
            ref = await adapter.post(general, keyed_reminder("post:7:1"))
            await adapter.post(general, Outgoing(body=(Text("unkeyed"),)))
            in_ref = await adapter.post(in_thread, keyed_reminder("post:8:1"))
        async with running(fake, RecordingInbox()) as fresh:
            assert await fresh.find_posted(general, "post:7:1", since) == ref
            assert await fresh.find_posted(general, "post:7:2", since) is None
            assert await fresh.find_posted(in_thread, "post:8:1", since) == in_ref
            assert await fresh.find_posted(general, "post:8:1", since) is None  # elsewhere
            later = datetime.now(UTC).replace(year=since.year + 1)
            assert await fresh.find_posted(general, "post:7:1", later) is None
        no_spec_errors(fake)


async def test_a_click_on_the_button_carrying_the_key_gives_the_plain_action() -> None:
    async with fake_discord() as fake:
        guild = fake.add_guild(members=("alice",))
        alice = next(iter(guild.members.values())).user
        inbox = RecordingInbox()
        async with running(fake, inbox) as adapter:
            ref = await adapter.send_dm(UserRef("discord", alice.id), keyed_reminder("remind:7"))
            custom_ids = [c["custom_id"] for row in fake.messages[ref.message_id]["components"]
                          for c in row["components"]]
            assert custom_ids[0].startswith("tw:rsvp:1:no|") and custom_ids[1] == "tw:cal:1"
            iid = await fake.click(alice, ref.message_id, custom_ids[0])
            await fake.wait_response(iid, 1)
        (event,) = inbox.events
        assert isinstance(event, ActionClicked) and event.action_id == "tw:rsvp:1:no"
