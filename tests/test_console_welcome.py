"""First-timers, a door buddy and the next meetup on the console, as `tweetup console <
script` runs it: the greeter learns the first-timer's name only after accepting, the day
before brings "what to expect" and the organizer's list, and "Propose the next one" prompts
with the last meetup's title, city, venue and a date four weeks later."""

from __future__ import annotations

from adapters.console import run_console
from bot.config import Settings

SCRIPT = """\
/meetup propose title:"Board games" city:Berlin when:"fri 7pm" venue:"Cafe Lux" \
find-us:"yellow umbrella"
/as bob
/meetup greeter on
/click 1
/as carol
/click 1
/click 1
/click 1
/as bob
/dm
/click 1
/as carol
/clock +4d
/dm
/click 1
/as alice
/channel general
/clock +1d
/as carol
/click 1
/as alice
/click 5
/click 4





"""


async def test_a_first_timer_a_greeter_and_the_next_meetup_on_the_console() -> None:
    out: list[str] = []
    assert await run_console(Settings(), script=SCRIPT.splitlines(), write=out.append) == 0
    text = "\n".join(out)
    assert "Find us: yellow umbrella" in text  # on the card
    assert "(only carol sees this) Tweetup: You're going to #1" in text
    assert "[1] It's my first one" in text
    ask = text.index("(DM to bob) Tweetup: == Could you meet a first-timer at Board games? ==")
    intro = text.index("(DM to carol) Tweetup: == Someone will meet you at Board games ==")
    assert "carol" not in text[ask:text.index("\n  [1]", ask)]  # no name in the ask
    assert ask < intro
    assert "@bob will meet you at the door" in text
    assert "@carol is looking forward to meeting you at the door" in text
    assert "(DM to carol) Tweetup: == What to expect at Board games ==" in text
    assert "1 first-timer (who'd rather not be named)" in text
    assert "(DM to alice) Tweetup: @carol is running a little late to #1 Board games" in text
    assert "Would you come again?" in text
    assert "(only carol sees this) Tweetup: Thanks! Noted: yes." in text
    assert "Yes, 0 maybe" not in text and "1 yes, 0 maybe, 0 probably not" in text
    assert "Title [Enter keeps: Board games]" in text
    assert "City [Enter keeps: Berlin, DE]" in text
    assert "[Enter keeps: 2030-02-08 19:00+01:00]" in text
    assert "Venue [optional] [Enter keeps: Cafe Lux]" in text
    assert "== #2 · Board games ==" in text  # Enter five times: the prefilled one
    assert "Proposed #2 Board games in Berlin, DE for Fri 08 Feb 2030 19:00 CET" in text
