"""Cities: an offline GeoNames gazetteer, name resolution, autocomplete and mention finding.

The gazetteer (``data/gazetteer.tsv.gz``, built by ``tools/build_gazetteer.py``) is loaded
lazily on first use and cached for the life of the process. Everything here is pure and
synchronous; nothing touches the network.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import re
import threading
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from importlib import resources

from bot.domain.geo import distance_km

__all__ = [
    "City",
    "CityLookup",
    "PlaceMention",
    "all_cities",
    "city_by_id",
    "city_name_first_words",
    "city_name_heads",
    "city_name_last_words",
    "city_name_tails",
    "country_of_zone",
    "dominant",
    "find_places",
    "fold",
    "may_mention_city",
    "may_mention_place",
    "meant_cities",
    "namesakes",
    "parent_city",
    "region_name",
    "resolve_city",
    "search_cities",
]

# Countries where the admin1 (state, province) is part of how people name a city.
_ADMIN1_IN_LABEL = frozenset({"US", "CA", "AU", "BR", "IN", "MX"})


@dataclass(frozen=True, slots=True)
class City:
    id: int
    name: str
    country_code: str
    admin1_code: str
    admin1_name: str
    latitude: float
    longitude: float
    timezone: str
    population: int

    @property
    def label(self) -> str:
        """Human label: "Portland, Oregon, US", "Paris, FR"."""
        if self.admin1_name and self.country_code in _ADMIN1_IN_LABEL:
            return f"{self.name}, {self.admin1_name}, {self.country_code}"
        return f"{self.name}, {self.country_code}"


@dataclass(frozen=True, slots=True)
class CityLookup:
    """`city` when the query means one city (`alternatives`: its namesakes, to offer), else
    `candidates` to ask among (comparable namesakes), else `suggestions` (close spellings,
    or a small town the query may not mean)."""

    city: City | None
    candidates: tuple[City, ...] = ()
    suggestions: tuple[City, ...] = ()
    alternatives: tuple[City, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    city: City | None
    region: str | None = None


# ---------------------------------------------------------------------------------------
# Normalisation


_FOLD_TABLE = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
    }
)


def fold(s: str) -> str:
    """Lowercase and strip accents: "Zürich" -> "zurich"."""
    s = s.lower()
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s.translate(_FOLD_TABLE))
    if s.isascii():
        return s
    return _COMBINING.sub("", s)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


_NORM_SEP = re.compile(r"[^\w]+|_+")


def _norm(name: str) -> str:
    """Key of a name: folded, apostrophes dropped, separators collapsed to one space."""
    s = fold(name).replace("'", " ")
    return _NORM_SEP.sub(" ", s).strip()


def _variants(key: str) -> list[str]:
    out = [key]
    words = key.split(" ")
    if words[0] in ("saint", "sainte"):
        out.append(" ".join(["st", *words[1:]]))
    elif words[0] == "st":
        out.append(" ".join(["saint", *words[1:]]))
    if words[0] in ("the", "la", "le") and len(words) > 1 and words[0] == "the":
        out.append(" ".join(words[1:]))
    if "fort" == words[0]:
        out.append(" ".join(["ft", *words[1:]]))
    return out


# ---------------------------------------------------------------------------------------
# The gazetteer


class _Gazetteer:
    __slots__ = (
        "abbr_index",
        "admin1",
        "admin1_abbr",
        "admin1_names",
        "all",
        "alt_index",
        "anchor_names",
        "anchors",
        "big_keys",
        "by_id",
        "cities",
        "city_anchors",
        "city_single_anchors",
        "common",
        "common_words",
        "first_max",
        "first_tokens",
        "max_tokens",
        "name_index",
        "needs_ctx",
        "parents",
        "prefix_ids",
        "prefix_keys",
        "region_index",
        "region_names",
        "single_anchors",
        "weak_anchors",
    )

    def __init__(self, text: str) -> None:
        tzs: dict[str, str] = {}
        self.admin1: dict[str, str] = {}  # "US.OR" -> "Oregon"
        self.admin1_abbr: dict[str, str] = {}  # "CA.ON" short -> code
        self.region_index: dict[str, str] = {}  # "texas" -> "US-TX"
        self.region_names: dict[str, str] = {}  # "US-TX" -> "Texas"
        self.cities: list[City] = []
        self.by_id: dict[int, City] = {}
        self.name_index: dict[str, tuple[int, ...]] = {}
        self.alt_index: dict[str, tuple[int, ...]] | None = None
        self.abbr_index: dict[str, tuple[int, ...]] = {}
        self.common: set[int] = set()
        self.parents: dict[int, int] = {}
        self.all: tuple[City, ...] | None = None
        self.big_keys: list[str] | None = None
        self.admin1_names: dict[str, str] = {}  # "ontario" -> "CA-08" (not US: regions)
        self.common_words: frozenset[str] = frozenset()
        names: dict[str, list[int]] = {}
        for line in text.split("\n"):
            if not line:
                continue
            kind = line[0]
            if kind == "C":
                r = line.split("\t", 12)
                cid = int(r[1])
                cc, a1 = r[3], r[4]
                city = City(
                    id=cid,
                    name=r[2],
                    country_code=cc,
                    admin1_code=a1,
                    admin1_name=self.admin1.get(f"{cc}.{a1}", ""),
                    latitude=float(r[5]),
                    longitude=float(r[6]),
                    timezone=tzs.get(r[7], "UTC"),
                    population=int(r[8]),
                )
                self.cities.append(city)
                self.by_id[cid] = city
                if "w" in r[9]:
                    self.common.add(cid)
                for v in _variants(_norm(city.name)):
                    names.setdefault(v, []).append(cid)
                if len(r) > 11 and r[11]:
                    self.parents[cid] = int(r[11])
            elif kind == "W":
                self.common_words = frozenset(line.split("\t", 1)[1].split())
            elif kind == "T":
                _, tz_index, tz = line.split("\t")
                tzs[tz_index] = tz
            elif kind == "A":
                _, code, name = line.split("\t")
                self.admin1[code] = name
            elif kind == "B":
                _, code, short = line.split("\t")
                cc = code.split(".")[0]
                self.admin1_abbr[f"{cc}.{short.lower()}"] = code
            elif kind == "R":
                _, code, namelist = line.split("\t")
                for pos, n in enumerate(namelist.split("|")):
                    if pos == 0:
                        self.region_names[code] = n
                    self.region_index.setdefault(_norm(n), code)
        for code, name in self.admin1.items():
            if not code.startswith("US."):
                self.admin1_names.setdefault(_norm(name), code.replace(".", "-"))
        # Rows come sorted by population, so each list is biggest first.
        self.name_index = {k: tuple(dict.fromkeys(v)) for k, v in names.items()}
        self.alt_index = None  # built on the first lookup that needs it
        self.abbr_index = {
            k: tuple(i for i in ids if i in self.by_id) for k, ids in _ABBREVIATIONS.items()
        }
        keys = sorted(self.name_index)
        self.prefix_keys = keys
        self.prefix_ids = [self.name_index[k] for k in keys]
        self.max_tokens = max(k.count(" ") + 1 for k in keys)
        # The fast "no place here" check: every mentionable name has an anchor word; names
        # made only of common words ("Nice", "Salt Lake City") have weak anchors, which need
        # a capital letter or a place word ("in", "to"...) before the slow path runs.
        first: set[str] = set()
        first_max: dict[str, int] = {}
        anchors: set[str] = set()
        weak: set[str] = set()
        mention_keys = [*self.name_index, *_MENTION_ALIAS, *self.region_index, *_MENTION_ABBR]
        freq: dict[str, int] = {}
        for k in mention_keys:
            for t in k.split(" "):
                freq[t] = freq.get(t, 0) + 1
        anchor_names: dict[str, list[str]] = {}
        single: set[str] = set()
        city_anchors: set[str] = set()
        city_single: set[str] = set()
        for k in mention_keys:
            toks = k.split(" ")
            first.add(toks[0])
            if first_max.get(toks[0], 0) < len(toks):
                first_max[toks[0]] = len(toks)
            strong = [
                t
                for t in toks
                if len(t) > 3
                and t not in self.common_words
                and t not in _SMALL_WORDS
                and t not in _PERSON_NAMES
            ]
            if not strong and len(toks) == 1 and k in self.name_index:
                top_pop = self.by_id[self.name_index[k][0]].population
                if top_pop >= _MIN_POP_BIG_COMMON and k not in _PERSON_NAMES:
                    strong = [k]  # "Phoenix", "Shanghai"
            anchor: str | None = None
            if strong or k in _MENTION_ABBR:
                # the rarest strong word: "clara" for "santa clara", "york" for "new york"
                anchor = min(strong, key=lambda t: (freq[t], -len(t))) if strong else k
                anchors.add(anchor)
            else:
                cands = [t for t in toks if len(t) > 3 and t not in _SMALL_WORDS]
                if cands:  # else unreachable in running text ("The Gap", "Co Do")
                    anchor = max(cands, key=len)
                    anchors.add(anchor)
                    weak.add(anchor)
            if anchor is not None:
                if k in self.name_index or k in _MENTION_ALIAS or k in _MENTION_ABBR:
                    city_anchors.add(anchor)
                    if len(toks) == 1:
                        city_single.add(anchor)
                if len(toks) == 1:
                    single.add(anchor)
                else:
                    anchor_names.setdefault(anchor, []).append(k)
        self.first_tokens = frozenset(first)
        self.first_max = first_max
        self.anchors = frozenset(anchors)
        weak.update(k for k in _MENTION_ABBR if k not in _MENTION_ABBR_ANY_CASE)
        self.weak_anchors = frozenset(weak - (anchors - weak))
        self.single_anchors = frozenset(single)
        self.anchor_names = {a: tuple(ks) for a, ks in anchor_names.items()}
        # Single names that can never be a mention ("Police", "March", "Of") are no anchors;
        # small towns and first names ("Davis", "Austin") need a place word before them.
        dead: set[str] = set()
        needs_ctx: set[str] = set()
        for a in self.anchors:
            if a in self.anchor_names or a in _MENTION_ABBR or a in _MENTION_ALIAS:
                continue
            if a in self.region_index:
                continue
            ids = self.name_index.get(a)
            if not ids:
                continue
            top = self.by_id[ids[0]]
            common = top.id in self.common
            if a in _NEVER_CITIES or len(a) <= 3 or (common and top.population < _MIN_POP_COMMON):
                dead.add(a)
            elif (
                top.population < _MIN_POP_BARE
                or a in _PERSON_NAMES
                or (common and top.population < _MIN_POP_BIG_COMMON)
            ):
                needs_ctx.add(a)
        self.anchors = self.anchors - dead
        # Anchors of city names only: a message naming just a country or state ("I live in
        # Canada") has no city to cluster on.
        self.city_anchors = frozenset(city_anchors) - dead
        self.city_single_anchors = frozenset(city_single)
        self.needs_ctx = frozenset(needs_ctx)


# Common abbreviations and nicknames -> GeoNames ids (resolve_city).
_ABBREVIATIONS: dict[str, tuple[int, ...]] = {
    "nyc": (5128581,),
    "ny": (5128581,),
    "new york": (5128581,),
    "manhattan": (5128581,),
    "sf": (5391959,),
    "san fran": (5391959,),
    "frisco": (5391959,),
    "bay area": (5391959,),
    "la": (5368361,),
    "l a": (5368361,),
    "dc": (4140963,),
    "washington dc": (4140963,),
    "washington d c": (4140963,),
    "philly": (4560349,),
    "vegas": (5506956,),
    "nola": (4335045,),
    "atl": (4180439,),
    "chi town": (4887398,),
    "chitown": (4887398,),
    "big apple": (5128581,),
    "motor city": (4990729,),
    "sea": (5809844,),
    "pdx": (5746545,),
    "slc": (5780993,),
    "kc": (4393217,),
    "stl": (4407066,),
    "bos": (4930956,),
    "mpls": (5037649,),
    "hk": (1819729,),
    "cdmx": (3530597,),
    "rio": (3451190,),
    "sao paulo": (3448439,),
    "bombay": (1275339,),
    "calcutta": (1275004,),
    "madras": (1264527,),
    "bangalore": (1277333,),
    "peking": (1816670,),
    "saigon": (1566083,),
    "ho chi minh": (1566083,),
    "kiev": (703448,),
    "munchen": (2867714,),
    "koln": (2886242,),
    "cologne": (2886242,),
    "prague": (3067696,),
    "vienna": (2761369,),
    "rome": (3169070,),
    "milan": (3173435,),
    "munich": (2867714,),
    "lisbon": (2267057,),
    "copenhagen": (2618425,),
    "the hague": (2747373,),
    "brussels": (2800866,),
    "geneva": (2660646,),
    "zurich": (2657896,),
    "warsaw": (756135,),
    "moscow": (524901,),
    "athens": (264371,),
    "florence": (3176959,),
    "venice": (3164603,),
    "naples": (3172394,),
    "seville": (2510911,),
    "turin": (3165524,),
    "gothenburg": (2711537,),
    "nuremberg": (2861650,),
    "hanover": (2910831,),
    "montreal": (6077243,),
    "quebec city": (6325494,),
    "mexico city": (3530597,),
    "tel aviv": (293397,),
}

# Written forms that count as a mention in running text (case-sensitive, upper-case only).
_MENTION_ABBR: dict[str, int] = {
    "nyc": 5128581,
    "sf": 5391959,
    "la": 5368361,
    "dc": 4140963,
    "philly": 4560349,
    "vegas": 5506956,
    "nola": 4335045,
    "atl": 4180439,
    "pdx": 5746545,
}
_MENTION_ALIAS: dict[str, tuple[int, ...]] = {
    "new york": (5128581,),
    "new york city": (5128581,),
    "washington dc": (4140963,),
    "washington d c": (4140963,),
    "ny city": (5128581,),
    "the bay area": (5391959,),
    "bay area": (5391959,),
    "mexico city": (3530597,),
    "quebec city": (6325494,),
}
_MENTION_ABBR_ANY_CASE = frozenset({"nyc", "philly", "vegas", "nola"})

_lock = threading.Lock()
_gaz: _Gazetteer | None = None


def _read_data() -> str:
    raw = resources.files("bot.nlp").joinpath("data/gazetteer.tsv.gz").read_bytes()
    return gzip.decompress(raw).decode("utf-8")


def _load() -> _Gazetteer:
    global _gaz
    g = _gaz
    if g is not None:
        return g
    with _lock:
        if _gaz is None:
            _gaz = _Gazetteer(_read_data())
        return _gaz


@functools.cache
def city_name_last_words() -> frozenset[str]:
    """Last words (folded, lower case) of every name ``find_places`` can read as a city."""
    return frozenset(t.rsplit(" ", 1)[-1] for t in city_name_tails())


@functools.cache
def city_name_tails() -> frozenset[str]:
    """How every name ``find_places`` can read as a city ends (folded, lower case): a
    one-word name whole, a longer one by its last two words ("new york", "ya aqov"). The
    statements pre-filter uses this: "on" ends a name, but "right on" none."""
    return frozenset(" ".join(k.rsplit(" ", 2)[-2:]) for k in _city_keys())


@functools.cache
def city_name_first_words() -> frozenset[str]:
    """First words (folded, lower case) of every name ``find_places`` can read as a city."""
    return frozenset(h.split(" ", 1)[0] for h in city_name_heads())


@functools.cache
def city_name_heads() -> frozenset[str]:
    """How every name ``find_places`` can read as a city begins (folded, lower case): a
    one-word name whole, a longer one by its first two words ("new york", "be er" of Be'er
    Ya'aqov). A city mention starts with one of them (the statements pre-filter uses this:
    "going to be happy" starts no city, though "be" starts a name)."""
    return frozenset(" ".join(k.split(" ", 2)[:2]) for k in _city_keys())


def _city_keys() -> list[str]:
    """The names ``find_places`` can read as a city: those with an anchor word (a name it
    finds always holds one)."""
    g = _load()
    keys = [*g.name_index, *_MENTION_ALIAS, *_MENTION_ABBR]
    return [k for k in keys if not g.anchors.isdisjoint(k.split(" "))]


def _alternates(g: _Gazetteer) -> dict[str, tuple[int, ...]]:
    """Alternate names (Köln, Peking, ...), read on the first lookup that needs them."""
    idx = g.alt_index
    if idx is not None:
        return idx
    with _lock:
        if g.alt_index is None:
            alts: dict[str, list[int]] = {}
            for line in _read_data().split("\n"):
                if not line.startswith("C\t"):
                    continue
                r = line.split("\t", 12)
                if len(r) > 10 and r[10]:
                    cid = int(r[1])
                    for a in r[10].split("|"):
                        for v in _variants(_norm(a)):
                            alts.setdefault(v, []).append(cid)
            g.alt_index = {
                k: tuple(dict.fromkeys(v)) for k, v in alts.items() if k not in g.name_index
            }
        return g.alt_index


def city_by_id(city_id: int) -> City | None:
    return _load().by_id.get(city_id)


def parent_city(city: City) -> City:
    """The city a neighbourhood belongs to (Brooklyn -> New York City), else the city."""
    g = _load()
    pid = g.parents.get(city.id)
    return g.by_id.get(pid, city) if pid is not None else city


def all_cities() -> tuple[City, ...]:
    """Every city of the gazetteer, biggest first (read-only; built once)."""
    g = _load()
    if g.all is None:
        g.all = tuple(g.cities)
    return g.all


@functools.cache
def _zone_countries() -> dict[str, str]:
    """IANA zone -> the country with the most people in it (by the gazetteer's cities)."""
    people: dict[tuple[str, str], int] = {}
    for c in all_cities():
        people[(c.timezone, c.country_code)] = people.get((c.timezone, c.country_code), 0) + (
            c.population
        )
    best: dict[str, tuple[int, str]] = {}
    for (zone, cc), n in people.items():
        if n > best.get(zone, (-1, ""))[0]:
            best[zone] = (n, cc)
    return {zone: cc for zone, (_, cc) in best.items()}


def country_of_zone(zone: str) -> str | None:
    """The country a community in this IANA zone most likely lives in ("America/Chicago" ->
    "US"); None for zones without cities ("UTC")."""
    return _zone_countries().get(zone)


def region_name(code: str) -> str:
    """ "US-TX" -> "Texas", "FR" -> "France"; the code itself when unknown."""
    return _load().region_names.get(code, code)


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
    ids = g.abbr_index.get(key) or g.name_index.get(key) or _alternates(g).get(key) or ()
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


_QUALIFIER_WORDS = 3


def _qualified_in(sentence: str, city: City, others: Sequence[City]) -> bool:
    """Whether the sentence names the city's region or country right after its name
    ("Springfield, Illinois", "Portland ME"), as a chat message may."""
    g = _load()
    text, name = fold(sentence), fold(city.name)
    at = text.find(name)
    if at < 0:
        return True  # named otherwise (a neighbourhood, an alias): not a bare name
    words = _norm(text[at + len(name) :]).split(" ")[:_QUALIFIER_WORDS]
    for n in range(1, len(words) + 1):
        kept = _qualifier_filter(g, list(others), ",".join(words[:n]))
        if kept and city in kept and len(kept) < len(others):
            return True
    return False


def meant_cities(
    city: City,
    sentence: str,
    *,
    homes: Collection[City] = (),
    prefer_country: str | None = None,
) -> tuple[City, ...]:
    """The cities a member may mean by `city`, found by name in `sentence`: the one city when
    the name is qualified or one namesake dominates (`dominant`), else the comparable
    namesakes to ask among, biggest first (members' homes first)."""
    same = namesakes(city)
    if len(same) < 2 or _qualified_in(sentence, city, same):
        return (city,)
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


# ---------------------------------------------------------------------------------------
# find_places

_WORD_RE = re.compile(r"[^\W\d_]+")
# Bytes, as bytes.translate is a plain table lookup (str.translate looks up a dict).
_NON_AZ_TO_SPACE = bytes(c if 97 <= c <= 122 else 32 for c in range(256))

# Words before a name that say it is a place.
_LOC_PREP = frozenset(
    "in to from at near around outside visiting visit via into towards toward through "
    "across of between downtown heading headed flying fly moved moving living lives live "
    "based relocating relocated back leaving left".split()
)
_STRONG_PREP = frozenset(
    "in to from near visiting via into towards toward downtown outside".split()
)
# A capitalised word right after a city name that still leaves it a place.
_OK_FOLLOWERS = frozenset(
    "i im i'm we it its this is was and or but for on at in to the this that next last "
    "tonight today tomorrow yesterday monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec area metro downtown "
    "suburbs proper".split()
)
_PERSON_TITLES = frozenset(
    "mr mrs ms miss dr prof sir lady lord uncle aunt saint st brother sister mom dad mum "
    "friend buddy cousin son daughter wife husband boyfriend girlfriend coach player "
    "president senator governor mayor king queen prince princess captain officer".split()
)
_SPORTS = frozenset(
    "game match score scored season playoffs playoff fans "
    "beat beats win wins won lose loses lost defeat draw league cup nba nfl nhl mlb "
    "goal goals striker coach squad xi lineup starting transfer signs signed derby "
    "kickoff kick-off fixture fixtures free-kick penalty header assist".split()
)
_SCORE = re.compile(r"(?<![\d/.:-])\b\d{1,2} ?[-–] ?\d{1,2}\b(?![\d/.:-]| ?(?:am|pm|[ap]\.m))")
_CALENDAR = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december mon tue wed thu fri sat sun monday "
    "tuesday wednesday thursday friday saturday sunday pm am".split()
)
# "Seattle vs Portland" is a match unless the message talks about places.
_VERSUS = frozenset({"vs", "v", "versus"})
_PLACE_TALK = frozenset(
    "trip visit visiting travel live living move moving weekend vacation holiday rent city "
    "cities cost weather food better prefer nicer cheaper".split()
)
# First names that are also city names: need a place context.
_PERSON_NAMES = frozenset(
    "austin jackson charlotte florence victoria lincoln madison eugene tyler kent warren "
    "troy douglas logan lawrence irving norman marion allen elizabeth regina "
    "beverly shelby chester carson clayton quincy sherman milton stanley preston hamilton "
    "aurora orlando harrison franklin jefferson jordan georgia "
    "savannah bradford chandler gilbert henderson lafayette murray "
    "pearl sandy vernon wesley ashley brandon kingston lowell dudley bolton burnley "
    "darwin nelson washington carmel sherwood florida salem lynn camden grant clinton "
    "everett toyota kobe kennedy mary obama lucas miranda morales martinez davis taylor "
    "murphy katy donna amos ripley mercedes nokia fargo trinidad orange leeds santiago "
    "lorenzo diego mateo lima mesa bristol devon kent essex dover chester york "
    "marion logan eugene tyler batman bowie morton reno".split()
)


