"""Emphasis and commands in core text, as Slack receives them (real slack-bolt app, real core,
fake Web API): bold keeps Slack's word boundaries, commands are inline code."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.support import eventually

ORGANIZER = {"user": "U0ALICE01", "user_name": "alice"}

# Slack formats *bold* only when no letter, digit or marker touches the asterisks outside.
GLUED_BOLD = re.compile(r"\*[^*\n]+\*[\w*`]|[\w*`]\*[^*\n]+\*")


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path) as value:
        yield value


def mrkdwn_texts(blocks: list[dict[str, object]]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        text = b.get("text")
        if isinstance(text, dict) and text.get("type") == "mrkdwn":
            out.append(str(text["text"]))
    return out


async def test_a_cancellation_dm_shows_bold_then_the_reason(slack_app: SlackApp) -> None:
    await slack_app.driver.slash('propose title:"Cap One" city:"Portland, Oregon" '
                         'when:"2026-11-27 19:00"', **ORGANIZER)
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) == 1)
    card = slack_app.fake.posts("C0GENERAL")[0]
    await slack_app.driver.click("tw:rsvp:1:going", user="U0BOB0001", user_name="bob",
                         channel=card.channel, message_ts=card.ts)
    await slack_app.adapter.idle()
    await slack_app.driver.slash("cancel id:1 reason:rain", **ORGANIZER)
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("D0BOB0001")) == 1)
    dm = slack_app.fake.posts("D0BOB0001")[0]
    texts = mrkdwn_texts(dm.blocks)
    assert any("*#1 Cap One is cancelled.* Reason: rain." in t for t in texts), texts
    assert not any(GLUED_BOLD.search(t) for t in texts), texts


async def test_commands_in_core_text_are_inline_code(slack_app: SlackApp) -> None:
    await slack_app.driver.slash("show id:999", **ORGANIZER)
    await eventually(lambda: len(slack_app.fake.ephemerals) == 1)
    blocks = slack_app.fake.ephemerals[0]["blocks"]
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    texts = mrkdwn_texts(blocks)
    assert any(" `/meetup list` " in t for t in texts), texts
