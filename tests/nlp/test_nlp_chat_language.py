"""How members really talk (issue 14, second round): each class of language in many wordings,
written for these tests (not the dev set's sentences), read through ``statements.read``.

Now is Tuesday 2026-09-08 in London: this weekend is 11-13 Sep, next week 14-20 Sep.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.places import find_places
from bot.nlp.statements import Statement, _read, might_matter, read
from bot.nlp.typos import misspelt_cities, one_edit_apart

NOW = datetime(2026, 9, 8, 11, 0, tzinfo=ZoneInfo("Europe/London"))

Row = tuple[str, str | None, date | None, date | None]


def rows(stmts: list[Statement]) -> list[Row]:
    return [(s.kind, s.city.name if s.city else None, s.first_day, s.last_day) for s in stmts]


def home(city: str) -> Row:
    return ("home", city, None, None)


def trip(city: str, first: tuple[int, int], last: tuple[int, int], year: int = 2026) -> Row:
    return ("trip", city, date(year, *first), date(year, *last))


def intent(city: str | None = None) -> Row:
    return ("intent", city, None, None)


def check(text: str, expected: list[Row]) -> None:
    got = read(text, now=NOW)
    assert rows(got) == expected, text
    # the pre-filter never hides what the grammar reads
    assert bool(_read(text, NOW)) <= might_matter(text), text


def places_of(text: str) -> list[tuple[str, str, str]]:
    return [
        (s.city.name, s.city.country_code, s.city.admin1_code)
        for s in read(text, now=NOW)
        if s.city
    ]


# ---------------------------------------------------------------------------------------
# Nicknames and abbreviations from the curated table (data/city_aliases.tsv)

NICKNAMES = [
    ("just moved to the Bay, still figuring out the fog", [home("San Francisco")]),
    ("chi-town next weekend for a bachelor party", [trip("Chicago", (9, 18), (9, 20))]),
    ("Chi Town here, deep dish defender", [home("Chicago")]),
    ("KC here, bbq opinions welcome", [home("Kansas City")]),
    ("in SLC thursday for a client", [trip("Salt Lake City", (9, 10), (9, 10))]),
    ("slc based, mostly skiing", [home("Salt Lake City")]),
    ("Salt Lake for the weekend 🏔️", [trip("Salt Lake City", (9, 11), (9, 13))]),
    ("NOLA next week for jazz fest", [trip("New Orleans", (9, 14), (9, 20))]),
    ("nola here, come eat beignets", [home("New Orleans")]),
    ("Philly checking in 🔔", [home("Philadelphia")]),
    ("living in Nashvegas these days", [home("Nashville")]),
    ("in the Big Smoke 15th-17th for a conference", [trip("London", (9, 15), (9, 17))]),
    ("Rio from the 20th to the 27th!!", [trip("Rio de Janeiro", (9, 20), (9, 27))]),
    ("longtime lurker from Cluj", [home("Cluj-Napoca")]),
    ("pdx here, it's raining, obviously", [home("Portland")]),
    ("yeah im in atl now, moved in june", [home("Atlanta")]),
    ("bkk for 4 nights from friday", [trip("Bangkok", (9, 11), (9, 15))]),
    ("stl based dev, say hi", [home("St. Louis")]),
]


@pytest.mark.parametrize(("text", "expected"), NICKNAMES)
def test_nicknames_and_abbreviations_are_their_city(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "the bay was calm this morning",
        "we walked along the bay next week maybe",
        "kc and the sunshine band is on tonight",
    ],
)
def test_nickname_words_that_are_no_city_here(text: str) -> None:
    assert read(text, now=NOW) == []


# ---------------------------------------------------------------------------------------
# Typos of long, well-known names, in a statement frame only

TYPOS = [
    ("I'm in Edinbrugh this week, anyone around?", [trip("Edinburgh", (9, 8), (9, 13)), intent()]),
    ("been living in philadelpia for ages", [home("Philadelphia")]),
    ("heading to Barcleona on friday", [trip("Barcelona", (9, 11), (9, 11))]),
    ("just moved to Mancester 🐝", [home("Manchester")]),
    ("I live in Amsterdamm", [home("Amsterdam")]),
    ("flying to Melbuorne next week", [trip("Melbourne", (9, 14), (9, 20))]),
]


@pytest.mark.parametrize(("text", "expected"), TYPOS)
def test_a_misspelt_big_city_in_a_statement_frame(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "in general I'm free next week",
        "I'm in between jobs this week",
        "I'm in Lodnon next week",  # a short name is never guessed
        "Edinbrugh next week",  # no frame before it
        "I'm in meetings all week",
        "we're in trouble next week lol",
        "I'm in progress with the migration, tomorrow maybe",
        "moving to kubernetes next month",
    ],
)
def test_no_typo_is_guessed_outside_the_rule(text: str) -> None:
    assert read(text, now=NOW) == []


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("edinbrugh", "edinburgh", True),  # two letters swapped
        ("philadelpia", "philadelphia", True),  # one missing
        ("amsterdamm", "amsterdam", True),  # one added
        ("mancester", "manchester", True),
        ("melbuorne", "melbourne", True),
        ("barcelona", "barcelona", False),  # the same word is no typo
        ("barcleonaa", "barcelona", False),  # two edits
        ("abxdefg", "aybdefg", False),  # two changes sharing a deletion
    ],
)
def test_one_edit_apart(a: str, b: str, near: bool) -> None:
    assert one_edit_apart(a, b) is near
    assert one_edit_apart(b, a) is near


def test_a_typo_is_found_only_after_a_frame_word() -> None:
    found = misspelt_cities("visiting edinbrugh soon", all_lower=True)
    assert [c.name for _, _, c in found] == ["Edinburgh"]
    assert misspelt_cities("edinbrugh is lovely", all_lower=True) == []


def test_in_a_message_with_capitals_a_typo_must_be_capitalised() -> None:
    assert misspelt_cities("Ok so visiting edinbrugh soon", all_lower=False) == []
    found = misspelt_cities("Ok so visiting Edinbrugh soon", all_lower=False)
    assert [c.name for _, _, c in found] == ["Edinburgh"]


# ---------------------------------------------------------------------------------------
# Intro formats

INTROS = [
    ("quick intro: Sam, backend dev, Leipzig. Into climbing", [home("Leipzig")]),
    ("hi all! I'm Ana — platform eng — Porto", [home("Porto")]),
    ("intro: Kofi, designer, Accra", [home("Accra")]),
    ("Location: Valencia, Spain", [home("Valencia")]),
    ("**Name:** Ines\n**Location:** Lyon\n**Stack:** go", [home("Lyon")]),
    ("introduction time — Ravi, SRE, Hyderabad 👋", [home("Hyderabad")]),
]


@pytest.mark.parametrize(("text", "expected"), INTROS)
def test_intro_formats_state_a_home(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "intro: Mo, ex-Berlin, now Oslo",  # the last item is the home
    ],
)
def test_an_intro_keeps_the_current_home(text: str) -> None:
    assert rows(read(text, now=NOW)) == [home("Oslo")]


# ---------------------------------------------------------------------------------------
# Context picks the namesake

CONTEXT = [
    ("I'm in Portland. Maine, that is, not Oregon", ("Portland", "US", "ME")),
    ("we moved to Hamilton in March — the NZ one", ("Hamilton", "NZ", "G1")),
    ("Valencia (the Spanish one) next week for work", ("Valencia", "ES", "60")),
    ("Cambridge based (Massachusetts, not England)", ("Cambridge", "US", "MA")),
    ("we're in Arlington, Virginia side", ("Arlington", "US", "VA")),
    ("KC here, Kansas side of the line", ("Kansas City", "US", "KS")),
    ("Perth here... Scotland, not Australia", ("Perth", "GB", "SCT")),
    ("I live in Richmond - not the Virginia one, the BC one", ("Richmond", "CA", "02")),
]


@pytest.mark.parametrize(("text", "city"), CONTEXT)
def test_words_after_the_name_pick_the_namesake(text: str, city: tuple[str, str, str]) -> None:
    assert places_of(text)[:1] == [city], text


def test_a_region_after_the_next_city_is_that_citys() -> None:
    text = "in Portland next week, then Austin, Texas"
    assert places_of(text) == [("Portland", "US", "OR"), ("Austin", "US", "TX")]


# ---------------------------------------------------------------------------------------
# Demonyms: with no other home word, and naming an intent's city

DEMONYMS = [
    ("as a Glaswegian I have opinions about rain", [home("Glasgow")]),
    ("speaking as a Londoner, the tube is fine", [home("London")]),
    ("Dubliner, 5 years in, still love it", [home("Dublin")]),
    ("any Berliners up for a beer friday?", [intent("Berlin")]),
    ("any Melburnians keen for coffee on sunday?", [intent("Melbourne")]),
]


@pytest.mark.parametrize(("text", "expected"), DEMONYMS)
def test_demonyms(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Londoners are the worst drivers",
        "Glaswegian humour is something else",
        "my boss is a Berliner",
        "any updates up for review?",
    ],
)
def test_demonyms_about_others(text: str) -> None:
    assert read(text, now=NOW) == []


# ---------------------------------------------------------------------------------------
# Future moves, returns, hashtags

MOVES = [
    ("moving to Denver in October!", []),
    ("we're relocating to Lisbon next month", []),
    ("officially moving to Leeds in the new year", []),
    ("moved to Denver in March, loving it", [home("Denver")]),
    ("back in #Glasgow next week for my mum's birthday", [trip("Glasgow", (9, 14), (9, 20))]),
    ("back in Cork from the 12th to the 15th", [trip("Cork", (9, 12), (9, 15))]),
]


@pytest.mark.parametrize(("text", "expected"), MOVES)
def test_future_moves_and_returns(text: str, expected: list[Row]) -> None:
    check(text, expected)


# ---------------------------------------------------------------------------------------
# Itineraries: later legs take the month and week of the leg before

LEGS = [
    (
        "Seoul 3-6 Oct, then Busan 7-9",
        [trip("Seoul", (10, 3), (10, 6)), trip("Busan", (10, 7), (10, 9))],
    ),
    (
        "bkk 20th–24th sept, then chiang mai 25th–28th",
        [trip("Bangkok", (9, 20), (9, 24)), trip("Chiang Mai", (9, 25), (9, 28))],
    ),
    (
        "Prague this weekend, then Vienna Mon-Wed after",
        [trip("Prague", (9, 11), (9, 13)), trip("Vienna", (9, 14), (9, 16))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEGS)
def test_itinerary_legs(text: str, expected: list[Row]) -> None:
    check(text, expected)


# ---------------------------------------------------------------------------------------
# The issue's classes, in other wordings

NO_SUBJECT = [
    ("Lisbon all week, then home", [trip("Lisbon", (9, 8), (9, 13))]),
    ("Bergen on Saturday for a christening", [trip("Bergen", (9, 12), (9, 12))]),
    ("finally settled in Leipzig", [home("Leipzig")]),
    ("live in Leeds, commute to York", [home("Leeds")]),
]
MODIFIERS = [
    ("my Dublin trip is 21-23 Sept", [trip("Dublin", (9, 21), (9, 23))]),
    ("Oslo offsite next week, anyone local?", [trip("Oslo", (9, 14), (9, 20))]),
]
OTHER_NAMES = [
    ("living in Bombay, well, Mumbai", [home("Mumbai")]),
    ("Saigon next week for a wedding", [trip("Ho Chi Minh City", (9, 14), (9, 20))]),
    ("based in Koln", [home("Köln")]),
    ("HCMC from friday", [trip("Ho Chi Minh City", (9, 11), (9, 11))]),
]
TRIP_DATES = [
    ("landing in Rome Thursday, flying home Sunday", [trip("Rome", (9, 10), (9, 13))]),
    ("landing Wednesday in Oslo, flying home Saturday", [trip("Oslo", (9, 9), (9, 12))]),
    ("arriving Thursday evening in Rome, leaving Monday", [trip("Rome", (9, 10), (9, 14))]),
    ("Madrid Wed through Fri the week after next", [trip("Madrid", (9, 23), (9, 25))]),
    ("in Madrid Tue to Thu the week after", [trip("Madrid", (9, 15), (9, 17))]),
    ("in Lisbon on the 14th and 15th", [trip("Lisbon", (9, 14), (9, 15))]),
    ("Porto the weekend of the 3rd", [trip("Porto", (10, 2), (10, 4))]),
    ("Vienna early next month", [trip("Vienna", (10, 1), (10, 31))]),
    ("greetings from Tokyo, here till the 20th", [trip("Tokyo", (9, 8), (9, 20))]),
    ("NYC from Dec 29 to Jan 3", [("trip", "New York City", date(2026, 12, 29), date(2027, 1, 3))]),
    ("heading to Krakow 21.-24.9.", [trip("Kraków", (9, 21), (9, 24))]),
    ("in Cork right now until friday", [trip("Cork", (9, 8), (9, 11))]),
    ("Oslo the weekend of the 19th", [trip("Oslo", (9, 18), (9, 20))]),
    ("in Madrid 28/9 - 2/10", [trip("Madrid", (9, 28), (10, 2))]),
]
QUESTIONS = [
    ("anybody else based out of Tampa?", [home("Tampa")]),
    ("originally from Lyon, living in Nice now", [home("Nice")]),
]
INTENTS = [
    ("ramen? anyone??", [intent()]),
    ("who's up for a pint after work thursday", [intent()]),
    ("we oughta grab tacos one of these days", [intent()]),
    ("any Oslo folks up for a meetup?", [intent("Oslo")]),
]
NOT_INTENTS = [
    ("we'll never meet that deadline", []),
    ("lovely to e-meet you all", []),
    ("the sprint planning meeting moved to 3", []),
    ("the picnic last month was a blast", []),
]
NOT_THE_SPEAKER = [
    ("my sister lives in Bristol", []),
    ("was in Chicago last week, great trip", []),
    ("I don't live in Austin anymore", []),
    ("if I were in Rome next week I'd visit you", []),
    ("I'm in Leeds next week — sorry, Bradford", [trip("Bradford", (9, 14), (9, 20))]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    NO_SUBJECT
    + MODIFIERS
    + OTHER_NAMES
    + TRIP_DATES
    + QUESTIONS
    + INTENTS
    + NOT_INTENTS
    + NOT_THE_SPEAKER,
)
def test_the_issues_classes_in_other_words(text: str, expected: list[Row]) -> None:
    check(text, expected)


def test_curated_names_are_found_where_a_city_would_be() -> None:
    found = [
        (p.text, p.city.name if p.city else None)
        for p in find_places("moving from Chi-Town to the Bay")
    ]
    assert found == [("Chi-Town", "Chicago"), ("the Bay", "San Francisco")]


# ---------------------------------------------------------------------------------------
# Replies that give only days, to a quoted trip question

REPLIES = [
    (
        "> who's going to be in Dublin for the summit?\nme! 15th-17th",
        [trip("Dublin", (9, 15), (9, 17))],
    ),
    (
        "> anyone heading to Lisbon for web summit?\nyep, 3-6 Nov",
        [trip("Lisbon", (11, 3), (11, 6))],
    ),
    ("> who else will be in Oslo next week?\nI will, Tue-Thu", [trip("Oslo", (9, 15), (9, 17))]),
    ("> who's going to be in Berlin?\nnot me, sadly", []),
    ("> who's going to be in Berlin on friday?\nmy boss is", []),
    ("> I'll be in Rome 12-14 Sept\nme too!", []),  # the quote is someone else's statement
    ("> who's going to be in Berlin on friday?\nme neither lol", []),
    ("> who's going to be in Berlin on friday?\nnope, not this time", []),
]


@pytest.mark.parametrize(("text", "expected"), REPLIES)
def test_a_reply_that_gives_only_days(text: str, expected: list[Row]) -> None:
    check(text, expected)


# ---------------------------------------------------------------------------------------
# Self-corrections keep the corrected city, near the first one

CORRECTIONS = [
    ("I'm in Leeds next week — sorry, Bradford", [trip("Bradford", (9, 14), (9, 20))]),
    ("I'm in Boston — sorry, Cambridge", [("home", "Cambridge", None, None)]),
    ("Glasgow 15-17 Sept... wait no, Edinburgh", [trip("Edinburgh", (9, 15), (9, 17))]),
]


@pytest.mark.parametrize(("text", "expected"), CORRECTIONS)
def test_self_corrections(text: str, expected: list[Row]) -> None:
    check(text, expected)


def test_a_correction_near_the_first_city_picks_that_namesake() -> None:
    assert places_of("I'm in Boston — sorry, Cambridge") == [("Cambridge", "US", "MA")]


def test_a_past_date_after_the_city_is_no_trip() -> None:
    assert rows(read("I'm in Denver now, moved in July", now=NOW)) == [home("Denver")]
    assert read("in Paris since March", now=NOW) == []


# ---------------------------------------------------------------------------------------
# Frames that make a name a place ("Austin-based", "Location: Santiago")

FRAMED = [
    (
        "Austin-based, but in Denver this weekend",
        [home("Austin"), trip("Denver", (9, 11), (9, 13))],
    ),
    ("Nice-based and loving the sea", [home("Nice")]),
    ("kreuzberg based designer here 👋", [home("Berlin")]),
    ("I'm Frankfurt-based, say hi", [home("Frankfurt am Main")]),
    ("**Location:** Santiago\n**Role:** data", [home("Santiago")]),
    ("home: Porto", [home("Porto")]),
]


@pytest.mark.parametrize(("text", "expected"), FRAMED)
def test_a_frame_makes_a_name_a_place(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "our Berlin-based team is hiring",
        "a Paris-based design studio just launched",
        "mobile-based apps are the future",
        "evidence based medicine, next week's topic",
        "cloud based tools are fine",
        "Reading-based learning works, see you next week",
        "Location: TBD, date: next week",
        "City: not sure yet, maybe next month",
    ],
)
def test_based_that_is_not_the_speakers_home(text: str) -> None:
    assert read(text, now=NOW) == []


# ---------------------------------------------------------------------------------------
# English names GeoNames spells otherwise (curated rows)

EXONYMS = [
    ("living in Ghent now", "Gent"),
    ("in Bruges next week", "Brugge"),
    ("I live in Frankfurt", "Frankfurt am Main"),
    ("heading to Oporto on friday", "Porto"),
    ("Marrakech next week for a wedding", "Marrakesh"),
    ("based in Capetown", "Cape Town"),
    ("visiting Lucerne this weekend", "Luzern"),
]


@pytest.mark.parametrize(("text", "city"), EXONYMS)
def test_english_names_are_their_city(text: str, city: str) -> None:
    assert [s.city.name for s in read(text, now=NOW) if s.city] == [city]


# ---------------------------------------------------------------------------------------
# Trip dates: weekdays that qualify "next week"; intents without a comma


@pytest.mark.parametrize(
    "text",
    [
        "I'm in Oslo next week (Tue–Thu) for a workshop",
        "Oslo next week, Tue to Thu",
        "in Oslo Tue-Thu next week",
    ],
)
def test_weekdays_of_next_week(text: str) -> None:
    assert rows(read(text, now=NOW)) == [trip("Oslo", (9, 15), (9, 17))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leeds here, tacos this friday anyone?", [home("Leeds"), intent()]),
        ("dumplings after work anybody?", [intent()]),
        ("coffee recs anyone?", []),
        ("does the coffee machine work for anyone?", []),
        ("good ramen places anyone?", []),
    ],
)
def test_food_then_anyone(text: str, expected: list[Row]) -> None:
    check(text, expected)


def test_a_correction_does_not_reach_into_the_next_sentence() -> None:
    text = "I'm in Leeds, well, Bradford technically. Leeds folks, pint soon?"
    assert rows(read(text, now=NOW)) == [home("Bradford"), intent("Leeds")]


_ALL_TEXTS = sorted(
    {
        t
        for table in (
            NICKNAMES,
            TYPOS,
            INTROS,
            DEMONYMS,
            MOVES,
            LEGS,
            NO_SUBJECT,
            MODIFIERS,
            OTHER_NAMES,
            TRIP_DATES,
            QUESTIONS,
            INTENTS,
            NOT_THE_SPEAKER,
            REPLIES,
            CORRECTIONS,
            FRAMED,
        )
        for t, _ in table
    }
    | {t for t, _ in CONTEXT}
    | {t for t, _ in EXONYMS}
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "ok so ", "Hey all! ", "(", "**", "`x` ", "lol "]),
    st.sampled_from(_ALL_TEXTS),
    st.sampled_from(["", "!", " 🙂", ")", "\nthanks", " — @sam", " https://example.com/x"]),
    st.sampled_from([str, str.upper, str.lower]),
)
def test_the_prefilter_never_hides_these_statements(
    head: str, text: str, tail: str, case: object
) -> None:
    """Typos, frames, replies, demonyms and corrections pass the pre-filter whatever the
    marks, case and chatter around them (it asks the same functions)."""
    assert callable(case)
    message = case(f"{head}{text}{tail}")
    if _read(message, NOW):
        assert might_matter(message), message


# ---------------------------------------------------------------------------------------
# Separate municipalities next to a big city, and a past date before the city


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I work in Manhattan but I live in Hoboken", [home("Hoboken")]),
        ("moved to Jersey City in the spring", [home("Jersey City")]),
        ("living in Brooklyn", [home("New York City")]),  # a borough is its city
        ("left Boston last year, Denver now", [home("Denver")]),
    ],
)
def test_municipalities_and_boroughs(text: str, expected: list[Row]) -> None:
    check(text, expected)


def test_a_typo_after_a_capitalised_frame_word() -> None:
    assert rows(read("In Edinbrugh next week, any tips?", now=NOW)) == [
        trip("Edinburgh", (9, 14), (9, 20))
    ]