_SMALL_WORDS = frozenset(
    "the of de la le du des am upon on en sur del da di do dos das im an".split()
)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def find_places(text: str, *, prefer_country: str | None = None) -> list[PlaceMention]:
    """City (and region) mentions in chat text, left to right, without overlaps."""
    if not text:
        return []
    g = _load()
    hits = _candidates(g, text)
    if not hits:
        return []
    return _find_slow(g, text[:_MAX_CHARS], hits, prefer_country)


def may_mention_place(text: str) -> bool:
    """Cheap check: False means ``find_places`` surely finds nothing."""
    return bool(text) and bool(_candidates(_load(), text))


def may_mention_city(text: str) -> bool:
    """Cheap check: False means ``find_places`` surely finds no city (regions aside)."""
    if not text:
        return False
    g = _load()
    return bool(_candidates(g, text, g.city_anchors, g.city_single_anchors))


def _candidates(
    g: _Gazetteer,
    text: str,
    anchors: frozenset[str] | None = None,
    single: frozenset[str] | None = None,
) -> frozenset[str]:
    """Anchor words of place names present in the text (empty: no place here). ``anchors``
    and ``single`` (the anchors that are a whole name) narrow it to some names."""
    low = text.lower()
    if low.isascii():
        # the runs of a-z, as re.findall("[a-z]+", low) gives them (translate is faster)
        words = low.encode().translate(_NON_AZ_TO_SPACE).decode().split()
    else:
        words = [w if w.isascii() else fold(w) for w in _WORD_RE.findall(low)]
    hits = (g.anchors if anchors is None else anchors).intersection(words)
    if not hits:
        return hits
    if single is None:
        single = g.single_anchors
    if not hits <= single:
        # Anchors of multi-word names ("york", "john"): the whole name must be there.
        joined = " " + " ".join(words) + " "
        names = g.anchor_names
        hits = frozenset(
            h for h in hits if h in single or any(f" {k} " in joined for k in names.get(h, ()))
        )
        if not hits:
            return hits
    if hits <= g.weak_anchors:
        # Only common-word names ("Nice", "Long Beach"): they need a capital letter inside a
        # sentence (or upper case); in an all-lower-case message, a place word before them.
        if text.islower():
            if _STRONG_PREP.isdisjoint(words):
                return frozenset()
        elif not any(
            _capital_inside(text, w)
            or any(k.title() in text for k in g.anchor_names.get(w, ())[:50])
            for w in hits
        ):
            return frozenset()
    if hits <= g.needs_ctx and not any(_in_context(g, text, words, h) for h in hits):
        return frozenset()
    return hits


