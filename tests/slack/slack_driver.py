"""Sends correctly signed Slack requests (v0 HMAC-SHA256 over `v0:timestamp:body`) to the
bot's HTTP endpoint, shaped like the real ones: slash commands (form-encoded), interactivity
payloads (`payload=<json>`: block_actions, view_submission, block_suggestion) and Events API
callbacks (JSON), with optional retry headers."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp

from tests.slack.slack_fake_api import TEAM_ID


@dataclass(slots=True)
class Reply:
    status: int
    text: str

    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


def sign(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackDriver:
    def __init__(self, url: str, signing_secret: str, fake_base: str) -> None:
        self.url = url
        self.secret = signing_secret
        self.fake_base = fake_base  # the fake API's base, for response_urls
        self._ids = itertools.count(1)
        self.session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> SlackDriver:
        self.session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.session is not None:
            await self.session.close()

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):06d}"

    async def send(self, body: str, content_type: str, *, signed: bool = True,
                   timestamp: int | None = None, headers: dict[str, str] | None = None,
                   bad_signature: bool = False) -> Reply:
        assert self.session is not None
        ts = str(int(time.time()) if timestamp is None else timestamp)
        all_headers = {"Content-Type": content_type, **(headers or {})}
        if signed:
            all_headers["X-Slack-Request-Timestamp"] = ts
            signature = sign(self.secret, ts, body)
            if bad_signature:
                signature = signature[:-4] + "0000"
            all_headers["X-Slack-Signature"] = signature
        async with self.session.post(self.url, data=body.encode(), headers=all_headers) as resp:
            return Reply(resp.status, await resp.text())

    # --- request builders ------------------------------------------------------------------------

    def slash_body(self, text: str, *, user: str = "U0ALICE01", user_name: str = "alice",
                   channel: str = "C0GENERAL", trigger_id: str | None = None) -> str:
        return urlencode({
            "token": "legacy-verification-token", "team_id": TEAM_ID,
            "team_domain": "tweetup-test", "channel_id": channel, "channel_name": "general",
            "user_id": user, "user_name": user_name, "command": "/meetup", "text": text,
            "api_app_id": "A0TWEETUP", "is_enterprise_install": "false",
            "response_url": f"{self.fake_base}/respond/cmd-{next(self._ids)}",
            "trigger_id": trigger_id or self.next_id("1337.42.trig"),
        })

    async def slash(self, text: str, **kw: Any) -> Reply:
        return await self.send(self.slash_body(text, **kw), "application/x-www-form-urlencoded")

    def _user(self, user: str, name: str) -> dict[str, Any]:
        return {"id": user, "username": name, "name": name, "team_id": TEAM_ID}

    def click_body(self, action_id: str, *, user: str = "U0ALICE01", user_name: str = "alice",
                   channel: str = "C0GENERAL", message_ts: str = "1800000001.000100",
                   ephemeral: bool = False, trigger_id: str | None = None,
                   selected: str | None = None) -> str:
        action: dict[str, Any] = {"action_id": action_id, "block_id": "b1",
                                  "action_ts": f"{time.time():.6f}"}
        if selected is None:
            action.update({"type": "button", "text": {"type": "plain_text", "text": "x"},
                           "value": action_id})
        else:
            action.update({"type": "static_select",
                           "selected_option": {"text": {"type": "plain_text", "text": selected},
                                               "value": selected}})
        payload: dict[str, Any] = {
            "type": "block_actions", "user": self._user(user, user_name),
            "api_app_id": "A0TWEETUP", "token": "legacy", "trigger_id":
                trigger_id or self.next_id("2448.42.trig"),
            "team": {"id": TEAM_ID, "domain": "tweetup-test"},
            "container": {"type": "message", "message_ts": message_ts, "channel_id": channel,
                          "is_ephemeral": ephemeral},
            "channel": {"id": channel, "name": "general"},
            "response_url": f"{self.fake_base}/respond/act-{next(self._ids)}",
            "actions": [action],
        }
        if not ephemeral:
            payload["message"] = {"type": "message", "ts": message_ts, "user": "UBOT0001",
                                  "text": "card", "blocks": []}
        return urlencode({"payload": json.dumps(payload)})

    async def click(self, action_id: str, **kw: Any) -> Reply:
        return await self.send(self.click_body(action_id, **kw),
                               "application/x-www-form-urlencoded")

    async def submit(self, view: dict[str, Any], values: dict[str, Any], *,
                     user: str = "U0ALICE01", user_name: str = "alice") -> Reply:
        """Submit `view` (as opened by the bot) with `values`: field name -> str | int (a unix
        time for datetimepickers) | None (left empty)."""
        state: dict[str, Any] = {}
        for block in view.get("blocks", []):
            if block.get("type") != "input":
                continue
            element = block["element"]
            name = element["action_id"]
            value = values.get(name)
            kind = element["type"]
            if kind == "datetimepicker":
                entry: dict[str, Any] = {"type": kind, "selected_date_time": value}
            elif kind == "external_select":
                entry = {"type": kind, "selected_option": None if value is None else {
                    "text": {"type": "plain_text", "text": str(value)}, "value": str(value)}}
            else:
                entry = {"type": kind, "value": value}
            state[block["block_id"]] = {name: entry}
        payload = {
            "type": "view_submission", "team": {"id": TEAM_ID, "domain": "tweetup-test"},
            "user": self._user(user, user_name), "api_app_id": "A0TWEETUP", "token": "legacy",
            "trigger_id": self.next_id("3559.42.trig"),
            "view": {**view, "id": self.next_id("V"), "team_id": TEAM_ID,
                     "state": {"values": state}, "hash": "1700000000.abc"},
            "response_urls": [],
        }
        return await self.send(urlencode({"payload": json.dumps(payload)}),
                               "application/x-www-form-urlencoded")

    async def suggest(self, view: dict[str, Any], action_id: str, value: str, *,
                      user: str = "U0ALICE01") -> Reply:
        payload = {
            "type": "block_suggestion", "user": self._user(user, "alice"),
            "container": {"type": "view", "view_id": "V1"}, "api_app_id": "A0TWEETUP",
            "token": "legacy", "action_id": action_id, "block_id": action_id, "value": value,
            "team": {"id": TEAM_ID, "domain": "tweetup-test"},
            "view": {**view, "id": "V1", "team_id": TEAM_ID, "state": {"values": {}}},
        }
        return await self.send(urlencode({"payload": json.dumps(payload)}),
                               "application/x-www-form-urlencoded")

    def message_body(self, text: str, *, user: str = "U0BOB0001", channel: str = "C0GENERAL",
                     event_id: str | None = None, subtype: str | None = None,
                     bot_id: str | None = None, thread_ts: str | None = None) -> str:
        ts = f"{time.time():.6f}"
        event: dict[str, Any] = {"type": "message", "channel": channel, "user": user,
                                 "text": text, "ts": ts, "event_ts": ts,
                                 "channel_type": "channel", "team": TEAM_ID}
        if subtype:
            event["subtype"] = subtype
        if bot_id:
            event["bot_id"] = bot_id
        if thread_ts:
            event["thread_ts"] = thread_ts
        return json.dumps({
            "token": "legacy", "team_id": TEAM_ID, "api_app_id": "A0TWEETUP", "event": event,
            "type": "event_callback", "event_id": event_id or self.next_id("Ev"),
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOT0001", "is_bot": True}],
        })

    async def message(self, text: str, *, retry_num: int | None = None,
                      retry_reason: str = "http_timeout", body: str | None = None,
                      **kw: Any) -> Reply:
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
        return await self.send(body or self.message_body(text, **kw), "application/json",
                               headers=headers)

    async def event(self, event: dict[str, Any]) -> Reply:
        body = json.dumps({"token": "legacy", "team_id": TEAM_ID, "api_app_id": "A0TWEETUP",
                           "event": event, "type": "event_callback",
                           "event_id": self.next_id("Ev"), "event_time": int(time.time())})
        return await self.send(body, "application/json")
