"""Per-channel pacing: about N messages per second per channel, in call order.

Slack allows roughly one chat.postMessage per second per channel (bursts are tolerated briefly,
then 429). Each channel has one FIFO lock (asyncio.Lock wakes waiters in arrival order), and a
sender holds it while it waits for its slot and while the call (including slack_sdk's own 429
retries) runs, so messages to one channel are never reordered. Different channels never wait
for each other.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass(slots=True)
class _Lane:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last: float = float("-inf")
    users: int = 0


class ChannelPacer:
    MAX_IDLE_LANES = 1000
    def __init__(
        self,
        per_second: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._clock = clock
        self._lanes: dict[str, _Lane] = {}

    @asynccontextmanager
    async def slot(self, channel: str, *,
                   needed: Callable[[], bool] | None = None) -> AsyncIterator[bool]:
        """Wait for this channel's next slot, in arrival order, and hold the lane while the
        body (the API call) runs. Yields True; yields False at once, without waiting or using
        the slot, when `needed()` says at the sender's turn that there is nothing to send
        (e.g. a newer version of a card already went out)."""
        lane = self._lanes.get(channel)
        if lane is None:
            if len(self._lanes) >= self.MAX_IDLE_LANES:
                self._sweep()
            lane = self._lanes[channel] = _Lane()
        lane.users += 1
        try:
            async with lane.lock:
                if needed is not None and not needed():
                    yield False
                    return
                wait = lane.last + self.interval - self._clock()
                if wait > 0:
                    await asyncio.sleep(wait)
                try:
                    yield True
                finally:
                    lane.last = self._clock()
        finally:
            lane.users -= 1

    def _sweep(self) -> None:
        now = self._clock()
        for name, lane in list(self._lanes.items()):
            if lane.users == 0 and now - lane.last >= self.interval:
                del self._lanes[name]

    @property
    def lanes(self) -> int:
        return len(self._lanes)
