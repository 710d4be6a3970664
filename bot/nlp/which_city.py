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
from bot.nlp.places import NEAR_HOME_KM, City, fold, namesakes, namesakes_in

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
    if len(namesakes(city)) < 2:
        return city
    window = after[:_WINDOW].split("\n", 1)[0]
    for m in _TOKEN.finditer(window):
        if next_city is not None and m.start() > next_city:
            break
        if en.NOT_THIS_ONE.search(window[: m.start()].lower()):
            if m.start() == next_city:
                next_city = None  # "not the Virginia one, the BC one": read on
            continue
        kept = _kept_by(city, window, m)
        if kept:
            return city if city in kept else kept[0]
    return city


def _kept_by(city: City, window: str, m: re.Match[str]) -> list[City] | None:
    """The namesakes a word (or it and the next word) at ``m`` names the region of: a region
    name of 4+ letters in any case, a code only in capitals ("NZ", "BC"), or a country
    adjective ("Spanish")."""
    word = m.group()
    low = fold(word)
    two = _WORD.match(window, m.start())
    pair = fold(two.group()) if two else low
    for key in (pair, low) if pair != low else (low,):
        code = en.COUNTRY_WORDS.get(key)
        if code is not None:
            return namesakes_in(city, code)
        if len(key) >= 4:
            kept = namesakes_in(city, key)
            if kept:
                return kept
    if 2 <= len(word) <= 3 and word.isupper():
        return namesakes_in(city, low)
    return None


def near(city: City, other: City) -> City:
    """The namesake of ``city`` near ``other`` (within ``NEAR_HOME_KM``), else ``city``: "I'm
    in Boston — sorry, Cambridge" is Cambridge, Massachusetts."""
    close = [
        c
        for c in namesakes(city)
        if distance_km(c.latitude, c.longitude, other.latitude, other.longitude) <= NEAR_HOME_KM
    ]
    return close[0] if close else city
