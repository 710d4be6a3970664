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
import os
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import machine
from bench._http_load import etag, load
from bench._web_setup import (
    START,
    ZONE,
    berlin_meetup,
    child_server,
    main,
    serve_until_closed,
    start_app,
    start_peer,
)

MEETUPS = 500


# --- the server (child process) -------------------------------------------------------------


async def serve(db: str) -> None:
    import gzip

    from aiohttp import web

    from bot.calendar import feed
    from bot.config import WebSettings
    from bot.domain.feeds import window_start
    from bot.store.feeds import COMMUNITY_FEED

    app = await start_app(db, WebSettings("127.0.0.1", 0, "https://cal.example.org"))
    store = app.store
    community = await store.community("bench", "w1", timezone=ZONE, now=START)
    for i in range(MEETUPS):
        await store.create_meetup(**berlin_meetup(community.id, i), capacity=20,
                                  now=START - timedelta(minutes=MEETUPS - i))
    token = await store.feed_token(community.id, COMMUNITY_FEED, START)
    state = await store.feed_state(token)
    assert state is not None

    # the peers: the same feed's bytes from memory, and the feed rendered per request
    body = feed(await store.feed_meetups(state, window_start(START)), "bench", START, ZONE,
                "Tweetup meetups")
    zipped = gzip.compress(body, 6, mtime=0)

    async def static(_request: web.Request) -> web.Response:
        return web.Response(body=zipped, headers={"Content-Type": "text/calendar",
                                                  "Content-Encoding": "gzip"})

    async def uncached(_request: web.Request) -> web.Response:
        meetups = await store.feed_meetups(state, window_start(START))
        data = await asyncio.to_thread(feed, meetups, "bench", START, ZONE, "x")
        return web.Response(body=gzip.compress(data, 6), headers={"Content-Encoding": "gzip"})

    peer = await start_peer([web.get("/static.ics", static), web.get("/uncached.ics", uncached)])
    await serve_until_closed(app, peer, {"token": token, "feed_bytes": len(body),
                                         "gzip_bytes": len(zipped)})


async def drive(args: argparse.Namespace) -> dict[str, Any]:
    async with child_server(__file__, "feed-bench-") as info:
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


if __name__ == "__main__":
    main(__doc__ or "", serve, drive)
