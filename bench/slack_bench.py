"""Slack adapter benchmark: ack latency of the real slack-bolt app in HTTP mode, and per-channel
pacing of posts.

    python bench/slack_bench.py                 # 1,000 slash commands + 1,000 clicks, 20 posts
    python bench/slack_bench.py -n 200 --posts 5 --concurrency 1,10

Ack latency is measured by the client: from the moment the signed request is sent to the moment
the HTTP 200 is read (keep-alive connection, bodies signed beforehand). The adapter then hands
each event to a no-op core in the background (users.info against the local fake Slack API
included), as in production. Pacing posts N messages to one channel at once through
`SlackAdapter.post` and checks, on the fake Slack side, that all arrived in order, and at what
rate.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from adapters.slack import SlackAdapter  # noqa: E402
from bot.commands import COMMANDS  # noqa: E402
from bot.config import Secret, SlackSettings, WebSettings  # noqa: E402
from bot.types import Choice, CommandSpec, Inbound, Outgoing, Place, SuggestionsRequested, Text  # noqa: E402
from bot.web.server import WebServer  # noqa: E402
from tests.slack.slack_driver import SlackDriver, sign  # noqa: E402
from tests.slack.slack_fake_api import FakeSlackAPI  # noqa: E402

SECRET = "bench-signing-secret"


class CountingInbox:
    """A core that does nothing but count."""

    def __init__(self) -> None:
        self.handled = 0

    @property
    def commands(self) -> Sequence[CommandSpec]:
        return COMMANDS

    async def handle(self, event: Inbound) -> None:
        self.handled += 1

    async def suggest(self, event: SuggestionsRequested) -> list[Choice]:
        return []


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


async def _timed_post(session: aiohttp.ClientSession, url: str, body: str) -> float:
    ts = str(int(time.time()))
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sign(SECRET, ts, body)}
    data = body.encode()
    start = time.perf_counter()
    async with session.post(url, data=data, headers=headers) as resp:
        await resp.read()
        elapsed = time.perf_counter() - start
        if resp.status != 200:
            raise RuntimeError(f"HTTP {resp.status}")
    return elapsed * 1000


async def ack_latency(url: str, bodies: list[str], concurrency: int,
                      warmup: list[str]) -> list[float]:
    """Send `bodies` with `concurrency` requests in flight on kept-alive connections. The
    connections are opened by a warm-up round first: a cold connection costs one extra round of
    TCP set-up (about 40 ms on loopback for the first request), which Slack's own persistent
    connections do not pay on every request."""
    connector = aiohttp.TCPConnector(limit=concurrency)
    latencies: list[float] = []
    async with aiohttp.ClientSession(connector=connector) as session:
        async def run(queue: list[str], record: bool) -> None:
            async def worker() -> None:
                while queue:
                    elapsed = await _timed_post(session, url, queue.pop())
                    if record:
                        latencies.append(elapsed)
            await asyncio.gather(*(worker() for _ in range(concurrency)))

        await run(list(warmup), record=False)
        await run(list(reversed(bodies)), record=True)
    return latencies


async def pacing(adapter: SlackAdapter, fake: FakeSlackAPI, count: int) -> dict[str, Any]:
    place = Place("slack", "T0TEAM001", "C0GENERAL")
    before = len(fake.calls)
    started = time.monotonic()
    await asyncio.gather(*(adapter.post(place, Outgoing(body=(Text(f"m{i}"),)))
                           for i in range(count)))
    calls = [c for c in fake.calls[before:] if c.method == "chat.postMessage"]
    texts = [c.args["text"] for c in calls]
    span = calls[-1].at - calls[0].at if len(calls) > 1 else 0.0
    gaps = [b.at - a.at for a, b in itertools.pairwise(calls)]
    return {
        "messages": count, "received": len(calls),
        "in_order": texts == [f"m{i}" for i in range(count)],
        "rate_per_s": (len(calls) - 1) / span if span else float("nan"),
        "min_gap_s": min(gaps) if gaps else float("nan"),
        "total_s": time.monotonic() - started,
    }


async def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000, help="requests per kind (default 1000)")
    parser.add_argument("--posts", type=int, default=20, help="messages for the pacing run")
    parser.add_argument("--concurrency", default="1,20",
                        help="comma-separated client concurrency levels (default 1,20)")
    parser.add_argument("--core", action="store_true",
                        help="serve the real core (temporary SQLite store) instead of a no-op "
                             "one, so the core works in the background while acks are timed")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() once the core's static data (city gazetteer) is "
                             "loaded, so full collections stop walking it (see the results doc)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    fake = FakeSlackAPI()
    for i in range(50):
        fake.add_user(f"U0BENCH{i:03d}", f"member{i}")
    await fake.start()
    settings = SlackSettings(
        bot_token=Secret("xoxb-bench"), signing_secret=Secret(SECRET), mode="http",
        http_host="127.0.0.1", http_port=0, api_url=fake.api_url,
        posts_per_second_per_channel=1.0,
    )
    adapter = SlackAdapter(settings)
    inbox: Any = CountingInbox()
    app: Any = None
    tmp = tempfile.TemporaryDirectory()
    web_settings = WebSettings("127.0.0.1", 0)
    if args.core:  # the app serves Slack's route on its web server
        from bot.app import build_app
        from bot.config import Settings

        app = build_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp.name}/bench.db",
                                 web=web_settings), adapters=[adapter])
        await app.start()
        inbox = app.core
        server = app.web
    else:
        server = WebServer(web_settings, adapter.web_routes())
        await server.start()
    task = asyncio.create_task(adapter.run(inbox))
    await asyncio.wait_for(adapter.ready.wait(), 30)
    url = f"http://127.0.0.1:{server.port}/slack/events"
    driver = SlackDriver(url, SECRET, f"http://127.0.0.1:{fake.port}")
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "machine": {"nproc": os.cpu_count(), "uname": " ".join(platform.uname()),
                    "python": platform.python_version()},
        "requests_per_kind": args.n, "core": "real (SQLite)" if args.core else "no-op",
        "gc_freeze": args.gc_freeze,
        "ack_ms": {},
    }
    try:
        # warm-up: auth.test, connection set-up, caches
        warm = [driver.slash_body("list", user=f"U0BENCH{i % 50:03d}") for i in range(50)]
        if args.core:  # a meetup for the clicks to RSVP to
            day = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%d")
            await ack_latency(url, [driver.slash_body(
                f'propose title:Bench city:"Portland, Oregon" when:"{day} 19:00" capacity:10',
                user="U0BENCH000")], 1, [])
            await adapter.idle(60)
        if args.gc_freeze:
            gc.collect()
            gc.freeze()
        for level in (int(x) for x in args.concurrency.split(",") if x.strip()):
            slash = [driver.slash_body("list", user=f"U0BENCH{i % 50:03d}")
                     for i in range(args.n)]
            meetup = (lambda i: 1) if args.core else (lambda i: i % 100 + 1)
            clicks = [driver.click_body(f"tw:rsvp:{meetup(i)}:{('going', 'no')[i // 50 % 2]}",
                                        user=f"U0BENCH{i % 50:03d}") for i in range(args.n)]
            for kind, bodies in (("slash", slash), ("click", clicks)):
                lat = await ack_latency(url, bodies, level, warm)
                results["ack_ms"][f"{kind}@{level}"] = {
                    "n": len(lat), "p50": round(statistics.median(lat), 2),
                    "p99": round(percentile(lat, 99), 2), "max": round(max(lat), 2),
                }
                await adapter.idle(120)
        if not args.core:
            results["handled_by_core"] = inbox.handled
        counts: dict[str, int] = {}
        for call in fake.calls:
            counts[call.method] = counts.get(call.method, 0) + 1
        results["web_api_calls"] = counts
        results["pacing"] = await pacing(adapter, fake, args.posts)
    finally:
        await adapter.stop()
        await task
        if app is not None:
            await app.stop()
        else:
            await server.stop()
        await fake.stop()
        tmp.cleanup()

    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"date: {results['date']}  nproc: {results['machine']['nproc']}  "
              f"python {results['machine']['python']}  core: {results['core']}"
              f"{'  gc.freeze()' if args.gc_freeze else ''}")
        print(f"uname: {results['machine']['uname']}")
        print(f"{'kind@concurrency':<18} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for name, r in results["ack_ms"].items():
            print(f"{name:<18} {r['n']:>6} {r['p50']:>8} {r['p99']:>8} {r['max']:>8}")
        print("Web API calls made by the core's work:", ", ".join(
            f"{k} {v}" for k, v in sorted(results["web_api_calls"].items())))
        p = results["pacing"]
        print(f"pacing: {p['received']}/{p['messages']} messages to one channel, in order: "
              f"{p['in_order']}, rate {p['rate_per_s']:.3f}/s, min gap {p['min_gap_s']:.3f} s, "
              f"total {p['total_s']:.1f} s")
    return results


if __name__ == "__main__":
    asyncio.run(main())
