"""`/meetup calendar` in the console (issue #16), as `tweetup console < script` runs it."""

from __future__ import annotations

import re

from adapters.console import run_console
from bot.config import Settings, WebSettings

FEED = re.compile(r"https://cal\.example\.org/calendar/[A-Za-z0-9_-]+\.ics")


async def _run(settings: Settings, script: str) -> str:
    out: list[str] = []
    assert await run_console(settings, script=script.splitlines(), write=out.append) == 0
    return "\n".join(out)


async def test_calendar_in_the_console_dms_links_and_reset_makes_new_ones() -> None:
    settings = Settings(web=WebSettings("127.0.0.1", 0, "https://cal.example.org"))
    out = await _run(settings, "/meetup calendar\n/dm\n/click 1\n")
    assert "calendar links by DM" in out and "Your Tweetup calendar" in out
    assert "webcal://cal.example.org/calendar/" in out and "Reset my link" in out
    links = list(dict.fromkeys(FEED.findall(out)))
    # alice's link, the community's, then alice's new one after the reset
    assert len(links) == 3 and "old link no longer works" in out


async def test_calendar_in_the_console_without_web_says_how_to_turn_it_on() -> None:
    out = await _run(Settings(), "/meetup calendar\n")
    assert "not switched on" in out and "[web]" in out
