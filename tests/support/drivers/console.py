"""The console driver: lines typed into the real console adapter (`/as`, `/channel`, `/dm`,
`/meetup ...`, `/click n`, `/clock`), read back from the transcript it prints."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from adapters.console import build_console
from adapters.console.adapter import DM, ConsoleAdapter
from bot.config import Settings, WebSettings
from tests.support.drivers.base import Target, has, is_card_title

CHANNEL = "general"


class _Keyboard:
    """The console's input: `type` returns once the console asks for the next line, i.e.
    once the line before was handled."""

    def __init__(self) -> None:
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()
        self._idle = asyncio.Event()
        self.console: asyncio.Task[None] | None = None

    def __aiter__(self) -> _Keyboard:
        return self

    async def __anext__(self) -> str:
        if self._lines.empty():
            self._idle.set()
        line = await self._lines.get()
        if line is None:
            raise StopAsyncIteration
        return line

    async def type(self, line: str | None) -> None:
        self._idle.clear()
        await self._lines.put(line)
        idle = asyncio.create_task(self._idle.wait())
        assert self.console is not None
        await asyncio.wait({idle, self.console}, timeout=30,
                           return_when=asyncio.FIRST_COMPLETED)
        idle.cancel()
        if self.console.done():
            self.console.result()  # the console's own error, if it died
        assert line is None or self._idle.is_set(), f"the console did not handle {line!r}"


def _blocks(lines: list[str]) -> list[str]:
    """The transcript as messages: a head line and the indented lines under it."""
    blocks: list[str] = []
    for line in lines:
        if line.startswith("  ") and blocks:
            blocks[-1] += "\n" + line.strip()
        else:
            blocks.append(line)
    return blocks


def _body(block: str) -> str:
    return block.split(" Tweetup: ", 1)[-1]


class ConsoleDriver:
    name = "console"

    def __init__(self, console: ConsoleAdapter, keyboard: _Keyboard, transcript: list[str],
                 start: datetime) -> None:
        self.console, self.keyboard, self.transcript = console, keyboard, transcript
        self.start = start
        self.web_url: str | None = None

    async def _as(self, user: str, where: str = CHANNEL) -> None:
        await self.keyboard.type(f"/as {user}")
        await self.keyboard.type("/dm" if where == DM else f"/channel {where}")

    async def command(self, user: str, name: str, **options: str) -> None:
        await self._as(user)
        typed = " ".join(f'{k.replace("_", "-")}:"{v}"' for k, v in options.items())
        await self.keyboard.type(f"/meetup {name} {typed}".rstrip())

    async def click(self, user: str, label: str, on: Target = None) -> None:
        where, number = self._button(user, label, on)
        await self._as(user, where)
        await self.keyboard.type(f"/click {number}")

    def _button(self, user: str, label: str, on: Target) -> tuple[str, int]:
        """Where to go and which number to click: `/click n` presses the n-th button of the
        newest card with buttons in the member's current conversation (for a meetup, that may
        be a message about it with the same buttons, e.g. "Date set for #1")."""
        candidates = []
        for conversation in ((CHANNEL,) if on is not None else (CHANNEL, DM)):
            message_id = self.console._latest.get((user, conversation))
            card = self.console._messages.get(message_id or "")
            if card is None or (on is None and card.audience != user):
                continue
            labels = [b.label for b in card.msg.buttons]
            text = f"{card.msg.title or ''} {card.msg.body}"
            if label in labels and (
                on is None or (isinstance(on, int) and f"#{on} ·" in (card.msg.title or ""))
                or (isinstance(on, str) and has(text, on))
            ):
                candidates.append((card.ref.message_id, conversation, labels.index(label) + 1))
        assert candidates, f"{user} has no {label!r} button on the newest card ({on!r})"
        _, conversation, number = max(candidates, key=lambda c: int(c[0].rsplit("-", 1)[1]))
        return conversation, number

    async def submit(self, user: str, values: Mapping[str, str]) -> None:
        form = self.console._form
        assert form is not None and form.event.user.id == user, "no form open for " + user
        for field in form.form.fields:
            await self.keyboard.type(values.get(field.name, ""))

    async def say(self, user: str, text: str) -> None:
        await self._as(user)
        await self.keyboard.type(text)

    def _said(self, *heads: str) -> list[str]:
        return [_body(b) for b in _blocks(self.transcript) if b.startswith(heads)]

    def private(self, user: str) -> list[str]:
        return self._said(f"(only {user} sees this)", f"(DM to {user})")

    def dms(self, user: str) -> list[str]:
        return self._said(f"(DM to {user})")

    def card(self, meetup: int) -> str:
        versions = [p for p in self.posts()
                    if is_card_title(p.split("\n", 1)[0].removeprefix("== "), meetup)]
        assert versions, f"no card for #{meetup}"
        return versions[-1]

    def posts(self) -> list[str]:
        return self._said(f"[#{CHANNEL}]")

    async def advance(self, delta: timedelta) -> None:
        await self.keyboard.type(f"/clock +{int(delta.total_seconds() // 60)}m")


@asynccontextmanager
async def console_driver(tmp_path: Path, start: datetime,
                         base_url: str | None = None) -> AsyncIterator[ConsoleDriver]:
    transcript: list[str] = []
    keyboard = _Keyboard()
    settings = replace(Settings(), database_url=f"sqlite+aiosqlite:///{tmp_path}/console.db",
                       web=WebSettings("127.0.0.1", 0, base_url) if base_url else None)
    app, console = build_console(settings, keyboard, transcript.append, start)
    await app.start(warm_up="skip")
    keyboard.console = asyncio.create_task(console.run(app.core))
    try:
        driver = ConsoleDriver(console, keyboard, transcript, start)
        driver.web_url = app.web.url if app.web is not None else None
        yield driver
    finally:
        await keyboard.type(None)
        await app.stop()
