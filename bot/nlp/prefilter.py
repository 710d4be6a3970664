"""The watcher's pre-filter: ``might_matter(text)`` is False only when ``statements.read``
surely finds nothing in ``text``.

Why it is sound, by construction rather than by analysis of the cue patterns:

* ``read`` states a home or a trip only about a city that ``places.find_places`` finds in
  the cleaned text, and ``places.may_mention_city`` is False only where ``find_places``
  finds no city (its own contract, tested in tests/nlp);
* ``read`` looks for meetup intent only where ``en.intent_gate`` is True on the message,
  and asks the very same function here.

So the pre-filter costs one split into words (intent words) and, where that finds none,
``may_mention_city`` (a set intersection with the gazetteer's anchor words).
"""

from __future__ import annotations

from bot.nlp.cues import clean
from bot.nlp.lang import en
from bot.nlp.places import may_mention_city

__all__ = ["might_matter", "prepare"]


def prepare() -> None:
    """Load what the first message would (the gazetteer's anchor words), at start-up."""
    may_mention_city("Paris")


def might_matter(text: str) -> bool:
    """False only when ``statements.read(text)`` surely finds nothing."""
    if not text:
        return False
    text = text[:20_000]
    return en.intent_gate(text) or may_mention_city(clean(text))
