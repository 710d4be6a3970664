"""`RecordingInbox`: stands in for the core behind a real adapter (Discord or Slack through
their wire fakes), so an adapter test sees exactly the neutral events the adapter produced."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from bot.commands import COMMANDS
from bot.types import Choice, CommandSpec, Inbound, SuggestionsRequested

React = Callable[[Inbound], Awaitable[None]]


@dataclass
class RecordingInbox:
    """Records every event (`events`), dedupes on `key` like the core does (`acted` is what the
    core would act on) and runs `react` (through the adapter, e.g. a reply) on each acted event.
    `choices` answer autocomplete requests, which are kept in `suggest_requests`."""

    react: React | None = None
    choices: Sequence[Choice] = ()
    events: list[Inbound] = field(default_factory=list)
    acted: list[Inbound] = field(default_factory=list)
    suggest_requests: list[SuggestionsRequested] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)
    """What `react` raised (recorded for the test to see, then re-raised to the adapter)."""
    _keys: set[str] = field(default_factory=set)
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def commands(self) -> Sequence[CommandSpec]:
        return COMMANDS

    async def handle(self, event: Inbound) -> None:
        self.events.append(event)
        self._changed.set()
        if event.key in self._keys:
            return
        self._keys.add(event.key)
        self.acted.append(event)
        if self.react is not None:
            try:
                await self.react(event)
            except BaseException as exc:
                self.errors.append(exc)
                raise

    async def suggest(self, event: SuggestionsRequested) -> list[Choice]:
        self.suggest_requests.append(event)
        return list(self.choices)

    async def wait_events(self, count: int, within: float = 20.0) -> list[Inbound]:
        """The events once there are `count` of them (a generous timeout for loaded machines)."""

        async def until() -> None:
            while len(self.events) < count:
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(until(), within)
        return self.events


async def eventually(predicate: Callable[[], bool], within: float = 15.0) -> None:
    """Await a condition (generous timeout for loaded machines); never a fixed sleep."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)
