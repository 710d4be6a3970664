"""The watcher's pre-filter: ``might_matter(text)`` is False only when ``statements.read``
surely finds nothing in ``text``.

Why it is sound, by construction rather than by analysis of the cue patterns:

* ``read`` states a home or a trip only where ``en.statement_gate`` is True on the message
  (a home word, a date word or a digit), and only about a city that ``places.find_places``
  finds in the cleaned text; ``places.may_mention_city`` is False only where
  ``find_places`` finds no city (its own contract, tested in tests/nlp);
* a misspelt big city ("in Edinbrugh") is read only where ``typos.may_be_misspelt`` is
  True, and the pre-filter asks it too;
* a name a frame marks as a place ("Austin-based") only where ``framed.framed_places``
  finds it, and the pre-filter asks it too;
* a trip in a reply to a quoted "who's going to be in X?" only where
  ``replies.answered_trip`` finds one, and the pre-filter asks it too;
* ``read`` states an intent without a home or trip beside it only where one of
  ``en.fitting_intent_cues`` matches the cleaned lower-case text; the pre-filter searches
  the very same cues in the very same text.

Both gates need one of their words, a two-word subject ("we are", "hi from": their common
words alone open no gate) or date digits, or a city's people named ("as a Glaswegian": a
demonym is its own home cue, ``states_something``). So the first test is one set
intersection of the message's words with all of those words (``_first_words``) and, where
it finds none, the date-digit test: most messages cost one split into words and that.
The later tests read the few words it found (``may_state``); each path is tested on its
own, so an intent word never keeps the home and trip path from asking about a misspelt city
(tests/nlp/test_nlp_prefilter_paths.py). The city test before cleaning
(``places.has_a_city_word``) reads the same words: ASCII gate words are the runs of letters
and apostrophes (tests/nlp/test_nlp_prefilter_words.py holds both to that).
"""

from __future__ import annotations

from collections.abc import Collection

from bot.nlp.cues import clean
from bot.nlp.framed import framed_places
from bot.nlp.lang import en
from bot.nlp.places import _load, has_a_city_word, may_mention_city
from bot.nlp.replies import answered_trip
from bot.nlp.typos import may_be_misspelt, may_have_a_frame

__all__ = ["gate_of", "lower", "may_state", "might_matter", "prepare", "states_something"]

_WORDS: dict[str, frozenset[str]] = {}


def _demonym_words() -> frozenset[str]:
    """The last word of every curated demonym ("glaswegian", "yorkers"), built once."""
    if not _WORDS:
        kinds = _load().aliases.kind
        demonyms = frozenset(k.split(" ")[-1] for k, kind in kinds.items() if kind == "demonym")
        _WORDS["demonyms"] = demonyms
        _WORDS["first"] = en.GATE_WORDS | demonyms
    return _WORDS["demonyms"]


_FIRST: list[frozenset[str]] = []


def _first_words() -> frozenset[str]:
    """Every word either gate reads by itself or in a pair, with the demonyms (kept in
    ``_FIRST``): a message with none of them and no date digits opens no gate."""
    _demonym_words()
    _FIRST.append(_WORDS["first"])
    return _FIRST[0]


def states_something(gate: en.Gate) -> bool:
    """Whether a message may state a home or a trip: ``en.statement_gate``, or a demonym
    among its words ("as a Glaswegian, ...": no other home word needed)."""
    return en.statement_gate(gate) or not _demonym_words().isdisjoint(gate.words)


def prepare() -> None:
    """Load what the first message would (the gazetteer's anchor words), at start-up."""
    may_mention_city("Paris")


def might_matter(text: str) -> bool:
    """False only when ``statements.read(text)`` surely finds nothing."""
    return bool(text) and gate_of(text[:20_000]) is not None


def gate_of(text: str) -> tuple[en.Gate, str] | None:
    """The gates' reading of a message that may matter and its cleaned text (``read`` reuses
    both rather than cleaning twice), or None where it surely does not matter."""
    low = text.lower()
    first = _first_test(low)
    if first is None:
        return None  # no gate's word, no pair's, no demonym, no date digits: most messages
    words, hits = first
    # Each path's cheapest necessary test first: an intent needs an intent word; a home or a
    # trip a statement word, pair, date digits or demonym (``states_something``), then a
    # city's name (``may_mention_city(clean(text))`` implies ``has_a_city_word``) or a
    # misspelt one.
    may_intend = not en.INTENT_WORDS.isdisjoint(hits)
    city_word = may_state(low, hits) and (
        has_a_city_word(text, low, words) or (may_have_a_frame(words) and may_be_misspelt(text))
    )
    if not (may_intend or city_word):
        return None
    gate = en.Gate(low, frozenset(words))
    cleaned = ""
    if may_intend and en.intent_gate(gate):
        cleaned = clean(text)
        low_cleaned = lower(cleaned)
        if any(cue.pattern.search(low_cleaned) for cue in en.fitting_intent_cues(gate)):
            return gate, cleaned
    if city_word:
        cleaned = cleaned or clean(text)
        if may_mention_city(cleaned) or (may_have_a_frame(words) and may_be_misspelt(text)):
            return gate, cleaned
        if framed_places(cleaned):
            return gate, cleaned  # "Austin-based", "Location: Santiago"
        if answered_trip(text) is not None:
            return gate, cleaned  # "> who's going to be in Chicago?" / "me! 19th-21st"
    return None


def _first_test(low: str) -> tuple[list[str], frozenset[str]] | None:
    """The gates' words of a lower-case message (``en.gate_words``) and those of them the
    gates read by themselves or in a pair, or the demonyms (``_first_words``); None where
    there are none and no date digits (``en.has_date_digits``). Most messages are ASCII:
    for them one byte string serves the split and the digit test."""
    first = _FIRST[0] if _FIRST else _first_words()
    if not low.isascii():
        words = en.gate_words(low)
        hits = first.intersection(words)
        return (words, hits) if hits or en.has_date_digits(low) else None
    raw = low.encode()
    words = en.ascii_gate_words(raw)
    hits = first.intersection(words)
    if hits:
        return words, hits
    return (words, hits) if en.ascii_has_date_digits(raw, low) else None


def may_state(low: str, hits: Collection[str]) -> bool:
    """``states_something`` of a message from its lower-case text and the words of it the
    first test found (``_first_words``: every word the statement gate or a demonym reads)."""
    return en.may_state_in(low, hits) or not _demonym_words().isdisjoint(hits)


def lower(text: str) -> str:
    """Lower case with straight apostrophes, offsets kept (the text the grammar reads)."""
    low = text.lower().replace("’", "'")
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")
    return low
