"""A Tweetup process for the multi-process tests: the real app (store, APScheduler timer,
system clock, job engine) with a platform shared by every process:

- `file:SINK` a file-backed platform that, like Slack, never merges two sends and records
  every attempt (so a test counts duplicates) and reads its history back for `find_sent`;
- `discord:PORT` the real Discord adapter against tests/discord/fakediscord.py on PORT;
- `slack:API_URL` the real Slack adapter against tests/slack/slack_fake_api.py.

    python -m tests.worker DATABASE_URL PLATFORM LEASE_SECONDS [SECONDS_PER_DM]

SECONDS_PER_DM makes the file platform slow (each DM takes that long), so a batch can outlast
its lease.
"""

from __future__ import annotations

import asyncio
import fcntl
import itertools
import os
import sys
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

from bot.app import build_app
from bot.config import DiscordSettings, Secret, Settings, SlackSettings
from bot.ports import ChatAdapter, Inbox
from bot.types import Form, FormSubmitted, Inbound, MessageRef, Outgoing, Place, UserRef


class SharedPlatform:
    platform = "bench"

    def __init__(self, sink: Path, seconds_per_dm: float = 0.0) -> None:
        self.sink = sink
        self.seconds_per_dm = seconds_per_dm
        self._ids = itertools.count(1)

    async def run(self, inbox: Inbox) -> None:
        await asyncio.Event().wait()

    async def stop(self) -> None:
        return None

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        return MessageRef(place, f"{os.getpid()}-{next(self._ids)}")

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None:
        return None

    def _lines(self) -> list[list[str]]:
        with open(self.sink, "a+", encoding="utf-8") as f:
            fcntl.flock(f, fcntl.LOCK_SH)
            f.seek(0)
            return [line.rstrip("\n").split("\t") for line in f if line.strip()]

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        key = msg.dedupe_key or f"nokey-{os.getpid()}-{next(self._ids)}"
        await asyncio.sleep(self.seconds_per_dm)
        with open(self.sink, "a+", encoding="utf-8") as f:
            fcntl.flock(f, fcntl.LOCK_EX)  # the platform is one service for every process
            f.seek(0)
            seen = any(line.split("\t", 1)[0] == key for line in f)
            f.write(f"{key}\t{user.id}\t{'duplicate' if seen else 'delivered'}\n")
            f.flush()
        return MessageRef(Place("bench", "dm", user.id), key)

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        return any(line[:2] == [dedupe_key, user.id] for line in self._lines())

    async def find_posted(
        self, place: Place, dedupe_key: str, since: datetime
    ) -> MessageRef | None:
        return None  # posts are not recorded here (the tests count DMs)

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        return None

    async def open_form(self, to: Inbound, form: Form) -> None:
        return None

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        return None


def _adapter(spec: str, seconds_per_dm: float) -> ChatAdapter:
    kind, _, target = spec.partition(":")
    if kind == "file":
        return SharedPlatform(Path(target), seconds_per_dm)
    if kind == "discord":
        from adapters.discord import DiscordAdapter

        return DiscordAdapter(
            DiscordSettings(
                token=Secret("fake-token"),
                api_base_url=f"http://127.0.0.1:{target}/api/v10",
                gateway_url=f"ws://127.0.0.1:{target}/gateway",
                dm_rate_per_second=10_000.0,
            ),
            guild_ready_timeout=0.2,
        )
    if kind == "slack":
        from adapters.slack import SlackAdapter

        return SlackAdapter(
            SlackSettings(bot_token=Secret("xoxb-fake"), signing_secret=Secret(""), api_url=target)
        )
    raise SystemExit(f"unknown platform {spec!r}")


async def main(url: str, spec: str, lease_seconds: float, seconds_per_dm: float) -> None:
    adapter = _adapter(spec, seconds_per_dm)
    app = build_app(Settings(database_url=url), adapters=[adapter])
    app.jobs.lease = timedelta(seconds=lease_seconds)
    app.jobs.batch = 100
    ready = getattr(adapter, "ready", None)
    if ready is not None and spec.startswith("discord:"):  # REST needs the logged-in client
        serving = asyncio.create_task(adapter.run(app.core))
        waiting = asyncio.create_task(ready.wait())
        await asyncio.wait({serving, waiting}, return_when=asyncio.FIRST_COMPLETED)
        if serving.done():
            serving.result()
    await app.start()
    print("ready", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    per_dm = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3]), per_dm))
