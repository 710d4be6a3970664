"""Three Tweetup processes on one database; thousands of reminders due within the same
minute; one process is killed with SIGKILL mid-burst and restarted. Every reminder reaches the
platform exactly once, and every job ends done: on a shared platform that never merges two
sends, and through the real Discord and Slack adapters against their wire fakes (Discord
enforcing a nonce only for a window shorter than the lease, Slack never)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import pytest

from bot.store.store import Store
from tests.support.seed import seed_reminders

ROOT = Path(__file__).resolve().parents[1]
REMINDERS = 5000
LEASE_SECONDS = 4


async def _seed(
    url: str,
    due: datetime,
    reminders: int = REMINDERS,
    spread: Callable[[int], float] = lambda i: (i % 50) / 10,
) -> None:
    store = Store.from_url(url)
    await store.upgrade()
    await seed_reminders(
        store,
        title="Burst",
        starts_at=due + timedelta(hours=2),
        jobs=reminders,
        going=reminders,
        due=lambda i: due + timedelta(seconds=spread(i)),
    )
    await store.close()


def _start(
    url: str, sink: Path | str, lease: float = LEASE_SECONDS, per_dm: float = 0.0
) -> subprocess.Popen[str]:
    """A worker on the file platform `sink`, or on a platform spec (`discord:PORT`...)."""
    platform = f"file:{sink}" if isinstance(sink, Path) else sink
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.worker", url, platform, str(lease), str(per_dm)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _lines(sink: Path) -> list[list[str]]:
    if not sink.exists():
        return []
    return [line.split("\t") for line in sink.read_text().splitlines() if line]


KILL_AFTER = 20
"""DMs the first worker sends of its first batch (100) before it is SIGKILLed."""
LATENCY = 0.1  # seconds a DM takes on the platform: a batch of 100 takes over half a second


async def _kill_mid_batch_then_finish(
    url: str, spec: str, sent: Callable[[], int], jobs: int
) -> dict[str, int]:
    """One worker starts alone and claims the first batch (100 of the due reminders); it is
    SIGKILLed once it has sent KILL_AFTER of them: sent, never recorded. Three workers then
    deliver the rest of the burst and, once the dead one's lease runs out, its batch."""
    deadline = time.monotonic() + 180
    first = await _start_async(url, spec)
    try:
        while sent() < KILL_AFTER and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
    finally:
        first.kill()
        first.wait()
    assert KILL_AFTER <= sent() < 100  # killed mid-batch
    workers = [await _start_async(url, spec) for _ in range(3)]
    try:
        return await _wait_until_done(url, jobs, deadline)
    finally:
        for w in workers:
            w.kill()
            w.wait()


async def test_sigkill_mid_burst_still_delivers_every_reminder_exactly_once(
    database_url: str, tmp_path: Path
) -> None:
    sink = tmp_path / "platform.log"
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=6)
    await _seed(database_url, due, spread=lambda i: 0)
    counts = await _kill_mid_batch_then_finish(
        database_url, f"file:{sink}", lambda: len(_lines(sink)), REMINDERS
    )
    assert counts == {"done": REMINDERS}
    outcomes = [line[2] for line in _lines(sink)]
    assert outcomes.count("duplicate") == 0  # the platform never merges: nobody got two
    delivered = [line[1] for line in _lines(sink) if line[2] == "delivered"]
    assert len(delivered) == REMINDERS
    assert len(set(delivered)) == REMINDERS  # every member once


async def _wait_until_done(url: str, jobs: int, deadline: float) -> dict[str, int]:
    store = Store.from_url(url)
    try:
        while time.monotonic() < deadline:
            if (await store.job_counts()).get("done", 0) == jobs:
                break
            await asyncio.sleep(0.2)
        return await store.job_counts()
    finally:
        await store.close()


