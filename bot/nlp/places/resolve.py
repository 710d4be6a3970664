"""What a typed or mentioned city name means: lookup, namesakes and the dominance rule."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from difflib import get_close_matches

from bot.domain.geo import distance_km
from bot.nlp.places.gazetteer import (
    City,
    _alternates,
    _Gazetteer,
    _load,
    _norm,
    _read_data,
    fold,
)


@dataclass(frozen=True, slots=True)
class CityLookup:
    """`city` when the query means one city (`alternatives`: its namesakes, to offer), else
    `candidates` to ask among (comparable namesakes), else `suggestions` (close spellings,
    or a small town the query may not mean)."""

    city: City | None
    candidates: tuple[City, ...] = ()
    suggestions: tuple[City, ...] = ()
    alternatives: tuple[City, ...] = ()


# ---------------------------------------------------------------------------------------
# resolve_city


_GEONAMES_RE = re.compile(r"^\s*geonames\s*:\s*(\d{1,12})\s*$", re.IGNORECASE)
_PREFERRED_BOOST = 3
_MENTION_BOOST = 10

# The dominance rule (see `dominant`).
DOMESTIC_RATIO = 20
"""The biggest namesake is meant when it is this many times any namesake in its own country
(or the community's): people there know and say both (Portland OR / ME: 9.8x, so we ask)."""
FOREIGN_RATIO = 5
"""... and this many times any namesake abroad (Paris FR / TX: 85x; San Francisco US / PH:
10x): a bare name means the much bigger city unless members live near the other."""
SMALL_TOWN = 100_000
"""A bare name whose city is smaller than this is not taken unasked ("Atlantis" is not
silently Atlantis, ZA), unless members live near it, it is in the community's country, or
it is known far and wide (WIDELY_KNOWN)."""
WIDELY_KNOWN = 10
"""A town with this many names in other languages is known far and wide (Venice: 31,
Cannes: 15; Atlantis, ZA: 2; only 1% of the gazetteer's small towns have 10)."""
NEAR_HOME_KM = 100
MAX_CHOICES = 4


def _near_home(city: City, homes: Collection[City]) -> bool:
    return any(
        distance_km(city.latitude, city.longitude, h.latitude, h.longitude) <= NEAR_HOME_KM
        for h in homes
    )


def dominant(
    matches: Sequence[City],
    *,
    homes: Collection[City] = (),
    prefer_country: str | None = None,
) -> City | None:
    """The city a bare name means among its namesakes, or None when they are comparable and
    the member must choose. One rule for every name:

    1. Where members live decides first: if some matches lie within NEAR_HOME_KM of a
       member's home, only those compete (the others are still offered).
    2. Then size (population; x3 in the community's `prefer_country`): the biggest wins if it
       is DOMESTIC_RATIO times any namesake in its own country or in `prefer_country`, and
       FOREIGN_RATIO times any other.

    "Paris" -> Paris, FR (85x Paris, TX); "San Francisco" -> California (10x the Philippine
    one); "London" -> GB; "Portland" -> ask (Oregon is 9.8x Maine, same country);
    "Springfield", "Cambridge", "Richmond" -> ask; "Portland" where members live in Maine ->
    Portland, Maine.
    """
    if not matches:
        return None
    pool = [c for c in matches if _near_home(c, homes)] if homes else []
    pool = pool or list(matches)
    pc = (prefer_country or "").upper()

    def weight(c: City) -> int:
        return c.population * (_PREFERRED_BOOST if pc and c.country_code == pc else 1)

    top = max(pool, key=weight)
    for rival in pool:
        if rival is top:
            continue
        domestic = rival.country_code in (top.country_code, pc)
        ratio = DOMESTIC_RATIO if domestic else FOREIGN_RATIO
        if weight(top) < ratio * weight(rival):
            return None
    return top


def _rank(
    g: _Gazetteer, ids: tuple[int, ...], prefer_country: str | None, boost: int = 0
) -> list[City]:
    cities = [g.by_id[i] for i in ids]
    if prefer_country:
        pc = prefer_country.upper()
        b = boost or _PREFERRED_BOOST
        cities.sort(key=lambda c: -c.population * (b if c.country_code == pc else 1))
    return cities


def _qualifier_filter(g: _Gazetteer, cities: list[City], qual: str) -> list[City] | None:
    """Keep the cities matching a qualifier like "or", "oregon", "us", "maine, us"."""
    parts = [p for p in (_norm(x) for x in re.split(r"[,]", qual)) if p]
    if not parts:
        return None
    out = cities
    for part in parts:
        region = g.region_index.get(part)
        kept: list[City] = []
        for c in out:
            a1name = _norm(c.admin1_name) if c.admin1_name else ""
            if (
                part == c.country_code.lower()
                or part == c.admin1_code.lower()
                or (a1name and part == a1name)
                or g.admin1_abbr.get(f"{c.country_code}.{part}")
                == f"{c.country_code}.{c.admin1_code}"
                or (
                    region is not None
                    and (region == c.country_code or region == f"{c.country_code}-{c.admin1_code}")
                )
            ):
                kept.append(c)
        if not kept:
            return None
        out = kept
    return out


def _lookup_name(g: _Gazetteer, key: str, exact: bool = True) -> tuple[int, ...]:
    ids = (
        g.abbr_index.get(key)
        or g.name_index.get(key)
        or tuple(g.typed_names.get(key, ()))
        or _alternates(g).get(key)
        or ()
    )
    if exact and len(ids) > 1:
        # Names written exactly as the query beat "St." / "Saint" variants.
        same = tuple(i for i in ids if _norm(g.by_id[i].name) == key)
        if same:
            return same
    return ids


def _matches(g: _Gazetteer, q: str, prefer_country: str | None) -> tuple[list[City], bool]:
    """The cities a query names, and whether it named a region or country too."""
    # "Portland, Oregon, US", "Portland ME", "portland, or"
    if "," in q:
        head, _, qual = q.partition(",")
        ids = _lookup_name(g, _norm(head), exact=False)
        if ids:
            kept = _qualifier_filter(g, _rank(g, ids, prefer_country), qual)
            if kept:
                return kept, True
    key = _norm(q)
    ids = _lookup_name(g, key)
    if ids:
        return _rank(g, ids, prefer_country), False
    words = key.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        ids = _lookup_name(g, " ".join(words[:cut]), exact=False)
        if ids:
            kept = _qualifier_filter(g, _rank(g, ids, prefer_country), ",".join(words[cut:]))
            if kept:
                return kept, True
    return [], False


def _biggest_first(cities: Sequence[City], homes: Collection[City]) -> list[City]:
    return sorted(cities, key=lambda c: (not _near_home(c, homes), -c.population))


def resolve_city(
    query: str, *, prefer_country: str | None = None, homes: Collection[City] = ()
) -> CityLookup:
    """What a typed city means. `homes`: the cities where the community's members live."""
    g = _load()
    q = query.strip()
    if not q or len(q) > 200:
        return CityLookup(None)
    m = _GEONAMES_RE.match(q)
    if m:
        return CityLookup(g.by_id.get(int(m.group(1))))
    ranked, qualified = _matches(g, q, prefer_country)
    if not ranked:
        return CityLookup(None, suggestions=tuple(_suggest(g, _norm(q))))
    ordered = _biggest_first(ranked, homes)
    top = dominant(ranked, homes=homes, prefer_country=prefer_country)
    if top is None:
        return CityLookup(None, candidates=tuple(ordered[:10]))
    others = tuple(c for c in ordered if c is not top)[:MAX_CHOICES]
    if not qualified and _far_small_town(top, homes, prefer_country):
        return CityLookup(None, suggestions=(top, *others))
    return CityLookup(top, alternatives=others)


def namesakes(city: City) -> tuple[City, ...]:
    """Every city with this city's name (itself included), biggest first."""
    g = _load()
    ids = g.name_index.get(_norm(city.name), ())
    found = [g.by_id[i] for i in ids]
    if city not in found:
        return (city,)
    return tuple(sorted(found, key=lambda c: -c.population))


def namesakes_in(city: City, qualifier: str) -> list[City] | None:
    """The namesakes of ``city`` in a region or country ("maine", "nz", "waikato", "es"),
    biggest first, or None when the qualifier names none of them."""
    return _qualifier_filter(_load(), list(namesakes(city)), qualifier)


_QUALIFIER_WORDS = 3


# Words inside brackets after a name that say nothing about which one: "(the BC one)".
_BRACKET_FILLERS = frozenset("the one in i mean not that a an of".split())
_MIN_NEARBY_REGION = 4  # "us", "uk", "me", "or": only right after the name, not anywhere


def _in_brackets(g: _Gazetteer, after: str, same: Sequence[City]) -> list[City] | None:
    """ "Richmond (the BC one)", "Portland (Maine)": the namesakes a bracket right after the
    name keeps."""
    if not after.lstrip().startswith("("):
        return None
    inside = after.lstrip()[1:].split(")", 1)[0]
    words = [w for w in _norm(inside).split(" ") if w and w not in _BRACKET_FILLERS]
    return _narrowed(g, same, words)


def _narrowed(g: _Gazetteer, same: Sequence[City], words: list[str]) -> list[City] | None:
    """The namesakes the longest run of ``words`` (from the first) names a region of."""
    for n in range(min(len(words), _QUALIFIER_WORDS), 0, -1):
        kept = _qualifier_filter(g, list(same), ",".join(words[:n]))
        if kept and len(kept) < len(same):
            return kept
    return None


def _named_nearby(
    g: _Gazetteer, text: str, at: int, name: str, same: Sequence[City]
) -> list[City] | None:
    """A state, province or country named anywhere else in the sentence that some namesakes
    lie in ("Portland next week, my first time in Maine")."""
    words = _norm(text[:at] + " , " + text[at + len(name) :]).split(" ")
    for i in range(len(words)):
        for n in (3, 2, 1):
            key = " ".join(words[i : i + n])
            if len(key) < _MIN_NEARBY_REGION or (
                key not in g.region_index and key not in g.admin1_names
            ):
                continue
            kept = _qualifier_filter(g, list(same), key)
            if kept and len(kept) < len(same):
                return kept
    return None


def _picked_by_context(city: City, sentence: str, same: Sequence[City]) -> list[City] | None:
    """The namesakes the sentence narrows a bare name to, or None when it does not: a region
    right after the name ("Springfield, Illinois", "Portland ME": the city the mention finder
    chose), in brackets after it, or named elsewhere in the sentence."""
    g = _load()
    text, name = fold(sentence), fold(city.name)
    at = text.find(name)
    if at < 0:
        return [city]  # named otherwise (a neighbourhood, an alias): not a bare name
    after = text[at + len(name) :]
    kept = _narrowed(g, same, _norm(after).split(" "))
    if kept and city in kept:
        return [city]
    return _in_brackets(g, after, same) or _named_nearby(g, text, at, name, same)


def meant_cities(
    city: City,
    sentence: str,
    *,
    homes: Collection[City] = (),
    prefer_country: str | None = None,
    own_home: City | None = None,
) -> tuple[City, ...]:
    """The cities a member may mean by `city`, found by name in `sentence`: the one city when
    the sentence names its region or country, when it lies near the speaker's `own_home`,
    or when one namesake dominates (`dominant`, members' `homes` first); else the comparable
    namesakes to ask among, biggest first (members' homes first)."""
    same: Sequence[City] = namesakes(city)
    if len(same) < 2:
        return (city,)
    same = _picked_by_context(city, sentence, same) or same
    if own_home is not None:
        same = [c for c in same if _near_home(c, (own_home,))] or same
    if len(same) == 1:
        return (same[0],)
    top = dominant(same, homes=homes, prefer_country=prefer_country)
    if top is not None:
        return (top,)
    return tuple(_biggest_first(same, homes)[:MAX_CHOICES])


def _far_small_town(city: City, homes: Collection[City], prefer_country: str | None) -> bool:
    """A little-known small place no member lives near, outside the community's country: a
    bare name probably meant something else (a typo, a place we don't have)."""
    if city.population >= SMALL_TOWN or _near_home(city, homes):
        return False
    if prefer_country and city.country_code == prefer_country.upper():
        return False
    return _name_counts().get(city.id, 0) < WIDELY_KNOWN


@functools.cache
def _name_counts() -> dict[int, int]:
    """How many alternate names each city has; read once, on the first small-town question
    (never on the mention-finding path, whose cold start is measured)."""
    counts: dict[int, int] = {}
    for line in _read_data().split("\n"):
        if line.startswith("C\t"):
            r = line.split("\t", 12)
            if len(r) > 10 and r[10]:
                counts[int(r[1])] = r[10].count("|") + 1
    return counts


def _suggest(g: _Gazetteer, key: str, limit: int = 5) -> list[City]:
    if not key or len(key) > 60:
        return []
    # Names with the same first letter, plus the big cities (a typo in the first letter).
    keys = g.prefix_keys
    lo = bisect.bisect_left(keys, key[0])
    hi = bisect.bisect_left(keys, key[0] + "\uffff", lo)
    pool = [k for k in keys[lo:hi] if abs(len(k) - len(key)) <= 3]
    if g.big_keys is None:
        g.big_keys = [k for k in keys if g.by_id[g.name_index[k][0]].population >= 300_000]
    pool += [k for k in g.big_keys if k[0] != key[0]]
    matches = get_close_matches(key, pool, n=limit * 2, cutoff=0.7)  # closest first
    out: dict[int, City] = {}
    for mkey in matches:
        for cid in g.name_index[mkey][:2]:
            out.setdefault(cid, g.by_id[cid])
    return list(out.values())[:limit]


def search_cities(prefix: str, *, limit: int = 25) -> list[City]:
    """Autocomplete: cities whose name starts with ``prefix``, biggest first."""
    key = _norm(prefix)
    if not key or limit <= 0:
        return []
    g = _load()
    keys = g.prefix_keys
    lo = bisect.bisect_left(keys, key)
    hi = bisect.bisect_left(keys, key + "\uffff", lo)
    seen: dict[int, City] = {}
    for i in range(lo, hi):
        for cid in g.prefix_ids[i]:
            seen.setdefault(cid, g.by_id[cid])
    abbr = g.abbr_index.get(key)
    if abbr:
        for cid in abbr:
            seen.setdefault(cid, g.by_id[cid])
    return sorted(seen.values(), key=lambda c: -c.population)[:limit]
