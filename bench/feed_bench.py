"""Calendar feed requests per second on one process (issue #16: 1,000/s for a community with
500 meetups), side by side with two peers.

A child process runs the real app (bot.app.build_app, SQLite, [web] on 127.0.0.1) with 500
meetups in one community; this process drives it with a small asyncio HTTP/1.1 load generator
(keep-alive connections, one request in flight each; far cheaper per request than an HTTP
client library, so the server is what is measured). Scenarios, each for --seconds:

- feed 304: a calendar app polling with If-None-Match (what subscribed calendars do);
- feed 200: the whole feed each time (gzip accepted, as Google, Apple and Outlook send);
- peer static: a plain aiohttp handler answering the same gzipped bytes from memory, in the
  same child process (the ceiling of aiohttp on this machine: no token lookup, no database);
- peer uncached: the same feed rendered on every request (read 500 meetups + icalendar), the
  cost the cache avoids (measured over a few requests).

Run: .venv/bin/python bench/feed_bench.py [--seconds 5] [--connections 32] [--json]
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

MEETUPS = 500
START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


# --- the server (child process) -------------------------------------------------------------


async def serve(db: str) -> None:
    from aiohttp import web

    from bot.app import build_app
    from bot.calendar import feed
    from bot.config import Settings, WebSettings
    from bot.domain.feeds import window_start
    from bot.scheduling import ManualTimer
    from bot.store.feeds import COMMUNITY_FEED
    from bot.web.server import WebServer

    class Clock:
        def now(self) -> datetime:
            return START

    clock = Clock()
    settings = Settings(database_url=f"sqlite+aiosqlite:///{db}",
                        web=WebSettings("127.0.0.1", 0, "https://cal.example.org"))
    app = build_app(settings, clock=clock, timer=ManualTimer(clock))  # type: ignore[arg-type]
    await app.start(warm_up="skip")
    store = app.store
    community = await store.community("bench", "w1", timezone="Europe/Berlin", now=START)
    for i in range(MEETUPS):
        await store.create_meetup(
            community_id=community.id, channel_id="general", thread_id=None,
            title=f"Meetup {i}", city_id=2950159, city_label="Berlin, Germany",
            latitude=52.52, longitude=13.41, organizer_id="u1", organizer_name="Alice",
            starts_at=START + timedelta(days=1, hours=i * 7), options=(),
            venue=f"Cafe {i}, Street {i}", description="Coffee and code. " * 5, capacity=20,
            deadline=None, now=START - timedelta(minutes=MEETUPS - i), timezone="Europe/Berlin")
    token = await store.feed_token(community.id, COMMUNITY_FEED, START)
    state = await store.feed_state(token)
    assert state is not None and app.web is not None

    # the peers, on a plain aiohttp server in this same process
    import gzip

    body = feed(await store.feed_meetups(state, window_start(START)), "bench", START,
                "Europe/Berlin", "Tweetup meetups")
    zipped = gzip.compress(body, 6, mtime=0)

    async def static(_request: web.Request) -> web.Response:
        return web.Response(body=zipped, headers={"Content-Type": "text/calendar",
                                                  "Content-Encoding": "gzip"})

    async def uncached(_request: web.Request) -> web.Response:
        meetups = await store.feed_meetups(state, window_start(START))
        data = await asyncio.to_thread(feed, meetups, "bench", START, "Europe/Berlin", "x")
        return web.Response(body=gzip.compress(data, 6), headers={"Content-Encoding": "gzip"})

    peer = WebServer(WebSettings("127.0.0.1", 0),
                     [web.get("/static.ics", static), web.get("/uncached.ics", uncached)])
    await peer.start()
    print(json.dumps({"port": app.web.port, "peer": peer.port, "token": token,
                      "feed_bytes": len(body), "gzip_bytes": len(zipped)}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until closed
    await peer.stop()
    await app.stop()


async def drive(args: argparse.Namespace) -> dict[str, Any]:
    tmp = tempfile.TemporaryDirectory(prefix="feed-bench-")
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(Path(tmp.name) / "bench.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        info = json.loads(await asyncio.to_thread(child.stdout.readline))
        port, peer, path = info["port"], info["peer"], f"/calendar/{info['token']}.ics"
        gz = {"Accept-Encoding": "gzip"}
        first = await load(port, [(path, gz)], 0.5, 1)  # warm: renders and caches the feed
        tag = await etag(port, path, gz)
        results: dict[str, Any] = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": machine(), "load_average": os.getloadavg(),
            "meetups": MEETUPS, "feed_bytes": info["feed_bytes"],
            "gzip_bytes": info["gzip_bytes"], "connections": args.connections,
            "warm_up": first,
        }
        results["feed 304 (If-None-Match)"] = await load(
            port, [(path, {**gz, "If-None-Match": tag})], args.seconds, args.connections)
        results["feed 200 (gzip)"] = await load(port, [(path, gz)], args.seconds,
                                                args.connections)
        results["peer static (aiohttp, bytes in memory)"] = await load(
            peer, [("/static.ics", gz)], args.seconds, args.connections)
        results["peer uncached (render per request)"] = await load(
            peer, [("/uncached.ics", gz)], args.seconds, 4, limit=20)
        return results
    finally:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(30)
        tmp.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
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
            print(f"{name:42} {value['per_second']:>7} req/s  {value['statuses']}")
        else:
            print(f"{name:42} {value}")


if __name__ == "__main__":
    main()
