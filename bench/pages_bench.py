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
import os
import sys
import time
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

MEETUPS = 200
GOING = 30


# --- the server (child process) -------------------------------------------------------------


async def serve(db: str) -> None:
    from aiohttp import web

    from bot.config import WebSettings
    from bot.domain.rsvps import RsvpStatus
    from bot.web.pages import PageService
    from bot.web.ratelimit import RateLimiter

    base = "https://meet.example.org"
    app = await start_app(db, WebSettings("127.0.0.1", 0, base, page_rate=100_000_000))
    store = app.store
    community = await store.community("bench", "w1", timezone=ZONE, now=START)
    await store.update_community(community.id, public_pages=True,
                                 invite_url="https://discord.gg/tweetup")
    for j in range(GOING):  # half of them show their name
        await store.save_member(community.id, f"u{j}", f"Member {j}", START, show_name=j % 2 == 0)
    tokens: list[str] = []
    for i in range(MEETUPS):
        m = await store.create_meetup(**berlin_meetup(community.id, i), capacity=None,
                                      now=START, find_us="yellow umbrella")
        for j in range(GOING):
            await store.rsvp(m.id, f"u{j}", f"Member {j}", RsvpStatus.GOING, START, 12)
        tokens.append(await store.page_token(m.id, START))

    # the peers: the first page's bytes from memory, and that page rendered per request
    uncached_service = PageService(store, app.clock, base, RateLimiter(100_000_000))
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

    peer = await start_peer([web.get("/static", static), web.get("/uncached", uncached)])
    await serve_until_closed(app, peer, {"tokens": tokens, "page_bytes": len(body)})


async def drive(args: argparse.Namespace) -> dict[str, Any]:
    async with child_server(__file__, "pages-bench-") as info:
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


if __name__ == "__main__":
    main(__doc__ or "", serve, drive, latency=True)
