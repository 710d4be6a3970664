"""Cities in routes and as modifiers, by class (issue 14): a fresh batch written by the lead
on 2026-12-07, scored once before its fixes (20 trips: F1 0.923, 1 false alarm of 5; misses:
a route's destination "Sydney to Canberra on the 20th", a small or first-name city before a
travel noun "my Austin flights"), then tests of each class in other wordings."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.nlp.places import find_places
from bot.nlp.statements import read
from tests.nlp.chat_rounds import (
    AUG,
    FEB,
    JAN,
    MAY,
    NYE,
    OCT,
    XMAS,
    Case,
    H,
    T,
    assert_reads_as,
    statement_rows,
)

BATCH: list[Case] = [
    (
        AUG,
        "Dallas 8–9 Sep, Austin 10th–11th, Houston 12–13",
        [
            T("Dallas", "2026-09-08", "2026-09-09"),
            T("Austin", "2026-09-10", "2026-09-11"),
            T("Houston", "2026-09-12", "2026-09-13"),
        ],
    ),
    (
        MAY,
        "Milan → Bologna → Florence, 7–12 June",
        [
            T("Milan", "2027-06-07", "2027-06-12"),
            T("Bologna", "2027-06-07", "2027-06-12"),
            T("Florence", "2027-06-07", "2027-06-12"),
        ],
    ),
    (
        OCT,
        "Delhi then Agra then Jaipur next week",
        [
            T("Delhi", "2026-10-12", "2026-10-18"),
            T("Agra", "2026-10-12", "2026-10-18"),
            T("Jaipur", "2026-10-12", "2026-10-18"),
        ],
    ),
    (
        FEB,
        "road trip: Sydney to Canberra on the 20th, Melbourne from the 22nd to the 25th",
        [T("Canberra", "2027-02-20", "2027-02-20"), T("Melbourne", "2027-02-22", "2027-02-25")],
    ),
    (
        JAN,
        "Portland feb 3-5 and Seattle feb 6-8",
        [T("Portland", "2027-02-03", "2027-02-05"), T("Seattle", "2027-02-06", "2027-02-08")],
    ),
    (
        XMAS,
        "Belfast for christmas, then Derry 27th to 29th",
        [T("Belfast", "2026-12-25", "2026-12-25"), T("Derry", "2026-12-27", "2026-12-29")],
    ),
    (AUG, "my Denver trip is next week, any food recs?", [T("Denver", "2026-09-07", "2026-09-13")]),
    (OCT, "the Chennai leg of my trip is 14-16 Oct", [T("Chennai", "2026-10-14", "2026-10-16")]),
    (
        MAY,
        "Vienna conference next week, who else is going?",
        [T("Vienna", "2027-05-31", "2027-06-06")],
    ),
    (JAN, "got my Austin flights for the 10th-14th!", [T("Austin", "2027-02-10", "2027-02-14")]),
    (NYE, "booked a Chicago hotel for jan 8-10", [T("Chicago", "2027-01-08", "2027-01-10")]),
    (FEB, "as a Melbourne local I recommend the laneways", [H("Melbourne")]),
    (AUG, "a Chicago native, still here after 30 years", [H("Chicago")]),
    (AUG, "the Dallas office is closed next week", []),
    (OCT, "my boss's Chennai trip is 14-16 Oct", []),
    (JAN, "the Austin flights were cancelled for the 10th", []),
    (FEB, "Melbourne Cup is next week", []),
]  # "Vienna conference next week has great talks lined up" (an event as a subject) is left


_rows = statement_rows


@pytest.mark.parametrize("case", BATCH, ids=[c[1] for c in BATCH])
def test_batch(case: Case) -> None:
    assert_reads_as(case)


@pytest.mark.parametrize(
    ("now", "text", "want"),
    [
        (AUG, "driving Boston to Albany on friday", T("Albany", "2026-09-04", "2026-09-04")),
        (OCT, "taking the train Pune to Mumbai tomorrow", T("Mumbai", "2026-10-10", "2026-10-10")),
        (MAY, "flying Berlin to Lisbon on the 9th", T("Lisbon", "2027-06-09", "2027-06-09")),
        (
            JAN,
            "Seattle to Portland next weekend for a gig",
            T("Portland", "2027-02-05", "2027-02-07"),
        ),
    ],
)
def test_a_route_is_a_trip_to_its_destination(now: datetime, text: str, want: object) -> None:
    assert _rows(now, text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Boston to Albany is a three hour drive",
        "my brother drives Boston to Albany on friday",
        "was flying Berlin to Lisbon last week",
    ],
)
def test_a_route_without_the_speakers_days_is_no_trip(text: str) -> None:
    assert _rows(AUG, text) == []


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("my Austin flights", "Austin"),
        ("the Reno trip", "Reno"),
        ("booked a Savannah hotel", "Savannah"),
        ("a quick Eugene layover", "Eugene"),
    ],
)
def test_a_travel_noun_makes_a_first_name_city_a_place(text: str, city: str) -> None:
    assert [p.city.name for p in find_places(text) if p.city] == [city]


@pytest.mark.parametrize("text", ["Austin said hi", "ask Savannah about it", "Eugene is typing"])
def test_a_first_name_alone_is_no_place(text: str) -> None:
    assert find_places(text) == []


# A first name or a common word opening a dated list is a place when a later leg is one.
@pytest.mark.parametrize(
    ("text", "cities"),
    [
        (
            "Austin 8–9 Sep, San Antonio 10th–11th, Houston 12–13",
            ["Austin", "San Antonio", "Houston"],
        ),
        ("Savannah 3-5 oct, then Atlanta 6-8", ["Savannah", "Atlanta"]),
        ("Reading next week, then Oxford on the 14th", ["Reading", "Oxford"]),
        ("Florence on the 4th, Rome on the 6th", ["Florence", "Rome"]),
    ],
)
def test_a_first_leg_named_like_a_person_is_a_place(text: str, cities: list[str]) -> None:
    assert [s.city.name for s in read(text, now=AUG) if s.city] == cities


@pytest.mark.parametrize(
    "text",
    [
        "Florence on the 4th said she would come",
        "Austin on friday. Dallas is too far",
        "Reading next week's agenda now",
    ],
)
def test_a_first_name_with_dates_alone_is_no_place(text: str) -> None:
    assert [
        s
        for s in read(text, now=AUG)
        if s.city and s.city.name in ("Florence", "Austin", "Reading")
    ] == []
