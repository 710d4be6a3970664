"""Public meetup page requests per second on one process, and their p99 latency (issue #17:
≥ 2,000/s for cached pages, p99 < 20 ms), side by side with a peer.

A child process runs the real app (bot.app.build_app, SQLite, [web] on 127.0.0.1) with one
community, public pages on and 200 meetups with 30 members going each; this process drives
it with a small asyncio HTTP/1.1 load generator (keep-alive connections, one request in
flight each; cheaper per request than an HTTP client library, so the server is measured).
Requests spread over all 200 pages. Scenarios, each for --seconds:

- page 200: the whole page each time, from the cache of rendered pages (its version read
  at most once a second per page while nothing is written: bot/web/pages.py FRESH_SECONDS);
- page 304: a browser revalidating with If-None-Match;
- peer static: a plain aiohttp handler answering the same page's bytes from memory, in the
  same child process (aiohttp's ceiling here: no token lookup, no database);
- peer uncached: the page rendered on every request (names read + Jinja2), measured briefly.

The page rate limit is set high in the child (one address sends everything here).

Run: .venv/bin/python bench/pages_bench.py [--seconds 5] [--connections 32] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import machine
from bench._http_load import etag, load

MEETUPS = 200
GOING = 30
START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


# --- the server (child process) -------------------------------------------------------------


async def serve(db: str) -> None:
    from aiohttp import web

    from bot.app import build_app
    from bot.config import Settings, WebSettings
    from bot.domain.rsvps import RsvpStatus
    from bot.scheduling import ManualTimer
    from bot.web.pages import PageService
    from bot.web.ratelimit import RateLimiter
    from bot.web.server import WebServer

    class Clock:
        def now(self) -> datetime:
            return START

    clock = Clock()
    base = "https://meet.example.org"
    settings = Settings(database_url=f"sqlite+aiosqlite:///{db}",
                        web=WebSettings("127.0.0.1", 0, base, page_rate=100_000_000))
    app = build_app(settings, clock=clock, timer=ManualTimer(clock))  # type: ignore[arg-type]
    await app.start(warm_up="skip")
    store = app.store
    community = await store.community("bench", "w1", timezone="Europe/Berlin", now=START)
    await store.update_community(community.id, public_pages=True,
                                 invite_url="https://discord.gg/tweetup")
    for j in range(GOING):  # half of them show their name
        await store.save_member(community.id, f"u{j}", f"Member {j}", START, show_name=j % 2 == 0)
    tokens: list[str] = []
    for i in range(MEETUPS):
        m = await store.create_meetup(
            community_id=community.id, channel_id="general", thread_id=None,
            title=f"Meetup {i}", city_id=2950159, city_label="Berlin, Germany",
            latitude=52.52, longitude=13.41, organizer_id="u1", organizer_name="Alice",
            starts_at=START + timedelta(days=1, hours=i * 7), options=(),
            venue=f"Cafe {i}, Street {i}", description="Coffee and code. " * 5, capacity=None,
            deadline=None, now=START, timezone="Europe/Berlin", find_us="yellow umbrella")
        for j in range(GOING):
            await store.rsvp(m.id, f"u{j}", f"Member {j}", RsvpStatus.GOING, START, 12)
        tokens.append(await store.page_token(m.id, START))
    assert app.web is not None

    # the peers, on a plain aiohttp server in this same process
    uncached_service = PageService(store, clock, base, RateLimiter(100_000_000))
    state = await store.page_state(tokens[0])
    assert state is not None
    body = (await uncached_service.rendered(state)).body

    async def static(_request: web.Request) -> web.Response:
        return web.Response(body=body, content_type="text/html", charset="utf-8")

    async def uncached(request: web.Request) -> web.Response:
        found = await store.page_state(tokens[0])
        assert found is not None
        uncached_service._cache.clear()
        return web.Response(body=(await uncached_service.rendered(found)).body,
                            content_type="text/html", charset="utf-8")

    peer = WebServer(WebSettings("127.0.0.1", 0),
                     [web.get("/static", static), web.get("/uncached", uncached)])
    await peer.start()
    print(json.dumps({"port": app.web.port, "peer": peer.port, "tokens": tokens,
                      "page_bytes": len(body)}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until closed
    await peer.stop()
    await app.stop()


async def drive(args: argparse.Namespace) -> dict[str, Any]:
    tmp = tempfile.TemporaryDirectory(prefix="pages-bench-")
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(Path(tmp.name) / "bench.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        info = json.loads(await asyncio.to_thread(child.stdout.readline))
        port, peer = info["port"], info["peer"]
        pages = [(f"/m/{token}", {}) for token in info["tokens"]]
        warm = await load(port, pages, 1.0, 4)  # renders and caches every page
        etags = [(path, {"If-None-Match": await etag(port, path)}) for path, _ in pages]
        results: dict[str, Any] = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": machine(), "load_average": os.getloadavg(),
            "pages": len(pages), "going_each": GOING, "page_bytes": info["page_bytes"],
            "connections": args.connections, "warm_up": warm,
        }
        results["page 200 (cached)"] = await load(port, pages, args.seconds, args.connections)
        results["page 304 (If-None-Match)"] = await load(port, etags, args.seconds,
                                                         args.connections)
        results["peer static (aiohttp, bytes in memory)"] = await load(
            peer, [("/static", {})], args.seconds, args.connections)
        results["peer uncached (render per request)"] = await load(
            peer, [("/uncached", {})], min(args.seconds, 2.0), 4)
        return results
    finally:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(30)
        tmp.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--serve", help=argparse.SUPPRESS)  # the child: a database path
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve))
        return
    results = asyncio.run(drive(args))
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, value in results.items():
        if isinstance(value, dict) and "per_second" in value:
            print(f"{name:42} {value['per_second']:>7} req/s  p50 {value['p50_ms']} ms  "
                  f"p99 {value['p99_ms']} ms  {value['statuses']}")
        else:
            print(f"{name:42} {value}")


if __name__ == "__main__":
    main()
