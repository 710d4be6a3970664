"""The pre-filter's first test lets "are" and "from" through only in the two-word subjects
the statement gate reads ("we are here", "hi from Leeds"): alone they are among the
commonest words of tweets and open no gate (issue 14, watcher speed). It must stay sound:
wherever ``_read`` finds a statement, ``might_matter`` is True."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.lang import en
from bot.nlp.prefilter import gate_of
from bot.nlp.statements import _read, might_matter

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("America/Chicago"))

# Pieces around the pair words: their subjects and look-alikes, cities, cue and date words.
_PIECES = [
    "we are", "We Are", "WE ARE", "we  are", "we're", "you are", "they are", "are", "Are",
    "hi from", "Hi from", "hey from", "waving from", "from", "From", "greetings from",
    "my place", "my flat", "place", "flat", "any other", "other", "anyone else", "else",
    "have been", "been", "i am", "am", " ", " ", ", ", "! ", "?", "\n", "-", "in", "here",
    "Paris", "paris", "Leeds", "Austin, TX", "Salt Lake City", "next week", "3-5 March",
    "meet up", "drinks", "anyone", "lol", "🙂", "é",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9))
def test_the_pair_test_never_hides_a_statement(pieces: list[str]) -> None:
    text = " ".join(pieces)
    if _read(text, NOW):
        assert might_matter(text), repr(text)


@pytest.mark.parametrize(
    "text",
    [
        "you are so right about that",
        "Are you from the same team?",
        "straight from the source: they are shipping it",
        "results are in from the vote",
    ],
)
def test_are_and_from_alone_open_no_gate(text: str) -> None:
    low = text.lower()
    assert not en.may_pass_a_gate(low, en.gate_words(low))
    assert gate_of(text) is None


@pytest.mark.parametrize(
    "text",
    ["we are in Paris next week", "Hi from Leeds!", "hey from Salt Lake City"],
)
def test_the_pairs_still_open_the_gate(text: str) -> None:
    low = text.lower()
    assert en.names_a_pair(low, en.gate_words(low))
    assert en.may_pass_a_gate(low, en.gate_words(low))
    assert might_matter(text)
    assert _read(text, NOW), text
