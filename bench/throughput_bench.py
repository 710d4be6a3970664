"""Throughput of the whole core: commands and clicks through Core.handle, on SQLite and on
PostgreSQL, with one process and with three against the same database.

Each process runs the real app with a recording adapter and drives a mix of events (RSVP
clicks 45%, poll votes 35%, /meetup list 10%, /meetup show 10%) from --concurrency tasks for
--seconds. Goal (issue 6): at least 1,000 events/s on one process with SQLite, near-linear
growth with processes on PostgreSQL, p99 under 20 ms. Also reported: the bot processes' CPU
time per event, which stays flat as processes are added if they add no contention.

    python bench/throughput_bench.py --url sqlite+aiosqlite:////tmp/tp.db --processes 1
    python bench/throughput_bench.py --processes 3 \
        --url postgresql+asyncpg://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import RealTimeClock, RecordingAdapter, empty, machine, percentiles
from bot import actions
from bot.app import build_app
from bot.config import Settings
from bot.domain.limits import Limits
from bot.scheduling import ManualTimer
from bot.store.store import Store
from bot.types import ActionClicked, CommandInvoked, Place, UserRef

START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
MEMBERS, MEETUPS = 1000, 100
UNLIMITED = Limits(10**9, 10**9, 10**9, 10**9)


async def reset_and_seed(url: str) -> None:
    store = Store.from_url(url)
    await store.upgrade()
    await empty(store)
    await store.close()
    clock = RealTimeClock(START)
    app = build_app(Settings(database_url=url), clock=clock, timer=ManualTimer(clock),
                    adapters=[RecordingAdapter()])
    app.services.rate_limits = UNLIMITED
    await app.start()
    place = Place("bench", "w1", "general")
    for i in range(MEETUPS):
        day = START + timedelta(days=2 + i % 20)
        when = f"{day:%Y-%m-%d} 19:00"
        if i % 5 == 4:
            when += f" | {day + timedelta(days=1):%Y-%m-%d} 19:00"
        await app.core.handle(CommandInvoked(
            UserRef("bench", f"u{i}", f"U{i}"), place, "propose",
            {"title": f"Meetup {i}", "city": "Berlin", "when": when, "capacity": "50"},
            f"seed-{i}"))
    await app.stop()


async def drive(url: str, worker: int, seconds: float, concurrency: int) -> dict[str, object]:
    rng = random.Random(worker)
    clock = RealTimeClock(START)
    app = build_app(Settings(database_url=url), clock=clock, timer=ManualTimer(clock),
                    adapters=[RecordingAdapter()])
    app.services.rate_limits = UNLIMITED
    await app.start(migrate=False)
    place = Place("bench", "w1", "general")
    polls = [i + 1 for i in range(MEETUPS) if i % 5 == 4]
    scheduled = [i + 1 for i in range(MEETUPS) if i % 5 != 4]
    latencies: list[float] = []
    counter = iter(range(10**9))
    stop_at = time.perf_counter() + seconds

    def event() -> CommandInvoked | ActionClicked:
        user = UserRef("bench", f"u{rng.randrange(MEMBERS)}", "Member")
        key = f"w{worker}-{next(counter)}"
        roll = rng.random()
        if roll < 0.45:
            return ActionClicked(user, place, None, actions.encode(
                "rsvp", rng.choice(scheduled), rng.choice(["going", "maybe", "no"])), key)
        if roll < 0.80:
            return ActionClicked(user, place, None, actions.encode(
                "vote", rng.choice(polls), rng.choice([1, 2]),
                rng.choice(["yes", "maybe", "no"])), key)
        if roll < 0.90:
            return CommandInvoked(user, place, "list", {}, key)
        return CommandInvoked(user, place, "show", {"id": str(rng.choice(scheduled))}, key)

    async def loop() -> None:
        while time.perf_counter() < stop_at:
            t0 = time.perf_counter()
            await app.core.handle(event())
            latencies.append((time.perf_counter() - t0) * 1000)

    started, cpu_started = time.perf_counter(), time.process_time()
    await asyncio.gather(*(loop() for _ in range(concurrency)))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    await app.stop()
    return {"events": len(latencies), "seconds": elapsed, "cpu_seconds": cpu,
            "latencies": latencies}


def _worker(url: str, worker: int, seconds: float, concurrency: int,
            out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    out.put(asyncio.run(drive(url, worker, seconds, concurrency)))


def run(url: str, processes: int, seconds: float, concurrency: int) -> dict[str, object]:
    asyncio.run(reset_and_seed(url))
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(url, w, seconds, concurrency, out))
             for w in range(processes)]
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    events = sum(int(r["events"]) for r in results)
    wall = max(float(r["seconds"]) for r in results)
    latencies = [x for r in results for x in r["latencies"]]  # type: ignore[attr-defined]
    cpu = sum(float(r["cpu_seconds"]) for r in results)
    return {"machine": machine(), "engine": url.split("+")[0], "processes": processes,
            "concurrency_per_process": concurrency, "events": events,
            "events_per_second": round(events / wall, 1),
            # Flat across process counts = no contention added by running more processes;
            # throughput then grows with the cores available to them.
            "bot_cpu_ms_per_event": round(cpu / events * 1000, 3),
            "latency_ms": percentiles(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    print(json.dumps(run(args.url, args.processes, args.seconds, args.concurrency), indent=2))


if __name__ == "__main__":
    main()
