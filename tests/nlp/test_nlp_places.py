"""City gazetteer: resolution, autocomplete and mentions in chat lines."""

from __future__ import annotations

import pytest

from bot.nlp.places import (
    City,
    all_cities,
    city_by_id,
    country_of_zone,
    dominant,
    find_places,
    parent_city,
    resolve_city,
    search_cities,
)


def label(c: City | None) -> str | None:
    return c.label if c is not None else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("portland, or", "Portland, Oregon, US"),
        ("Portland, Oregon", "Portland, Oregon, US"),
        ("Portland, Maine, US", "Portland, Maine, US"),
        ("Portland ME", "Portland, Maine, US"),
        ("NYC", "New York City, New York, US"),
        ("new york", "New York City, New York, US"),
        ("SF", "San Francisco, California, US"),
        ("LA", "Los Angeles, California, US"),
        ("Paris", "Paris, FR"),
        ("London", "London, GB"),
        ("Zurich", "Zürich, CH"),
        ("zürich", "Zürich, CH"),
        ("Sao Paulo", "São Paulo, BR"),
        ("Koln", "Köln, DE"),
        ("Cologne", "Köln, DE"),
        ("St. Louis", "St. Louis, Missouri, US"),
        ("Saint Louis, MO", "St. Louis, Missouri, US"),
        ("Toronto, ON", "Toronto, Ontario, CA"),
        ("Berlin", "Berlin, DE"),
        ("geonames:5746545", "Portland, Oregon, US"),
        ("  geonames: 2988507 ", "Paris, FR"),
    ],
)
def test_resolve_city(query: str, expected: str) -> None:
    r = resolve_city(query)
    assert label(r.city) == expected
    assert r.candidates == () and r.suggestions == ()


def test_ambiguous_city_lists_candidates_biggest_first() -> None:
    r = resolve_city("Portland")
    assert r.city is None
    assert [c.label for c in r.candidates[:2]] == ["Portland, Oregon, US", "Portland, Maine, US"]
    r = resolve_city("Springfield")
    assert r.city is None and len(r.candidates) >= 3


def test_prefer_country_breaks_ties() -> None:
    assert label(resolve_city("London", prefer_country="CA").city) is None  # now a real doubt
    r = resolve_city("Vancouver", prefer_country="CA")
    assert label(r.city) == "Vancouver, British Columbia, CA"
    r = resolve_city("Paris", prefer_country="US")
    assert label(r.city) == "Paris, FR"


def test_unknown_names_suggest_close_matches() -> None:
    r = resolve_city("Portlnd")
    assert r.city is None and r.candidates == ()
    assert r.suggestions and r.suggestions[0].name == "Portland"
    r = resolve_city("Amsterdamm")
    assert r.suggestions and r.suggestions[0].name == "Amsterdam"
    for typo, name in [
        ("Seatle", "Seattle"),
        ("Chicgo", "Chicago"),
        ("Zurik", "Zürich"),
        ("Toranto", "Toronto"),
        ("Ortland", "Portland"),
    ]:
        got = resolve_city(typo).suggestions
        assert got and got[0].name == name, typo
    assert resolve_city("") == resolve_city("   ")
    assert resolve_city("geonames:1").city is None


def test_city_fields() -> None:
    c = city_by_id(5746545)
    assert c is not None
    assert (c.name, c.country_code, c.admin1_code, c.admin1_name) == (
        "Portland",
        "US",
        "OR",
        "Oregon",
    )
    assert c.timezone == "America/Los_Angeles"
    assert 45 < c.latitude < 46 and -123 < c.longitude < -122
    assert c.population > 500_000
    assert city_by_id(-1) is None


def test_search_cities_prefix_biggest_first() -> None:
    got = search_cities("port")
    assert got and all(c.name.lower().startswith("port") for c in got)
    assert [c.population for c in got] == sorted((c.population for c in got), reverse=True)
    assert len(search_cities("s", limit=25)) == 25
    assert search_cities("") == []
    assert search_cities("zzzzzz") == []
    assert search_cities("zur")[0].name == "Zürich"


def test_neighbourhoods_have_parents() -> None:
    brooklyn = resolve_city("Brooklyn").city
    assert brooklyn is not None
    assert parent_city(brooklyn).name == "New York City"
    paris = resolve_city("Paris").city
    assert paris is not None and parent_city(paris) == paris


