"""Names that a frame marks as a place where, bare, they would need more context.

``find_places`` asks a small town or a first name ("Austin", "Santiago") for a place word
before it ("in Austin"). Some frames are place words too: "Austin-based", "shibuya based",
"**Location:** Santiago", a name opening a clause with a trip's dates after it ("Galway from
the 27th", "then Inverness mon-wed"), a name with a person and "here" ("Galway lad here"), names an
arrow chains to a city ("Rome → Florence → Venice").
Here each such name is read as if "in" stood before it. A name that is also a common word
("Nice", "Mobile") counts before "-based" only where the frame ends there ("Nice-based 🇫🇷",
not "mobile-based apps") and never before dates ("Reading next week's agenda"); a first name
never before dates ("Florence on the 4th"); a name written in lower case only when its city
is big (100,000 people) or a curated name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.nlp.lang import en
from bot.nlp.places import PlaceMention, _load, find_places
from bot.nlp.places.gazetteer import _PERSON_NAMES

__all__ = ["framed_places"]

_MIN_POP_LOWER = 100_000


def framed_places(text: str) -> list[PlaceMention]:
    """The places the frames mark in ``text`` (a cleaned message), in text order."""
    low = text.lower()
    found = [p for p in _candidates(text, low) if p is not None]
    return sorted(found, key=lambda p: p.start)


def _candidates(text: str, low: str) -> Iterator[PlaceMention | None]:
    if "based" in low:
        yield from _based(text)
    if ":" in low or "=" in low:
        for m in en.FIELD_LABEL_LINE.finditer(text):
            yield _as_place(text, m.start(1), m.end(1), common_ok=True)
    if en.DATE_LEAD_HINT.search(low) is not None:
        yield from _dated(text)
        yield from _dated_short_forms(text, low)
    if "→" in low or "->" in low:
        yield from _chained(text)
    if (
        ("now" in low or "days" in low or "currently" in low)
        and any(w in low for w in en.FORMER_HOME_WORDS)
        and en.FORMER_HOME_HINT.search(low)
    ):
        for m in en.NOW_NAME.finditer(text):
            if en.FORMER_HOME_HINT.search(text, 0, m.start()) is not None:
                yield _named(text, m.start(1), m.end(1))
    if " here" in low and en.PERSON_HERE.search(low) is not None:
        for m in en.PERSON_HERE_AFTER_NAME.finditer(text):
            yield _as_place(text, m.start(1), m.end(1), common_ok=True)


def _dated(text: str) -> Iterator[PlaceMention | None]:
    """A name that opens a clause with dates after it ("Galway from the 27th", "then
    Inverness mon-wed"): a place unless it is a common word or a first name ("Florence
    on the 4th said ..."), but a later leg of such a list may be either ("Lyon 1-3 July,
    Marseille 4-6, Nice 7-9", "Rome 3-5, Florence 6-8"), and a first name opening such a
    list is a place when a later leg is ("Austin 8-9 Sep, Dallas 10-11"). A frame that
    closes makes either a place too: a common word with a trip's purpose ("Bologna Wed to
    Sat for a trade fair"), a first name with one or at the message's end ("Eugene next
    weekend 🌲")."""
    legs = 0
    held: list[PlaceMention] = []  # a first name opening the list, until a later leg says
    for m in en.DATED_NAME.finditer(text):
        if en.CLAUSE_OPENS.search(text, max(0, m.start(1) - 12), m.start(1)) is None:
            continue
        name = m.group(1)
        if _a_region_after_a_comma(text, m.start(1), name):
            continue  # "London, Ontario next month": Ontario says which London
        words = name.split()
        later_leg = m.start(1) > 0 and (
            legs > 0
            or bool(held)
            or en.THEN_OPENS.search(text, max(0, m.start(1) - 12), m.start(1)) is not None
        )
        closed = en.DATED_FRAME_CLOSED.match(text, m.end(1))
        if closed is not None and en.MEETING_PURPOSE.match(text, closed.start("end")):
            closed = None  # "Jackson on the 12th for a one-on-one": a person
        purpose = _with_a_purpose(text, closed)
        first_name_ok = later_leg or purpose or _ends_there(text, closed)
        common_ok = later_leg or purpose
        for n in (2, 1) if len(words) == 2 else (1,):
            start = m.start(1) + (len(name) - len(" ".join(words[-n:])))
            place = _as_place(text, start, m.end(1), common_ok=common_ok or legs == 0)
            if place is None:
                continue
            if not common_ok and place.city is not None and place.city.id in _load().common:
                if legs == 0 and not held:
                    held.append(place)  # "Savannah 3-5 oct, then Atlanta 6-8"
                break
            if first_name_ok or place.text.lower() not in _PERSON_NAMES:
                legs += 1
                yield from (h for h in held if _one_sentence(text, h.end, place.start))
                held.clear()
                yield place
            elif legs == 0 and not held:
                held.append(place)
            break


def _one_sentence(text: str, a: int, b: int) -> bool:
    """No sentence ends between ``a`` and ``b``."""
    return not any(c in text[a:b] for c in ".!?\n")


def _a_region_after_a_comma(text: str, start: int, name: str) -> bool:
    """A region's name right after a comma qualifies the city before it ("London, Ontario",
    "Perth, Scotland"); it opens no clause of its own."""
    g = _load()
    key = name.lower()
    return text[:start].rstrip().endswith(",") and (key in g.region_index or key in g.admin1_names)


def _dated_short_forms(text: str, low: str) -> Iterator[PlaceMention | None]:
    """A curated short form typed in lower case, opening a clause with dates after it that
    close it: "sf 9/14-9/16, lmk ...", "then bcn next week" (not a common word: "la").
    Only the message's words that are short forms are looked at (most messages have none)."""
    g = _load()
    keys = g.aliases.abbr.keys() & en.gate_words(low)
    for key in sorted(keys):
        if key in g.common_words or key in _PERSON_NAMES:
            continue
        cid = g.aliases.abbr[key]
        at = text.find(key)
        while at >= 0:
            m = en.DATED_SHORT_FORM.match(text, at)
            if (
                m is not None
                and m.group(1) == key
                and en.CLAUSE_OPENS.search(text, max(0, at - 12), at) is not None
                and en.DATED_FRAME_CLOSED.match(text, m.end()) is not None
            ):
                yield PlaceMention(key, at, m.end(), g.by_id[cid], alias=g.aliases.kind[key])
            at = text.find(key, at + 1)


def _ends_there(text: str, closed: re.Match[str] | None) -> bool:
    """A closed dated frame that ends the message or its exclamation: "Eugene next weekend
    🌲" (what a first name needs without a purpose; not "Austin tomorrow, Dallas friday")."""
    return closed is not None and en.FRAME_ENDS_HERE.match(text, closed.start("end")) is not None


def _with_a_purpose(text: str, closed: re.Match[str] | None) -> bool:
    """A closed dated frame with a trip's purpose or next leg where it closes: "Bologna
    Wednesday to Saturday for a trade fair", "Providence thru Sunday, then home" (what a
    name that is a common word needs; not "Sale this weekend!", "Orange next week for the
    launch")."""
    return closed is not None and en.TRIP_PURPOSE.match(text, closed.start("end")) is not None


def _named(text: str, start: int, end: int) -> PlaceMention | None:
    """A name a frame marks as a place, a first name or a common word too ("these days
    Austin", "now Bristol"), in capitals; of two words, both or the last."""
    while end > start and text[end - 1] == ".":
        end -= 1  # "now Bristol." ends a sentence
    words = text[start:end].split()
    for n in (2, 1) if len(words) == 2 else (1,):
        at = start + (end - start - len(" ".join(words[-n:])))
        place = _as_place(text, at, end, common_ok=True)
        if place is not None:
            return place
    return None


def _chained(text: str) -> Iterator[PlaceMention | None]:
    """Names an arrow joins to another place ("Rome → Florence → Venice"): a place, even a
    first name or a common word, where the chain holds a city found without the arrows."""
    names = [
        (m.start(1), m.end(1)) if m.group(1) else (m.start(2), m.end(2))
        for m in en.ARROW_CHAIN_NAME.finditer(text)
    ]
    if not any(find_places(text[a:b]) for a, b in names):
        return
    for a, b in names:
        yield _as_place(text, a, b, common_ok=True)


def _based(text: str) -> Iterator[PlaceMention | None]:
    for m in en.BASED_AFTER_NAME.finditer(text):
        ends = m.group("end") is not None
        name = m.group(1)
        # "I'm Frankfurt-based": the last word, or the last two ("Salt Lake-based")
        words = name.split()
        for n in (2, 1) if len(words) == 2 else (1,):
            start = m.start(1) + (len(name) - len(" ".join(words[-n:])))
            yield _as_place(text, start, m.end(1), common_ok=ends)


def _as_place(text: str, start: int, end: int, *, common_ok: bool) -> PlaceMention | None:
    """The city the words ``text[start:end]`` name after "in", or None."""
    name = text[start:end]
    named = find_places("in " + name)
    if not named or named[0].city is None or named[0].start != 3 or named[0].end != 3 + len(name):
        return None
    city = named[0].city
    if not name[:1].isupper() and city.population < _MIN_POP_LOWER and not named[0].alias:
        return None
    if city.id in _load().common and not (common_ok and name[:1].isupper()):
        return None
    return PlaceMention(name, start, end, city, alias=named[0].alias)
