"""`tweetup demo`: a scripted story of the whole flow on a simulated clock. The community runs
on New York time (`timezone:EST`); its Portland meetup is shown in Portland's time (PST).
It ends with a monthly series (every first Thursday): bob always comes, so the next date's
card counts him Going."""

from __future__ import annotations

from collections.abc import Callable

from adapters.console import run_console
from bot.app import Settings

STORY = """\
/meetup help
/meetup settings timezone:EST leads:"1d,2h"
/meetup home city:"Portland, Oregon"
/as bob
/meetup privacy show-name:yes
/meetup home city:"Portland, Oregon"
/as alice
/meetup propose title:"Coffee & code" city:"Portland, Oregon" when:"wed 6pm | thu 6pm | sat 11am" venue:"Heart Coffee" capacity:2 deadline:"tue 9pm"
/click 1
/click 1
/as bob
/click 1
/click 2
/as carol
/click 2
/click 1
/as alice
/meetup close id:1
/click 1
/as bob
/click 1
/as carol
/click 1
/meetup list
/as dave
/click 1
/as bob
/click 3
/as dave
/click 1
/meetup mine
/as alice
/meetup edit id:1 venue:"Case Study Coffee"
/clock +1d
/clock +1d
/clock +10h
/clock +6h
/as bob
/meetup nearby
/as alice
/meetup propose title:"Too late" city:Portland when:"yesterday 7pm"
/meetup propose title:"Bad capacity" city:"Portland, Oregon" when:"friday 7pm" capacity:0
/meetup edit id:9 title:"Nope"
/clock +1d
/meetup settings watch:on
/as carol
Just moved, I live in Portland now! Anyone want to meet up?
/click 1
/as dave
/click 1
/as alice
/meetup propose title:"Pub night" city:"Portland, Oregon" when:"thu 7pm" repeat:"every first thursday" venue:"Bailey's Taproom" count:6
/click 1
/as bob
/click 5
/click 1
/clock +29d
/as alice
/meetup series id:3
"""


async def play(settings: Settings, write: Callable[[str], None] = print) -> int:
    return await run_console(settings, script=STORY.splitlines(), write=write)
