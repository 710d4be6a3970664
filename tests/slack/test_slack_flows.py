"""Whole meetup flows on Slack: signed requests -> real slack-bolt app -> real core (temporary
SQLite store, simulated clock) -> Web API calls against the fake Slack."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.slack.slack_fake_api import FakeSlackAPI, Posted
from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.support import eventually, seed_meetups

ORGANIZER = {"user": "U0ALICE01", "user_name": "alice"}
FRIDAY_7PM = datetime(2026, 11, 27, 19, 0, tzinfo=UTC)
PORTLAND_HIKE = 'title:Hike city:"Portland, Oregon" when:"2026-11-27 19:00"'
PORTLAND_7PM = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)  # "2026-11-27 19:00" in Portland, OR


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path) as value:
        yield value


def card_text(posted: Posted) -> str:
    """Everything a member reads on a card."""
    return json.dumps(posted.blocks, ensure_ascii=False)


def action_ids(posted: Posted) -> list[str]:
    return [e["action_id"] for b in posted.blocks if b["type"] == "actions"
            for e in b["elements"]]


def dms_to(fake: FakeSlackAPI, user_id: str) -> list[Posted]:
    return fake.posts("D" + user_id[1:])


def ephemerals_for(fake: FakeSlackAPI, user_id: str) -> list[str]:
    texts = [str(e.get("text")) for e in fake.ephemerals if e.get("user") == user_id]
    return texts


async def settle(slack_app: SlackApp) -> None:
    await slack_app.adapter.idle()


async def propose(slack_app: SlackApp, text: str) -> Posted:
    before = len(slack_app.fake.posts("C0GENERAL"))
    reply = await slack_app.driver.slash(text, **ORGANIZER)
    assert reply.status == 200, reply.text
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) > before)
    await settle(slack_app)
    return slack_app.fake.posts("C0GENERAL")[-1]


async def click(slack_app: SlackApp, posted: Posted, action_id: str, user: str, name: str,
                **kw: Any) -> None:
    reply = await slack_app.driver.click(action_id, user=user, user_name=name,
                                         channel=posted.channel,
                                         message_ts=posted.ts, **kw)
    assert reply.status == 200
    await settle(slack_app)


async def test_propose_via_modal_with_city_search(slack_app: SlackApp) -> None:
    await slack_app.driver.slash("propose", **ORGANIZER)
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.views) == 1)
    view = slack_app.fake.views[0]
    suggestions = (await slack_app.driver.suggest(view, "city", "Portland")).json()["options"]
    labels = [o["value"] for o in suggestions]
    oregon = next(label for label in labels if "Oregon" in label)

    # Invalid first: a past time, then an unreadable repeat, are shown inline; nothing posted.
    reply = await slack_app.driver.submit(view, {"title": "Coffee & code", "city": oregon,
                                         "when": int(datetime(2020, 1, 1, tzinfo=UTC)
                                                     .timestamp()),
                                         "repeat": ""})
    body = reply.json()
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {"when"}
    reply = await slack_app.driver.submit(view, {"title": "Coffee & code", "city": oregon,
                                         "when": int(FRIDAY_7PM.timestamp()),
                                         "repeat": "every blue moon"})
    body = reply.json()
    assert body["response_action"] == "errors" and set(body["errors"]) == {"repeat"}
    assert "every first thursday" in body["errors"]["repeat"]
    assert slack_app.fake.posts("C0GENERAL") == []

    reply = await slack_app.driver.submit(view, {"title": "Coffee & code", "city": oregon,
                                         "when": int(FRIDAY_7PM.timestamp()),
                                         "repeat": ""})
    assert (reply.status, reply.text) == (200, "")
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) == 1)
    card = slack_app.fake.posts("C0GENERAL")[0]
    assert "Coffee & code" in card.blocks[0]["text"]["text"]
    assert f"<!date^{int(FRIDAY_7PM.timestamp())}^" in card_text(card)
    assert "tw:rsvp:1:going" in action_ids(card)


async def test_a_reminder_shows_the_time_where_the_meetup_is_and_each_readers_own(
        slack_app: SlackApp) -> None:
    """Who gets reminders is the scenario suite's (tests/scenarios); this is Slack's
    rendering of the times in a DM."""
    card = await propose(slack_app, "propose " + PORTLAND_HIKE)
    await click(slack_app, card, "tw:rsvp:1:going", "U0BOB0001", "bob")
    await slack_app.timer.advance_to(PORTLAND_7PM - timedelta(hours=23))
    await slack_app.fake.wait_for(lambda: len(dms_to(slack_app.fake, "U0BOB0001")) == 1)
    reminder = dms_to(slack_app.fake, "U0BOB0001")[0]
    assert "Hike" in reminder.text or "Hike" in card_text(reminder)
    unix = int(PORTLAND_7PM.timestamp())
    assert f"Fri 27 Nov 2026 19:00 PST (your time: <!date^{unix}^" in card_text(reminder)


async def test_closed_dms_fall_back_to_one_channel_mention(slack_app: SlackApp) -> None:
    card = await propose(slack_app, "propose " + PORTLAND_HIKE)
    await click(slack_app, card, "tw:rsvp:1:going", "U0BOB0001", "bob")
    slack_app.fake.dm_closed.add("U0BOB0001")
    posts_before = len(slack_app.fake.posts("C0GENERAL"))
    await slack_app.timer.advance_to(PORTLAND_7PM - timedelta(hours=23))
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) > posts_before)
    fallback = slack_app.fake.posts("C0GENERAL")[-1]
    assert "<@U0BOB0001>" in card_text(fallback)


async def test_a_redelivered_click_is_acted_on_once(slack_app: SlackApp) -> None:
    card = await propose(slack_app, "propose " + PORTLAND_HIKE.replace("Hike", "Run"))
    body = slack_app.driver.click_body("tw:rsvp:1:going", user="U0BOB0001", user_name="bob",
                               message_ts=card.ts, trigger_id="4242.1.same-trigger")
    form = "application/x-www-form-urlencoded"
    assert (await slack_app.driver.send(body, form)).status == 200
    await settle(slack_app)
    updates = len(slack_app.fake.calls_to("chat.update"))
    replies = len(ephemerals_for(slack_app.fake, "U0BOB0001"))
    assert (await slack_app.driver.send(body, form)).status == 200
    await settle(slack_app)
    assert len(slack_app.fake.calls_to("chat.update")) == updates
    assert len(ephemerals_for(slack_app.fake, "U0BOB0001")) == replies
    assert "1 / " in card_text(slack_app.fake.messages[("C0GENERAL", card.ts)]) or \
        "Going*\\n1" in card_text(slack_app.fake.messages[("C0GENERAL", card.ts)])


async def test_a_retried_message_event_is_answered_and_handled_once(slack_app: SlackApp) -> None:
    body = slack_app.driver.message_body("I live in Portland, Oregon", event_id="Ev0FLOW0001")
    replies = [await slack_app.driver.message("", body=body),
               await slack_app.driver.message("", body=body, retry_num=1),
               await slack_app.driver.message("", body=body, retry_num=2)]
    assert [r.status for r in replies] == [200, 200, 200]
    await settle(slack_app)
    # Whatever the watcher does with the message, it does it once.
    questions = [e for e in slack_app.fake.ephemerals if e.get("user") == "U0BOB0001"]
    assert len(questions) <= 1


async def test_propose_in_a_channel_without_the_bot_says_invite_me(slack_app: SlackApp) -> None:
    slack_app.fake.known_channels.add("C0NOTJOIN")
    await slack_app.driver.slash("propose " + PORTLAND_HIKE.replace("Hike", "Tea"),
                         channel="C0NOTJOIN", **ORGANIZER)
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.responses) >= 1)
    assert "/invite" in slack_app.fake.responses[0]["text"]
    assert slack_app.fake.responses[0]["response_type"] == "ephemeral"


async def test_bad_options_get_a_private_explanation(slack_app: SlackApp) -> None:
    await slack_app.driver.slash("propose " + PORTLAND_HIKE.replace("Hike", "Tea") + " "
                         'capacity:0', **ORGANIZER)
    await eventually(lambda: len(slack_app.fake.ephemerals) == 1)
    assert "apacity" in slack_app.fake.ephemerals[0]["text"]
    assert slack_app.fake.posts("C0GENERAL") == []


async def test_add_to_calendar_sends_the_ics_by_dm(slack_app: SlackApp) -> None:
    card = await propose(slack_app, "propose " + PORTLAND_HIKE.replace("Hike", "Tea"))
    await click(slack_app, card, "tw:cal:1", "U0BOB0001", "bob")
    await eventually(lambda: len(slack_app.fake.files) == 1)
    assert slack_app.fake.files[0]["channels"] == ["D0BOB0001"]
    content = next(iter(slack_app.fake.uploads.values()))
    assert content.startswith(b"BEGIN:VCALENDAR")
    assert any("direct message" in json.dumps(e["blocks"]) for e in slack_app.fake.ephemerals)


async def test_help_lists_the_commands(slack_app: SlackApp) -> None:
    await slack_app.driver.slash("", **ORGANIZER)
    await eventually(lambda: len(slack_app.fake.ephemerals) == 1)
    text = json.dumps(slack_app.fake.ephemerals[0]["blocks"])
    assert "/meetup propose" in text and "/meetup close" in text


async def test_propose_button_opens_the_form_with_the_clicks_trigger(slack_app: SlackApp) -> None:
    reply = await slack_app.driver.click("tw:propose", user="U0BOB0001", user_name="bob",
                                 trigger_id="8080.1.button-trigger")
    assert reply.status == 200
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.views) == 1)
    assert slack_app.fake.calls_to("views.open")[0].args["trigger_id"] == "8080.1.button-trigger"
    assert slack_app.fake.views[0]["callback_id"] == "tw-form:propose"


async def test_only_the_organizer_or_a_workspace_admin_may_close_a_poll(
        slack_app: SlackApp) -> None:
    card = await propose(
        slack_app, 'propose title:Picnic city:"Portland, Oregon" '
           'when:"2026-11-27 19:00 | 2026-11-28 18:00"')
    await click(slack_app, card, "tw:close:1", "U0CAROL01", "carol")
    # still a poll
    assert "tw:close:1" in action_ids(slack_app.fake.messages[("C0GENERAL", card.ts)])
    assert ephemerals_for(slack_app.fake, "U0CAROL01")  # told why not
    await click(slack_app, card, "tw:close:1", "U0ADMIN01", "ada")  # a workspace admin (users.info)
    assert "tw:rsvp:1:going" in action_ids(slack_app.fake.messages[("C0GENERAL", card.ts)])


def ephemeral_action_ids(ephemeral: dict[str, Any]) -> list[str]:
    return [e["action_id"] for b in ephemeral.get("blocks", []) if b["type"] == "actions"
            for e in b["elements"]]


async def test_meetup_list_next_button_shows_page_two(slack_app: SlackApp) -> None:
    await propose(slack_app, 'propose title:"Meetup 0" city:Berlin when:"2026-11-25 19:00"')
    community_id = (await slack_app.app.store.meetup(1)).community_id
    await seed_meetups(slack_app.app.store, community_id, 24, first=1, now=FRIDAY_7PM,
                       starts=lambda i: FRIDAY_7PM + timedelta(days=i), channel="C0GENERAL",
                       organizer="U0ALICE01", city=(2950159, "Berlin, DE"))
    await slack_app.driver.slash("list", user="U0BOB0001", user_name="bob")
    await eventually(lambda: bool(ephemerals_for(slack_app.fake, "U0BOB0001")))
    first = slack_app.fake.ephemerals[-1]
    first_text = json.dumps(first["blocks"], ensure_ascii=False)
    assert "Showing 1–10 of 25" in first_text and "*#1 Meetup 0*" in first_text
    (next_id,) = ephemeral_action_ids(first)
    reply = await slack_app.driver.click(next_id, user="U0BOB0001", user_name="bob", ephemeral=True)
    assert reply.status == 200
    await eventually(lambda: len(ephemerals_for(slack_app.fake, "U0BOB0001")) == 2)
    second = json.dumps(slack_app.fake.ephemerals[-1]["blocks"], ensure_ascii=False)
    assert "Showing 11–20 of 25 (page 2 of 3)" in second
    assert "*#11 Meetup 10*" in second and "*#1 Meetup 0*" not in second


async def test_a_slack_date_in_when_is_read_as_that_instant(slack_app: SlackApp) -> None:
    # a member pastes Slack's date formatting (with its fallback text, which holds a "|"
    # and spaces); the adapter's inbound layer turns it into the instant before the core
    # reads the `when`
    at = datetime(2026, 11, 27, 18, 30, tzinfo=UTC)
    unix = int(at.timestamp())
    await propose(slack_app, f'propose title:Picnic city:Berlin '
                  f'when:"<!date^{unix}^{{date_short}} {{time}}|Nov 27, 2026 6:30 PM>"')
    assert (await slack_app.app.store.meetup(1)).starts_at == at
    await propose(slack_app, f'propose title:Quiz city:Berlin when:"<!date^{unix}^{{date}}|x> '
                  f'| <!date^{unix + 86400}^{{time}}^https://example.com|y>"')
    options, _ = await slack_app.app.store.poll(2)
    assert [o.starts_at for o in options] == [at, at + timedelta(days=1)]
