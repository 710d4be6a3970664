"""Area follows and area roles on the console, as `tweetup console < script` runs them: a
role is a plain label there (issue #16)."""

from __future__ import annotations

from adapters.console import run_console
from bot.config import Settings

SCRIPT = """\
/meetup area-role city:"Portland, Oregon" role:@pdx-crew
/as bob
/meetup follow city:"Portland, Oregon" radius:80
/meetup following
/as alice
/meetup propose title:Pints city:"Portland, Oregon" when:"fri 7pm"
/meetup propose title:Brunch city:Berlin when:"sat 11am"
/as bob
/meetup unfollow city:"Portland, Oregon"
/as carol
/meetup area-role city:Berlin role:@berliners
"""


async def test_follow_and_area_role_on_the_console() -> None:
    out: list[str] = []
    assert await run_console(Settings(), script=SCRIPT.splitlines(), write=out.append) == 0
    text = "\n".join(out)
    assert "will mention @pdx-crew on their card" in text
    assert "You follow Portland, Oregon, US (within 80 km)" in text
    assert "Portland, Oregon, US, within 80 km" in text and "[1] Unfollow Portland" in text
    pints = text.split("== #1 · Pints ==", 1)
    assert len(pints) == 2 and pints[0].rstrip().endswith("@pdx-crew")  # above the card
    assert "(DM to bob) Tweetup: A meetup was proposed in an area you follow: #1 Pints" in text
    brunch = text.split("== #2 · Brunch ==", 1)[0].rsplit("\n", 2)[-2]
    assert "@pdx-crew" not in brunch
    assert "You no longer follow Portland, Oregon, US." in text
    assert "Only admins can attach a role" in text  # carol is no admin here
