"""Public meetup pages on Slack (issue #17): the slash command through the real slack-bolt
app turns them on, the card's blocks link the page (Slack's <url|label>), and the same web
server that receives Slack's requests serves the page with the Slack invite."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.slack.slack_harness import SlackApp, running_slack_app

BASE = "https://pages.example.org"
PAGE = re.compile(r"<https://pages\.example\.org(/m/[A-Za-z0-9]{22})\|public page>")


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path, base_url=BASE) as value:
        yield value


async def fetch(slack_app: SlackApp, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, \
            session.get(f"http://127.0.0.1:{slack_app.port}{path}") as resp:
        return resp.status, await resp.text()


async def test_pages_on_link_the_page_from_the_card_with_the_slack_invite(
        slack_app: SlackApp) -> None:
    on = await slack_app.driver.slash("settings public-pages:on invite:https://join.slack.com/t/x/y",
                              user="U0ADMIN01", user_name="ada")
    assert on.status == 200
    await slack_app.adapter.idle()
    assert any("public pages: on" in json.dumps(e) for e in slack_app.fake.ephemerals)
    reply = await slack_app.driver.slash('propose title:Tea city:"Portland, Oregon" '
                                 'when:"2026-11-27 19:00"', user="U0ALICE01", user_name="alice")
    assert reply.status == 200
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) == 1)
    await slack_app.adapter.idle()
    blocks = json.dumps(slack_app.fake.posts("C0GENERAL")[0].blocks)
    found = PAGE.search(blocks)
    assert found, blocks
    status, body = await fetch(slack_app, found.group(1))
    assert status == 200 and "<h1>Tea</h1>" in body
    assert "Join us on Slack" in body and "https://join.slack.com/t/x/y" in body
