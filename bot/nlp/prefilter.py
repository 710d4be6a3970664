"""The watcher's pre-filter: ``might_matter(text)`` is False only when ``statements.read``
surely finds nothing in ``text``.

Why it is sound, by construction rather than by analysis of the cue patterns:

* ``read`` states a home or a trip only where ``en.statement_gate`` is True on the message
  (a home word, a date word or a digit), and only about a city that ``places.find_places``
  finds in the cleaned text; ``places.may_mention_city`` is False only where
  ``find_places`` finds no city (its own contract, tested in tests/nlp);
* ``read`` states an intent without a home or trip beside it only where one of
  ``en.fitting_intent_cues`` matches the cleaned lower-case text; the pre-filter searches
  the very same cues in the very same text.

Both gates need one of their words or date digits (``en.may_pass_a_gate``): most messages
cost one split into words and one set test. The city test before cleaning
(``places.has_a_city_word``) reads the same words: ASCII gate words are the runs of letters
and apostrophes (tests/nlp/test_nlp_prefilter_words.py holds both to that).
"""

from __future__ import annotations

from bot.nlp.cues import clean
from bot.nlp.lang import en
from bot.nlp.places import has_a_city_word, may_mention_city

__all__ = ["gate_of", "lower", "might_matter", "prepare"]


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
    words = en.gate_words(low)
    if not en.may_pass_a_gate(low, words):
        return None
    # Each gate's cheapest necessary word test first: the intent gate needs an intent word,
    # the statement gate a city's name (``may_mention_city(clean(text))`` implies it).
    may_intend = not en.INTENT_WORDS.isdisjoint(words)
    city_word = has_a_city_word(text, low, words)
    if not (may_intend or city_word):
        return None
    gate = en.Gate(low, frozenset(words))
    cleaned = ""
    if may_intend and en.intent_gate(gate):
        cleaned = clean(text)
        low_cleaned = lower(cleaned)
        if any(cue.pattern.search(low_cleaned) for cue in en.fitting_intent_cues(gate)):
            return gate, cleaned
    if city_word and en.statement_gate(gate):
        cleaned = cleaned or clean(text)
        if may_mention_city(cleaned):
            return gate, cleaned
    return None


def lower(text: str) -> str:
    """Lower case with straight apostrophes, offsets kept (the text the grammar reads)."""
    low = text.lower().replace("’", "'")
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")
    return low
