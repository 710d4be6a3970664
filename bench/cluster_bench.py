"""Meetup-suggestion decisions on a large community: 100,000 members with homes and 10,000
trips in a temporary SQLite store; the time to decide after one change of who is where.

Real pieces: the Store (SQLite, migrated schema), the watcher's queries and the pure rule
(`bot.handlers.watcher.evaluate` = the store reads around the changed city + `decide`).
Homes and trips are spread over the gazetteer's cities weighted by population, so big metro
areas hold thousands of members and hundreds of member cities. 2,000 recent suggestions and
1,000 coming meetups sit in popular places, so many decisions go through every anchor.

Each round changes one member (a new home city, or a new trip, alternately) with the store,
then times the decision around that city. The first round warms caches (the gazetteer grid
is built once per process; its build time is printed separately). The migrated schema has
the indexes the decision needs (migration 0003: members by home city, trips by city).

    python bench/cluster_bench.py [--homes 100000] [--trips 10000] [--decisions 2000] [--json]

Goal (issue 5): p99 of a decision under 5 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text

from bench._common import machine, percentiles
from bot.domain import suggestions as rules
from bot.handlers import watcher
from bot.nlp import places
from bot.store import schema as t
from bot.store.store import Store

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


def weighted_cities(rng: random.Random) -> tuple[list[places.City], list[float]]:
    cities = list(places._load().cities)
    weights = [max(c.population, 1000) ** 0.9 for c in cities]
    return cities, weights


async def fill(store: Store, homes: int, trips: int, rng: random.Random) -> int:
    community = await store.community("bench", "w1", timezone="UTC", now=NOW)
    cities, weights = weighted_cities(rng)
    home_cities = rng.choices(cities, weights, k=homes)
    trip_cities = rng.choices(cities, weights, k=trips)
    async with store.engine.begin() as conn:
        rows = [
            {
                "community_id": community.id,
                "user_id": f"u{i}",
                "name": f"Member {i}",
                "show_name": i % 3 == 0,
                "home_city_id": home_cities[i].id,
                "created_at": NOW,
            }
            for i in range(homes)
        ]
        for start in range(0, len(rows), 5000):
            await conn.execute(insert(t.members), rows[start : start + 5000])
        trip_rows = []
        for i in range(trips):
            first = NOW.date() + timedelta(days=rng.randrange(0, 300))
            trip_rows.append(
                {
                    "community_id": community.id,
                    "user_id": f"u{rng.randrange(homes)}",
                    "city_id": trip_cities[i].id,
                    "first_day": first,
                    "last_day": first + timedelta(days=rng.randrange(0, 7)),
                    "created_at": NOW,
                }
            )
        for start in range(0, len(trip_rows), 5000):
            await conn.execute(insert(t.trips), trip_rows[start : start + 5000])
        popular = rng.choices(cities, weights, k=3000)
        await conn.execute(
            insert(t.suggestions),
            [
                {
                    "community_id": community.id,
                    "city_id": c.id,
                    "channel_id": "general",
                    "member_count": 3,
                    "created_at": NOW - timedelta(days=rng.randrange(0, 60)),
                }
                for c in popular[:2000]
            ],
        )
        await conn.execute(
            insert(t.meetups),
            [
                {
                    "community_id": community.id,
                    "channel_id": "general",
                    "title": "Meetup",
                    "city_id": c.id,
                    "city_label": c.label,
                    "latitude": c.latitude,
                    "longitude": c.longitude,
                    "organizer_id": "u1",
                    "status": "scheduled" if i % 5 else "poll",
                    "starts_at": None if i % 5 == 0 else NOW + timedelta(days=rng.randrange(90)),
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for i, c in enumerate(popular[2000:])
            ],
        )
    return community.id


async def run_schema(schema: str, args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.from_url(f"sqlite+aiosqlite:///{tmp}/bench.db")
        await store.upgrade()
        started = time.perf_counter()
        community_id = await fill(store, args.homes, args.trips, rng)
        fill_s = time.perf_counter() - started
        async with store.engine.begin() as conn:
            await conn.execute(text("ANALYZE"))
        community = await store.community_by_id(community_id)
        assert community is not None
        r = watcher.community_rules(community)
        cities, weights = weighted_cities(rng)
        samples: list[float] = []
        pure: list[float] = []
        cpu: list[float] = []
        found = 0
        near_cities: list[int] = []
        for i in range(args.decisions + 1):
            city = rng.choices(cities, weights)[0]
            user = f"u{rng.randrange(args.homes)}"
            if i % 2:
                await store.save_member(community_id, user, user, NOW, home_city_id=city.id)
            else:
                first = NOW.date() + timedelta(days=rng.randrange(0, 200))
                await store.add_trip(community_id, user, city.id, first, first + timedelta(2), NOW)
            c0, t0 = time.process_time(), time.perf_counter()
            decision, near = await watcher.evaluate(store, community, city, r, NOW)
            elapsed = (time.perf_counter() - t0) * 1000
            cpu_ms = (time.process_time() - c0) * 1000
            t1 = time.perf_counter()
            rules.decide(
                watcher.spot(city),
                near,
                r,
                today=NOW.date(),
                now=NOW,
                populous=list(near.cities.values()),
            )
            pure_ms = (time.perf_counter() - t1) * 1000
            if i == 0:
                continue  # warm-up
            samples.append(elapsed)
            cpu.append(cpu_ms)
            pure.append(pure_ms)
            found += decision is not None
            near_cities.append(len(near.homes))
        await store.close()
    return {
        "schema": schema,
        "homes": args.homes,
        "trips": args.trips,
        "fill_s": round(fill_s, 1),
        "decision_ms": percentiles(samples),
        "decision_cpu_ms": percentiles(cpu),
        "pure_rule_ms": percentiles(pure),
        "decisions_with_a_suggestion_due": found,
        "member_cities_around_a_change": percentiles([float(n) for n in near_cities]),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--homes", type=int, default=100_000)
    parser.add_argument("--trips", type=int, default=10_000)
    parser.add_argument("--decisions", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    grid = watcher.city_grid()
    grid_ms = (time.perf_counter() - t0) * 1000
    results = [await run_schema("migrated", args)]
    report = {
        "machine": machine(),
        "load_average": os.getloadavg(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(["python", *sys.argv]),
        "gazetteer_grid": {"cities": len(grid), "build_ms_incl_gazetteer_load": round(grid_ms)},
        "results": results,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['date']}  {report['machine']}  load average {report['load_average']}")
    print(f"command: {report['command']}")
    print(f"gazetteer grid: {len(grid)} cities, built in {grid_ms:.0f} ms (once per process)")
    for res in results:
        d, p, c = res["decision_ms"], res["pure_rule_ms"], res["decision_cpu_ms"]
        print(
            f"schema={res['schema']:<8} homes={res['homes']} trips={res['trips']} "
            f"(filled in {res['fill_s']} s)\n"
            f"  decision after one change: p50 {d['p50']} ms, p99 {d['p99']} ms, "
            f"max {d['max']} ms (n={d['n']})\n"
            f"  process CPU per decision:  p50 {c['p50']} ms, p99 {c['p99']} ms\n"
            f"  of which the pure rule:    p50 {p['p50']} ms, p99 {p['p99']} ms\n"
            f"  member cities around a change: p50 {res['member_cities_around_a_change']['p50']},"
            f" p99 {res['member_cities_around_a_change']['p99']}; "
            f"suggestion due in {res['decisions_with_a_suggestion_due']} of {d['n']}"
        )


if __name__ == "__main__":
    asyncio.run(main())