# chat line -> [(surface text, city label or region code)]
MENTIONS = [
    ("I live in Portland", [("Portland", "Portland, Oregon, US")]),
    ("Heading to NYC next week", [("NYC", "New York City, New York, US")]),
    ("anyone else in Berlin?", [("Berlin", "Berlin, DE")]),
    ("we met in Austin, TX last year", [("Austin", "Austin, Texas, US")]),
    ("portland, maine is lovely", [("portland", "Portland, Maine, US")]),
    ("Zürich is lovely in June", [("Zürich", "Zürich, CH")]),
    ("flying from São Paulo to Lisbon", [("São Paulo", "São Paulo, BR"), ("Lisbon", "Lisbon, PT")]),
    ("I moved to Reading last year", [("Reading", "Reading, GB")]),
    ("I'm from Texas", [("Texas", "US-TX")]),
    (
        "Going to new york and Washington DC",
        [
            ("new york", "New York City, New York, US"),
            ("Washington DC", "Washington, District of Columbia, US"),
        ],
    ),
    ("Greetings from Salt Lake City!", [("Salt Lake City", "Salt Lake City, Utah, US")]),
    ("Moving to the Netherlands", [("the Netherlands", "NL")]),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_find_places(text: str, expected: list[tuple[str, str]]) -> None:
    got = find_places(text)
    assert [(m.text, m.city.label if m.city else m.region) for m in got] == expected
    for m in got:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "Nice to meet you",
        "Nice work!",
        "Reading this now",
        "Mobile app is broken again",
        "Of course",
        "Of course I will",
        "Paris Hilton was on TV",
        "Chicago Bulls won last night",
        "Austin said he would come",
        "Madrid vs Barcelona tonight",
        "Jackson wrote the patch",
        "Victoria and Charlotte are coming",
        "see https://london.example.com/paris",
        "ping @Austin about it",
        "Mr Lincoln",
        "Split the bill?",
        "Bath time",
        "Deal with it",
        "Police are here",
        "Independence day",
        "We had a Temple run",
        "Orange is the new black",
        "Best day ever",
        "Most people agree",
        "Normal stuff",
        "Surprise!",
        "Sale ends soon",
        "Man, that was close",
        "the bay was calm",
    ],
)
def test_find_places_hard_negatives(text: str) -> None:
    assert [m.text for m in find_places(text) if m.city is not None] == []


def test_ambiguous_mentions_pick_the_likely_city() -> None:
    (m,) = find_places("visiting Portland soon")
    assert m.city is not None and m.city.admin1_code == "OR"
    (m,) = find_places("visiting Portland, Maine soon")
    assert m.city is not None and m.city.admin1_code == "ME"
    (m,) = find_places("I'm in London", prefer_country="CA")
    assert m.city is not None and m.city.country_code == "GB"


def test_all_cities_is_the_whole_gazetteer_biggest_first() -> None:
    cities = all_cities()
    assert len(cities) > 30_000
    assert cities[0].population >= cities[-1].population
    assert all_cities() is cities
    assert city_by_id(cities[5].id) == cities[5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("London, Ontario represent", "London, Ontario, CA"),
        ("I live in London ON", "London, Ontario, CA"),
        ("Perth, WA is hot today", "Perth, Western Australia, AU"),
        ("Sydney NSW", "Sydney, New South Wales, AU"),
        ("Vancouver, BC", "Vancouver, British Columbia, CA"),
        ("Vancouver WA", "Vancouver, Washington, US"),
        ("Cambridge MA", "Cambridge, Massachusetts, US"),
        ("Birmingham, AL", "Birmingham, Alabama, US"),
        ("Austin TX", "Austin, Texas, US"),
        ("Reading, UK is great", "Reading, GB"),
    ],
)
def test_a_region_after_a_city_picks_the_city(text: str, expected: str) -> None:
    (m,) = find_places(text)
    assert m.city is not None and m.city.label == expected


@pytest.mark.parametrize(
    "text", ["Nice UI", "Reading CSV files", "Austin said hi", "Nice to meet you"]
)
def test_capitals_after_common_words_are_not_regions(text: str) -> None:
    assert find_places(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seattle vs Portland for a weekend trip?", ["Seattle", "Portland"]),
        ("Mexico City is huge", ["Mexico City"]),
        ("I love Jersey City", ["Jersey City"]),
        ("Salt Lake City folks unite", ["Salt Lake City"]),
        ("Cape Town is beautiful", ["Cape Town"]),
        ("Kansas City BBQ is the best", ["Kansas City"]),
        ("Phoenix is so hot", ["Phoenix"]),
        ("Chicago, March 3-5?", ["Chicago"]),
        ("Took the train from Boston to New York", ["Boston", "New York"]),
        ("Las Vegas or Reno?", ["Las Vegas", "Reno"]),
    ],
)
def test_more_city_mentions(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_places(text) if m.city is not None] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Harry Potter and the Order of the Phoenix",
        "The Phoenix project book",
        "Michael Jordan was the GOAT",
        "Victoria Beckham",
        "Washington Post article",
        "Trying the new Reading List feature",
        "Toronto Raptors won",
        "Everton 4 - 1 Wolfsburg tonight",
        "Arsenal trail Dortmund 2 - 0",
        "Manchester City won",
        "Split the PR into two",
        "I ate a hamburger",
    ],
)
def test_more_hard_negatives(text: str) -> None:
    assert [m.text for m in find_places(text) if m.city is not None] == []


