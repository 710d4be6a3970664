"""A reply that says "me" to a quoted trip question, giving only its days.

    > who's going to be in Chicago for the summit?
    me! 19th-21st

The quoted line is someone else's and ``cues.clean`` masks it; the reply names no city. Read
together they are the author's trip: ``statements`` reads the reply as "I'll be in Chicago
19th-21st", then the question's own words ("for the summit", "next week"). Only a question
about who will be somewhere, naming one city, answered on the very next line by "me",
"yes", "I'll be there"... counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.nlp.lang import en
from bot.nlp.places import find_places

__all__ = ["Answer", "answered_trip"]


@dataclass(frozen=True, slots=True)
class Answer:
    """The quoted question's city as written (and the question's words after it: "next
    week"), and the reply's words after its "me"."""

    city: str
    asked: str
    start: int  # where those words start in the message
    end: int  # the end of the reply line
    rest: str


def answered_trip(text: str) -> Answer | None:
    """The first reply line that says "me" to a quoted "who's going to be in X?"."""
    if ">" not in text:
        return None
    at = 0
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        reply_at = at + len(line) + 1
        at = reply_at
        if not line.lstrip().startswith(">") or en.TRIP_QUESTION.search(line.lower()) is None:
            continue
        reply = lines[i + 1]
        yes = en.YES_ME.match(reply.lower().replace("’", "'"))
        if yes is None or reply.lstrip().startswith(">"):
            continue
        question = line.lstrip(" >")
        cities = [p for p in find_places(question) if p.city is not None]
        if len(cities) != 1:
            continue
        asked = question[cities[0].end :].split("?", 1)[0]
        end = reply_at + len(reply)
        return Answer(cities[0].text, asked, reply_at + yes.end(), end, reply[yes.end() :])
    return None
