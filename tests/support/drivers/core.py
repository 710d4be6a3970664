"""The in-memory driver: the `Harness` sends neutral events straight to `Core.handle` and the
`FakeAdapter` records what the core sent."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path

from bot.config import WebSettings
from tests.support import Harness, Sent, text_of
from tests.support.drivers.base import ADMIN, Target, has


class CoreDriver:
    name = "fake"

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.start = harness.clock.now()
        web = harness.app.web
        self.web_url = web.url if web is not None else None

    async def command(self, user: str, name: str, **options: str) -> None:
        await self.harness.command(user, name, admin=user == ADMIN, **options)

    async def click(self, user: str, label: str, on: Target = None) -> None:
        sent = self._holder(user, label, on)
        assert sent.msg is not None
        [action] = [b.action_id for b in sent.msg.buttons if b.label == label]
        message = sent.ref if sent.kind in ("post", "dm") else None
        await self.harness.click(user, action, message=message, admin=user == ADMIN)

    def _holder(self, user: str, label: str, on: Target) -> Sent:
        """The newest message (as it is now) with the button, where `on` says."""
        adapter = self.harness.adapter
        if isinstance(on, int):
            ref = self.harness.card_ref(on)
            return Sent("post", adapter.card(ref.message_id), ref=ref)
        if isinstance(on, str):
            candidates = [Sent("post", adapter.card(s.ref.message_id), ref=s.ref)
                          for s in adapter.of("post") if s.ref and has(s.text, on)]
        else:
            candidates = [s for s in adapter.sent if self._private_to(s, user)]
        found = [s for s in candidates if s.msg and any(b.label == label
                                                        for b in s.msg.buttons)]
        assert found, f"no {label!r} button for {user} ({on!r})"
        return found[-1]

    @staticmethod
    def _private_to(sent: Sent, user: str) -> bool:
        if sent.kind == "dm":
            return bool(sent.to.id == user)
        return (sent.kind == "reply" and sent.to.user.id == user and sent.msg is not None
                and sent.msg.ephemeral)

    async def submit(self, user: str, values: Mapping[str, str]) -> None:
        [opened] = [s for s in self.harness.adapter.of("form") if s.to.user.id == user][-1:]
        assert opened.form is not None
        fields = {f.name: values.get(f.name, "") for f in opened.form.fields}
        await self.harness.submit(user, opened.form.form_id, fields)

    async def say(self, user: str, text: str) -> None:
        await self.harness.say(user, text)

    def private(self, user: str) -> list[str]:
        return [s.text for s in self.harness.adapter.sent if self._private_to(s, user)]

    def dms(self, user: str) -> list[str]:
        return [s.text for s in self.harness.adapter.dms_to(user)]

    def card(self, meetup: int) -> str:
        return text_of(self.harness.card(meetup))

    def posts(self) -> list[str]:
        """Posts as they are now, and replies everyone sees (a platform posts those)."""
        adapter = self.harness.adapter
        return [text_of(adapter.card(s.ref.message_id)) if s.kind == "post" and s.ref
                else s.text for s in adapter.sent
                if s.kind == "post" or (s.kind == "reply" and s.msg and not s.msg.ephemeral)]

    async def advance(self, delta: timedelta) -> None:
        await self.harness.advance(delta)


@asynccontextmanager
async def core_driver(tmp_path: Path, start: datetime,
                      base_url: str | None = None) -> AsyncIterator[CoreDriver]:
    web = WebSettings("127.0.0.1", 0, base_url) if base_url else None
    harness = await Harness(f"sqlite+aiosqlite:///{tmp_path}/core.db", start=start,
                            web=web).start()
    try:
        yield CoreDriver(harness)
    finally:
        await harness.stop()
