"""Which of several same-named cities a message means, from the words after the name.

``find_places`` already reads a region right after a name ("Portland, ME", "Austin TX"). This
reads the looser ways people say it, within the words after the city (up to the next city on
the same line): "Portland. Maine, not Oregon", "Hamilton — the NZ one, Waikato", "Valencia
(the Spanish one)", "KC here, on the Kansas side", "Perth... Scotland, not Australia". A
region or country named after "not" is the one the speaker does not mean.
"""

from __future__ import annotations

import re

from bot.domain.geo import distance_km
from bot.nlp.lang import en
from bot.nlp.places import NEAR_HOME_KM, City, _load, fold, namesakes, namesakes_in

__all__ = ["by_context", "near"]

_WINDOW = 90
_WORD = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?")
_TOKEN = re.compile(r"[^\W\d_]+")


def by_context(city: City, after: str, next_city: int | None = None) -> City:
    """``city``, or the namesake the words ``after`` it (raw text, any case) name: Hamilton
    (Canada, the biggest) with " last year — the NZ one, Waikato" after it is Hamilton NZ;
    Portland (Oregon) with ". Maine, not Oregon" is Portland, Maine. ``next_city``: where in
    ``after`` another city is named; the words end there, but for a name that is itself the
    qualifier ("Arlington — Virginia side": Virginia is a town too)."""
    words = _region_words(city)
    if not words:
        return city  # no namesakes
    window = after[:_WINDOW].split("\n", 1)[0]
    tokens = _TOKEN.findall(fold(window))
    if _REGION_TOKENS[city.id].isdisjoint(tokens) and not _CODE.search(window):
        return city  # no word of a region or country, no code: the most likely namesake
    for m in _TOKEN.finditer(window):
        if next_city is not None and m.start() > next_city:
            break
        key = _key_at(window, m, words)
        if key is None:
            continue
        if en.NOT_THIS_ONE.search(window[: m.start()].lower()):
            if m.start() == next_city:
                next_city = None  # "not the Virginia one, the BC one": read on
            continue
        full = en.STATE_ABBREVIATIONS.get(key) if window[m.end() : m.end() + 1] == "." else None
        kept = namesakes_in(city, full or en.COUNTRY_WORDS.get(key, key))
        if kept:
            return city if city in kept else kept[0]
    return city


def _key_at(window: str, m: re.Match[str], words: frozenset[str]) -> str | None:
    """The region word at ``m`` (it, or it and the next word: "new zealand"), or None: a
    region name in any case, a code only in capitals ("NZ", "BC")."""
    word = m.group()
    low = fold(word)
    two = _WORD.match(window, m.start())
    pair = fold(two.group()) if two else low
    if pair != low and pair in words:
        return pair
    if low in words and (len(low) >= 4 or low in en.COUNTRY_WORDS or word.isupper()):
        return low
    if low in en.STATE_ABBREVIATIONS and window[m.end() : m.end() + 1] == ".":
        return low  # "Portland, Ore. next week"
    if 2 <= len(word) <= 3 and word.isupper():
        return low  # an admin1 abbreviation ("BC", "NSW"): namesakes_in reads it
    return None


# "massachusetts" -> {"mass"}: a state's dotted short form names it ("Cambridge, Mass.").
_SHORT_STATES: dict[str, set[str]] = {}
for _short, _state in en.STATE_ABBREVIATIONS.items():
    _SHORT_STATES.setdefault(_state, set()).add(_short)
_REGION_WORDS: dict[int, frozenset[str]] = {}
_REGION_TOKENS: dict[int, frozenset[str]] = {}
_CODE = re.compile(r"\b[A-Z]{2,3}\b")
_BY_CODE: dict[str, set[str]] = {}


def _region_words(city: City) -> frozenset[str]:
    """The words that may name the region or country of one of ``city``'s namesakes (empty
    when it has none), built once per city."""
    found = _REGION_WORDS.get(city.id)
    if found is None:
        same = namesakes(city)
        found = frozenset()
        if len(same) > 1:
            by_code = _names_by_code()
            words: set[str] = set()
            for c in same:
                cc = c.country_code
                words.add(cc.lower())
                if c.admin1_name:
                    words.add(fold(c.admin1_name))
                    words |= _SHORT_STATES.get(fold(c.admin1_name), set())
                words |= by_code.get(cc, set()) | by_code.get(f"{cc}-{c.admin1_code}", set())
            found = frozenset(words)
        _REGION_WORDS[city.id] = found
        _REGION_TOKENS[city.id] = frozenset(w.strip(".,;:()") for k in found for w in k.split())
    return found


def _names_by_code() -> dict[str, set[str]]:
    """Region and country names by code ("US-ME": {"maine"}, "ES": {"spain", "spanish"})."""
    if not _BY_CODE:
        for name, code in _load().region_index.items():
            _BY_CODE.setdefault(code, set()).add(name)
        for word, cc in en.COUNTRY_WORDS.items():
            _BY_CODE.setdefault(cc.upper(), set()).add(fold(word))
    return _BY_CODE


def near(city: City, other: City) -> City:
    """The namesake of ``city`` near ``other`` (within ``NEAR_HOME_KM``), else ``city``: "I'm
    in Boston — sorry, Cambridge" is Cambridge, Massachusetts."""
    close = [
        c
        for c in namesakes(city)
        if distance_km(c.latitude, c.longitude, other.latitude, other.longitude) <= NEAR_HOME_KM
    ]
    return close[0] if close else city
