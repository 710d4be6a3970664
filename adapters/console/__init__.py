"""The console adapter and its runner (`tweetup console`, `tweetup demo`, and `tweetup run`
when no platform is configured)."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from adapters.console.adapter import ConsoleAdapter
from bot.app import App, build_app
from bot.clock import SimulatedClock
from bot.config import Settings
from bot.scheduling import ManualTimer

# Scripts run on a fixed simulated start (a Monday morning) so the same script always gives the
# same transcript; the interactive console starts at the real time.
SCRIPT_START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)

__all__ = ["SCRIPT_START", "ConsoleAdapter", "build_console", "run_console"]


async def _iterate(lines: Iterable[str]) -> AsyncIterator[str]:
    for line in lines:
        yield line


async def _stdin_lines(prompt: Callable[[], str]) -> AsyncIterator[str]:
    while True:
        try:
            line = await asyncio.to_thread(input, prompt())
        except EOFError:
            return
        yield line


def build_console(
    settings: Settings,
    lines: AsyncIterator[str],
    write: Callable[[str], None],
    start: datetime,
    echo: bool = True,
) -> tuple[App, ConsoleAdapter, ManualTimer]:
    clock = SimulatedClock(start)
    timer = ManualTimer(clock)
    app = build_app(settings, clock=clock, timer=timer)

    async def advance(delta: object) -> int:
        from datetime import timedelta

        assert isinstance(delta, timedelta)
        return await timer.advance_to(clock.now() + delta)

    console = ConsoleAdapter(
        settings.console_members,
        settings.console_channels,
        lines,
        write,
        clock.now,
        advance,
        zone=settings.default_timezone,
        echo=echo,
    )
    app.add_adapter(console)
    return app, console, timer


async def run_console(
    settings: Settings, *, script: Iterable[str] | None = None, write: Callable[[str], None] = print
) -> int:
    """Run the console until /quit or the end of input. With a script (stdin that is not a
    terminal), the database is a fresh temporary file and the clock starts at SCRIPT_START."""
    with tempfile.TemporaryDirectory(prefix="tweetup-") as tmp:
        if script is not None:
            db = Path(tmp) / "script.db"
            settings = _with_database(settings, f"sqlite+aiosqlite:///{db}")
            lines = _iterate(script)
            start = SCRIPT_START
        else:
            holder: list[ConsoleAdapter] = []
            lines = _stdin_lines(
                lambda: f"{holder[0].speaker.name} #{holder[0].channel}> " if holder else "> "
            )
            start = datetime.now(UTC)
        app, console, timer = build_console(settings, lines, write, start, echo=script is not None)
        if script is None:
            holder.append(console)
        await app.start()
        try:
            await console.run(app.core)
            await timer.fire_due()  # deliver whatever is pending at the end of input
        finally:
            await app.stop()
    return 0


def _with_database(settings: Settings, url: str) -> Settings:
    from dataclasses import replace

    return replace(settings, database_url=url)


def stdin_script() -> list[str] | None:
    return None if sys.stdin.isatty() else sys.stdin.read().splitlines()
