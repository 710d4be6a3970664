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
from bot.config import Secret, SlackSettings
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


def settings_for(fake: FakeSlackAPI, **overrides: Any) -> SlackSettings:
    values: dict[str, Any] = dict(
        bot_token=Secret("xoxb-1111-2222-test"), signing_secret=Secret(SIGNING_SECRET),
        app_token=None, mode="http", http_host="127.0.0.1", http_port=0,
        http_path="/slack/events", api_url=fake.api_url, posts_per_second_per_channel=200.0,
    )
    values.update(overrides)
    return SlackSettings(**values)


@contextlib.asynccontextmanager
async def running_adapter(fake: FakeSlackAPI, inbox: Any, *, adapter: SlackAdapter | None = None,
                          **overrides: Any) -> AsyncIterator[SlackAdapter]:
    """The real SlackAdapter serving HTTP on an ephemeral port until the block ends."""
    adapter = adapter or SlackAdapter(settings_for(fake, **overrides))
    task = asyncio.create_task(adapter.run(inbox))
    ready = asyncio.create_task(adapter.ready.wait())
    await asyncio.wait({task, ready}, timeout=15, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        ready.cancel()
        task.result()
    assert adapter.ready.is_set(), "the adapter did not start"
    try:
        yield adapter
    finally:
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
        async with running_adapter(fake, inbox, **overrides) as adapter:
            url = f"http://127.0.0.1:{adapter.bound_port}/slack/events"
            async with SlackDriver(url, SIGNING_SECRET, f"http://127.0.0.1:{fake.port}") as d:
                yield SlackWire(fake, adapter, inbox, d)
                await adapter.idle()
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
async def running_slack_app(tmp_path: Path, start: datetime = FLOW_START,
                            **overrides: Any) -> AsyncIterator[SlackApp]:
    """The real core (bot.app.build_app) on a temporary SQLite file, a simulated clock and a
    manual timer, served by the real SlackAdapter in HTTP mode against the fake Slack API."""
    from bot.app import build_app
    from bot.clock import SimulatedClock
    from bot.config import Settings
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
    app = build_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'slack.db'}"),
                    clock=clock, timer=timer, adapters=[adapter])
    try:
        await app.start()
        async with running_adapter(fake, app.core, adapter=adapter) as running:
            url = f"http://127.0.0.1:{running.bound_port}/slack/events"
            async with SlackDriver(url, SIGNING_SECRET, f"http://127.0.0.1:{fake.port}") as d:
                yield SlackApp(fake, running, app.core, d, app=app, clock=clock, timer=timer)
                await running.idle()
        problems = spec_problems(fake)
        assert not problems, problems
    finally:
        await app.stop()
        await fake.stop()
