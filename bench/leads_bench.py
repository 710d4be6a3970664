"""Changing reminder leads in a community of 10,000 coming meetups (issue 13).

Seeds --meetups scheduled meetups (one every 10 minutes from two days ahead) with --going
members going to each and their reminders at the default leads (1d, 2h), written in bulk.
Then, through Core.handle with the real app and a recording adapter:
1. an admin runs `/meetup settings leads:"3h"`;
2. member u0, going to every meetup, runs `/meetup reminders lead:"45m"`.
For each: wall time of the command, the stalls of the event loop while it ran (a ticker
task that sleeps 1 ms and records how late it wakes: p50, p99, max), and how many meetups ended with
exactly the new leads (u1's reminders for step 1, u0's for step 2).

    python bench/leads_bench.py [--meetups 10000] [--going 3]
    python bench/leads_bench.py --url postgresql+asyncpg://postgres@127.0.0.1:5432/h7

A --url database is emptied first (every table's rows deleted): give it one of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from bench._common import RealTimeClock, RecordingAdapter, empty, machine
from bot.app import App, build_app
from bot.config import Settings
from bot.domain.limits import Limits
from bot.scheduling import ManualTimer
from bot.store import schema as t
from bot.store.store import Store
from bot.types import CommandInvoked, Place, UserRef
from tests.support.seed import seed_meetups

START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
PLACE = Place("bench", "w1", "general")


async def reset(url: str) -> None:
    store = Store.from_url(url)
    await store.upgrade()
    await empty(store)
    await store.close()


async def seed(store: Store, meetups: int, going: int) -> None:
    c = await store.community("bench", "w1", timezone="UTC", now=START)
    await seed_meetups(store, c.id, meetups, now=START,
                       starts=lambda i: START + timedelta(days=2, minutes=10 * i),
                       going=[f"u{u}" for u in range(going)], reminder_leads=c.reminder_leads)


async def meetups_with_leads(store: Store, user: str, leads: set[int]) -> int:
    j = t.jobs
    async with store.engine.connect() as conn:
        rows = (await conn.execute(
            select(j.c.meetup_id, j.c.lead_minutes)
            .where(j.c.kind == "remind", j.c.state == "pending", j.c.user_id == user)
        )).all()
    by_meetup: dict[int, set[int]] = {}
    for mid, lead in rows:
        by_meetup.setdefault(mid, set()).add(lead)
    return sum(1 for found in by_meetup.values() if found == leads)


async def timed_command(app: App, user: str, name: str, options: dict[str, str],
                        admin: bool = False) -> dict[str, Any]:
    """Run one command while a ticker measures how long the event loop is kept busy
    (how late a 1 ms sleep wakes: other events wait that long)."""
    stalls: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            t0 = time.perf_counter()
            await asyncio.sleep(0.001)
            stalls.append(time.perf_counter() - t0 - 0.001)

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    t0 = time.perf_counter()
    await app.core.handle(CommandInvoked(UserRef("bench", user, user.upper()), PLACE, name,
                                         options, f"{name}-{time.time_ns()}", admin))
    wall = time.perf_counter() - t0
    done.set()
    await tick
    ms = sorted(x * 1000 for x in stalls)
    return {
        "wall_s": round(wall, 3),
        "loop_stall_ms": {
            "p50": round(ms[len(ms) // 2], 1),
            "p99": round(ms[int(len(ms) * 0.99)], 1),
            "max": round(ms[-1], 1),
        },
    }


async def run(url: str | None, meetups: int, going: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        url = url or f"sqlite+aiosqlite:///{tmp}/bench.db"
        await reset(url)
        clock = RealTimeClock(START)
        app = build_app(Settings(database_url=url), clock=clock, timer=ManualTimer(clock),
                        adapters=[RecordingAdapter()])
        app.services.rate_limits = Limits(10**9, 10**9, 10**9, 10**9)
        await app.start()
        t0 = time.perf_counter()
        await seed(app.store, meetups, going)
        seeded = time.perf_counter() - t0
        admin = await timed_command(app, "admin", "settings", {"leads": "3h"}, admin=True)
        admin["meetups_with_new_leads"] = await meetups_with_leads(app.store, "u1", {180})
        member = await timed_command(app, "u0", "reminders", {"lead": "45m"})
        member["meetups_with_new_leads"] = await meetups_with_leads(app.store, "u0", {45})
        await app.stop()
    return {
        "machine": machine(),
        "engine": url.split("+")[0],
        "meetups": meetups,
        "going_each": going,
        "seed_s": round(seeded, 2),
        "admin_leads_change": admin,
        "member_leads_change": member,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="database to empty and use (default: a temporary SQLite)")
    parser.add_argument("--meetups", type=int, default=10_000)
    parser.add_argument("--going", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.url, args.meetups, args.going)), indent=2))


if __name__ == "__main__":
    main()
