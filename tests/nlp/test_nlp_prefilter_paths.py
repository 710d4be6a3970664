"""The pre-filter reads a message along two paths, an intent's and a home's or trip's; it
must stay sound on each whatever the other finds: wherever ``_read`` finds a statement,
``might_matter`` is True (issue 14, watcher speed)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.lang import en
from bot.nlp.prefilter import _first_words, may_state, states_something
from bot.nlp.statements import _read, might_matter

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("America/Chicago"))


@pytest.mark.parametrize(
    "text",
    [
        "I live in Edinbrugh, say hi",  # "say": an intent word whose cues do not fit
        "I live in Edinbrugh and love the people",
        "moved to Edinbrugh last year, come say hi",
    ],
)
def test_an_intent_word_does_not_hide_a_misspelt_city(text: str) -> None:
    assert _read(text, NOW), text  # the grammar reads the misspelt city's home
    assert might_matter(text), text


@pytest.mark.parametrize("text", ["**Where:** Tacoma, WA", "where: Leeds", "Where: Leeds, UK"])
def test_a_where_line_is_not_hidden(text: str) -> None:
    """ "where" opens the statement gate beside a colon or a quote mark, in both paths."""
    assert _read(text, NOW), text
    assert might_matter(text), text


# Intent words whose cues rarely fit, beside statement frames, misspelt and real cities.
_PIECES = [
    "say", "people", "up", "ever", "game", "real", "house", "meet", "drinks", "anyone",
    "I live in", "moved to", "based in", "in", "here", "now", "today", "next week", "3-5 May",
    "Edinbrugh", "Edinburgh", "Manchestr", "Leeds", "Paris", "Glaswegian", "hi from",
    "we are", ",", "!", "?", "\n", "> where's everyone based?", "**Where:**", ":", "lol", "é",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9))
def test_each_path_is_sound_beside_the_other(pieces: list[str]) -> None:
    text = " ".join(pieces)
    if _read(text, NOW):
        assert might_matter(text), repr(text)


_GATE_PIECES = sorted(en.GATE_WORDS)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(_GATE_PIECES)
        | st.sampled_from(
            ["we are", "hi from", "Glaswegian", "> where", "where:", ":", "3-5", "9th", "é", "?"]
        )
        | st.text(max_size=6),
        max_size=8,
    )
)
def test_the_first_tests_words_decide_the_statement_gate(pieces: list[str]) -> None:
    low = " ".join(pieces).lower()
    words = en.gate_words(low)
    hits = _first_words().intersection(words)
    assert may_state(low, hits) is states_something(en.Gate(low, frozenset(words)))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789 stndrh/.-–—٣x", max_size=12) | st.text(max_size=20))
def test_has_date_digits_is_its_regex(text: str) -> None:
    low = text.lower()
    assert en.has_date_digits(low) is (en._DATE_DIGITS.search(low) is not None)
