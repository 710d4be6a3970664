"""The Slack adapter through the real slack-bolt code path: signed HTTP requests in, Web API
JSON out (against the local fake), a recording inbox in place of the core."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime

import pytest

from adapters.slack import SlackAdapter
from bot.ports import (
    ChannelUnavailable,
    DeliveryUnknown,
    DMClosed,
    MessageGone,
    PlatformBusy,
)
from bot.types import (
    ActionClicked,
    Attachment,
    Button,
    Choice,
    CommandInvoked,
    Form,
    FormField,
    FormSubmitted,
    Inbound,
    MessageRef,
    MessageSeen,
    Outgoing,
    Place,
    Text,
    Time,
    UserRef,
)
from tests.slack.slack_fake_api import BOT_USER_ID, TEAM_ID
from tests.slack.slack_harness import SlackWire, load_spec, slack_wire, spec_problems
from tests.support import eventually

GENERAL = Place("slack", TEAM_ID, "C0GENERAL")
ALICE = UserRef("slack", "U0ALICE01", "alice")

PROPOSE_FORM = Form(
    "propose", "Propose a meetup",
    (
        FormField("title", "Title", "text", max_length=100),
        FormField("city", "City", "city", placeholder="Start typing a city"),
        FormField("when", "When (| between options for a poll)", "datetime", multiple=True),
        FormField("capacity", "Capacity", "number", required=False),
        FormField("description", "Details", "long_text", required=False, max_length=1000),
    ),
    submit_label="Propose",
)


# --- signatures and plumbing ---------------------------------------------------------------------


async def test_unsigned_stale_and_forged_requests_are_rejected(slack: SlackWire) -> None:
    body = slack.driver.slash_body("list")
    form = "application/x-www-form-urlencoded"
    assert (await slack.driver.send(body, form, signed=False)).status == 401
    stale = int(time.time()) - 10 * 60
    assert (await slack.driver.send(body, form, timestamp=stale)).status == 401
    assert (await slack.driver.send(body, form, bad_signature=True)).status == 401
    assert slack.inbox.events == []
    assert (await slack.driver.send(body, form)).status == 200
    await eventually(lambda: len(slack.inbox.events) == 1)


async def test_signed_but_unparseable_bodies_get_400_and_service_continues(
        slack: SlackWire) -> None:
    for body, ctype in (("{", "application/json"), ("[]", "application/json"),
                        ("payload=%7Bnot+json", "application/x-www-form-urlencoded")):
        reply = await slack.driver.send(body, ctype)
        assert reply.status == 400 and reply.json()["error"] == "malformed_request"
    assert (await slack.driver.slash("list")).status == 200
    await eventually(lambda: len(slack.inbox.events) == 1)


async def test_health_endpoint(slack: SlackWire) -> None:
    assert slack.driver.session is not None
    url = f"http://127.0.0.1:{slack.port}/healthz"
    async with slack.driver.session.get(url) as resp:
        assert resp.status == 200
        assert (await resp.json())["ok"] is True


# --- slash command -------------------------------------------------------------------------------


async def test_slash_command_becomes_command_invoked(slack: SlackWire) -> None:
    reply = await slack.driver.slash(
        'propose title:"Coffee &amp; code" city:Portland when:“next friday 7pm” capacity:12',
        user="U0ADMIN01", user_name="ada", trigger_id="1.2.trigger-abc",
    )
    assert reply.status == 200 and reply.text == ""
    await eventually(lambda: len(slack.inbox.events) == 1)
    event = slack.inbox.events[0]
    assert isinstance(event, CommandInvoked)
    assert event.name == "propose"
    assert event.options == {"title": "Coffee & code", "city": "Portland",
                             "when": "next friday 7pm", "capacity": "12"}
    assert event.key == "1.2.trigger-abc"
    assert event.place == GENERAL
    assert event.user == UserRef("slack", "U0ADMIN01")
    assert event.is_admin is True


async def test_a_renamed_slash_command_still_works(slack: SlackWire) -> None:
    body = slack.driver.slash_body("list").replace("command=%2Fmeetup", "command=%2Ftweetup")
    assert "command=%2Ftweetup" in body
    assert (await slack.driver.send(body, "application/x-www-form-urlencoded")).status == 200
    await eventually(lambda: len(slack.inbox.events) == 1)


async def test_empty_slash_command_is_help_and_members_are_not_admins(slack: SlackWire) -> None:
    await slack.driver.slash("")
    await eventually(lambda: len(slack.inbox.events) == 1)
    event = slack.inbox.events[0]
    assert isinstance(event, CommandInvoked)
    assert (event.name, dict(event.options), event.is_admin) == ("help", {}, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('propose title:"Coffee and code city:Portland', "not closed"),
        ("propose title:“Coffee and code city:Portland", "not closed"),
        ("propose titel:Coffee city:Portland when:friday", "Did you mean `title:`"),
        ("propsoe title:Coffee", "Did you mean `/meetup propose`"),
        ("show id:1 id:2", "given twice"),
        ("<!channel> hi", "There is no"),
    ],
)
async def test_malformed_slash_text_gets_a_clear_ephemeral_error(
    slack: SlackWire, text: str, expected: str
) -> None:
    reply = await slack.driver.slash(text)
    assert reply.status == 200
    body = reply.json()
    assert body["response_type"] == "ephemeral"
    assert expected in body["text"]
    assert "<!channel>" not in body["text"] and "<!" not in body["text"]
    await slack.adapter.idle()
    assert slack.inbox.events == []


NASTY_TEXTS = [
    "propose title:" + "x" * 5000,
    "propose title:\u201cCoffee\u201d city:\u201ePortland\u201c when:\u00abfri 7pm\u00bb",
    'propose title:"" city:"" when:""',
    "propose title:\x00\x07 city:\U0001f32e when:\u202e7pm",
    "show id:-1",
    "show id:99999999999999999999999",
    "   \n\t  ",
    "settings timezone:Mars/Olympus_Mons",
    "propose city:Portland city:Austin",
    ":::: ::: :",
    '"unclosed',
    "propose title:&lt;!everyone&gt; city:x when:y",
    "HELP",
]


async def test_nasty_slash_text_is_always_answered(slack: SlackWire) -> None:
    for text in NASTY_TEXTS:
        reply = await slack.driver.slash(text)
        assert reply.status == 200, text
        if reply.text:
            body = reply.json()
            assert body["response_type"] == "ephemeral"
            assert "<!" not in body["text"]
    await slack.adapter.idle()
    # everything that parsed reached the core as a command; the rest got an ephemeral error
    assert all(isinstance(e, CommandInvoked) for e in slack.inbox.events)


async def test_workspace_roles_are_looked_up_once_per_member(slack: SlackWire) -> None:
    for _ in range(5):
        await slack.driver.slash("list", user="U0ADMIN01")
    await eventually(lambda: len(slack.inbox.events) == 5)
    assert all(e.is_admin for e in slack.inbox.events)
    assert len(slack.fake.calls_to("users.info")) == 1


# --- modal: open, suggest, submit ----------------------------------------------------------------


async def _open_form_on_propose(slack: SlackWire) -> None:
    async def behaviour(event: Inbound) -> None:
        if isinstance(event, CommandInvoked) and event.name == "propose" and not event.options:
            await slack.adapter.open_form(event, PROPOSE_FORM)
    slack.inbox.react = behaviour


async def test_propose_without_options_opens_a_modal(slack: SlackWire) -> None:
    await _open_form_on_propose(slack)
    await slack.driver.slash("propose", trigger_id="9.9.trigger-modal")
    await slack.fake.wait_for(lambda: len(slack.fake.views) == 1)
    call = slack.fake.calls_to("views.open")[0]
    assert call.args["trigger_id"] == "9.9.trigger-modal"
    view = slack.fake.views[0]
    assert view["callback_id"] == "tw-form:propose"
    kinds = {b["block_id"]: b["element"]["type"] for b in view["blocks"]}
    assert kinds == {"title": "plain_text_input", "city": "external_select",
                     "when": "datetimepicker", "when~2": "datetimepicker",
                     "when~3": "datetimepicker", "when~4": "datetimepicker",
                     "capacity": "plain_text_input", "description": "plain_text_input"}
    assert all(b["block_id"] == b["element"]["action_id"] for b in view["blocks"])
    labels = {b["block_id"]: b["label"]["text"] for b in view["blocks"]}
    assert labels["when"] == "When"
    optional = {b["block_id"] for b in view["blocks"] if b["optional"]}
    assert optional == {"capacity", "description", "when~2", "when~3", "when~4"}
    assert json.loads(view["private_metadata"])["c"] == "C0GENERAL"
    assert len(view["title"]["text"]) <= 24


async def test_city_field_suggestions_come_from_the_core(slack: SlackWire) -> None:
    await _open_form_on_propose(slack)
    slack.inbox.choices = [Choice("Portland, Oregon, US", "5746545"),
                       Choice("Portland, Maine, US", "4975802")]
    await slack.driver.slash("propose")
    await slack.fake.wait_for(lambda: len(slack.fake.views) == 1)
    reply = await slack.driver.suggest(slack.fake.views[0], "city", "portl")
    assert reply.status == 200
    options = reply.json()["options"]
    assert [o["value"] for o in options] == ["5746545", "4975802"]
    assert options[0]["text"] == {"type": "plain_text", "text": "Portland, Oregon, US",
                                  "emoji": True}
    request = slack.inbox.suggest_requests[0]
    assert (request.command, request.option, request.partial) == ("propose", "city", "portl")
    assert request.place.channel_id == "C0GENERAL"


async def test_invalid_modal_fields_are_answered_inline(slack: SlackWire) -> None:
    await _open_form_on_propose(slack)

    async def behaviour(event: Inbound) -> None:
        if isinstance(event, CommandInvoked):
            await slack.adapter.open_form(event, PROPOSE_FORM)
        elif isinstance(event, FormSubmitted):
            await slack.adapter.reject_form(event, {"when": "That time is in the past.",
                                                "capacity": "Capacity must be 1 or more."})
    slack.inbox.react = behaviour
    await slack.driver.slash("propose")
    await slack.fake.wait_for(lambda: len(slack.fake.views) == 1)
    reply = await slack.driver.submit(slack.fake.views[0], {
        "title": "Coffee", "city": "5746545", "when": 1_000_000_000, "capacity": "-3",
    })
    assert reply.status == 200
    assert reply.json() == {"response_action": "errors", "errors": {
        "when": "That time is in the past.", "capacity": "Capacity must be 1 or more."}}
    submitted = next(e for e in slack.inbox.events if isinstance(e, FormSubmitted))
    assert submitted.form_id == "propose"
    assert submitted.values["when"] == "2001-09-09 01:46 UTC"
    assert "when~2" not in submitted.values
    assert submitted.values["city"] == "5746545"
    assert submitted.values["description"] == ""
    assert submitted.place == GENERAL


async def test_extra_date_pickers_make_a_poll(slack: SlackWire) -> None:
    async def behaviour(event: Inbound) -> None:
        if isinstance(event, CommandInvoked):
            await slack.adapter.open_form(event, PROPOSE_FORM)
    slack.inbox.react = behaviour
    await slack.driver.slash("propose")
    await slack.fake.wait_for(lambda: len(slack.fake.views) == 1)
    await slack.driver.submit(slack.fake.views[0], {"title": "x", "city": "y",
                                                    "when": 2_000_000_000,
                                            "when~3": 2_000_003_600})
    await eventually(lambda: len(slack.inbox.events) == 2)
    submitted = slack.inbox.events[1]
    assert isinstance(submitted, FormSubmitted)
    assert submitted.values["when"] == "2033-05-18 03:33 UTC | 2033-05-18 04:33 UTC"


async def test_valid_modal_closes_and_the_card_is_posted(slack: SlackWire) -> None:
    async def behaviour(event: Inbound) -> None:
        if isinstance(event, CommandInvoked):
            await slack.adapter.open_form(event, PROPOSE_FORM)
        elif isinstance(event, FormSubmitted):
            await slack.adapter.post(event.place, Outgoing(title=event.values["title"]))
    slack.inbox.react = behaviour
    await slack.driver.slash("propose")
    await slack.fake.wait_for(lambda: len(slack.fake.views) == 1)
    reply = await slack.driver.submit(slack.fake.views[0], {"title": "Coffee", "city": "x",
                                                    "when": 2_000_000_000})
    assert (reply.status, reply.text) == (200, "")
    await slack.fake.wait_for(lambda: len(slack.fake.posts("C0GENERAL")) == 1)


async def test_expired_trigger_gets_a_clear_message(slack: SlackWire) -> None:
    await _open_form_on_propose(slack)
    slack.fake.expired_triggers.add("7.7.slow-trigger")
    await slack.driver.slash("propose", trigger_id="7.7.slow-trigger")
    await slack.fake.wait_for(lambda: len(slack.fake.ephemerals) == 1)
    text = slack.fake.ephemerals[0]["text"]
    assert "3 seconds" in text and "/meetup propose" in text
    assert slack.fake.ephemerals[0]["user"] == "U0ALICE01"


# --- buttons -------------------------------------------------------------------------------------


async def test_click_becomes_action_clicked_with_the_message(slack: SlackWire) -> None:
    await slack.driver.click("tw:rsvp:42:going", message_ts="1800000009.000100",
                         trigger_id="5.5.click")
    await slack.driver.click("tw:vote:42:1:yes", selected="yes")
    await eventually(lambda: len(slack.inbox.events) == 2)
    click = slack.inbox.events[0]
    assert isinstance(click, ActionClicked)
    assert click.action_id == "tw:rsvp:42:going"
    assert click.key == "5.5.click"
    assert click.message == MessageRef(GENERAL, "1800000009.000100")
    second = slack.inbox.events[1]
    assert isinstance(second, ActionClicked) and second.values == ("yes",)


async def test_non_tweetup_and_link_buttons_are_acknowledged_and_dropped(slack: SlackWire) -> None:
    assert (await slack.driver.click("tw-link:3")).status == 200
    assert (await slack.driver.click("something-else")).status == 200
    await slack.adapter.idle()
    assert slack.inbox.events == []


async def test_ephemeral_card_is_updated_through_its_response_url(slack: SlackWire) -> None:
    async def behaviour(event: Inbound) -> None:
        assert isinstance(event, ActionClicked) and event.message is not None
        await slack.adapter.update(event.message, Outgoing(body=(Text("Thanks, noted."),)))
    slack.inbox.react = behaviour
    await slack.driver.click("tw:place:7:yes", ephemeral=True)
    await slack.fake.wait_for(lambda: len(slack.fake.responses) == 1)
    assert slack.fake.responses[0]["replace_original"] is True
    assert slack.fake.responses[0]["text"] == "Thanks, noted."
    assert slack.fake.calls_to("chat.update") == []


# --- events --------------------------------------------------------------------------------------


async def test_retried_event_is_answered_and_acted_on_once(slack: SlackWire) -> None:
    body = slack.driver.message_body("I live in Portland", event_id="Ev0RETRY01")
    first = await slack.driver.message("", body=body)
    retry = await slack.driver.message("", body=body, retry_num=1)
    retry2 = await slack.driver.message("", body=body, retry_num=2, retry_reason="http_error")
    assert [first.status, retry.status, retry2.status] == [200, 200, 200]
    await eventually(lambda: len(slack.inbox.events) == 3)
    assert {e.key for e in slack.inbox.events} == {"Ev0RETRY01"}
    assert len(slack.inbox.acted) == 1
    seen = slack.inbox.acted[0]
    assert isinstance(seen, MessageSeen)
    assert seen.text == "I live in Portland"
    assert seen.user.id == "U0BOB0001" and seen.place == GENERAL
    assert seen.user.name == "Bob"  # filled in from users.info (real name)


async def test_other_messages_and_events_get_200_and_are_ignored(slack: SlackWire) -> None:
    replies = [
        await slack.driver.message("edited", subtype="message_changed"),
        await slack.driver.message("from a bot", bot_id="B0OTHER01"),
        await slack.driver.message("my own", user=BOT_USER_ID),
        await slack.driver.event({"type": "reaction_added", "user": "U0BOB0001",
                              "reaction": "tada", "event_ts": "1.0"}),
        await slack.driver.event({"type": "app_mention", "user": "U0BOB0001", "text": "hi",
                              "channel": "C0GENERAL", "ts": "1.0", "event_ts": "1.0"}),
    ]
    assert [r.status for r in replies] == [200] * 5
    await slack.driver.message("see <https://example.com|this> &amp; <@U0CAROL01|carol>")
    await eventually(lambda: len(slack.inbox.events) == 1)
    assert slack.inbox.events[0].text == "see this & @carol"


async def test_thread_messages_carry_the_thread(slack: SlackWire) -> None:
    await slack.driver.message("in a thread", thread_ts="1800000001.000100")
    await eventually(lambda: len(slack.inbox.events) == 1)
    assert slack.inbox.events[0].place.thread_id == "1800000001.000100"


# --- outbound ------------------------------------------------------------------------------------


async def test_a_429_on_post_message_is_retried(slack: SlackWire) -> None:
    slack.fake.rate_limit("chat.postMessage", times=1, retry_after=0)
    ref = await slack.adapter.post(GENERAL, Outgoing(body=(Text("hello"),)))
    assert len(slack.fake.calls_to("chat.postMessage")) == 2
    assert slack.fake.messages[("C0GENERAL", ref.message_id)].text == "hello"


async def test_posts_to_one_channel_keep_their_order(slack: SlackWire) -> None:
    refs = await asyncio.gather(*(
        slack.adapter.post(GENERAL, Outgoing(body=(Text(f"message {i}"),))) for i in range(12)
    ))
    texts = [c.args["text"] for c in slack.fake.calls_to("chat.postMessage")]
    assert texts == [f"message {i}" for i in range(12)]
    assert len({r.message_id for r in refs}) == 12


async def test_not_in_channel_tells_the_member_to_invite_the_bot(slack: SlackWire) -> None:
    """The core answers ChannelUnavailable with an ephemeral reply; in a channel the bot has
    not joined that reply can only go through the slash command's response_url."""
    slack.fake.known_channels.add("C0NOTJOIN")

    async def behaviour(event: Inbound) -> None:
        try:
            await slack.adapter.post(event.place, Outgoing(title="Coffee"))
        except ChannelUnavailable as exc:
            await slack.adapter.reply(event, Outgoing(body=(Text(str(exc)),), ephemeral=True))
    slack.inbox.react = behaviour
    await slack.driver.slash('propose title:x city:y when:z', channel="C0NOTJOIN")
    await slack.fake.wait_for(lambda: len(slack.fake.responses) == 1)
    hint = slack.fake.responses[0]
    assert hint["response_type"] == "ephemeral"
    assert "/invite @Tweetup" in hint["text"] and "not_in_channel" in hint["text"]


