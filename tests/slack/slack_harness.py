"""Harness for the Slack adapter tests and bench: a fake Slack Web API, the real SlackAdapter
(slack-bolt AsyncApp in HTTP mode on 127.0.0.1), a driver that sends it signed requests, a
recording inbox, the real core on a temporary SQLite store, and the spec check."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from adapters.slack import SlackAdapter
from bot.types import Secret, SlackSettings
from tests.slack.slack_driver import SlackDriver
from tests.slack.slack_fake_api import FakeSlackAPI
from tests.support import RecordingInbox

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_ENV = "TWEETUP_SLACK_SPEC"
SPEC_DEFAULT = REPO_ROOT.parent / "shared" / "specs" / "slack_web_openapi_v2_without_examples.json"


@dataclass
class SlackWire:
    """The fake Slack API, the real SlackAdapter serving it, what stands behind the adapter
    (a RecordingInbox or the real core) and a driver sending signed requests."""

    fake: FakeSlackAPI
    adapter: SlackAdapter
    inbox: Any
    driver: SlackDriver
    port: int | None = None  # the web server serving the adapter's HTTP mode


def settings_for(fake: FakeSlackAPI, **overrides: Any) -> SlackSettings:
    values: dict[str, Any] = dict(
        bot_token=Secret("xoxb-1111-2222-test"), signing_secret=Secret(SIGNING_SECRET),
        app_token=None, mode="http", http_host="127.0.0.1", http_port=0,
        http_path="/slack/events", api_url=fake.api_url, posts_per_second_per_channel=200.0,
    )
    values.update(overrides)
    return SlackSettings(**values)


@dataclass
class Running:
    adapter: SlackAdapter
    port: int | None  # the web server's (None in Socket Mode, or when the app serves it)

    @property
    def events_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"


@contextlib.asynccontextmanager
async def running_adapter(fake: FakeSlackAPI, inbox: Any, *, adapter: SlackAdapter | None = None,
                          serve: bool = True, **overrides: Any) -> AsyncIterator[Running]:
    """The real SlackAdapter, its HTTP mode routes on the bot's web server (bot/web) on an
    ephemeral port (`serve`: False when the app under test serves them), until the block
    ends."""
    from bot.config import WebSettings
    from bot.web.server import WebServer

    adapter = adapter or SlackAdapter(settings_for(fake, **overrides))
    server = None
    if serve and adapter.web_routes():
        server = WebServer(WebSettings("127.0.0.1", 0), adapter.web_routes())
        await server.start()
    task = asyncio.create_task(adapter.run(inbox))
    ready = asyncio.create_task(adapter.ready.wait())
    await asyncio.wait({task, ready}, timeout=15, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        ready.cancel()
        task.result()
    assert adapter.ready.is_set(), "the adapter did not start"
    try:
        yield Running(adapter, server.port if server else None)
    finally:
        if server is not None:
            await server.stop()
        await adapter.stop()
        await asyncio.wait_for(task, 15)


@contextlib.asynccontextmanager
async def slack_wire(inbox: Any | None = None, **overrides: Any) -> AsyncIterator[SlackWire]:
    fake = FakeSlackAPI()
    fake.add_user("U0ALICE01", "alice")
    fake.add_user("U0BOB0001", "bob")
    fake.add_user("U0CAROL01", "carol")
    fake.add_user("U0ADMIN01", "ada", admin=True)
    await fake.start()
    inbox = inbox if inbox is not None else RecordingInbox()
    try:
        async with running_adapter(fake, inbox, **overrides) as running:
            url = running.events_url
            async with SlackDriver(url, SIGNING_SECRET, f"http://127.0.0.1:{fake.port}") as d:
                yield SlackWire(fake, running.adapter, inbox, d, running.port)
                await running.adapter.idle()
        problems = spec_problems(fake)
        assert not problems, problems
    finally:
        await fake.stop()


@functools.lru_cache(maxsize=1)
def load_spec() -> dict[str, Any] | None:
    path = Path(os.environ.get(SPEC_ENV, str(SPEC_DEFAULT)))
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        spec: dict[str, Any] = json.load(fh)
    return spec


# Methods newer than the stored spec (2021): checked by name only against this list.
NEWER_THAN_SPEC = frozenset({"files.getUploadURLExternal", "files.completeUploadExternal"})


def spec_problems(fake: FakeSlackAPI) -> list[str]:
    """Every Web API call the bot made: a method the spec knows, with its required arguments
    (the token counts as given when sent as a Bearer header). Empty without a spec."""
    spec = load_spec()
    if spec is None:
        return []
    problems: list[str] = []
    paths: dict[str, Any] = spec.get("paths", {})
    for call in fake.calls:
        path = paths.get("/" + call.method)
        if path is None:
            if call.method not in NEWER_THAN_SPEC:
                problems.append(f"{call.method}: not in the Slack Web API spec")
            continue
        operations = [op for op in path.values() if isinstance(op, dict)]
        required = {
            p["name"] for op in operations for p in op.get("parameters", [])
            if isinstance(p, dict) and p.get("required")
        }
        for name in sorted(required):
            if name == "token":
                if not call.headers.get("Authorization", "").startswith("Bearer "):
                    problems.append(f"{call.method}: no token")
            elif call.args.get(name) in (None, ""):
                problems.append(f"{call.method}: missing required argument {name!r}")
    return problems


# --- the real core -------------------------------------------------------------------------------

FLOW_START = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # a Monday


@dataclass
class SlackApp(SlackWire):
    app: Any = None
    clock: Any = None
    timer: Any = None


@contextlib.asynccontextmanager
async def running_slack_app(tmp_path: Path, start: datetime = FLOW_START, *,
                            base_url: str | None = None,
                            **overrides: Any) -> AsyncIterator[SlackApp]:
    """The real core (bot.app.build_app) on a temporary SQLite file, a simulated clock and a
    manual timer, served by the real SlackAdapter in HTTP mode against the fake Slack API,
    its route on the app's web server (`base_url`: its public address, which turns calendar
    feeds on)."""
    from bot.app import build_app
    from bot.clock import SimulatedClock
    from bot.config import Settings, WebSettings
    from bot.scheduling import ManualTimer

    fake = FakeSlackAPI()
    for user_id, name in (("U0ALICE01", "alice"), ("U0BOB0001", "bob"),
                          ("U0CAROL01", "carol"), ("U0DAVE001", "dave")):
        fake.add_user(user_id, name)
    fake.add_user("U0ADMIN01", "ada", admin=True)
    await fake.start()
    clock = SimulatedClock(start)
    timer = ManualTimer(clock)
    adapter = SlackAdapter(settings_for(fake, **overrides))
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'slack.db'}",
                        web=WebSettings("127.0.0.1", 0, base_url))
    app = build_app(settings, clock=clock, timer=timer, adapters=[adapter])
    try:
        await app.start()
        assert app.web is not None and app.web.port is not None
        async with running_adapter(fake, app.core, adapter=adapter, serve=False):
            url = f"http://127.0.0.1:{app.web.port}/slack/events"
            async with SlackDriver(url, SIGNING_SECRET, f"http://127.0.0.1:{fake.port}") as d:
                yield SlackApp(fake, adapter, app.core, d, app.web.port, app=app,
                               clock=clock, timer=timer)
                await adapter.idle()
        problems = spec_problems(fake)
        assert not problems, problems
    finally:
        await app.stop()
        await fake.stop()
