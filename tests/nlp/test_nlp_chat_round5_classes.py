"""Classes fixed after chat round 5 (tests/nlp/chat_rounds.py ROUND5), each with wordings of
its own beside the round's and the hard negatives next to it: a home is not vetoed by a
later clause, "X has been home", a demonym alone or with a home elsewhere, the dot of
initials or a title ending no sentence, "sending me to", "who's in <place>?", dishes and
papers named after cities, an apology to a city's people, "my whole life", organising,
food with anyone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.statements import _read, might_matter, read

# Fri 2026-10-09 18:00 Kolkata: next week is 12-18 Oct, this weekend 9-11 Oct.
NOW = datetime(2026, 10, 9, 18, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
Row = tuple[str, str | None, date | None, date | None]


def _rows(text: str) -> list[Row]:
    got = [
        ("intent", None, None, None)
        if s.kind == "intent"
        else (s.kind, s.city.name if s.city else None, s.first_day, s.last_day)
        for s in read(text, now=NOW)
    ]
    assert bool(_read(text, NOW)) <= might_matter(text), text  # the pre-filter hides nothing
    return got


def H(city: str) -> Row:
    return ("home", city, None, None)


def T(city: str, first: str, last: str) -> Row:
    return ("trip", city, date.fromisoformat(first), date.fromisoformat(last))


INTENT: Row = ("intent", None, None, None)
NEXT_WEEK = ("2026-10-12", "2026-10-18")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later clause about the city's weather or traffic does not undo "X based/here"
        ("ATL here, traffic is a personality", [H("Atlanta")]),
        ("NOLA based, the humidity is a lot", [H("New Orleans")]),
        ("Chennai based, the heat is a whole thing", [H("Chennai")]),
        # "X has been home", "X is where I live", "call X home these days"
        ("Oakland has been home for about six years", [H("Oakland")]),
        ("Denver has been my home for a decade", [H("Denver")]),
        ("Palermo Soho is home now", [H("Buenos Aires")]),
        ("Leipzig is where I live, Dresden is where I work", [H("Leipzig")]),
        ("call Bengaluru home these days", [H("Bengaluru")]),
        # a demonym alone as a clause, or with a home elsewhere
        ("Bostonian checking in", [H("Boston")]),
        ("Melburnian checking in 👋", [H("Melbourne")]),
        ("Torontonian for life, sorry not sorry", [H("Toronto")]),
        ("I'm a Glaswegian living in Edinburgh now", [H("Edinburgh")]),
        ("I'm a Bostonian living in LA now", [H("Los Angeles")]),
        ("I'm a Londoner based in Paris these days", [H("Paris")]),
        ("I'm a New Yorker living in Seattle now", [H("Seattle")]),
        ("Glaswegian now living in Edinburgh", [H("Edinburgh")]),
        ("hi! Mumbaikar based in Pune", [H("Pune")]),
        # an apology to a city's people is no self-correction; a correction still is
        ("Manchester here, sorry London folks, the north is better", [H("Manchester")]),
        ("I live in Chicago, sorry New York people", [H("Chicago")]),
        ("I live in Denver, sorry, Boulder", [H("Boulder")]),
        ("I still call it Bombay, sorry 😅 living in Andheri West", [H("Mumbai")]),
        # years there, said as a whole life
        ("been in Calcutta my whole life, proud of it", [H("Kolkata")]),
        ("I've been in Pune my whole life", [H("Pune")]),
        # initials' and titles' dots end no sentence when lower case or a name follows
        ("in L.A. next week", [T("Los Angeles", *NEXT_WEEK)]),
        ("in D.C. next week for a summit", [T("Washington", *NEXT_WEEK)]),
        ("St. Louis next week", [T("St. Louis", *NEXT_WEEK)]),
        ("in Ft. Worth next week", [T("Fort Worth", *NEXT_WEEK)]),
        # someone sends the speaker
        (
            "work is sending me to Boston mid-oct, 15th–18th",
            [T("Boston", "2026-10-15", "2026-10-18")],
        ),
        ("they're flying me out to Denver next week", [T("Denver", *NEXT_WEEK)]),
        # organising, and food with anyone
        ("keen to organise something in Hobart, drinks or a walk?", [INTENT]),
        ("glad to organise a pub night if people want", [INTENT]),
        ("lunch with any Pune folks this week?", [INTENT]),
        ("down for dinner with anyone in Montreal while I'm there", [INTENT]),
        ("who's in for drinks in Leeds?", [INTENT]),
        ("tacos friday, who's in", [INTENT]),
        ("who's in this weekend?", [INTENT]),
    ],
)
def test_round5_statement_classes(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        # asking who is in a place is no proposal
        "who's in Seoul?",
        "who's in Paris this week?",
        "who's in Dublin right now?",
        # dishes, styles and papers named after cities
        "Denver omelette for breakfast today",
        "Chicago-style pizza tonight, fight me",
        "Buffalo wings tomorrow for the game",
        "the Boston Globe piece next week should be good",
        # a past meal, asked or told
        "did you have lunch with anyone from sales?",
        "my sister had lunch with anyone she could find in Paris",
        "had a coffee with anyone yet?",
        # organising something that is no get-together
        "keen to organise the sprint board",
        "happy to organise my notes",
        # "is a" right after the city still makes it the subject
        "Lisbon is a dream in june",
        "Nagpur has been great to us",
        # a demonym of someone else, then where they live
        "a Londoner living in Paris told me",
        "my sister's a Londoner living in Paris",
        # asking where or what a city's people do is no proposal
        "where do people in Brisbane go for brunch?",
        "where do locals in Pune get breakfast?",
        "what do folks in Leeds do for drinks on fridays?",
    ],
)
def test_round5_hard_negatives(text: str) -> None:
    assert _rows(text) == [], text