def _in_context(g: _Gazetteer, text: str, words: list[str], h: str) -> bool:
    """ "in Davis", "Davis, CA": a small town's name with what makes it a place."""
    for idx, w in enumerate(words):
        if w != h:
            continue
        if idx > 0 and words[idx - 1] in _LOC_PREP:
            return True
        if idx + 1 < len(words) and (
            words[idx + 1] in g.region_index or words[idx + 1] in g.admin1_names
        ):
            return True
    cap = h.capitalize()
    k = text.find(cap)
    return k >= 0 and _QUALIFIED_AFTER.match(text, k + len(cap)) is not None


def _capital_inside(text: str, word: str) -> bool:
    """ "Nice" or "NICE" somewhere other than at the start of a sentence."""
    if word.upper() in text:
        return True
    cap = word.capitalize()
    k = text.find(cap)
    while k >= 0:
        before = text[:k].rstrip()
        if before and before[-1] not in '.!?:;"“(' and text[k - 1] == " ":
            return True
        if _QUALIFIED_AFTER.match(text, k + len(cap)):
            return True  # "Austin TX", "Reading, UK" at the start of a sentence
        k = text.find(cap, k + 1)
    return False


_QUALIFIED_AFTER = re.compile(r",?\s*[A-Z]{2,3}\b")


