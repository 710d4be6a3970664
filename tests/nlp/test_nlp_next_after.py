"""A "next ..." right after a city the speaker is "in" is a coming stay, not a home; where
its days are written past reading ("next wek", "nxt wknd") nothing is stated. Found when the
pre-filter stopped hiding misspelt cities beside intent words (issue 14)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.lang import en
from bot.nlp.statements import read

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("America/Chicago"))


@pytest.mark.parametrize(
    ("after", "matches"),
    [
        (" next wek for the offsite", True),
        (" nxt wknd", True),
        (", next wk", True),
        (" next to the station", False),
        (" next door to my mum", False),
        (" and next", False),
    ],
)
def test_next_after_table(after: str, matches: bool) -> None:
    assert (en.NEXT_AFTER.match(after) is not None) is matches


@pytest.mark.parametrize(
    "text",
    [
        "Im in Barcleona next wek for the offsite, any food recs?",
        "I'm in Oslo next wknd",
        "im in Leeds nxt wk for work",
        "we're in Porto next wkend!",
    ],
)
def test_a_coming_stay_with_unreadable_days_is_no_home(text: str) -> None:
    assert not [s for s in read(text, now=NOW) if s.kind == "home"], text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I'm in Leeds next to the station", "home"),
        ("I live in Leeds next wknd in Paris", "home"),  # "live": a home whatever follows
        ("I'm in Leeds next week", "trip"),
        ("we're in Lyon nxt month", "trip"),
    ],
)
def test_homes_and_readable_trips_stay(text: str, kind: str) -> None:
    assert [s.kind for s in read(text, now=NOW)][:1] == [kind], text
