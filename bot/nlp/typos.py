"""City names misspelt by one letter, read only where a statement frame expects a city.

"I'm in Edinbrugh", "living in philadelpia": a capitalised word of 7 or more letters (any
word, in a message all in lower case), right after "in", "to", "from", "visiting" or "near",
that is no name the gazetteer
knows and is one edit (a letter missing, added, changed, or two letters swapped) from the
single-word name of exactly one city of 100,000 people or more. Short names and small towns
are never guessed: "in Bath" or "in Reno" need no help, and the edits of short words hit
common English words. ``statements`` then reads the city like any other mention, so the
frame must still make it a home or trip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.nlp.places import City, _load, all_cities, fold

__all__ = ["may_be_misspelt", "may_have_a_frame", "misspelt_cities"]

MIN_LETTERS = 7
MIN_POPULATION = 100_000

# A word where a city would be: capitalised (or any word, in a message written all in lower
# case), right after a place preposition or a trip verb. The candidate word is searched
# first (a character class the regex engine scans for fast), then the word before it.
CANDIDATE = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ\u0100-\u024f]{6,}")
CANDIDATE_LOWER = re.compile(r"[a-zß-ÿ\u0100-\u024f]{7,}")
FRAME_WORDS = frozenset({"in", "to", "from", "visiting", "near"})
_BEFORE = re.compile(r"(?:^|[^\w#'’])([A-Za-z]+)\s+#?$")

_INDEX: list[dict[str, tuple[int, ...]]] = []


def _deletes(word: str) -> Iterator[str]:
    return (word[:i] + word[i + 1 :] for i in range(len(word)))


def _index() -> dict[str, tuple[int, ...]]:
    """Each big single-word name and its one-letter deletions -> the cities (built once)."""
    if not _INDEX:
        found: dict[str, set[int]] = {}
        for city in all_cities():
            if city.population < MIN_POPULATION:
                break  # biggest first
            key = fold(city.name)
            if len(key) < MIN_LETTERS or not key.isalpha():
                continue
            for variant in (key, *_deletes(key)):
                found.setdefault(variant, set()).add(city.id)
        _INDEX.append({k: tuple(v) for k, v in found.items()})
    return _INDEX[0]


_HEADS: list[frozenset[str]] = []


def _heads() -> frozenset[str]:
    """The first two letters of every big single-word name (a cheap first test)."""
    if not _HEADS:
        _HEADS.append(frozenset(k[:2] for k in _index() if len(k) >= MIN_LETTERS))
    return _HEADS[0]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter missing, added or changed, or two neighbours
    swapped ("edinbrugh"/"edinburgh", "philadelpia"/"philadelphia")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def _misspelt(word: str) -> City | None:
    """The one big city ``word`` misspells, or None (a known name, or no or several cities)."""
    g = _load()
    key = fold(word)
    if key in g.name_index or key in g.region_index or key in g.aliases.typed:
        return None
    index = _index()
    ids = {i for v in (key, *_deletes(key)) for i in index.get(v, ())}
    near = {i for i in ids if one_edit_apart(key, fold(g.by_id[i].name))}
    names = {fold(g.by_id[i].name) for i in near}
    if len(names) != 1:
        return None
    return max((g.by_id[i] for i in near), key=lambda c: c.population)


def _frames(text: str, all_lower: bool) -> Iterator[re.Match[str]]:
    """Candidate words (whole words) that a frame word leads."""
    for m in (CANDIDATE_LOWER if all_lower else CANDIDATE).finditer(text):
        start, end = m.start(), m.end()
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        if m.group()[:2].lower() not in _heads():
            continue  # no big city's name starts so (a typo in the first two letters is left)
        lead = _BEFORE.search(text, max(0, start - 12), start)
        if lead is not None and lead.group(1).lower() in FRAME_WORDS:
            yield m


def may_have_a_frame(words: list[str]) -> bool:
    """Cheapest first test, on the message's lower-case words split at marks (as the gates
    split them): a frame word right before a long word that starts as a big city's name.
    ``may_be_misspelt`` is False where this is."""
    present = FRAME_WORDS.intersection(words)
    if not present:
        return False
    # Only the words right after a frame word are read: each found by the list's own search
    # (most messages hold one or two frame words, among twenty or more words).
    heads = _heads()
    last = len(words) - 1
    for frame in present:
        k = words.index(frame)
        while k < last:
            w = words[k + 1]
            if len(w) >= MIN_LETTERS and (w[:2] if w.isascii() else fold(w[:2])) in heads:
                return True
            k = _next_index(words, frame, k + 1)
    return False


def _next_index(words: list[str], word: str, start: int) -> int:
    """The index of ``word`` in ``words`` from ``start`` on, or past the end."""
    try:
        return words.index(word, start)
    except ValueError:
        return len(words)


def may_be_misspelt(text: str) -> bool:
    """Cheap check for the pre-filter: False means ``misspelt_cities(clean(text), all_lower=
    text.islower())`` finds nothing (cleaning only masks words, never makes new ones)."""
    return any(_misspelt(m.group()) is not None for m in _frames(text, text.islower()))


def misspelt_cities(text: str, *, all_lower: bool) -> list[tuple[int, int, City]]:
    """(start, end, city) of each misspelt city name in a statement frame, in text order.
    ``all_lower``: the message as written has no capital letter (then any word counts)."""
    out: list[tuple[int, int, City]] = []
    for m in _frames(text, all_lower):
        city = _misspelt(m.group())
        if city is not None:
            out.append((m.start(), m.end(), city))
    return out
