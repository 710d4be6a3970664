"""The set-up the web benchmarks (feed_bench, pages_bench) share.

A bench runs as two processes: a child serving the real app (bot.app.build_app, SQLite,
[web] on 127.0.0.1, a fixed clock) with a peer aiohttp server beside it, and a parent that
drives both with bench/_http_load.py. Here: the child's app, its meetups and its peer; the
hand-over (one JSON line out, then serve until stdin closes); the parent's side of it; and
the command line both benches take.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the parent never loads aiohttp or the web server
    from aiohttp import web

    from bot.app import App
    from bot.config import WebSettings
    from bot.web.server import WebServer

START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
ZONE = "Europe/Berlin"


class FixedClock:
    """Time stands still at START: feeds and pages render the same bytes all run long."""

    def now(self) -> datetime:
        return START


# --- the server (child process) -------------------------------------------------------------


async def start_app(db: str, web: WebSettings) -> App:
    """The real app on a SQLite file at `db`, its web server on, the clock at START."""
    from bot.app import build_app
    from bot.config import Settings
    from bot.scheduling import ManualTimer

    clock = FixedClock()
    settings = Settings(database_url=f"sqlite+aiosqlite:///{db}", web=web)
    app = build_app(settings, clock=clock, timer=ManualTimer(clock))  # type: ignore[arg-type]
    await app.start(warm_up="skip")
    assert app.web is not None
    return app


def berlin_meetup(community_id: int, i: int) -> dict[str, Any]:
    """`Store.create_meetup` fields of the bench's meetup `i`: in Berlin, each 7 hours after
    the one before (a bench adds capacity, now and what else it needs)."""
    return {
        "community_id": community_id, "channel_id": "general", "thread_id": None,
        "title": f"Meetup {i}", "city_id": 2950159, "city_label": "Berlin, Germany",
        "latitude": 52.52, "longitude": 13.41, "organizer_id": "u1", "organizer_name": "Alice",
        "starts_at": START + timedelta(days=1, hours=i * 7), "options": (),
        "venue": f"Cafe {i}, Street {i}", "description": "Coffee and code. " * 5,
        "deadline": None, "timezone": ZONE,
    }


async def start_peer(routes: Sequence[web.RouteDef]) -> WebServer:
    """A plain aiohttp server in the child beside the app (the peer the bench compares with)."""
    from bot.config import WebSettings
    from bot.web.server import WebServer

    peer = WebServer(WebSettings("127.0.0.1", 0), list(routes))
    await peer.start()
    return peer


async def serve_until_closed(app: App, peer: WebServer, info: dict[str, Any]) -> None:
    """Hand the parent `info` (with both ports) as one JSON line, serve until the parent
    closes stdin, then stop."""
    assert app.web is not None
    print(json.dumps({"port": app.web.port, "peer": peer.port, **info}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until closed
    await peer.stop()
    await app.stop()


# --- the driver (parent process) ------------------------------------------------------------


@asynccontextmanager
async def child_server(script: str, prefix: str) -> AsyncIterator[dict[str, Any]]:
    """Run `script --serve DB` (a fresh database) and yield what it handed over; stop it on
    the way out."""
    tmp = tempfile.TemporaryDirectory(prefix=prefix)
    child = subprocess.Popen(
        [sys.executable, script, "--serve", str(Path(tmp.name) / "bench.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        yield json.loads(await asyncio.to_thread(child.stdout.readline))
    finally:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(30)
        tmp.cleanup()


def main(doc: str, serve: Callable[[str], Awaitable[None]],
         drive: Callable[[argparse.Namespace], Awaitable[dict[str, Any]]],
         *, latency: bool = False) -> None:
    """The command line of a web bench: `[--seconds 5] [--connections 32] [--json]`, and
    `--serve DB` for its child. `latency`: show p50 and p99 beside each rate."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
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
            times = f"  p50 {value['p50_ms']} ms  p99 {value['p99_ms']} ms" if latency else ""
            print(f"{name:42} {value['per_second']:>7} req/s{times}  {value['statuses']}")
        else:
            print(f"{name:42} {value}")