_MAX_CHARS = 50_000
_UPPER_RE = re.compile(r"[^\W\d_a-zß-ÿ]")
_LOWER_RE = re.compile(r"[a-zß-ÿ]")
_ANCHOR_BACK = 3


def _features(text: str, keys: list[str], caps: list[bool]) -> tuple[bool, bool, bool]:
    """(no case information, title case, talks sports) for a whole message."""
    sample = text[:2000]
    n_upper = len(_UPPER_RE.findall(sample))
    n_alpha = n_upper + len(_LOWER_RE.findall(sample))
    upper_ratio = n_upper / n_alpha if n_alpha else 0.0
    no_case = upper_ratio == 0.0 or upper_ratio > 0.6
    n = len(caps)
    title_case = n >= 4 and sum(caps) / n > 0.6
    has_sports = (
        not _SPORTS.isdisjoint(keys)
        or (not _VERSUS.isdisjoint(keys) and _PLACE_TALK.isdisjoint(keys))
        or (_SCORE.search(text) is not None and _CALENDAR.isdisjoint(keys))
    )
    return no_case, title_case, has_sports


def _find_slow(
    g: _Gazetteer, text: str, hits: frozenset[str], prefer_country: str | None
) -> list[PlaceMention]:
    toks = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    n = len(toks)
    keys = [t[0].lower() for t in toks]
    for k, key in enumerate(keys):
        if not key.isascii():
            keys[k] = fold(key)
    # Where a name may start -> the shortest it can be: every name that can be a mention
    # holds an anchor word, so one starting there reaches the next anchor found.
    starts: dict[int, int] = {}
    for k, key in enumerate(keys):
        if key in hits:
            for i in range(max(0, k - _ANCHOR_BACK), k + 1):
                starts.setdefault(i, k - i + 1)
    caps = [t[0][:1].isupper() for t in toks]
    all_lower = text.islower()
    # Message-level features, computed when the first candidate name is found.
    features: tuple[bool, bool, bool] | None = None
    out: list[PlaceMention] = []
    pos = 0
    first_max = g.first_max
    for i in sorted(starts):
        if i < pos:
            continue
        maxlen = first_max.get(keys[i])
        if maxlen is None:
            continue
        # Skip @handles and words glued into URLs / paths / e-mail addresses.
        s0 = toks[i][1]
        before = text[s0 - 1] if s0 > 0 else " "
        if (
            before in "@/_\\#"
            or before.isalnum()
            or (before in ".'’" and s0 > 1 and text[s0 - 2].isalnum())
        ):
            continue
        if i >= 2 and keys[i - 2] == "r" and text[toks[i - 2][2] : s0].strip() == "/":
            continue  # "r / Calgary": a subreddit
        if i >= 1 and text[toks[i - 1][2] : s0].strip() == "@":
            continue  # "@ Ibiza": a handle split by a tokenizer
        found = None
        for length in range(min(maxlen, n - i), starts[i] - 1, -1):
            j = i + length
            # Names span one line and no punctuation other than '-', '.', "'", space.
            if length > 1:
                gap_ok = True
                for k in range(i + 1, j):
                    gap = text[toks[k - 1][2] : toks[k][1]]
                    if len(gap) > 3 or gap.strip(" -.'’"):
                        gap_ok = False
                        break
                if not gap_ok:
                    continue
                key = " ".join(keys[i:j])
            else:
                key = keys[i]
            ids = _MENTION_ALIAS.get(key) or g.name_index.get(key)
            region = None
            if key == "washington" and ids:
                ids = None  # the state, unless "Washington DC" matched above
            if ids is None:
                region = g.region_index.get(key)
                if region is None:
                    if length == 1:
                        raw = toks[i][0]
                        cid = _MENTION_ABBR.get(key)
                        if cid is not None and (
                            raw.isupper()
                            or (key in _MENTION_ABBR_ANY_CASE and (caps[i] or all_lower))
                        ):
                            ids = (cid,)
                    if ids is None:
                        continue
            found = (j, key, ids, region)
            break
        if found is None:
            continue
        j, key, ids, region = found
        e0 = toks[j - 1][2]
        if e0 < len(text) and (text[e0].isalnum() or text[e0] == "_"):
            continue  # "George_Berridge", "Vegas24seven": part of a handle
        if features is None:
            features = _features(text, keys, caps)
        no_case, title_case, has_sports = features
        chained = (
            bool(out)
            and out[-1].city is not None
            and text[out[-1].end : toks[i][1]].strip() in ("/", ",", "and", "or", "&", "-", "+")
        )
        mention = _judge(
            g,
            text,
            toks,
            keys,
            caps,
            i,
            j,
            key,
            ids,
            region,
            prefer_country,
            no_case,
            title_case,
            has_sports,
            chained,
        )
        if mention is not None:
            out.append(mention)
            pos = j
            if mention.city is not None and pos < n:
                pos = _skip_qualifier(g, text, toks, keys, pos)
    return out


