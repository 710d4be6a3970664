"""What a scenario needs from a platform: a member sends a command, clicks a button, fills in
a form or says something; a test reads what a member saw privately, what a DM said and what is
on a card or in the channel; the clock moves. One small class per platform implements it
(docs/testing.md, "Scenario drivers"); every step returns once the bot has answered.

Members are named by the scenario ("alice", "bob", ...; alice is an admin); each driver maps
them to its platform's users. Texts are what the platform shows, so assertions go through
`has`, which ignores case, spacing and markdown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Protocol

MEMBERS = ("alice", "bob", "carol", "dave")
ADMIN = "alice"

Target = int | str | None
"""Where a button is: an int is the card of that meetup (in the channel); a str is the newest
channel post containing that text; None is the newest message only this member sees (a
private reply or a DM) that has the button."""


class ChatDriver(Protocol):
    name: str
    """The platform (a test id)."""
    start: datetime
    """The simulated clock's start."""
    web_url: str | None
    """The bot's web server on 127.0.0.1 (its public address is `base_url` given to the
    driver's factory); None without one."""

    async def command(self, user: str, name: str, **options: str) -> None:
        """`/meetup <name> key:value ...` typed by `user` in the channel."""

    async def click(self, user: str, label: str, on: Target = None) -> None:
        """`user` presses the button labelled `label` (see `Target`)."""

    async def submit(self, user: str, values: Mapping[str, str]) -> None:
        """`user` fills in the form the bot opened for them and sends it (fields not given
        are left empty)."""

    async def say(self, user: str, text: str) -> None:
        """`user` writes `text` in the channel."""

    def private(self, user: str) -> list[str]:
        """Everything only `user` saw (private replies and DMs), oldest first."""

    def dms(self, user: str) -> list[str]:
        """The bot's direct messages to `user`, oldest first."""

    def card(self, meetup: int) -> str:
        """The meetup's card in the channel as it is now."""

    def posts(self) -> list[str]:
        """The bot's messages in the channel (everyone sees them), oldest first."""

    async def advance(self, delta: timedelta) -> None:
        """Move the clock; returns once what fell due was delivered."""


_NOISE = re.compile(r"[\s*_`~:]+")


def squash(text: str) -> str:
    """Lower case without spaces, colons or markdown: "*Going:* 2 / 2" -> "going2/2"."""
    return _NOISE.sub("", text.lower())


def has(text: str, *phrases: str) -> bool:
    """Every phrase is in `text`, ignoring case, spacing and markdown.

    >>> has("*Going:* 2 / 2", "going: 2/2")
    True
    """
    return all(squash(p) in squash(text) for p in phrases)


def is_card_title(title: str, meetup: int) -> bool:
    """The title of the meetup's card (not of an announcement about it).

    >>> is_card_title("CANCELLED · #1 · Tea", 1), is_card_title("Date set for #1 · Tea", 1)
    (True, False)
    """
    return title.removeprefix("CANCELLED · ").startswith(f"#{meetup} ·")


def last_with(texts: list[str], phrase: str) -> str:
    """The newest text that has `phrase`."""
    found = [t for t in texts if has(t, phrase)]
    assert found, f"nothing with {phrase!r} in {texts!r}"
    return found[-1]
