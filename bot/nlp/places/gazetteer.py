"""The city gazetteer: GeoNames cities, regions and the curated names people use for them.

The data (``data/gazetteer.tsv.gz``, built by ``tools/build_gazetteer.py``, and the curated
``data/city_aliases.tsv``) is loaded lazily on first use and cached for the life of the
process. Name resolution is in ``resolve``, mention finding in ``mentions``.
"""

from __future__ import annotations

import functools
import gzip
import re
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources

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


# Articles a name may be typed without ("Hague", "Havre", "Paz"); in running text only "the"
# is dropped ("mans", "paz" alone are words, not Le Mans or La Paz).
_ARTICLES = ("the", "la", "le")
_TYPED_ONLY_ARTICLES = ("la", "le")


def _variants(key: str) -> list[str]:
    """The keys a name is looked up by: itself, "St"/"Saint", "Ft"/"Fort", and without its
    article ("the hague" -> "hague", "le havre" -> "havre", "la paz" -> "paz")."""
    out = [key]
    words = key.split(" ")
    if words[0] in ("saint", "sainte"):
        out.append(" ".join(["st", *words[1:]]))
    elif words[0] == "st":
        out.append(" ".join(["saint", *words[1:]]))
    if words[0] in _ARTICLES and len(words) > 1:
        out.append(" ".join(words[1:]))
    if words[0] == "fort":
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
        "aliases",
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
        "typed_names",
        "weak_anchors",
    )

    def __init__(self, text: str, aliases: Aliases) -> None:
        self.aliases = aliases
        self.admin1: dict[str, str] = {}  # "US.OR" -> "Oregon"
        self.admin1_abbr: dict[str, str] = {}  # "CA.ON" short -> code
        self.region_index: dict[str, str] = {}  # "texas" -> "US-TX"
        self.region_names: dict[str, str] = {}  # "US-TX" -> "Texas"
        self.cities: list[City] = []
        self.by_id: dict[int, City] = {}
        self.alt_index: dict[str, tuple[int, ...]] | None = None  # built on first need
        self.common: set[int] = set()
        self.parents: dict[int, int] = {}
        self.all: tuple[City, ...] | None = None
        self.big_keys: list[str] | None = None
        self.common_words: frozenset[str] = frozenset()
        self.typed_names: dict[str, list[int]] = {}  # "havre" -> Le Havre (resolve_city only)
        names = self._read_rows(text)
        self._index_names(names)
        self._index_anchors()

    # Building, step by step (each step reads what the steps before it built).

    def _read_rows(self, text: str) -> dict[str, list[int]]:
        """Read data/gazetteer.tsv's rows (kind first: T zone, A admin1, B admin1 short
        form, R region, C city, W common words); return each city name's key -> ids."""
        tzs: dict[str, str] = {}
        names: dict[str, list[int]] = {}
        for line in text.split("\n"):
            kind = line[:1]
            if kind == "C":
                self._add_city(line.split("\t", 12), tzs, names)
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
                self._add_region(line)
        return names

    def _add_city(self, r: list[str], tzs: dict[str, str], names: dict[str, list[int]]) -> None:
        """A "C" row: id, name, country, admin1, lat, lon, zone index, population, flags
        ("w": the name is a common word), ..., parent city id."""
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
        key = _norm(city.name)
        for v in _variants(key):
            if key.startswith(_TYPED_ONLY_ARTICLES) and key.endswith(" " + v):
                self.typed_names.setdefault(v, []).append(cid)  # "havre": typed, not said
            else:
                names.setdefault(v, []).append(cid)
        if len(r) > 11 and r[11]:
            self.parents[cid] = int(r[11])

    def _add_region(self, line: str) -> None:
        """An "R" row: code, then its names separated by "|", the official one first."""
        _, code, namelist = line.split("\t")
        for pos, n in enumerate(namelist.split("|")):
            if pos == 0:
                self.region_names[code] = n
            self.region_index.setdefault(_norm(n), code)

    def _index_names(self, names: dict[str, list[int]]) -> None:
        """The lookup indexes: names, curated names, admin1 names, sorted prefixes."""
        self.admin1_names: dict[str, str] = {}  # "ontario" -> "CA-08" (not US: regions)
        for code, name in self.admin1.items():
            if not code.startswith("US."):
                self.admin1_names.setdefault(_norm(name), code.replace(".", "-"))
        # Rows come sorted by population, so each list is biggest first.
        self.name_index: dict[str, tuple[int, ...]] = {
            k: tuple(dict.fromkeys(v)) for k, v in names.items()
        }
        for key, code in self.region_index.items():
            if self._a_foreign_country(key, code):
                del self.name_index[key]
        self.abbr_index: dict[str, tuple[int, ...]] = {
            k: tuple(i for i in ids if i in self.by_id) for k, ids in self.aliases.typed.items()
        }
        keys = sorted(self.name_index)
        self.prefix_keys = keys
        self.prefix_ids = [self.name_index[k] for k in keys]
        self.max_tokens = max(k.count(" ") + 1 for k in keys)

    def _a_foreign_country(self, key: str, code: str) -> bool:
        """``key`` names the country ``code`` and is also the name of towns, none of them in
        that country: the country is meant ("I live in Colombia" is Colombia, not Colombia,
        Cuba; "Jordan", "Lebanon", "Costa Rica" too), while Singapore and Monaco stay cities."""
        ids = self.name_index.get(key, ())
        return len(code) == 2 and bool(ids) and all(self.by_id[i].country_code != code for i in ids)

    def _index_anchors(self) -> None:
        """The fast "no place here" check: every mentionable name has an anchor word; names
        made only of common words ("Nice", "Salt Lake City") have weak anchors, which need
        a capital letter or a place word ("in", "to"...) before the slow path runs."""
        aliases = self.aliases
        first_max: dict[str, int] = {}
        anchors: set[str] = set()
        weak: set[str] = set()
        mention_keys = [*self.name_index, *aliases.mention, *self.region_index, *aliases.abbr]
        freq = _word_counts(mention_keys)
        anchor_names: dict[str, list[str]] = {}
        single: set[str] = set()
        city_anchors: set[str] = set()
        city_single: set[str] = set()
        for k in mention_keys:
            toks = k.split(" ")
            if first_max.get(toks[0], 0) < len(toks):
                first_max[toks[0]] = len(toks)
            anchor, is_weak = self._anchor_of(k, toks, freq)
            if anchor is None:
                continue  # unreachable in running text ("The Gap", "Co Do")
            anchors.add(anchor)
            if is_weak:
                weak.add(anchor)
            if k in self.name_index or k in aliases.mention or k in aliases.abbr:
                city_anchors.add(anchor)
                if len(toks) == 1:
                    city_single.add(anchor)
            if len(toks) == 1:
                single.add(anchor)
            else:
                anchor_names.setdefault(anchor, []).append(k)
        self.first_tokens = frozenset(first_max)
        self.first_max = first_max
        self.anchors = frozenset(anchors)
        weak.update(k for k in aliases.abbr if k not in aliases.any_case)
        self.weak_anchors = frozenset(weak - (anchors - weak))
        self.single_anchors = frozenset(single)
        self.anchor_names = {a: tuple(ks) for a, ks in anchor_names.items()}
        dead, needs_ctx = self._dead_anchors()
        self.anchors = self.anchors - dead
        # Anchors of city names only: a message naming just a country or state ("I live in
        # Canada") has no city to cluster on.
        self.city_anchors = frozenset(city_anchors) - dead
        self.city_single_anchors = frozenset(city_single)
        self.needs_ctx = frozenset(needs_ctx)

    def _anchor_of(self, k: str, toks: list[str], freq: dict[str, int]) -> tuple[str | None, bool]:
        """(anchor word, whether it is weak) of the name ``k``: its rarest strong word
        ("clara" for "santa clara", "york" for "new york"); a big city's common-word name
        alone ("Phoenix"); a curated short form itself ("bcn"); else its longest word, weak
        ("nice", "long beach"); None where no word is longer than three letters."""
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
        if not strong and k in self.aliases.mention and len(toks) > 1:
            # a curated name of short or common words ("Chi-Town", "the Bay"): its rarest
            # word; after "the", as weak as a common-word name ("the bay was calm")
            words = [t for t in toks if t not in _SMALL_WORDS] or toks
            return min(words, key=lambda t: (freq[t], -len(t))), toks[0] == "the"
        if strong or k in self.aliases.abbr:
            return (min(strong, key=lambda t: (freq[t], -len(t))) if strong else k), False
        cands = [t for t in toks if len(t) > 3 and t not in _SMALL_WORDS]
        return (max(cands, key=len) if cands else None), True

    def _dead_anchors(self) -> tuple[set[str], set[str]]:
        """(dead, needs context): single names that can never be a mention ("Police",
        "March", "Of") are no anchors; small towns and first names ("Davis", "Austin")
        need a place word before them."""
        dead: set[str] = set()
        needs_ctx: set[str] = set()
        for a in self.anchors:
            fate = self._single_name_fate(a)
            if fate == "dead":
                dead.add(a)
            elif fate == "needs context":
                needs_ctx.add(a)
        return dead, needs_ctx

    def _single_name_fate(self, a: str) -> str:
        """ "dead", "needs context" or "" (an anchor as any other) for the anchor ``a``;
        only a city's one-word name can be dead or need context."""
        aliases = self.aliases
        if a in self.anchor_names or a in aliases.abbr or a in aliases.mention:
            return ""
        ids = None if a in self.region_index else self.name_index.get(a)
        if not ids:
            return ""
        top = self.by_id[ids[0]]
        common = top.id in self.common
        if a in _NEVER_CITIES or len(a) <= 3 or (common and top.population < _MIN_POP_COMMON):
            return "dead"
        if (
            top.population < _MIN_POP_BARE
            or a in _PERSON_NAMES
            or (common and top.population < _MIN_POP_BIG_COMMON)
        ):
            return "needs context"
        return ""