def _qualifier_at(
    g: _Gazetteer, toks: list[tuple[str, int, int]], keys: list[str], i: int
) -> tuple[str, int] | None:
    """A region named at token i: ("US-OR", end) for "Oregon" / "OR", ("CA-08", end) for
    "Ontario" / "ON", ("FR", end) for "France"."""
    for length in (3, 2, 1):
        if i + length > len(keys):
            continue
        key = " ".join(keys[i : i + length])
        code = g.region_index.get(key) or g.admin1_names.get(key)
        if code is not None:
            return code, i + length
        if length == 1 and toks[i][0].isupper() and 2 <= len(key) <= 3:
            if len(key) == 2 and f"US.{key.upper()}" in g.admin1:
                return f"US-{key.upper()}", i + 1
            for cc in ("CA", "AU"):
                full = g.admin1_abbr.get(f"{cc}.{key}")
                if full is not None:
                    return full.replace(".", "-"), i + 1
    return None


def _skip_qualifier(
    g: _Gazetteer, text: str, toks: list[tuple[str, int, int]], keys: list[str], i: int
) -> int:
    """After "Portland", skip ", Maine" / " OR" / ", US": they qualify the city."""
    gap = text[toks[i - 1][2] : toks[i][1]]
    if gap.strip(" ,") or len(gap) > 3:
        return i
    q = _qualifier_at(g, toks, keys, i)
    return q[1] if q is not None else i