async def test_channel_not_found_and_archived_raise_channel_unavailable(slack: SlackWire) -> None:
    with pytest.raises(ChannelUnavailable):
        await slack.adapter.post(Place("slack", TEAM_ID, "C0NOSUCH1"), Outgoing(title="x"))
    with pytest.raises(ChannelUnavailable):
        await slack.adapter.post(Place("slack", TEAM_ID, "C0ARCHIVED"), Outgoing(title="x"))


async def test_ephemeral_reply_in_an_unjoined_channel_uses_the_response_url(
        slack: SlackWire) -> None:
    slack.fake.known_channels.add("C0NOTJOIN")

    async def behaviour(event: Inbound) -> None:
        await slack.adapter.reply(event, Outgoing(body=(Text("No upcoming meetups."),),
                                              ephemeral=True))
    slack.inbox.react = behaviour
    await slack.driver.slash("list", channel="C0NOTJOIN")
    await slack.fake.wait_for(lambda: len(slack.fake.responses) == 1)
    assert slack.fake.responses[0]["response_type"] == "ephemeral"
    assert slack.fake.responses[0]["text"] == "No upcoming meetups."


async def test_ephemeral_reply_where_the_bot_is_uses_post_ephemeral(slack: SlackWire) -> None:
    async def behaviour(event: Inbound) -> None:
        await slack.adapter.reply(event, Outgoing(body=(Text("Saved."),), ephemeral=True))
    slack.inbox.react = behaviour
    await slack.driver.slash("home city:Austin")
    await slack.fake.wait_for(lambda: len(slack.fake.ephemerals) == 1)
    assert slack.fake.ephemerals[0]["channel"] == "C0GENERAL"
    assert slack.fake.ephemerals[0]["user"] == "U0ALICE01"
    assert slack.fake.responses == []


