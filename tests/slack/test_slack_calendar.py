"""`/meetup calendar` on Slack (issue #16): the slash command through the real slack-bolt app,
the DM with both feed links and the reset button, the reset click, and the feeds served by
the same web server that receives Slack's requests (HTTP mode mounted on the shared app)."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from icalendar import Calendar

from tests.slack.slack_fake_api import FakeSlackAPI, Posted
from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.support import eventually

BASE = "https://cal.example.org"
FEED = re.compile(r"https://cal\.example\.org(/calendar/[A-Za-z0-9_-]+\.ics)")


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path, base_url=BASE) as value:
        yield value


def dms_to(fake: FakeSlackAPI, user_id: str) -> list[Posted]:
    return fake.posts("D" + user_id[1:])


def feed_paths(posted: Posted) -> list[str]:
    return list(dict.fromkeys(FEED.findall(json.dumps(posted.blocks))))


async def fetch(slack_app: SlackApp, path: str) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as session, \
            session.get(f"http://127.0.0.1:{slack_app.port}{path}") as resp:
        return resp.status, await resp.read()


async def test_calendar_dms_the_links_and_reset_revokes_the_old_one(slack_app: SlackApp) -> None:
    reply = await slack_app.driver.slash('propose title:Tea city:"Portland, Oregon" '
                                 'when:"2026-11-27 19:00"', user="U0ALICE01", user_name="alice")
    assert reply.status == 200
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) == 1)
    reply = await slack_app.driver.slash("calendar", user="U0BOB0001", user_name="bob")
    assert reply.status == 200
    await slack_app.fake.wait_for(lambda: len(dms_to(slack_app.fake, "U0BOB0001")) == 1)
    await slack_app.adapter.idle()
    dm = dms_to(slack_app.fake, "U0BOB0001")[0]
    text = json.dumps(dm.blocks)
    mine, shared = feed_paths(dm)
    assert f"webcal://cal.example.org{mine}" in text and "U0BOB0001" not in mine
    buttons = [e for b in dm.blocks if b["type"] == "actions" for e in b["elements"]]
    assert [(b["text"]["text"], b["action_id"]) for b in buttons] == [
        ("Reset my link", "tw:calreset:1")]
    assert any("calendar links by DM" in json.dumps(e) for e in slack_app.fake.ephemerals)

    status, body = await fetch(slack_app, shared)  # the web server that also serves /slack/events
    assert status == 200
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")] == ["Tea"]

    reply = await slack_app.driver.click("tw:calreset:1", user="U0BOB0001", user_name="bob",
                                 channel=dm.channel, message_ts=dm.ts)
    assert reply.status == 200
    await slack_app.adapter.idle()
    assert (await fetch(slack_app, mine))[0] == 404

    def new_links() -> list[str]:
        seen = json.dumps([*slack_app.fake.ephemerals,
                           *(d.blocks for d in dms_to(slack_app.fake, "U0BOB0001"))])
        return [p for p in FEED.findall(seen) if p not in (mine, shared)]

    await eventually(lambda: bool(new_links()))
    assert "old link no longer works" in json.dumps(slack_app.fake.ephemerals)
    assert (await fetch(slack_app, new_links()[0]))[0] == 200


async def test_health_is_served_by_the_shared_server(slack_app: SlackApp) -> None:
    status, body = await fetch(slack_app, "/healthz")
    assert status == 200 and json.loads(body)["ok"] is True


async def test_slack_requests_before_the_adapter_is_ready_get_503(tmp_path: Path) -> None:
    """The shared server starts before the adapter connects: Slack is told to retry."""
    from adapters.slack import SlackAdapter
    from bot.config import WebSettings
    from bot.web.server import WebServer
    from tests.slack.slack_harness import settings_for

    fake = FakeSlackAPI()
    adapter = SlackAdapter(settings_for(fake))
    server = WebServer(WebSettings("127.0.0.1", 0), adapter.web_routes())
    await server.start()
    try:
        async with aiohttp.ClientSession() as session, \
                session.post(f"{server.url}/slack/events", data=b"{}") as resp:
            assert resp.status == 503 and resp.headers["Retry-After"] == "1"
    finally:
        await server.stop()


async def test_an_adapter_serving_http_needs_a_web_server(tmp_path: Path) -> None:
    from adapters.slack import SlackAdapter
    from bot.app import build_app
    from bot.config import Settings
    from tests.slack.slack_harness import settings_for

    app = build_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/x.db"),
                    adapters=[SlackAdapter(settings_for(FakeSlackAPI()))])
    try:
        with pytest.raises(RuntimeError, match=r"no \[web\] server"):
            await app.start(warm_up="skip")
    finally:
        await app.stop()
