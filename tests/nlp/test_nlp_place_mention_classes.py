"""City mentions in tweets and headlines (issue 14, the Broad Twitter Corpus misses by class):
a name said again, a city before a place noun, lower-case names on a journey or in a tag,
datelines, check-ins, an acronym after a name with a place word. Each class has the
wordings that must stay no place beside it."""

from __future__ import annotations

import pytest

from bot.nlp.places import find_places


def cities(text: str) -> list[tuple[str, str]]:
    """(surface, city label) of every city mention."""
    return [(m.text, m.city.label) for m in find_places(text) if m.city is not None]


# A small town's name alone opens a headline or stands bare; said again with a place word
# in the same message, both are the town.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Timaru flood clean-up begins as families return to homes in Timaru today",
            [("Timaru", "Timaru, NZ"), ("Timaru", "Timaru, NZ")],
        ),
        (
            "Kendal rail works delayed again. Commuters from Kendal face another month of buses",
            [("Kendal", "Kendal, GB"), ("Kendal", "Kendal, GB")],
        ),
        (
            "Dubbo council votes on the new pool; a public meeting in Dubbo follows",
            [("Dubbo", "Dubbo, New South Wales, AU"), ("Dubbo", "Dubbo, New South Wales, AU")],
        ),
    ],
)
def test_a_name_said_again_is_the_same_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert cities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # said once, bare: still no place (a small town's name needs its context)
        "Timaru flood clean-up begins as families return to their homes",
        # a name with a team after it stays the team, though the city is named elsewhere
        "Bendigo fans travelled far, but in Bendigo itself the Bendigo Pioneers lost",
    ],
)
def test_a_name_said_again_keeps_its_vetoes(text: str) -> None:
    found = cities(text)
    assert ("Timaru", "Timaru, NZ") not in found
    if "Bendigo" in text:
        starts = [m.start for m in find_places(text) if m.city is not None]
        assert text.index("Bendigo fans") not in starts
        assert text.index("Bendigo Pioneers") not in starts


def test_paris_hilton_stays_a_person_when_paris_is_named_too() -> None:
    text = "Paris Hilton was spotted at a cafe in Paris yesterday"
    assert [m.start for m in find_places(text) if m.city] == [text.index("Paris yesterday")]


# A city right before a place noun is a place, even after a capitalised company name.
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Northwind Traders Auckland office opens its doors on Monday", "Auckland"),
        ("Contoso Labs Rotterdam branch is hiring two engineers", "Rotterdam"),
        ("weekend results for the Kilkenny clubs are in", "Kilkenny"),
    ],
)
def test_a_city_before_a_place_noun(text: str, surface: str) -> None:
    assert surface in [s for s, _ in cities(text)]


def test_a_name_after_a_capitalised_word_without_a_place_noun_stays_a_name() -> None:
    assert cities("Thanks to Mary Paris for the talk") == []


# Lower-case names in a message that uses capitals: a journey's end or start, a resident.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On our way to galway !! Can't wait", [("galway", "Galway, IE")]),
        ("Greetings from tromso, the Northern Lights were unreal", [("tromso", "Tromsø, NO")]),
        ("Big congrats from a kolding man, well played", [("kolding", "Kolding, DK")]),
    ],
)
def test_lower_case_names_on_a_journey(text: str, expected: list[tuple[str, str]]) -> None:
    assert cities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Just talked to barry about the release, he says Monday",
        "Got a long email from barry today",
        "It was a nice day for a walk",
    ],
)
def test_lower_case_names_people_talk_to_are_no_places(text: str) -> None:
    assert cities(text) == []


# A lower-case hashtag of a big city is that city; a common word's tag is not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sunny skies over #adelaide Saturday morning",
            [("#adelaide", "Adelaide, South Australia, AU")],
        ),
        ("Late night noodles #darwin Wet Season", [("#darwin", "Darwin, Northern Territory, AU")]),
    ],
)
def test_lower_case_city_tags(text: str, expected: list[tuple[str, str]]) -> None:
    assert cities(text) == expected


@pytest.mark.parametrize("text", ["What a view #nice #blessed", "So #reading this weekend"])
def test_lower_case_tags_of_common_words_are_no_places(text: str) -> None:
    assert cities(text) == []


# A headline's dateline: the name opens it, a dash follows.
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Whakatane - A boat has capsized near the harbour entrance", "Whakatane"),
        ("UPDATE: Masterton - Power has been restored to most homes", "Masterton"),
    ],
)
def test_a_dateline_names_a_place(text: str, surface: str) -> None:
    assert [s for s, _ in cities(text)] == [surface]


def test_a_small_towns_name_with_a_dash_inside_a_sentence_is_no_dateline() -> None:
    assert cities("We loved the show by Whakatane - so good") == []


# A check-in: a venue after "@", a dash, then its town.
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Best sardines ever @ Casa Azul - Cascais", "Cascais"),
        ("Soundcheck done @ The Blue Shed – Geraldton", "Geraldton"),
    ],
)
def test_a_check_in_names_its_town(text: str, surface: str) -> None:
    assert [s for s, _ in cities(text)] == [surface]


def test_a_dash_after_a_handle_is_no_check_in() -> None:
    assert cities("thanks @ben - Geraldton Smith wrote the best tune") == []


# An acronym after a small town's name, with a place word before it.
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Nippers training at Mildura SLSC this Sunday", "Mildura"),
        ("Anzac service at Levin RSA was moving", "Levin"),
    ],
)
def test_an_acronym_after_a_town_with_a_place_word(text: str, surface: str) -> None:
    assert [s for s, _ in cities(text)] == [surface]


def test_an_acronym_after_a_bare_town_name_is_still_a_name() -> None:
    assert cities("Mildura SLSC wins the award") == []
