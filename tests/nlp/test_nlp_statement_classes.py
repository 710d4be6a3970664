"""The classes of chat language the watcher reads (issue 14), each in many wordings.

Now is Wednesday 2026-03-04 in Chicago: this weekend is 6-8 March, next week 9-15 March.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.lang import en
from bot.nlp.statements import Statement, _read, might_matter, read

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("America/Chicago"))

Row = tuple[str, str | None, date | None, date | None]


def rows(stmts: list[Statement]) -> list[Row]:
    return [(s.kind, s.city.name if s.city else None, s.first_day, s.last_day) for s in stmts]


def home(city: str) -> Row:
    return ("home", city, None, None)


def trip(city: str, first: tuple[int, int], last: tuple[int, int], year: int = 2026) -> Row:
    return ("trip", city, date(year, *first), date(year, *last))


INTENT: Row = ("intent", None, None, None)


def check(text: str, expected: list[Row]) -> None:
    got = read(text, now=NOW)
    assert rows(got) == expected, text
    assert bool(got) <= might_matter(text)


NO_SUBJECT = [
    ("Glasgow tomorrow, then home", [trip("Glasgow", (3, 5), (3, 5))]),
    ("Gothenburg in July for a wedding", [trip("Gothenburg", (7, 1), (7, 31))]),
    ("finally relocated to Porto 🎉", [home("Porto")]),
    ("live in Bristol, work in Bath", [home("Bristol")]),
    ("Munich on Saturday for a wedding", [trip("Munich", (3, 7), (3, 7))]),
    ("Valencia 12-15 March, can't wait", [trip("Valencia", (3, 12), (3, 15))]),
    ("living in Leipzig these days", [home("Leipzig")]),
    ("based out of Tampa", [home("Tampa")]),
    ("just moved to Lisbon with the cat", [home("Lisbon")]),
    ("Edinburgh next week for a conference", [trip("Edinburgh", (3, 9), (3, 15))]),
]


@pytest.mark.parametrize(("text", "expected"), NO_SUBJECT)
def test_no_subject_before_the_city(text: str, expected: list[Row]) -> None:
    check(text, expected)


MODIFIERS_AND_LISTS = [
    ("my Tulsa trip is March 20-22", [trip("Tulsa", (3, 20), (3, 22))]),
    ("Tulsa trip booked for March 20-22!", [trip("Tulsa", (3, 20), (3, 22))]),
    (
        "Lyon 10-12 April, Marseille 13-15, Toulon 16-18",
        [
            trip("Lyon", (4, 10), (4, 12)),
            trip("Marseille", (4, 13), (4, 15)),
            trip("Toulon", (4, 16), (4, 18)),
        ],
    ),
    (
        "I'll be in Oslo 3-5 May and Bergen 6-8",
        [trip("Oslo", (5, 3), (5, 5)), trip("Bergen", (5, 6), (5, 8))],
    ),
    (
        "Bangkok until Friday, then Singapore from Saturday till the 12th",
        [trip("Bangkok", (3, 4), (3, 6)), trip("Singapore", (3, 7), (3, 12))],
    ),
    (
        "Denver → Phoenix → Dallas, 3/20–3/22, 3/23–3/24, 3/25–3/27",
        [
            trip("Denver", (3, 20), (3, 22)),
            trip("Phoenix", (3, 23), (3, 24)),
            trip("Dallas", (3, 25), (3, 27)),
        ],
    ),
    (
        "road trip: Seattle, Portland, Boise 3/6-3/8, 3/9-3/10, 3/11-3/12",
        [
            trip("Seattle", (3, 6), (3, 8)),
            trip("Portland", (3, 9), (3, 10)),
            trip("Boise", (3, 11), (3, 12)),
        ],
    ),
    ("the Richmond office is nice", []),
    ("Chicago-style pizza is overrated", []),
]


@pytest.mark.parametrize(("text", "expected"), MODIFIERS_AND_LISTS)
def test_the_city_as_a_modifier_or_in_a_list(text: str, expected: list[Row]) -> None:
    check(text, expected)


QUESTIONS_AND_ASIDES = [
    ("is anybody else here based out of Tampa?", [home("Tampa")]),
    ("anyone else in Nottingham?", [home("Nottingham")]),
    ("any other Brisbane people lurking?", [home("Brisbane")]),
    ("Toronto here, anyone around?", [home("Toronto"), INTENT]),
    ("originally from Lyon, living in Nice now", [home("Nice")]),
    ("born in Chennai but based in Pune these days", [home("Pune")]),
    ("grew up in Cork, Galway now", [home("Galway")]),
    ("is anybody here from Osaka?", []),
    ("anyone else in Bristol? we should do a pub thing", [home("Bristol"), INTENT]),
    ("where's everyone based? I'm curious", []),
]


@pytest.mark.parametrize(("text", "expected"), QUESTIONS_AND_ASIDES)
def test_questions_and_asides_still_state_things(text: str, expected: list[Row]) -> None:
    check(text, expected)


INTENTS = [
    "we oughta get dumplings one of these days",
    "who's free for a pint after work friday",
    "ramen? anyone??",
    "it'd be fun to put usernames to faces",
    "pizza on friday, anyone?",
    "tacos at my place on saturday, all welcome",
    "let's grab a coffee next week",
    "would love to meet some of you in person",
    "anyone up for a hike this weekend?",
    "beers after work thursday?",
    "down to hang in person if anyone's nearby",
    "fancy a pint later?",
    "who wants to grab a table at the pub after the talk?",
    "anyone want to cowork from a cafe on friday?",
    "if anyone's around let's get tapas",
    "this group should do a hike sometime",
]


@pytest.mark.parametrize("text", INTENTS)
def test_intents_worded_many_ways(text: str) -> None:
    check(text, [INTENT])


def test_an_intent_with_a_city_carries_it() -> None:
    check("any Oslo people up for a meetup?", [("intent", "Oslo", None, None)])
    check("Manchester folks — curry on the 20th?", [("intent", "Manchester", None, None)])


NOT_INTENTS = [
    "we'll never meet that SLA",
    "pleasure to e-meet you all",
    "the sprint planning meeting is at 10",
    "the potluck two weeks ago was a blast",
    "let's meet the deadline first",
    "quick zoom call to sync on the meetup?",
    "the meetup photos are up",
    "let's meet our Q3 targets first",
    "the bot keeps suggesting meetups, how do I turn that off?",
]


@pytest.mark.parametrize("text", NOT_INTENTS)
def test_not_intents(text: str) -> None:
    check(text, [])


NOT_THE_SPEAKER_NOT_NOW = [
    ("my sister lives in Leeds", []),
    ("he moved to Boise last year", []),
    ("he's from Denver, moved to Boise last year", []),
    ("my cousin is visiting Dallas next week", []),
    ("I was in Chicago last week", []),
    ("I don't live in Austin anymore", []),
    ("if I moved to Lisbon I'd surf daily", []),
    ("might be in Rome in June, depends on my boss", []),
    ("I'm in Lagos next week... just kidding", []),
    ("my Berlin trip got cancelled", []),
    ("assuming the visa comes through, Taipei in July", []),
    ("I'm in Boston, sorry, Cambridge", [home("Cambridge")]),
    ("Nashville 12-14 March... wait no, Memphis", [trip("Memphis", (3, 12), (3, 14))]),
    ("visiting my parents in Cleveland next week", [trip("Cleveland", (3, 9), (3, 15))]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_THE_SPEAKER_NOT_NOW)
def test_not_the_speaker_not_now(text: str, expected: list[Row]) -> None:
    check(text, expected)


TRIP_DATES = [
    ("landing in Madrid Thursday, flying home Saturday", [trip("Madrid", (3, 5), (3, 7))]),
    ("in Dublin Thursday and Friday", [trip("Dublin", (3, 5), (3, 6))]),
    ("I'm in Madrid tue–thu next week", [trip("Madrid", (3, 10), (3, 12))]),
    ("heading to Brighton the weekend of the 21st", [trip("Brighton", (3, 20), (3, 22))]),
    ("in Seoul the week of the 16th", [trip("Seoul", (3, 16), (3, 22))]),
    ("in Cork right now until Friday", [trip("Cork", (3, 4), (3, 6))]),
    ("greetings from Perth! here till the 20th", [trip("Perth", (3, 4), (3, 20))]),
    ("in Oslo til sat", [trip("Oslo", (3, 4), (3, 7))]),
    ("in town (Seattle) till Sunday, coffee?", [trip("Seattle", (3, 4), (3, 8)), INTENT]),
    ("flying out to Denver tomorrow, back Friday", [trip("Denver", (3, 5), (3, 6))]),
    (
        "Prague 12-15 May then Vienna 16-18",
        [trip("Prague", (5, 12), (5, 15)), trip("Vienna", (5, 16), (5, 18))],
    ),
    ("landing at CPH friday morning, in copenhagen til tue", [trip("Copenhagen", (3, 6), (3, 10))]),
    (
        "workshop in Lisbon 22-24 April, staying on till the 26th",
        [trip("Lisbon", (4, 22), (4, 26))],
    ),
    ("in Denver March 30 - April 2", [trip("Denver", (3, 30), (4, 2))]),
    (
        "I'll be in Vienna Dec 29 - Jan 2",
        [("trip", "Vienna", date(2026, 12, 29), date(2027, 1, 2))],
    ),
    ("Lisbon 14/3 - 18/3 🇵🇹", [trip("Lisbon", (3, 14), (3, 18))]),
    ("I'll be in Berlin 21.-24.3.", [trip("Berlin", (3, 21), (3, 24))]),
    ("3 nights in Prague from Saturday", [trip("Prague", (3, 7), (3, 10))]),
    ("in Mexico City for 10 days starting March 10", [trip("Mexico City", (3, 10), (3, 19))]),
    ("off to Istanbul on Friday for 4 nights", [trip("Istanbul", (3, 6), (3, 10))]),
    ("Rome fri-sun 🍝", [trip("Rome", (3, 6), (3, 8))]),
    ("Porto 3/20-3/22 for work", [trip("Porto", (3, 20), (3, 22))]),
    (
        "conference in Sao Paulo 22-24 March, staying on till the 26th",
        [trip("São Paulo", (3, 22), (3, 26))],
    ),
    ("here in Atlanta all week for a client thing", [trip("Atlanta", (3, 4), (3, 8))]),
    ("here in Oslo it's still light at 11pm", [home("Oslo")]),
    (
        "arriving in Madrid on Thursday and leaving Saturday morning. if the wifi is bad, sorry",
        [trip("Madrid", (3, 5), (3, 7))],
    ),
    (
        "hitting the road to Nashville Friday, staying through Monday",
        [trip("Nashville", (3, 6), (3, 9))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TRIP_DATES)
def test_trip_dates_as_people_write_them(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize("cue", en.INTENT_CUES, ids=lambda c: c.name)
def test_every_intent_cue_declares_the_words_its_examples_hold(cue: en.Cue) -> None:
    """Each cue fits its examples, and each example holds a word the cue says it needs (a
    cue is only searched where the message has one: that keeps the pre-filter sound)."""
    assert cue.examples
    for example in cue.examples:
        assert cue.search(example), (cue.name, example)
        if not cue.beside_a_stay:
            assert en.cue_may_fit(cue, en.Gate.of(example)), (cue.name, example)
            assert en.intent_gate(en.Gate.of(example))


@pytest.mark.parametrize("cue", [en.HOME_BEFORE, en.TRIP_BEFORE], ids=lambda c: c.name)
def test_cue_examples_fit_at_the_end_of_the_clause(cue: en.Cue) -> None:
    for example in cue.examples:
        assert cue.search(" " + example + " "), example


def test_statements_need_the_gate_words() -> None:
    """The gates read and the pre-filter share: no statement without them."""
    for text in ("Paris is lovely", "Denver Broncos", "Tokyo!"):
        assert not en.statement_gate(en.Gate.of(text))
        assert _read(text, NOW) == []


_ALL_CLASS_TEXTS = sorted(
    {
        *(t for t, _ in NO_SUBJECT + MODIFIERS_AND_LISTS + QUESTIONS_AND_ASIDES),
        *(t for t, _ in NOT_THE_SPEAKER_NOT_NOW + TRIP_DATES),
        *INTENTS,
        *NOT_INTENTS,
    }
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "ok so ", "Hey all! ", "(", "**", "lol "]),
    st.sampled_from(_ALL_CLASS_TEXTS),
    st.sampled_from(["", "!", " 🙂", ")", "\nthanks", " — @sam"]),
    st.sampled_from([str, str.upper, str.lower]),
)
def test_the_prefilter_never_hides_a_class_statement(
    head: str, text: str, tail: str, case: object
) -> None:
    """Whatever the grammar reads in these wordings, with marks, case and chatter around
    them, the pre-filter lets through (it asks the grammar's own gates)."""
    assert callable(case)
    message = case(f"{head}{text}{tail}")
    if _read(message, NOW):
        assert might_matter(message), message


# Names the watcher must see (issue 14, names class), each through ``read``.
CITY_THEN_WEEKDAY_RANGE = [
    ("Madrid Tue-Thu next week", [trip("Madrid", (3, 10), (3, 12))]),
    ("Porto Wed-Fri next week, then home", [trip("Porto", (3, 11), (3, 13))]),
    ("Nairobi Thu through Sat", [trip("Nairobi", (3, 5), (3, 7))]),
]
CITY_THEN_CHAT_WORD = [
    ("Hamilton here 👋", [home("Hamilton")]),
    ("Leeds here, just joined", [home("Leeds")]),
    ("hamilton here", [home("Hamilton")]),
    ("any Leeds folks fancy a pint?", [("intent", "Leeds", None, None)]),
    ("Sheffield crew, pints friday?", [("intent", "Sheffield", None, None)]),
]
ENGLISH_NAMES = [
    ("just moved to Aarhus", [home("Århus")]),
    ("I live in Aarhus", [home("Århus")]),
    ("we moved to Seville last year", [home("Sevilla")]),
    ("I'm based out of Austin", [home("Austin")]),
    ("based out of Hamilton these days", [home("Hamilton")]),
]
REGIONS_ARE_NO_CITIES = [
    "Bali next month for two weeks",
    "off to Tuscany in June",
    "Sicily for two weeks in June",
    "off to Provence for the weekend",
]


@pytest.mark.parametrize(
    ("text", "expected"), CITY_THEN_WEEKDAY_RANGE + CITY_THEN_CHAT_WORD + ENGLISH_NAMES
)
def test_names_the_watcher_sees(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", REGIONS_ARE_NO_CITIES)
def test_islands_and_regions_are_not_towns_of_their_name(text: str) -> None:
    check(text, [])


CITY_HASHTAGS = [
    ("Back home in #Wellington now", [home("Wellington")]),
    ("I live in #Wellington", [home("Wellington")]),
    ("#Lisbon next week for a conference 🎉", [trip("Lisbon", (3, 9), (3, 15))]),
    ("loving #MondayMotivation here in Leeds", [home("Leeds")]),
    ("#Reading festival this weekend, I live in Bath", [home("Bath")]),
]


@pytest.mark.parametrize(("text", "expected"), CITY_HASHTAGS)
def test_a_hashtag_that_is_a_city_reaches_the_watcher(text: str, expected: list[Row]) -> None:
    check(text, expected)


DEMONYMS = [
    ("proud Sydneysider, say hi", [home("Sydney")]),
    ("I'm a Londoner", [home("London")]),
    ("born and raised Dubliner, keen to meet folks", [home("Dublin"), INTENT]),
    ("we're Glaswegians, hi all", [home("Glasgow")]),
    ("Sydneysider here", [home("Sydney")]),
    ("I'm a Londoner but in Paris next week", [home("London"), trip("Paris", (3, 9), (3, 15))]),
]
NOT_THE_SPEAKERS_PEOPLE = [
    "my wife is a Londoner, we live in the suburbs now",
    "I used to be a Londoner",
    "Londoners are rude today",
    "Glaswegian weather today is grim",
]


@pytest.mark.parametrize(("text", "expected"), DEMONYMS)
def test_a_demonym_states_the_speakers_home(text: str, expected: list[Row]) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", NOT_THE_SPEAKERS_PEOPLE)
def test_a_demonym_about_others_states_nothing(text: str) -> None:
    assert [r for r in rows(read(text, now=NOW)) if r[0] == "home"] == []


LOCAL_NAMES = [
    ("settled in Göteborg a while back", [home("Gothenburg")]),
    ("Praha this weekend with the family", [trip("Prague", (3, 6), (3, 8))]),
    ("I live in København with two cats", [home("Copenhagen")]),
    ("Firenze April 3-5 for a wedding", [trip("Florence", (4, 3), (4, 5))]),
    ("moved to Bruxelles for the new job", [home("Brussels")]),
    ("Athina next week, then home", [trip("Athens", (3, 9), (3, 15))]),
]


@pytest.mark.parametrize(("text", "expected"), LOCAL_NAMES)
def test_a_city_by_its_local_name(text: str, expected: list[Row]) -> None:
    check(text, expected)


FOR_AN_EVENT = [
    ("Liverpool for the match on Saturday", [trip("Liverpool", (3, 7), (3, 7))]),
    ("Cardiff for the big game this weekend", [trip("Cardiff", (3, 6), (3, 8))]),
    ("Leeds for the derby next Sunday", [trip("Leeds", (3, 15), (3, 15))]),
]


@pytest.mark.parametrize(("text", "expected"), FOR_AN_EVENT)
def test_a_city_one_goes_to_for_a_match(text: str, expected: list[Row]) -> None:
    check(text, expected)


def test_a_score_line_is_still_no_trip() -> None:
    check("Chelsea beat Liverpool 2-1 in the match", [])
