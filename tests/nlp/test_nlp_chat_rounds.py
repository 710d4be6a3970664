"""The fresh rounds of chat messages (tests/nlp/chat_rounds.py) read through ``read``: each
message gives exactly its author's statements, and the pre-filter hides none of them.

The few messages still misread are marked ``xfail(strict=True)`` with the class they show
and the module that owns the fix (a fix makes the mark fail, so it must then be removed).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.nlp.statements import _read, might_matter, read
from tests.nlp.chat_rounds import (
    ROUND1,
    ROUND2,
    ROUND3,
    ROUND4,
    ROUND5,
    ROUND6,
    ROUND7,
    ROUND9,
    Case,
    Row,
)

# Messages still misread, by text: why, and where the fix belongs.
NOT_YET = {
    "Mumbai → Pune tomorrow, back Tuesday": (
        "two cities joined by an arrow read as an itinerary, where the first is where the "
        "speaker sets off from (which of the two the arrow means is open)"
    ),
}


def _rows(text: str, now: datetime) -> list[Row]:
    return [
        (s.kind, s.city.name if s.city else None, s.first_day, s.last_day)
        for s in read(text, now=now)
    ]


def _params(cases: list[Case]) -> list[object]:
    return [
        pytest.param(
            now,
            text,
            expected,
            marks=[pytest.mark.xfail(strict=True, reason=NOT_YET[text])] if text in NOT_YET else [],
            id=text[:60],
        )
        for now, text, expected in cases
    ]


def _norm(row: Row) -> Row:
    """An intent's city is scored apart (as the dev set's scorer does): kind only here."""
    return ("intent", None, None, None) if row[0] == "intent" else row


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    _params(ROUND1 + ROUND2 + ROUND3 + ROUND4 + ROUND5 + ROUND6 + ROUND7 + ROUND9),
)
def test_a_fresh_message_gives_its_authors_statements(
    now: datetime, text: str, expected: list[Row]
) -> None:
    got = _rows(text, now)
    assert sorted(map(_norm, got), key=repr) == sorted(map(_norm, expected), key=repr), text
    assert bool(_read(text, now)) <= might_matter(text), text


def test_an_intent_names_the_city_its_proposal_names() -> None:
    now = ROUND1[0][0]
    assert _rows("any Chicago people up for a meetup in Sept?", now) == [
        ("intent", "Chicago", None, None)
    ]
    assert _rows("who's around Bengaluru for chai this weekend?", now) == [
        ("intent", "Bengaluru", None, None)
    ]


NOW = ROUND1[2][0]  # Tue 2027-02-16, Melbourne


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # later legs of a dated list may be common words or first names
        (
            "Italy: Rome 3–5 March, Florence 6–8, Venice 9–12",
            [
                ("Rome", "03-03", "03-05"),
                ("Florence", "03-06", "03-08"),
                ("Venice", "03-09", "03-12"),
            ],
        ),
        (
            "Sydney 2–4 March, then Wellington 5–7",
            [("Sydney", "03-02", "03-04"), ("Wellington", "03-05", "03-07")],
        ),
        # an arrow chain shares the one range after it
        (
            "Rome → Florence → Venice, 3–12 March",
            [
                ("Rome", "03-03", "03-12"),
                ("Florence", "03-03", "03-12"),
                ("Venice", "03-03", "03-12"),
            ],
        ),
        # bare day ranges listed before the one that names the month
        (
            "Perth, then Adelaide: 27–28, 1–3 March",
            [("Perth", "02-27", "02-28"), ("Adelaide", "03-01", "03-03")],
        ),
        # an arrival weekday starts a stay "til" a day
        ("arriving in Adelaide fri arvo, in town till mon", [("Adelaide", "02-19", "02-22")]),
    ],
)
def test_trip_lists_and_stays(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [
        (s.city.name, s.first_day.strftime("%m-%d"), s.last_day.strftime("%m-%d"))
        for s in read(text, now=NOW)
        if s.kind == "trip" and s.city and s.first_day and s.last_day
    ]
    assert got == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Florence on the 4th said she'd cover my shift",  # a first name before a date
        "Reading 3-4 chapters a night lately",  # a common word before digits
        "Nice 7-9 score on that review",
        "request -> response -> Done in 3-4 ms",
        "Austin next week will demo the new build",
    ],
)
def test_names_before_dates_that_are_no_places(text: str) -> None:
    assert read(text, now=NOW) == [], text


def _all_rows(text: str) -> list[Row]:
    return [_norm(r) for r in _rows(text, NOW)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trip's days in the next sentence when that sentence is nothing but dates
        (
            "heading to Oslo. Wed to Fri",
            [("trip", "Oslo", date(2027, 2, 17), date(2027, 2, 19))],
        ),
        (
            "Sydney... no wait, Newcastle, I keep mixing them up. Friday to Sunday",
            [("trip", "Newcastle", date(2027, 2, 19), date(2027, 2, 21))],
        ),
        # "ping me if you're around" beside a trip is an intent, alone it is nothing
        (
            "in Geelong next week, ping me if you're around",
            [
                ("trip", "Geelong", date(2027, 2, 22), date(2027, 2, 28)),
                ("intent", None, None, None),
            ],
        ),
        (
            "landing in Cairns tomorrow, dm me if you're free",
            [
                ("trip", "Cairns", date(2027, 2, 17), date(2027, 2, 17)),
                ("intent", None, None, None),
            ],
        ),
        ("ping me if you're around, the PR needs a second pair of eyes", []),
        ("heading to the shops. Wed to Fri is busy anyway", []),
    ],
)
def test_days_in_the_next_sentence_and_ping_me(text: str, expected: list[Row]) -> None:
    assert _all_rows(text) == expected, text
