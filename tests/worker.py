"""A Tweetup process for the multi-process tests: the real app (store, APScheduler timer,
system clock, job engine) with a file-backed fake platform shared by every process.

The fake platform deduplicates on `Outgoing.dedupe_key` the way Discord does with a message
nonce and enforce_nonce, and records every attempt, so a test can count both.

    python -m tests.worker DATABASE_URL SINK_FILE LEASE_SECONDS [SECONDS_PER_DM]

SECONDS_PER_DM makes the platform slow (each DM takes that long), so a batch can outlast
its lease.
"""

from __future__ import annotations

import asyncio
import fcntl
import itertools
import os
import sys
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from bot.app import build_app
from bot.config import Settings
from bot.ports import Inbox
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

    async def post(self, place: Place, msg: Outgoing) -> MessageRef:
        return MessageRef(place, f"{os.getpid()}-{next(self._ids)}")

    async def update(self, ref: MessageRef, msg: Outgoing) -> None:
        return None

    async def send_dm(self, user: UserRef, msg: Outgoing) -> MessageRef:
        key = msg.dedupe_key or f"nokey-{os.getpid()}-{next(self._ids)}"
        await asyncio.sleep(self.seconds_per_dm)
        with open(self.sink, "a+", encoding="utf-8") as f:
            fcntl.flock(f, fcntl.LOCK_EX)  # the platform is one service for every process
            f.seek(0)
            seen = any(line.split("\t", 1)[0] == key for line in f)
            f.write(f"{key}\t{user.id}\t{'duplicate' if seen else 'delivered'}\n")
            f.flush()
        return MessageRef(Place("bench", "dm", user.id), key)

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        return None

    async def open_form(self, to: Inbound, form: Form) -> None:
        return None

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        return None


async def main(url: str, sink: str, lease_seconds: float, seconds_per_dm: float) -> None:
    platform = SharedPlatform(Path(sink), seconds_per_dm)
    app = build_app(Settings(database_url=url), adapters=[platform])
    app.jobs.lease = timedelta(seconds=lease_seconds)
    app.jobs.batch = 100
    await app.start()
    print("ready", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    per_dm = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3]), per_dm))