def _judge(
    g: _Gazetteer,
    text: str,
    toks: list[tuple[str, int, int]],
    keys: list[str],
    caps: list[bool],
    i: int,
    j: int,
    key: str,
    ids: tuple[int, ...] | None,
    region: str | None,
    prefer_country: str | None,
    no_case: bool,
    title_case: bool,
    has_sports: bool,
    chained: bool = False,
) -> PlaceMention | None:
    """Decide whether tokens i..j that spell a place name are a place mention here."""
    start, end = toks[i][1], toks[j - 1][2]
    surface = text[start:end]
    all_cap = all(c for c, k in zip(caps[i:j], keys[i:j], strict=True) if k not in _SMALL_WORDS)
    if not caps[i] and j - i == 1:
        all_cap = False
    prev = keys[i - 1] if i > 0 else ""
    prev_gap = text[toks[i - 1][2] : start] if i > 0 else ""
    sentence_start = i == 0 or any(c in prev_gap for c in '.!?\n:;"“(')
    same_clause = not any(c in prev_gap for c in ".!?\n")
    loc_ctx = prev in _LOC_PREP and same_clause
    strong_ctx = prev in _STRONG_PREP and same_clause
    nxt = keys[j] if j < len(keys) else ""
    next_gap = text[end : toks[j][1]] if j < len(toks) else ""
    next_cap = j < len(toks) and caps[j] and next_gap.strip() == ""
    qualified = False
    if ids is not None and j < len(toks) and _skip_qualifier(g, text, toks, keys, j) > j:
        rcode0 = _region_code(g, toks, keys, j)
        qualified = any(
            rcode0 in (c.country_code, f"{c.country_code}-{c.admin1_code}")
            for c in (g.by_id[x] for x in ids)
        )
    if chained:
        loc_ctx = strong_ctx = True
    if nxt in _TEAM_AFTER and next_gap.strip() in ("", "'", "’"):
        return None  # "Leeds fan", "Chicago fans"
    if prev in _TEAM_BEFORE and prev_gap.strip() == "":
        return None  # "Real Madrid", "Inter Milan"
    if prev in _PERSON_TITLES and i > 0 and prev_gap.strip(". ") == "":
        return None  # "Mr Lincoln"
    if not (all_cap or no_case):
        # lower case in a message that uses capitals: only big, unambiguous names in context
        if region is not None or ids is None:
            return None
        top0 = g.by_id[ids[0]]
        if key in _PERSON_NAMES or ids[0] in g.common or len(key) < 4:
            return None
        if not (loc_ctx and top0.population >= 100_000) and top0.population < 1_000_000:
            return None
    if region is not None:
        if ids is None and not (all_cap or no_case):
            return None
        if len(key) <= 2 or (no_case and not loc_ctx and key in _WEAK_REGIONS):
            return None
        if key in _WEAK_REGIONS and not loc_ctx:
            return None
        return PlaceMention(surface, start, end, None, region)
    assert ids is not None
    # In running text the community's own country is a strong prior (Birmingham, AL for an
    # American community), stronger than for a typed city where we can ask.
    cities = _rank(g, ids, prefer_country, _MENTION_BOOST)
    top = cities[0]
    if qualified:
        # "Portland, Maine", "Austin TX": the city in that region
        rcode = _region_code(g, toks, keys, j)
        for c in cities:
            if rcode in (c.country_code, f"{c.country_code}-{c.admin1_code}"):
                return PlaceMention(surface, start, end, c)
        return PlaceMention(surface, start, end, top)
    multi = j - i > 1
    if key in _NEVER_CITIES:
        return None
    if top.id in g.common and top.population < _MIN_POP_COMMON and not multi:
        return None  # "in Police custody", "Best of luck"
    weak = (top.id in g.common and top.population < _MIN_POP_BIG_COMMON) or key in _PERSON_NAMES
    if top.id in g.common and prev == "the" and not multi:
        return None  # "the Phoenix project", "the Mobile app"
    small = top.population < (_MIN_POP_MULTI if multi else _MIN_POP_BARE)
    if key in _MENTION_ABBR:
        small = weak = False
    if toks[i][0].isupper() and len(key) <= 3 and key not in _MENTION_ABBR:
        return None  # acronyms: "OF", "VAN", "MAN"
    if has_sports and not strong_ctx:
        return None
    next_acronym = j < len(toks) and toks[j][0].isupper() and len(toks[j][0]) <= 4
    if (
        next_cap
        and not title_case
        and nxt not in _OK_FOLLOWERS
        and not (surface.isupper() and len(surface) > 3)
        and not (
            next_acronym
            and nxt not in _TEAM_AFTER
            and (j - i > 1 or cities[0].population >= 1_000_000)
        )
    ):
        return None  # "Paris Hilton", "Chicago Bulls", "London Bridge"
    if (
        i > 0
        and caps[i - 1]
        and not sentence_start
        and not title_case
        and prev not in _OK_FOLLOWERS
        and prev not in _LOC_PREP
        and prev_gap.strip() == ""
    ):
        return None  # "Kim Paris", "Downton Abbey"
    if len(key) <= 3 and key not in _MENTION_ABBR:
        return None  # "To", "Of", "Say", "Van": only with a region after them
    if top.id in g.common and nxt == "of":
        return None  # "Fate of the Furious"
    if weak and not strong_ctx:
        return None
    if small and not loc_ctx:
        return None
    return PlaceMention(surface, start, end, top)


