"""The Slack driver: signed slash commands, block actions, view submissions and Events API
callbacks sent to the real SlackAdapter (slack-bolt, HTTP mode) in front of the real core;
what members see is read from the Web API calls the fake Slack recorded."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.support.drivers.base import ADMIN, Target, has, is_card_title

GENERAL = "C0GENERAL"
USERS = {"alice": "U0ALICE01", "bob": "U0BOB0001", "carol": "U0CAROL01", "dave": "U0DAVE001"}


def _texts(value: Any) -> list[str]:
    """Every text in a block tree, buttons left out."""
    if isinstance(value, dict):
        if value.get("type") in ("actions", "button"):
            return []
        own = [value["text"]] if isinstance(value.get("text"), str) else []
        return own + [t for k, v in value.items() if k != "text" or not isinstance(v, str)
                      for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _buttons(blocks: list[Any]) -> dict[str, str]:
    return {e["text"]["text"]: e["action_id"] for b in blocks if b.get("type") == "actions"
            for e in b["elements"] if e.get("type") == "button"}


@dataclass
class _Seen:
    """A message as a member sees it: where it is, for whom, its blocks."""

    where: str  # "channel", "dm", "ephemeral" or "response"
    user: str | None
    blocks: list[Any]
    fallback: str
    channel: str = GENERAL
    ts: str = ""

    @property
    def text(self) -> str:
        return "\n".join(_texts(self.blocks)) or self.fallback


class SlackDriver:
    name = "slack"

    def __init__(self, app: SlackApp, start: datetime) -> None:
        self.app, self.fake, self.start = app, app.fake, start
        web = app.app.web
        self.web_url: str | None = web.url if web is not None else None
        self._snapshot: dict[tuple[Any, ...], str] = {}
        self._touched: dict[tuple[Any, ...], int] = {}
        self._clock = itertools.count(1)  # orders changes as the driver sees them
        self._responders: list[str | None] = []  # who each response_url answer was for

    # --- acting -----------------------------------------------------------------------------

    async def _settled(self, user: str | None) -> None:
        """Wait until the adapter handed everything to the core and sent the answers, then
        stamp new or changed messages; answers to response_urls are the actor's."""
        await self.app.adapter.idle()
        self._responders += [user] * (len(self.fake.responses) - len(self._responders))
        for key, seen in self._all().items():
            now = json.dumps(seen.blocks, sort_keys=True) + seen.fallback
            if self._snapshot.get(key) != now:
                self._snapshot[key] = now
                self._touched[key] = next(self._clock)

    async def command(self, user: str, name: str, **options: str) -> None:
        typed = " ".join(f'{k.replace("_", "-")}:"{v}"' for k, v in options.items())
        reply = await self.app.driver.slash(f"{name} {typed}".strip(), user=USERS[user],
                                            user_name=user)
        assert reply.status == 200, reply.text
        await self._settled(user)

    async def click(self, user: str, label: str, on: Target = None) -> None:
        seen = self._holder(user, label, on)
        action = _buttons(seen.blocks)[label]
        private = seen.where in ("ephemeral", "response")
        reply = await self.app.driver.click(action, user=USERS[user], user_name=user,
                                            channel=seen.channel, message_ts=seen.ts or
                                            "1800000001.000100", ephemeral=private)
        assert reply.status == 200, reply.text
        await self._settled(user)

    def _holder(self, user: str, label: str, on: Target) -> _Seen:
        if isinstance(on, int):
            candidates = [self._card(on)]
        elif isinstance(on, str):
            candidates = [s for s in self._channel() if has(s.text, on)]
        else:
            candidates = self._private(user)
        found = [s for s in candidates if label in _buttons(s.blocks)]
        assert found, f"no {label!r} button for {user} ({on!r})"
        return found[-1]

    async def submit(self, user: str, values: Mapping[str, str]) -> None:
        view = self.fake.views[-1]
        given: dict[str, Any] = {}
        for block in view["blocks"]:
            if block.get("type") != "input":
                continue
            element = block["element"]
            name, value = element["action_id"], values.get(element["action_id"])
            if value and element["type"] == "datetimepicker":  # "2030-01-12 12:00 UTC"
                instant = datetime.fromisoformat(value.removesuffix(" UTC")).replace(tzinfo=UTC)
                given[name] = int(instant.timestamp())
            elif value and element["type"] == "external_select":  # the first match offered
                options = (await self.app.driver.suggest(view, name, value,
                                                         user=USERS[user])).json()["options"]
                given[name] = options[0]["value"]
            else:
                given[name] = value or None
        reply = await self.app.driver.submit(view, given, user=USERS[user], user_name=user)
        assert reply.status == 200, reply.text
        await self._settled(user)

    async def say(self, user: str, text: str) -> None:
        reply = await self.app.driver.message(text, user=USERS[user])
        assert reply.status == 200, reply.text
        await self._settled(user)

    async def advance(self, delta: timedelta) -> None:
        await self.app.timer.advance_to(self.app.clock.now() + delta)
        await self._settled(None)

    # --- reading ----------------------------------------------------------------------------

    def _all(self) -> dict[tuple[Any, ...], _Seen]:
        seen: dict[tuple[Any, ...], _Seen] = {}
        for (channel, ts), posted in self.fake.messages.items():
            where = "dm" if channel.startswith("D") else "channel"
            owner = next((u for u, uid in USERS.items() if channel == "D" + uid[1:]), None)
            seen[("m", channel, ts)] = _Seen(where, owner, posted.blocks, posted.text, channel,
                                             ts)
        for i, args in enumerate(self.fake.ephemerals):
            blocks = args.get("blocks") or []
            owner = next((u for u, uid in USERS.items() if uid == args.get("user")), None)
            seen[("e", i)] = _Seen("ephemeral", owner, _blocks(blocks), str(args.get("text")),
                                   str(args.get("channel")))
        for i, body in enumerate(self.fake.responses):
            owner = self._responders[i] if i < len(self._responders) else None
            seen[("r", i)] = _Seen("response", owner, body.get("blocks") or [],
                                   str(body.get("text", "")))
        return seen

    def _order(self, items: dict[tuple[Any, ...], _Seen]) -> list[_Seen]:
        return [items[k] for k in sorted(items, key=lambda k: self._touched.get(k, 0))]

    def _channel(self) -> list[_Seen]:
        channel = {k: s for k, s in self._all().items() if s.where == "channel"
                   and s.channel == GENERAL}
        return [channel[k] for k in sorted(channel, key=lambda k: float(k[2]))]

    def _private(self, user: str) -> list[_Seen]:
        return self._order({k: s for k, s in self._all().items()
                            if s.user == user and s.where != "channel"})

    def _card(self, meetup: int) -> _Seen:
        found = [s for s in self._channel() if s.blocks and
                 is_card_title(" ".join(_texts(s.blocks[:1])), meetup)]
        assert found, f"no card for #{meetup}"
        return found[-1]

    def private(self, user: str) -> list[str]:
        return [s.text for s in self._private(user)]

    def dms(self, user: str) -> list[str]:
        return [s.text for s in self._order({k: s for k, s in self._all().items()
                                             if s.where == "dm" and s.user == user})]

    def card(self, meetup: int) -> str:
        return self._card(meetup).text

    def posts(self) -> list[str]:
        return [s.text for s in self._channel()]


def _blocks(blocks: Any) -> list[Any]:
    """Blocks as sent: a list, or JSON text in a form-encoded call."""
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


@asynccontextmanager
async def slack_driver(tmp_path: Path, start: datetime,
                       base_url: str | None = None) -> AsyncIterator[SlackDriver]:
    async with running_slack_app(tmp_path, start=start, base_url=base_url) as app:
        app.fake.users[USERS[ADMIN]].is_admin = True  # a workspace admin
        yield SlackDriver(app, start)
