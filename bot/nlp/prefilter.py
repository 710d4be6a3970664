"""The watcher's pre-filter: ``might_matter(text)`` is False only when ``statements.read``
surely finds nothing in ``text``.

Why it is sound, by construction rather than by analysis of the cue patterns:

* ``read`` states a home or a trip only where ``en.statement_gate`` is True on the message
  (a home word, a date word or a digit), and only about a city that ``places.find_places``
  finds in the cleaned text; ``places.may_mention_city`` is False only where
  ``find_places`` finds no city (its own contract, tested in tests/nlp);
* ``read`` looks for meetup intent only where ``en.intent_gate`` is True on the message
  (or beside a home or trip it states), and asks the very same functions here.

So the pre-filter costs one split into words and two set intersections, and where a
statement word is found, ``may_mention_city`` (an intersection with the gazetteer's words).
"""

from __future__ import annotations

from bot.nlp.cues import clean
from bot.nlp.lang import en
from bot.nlp.places import may_mention_city

__all__ = ["might_matter", "passes", "prepare"]


def prepare() -> None:
    """Load what the first message would (the gazetteer's anchor words), at start-up."""
    may_mention_city("Paris")


def might_matter(text: str) -> bool:
    """False only when ``statements.read(text)`` surely finds nothing."""
    if not text:
        return False
    text = text[:20_000]
    return passes(en.Gate.of(text), text)


def passes(gate: en.Gate, text: str) -> bool:
    """``might_matter`` on a message whose gate words are read already."""
    if en.intent_gate(gate):
        return True
    return en.statement_gate(gate) and may_mention_city(clean(text))
