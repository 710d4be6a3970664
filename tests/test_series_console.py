"""A series in the console (issue 16): the script a member types, and the demo's series."""

from __future__ import annotations

from adapters.console import demo, run_console
from bot.config import Settings

PROPOSE = '/meetup propose title:"Pub night" city:London when:"2030-01-10 19:00" '
SCRIPT = f"""\
{PROPOSE}repeat:"every blue moon"
{PROPOSE}repeat:"every first thursday" venue:"The Crown"
/click 1
/as bob
/click 5
/click 1
/clock +32d
/as alice
/meetup series id:2 do:skip
"""


async def _run(script: str) -> str:
    out: list[str] = []
    assert await run_console(Settings(), script=script.splitlines(), write=out.append) == 0
    return "\n".join(out)


async def test_a_series_in_the_console() -> None:
    out = await _run(SCRIPT)
    assert "I couldn't read 'every blue moon' as a repeat rule. Try repeat:" in out
    assert ("The next three: Thu 07 Feb 2030 19:00 GMT; Thu 07 Mar 2030 19:00 GMT; "
            "Thu 04 Apr 2030 19:00 BST.") in out
    assert "[1] Create the series  [2] Cancel" in out
    assert "Repeats: every first Thursday of the month" in out
    assert "[5] Series" in out
    assert "(only bob sees this) Tweetup: You always come to Pub night" in out
    # after the first date's follow-up, the second date's card counts bob in
    assert out.index("== How was Pub night? ==") < out.index("== #2 · Pub night ==")
    assert "(DM to bob) Tweetup: You're going to #2 Pub night" in out
    assert "== CANCELLED · #2 · Pub night ==" in out
    assert "(DM to bob) Tweetup: #2 Pub night on Thu 07 Mar 2030 19:00 GMT is skipped" in out
    assert "== #3 · Pub night ==" in out and "Thu 04 Apr 2030 19:00 BST" in out


async def test_the_demo_shows_a_monthly_series() -> None:
    out: list[str] = []
    assert await demo.play(Settings(source="demo"), write=out.append) == 0
    text = "\n".join(out)
    assert "every first Thursday of the month at 19:00 (America/Los_Angeles), 6 times" in text
    assert "== #3 · Pub night ==" in text and "Who's going: @bob" in text
    assert "Thu 04 Apr 2030 19:00 PDT" in text  # the series keeps 19:00 across the change


async def test_the_bare_propose_form_asks_how_it_repeats() -> None:
    out = await _run(
        "/meetup propose\nPub night\nLondon\n2030-01-10 19:00\nThe Crown\nevery blue moon\n"
        "every first thursday\n/click 1\n"
    )
    assert "Repeat (empty: once)" in out
    # an unreadable rule is asked again, with an example; the other answers are kept
    assert "Repeat (empty: once): I couldn't read 'every blue moon' as a repeat rule" in out
    assert "every first Thursday of the month at 19:00 (Europe/London)" in out
    assert "Create it?" in out
    assert "== #1 · Pub night ==" in out and "Repeats: every first Thursday of the month" in out
