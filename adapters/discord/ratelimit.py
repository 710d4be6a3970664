"""A small async pacer: at most `rate` acquisitions per second, evenly spaced, no bursts.

Used for DM fan-out (opening a DM channel and sending to it are each one REST request), so a
burst of reminders stays under Discord's global limit of 50 requests per second.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1.0 / rate
        self._clock = clock
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait for the next slot. Slots are never saved up: after a quiet spell the next caller
        goes at once, and the one after waits a full interval."""
        async with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
            delay = start - now
            if delay > 0:
                await asyncio.sleep(delay)

    async def __aenter__(self) -> RateLimiter:
        await self.acquire()
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None