def _word_counts(keys: list[str]) -> dict[str, int]:
    """How many of ``keys`` hold each word (a word's rarity among names)."""
    freq: dict[str, int] = {}
    for k in keys:
        for t in k.split(" "):
            freq[t] = freq.get(t, 0) + 1
    return freq


# Kinds of curated names (data/city_aliases.tsv) that count as a mention in running text.
MENTION_KINDS = frozenset({"nickname", "alternate", "neighbourhood", "demonym"})
ABBREVIATION_KINDS = frozenset({"abbreviation", "short"})
ALIAS_KINDS = frozenset({"typed", *MENTION_KINDS, *ABBREVIATION_KINDS})


@dataclass(frozen=True, slots=True)
class Aliases:
    """The curated names of ``data/city_aliases.tsv``, by folded key ("chi town")."""

    typed: dict[str, tuple[int, ...]]
    """Every curated name: what ``resolve_city`` reads it as."""
    mention: dict[str, tuple[int, ...]]
    """Names found in running text and judged like city names (Bombay, the Windy City)."""
    abbr: dict[str, int]
    """Short forms found in running text when written in capitals (BCN, HCMC)..."""
    any_case: frozenset[str]
    """... or in any case (Philly, Vegas)."""
    kind: dict[str, str]
    """The kind of each mention name: "nickname", "demonym", ..."""


