"""The verdict rules of ``find_places`` (``mentions._VERDICT_RULES``), each with messages it
decides: the messages read as written through ``find_places``, and each rule is needed
(without it, some of its messages read otherwise), so no rule is dead weight."""

from __future__ import annotations

import pytest

from bot.nlp.places import find_places, mentions

# rule -> (message, the mentions found in it)
RULE_EXAMPLES: dict[str, list[tuple[str, list[str]]]] = {
    "_team_after": [
        ("Going to Chicago fans say", []),
        ("Today , England fans are all Italy fans .", []),
    ],
    "_team_before": [("I support Inter Milan", []), ("he is the star of real madrid", [])],
    "_the_demonym": [("I read The New Yorker on the train", [])],
    "_person_title": [("I met Mayor Chicago", [])],
    "_event_tag": [("#Reading festival this weekend", []), ("#Nice festival lineup is out", [])],
    "_lower_case_in_cased_text": [("Heading to texas Monday", [])],
    "_region_name": [("Georgia is my friend", []), ("Moving to Georgia soon", ["Georgia"])],
    "_qualified_city": [
        ("Victoria BC here, tiny but mighty", ["Victoria"]),
        ("I'm in Birmingham, Alabama, not the UK one!", ["Birmingham"]),
        # in lower case too, with a state's code that is no everyday word
        ("buffalo ny checking in, snow is over (I think)", ["buffalo"]),
    ],
    "_never_a_city": [("heading to Bali next week", [])],
    "_common_word_alone": [("Protest Planned in Central London Today", ["London"])],
    "_the_common_word": [("We shipped the Phoenix project", [])],
    "_sports_talk": [("He got sent off in the last game vs Bordeaux .", [])],
    "_name_goes_on": [
        ("the Kansas City Chiefs again? yawn", []),
        ("Brooklyn Nine-Nine is the best comfort rewatch", []),
    ],
    "_name_came_before": [("Curious George really is the GOAT", [])],
    "_too_short": [("#ufa moscow", ["moscow"])],
    "_common_word_of": [("Phoenix of the year award", [])],
    "_district_of_the_next": [
        ("Williamsburg, Brooklyn for me", ["Williamsburg", "Brooklyn"]),
        ("Astoria, Queens here", ["Astoria", "Queens"]),
        # a first name's district: no other rule lets it stand bare
        ("Preston, Melbourne for me", ["Preston", "Melbourne"]),
    ],
    "_weak_name_bare": [("ping Lincoln about the cert renewal", [])],
    "_small_town_bare": [("Felicidades a Tarbes y a Uruguay .", ["Uruguay"])],
    "_a_city": [("Moving to Lisbon in May", ["Lisbon"])],
}
# Rules the table cannot do without: the region rule answers for every region name (the
# city rules after it read only cities), and the last rule always decides.
STRUCTURAL = {"_region_name", "_a_city"}


def found(text: str) -> list[str]:
    return [m.text for m in find_places(text)]


def test_every_rule_has_examples_and_a_docstring() -> None:
    names = [rule.__name__ for rule in mentions._VERDICT_RULES]
    assert sorted(names) == sorted(RULE_EXAMPLES)
    assert all(rule.__doc__ for rule in mentions._VERDICT_RULES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [example for examples in RULE_EXAMPLES.values() for example in examples],
)
def test_examples_read_as_written(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("name", sorted(set(RULE_EXAMPLES) - STRUCTURAL))
def test_each_rule_decides_some_of_its_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    without = tuple(r for r in mentions._VERDICT_RULES if r.__name__ != name)
    monkeypatch.setattr(mentions, "_VERDICT_RULES", without)
    changed = [text for text, expected in RULE_EXAMPLES[name] if found(text) != expected]
    assert changed, f"{name} decides none of its examples: dead or shadowed"