def _region_code(g: _Gazetteer, toks: list[tuple[str, int, int]], keys: list[str], j: int) -> str:
    q = _qualifier_at(g, toks, keys, j)
    return q[0] if q is not None else ""


_MIN_POP_COMMON = 50_000
_MIN_POP_BIG_COMMON = 1_000_000  # "Phoenix", "Shanghai": cities first, words second
_NEVER_CITIES = frozenset(
    "january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday today tomorrow "
    "tonight christmas easter".split()
)
# A bare city name of fewer people than this needs a place word before it ("in", "to"...).
_MIN_POP_BARE = 100_000
_MIN_POP_MULTI = 15_000
_TEAM_AFTER = frozenset(
    "fan fans supporters supporter fc united city rovers wanderers athletic hotspur "
    "county albion dodgers lakers bulls bears cubs sox giants jets knicks nets mets "
    "yankees rangers warriors kings clippers raiders chargers rams 49ers seahawks "
    "blazers timbers sounders fire galaxy celtics patriots bruins eagles flyers "
    "phillies steelers penguins pirates browns cavaliers cavs indians guardians reds "
    "bengals colts pacers packers bucks brewers vikings twins wild timberwolves "
    "broncos nuggets avalanche rockies cowboys mavericks mavs stars texans astros "
    "rockets spurs saints pelicans falcons hawks braves heat dolphins marlins "
    "panthers lightning rays buccaneers bucs jaguars titans predators grizzlies "
    "thunder jazz suns cardinals diamondbacks coyotes ducks sharks canucks oilers "
    "flames jets senators leafs canadiens raptors blue orioles ravens capitals "
    "nationals commanders wizards redskins lions pistons tigers red hornets xi".split()
)
_TEAM_BEFORE = frozenset(
    "real atletico atlético inter ac fc sporting dynamo dinamo olympique borussia "
    "athletic racing deportivo hertha bayer eintracht".split()
)
# Region names that are also common words or names: need a place word before them.
_WEAK_REGIONS = frozenset(
    "georgia jordan chad guinea turkey china japan jersey washington virginia "
    "carolina india niger mali peru cuba oman israel indiana nevada montana "
    "florida".split()
)