def read_aliases(text: str) -> Aliases:
    """Parse data/city_aliases.tsv (tab separated: name, kind, geonameid, city, source)."""
    typed: dict[str, list[int]] = {}
    mention: dict[str, tuple[int, ...]] = {}
    abbr: dict[str, int] = {}
    any_case: set[str] = set()
    kind: dict[str, str] = {}
    for line in text.split("\n"):
        if not line or line.startswith("#") or line.startswith("name\t"):
            continue
        name, k, gid = line.split("\t", 3)[:3]
        if k not in ALIAS_KINDS:
            raise ValueError(f"city_aliases.tsv: unknown kind {k!r} for {name!r}")
        key, cid = _norm(name), int(gid)
        typed.setdefault(key, []).append(cid)
        if k in MENTION_KINDS:
            # a name of several cities ("Steel City": Pittsburgh, Sheffield) keeps each, the
            # likeliest first; the community's country and the message's other cities choose
            mention[key] = (*mention.get(key, ()), cid)
            kind.setdefault(key, k)
        elif k in ABBREVIATION_KINDS:
            abbr[key] = cid
            kind[key] = k
            if k == "short":
                any_case.add(key)
    return Aliases(
        typed={k: tuple(dict.fromkeys(v)) for k, v in typed.items()},
        mention=mention,
        abbr=abbr,
        any_case=frozenset(any_case),
        kind=kind,
    )


_lock = threading.Lock()
_gaz: _Gazetteer | None = None


def _read_data() -> str:
    raw = resources.files("bot.nlp").joinpath("data/gazetteer.tsv.gz").read_bytes()
    return gzip.decompress(raw).decode("utf-8")


def _read_aliases() -> Aliases:
    data = resources.files("bot.nlp").joinpath("data/city_aliases.tsv").read_text("utf-8")
    return read_aliases(data)


def _load() -> _Gazetteer:
    global _gaz
    g = _gaz
    if g is not None:
        return g
    with _lock:
        if _gaz is None:
            _gaz = _Gazetteer(_read_data(), _read_aliases())
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
    keys = [*g.name_index, *g.aliases.mention, *g.aliases.abbr]
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
    """The city a neighbourhood belongs to (Brooklyn -> New York City), else the city; a
    district of a district is its city's (Park Slope -> Brooklyn -> New York City)."""
    g = _load()
    seen = {city.id}
    while (pid := g.parents.get(city.id)) is not None and pid not in seen and pid in g.by_id:
        seen.add(pid)
        city = g.by_id[pid]
    return city


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

_MIN_POP_COMMON = 50_000
_MIN_POP_BIG_COMMON = 1_000_000  # "Phoenix", "Shanghai": cities first, words second
_NEVER_CITIES = frozenset(
    "january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday today tomorrow "
    "tonight christmas easter".split()
    # Islands and regions people travel to that share a small town's name elsewhere
    # ("Bali" is a suburb of Kolkata, "Tuscany" one of Calgary): never that town.
    + "bali tuscany provence sicily sardinia crete cornwall bavaria maui lapland".split()
)
# A bare city name of fewer people than this needs a place word before it ("in", "to"...).
_MIN_POP_BARE = 100_000
