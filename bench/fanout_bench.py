"""Reminder fan-out: 10,000 due reminders sent by three Tweetup processes against one fake
platform that enforces a global limit of 50 requests per second (Discord's global limit) and
answers 429 past it.

Each process runs the real app (SQLite or PostgreSQL store, APScheduler timer, job engine,
reminder delivery, outbox) with a platform adapter that paces its DMs with the Discord
adapter's RateLimiter at limit / processes, as docs/operations.md tells operators to
configure (`dm_rate_per_second`). Reported: the send rate against the limit (goal 90%),
429s, and that every reminder arrived exactly once.

    python bench/fanout_bench.py --url postgresql+asyncpg://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from collections import deque
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from bench._common import empty, machine, seed_reminders  # noqa: E402
from bot.store.store import Store  # noqa: E402


class LimitedPlatform:
    """At most `limit` requests in any one-second window; 429 beyond."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.window: deque[float] = deque()
        self.delivered: dict[str, float] = {}
        self.too_many = 0
        self.duplicates = 0

    async def dm(self, request: web.Request) -> web.Response:
        now = time.monotonic()
        while self.window and now - self.window[0] >= 1.0:
            self.window.popleft()
        if len(self.window) >= self.limit:
            self.too_many += 1
            return web.json_response(
                {
                    "message": "You are being rate limited.",
                    "global": True,
                    "retry_after": 1.0 - (now - self.window[0]),
                },
                status=429,
            )
        self.window.append(now)
        body = await request.json()
        if body["nonce"] in self.delivered:
            self.duplicates += 1
        else:
            self.delivered[body["nonce"]] = now
        return web.json_response({"id": str(len(self.delivered))})


async def seed(url: str, n: int, due: datetime) -> None:
    store = Store.from_url(url)
    await store.upgrade()
    await empty(store)
    await seed_reminders(
        store,
        title="Fan-out",
        starts_at=due + timedelta(hours=6),
        jobs=n,
        going=n,
        due=lambda i: due,
    )
    await store.close()


async def run(url: str, n: int, processes: int, limit: int) -> dict[str, object]:
    platform = LimitedPlatform(limit)
    app = web.Application()
    app.router.add_post("/dm", platform.dm)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=10)
    await seed(url, n, due)
    rate = limit / processes
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "bench.fanout_worker", url, str(port), str(rate)],
            cwd=ROOT,
            env={**os.environ},
        )
        for _ in range(processes)
    ]
    try:
        deadline = time.monotonic() + n / (limit * 0.5) + 60
        while len(platform.delivered) < n and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
    finally:
        for w in workers:
            w.terminate()
            w.wait()
        await runner.cleanup()
    times = sorted(platform.delivered.values())
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    achieved = (len(times) - 1) / span if span else 0.0
    return {
        "machine": machine(),
        "engine": url.split("+")[0],
        "processes": processes,
        "reminders": n,
        "delivered": len(times),
        "duplicates": platform.duplicates,
        "limit_per_second": limit,
        "send_rate_per_second": round(achieved, 2),
        "share_of_limit": round(achieved / limit, 3),
        "responses_429": platform.too_many,
        "seconds": round(span, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()
    print(
        json.dumps(asyncio.run(run(args.url, args.reminders, args.processes, args.limit)), indent=2)
    )


if __name__ == "__main__":
    main()