# --- one dominance rule for every name ---------------------------------------------------------

DOMINANT = [
    ("Paris", "Paris, FR"),
    ("San Francisco", "San Francisco, California, US"),
    ("London", "London, GB"),
    ("Dublin", "Dublin, IE"),
    ("Santiago", "Santiago, CL"),
    ("Washington", "Washington, District of Columbia, US"),
    ("Birmingham", "Birmingham, GB"),
    ("Oxford", "Oxford, GB"),
    ("Melbourne", "Melbourne, Victoria, AU"),
    ("Lima", "Lima, PE"),
    ("Alexandria", "Alexandria, EG"),
    ("Sydney", "Sydney, New South Wales, AU"),
    ("Perth", "Perth, Western Australia, AU"),
]
COMPARABLE = [
    "Portland",
    "Springfield",
    "Cambridge",
    "Richmond",
    "Columbus",
    "Kansas City",
    "Arlington",
    "Valencia",
    "Hamilton",
    "San Jose",
    "Victoria",
    "Hyderabad",
    "Newcastle",
    "Aurora",
    "Rochester",
    "Albany",
    "Jackson",
    "Olney",
]


@pytest.mark.parametrize(("name", "expected"), DOMINANT)
def test_a_clearly_dominant_namesake_is_taken_and_the_others_offered(
    name: str, expected: str
) -> None:
    r = resolve_city(name)
    assert label(r.city) == expected
    assert r.alternatives, "its namesakes are offered"
    assert all(
        c.name == r.city.name or c.population < r.city.population  # type: ignore[union-attr]
        for c in r.alternatives
    )


@pytest.mark.parametrize("name", COMPARABLE)
def test_comparable_namesakes_are_asked_about(name: str) -> None:
    r = resolve_city(name)
    assert r.city is None and len(r.candidates) >= 2, name
    assert [c.population for c in r.candidates] == sorted(
        (c.population for c in r.candidates), reverse=True
    )


def _city(name: str, cc: str, pop: int, lat: float = 0.0, lon: float = 0.0) -> City:
    return City(hash((name, cc, pop)) % 10**9, name, cc, "", "", lat, lon, "UTC", pop)


def test_the_dominance_rule_in_numbers() -> None:
    big_fr, small_us = _city("X", "FR", 1_000_000), _city("X", "US", 190_000)
    assert dominant([big_fr, small_us]) is big_fr  # abroad: 5.3x is enough
    assert dominant([big_fr, _city("X", "US", 210_000)]) is None  # 4.8x abroad: ask
    same = _city("X", "FR", 60_000)
    assert dominant([big_fr, same]) is None  # 16.7x at home: ask
    assert dominant([big_fr, _city("X", "FR", 40_000)]) is big_fr  # 25x at home
    # in the community's own country a namesake abroad weighs as a domestic one, and x3
    assert dominant([big_fr, small_us], prefer_country="US") is None
    assert dominant([_city("Y", "US", 10_000)]) is not None  # a single match is no doubt


def test_where_members_live_decides_before_population() -> None:
    maine = resolve_city("Portland, Maine").city
    oregon = resolve_city("Portland, Oregon").city
    assert maine is not None and oregon is not None
    r = resolve_city("Portland", homes=(maine,))
    assert r.city == maine and oregon in r.alternatives
    assert resolve_city("Portland", homes=(maine, oregon)).city is None  # both: ask
    boston = resolve_city("Boston").city
    assert boston is not None
    # a home a few kilometres away counts: Cambridge, MA for members living in Boston
    assert label(resolve_city("Cambridge", homes=(boston,)).city) == (
        "Cambridge, Massachusetts, US"
    )


def test_a_small_town_is_not_taken_for_an_unknown_name() -> None:
    r = resolve_city("Atlantis")
    assert r.city is None and r.candidates == ()
    assert [c.label for c in r.suggestions[:1]] == ["Atlantis, ZA"]
    assert label(resolve_city("Atlantis, ZA").city) == "Atlantis, ZA"  # chosen: fine
    cape_town = resolve_city("Cape Town").city
    assert cape_town is not None
    assert label(resolve_city("Atlantis", homes=(cape_town,)).city) == "Atlantis, ZA"
    # a small town in the community's own country is a normal answer
    assert label(resolve_city("Palo Alto", prefer_country="US").city) == (
        "Palo Alto, California, US"
    )
    assert resolve_city("Palo Alto").city is None
    # a small town known far and wide (named in many languages) is what people mean
    assert label(resolve_city("Cannes").city) == "Cannes, FR"
    assert label(resolve_city("Versailles").city) == "Versailles, FR"


def test_a_community_zone_names_its_country() -> None:
    assert country_of_zone("America/Los_Angeles") == "US"
    assert country_of_zone("Europe/Berlin") == "DE"
    assert country_of_zone("America/Toronto") == "CA"
    assert country_of_zone("UTC") is None
