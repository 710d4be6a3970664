"""A token bucket per client address, for the public pages (bot/web/pages.py).

Each address may make `burst` requests at once and then `per_minute` a minute; a refused
request learns how many seconds until it may try again (HTTP 429 + Retry-After). Buckets
live in memory, one process each; at most `max_clients` are kept (least recently seen
dropped: a dropped address starts again with a full bucket, which only errs on the kind side).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """`wait(client)`: 0 when the request may go ahead (and is counted), else the whole
    seconds until the client's bucket holds a token again.

    >>> now = [0.0]
    >>> limits = RateLimiter(per_minute=60, burst=2, clock=lambda: now[0])
    >>> [limits.wait("a"), limits.wait("a"), limits.wait("a"), limits.wait("b")]
    [0, 0, 1, 0]
    >>> now[0] = 1.0
    >>> limits.wait("a")
    0
    """

    def __init__(
        self,
        per_minute: int,
        burst: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 100_000,
    ) -> None:
        self.rate = per_minute / 60.0  # tokens a second
        self.burst = float(burst if burst is not None else max(1, min(per_minute, 20)))
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def wait(self, client: str) -> int:
        now = self.clock()
        bucket = self._buckets.pop(client, None)
        if bucket is None:
            bucket = _Bucket(self.burst, now)
        else:
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
            bucket.stamp = now
        self._buckets[client] = bucket
        if len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0
        return max(1, math.ceil((1.0 - bucket.tokens) / self.rate))