async def test_dm_and_closed_dm(slack: SlackWire) -> None:
    ref = await slack.adapter.send_dm(ALICE, Outgoing(body=(Text("Reminder: coffee tomorrow"),)))
    assert ref.place.channel_id == "D0ALICE01"
    assert slack.fake.calls_to("conversations.open")[0].args["users"] == "U0ALICE01"
    assert slack.fake.messages[("D0ALICE01", ref.message_id)].text == "Reminder: coffee tomorrow"
    slack.fake.dm_closed.add("U0BOB0001")
    with pytest.raises(DMClosed):
        await slack.adapter.send_dm(UserRef("slack", "U0BOB0001"), Outgoing(title="x"))


async def test_dm_fallback_text_uses_the_members_own_time_zone(slack: SlackWire) -> None:
    when = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
    ref = await slack.adapter.send_dm(ALICE, Outgoing(body=(Text("Starts "), Time(when, "full",
                                                                              "Europe/Berlin"))))
    posted = slack.fake.messages[("D0ALICE01", ref.message_id)]
    assert posted.text == "Starts Friday, December 4, 2026 at 19:00 PST"  # alice is in LA
    assert f"<!date^{int(when.timestamp())}^" in posted.blocks[0]["text"]["text"]


async def test_rate_limited_beyond_the_retries_is_platform_busy(slack: SlackWire) -> None:
    slack.fake.rate_limit("chat.postMessage", times=10, retry_after=0)
    with pytest.raises(PlatformBusy):
        await slack.adapter.post(GENERAL, Outgoing(title="x"))
    assert len(slack.fake.calls_to("chat.postMessage")) == 4  # the first try and 3 retries


