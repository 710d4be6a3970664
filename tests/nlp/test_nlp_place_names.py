"""Names beyond the official one (nicknames, former names, abbreviations, demonyms,
neighbourhoods, hashtags, missing accents) and the context that picks among namesakes."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources

import pytest

from bot.nlp import places
from bot.nlp.places import find_places, meant_cities, parent_city, resolve_city
from bot.nlp.places.gazetteer import ALIAS_KINDS, MENTION_KINDS, _norm, read_aliases
from bot.nlp.prefilter import might_matter
from bot.nlp.statements import _read

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


def _rows() -> list[list[str]]:
    text = resources.files("bot.nlp").joinpath("data/city_aliases.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["name", "kind", "geonameid", "city", "source"]
    return rows[1:]


def test_every_curated_name_names_a_gazetteer_city_and_its_source() -> None:
    rows = _rows()
    assert len(rows) > 200
    meanings: dict[str, list[tuple[str, str]]] = {}
    for name, kind, gid, label, source in rows:
        city = places.city_by_id(int(gid))
        assert city is not None, name
        assert city.label == label, (name, city.label, label)
        assert kind in ALIAS_KINDS, name
        assert source.strip(), f"{name}: where does this name come from?"
        meanings.setdefault(_norm(name), []).append((gid, kind))
    # a name of several cities ("Steel City": Pittsburgh, Sheffield) is a name running text
    # uses, where the community's country and the message's other cities choose
    for name, rows_of_name in meanings.items():
        if len({gid for gid, _ in rows_of_name}) > 1:
            assert all(kind in MENTION_KINDS for _, kind in rows_of_name), name


def test_an_unknown_kind_is_refused_when_the_table_is_read() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        read_aliases("name\tkind\tgeonameid\tcity\tsource\nGotham\tcomic\t5128581\tNYC\tx\n")


def _cities_in(text: str) -> list[tuple[str, str]]:
    return [
        (m.text, parent_city(m.city).name) for m in find_places(text) if m.city is not None
    ]


@pytest.mark.parametrize(
    ("text", "surface", "city"),
    [
        # former and alternate names
        ("Flying to Bombay on Tuesday for work", "Bombay", "Mumbai"),
        ("my cousin grew up in Calcutta", "Calcutta", "Kolkata"),
        ("Saigon street food is the best thing I ate all year", "Saigon", "Ho Chi Minh City"),
        ("we did a week in Peking and two in Madras", "Peking", "Beijing"),
        ("spent the summer in Rangoon", "Rangoon", "Yangon"),
        # nicknames
        ("Back in Beantown after a long week", "Beantown", "Boston"),
        ("anyone else here from the Windy City?", "the Windy City", "Chicago"),
        ("Big Easy this weekend, who's around", "Big Easy", "New Orleans"),
        ("we just moved to the Mile High City", "the Mile High City", "Denver"),
        ("Hogtown folks, where is the good ramen", "Hogtown", "Toronto"),
        ("a week in Jozi for the conference", "Jozi", "Johannesburg"),
        # abbreviations, in capitals
        ("Landing in BCN at noon", "BCN", "Barcelona"),
        ("Two weeks in HCMC then Hanoi", "HCMC", "Ho Chi Minh City"),
        ("anyone in KL next month?", "KL", "Kuala Lumpur"),
        ("Heading to CDMX for Día de Muertos", "CDMX", "Mexico City"),
        # demonyms
        ("Hi all, a fellow Glaswegian here", "Glaswegian", "Glasgow"),
        ("As a born and bred Londoner I have opinions", "Londoner", "London"),
        ("two Melburnians walk into a bar", "Melburnians", "Melbourne"),
        ("proud Brummie, now remote", "Brummie", "Birmingham"),
        # neighbourhoods and districts resolved to their city
        ("Staying in Le Marais until Sunday", "Le Marais", "Paris"),
        ("our flat is in Gangnam", "Gangnam", "Seoul"),
        ("coffee in Shoreditch anyone?", "Shoreditch", "London"),
        ("Living in Kreuzberg these days", "Kreuzberg", "Berlin"),
        ("just moved to Shibuya!", "Shibuya", "Tokyo"),
        ("we're in Trastevere for a week", "Trastevere", "Rome"),
        ("I live in Kitsilano", "Kitsilano", "Vancouver"),
        # hashtags
        ("Great day out #Wellington", "#Wellington", "Wellington"),
        ("Touchdown! #Toronto #travel", "#Toronto", "Toronto"),
        # missing diacritics
        ("moving to Sao Paulo in March", "Sao Paulo", "São Paulo"),
        ("two days in Bogota, then Medellin", "Bogota", "Bogotá"),
        ("a weekend in Malmo", "Malmo", "Malmö"),
    ],
)
def test_names_beyond_the_official_one_are_their_city(text: str, surface: str, city: str) -> None:
    assert (surface, city) in _cities_in(text), _cities_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "I read it in The New Yorker last week",  # the magazine
        "The Berliner is a doughnut, not a person",
        "la la land was a good film",  # "la" in lower case
        "bcn is not a word anyone types in lower case",
        "#ThrowbackThursday with the team",  # a hashtag that is no city
        "I love #WellingtonBoots",  # the city is only part of the hashtag
        "the eternal return of the same",
    ],
)
def test_names_that_are_not_a_city_here(text: str) -> None:
    assert _cities_in(text) == []


def test_each_curated_kind_says_how_the_city_was_named() -> None:
    [m] = find_places("a fellow Glaswegian here")
    assert m.alias == "demonym"
    [m] = find_places("we live in Gangnam")
    assert m.alias == "neighbourhood"
    [m] = find_places("we live in Seoul")
    assert m.alias == ""


@pytest.mark.parametrize(
    ("query", "city"),
    [("Beantown", "Boston"), ("BCN", "Barcelona"), ("Le Marais", "Paris"), ("Saigon",
     "Ho Chi Minh City"), ("the Windy City", "Chicago")],
)
def test_curated_names_can_be_typed_as_a_city(query: str, city: str) -> None:
    r = resolve_city(query)
    assert r.city is not None and r.city.name == city


_TEMPLATES = (
    "I live in {}",
    "{} here!",
    "heading to {} next week",
    "greetings from sunny {}",
    "just moved to {}",
    "a fellow {} here",
)


def test_the_prefilter_never_hides_a_curated_name() -> None:
    """Every curated name ``read`` finds passes the pre-filter (its city tables hold them)."""
    found = 0
    for name, kind, *_ in _rows():
        if kind == "typed":
            continue
        for template in _TEMPLATES:
            for text in (template.format(name), template.format("#" + name.replace(" ", ""))):
                if _read(text, NOW):
                    found += 1
                    assert might_matter(text), text
    assert found > 300


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("I live in Beantown", "Boston"),
        ("just moved to Gangnam", "Seoul"),
        ("Flying to BCN tomorrow for a week", "Barcelona"),
    ],
)
def test_the_watcher_reads_statements_with_curated_names(text: str, city: str) -> None:
    found = [s for s in _read(text, NOW) if s.city is not None]
    assert found and found[0].city is not None and found[0].city.name == city, found


# ---------------------------------------------------------------------------------------
# Context picks the city


def _bare(name: str, sentence: str, **kw: object) -> list[str]:
    [m] = [m for m in find_places(sentence) if m.city is not None and m.text == name]
    assert m.city is not None
    return [c.label for c in meant_cities(m.city, sentence, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "sentence", "label"),
    [
        ("Springfield", "I live in Springfield, Illinois", "Springfield, Illinois, US"),
        ("Richmond", "visiting Richmond (the BC one) next week", "Richmond, British Columbia, CA"),
        ("Richmond", "I'm in Richmond (Virginia) all week", "Richmond, Virginia, US"),
        ("Portland", "Portland next week, my first time in Maine", "Portland, Maine, US"),
        ("Springfield", "I live in Springfield, right in the middle of Missouri",
         "Springfield, Missouri, US"),
        ("Hamilton", "moving to Hamilton in New Zealand next month", "Hamilton, NZ"),
        ("Cambridge", "back in Cambridge, England for a week", "Cambridge, GB"),
    ],
)
def test_a_region_or_country_named_nearby_picks_the_namesake(
    name: str, sentence: str, label: str
) -> None:
    assert _bare(name, sentence) == [label]


def test_a_bare_name_with_comparable_namesakes_is_asked_about() -> None:
    assert len(_bare("Springfield", "I live in Springfield now")) >= 2
    assert len(_bare("Richmond", "in Richmond for the week, hit me up")) >= 2


def test_words_that_only_look_like_state_codes_do_not_pick() -> None:
    """ "me", "or", "in" are Maine, Oregon, Indiana only as a qualifier after the name."""
    assert len(_bare("Portland", "in Portland, let me know or ping me")) >= 2


def _labelled(label: str) -> places.City:
    [city] = [c for c in places.all_cities() if c.label == label]
    return city


def test_the_speakers_own_home_picks_the_namesake_before_the_community() -> None:
    richmond_bc = _labelled("Richmond, British Columbia, CA")
    vancouver = _labelled("Vancouver, British Columbia, CA")
    norfolk = _labelled("Norfolk, Virginia, US")  # where the other members live
    sentence = "in Richmond for a bit"
    assert len(meant_cities(richmond_bc, sentence)) >= 2
    by_members = meant_cities(richmond_bc, sentence, homes=(norfolk,))
    assert [c.label for c in by_members] != ["Richmond, British Columbia, CA"]
    own = meant_cities(richmond_bc, sentence, homes=(norfolk,), own_home=vancouver)
    assert [c.label for c in own] == ["Richmond, British Columbia, CA"]


# ---------------------------------------------------------------------------------------
# Where a name sits says it is a place (classes found on tweets)


@pytest.mark.parametrize(
    ("text", "surface", "city"),
    [
        # a greeting to the place
        ("Hello Melbourne! Two shows this Friday", "Melbourne", "Melbourne"),
        ("Bye Ibiza, it was fun", "Ibiza", "Ibiza"),
        # "@ " with a space is "at"
        ("School visit @ Taupo today", "Taupo", "Taupo"),
        ("sunset drinks @ Ibiza", "Ibiza", "Ibiza"),
        # a place noun after the name, as headlines write it
        ("Today Hamilton Police arrested two men", "Hamilton", "Hamilton"),
        ("Remember the Lisbon Treaty petition?", "Lisbon", "Lisbon"),
        # the end of a street address
        ("stabbing at 320 Willis Street, Wellington last night", "Wellington", "Wellington"),
        ("the shop on 12 Broad St, Reading is open", "Reading", "Reading"),
        # where someone lives
        ("an 18 year-old Hamilton man was arrested", "Hamilton", "Hamilton"),
        ("A #Cork woman on the referendum", "#Cork", "Cork"),
        # two places side by side, the second a country-named city
        ("an event in Montreal, Hong Kong or Berlin", "Hong Kong", "Hong Kong"),
        # results words alone are no sports talk
        ("Hong Kong firm wins the rail franchise", "Hong Kong", "Hong Kong"),
        ("128 % rise in London Via itv", "London", "London"),
    ],
)
def test_where_a_name_sits_says_it_is_a_place(text: str, surface: str, city: str) -> None:
    assert (surface, city) in _cities_in(text), _cities_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "#Wedding shoot scouting this weekend",  # Wedding, Berlin: a common word as a tag
        "The schedule of conferrings at Maynooth University",  # an institution's name
        "Chicago Bulls won again",  # a team
        "Paris Hilton was there",  # a person
        "Hull beat Leeds 2-1 on Saturday",  # a match by its score
        "no way, Nice try though",  # "way" is no street
        "come to my place, Reading group at 8",
    ],
)
def test_where_a_name_sits_says_it_is_no_place(text: str) -> None:
    assert _cities_in(text) == []
