"""A Tweetup process that dies (SIGKILL) right after it recorded an event's key and before
the event had any effect, as a crashed or OOM-killed process would.

    python -m tests.crash_worker DATABASE_URL EVENT_KEY

It proposes a meetup (the event tests/test_event_crash.py redelivers) through the real core
on a harness at the harness's start instant, and kills itself when the core, having recorded
the key, asks the store for the community.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from typing import Any

from tests.support import Harness

PROPOSAL = {"title": "Coffee", "city": "London", "when": "2030-01-11 19:00"}


async def main(url: str, key: str) -> None:
    harness = await Harness(url).start()

    async def die(*args: Any, **kwargs: Any) -> Any:
        os.kill(os.getpid(), signal.SIGKILL)

    harness.store.community = die  # type: ignore[method-assign]
    await harness.command("alice", "propose", key=key, **PROPOSAL)
    raise AssertionError("still alive after the crash point")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
