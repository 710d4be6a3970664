"""Core command latency through Core.handle with the real SQLite store and a recording adapter.

1,000 members and 100 meetups (80 scheduled, 20 date polls); then 1,000 RSVP clicks and 1,000
poll votes by random members. Reports p50/p99 per kind. Goal (issue 2): p99 under 10 ms.

    python bench/core_bench.py [--members 1000] [--meetups 100] [--events 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import RealTimeClock, RecordingAdapter, machine, percentiles
from bot import actions
from bot.app import build_app
from bot.config import Settings
from bot.domain.limits import Limits
from bot.scheduling import ManualTimer
from bot.types import ActionClicked, CommandInvoked, Place, UserRef

START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


async def run(members: int, meetups: int, events: int) -> dict[str, object]:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        clock = RealTimeClock(START)
        adapter = RecordingAdapter()
        app = build_app(
            Settings(database_url=f"sqlite+aiosqlite:///{tmp}/bench.db"),
            clock=clock,
            timer=ManualTimer(clock),
            adapters=[adapter],
        )
        # Limits still counted on every event, set high enough never to refuse one here.
        app.services.rate_limits = Limits(10**9, 10**9, 10**9, 10**9)
        await app.start()
        place = Place("bench", "w1", "general")
        users = [UserRef("bench", f"u{i}", f"User {i}") for i in range(members)]
        community = await app.store.community("bench", "w1", timezone="UTC", now=START)
        for u in users:
            await app.store.save_member(community.id, u.id, u.name, START)
        keys = iter(range(10**9))
        timings: dict[str, list[float]] = {"propose": [], "rsvp": [], "vote": []}

        async def timed(kind: str, event: CommandInvoked | ActionClicked) -> None:
            t0 = time.perf_counter()
            await app.core.handle(event)
            timings[kind].append((time.perf_counter() - t0) * 1000)

        polls: list[int] = []
        scheduled: list[int] = []
        for i in range(meetups):
            day = START + timedelta(days=2 + i % 20)
            when = f"{day:%Y-%m-%d} 19:00"
            if i % 5 == 4:
                when += f" | {day + timedelta(days=1):%Y-%m-%d} 19:00"
            options = {"title": f"Meetup {i}", "city": "Berlin", "when": when, "capacity": "30"}
            await timed(
                "propose",
                CommandInvoked(rng.choice(users), place, "propose", options, f"p{next(keys)}"),
            )
            (polls if "|" in when else scheduled).append(i + 1)
        for _ in range(events):
            await timed(
                "rsvp",
                ActionClicked(
                    rng.choice(users),
                    place,
                    None,
                    actions.encode(
                        "rsvp", rng.choice(scheduled), rng.choice(["going", "maybe", "no"])
                    ),
                    f"r{next(keys)}",
                ),
            )
            await timed(
                "vote",
                ActionClicked(
                    rng.choice(users),
                    place,
                    None,
                    actions.encode(
                        "vote",
                        rng.choice(polls),
                        rng.choice([1, 2]),
                        rng.choice(["yes", "maybe", "no"]),
                    ),
                    f"v{next(keys)}",
                ),
            )
        await app.stop()
    return {
        "machine": machine(),
        "members": members,
        "meetups": meetups,
        "latency_ms": {k: percentiles(v) for k, v in timings.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--meetups", type=int, default=100)
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.members, args.meetups, args.events)), indent=2))


if __name__ == "__main__":
    main()
