"""adapters/slack/inbound.py on recorded Slack payloads (tests/slack/payloads/, shaped as the
wire fake's driver sends them and as Slack's docs describe): no network, no Bolt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from adapters.commandline import CommandLineError
from adapters.slack import inbound
from adapters.slack.inbound import SlackHandle
from bot.commands import COMMANDS_BY_NAME
from bot.types import GroupRef, MessageRef, Place

PAYLOADS = Path(__file__).parent / "payloads"
GENERAL = Place("slack", "T0TEAM001", "C0GENERAL")


def payload(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def test_a_slash_command_becomes_a_command_with_its_response_url() -> None:
    event = inbound.command(payload("slash_command"), "TDEFAULT", COMMANDS_BY_NAME)
    assert (event.name, event.place, event.key) == ("list", GENERAL, "1337.42.trig1")
    assert (event.user.id, event.user.name, event.is_admin) == ("U0ALICE01", "alice", False)
    assert isinstance(event.handle, SlackHandle)
    assert event.handle.response_url == "https://hooks.slack.com/commands/T0TEAM001/1/cmd-1"


def test_a_slash_command_that_does_not_parse_says_what_to_type() -> None:
    body = {**payload("slash_command"), "text": "frobnicate now"}
    with pytest.raises(CommandLineError) as err:
        inbound.command(body, "TDEFAULT", COMMANDS_BY_NAME)
    assert "/meetup" in str(err.value)


@pytest.mark.parametrize(
    ("typed", "groups", "role"),
    [
        ("<!subteam^S0PDX|@portland>", {"role": GroupRef("S0PDX", "portland")}, None),
        ("&lt;!subteam^S0PDX|@portland&gt;", {"role": GroupRef("S0PDX", "portland")}, None),
        ('"<!subteam^S0PDX|portland crew>"', {"role": GroupRef("S0PDX", "portland crew")}, None),
        ("<!subteam^S0PDX>", {"role": GroupRef("S0PDX")}, None),
        ("S0PDX1", {"role": GroupRef("S0PDX1")}, None),  # a group id typed bare
        ("<!here>", {}, "@here"),  # Slack's special mentions: their names, refused by the core
        ("<!channel>", {}, "@channel"),
        ("<!everyone|everyone>", {}, "@everyone"),
        ("@portland", {}, "@portland"),  # a name Slack did not turn into a group: text
        ("<!subteam^s0pdx>", {}, "<!subteam^s0pdx>"),  # not a group id: text, which the core
        ("<@U0BOB0001>", {}, "<@U0BOB0001>"),  # refuses saying what to type
        ("none", {}, "none"),
    ],
)
def test_a_group_option_is_read_into_a_neutral_group_or_left_as_text(
    typed: str, groups: dict[str, GroupRef], role: str | None
) -> None:
    body = {**payload("slash_command"), "text": f'area-role city:"Portland, Oregon" role:{typed}'}
    event = inbound.command(body, "TDEFAULT", COMMANDS_BY_NAME)
    assert event.groups == groups
    assert event.options.get("role") == role
    assert event.options["city"] == "Portland, Oregon"


def test_a_text_option_is_never_read_as_a_group() -> None:
    body = {**payload("slash_command"), "text": "propose title:<!subteam^S0PDX> city:Berlin"}
    event = inbound.command(body, "TDEFAULT", COMMANDS_BY_NAME)
    assert event.groups == {} and event.options["title"] == "<!subteam^S0PDX>"


def test_block_actions_give_one_click_per_action_of_ours_on_the_card() -> None:
    events = inbound.actions(payload("block_actions_button"), "TDEFAULT")
    place = Place("slack", "T0TEAM001", "C0GENERAL", "1800000000.000001")
    assert [(e.action_id, e.values, e.key) for e in events] == [
        ("tw:rsvp:7:yes", (), "2448.42.trig1"),
        ("tw:poll:3", ("opt-2",), "2448.42.trig1:1"),
    ]
    assert all(e.place == place for e in events)
    assert all(e.message == MessageRef(place, "1800000001.000100") for e in events)
    assert events[0].handle is events[1].handle


def test_a_click_on_an_ephemeral_message_is_marked_and_a_picker_value_is_read() -> None:
    [event] = inbound.actions(payload("block_actions_ephemeral"), "TDEFAULT")
    assert event.message == MessageRef(GENERAL, f"{inbound.EPHEMERAL_PREFIX}1800000005.000100")
    assert event.values == ("2030-01-01 00:00 UTC",)


def test_a_view_submission_carries_the_place_the_form_was_opened_from() -> None:
    event = inbound.view_submission(payload("view_submission"), "TDEFAULT")
    assert event.form_id == "propose"
    assert event.values == {"title": "Tapas night", "city": "Madrid"}
    assert event.place == Place("slack", "T0TEAM001", "C0GENERAL", "1800000000.000001")
    assert isinstance(event.handle, SlackHandle)
    assert event.handle.extra["fields"] == ["title", "city"]
    assert event.handle.modal is None  # the adapter owns the ack's wait


def test_a_block_suggestion_asks_for_choices_for_the_typed_text() -> None:
    request = inbound.options_request(payload("block_suggestion"), "TDEFAULT")
    assert (request.command, request.option, request.partial) == ("propose", "city", "Mad")
    assert request.place == GENERAL


def test_a_member_message_is_read_as_plain_text_in_its_thread() -> None:
    event = inbound.message(payload("message_event"), "TDEFAULT", "UBOT0001")
    assert event is not None
    assert event.text == "anyone up for tapas in <Madrid> on Friday?"
    assert event.place == Place("slack", "T0TEAM001", "C0GENERAL", "1800000000.000001")
    assert (event.key, event.message.message_id) == ("Ev0001", "1800000010.000200")


@pytest.mark.parametrize("change", [
    {"user": "UBOT0001"},
    {"bot_id": "B0OTHER"},
    {"subtype": "message_changed"},
    {"text": "   "},
])
def test_messages_that_are_not_a_member_talking_are_skipped(change: dict[str, str]) -> None:
    body = payload("message_event")
    body["event"] = {**body["event"], **change}
    assert inbound.message(body, "TDEFAULT", "UBOT0001") is None


async def test_a_modal_verdict_is_decided_once() -> None:
    rejected = inbound.ModalVerdict()
    assert rejected.reject({"title": "Give a title."})
    rejected.accept()  # the core's later output does not undo the rejection
    assert rejected.state is inbound.Modal.REJECTED
    assert await rejected.wait(0) == {"title": "Give a title."}

    late = inbound.ModalVerdict()
    assert await late.wait(0) is None  # nothing in time: the modal closes
    assert late.state is inbound.Modal.CLOSED
    assert not late.reject({"title": "too late"})  # errors then go by private message
