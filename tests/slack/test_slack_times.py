"""Times and online meetups on Slack: the real slack-bolt app and core against the fake Slack."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_harness import CoreHarness, core_harness

ORGANIZER = {"user": "U0ALICE01", "user_name": "alice"}
FRIDAY_7PM = datetime(2026, 11, 27, 19, 0, tzinfo=UTC)


@pytest.fixture
async def c(tmp_path: Path) -> AsyncIterator[CoreHarness]:
    async with core_harness(tmp_path) as value:
        yield value


async def test_the_propose_modal_offers_online_as_a_city_and_makes_an_online_meetup(
    c: CoreHarness,
) -> None:
    await c.driver.slash("propose", **ORGANIZER)
    await c.fake.wait_for(lambda: len(c.fake.views) == 1)
    view = c.fake.views[0]
    options = (await c.driver.suggest(view, "city", "onl")).json()["options"]
    assert options[0]["value"] == "online"
    link = "https://meet.example.com/coffee"
    reply = await c.driver.submit(view, {"title": "Remote coffee", "city": "online",
                                         "when": int(FRIDAY_7PM.timestamp()), "venue": link})
    assert (reply.status, reply.text) == (200, "")
    await c.fake.wait_for(lambda: len(c.fake.posts("C0GENERAL")) == 1)
    card = json.dumps(c.fake.posts("C0GENERAL")[0].blocks, ensure_ascii=False)
    assert link in card and "openstreetmap" not in card
