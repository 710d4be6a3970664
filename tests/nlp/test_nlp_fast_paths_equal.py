"""``_words_of`` splits a text whose only non-ASCII characters are no letters (emoji, "’",
"—") as bytes, and the pre-filter's city test (``places.has_a_city_word``) reads its
words so; the pre-filter's first test splits an ASCII message and tests its digits on one
byte string; the misspelt-city frame test (``typos.may_have_a_frame``) reads only the
words after a frame word; a name's word is found in a message's words by the list's own
search (``mentions._positions``) (issue 14, watcher speed). Each must answer as the first-written
version, kept here as the oracle, on any text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.lang import en
from bot.nlp.places import _load, fold, has_a_city_word
from bot.nlp.places.mentions import (
    _WORD_RE,
    _WORDS_AFTER,
    _a_whole_name_may_be_there,
    _followed_by,
    _name_starts,
    _positions,
    _undot,
    _words_of,
)
from bot.nlp.prefilter import _FIRST, _first_test, _first_words
from bot.nlp.typos import FRAME_WORDS, MIN_LETTERS, _heads, may_have_a_frame


def _old_words_of(low: str) -> list[str]:
    if low.isascii():
        return __import__("re").findall("[a-z]+", low)
    return [w if w.isascii() else fold(w) for w in _WORD_RE.findall(low)]


def _old_has_a_city_word(text: str, low: str | None = None, words: list[str] | None = None) -> bool:
    if low is None:
        low = text.lower()
    if "." in low and (undotted := _undot(text)) is not text:
        low, words = undotted.lower(), None
    if words is None or not low.isascii():
        words = _old_words_of(low)
    elif "'" in low:
        words = " ".join(words).replace("'", " ").split()
    g = _load()
    hits = g.city_anchors.intersection(words)
    if not hits or not hits <= g.city_single_anchors:
        return bool(hits) and _a_whole_name_may_be_there(g, hits, words)
    return True


# Pieces that meet in every way a word can: city names' words (single and of longer names),
# apostrophes, dotted initials, accents, non-ASCII letters and non-letters, digits, marks.
_PIECES = [
    "paris", "Paris", "york", "New", "new", "salt", "lake", "city", "great", "falls",
    "hare", "o'", "'s", "'", "’", "D.C.", "L.A.", ".", "dc", "zürich", "São", "sao", "paulo",
    "é", "e\u0301", "ß", "²", "½", "٣", "™", "🙂", "—", "“", "5", "_", "#", "-", " ", "\t",
    "in", "I'm", "don't", "rock'n'roll", "Ä", "İ", "ø", "京都",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_city_test_answers_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    low = text.lower()
    expected = _old_has_a_city_word(text)
    assert has_a_city_word(text) == expected, repr(text)
    assert has_a_city_word(text, low, en.gate_words(low)) == expected, repr(text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(blacklist_categories=()), max_size=40))
def test_the_city_test_answers_as_before_on_any_text(text: str) -> None:
    low = text.lower()
    expected = _old_has_a_city_word(text)
    assert has_a_city_word(text) == expected, repr(text)
    assert has_a_city_word(text, low, en.gate_words(low)) == expected, repr(text)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(_PIECES)).map("".join)))
def test_the_words_of_a_text_are_as_before(text: str) -> None:
    low = text.lower()
    assert _words_of(low) == _old_words_of(low), repr(text)


# (message, whether a city's word is there), through the gates' words as the pre-filter
# hands them over.
_TABLE = [
    ("I love Paris's food", True),
    ("moving to Coeur d'Alene", True),
    ("off to x'Boston tomorrow", True),
    ("don't know, rock'n'roll tonight", False),
    ("Great Falls's diner", True),
    ("great weather, the falls were nice", True),  # both words of "Great Falls", any order
    ("great weather today", False),
    ("back in D.C. next week", True),
    ("São Paulo today 🙂", True),
    ("see you in Zürich — soon", True),
    ("Café opens today 🙂", False),
    ("“Denver” ’round the corner", True),
    ("nothing here but emoji 🙂🙂 — really", False),
    ("a broken emoji \ud83d in Denver", True),  # a lone surrogate
]


def test_a_table_of_messages() -> None:
    for text, expected in _TABLE:
        low = text.lower()
        assert _old_has_a_city_word(text) is expected, text
        assert has_a_city_word(text) is expected, text
        assert has_a_city_word(text, low, en.gate_words(low)) is expected, text


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
        st.lists(st.sampled_from([*_PIECES, "we", "are", "live", "3/5", "20th", "x9"])).map(
            " ".join
        ),
    )
)
def test_the_pre_filters_first_test_is_the_gates_words_and_date_digits(text: str) -> None:
    # The pre-filter's first test splits and tests digits on one byte string (ASCII): the
    # same words, hits and answer as en.gate_words and en.has_date_digits give.
    low = text.lower()
    _first_words()
    words = en.gate_words(low)
    hits = _FIRST[0].intersection(words)
    expected = (words, hits) if hits or en.has_date_digits(low) else None
    assert _first_test(low) == expected, repr(text)


def _old_may_have_a_frame(words: list[str]) -> bool:
    if FRAME_WORDS.isdisjoint(words):
        return False
    heads = _heads()
    return any(
        before in FRAME_WORDS
        and len(w) >= MIN_LETTERS
        and (w[:2] if w.isascii() else fold(w[:2])) in heads
        for before, w in pairwise(words)
    )


_FRAME_PIECES = [
    "in", "to", "from", "near", "visiting", "edinbrugh", "philadelpia", "barcleona",
    "edinburgh", "ed", "somewhere", "qxqxqxqx", "zürichh", "élodie", "i'm", "live", "in'", "to",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_FRAME_PIECES), max_size=12))
def test_the_frame_test_answers_as_before(words: list[str]) -> None:
    assert may_have_a_frame(words) == _old_may_have_a_frame(words), words


def test_the_frame_test_reads_every_frame_word() -> None:
    # the second "in" is the one before a long word: each occurrence is read
    assert may_have_a_frame(["in", "a", "bit", "i'm", "in", "edinbrugh"])
    assert may_have_a_frame(["to", "to", "philadelpia"])
    assert not may_have_a_frame(["edinbrugh", "in"])  # a frame word last leads nothing
    assert not may_have_a_frame(["in", "qxqxqxqx"])  # no big city starts "qx"


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["davis", "in", "ca", "here", "x", "folks"]), max_size=12))
def test_a_words_positions_and_what_follows_are_as_before(words: list[str]) -> None:
    # a name's word is found by the list's own search, not a loop over every word
    for w in ("davis", "in", "x"):
        assert _positions(words, w) == [k for k, v in enumerate(words) if v == w]
        old = any(words[k + 1] in _WORDS_AFTER for k in range(len(words) - 1) if words[k] == w)
        assert _followed_by(words, w, _WORDS_AFTER) is old, (words, w)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(["new", "york", "x", "in", "city"]), max_size=12),
    st.sets(st.sampled_from(["york", "city", "x", "paris"])),
)
def test_where_names_may_start_is_as_before(keys: list[str], hits: set[str]) -> None:
    old: dict[int, int] = {}
    for k in [k for k, key in enumerate(keys) if key in hits]:
        for i in range(max(0, k - 3), k + 1):
            old.setdefault(i, k - i + 1)
    assert _name_starts(keys, frozenset(hits)) == old, (keys, hits)