async def test_a_500_on_a_post_is_not_retried_so_nothing_is_sent_twice(slack: SlackWire) -> None:
    slack.fake.server_error("chat.postMessage", 500)
    with pytest.raises(DeliveryUnknown):
        await slack.adapter.post(GENERAL, Outgoing(title="once"))
    assert len(slack.fake.calls_to("chat.postMessage")) == 1
    assert [p.text for p in slack.fake.posts("C0GENERAL")] == ["once"]  # it did arrive, once


async def test_a_503_on_a_post_and_a_500_on_an_update_are_retried(slack: SlackWire) -> None:
    slack.fake.server_error("chat.postMessage", 503)
    ref = await slack.adapter.post(GENERAL, Outgoing(title="v1"))
    assert len(slack.fake.calls_to("chat.postMessage")) == 2
    slack.fake.server_error("chat.update", 500)
    await slack.adapter.update(ref, Outgoing(title="v2"))
    assert len(slack.fake.calls_to("chat.update")) == 2
    assert slack.fake.messages[("C0GENERAL", ref.message_id)].text == "v2"


async def test_a_dedupe_key_is_sent_once(slack: SlackWire) -> None:
    msg = Outgoing(body=(Text("Reminder"),), dedupe_key="reminder:7:U0ALICE01:24h")
    refs = await asyncio.gather(*(slack.adapter.send_dm(ALICE, msg) for _ in range(3)))
    assert len({r.message_id for r in refs}) == 1
    assert len(slack.fake.calls_to("chat.postMessage")) == 1
    again = await slack.adapter.send_dm(ALICE, msg)
    assert again == refs[0]
    other = await slack.adapter.send_dm(ALICE, Outgoing(body=(Text("Reminder"),)))
    assert other != refs[0]


