"""Classes fixed by chat3, each with several wordings and the hard negatives next to it: a
city's other name in an aside ("Yangon, or Rangoon ..., is home"), later words that cancel
a trip or do not ("..., fingers crossed" is hope; "... not anymore" is off), a US state's
dotted short form ("Cambridge, Mass. next week"), and a framed name near another city
("Victoria based ... Vancouver" is Victoria, BC)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.statements import _read, might_matter, read

# Fri 2026-10-09 18:00 Kolkata: next week is 12-18 Oct.
NOW = datetime(2026, 10, 9, 18, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
Row = tuple[str, str | None, str | None, date | None, date | None]
WEEK = (date(2026, 10, 12), date(2026, 10, 18))


def _rows(text: str) -> list[Row]:
    got = [
        (s.kind, s.city.name if s.city else None, s.city.country_code if s.city else None,
         s.first_day, s.last_day)
        for s in read(text, now=NOW)
    ]  # fmt: skip
    assert bool(_read(text, NOW)) <= might_matter(text), text  # the pre-filter hides nothing
    return got


def H(city: str, cc: str) -> Row:
    return ("home", city, cc, None, None)


def T(city: str, cc: str) -> Row:
    return ("trip", city, cc, *WEEK)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another name of the same city in an aside: the words after the aside are read
        ("Yangon, or Rangoon if you're old school, is home", [H("Yangon", "MM")]),
        ("Kiev, or Kyiv as the signs say, has been home for years", [H("Kyiv", "UA")]),
        ("Istanbul, formerly Constantinople, is home", [H("Istanbul", "TR")]),
        ("Chennai, aka Madras, is home now", [H("Chennai", "IN")]),
        ("Mumbai (formerly Bombay) has been home since 2015", [H("Mumbai", "IN")]),
        # later words that are hope, or a clause about the city, keep the statement
        ("Reykjavik next week, fingers crossed", [T("Reykjavík", "IS")]),
        ("Bucuresti based, traffic is a sport", [H("Bucharest", "RO")]),
        ("Melbs here, four seasons in a day", [H("Melbourne", "AU")]),
        # taking back words with a city after them correct; "never mind the cost" is not one
        ("Chicago next week. nope, scratch that, Mumbai", [T("Mumbai", "IN")]),
        ("Denver next week, never mind the cost", [T("Denver", "US")]),
        # a state's dotted short form names the namesake and ends no sentence
        ("Cambridge, Mass. next week", [T("Cambridge", "US")]),
        ("Portland, Ore. next week", [T("Portland", "US")]),
        ("St. Paul, Minn. next week", [T("Saint Paul", "US")]),
        # a framed name is the namesake near another city named
        ("Victoria based, I take the ferry to Vancouver a lot", [H("Victoria", "CA")]),
    ],
)
def test_statements(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lisbon next week, jk",
        "Denver next week... not anymore",
        "Toronto next week... the trip got cancelled",
        "Hobart next week was the plan, not any more",
        "Toronto next week... scratch that",
        "Hobart next week, never mind",
        "Oslo next week, forget it, too pricey",
        "Goa next week nvm",
        "Kiev, or Kyiv, was on the news again",  # an aside, then a sentence about the city
        "Madras, or Chennai if you prefer, is hot all year",
        "Cambridge, Mass. has the best bookshops",
        "Springfield, Ill. is where Lincoln is buried",
    ],
)
def test_nothing(text: str) -> None:
    assert _rows(text) == []


def test_cambridge_alone_is_still_the_english_one() -> None:
    assert _rows("Cambridge next week") == [T("Cambridge", "GB")]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Springfield, Ill. next week", "IL"),  # Springfield alone is Missouri's
        ("Springfield, Mass. next week", "MA"),
        ("Columbia, Mo. next week", "MO"),  # Columbia alone is South Carolina's
        ("Springfield next week", "MO"),
    ],
)
def test_a_dotted_state_picks_the_namesake(text: str, state: str) -> None:
    got = read(text, now=NOW)
    assert [(s.kind, s.city.country_code, s.city.admin1_code) for s in got if s.city] == [
        ("trip", "US", state)
    ]
