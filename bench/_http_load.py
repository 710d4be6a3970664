"""A small HTTP/1.1 load generator for the web benchmarks (feed_bench, pages_bench).

Keep-alive connections to 127.0.0.1, one request in flight each: far lighter than an HTTP
client library, so the server is what is measured. Only what the benches need: GET, a
Content-Length body (no chunked responses), status counts and latency quantiles.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

Paths = list[tuple[str, dict[str, str]]]


def _request(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def _one_connection(port: int, requests: list[bytes], until: float, counts: dict[int, int],
                          latencies: list[float], limit: int | None) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = 0
    try:
        while time.perf_counter() < until and (limit is None or sum(counts.values()) < limit):
            sent = time.perf_counter()
            writer.write(requests[i % len(requests)])
            i += 1
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if length:
                await reader.readexactly(length)
            latencies.append(time.perf_counter() - sent)
            counts[status] = counts.get(status, 0) + 1
    finally:
        writer.close()


async def load(port: int, paths: Paths, seconds: float, connections: int,
               limit: int | None = None) -> dict[str, Any]:
    """Requests/s, p50/p99 ms and status counts of `connections` connections cycling
    through `paths` (each connection starts at another one) for `seconds`, or until
    `limit` requests in all."""
    requests = [_request(path, headers) for path, headers in paths]
    counts: dict[int, int] = {}
    latencies: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(*(
        _one_connection(port, requests[n % len(requests):] + requests[:n % len(requests)],
                        started + seconds, counts, latencies, limit)
        for n in range(connections)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    total = sum(counts.values())
    return {"requests": total, "seconds": round(elapsed, 2),
            "per_second": round(total / elapsed), "p50_ms": quantile(latencies, 0.50),
            "p99_ms": quantile(latencies, 0.99), "statuses": counts}


def quantile(ordered: list[float], q: float) -> float | None:
    """The q-quantile of sorted seconds, in milliseconds."""
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 2)


async def etag(port: int, path: str, headers: dict[str, str] | None = None) -> str:
    """The ETag one GET of `path` answers with."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(_request(path, headers or {}))
    head = (await reader.readuntil(b"\r\n\r\n")).decode()
    writer.close()
    return next(line.split(":", 1)[1].strip() for line in head.split("\r\n")
                if line.lower().startswith("etag:"))