async def test_update_and_message_gone(slack: SlackWire) -> None:
    ref = await slack.adapter.post(GENERAL, Outgoing(title="Going: 0"))
    await slack.adapter.update(ref, Outgoing(title="Going: 1"))
    assert slack.fake.messages[("C0GENERAL", ref.message_id)].text == "Going: 1"
    with pytest.raises(MessageGone):
        await slack.adapter.update(MessageRef(GENERAL, "1700000000.000001"), Outgoing(title="x"))


async def test_concurrent_updates_of_one_card_end_with_the_latest(slack: SlackWire) -> None:
    ref = await slack.adapter.post(GENERAL, Outgoing(title="Going: 0"))
    await asyncio.gather(*(slack.adapter.update(ref, Outgoing(title=f"Going: {i}"))
                           for i in range(1, 31)))
    assert slack.fake.messages[("C0GENERAL", ref.message_id)].text == "Going: 30"
    assert len(slack.fake.calls_to("chat.update")) <= 30


async def test_paced_updates_of_one_card_are_merged(slack: SlackWire) -> None:
    ref = await slack.adapter.post(GENERAL, Outgoing(title="Going: 0"))
    key = ("C0GENERAL", ref.message_id)
    # Hold the channel's lane (as a slow post would) while ten updates queue up behind it.
    async with slack.adapter.pacer.slot("C0GENERAL"):
        tasks = [asyncio.create_task(slack.adapter.update(ref, Outgoing(title=f"Going: {i}")))
                 for i in range(1, 11)]
        await eventually(lambda: key in slack.adapter._cards
                         and slack.adapter._cards[key].waiters == 10)
    await asyncio.gather(*tasks)
    # At its turn the first update sends the latest content; the other nine take no slot.
    assert [c.args["text"] for c in slack.fake.calls_to("chat.update")] == ["Going: 10"]


