"""The pre-filter splits a message into words once: the gates' words (``en.gate_words``)
are handed to ``places.has_a_city_word``. Its answer must not change with them, or the
pre-filter could hide a city (issue 14, watcher speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.lang import en
from bot.nlp.places import has_a_city_word

# Pieces that meet in every way a word can: letters of city names, apostrophes, digits,
# marks, tags, controls.
_PIECES = [
    "paris", "Paris", "PARIS", "york", "new", "New", "salt", "lake", "city", "falls",
    "great", "'s", "'", "’", "o'", "5", "2", "pm", "-", "_", "#", "@", ".", "/", ",", " ",
    "\t", "\x01", "\x7f", "in", "I'm", "we're", "live", "here", "today", "é",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_the_gates_words_give_the_city_test_its_answer(pieces: list[str]) -> None:
    text = "".join(pieces)
    low = text.lower()
    assert has_a_city_word(text, low, en.gate_words(low)) == has_a_city_word(text), repr(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_gate_words_are_runs_of_letters_and_apostrophes(text: str) -> None:
    low = text.lower()
    assert en.gate_words(low) == re.findall(r"[a-z']+", low)


def test_a_city_glued_to_digits_is_still_a_city_word() -> None:
    # "Denver2024" splits into "denver" for the gates and the city test alike
    for text in ("see you in Denver2024", "live in 3Denver"):
        low = text.lower()
        assert "denver" in en.gate_words(low)
        assert has_a_city_word(text, low, en.gate_words(low))


def test_non_ascii_messages_get_the_city_test_too() -> None:
    # an emoji or an accent no longer lets a message past the city test by itself
    assert not has_a_city_word("Café opens today 🙂")
    assert not has_a_city_word("naïve question, anyone?")
    assert has_a_city_word("São Paulo today 🙂")
    assert has_a_city_word("back in Zürich")
    assert has_a_city_word("back in zurich 🙂")
