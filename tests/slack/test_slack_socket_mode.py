"""Socket Mode: the same listeners over slack_sdk's aiohttp Socket Mode client, against a
local fake of Slack's Socket Mode WebSocket (apps.connections.open -> ws://127.0.0.1)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from bot.config import Secret
from bot.types import ActionClicked, CommandInvoked, Inbound, MessageSeen
from tests.slack.slack_driver import SlackDriver
from tests.slack.slack_fake_api import FakeSlackAPI
from tests.slack.slack_harness import running_adapter
from tests.support import RecordingInbox, eventually


def _form(body: str) -> dict[str, Any]:
    return dict(parse_qsl(body))


async def test_socket_mode_acks_envelopes_and_dedupes_redelivery() -> None:
    fake = FakeSlackAPI()
    fake.add_user("U0ALICE01", "alice")
    await fake.start()
    inbox = RecordingInbox()
    driver = SlackDriver("http://unused", "unused", f"http://127.0.0.1:{fake.port}")
    try:
        async with running_adapter(fake, inbox, mode="socket", signing_secret=Secret(""),
                                   app_token=Secret("xapp-1-A0TWEETUP-test")) as running:
            adapter = running.adapter
            assert running.port is None and adapter.web_routes() == []  # no HTTP in Socket Mode
            await fake.wait_for(lambda: len(fake.sockets) == 1)
            assert fake.calls_to("apps.connections.open")

            slash = _form(driver.slash_body("list", trigger_id="11.1.sock"))
            await fake.socket_send("slash_commands", slash, envelope_id="env-1")
            click = json.loads(_form(driver.click_body("tw:rsvp:3:going"))["payload"])
            await fake.socket_send("interactive", click, envelope_id="env-2")
            event = json.loads(driver.message_body("hello there", event_id="Ev0SOCK01"))
            await fake.socket_send("events_api", event, envelope_id="env-3")
            await fake.socket_send("events_api", event, envelope_id="env-4", retry_attempt=1)
            bad = _form(driver.slash_body('propose title:"unclosed'))
            await fake.socket_send("slash_commands", bad, envelope_id="env-5")

            await fake.wait_for(lambda: len(fake.socket_acks) == 5)
            acked = {a["envelope_id"]: a for a in fake.socket_acks}
            assert set(acked) == {"env-1", "env-2", "env-3", "env-4", "env-5"}
            assert "not closed" in acked["env-5"]["payload"]["text"]
            await eventually(lambda: len(inbox.events) == 4)
            kinds = [type(e) for e in inbox.events]
            assert kinds.count(CommandInvoked) == 1 and kinds.count(ActionClicked) == 1
            seen: list[Inbound] = [e for e in inbox.acted if isinstance(e, MessageSeen)]
            assert len(seen) == 1 and seen[0].key == "Ev0SOCK01"
            await adapter.idle()
    finally:
        await fake.stop()