async def test_calendar_file_in_an_ephemeral_reply_goes_by_dm(slack: SlackWire) -> None:
    ics = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"

    async def behaviour(event: Inbound) -> None:
        await slack.adapter.reply(event, Outgoing(
            body=(Text("Add it to your calendar"),), ephemeral=True,
            attachments=(Attachment("meetup-42.ics", ics, "text/calendar"),),
            buttons=(Button("Google Calendar", "tw:cal:42", url="https://calendar.google.com/x"),),
        ))
    slack.inbox.react = behaviour
    await slack.driver.click("tw:cal:42")
    await slack.fake.wait_for(lambda: len(slack.fake.ephemerals) == 1)
    assert list(slack.fake.uploads.values()) == [ics]
    assert slack.fake.files[0]["channels"] == ["D0ALICE01"]
    note = json.dumps(slack.fake.ephemerals[0]["blocks"])
    assert "meetup-42.ics in a direct message" in note
    button = slack.fake.ephemerals[0]["blocks"][-1]["elements"][0]
    assert button["url"].startswith("https://calendar.google.com") and \
        button["action_id"].startswith("tw-link:")


async def test_failed_upload_in_a_private_reply_says_so(slack: SlackWire) -> None:
    slack.fake.fail("files.getUploadURLExternal", "not_allowed_token_type")

    async def behaviour(event: Inbound) -> None:
        await slack.adapter.reply(event, Outgoing(
            body=(Text("Calendar"),), ephemeral=True,
            attachments=(Attachment("m.ics", b"BEGIN:VCALENDAR", "text/calendar"),)))
    slack.inbox.react = behaviour
    await slack.driver.click("tw:cal:1")
    await slack.fake.wait_for(lambda: len(slack.fake.ephemerals) == 1)
    assert "could not send you the file" in json.dumps(slack.fake.ephemerals[0]["blocks"])


