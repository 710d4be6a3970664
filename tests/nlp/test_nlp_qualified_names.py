"""Ambiguous names that context decides (issue 14): a fresh batch written by the lead on
2026-12-07, scored once before its fixes (12 messages, 8 right; misses: a region's name
after a comma read as a city of its own ("London, Ontario next month" gave a trip to
Ontario, California), a qualifier before the words that make a home ("Newcastle NSW local",
"Hyderabad (Sindh, not Telangana) is home"); left: "Frankfurt an der Oder" (a name the
gazetteer does not hold), "Kansas City, Kansas side, born and raised" (two asides)), then
tests of each class in other wordings."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.nlp.statements import read
from tests.nlp.chat_rounds import AUG, FEB, OCT, XMAS


def _homes(now: datetime, text: str) -> list[tuple[str, str, str]]:
    return [
        (s.city.name, s.city.country_code, s.city.admin1_code)
        for s in read(text, now=now)
        if s.kind == "home" and s.city is not None
    ]


@pytest.mark.parametrize(
    "text",
    [
        "moving back to London, Ontario next month",
        "off to Perth, Scotland in march",
        "Springfield, Illinois next week",
    ],
)
def test_a_region_after_a_comma_is_no_city_of_its_own(text: str) -> None:
    got = [s.city.name for s in read(text, now=XMAS) if s.city is not None]
    assert not {"Ontario", "Scotland", "Illinois"} & set(got)


@pytest.mark.parametrize(
    ("now", "text", "home"),
    [
        (FEB, "Newcastle NSW local", ("Newcastle", "AU", "02")),
        (OCT, "Hyderabad (Sindh, not Telangana) is home", ("Hyderabad", "PK", "05")),
        (AUG, "Portland (Maine) native", ("Portland", "US", "ME")),
        (AUG, "Athens, GA resident here", ("Athens", "US", "GA")),
        (FEB, "Perth WA born and bred", ("Perth", "AU", "08")),
    ],
)
def test_a_qualifier_before_the_home_words(
    now: datetime, text: str, home: tuple[str, str, str]
) -> None:
    assert _homes(now, text) == [home]


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("I stay in Whitefield, Bangalore", ("Bengaluru", "IN", "19")),
        ("I live in Whitefield, Manchester", ("Whitefield", "GB", "ENG")),
        ("I live in Salford, Manchester", ("Salford", "GB", "ENG")),
        ("I live in Cambridge, Boston", ("Cambridge", "US", "MA")),
    ],
)
def test_a_small_town_then_a_far_big_city_is_a_district_of_it(
    text: str, home: tuple[str, str, str]
) -> None:
    assert _homes(AUG, text) == [home]
