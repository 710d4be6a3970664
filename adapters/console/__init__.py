"""The console adapter and its runner (`tweetup console`, `tweetup demo`, and `tweetup run`
when no platform is configured).

- `tweetup run`: the configured database and the real clock; lines come from the terminal or,
  when stdin is piped, from the pipe (echoed, so the output reads as a transcript).
- `tweetup console`: a simulated clock (`/clock` moves it) on the configured database; piped
  stdin is a script: a fresh temporary database and a fixed start, the same transcript every
  time.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from adapters.console.adapter import ConsoleAdapter
from bot.app import App, Settings, WarmUp, build_app

# Scripts run on a fixed simulated start (a Monday morning) so the same script always gives the
# same transcript; the interactive console starts at the real time.
SCRIPT_START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)

__all__ = ["SCRIPT_START", "ConsoleAdapter", "build_console", "run_console", "run_live"]


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


async def _piped_lines() -> AsyncIterator[str]:
    while True:
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:
            return
        yield line


def build_console(
    settings: Settings,
    lines: AsyncIterator[str],
    write: Callable[[str], None],
    start: datetime | None,
    echo: bool = True,
) -> tuple[App, ConsoleAdapter]:
    """The app, built by the composition root (bot.app.build_app: a simulated clock from
    `start`, or the real one when it is None), with a console adapter added."""
    app = build_app(settings, start=start)
    console = ConsoleAdapter(
        settings.console_members,
        settings.console_channels,
        lines,
        write,
        app.clock.now,
        app.advance_clock if app.simulated else None,
        zone=settings.default_timezone,
        echo=echo,
    )
    app.add_adapter(console)
    return app, console


async def _serve(app: App, console: ConsoleAdapter, warm_up: WarmUp = "background") -> int:
    await app.start(warm_up=warm_up)
    try:
        await console.run(app.core)
        await app.fire_due()  # deliver whatever is pending at the end of input
    finally:
        await app.stop()
    return 0


async def run_console(
    settings: Settings, *, script: Iterable[str] | None = None, write: Callable[[str], None] = print
) -> int:
    """Run the console on a simulated clock until /quit or the end of input. With a script
    (stdin that is not a terminal), the database is a fresh temporary file and the clock
    starts at SCRIPT_START."""
    with tempfile.TemporaryDirectory(prefix="tweetup-") as tmp:
        if script is not None:
            db = Path(tmp) / "script.db"
            settings = replace(settings, database_url=f"sqlite+aiosqlite:///{db}")
            app, console = build_console(settings, _iterate(script), write, SCRIPT_START)
            # A script is short-lived: load the gazetteer only if one of its lines needs it.
            return await _serve(app, console, warm_up="skip")
        holder: list[ConsoleAdapter] = []
        lines = _stdin_lines(lambda: holder[0].prompt() if holder else "> ")
        app, console = build_console(settings, lines, write, datetime.now(UTC), echo=False)
        holder.append(console)
        return await _serve(app, console)


async def run_live(settings: Settings, *, write: Callable[[str], None] = print) -> int:
    """`tweetup run` with no platform: the configured database and the real clock, until /quit
    or the end of input (a terminal, or piped lines echoed as a transcript)."""
    holder: list[ConsoleAdapter] = []
    terminal = sys.stdin.isatty()
    if terminal:
        lines = _stdin_lines(lambda: holder[0].prompt() if holder else "> ")
    else:
        lines = _piped_lines()
    app, console = build_console(settings, lines, write, None, echo=not terminal)
    holder.append(console)
    return await _serve(app, console)


def stdin_script() -> list[str] | None:
    return None if sys.stdin.isatty() else sys.stdin.read().splitlines()