async def test_url_verification_challenge_is_answered(slack: SlackWire) -> None:
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    body = json.dumps({"token": "legacy", "challenge": challenge, "type": "url_verification"})
    reply = await slack.driver.send(body, "application/json")
    assert reply.status == 200
    assert reply.json() == {"challenge": challenge}


async def test_attachment_on_a_channel_post_is_uploaded_there(slack: SlackWire) -> None:
    await slack.adapter.post(GENERAL, Outgoing(title="Card", attachments=(
        Attachment("m.ics", b"BEGIN:VCALENDAR", "text/calendar"),)))
    assert slack.fake.files[0]["channels"] == ["C0GENERAL"]


async def test_reject_after_the_modal_closed_goes_privately(slack: SlackWire) -> None:
    slack.adapter.form_verdict_seconds = 0.05
    release = asyncio.Event()

    async def behaviour(event: Inbound) -> None:
        if isinstance(event, CommandInvoked):
            await slack.adapter.open_form(event, PROPOSE_FORM)
        elif isinstance(event, FormSubmitted):
            await release.wait()
            await slack.adapter.reject_form(event, {"when": "That time is in the past."})
    slack.inbox.react = behaviour
    await slack.driver.slash("propose")
    await slack.fake.wait_for(lambda: len(slack.fake.views) == 1)
    reply = await slack.driver.submit(slack.fake.views[0], {"title": "x", "city": "y", "when": 1})
    assert (reply.status, reply.text) == (200, "")
    release.set()
    await slack.fake.wait_for(lambda: len(slack.fake.ephemerals) == 1)
    assert "That time is in the past." in slack.fake.ephemerals[0]["text"]


async def test_core_failure_does_not_break_the_ack(slack: SlackWire) -> None:
    async def behaviour(event: Inbound) -> None:
        raise RuntimeError("boom")
    slack.inbox.react = behaviour
    assert (await slack.driver.slash("list")).status == 200
    assert (await slack.driver.click("tw:rsvp:1:going")).status == 200
    await eventually(lambda: len(slack.inbox.errors) == 2)


# --- spec ----------------------------------------------------------------------------------------


