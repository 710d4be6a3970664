"""One Tweetup process of bench/fanout_bench.py: the real app with a platform adapter that
paces DMs with the Discord adapter's RateLimiter and sends them to the shared fake platform."""

from __future__ import annotations

import asyncio
import itertools
import sys
from collections.abc import Mapping
from datetime import datetime

import aiohttp

from adapters.discord.ratelimit import RateLimiter
from bot.app import build_app
from bot.config import Settings
from bot.ports import Inbox, PlatformBusy
from bot.types import Form, FormSubmitted, Inbound, MessageRef, Outgoing, Place, UserRef


class PacedPlatform:
    platform = "bench"

    def __init__(self, port: int, rate: float) -> None:
        self.url = f"http://127.0.0.1:{port}/dm"
        self.limiter = RateLimiter(rate)
        self.session: aiohttp.ClientSession | None = None
        self._ids = itertools.count(1)

    async def run(self, inbox: Inbox) -> None:
        await asyncio.Event().wait()

    async def stop(self) -> None:
        if self.session is not None:
            await self.session.close()

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        return MessageRef(place, str(next(self._ids)))

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None:
        return None

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        self.session = self.session or aiohttp.ClientSession()
        await self.limiter.acquire()
        async with self.session.post(self.url, json={"user": user.id,
                                                     "nonce": msg.dedupe_key}) as response:
            if response.status == 429:
                raise PlatformBusy("429")
            body = await response.json()
        return MessageRef(Place("bench", "dm", user.id), body["id"])

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        return False  # no process of this bench dies, so no reminder is re-claimed

    async def find_posted(
        self, place: Place, dedupe_key: str, since: datetime
    ) -> MessageRef | None:
        return None  # likewise: no job is re-claimed

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        return None

    async def open_form(self, to: Inbound, form: Form) -> None:
        return None

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        return None


async def main(url: str, port: int, rate: float) -> None:
    app = build_app(Settings(database_url=url), adapters=[PacedPlatform(port, rate)])
    app.jobs.batch = 100  # small batches spread the work across the processes
    await app.start()
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])))
