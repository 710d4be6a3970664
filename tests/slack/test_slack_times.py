"""Times and online meetups on Slack: the real slack-bolt app and core against the fake Slack."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.slack.slack_harness import SlackApp, running_slack_app

ORGANIZER = {"user": "U0ALICE01", "user_name": "alice"}
FRIDAY_7PM = datetime(2026, 11, 27, 19, 0, tzinfo=UTC)


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path) as value:
        yield value


async def test_the_propose_modal_offers_online_as_a_city_and_makes_an_online_meetup(
    slack_app: SlackApp,
) -> None:
    await slack_app.driver.slash("propose", **ORGANIZER)
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.views) == 1)
    view = slack_app.fake.views[0]
    options = (await slack_app.driver.suggest(view, "city", "onl")).json()["options"]
    assert options[0]["value"] == "online"
    link = "https://meet.example.com/coffee"
    reply = await slack_app.driver.submit(view, {"title": "Remote coffee", "city": "online",
                                         "when": int(FRIDAY_7PM.timestamp()), "venue": link})
    assert (reply.status, reply.text) == (200, "")
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) == 1)
    card = json.dumps(slack_app.fake.posts("C0GENERAL")[0].blocks, ensure_ascii=False)
    assert link in card and "openstreetmap" not in card