async def test_web_api_calls_match_the_slack_spec() -> None:
    if load_spec() is None:
        pytest.skip("Slack OpenAPI spec not found (set TWEETUP_SLACK_SPEC or provide "
                    "../shared/specs/slack_web_openapi_v2_without_examples.json)")
    async with slack_wire() as slack:
        await _open_form_on_propose(slack)
        await slack.driver.slash("propose")
        await slack.fake.wait_for(lambda: len(slack.fake.views) == 1)
        ref = await slack.adapter.post(GENERAL, Outgoing(title="t", attachments=(
            Attachment("a.ics", b"x", "text/calendar"),)))
        await slack.adapter.update(ref, Outgoing(title="u"))
        await slack.adapter.send_dm(ALICE, Outgoing(title="dm"))
        await slack.driver.click("tw:cal:1")
        await eventually(lambda: len(slack.inbox.events) == 2)
        event = slack.inbox.events[1]
        await slack.adapter.reply(event, Outgoing(title="e", ephemeral=True))
        await slack.adapter.find_group(GENERAL, "@portland")
        methods = {c.method for c in slack.fake.calls}
        assert {"auth.test", "users.info", "views.open", "chat.postMessage", "chat.update",
                "conversations.open", "chat.postEphemeral", "files.completeUploadExternal",
                "files.getUploadURLExternal", "usergroups.list"} <= methods
        assert spec_problems(slack.fake) == []


def test_spec_check_catches_a_missing_argument() -> None:
    if load_spec() is None:
        pytest.skip("Slack OpenAPI spec not found")
    from tests.slack.slack_fake_api import Call, FakeSlackAPI

    fake = FakeSlackAPI()
    fake.calls.append(Call("chat.postMessage", {"text": "x"}, {"Authorization": "Bearer x"}, 0))
    fake.calls.append(Call("chat.nonsense", {}, {"Authorization": "Bearer x"}, 0))
    problems = spec_problems(fake)
    assert any("channel" in p for p in problems) and any("nonsense" in p for p in problems)



async def test_find_sent_reads_the_key_back_from_the_dm_metadata(slack: SlackWire) -> None:
    """Slack keeps no idempotency key: the key travels as message metadata and is read back
    with conversations.history, by any process (a fresh adapter remembers nothing)."""
    since = datetime.now(UTC)
    msg = Outgoing(body=(Text("Reminder"),), dedupe_key="remind:7")
    await slack.adapter.send_dm(ALICE, msg)
    await slack.adapter.send_dm(ALICE, Outgoing(body=(Text("unkeyed"),)))
    (posted, *_) = slack.fake.dms_to(ALICE.id)
    assert posted.metadata == {"event_type": "tweetup_sent",
                               "event_payload": {"key": "remind:7"}}
    for i in range(20):  # more than one page of history
        await slack.adapter.send_dm(ALICE, Outgoing(body=(Text(f"later {i}"),)))
    fresh = SlackAdapter(slack.adapter.settings)
    assert await fresh.find_sent(ALICE, "remind:7", since)
    assert not await fresh.find_sent(ALICE, "remind:8", since)
    assert not await fresh.find_sent(ALICE, "remind:7", datetime.now(UTC))
    history = slack.fake.calls_to("conversations.history")
    assert all(c.args["include_all_metadata"] in ("1", "true", True) for c in history)
    assert len(history) > 2  # paged
    # Slack itself never merges a repeat: a second process sending the same key posts twice.
    await SlackAdapter(slack.adapter.settings).send_dm(ALICE, msg)
    assert sum(1 for p in slack.fake.dms_to(ALICE.id) if p.metadata) == 2


async def test_find_posted_reads_the_key_back_from_the_channel_or_thread(slack: SlackWire) -> None:
    """A job's channel post carries its key as metadata too; a fresh process finds it with
    conversations.history, or conversations.replies in a thread."""
    since = datetime.now(UTC)
    ref = await slack.adapter.post(GENERAL, Outgoing(title="How was it?", dedupe_key="post:7:1"))
    await slack.adapter.post(GENERAL, Outgoing(body=(Text("unkeyed"),)))
    thread = Place("slack", TEAM_ID, "C0GENERAL", ref.message_id)
    in_ref = await slack.adapter.post(thread, Outgoing(title="#2", dedupe_key="post:8:1"))
    posted = next(p for p in slack.fake.posts("C0GENERAL") if p.ts == ref.message_id)
    assert posted.metadata == {"event_type": "tweetup_sent",
                               "event_payload": {"key": "post:7:1"}}
    fresh = SlackAdapter(slack.adapter.settings)
    assert await fresh.find_posted(GENERAL, "post:7:1", since) == ref
    assert await fresh.find_posted(GENERAL, "post:7:2", since) is None
    assert await fresh.find_posted(thread, "post:8:1", since) == in_ref
    assert await fresh.find_posted(GENERAL, "post:8:1", since) is None  # in the thread only
    assert await fresh.find_posted(GENERAL, "post:7:1", datetime.now(UTC)) is None
    assert slack.fake.calls_to("conversations.replies")