async def test_a_batch_that_outlasts_its_lease_is_not_sent_again_by_another_process(
    database_url: str, tmp_path: Path
) -> None:
    """A slow platform (0.4 s a DM) and a 1 s lease: the first process's batch takes longer
    than its lease, while the other process keeps waking for the reminders due after it."""
    sink = tmp_path / "platform.log"
    reminders = 200
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=6)
    await _seed(database_url, due, reminders, spread=lambda i: 0 if i < 100 else (i % 50) / 10)
    workers = [
        await asyncio.to_thread(_start, database_url, sink, 1.0, 0.4) for _ in range(2)
    ]
    try:
        counts = await _wait_until_done(database_url, reminders, time.monotonic() + 120)
    finally:
        for w in workers:
            w.kill()
            w.wait()
    assert counts == {"done": reminders}
    outcomes = [line[2] for line in _lines(sink)]
    assert outcomes.count("duplicate") == 0
    assert outcomes.count("delivered") == reminders


WIRE_REMINDERS = 600
WIRE_KILL_AFTER = 150


class WirePlatform(Protocol):
    spec: str

    def user_ids(self) -> list[str]: ...

    def dms(self) -> dict[str, int]: ...

    async def close(self) -> None: ...


class DiscordWire:
    """The Discord fake, its nonce remembered for half a second: less than the lease."""

    def __init__(self, fake: Any) -> None:
        self.fake = fake
        self.guild = fake.add_guild(members=tuple(f"m{i}" for i in range(WIRE_REMINDERS)))
        self.spec = f"discord:{fake.port}"

    def user_ids(self) -> list[str]:
        return list(self.guild.members)

    def dms(self) -> dict[str, int]:
        return {uid: len(self.fake.dms_to(uid)) for uid in self.guild.members}

    async def close(self) -> None:
        await self.fake.close()


class SlackWire:
    def __init__(self, fake: Any) -> None:
        self.fake = fake
        self.ids = [f"U{i:08d}" for i in range(WIRE_REMINDERS)]
        for uid in self.ids:
            fake.add_user(uid, uid.lower())
        self.spec = f"slack:{fake.api_url}"

    def user_ids(self) -> list[str]:
        return self.ids

    def dms(self) -> dict[str, int]:
        return {uid: len(self.fake.dms_to(uid)) for uid in self.ids}

    async def close(self) -> None:
        await self.fake.stop()


async def _wire(platform: str) -> WirePlatform:
    if platform == "discord":
        from tests.discord.fakediscord import FakeDiscord

        discord_fake = FakeDiscord(nonce_window=0.5, message_latency=LATENCY)
        await discord_fake.start()
        return DiscordWire(discord_fake)
    from tests.slack.slack_fake_api import FakeSlackAPI

    slack_fake = FakeSlackAPI(post_latency=LATENCY)
    await slack_fake.start()
    return SlackWire(slack_fake)


@pytest.mark.parametrize("platform", ["discord", "slack"])
async def test_sigkill_mid_burst_sends_no_reminder_twice_on_discord_and_slack(
    database_url: str, platform: str
) -> None:
    """The killed worker had sent part of its batch; its claims run out (4 s, longer than
    Discord's nonce window here) and another worker takes them: it reads each member's DMs
    for the reminder's key before sending, so every member has exactly one."""
    wire = await _wire(platform)
    try:
        due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=8)
        store = Store.from_url(database_url)
        await store.upgrade()
        await seed_reminders(
            store, title="Burst", starts_at=due + timedelta(hours=2), jobs=WIRE_REMINDERS,
            going=WIRE_REMINDERS, due=lambda i: due,
            platform=platform, user_ids=wire.user_ids(),
        )
        await store.close()
        counts = await _kill_mid_batch_then_finish(
            database_url, wire.spec, lambda: sum(wire.dms().values()), WIRE_REMINDERS
        )
        assert counts == {"done": WIRE_REMINDERS}
        dms = wire.dms()
        assert sorted(set(dms.values())) == [1]  # every member one reminder, nobody two
    finally:
        await wire.close()


async def _start_async(url: str, spec: str) -> subprocess.Popen[str]:
    """Start a worker while this loop keeps serving the fake platform it connects to (the
    file platform's DMs take LATENCY; the wire fakes add it themselves)."""
    return await asyncio.to_thread(_start, url, spec, LEASE_SECONDS, LATENCY)
