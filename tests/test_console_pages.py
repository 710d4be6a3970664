"""Public meetup pages in the console (issue #17), as `tweetup console < script` runs it."""

from __future__ import annotations

import re

from adapters.console import run_console
from bot.config import Settings, WebSettings

PAGE = re.compile(r"https://meet\.example\.org/m/[A-Za-z0-9]{22}")


async def _run(settings: Settings, script: str) -> str:
    out: list[str] = []
    assert await run_console(settings, script=script.splitlines(), write=out.append) == 0
    return "\n".join(out)


async def test_the_issues_spelling_is_refused_with_the_option_to_type() -> None:
    out = await _run(Settings(), "/meetup settings public_pages:on\n")
    assert "Did you mean `public-pages:`?" in out


async def test_pages_on_in_the_console_link_the_page_on_the_card_and_confirmation() -> None:
    settings = Settings(web=WebSettings("127.0.0.1", 0, "https://meet.example.org"))
    out = await _run(settings, (
        "/meetup settings public-pages:on invite:https://discord.gg/tweetup\n"
        '/meetup propose title:Tea city:Berlin when:"2030-01-11 19:00"\n'
    ))
    assert "public pages: on, linked on each meetup's card" in out
    assert "invite link https://discord.gg/tweetup" in out
    links = set(PAGE.findall(out))
    assert len(links) == 1 and "Its public page, to share anywhere" in out
