"""Cities: an offline GeoNames gazetteer, name resolution, autocomplete and mention finding.

The gazetteer (``data/gazetteer.tsv.gz``, built by ``tools/build_gazetteer.py``) is loaded
lazily on first use and cached for the life of the process. Everything here is pure and
synchronous; nothing touches the network.
"""

from __future__ import annotations

import bisect
import gzip
import re
import threading
import unicodedata
from dataclasses import dataclass
from difflib import get_close_matches
from importlib import resources

__all__ = [
    "City",
    "CityLookup",
    "PlaceMention",
    "city_by_id",
    "find_places",
    "fold",
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
    city: City | None
    candidates: tuple[City, ...] = ()
    suggestions: tuple[City, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    city: City | None
    region: str | None = None


# ---------------------------------------------------------------------------------------
# Normalisation


_FOLD_TABLE = str.maketrans({"’": "'", "‘": "'", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l",
                             "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "æ": "ae", "œ": "oe"})


def fold(s: str) -> str:
    """Lowercase and strip accents: "Zürich" -> "zurich"."""
    s = s.lower()
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s.translate(_FOLD_TABLE))
    return "".join(c for c in s if not unicodedata.combining(c))


_NORM_SEP = re.compile(r"[\s\-–—_/.,]+")


def _norm(name: str) -> str:
    """Key of a name: folded, apostrophes dropped, separators collapsed to one space."""
    s = fold(name).replace("'", "")
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
        "alt_index",
        "by_id",
        "cities",
        "common",
        "first_tokens",
        "first_tokens_weak",
        "max_tokens",
        "name_index",
        "parents",
        "prefix_ids",
        "prefix_keys",
        "region_index",
        "region_names",
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
        # First tokens of names, for the fast "no city here" check. Raw lowercase forms of
        # accented names are added so the check works on text.lower() without folding.
        first: set[str] = set()
        weak: set[str] = set()
        for k, ids in self.name_index.items():
            tok = k.split(" ", 1)[0]
            first.add(tok)
        for city in self.cities:
            raw = city.name.lower().split(" ", 1)[0].replace("’", "'")
            if raw not in first:
                first.add(raw)
        for k in self.region_index:
            first.add(k.split(" ", 1)[0])
        for w in _MENTION_ABBR:
            first.add(w)
        self.first_tokens = frozenset(first)
        self.first_tokens_weak = frozenset(weak)


# Common abbreviations and nicknames -> GeoNames ids (resolve_city).
_ABBREVIATIONS: dict[str, tuple[int, ...]] = {
    "nyc": (5128581,), "ny": (5128581,), "new york": (5128581,), "manhattan": (5128581,),
    "sf": (5391959,), "san fran": (5391959,), "frisco": (5391959,), "bay area": (5391959,),
    "la": (5368361,), "l a": (5368361,), "dc": (4140963,), "washington dc": (4140963,),
    "washington d c": (4140963,), "philly": (4560349,), "vegas": (5506956,),
    "nola": (4335045,), "atl": (4180439,), "chi town": (4887398,), "chitown": (4887398,),
    "big apple": (5128581,), "motor city": (4990729,), "sea": (5809844,),
    "pdx": (5746545,), "slc": (5780993,), "kc": (4393217,), "stl": (4407066,),
    "bos": (4930956,), "mpls": (5037649,), "hk": (1819729,), "cdmx": (3530597,),
    "rio": (3451190,), "sao paulo": (3448439,), "bombay": (1275339,), "calcutta": (1275004,),
    "madras": (1264527,), "bangalore": (1277333,), "peking": (1816670,),
    "saigon": (1566083,), "ho chi minh": (1566083,), "kiev": (703448,), "munchen": (2867714,),
    "koln": (2886242,), "cologne": (2886242,), "prague": (3067696,), "vienna": (2761369,),
    "rome": (3169070,), "milan": (3173435,), "munich": (2867714,), "lisbon": (2267057,),
    "copenhagen": (2618425,), "the hague": (2747373,), "brussels": (2800866,),
    "geneva": (2660646,), "zurich": (2657896,), "warsaw": (756135,), "moscow": (524901,),
    "athens": (264371,), "florence": (3176959,), "venice": (3164603,), "naples": (3172394,),
    "seville": (2510911,), "turin": (3165524,), "gothenburg": (2711537,),
    "nuremberg": (2861650,), "hanover": (2910831,), "montreal": (6077243,),
    "quebec city": (6325494,), "mexico city": (3530597,), "tel aviv": (293397,),
}

# Written forms that count as a mention in running text (case-sensitive, upper-case only).
_MENTION_ABBR: dict[str, int] = {
    "nyc": 5128581, "sf": 5391959, "la": 5368361, "dc": 4140963, "philly": 4560349,
    "vegas": 5506956, "nola": 4335045, "atl": 4180439, "pdx": 5746545,
}
_MENTION_ALIAS: dict[str, tuple[int, ...]] = {
    "new york": (5128581,), "new york city": (5128581,), "washington dc": (4140963,),
    "washington d c": (4140963,), "ny city": (5128581,), "the bay area": (5391959,),
    "bay area": (5391959,), "mexico city": (3530597,), "quebec city": (6325494,),
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


def region_name(code: str) -> str:
    """ "US-TX" -> "Texas", "FR" -> "France"; the code itself when unknown."""
    return _load().region_names.get(code, code)


# ---------------------------------------------------------------------------------------
# resolve_city


_GEONAMES_RE = re.compile(r"^\s*geonames\s*:\s*(\d{1,12})\s*$", re.IGNORECASE)
AMBIGUITY_RATIO = 0.05
_PREFERRED_BOOST = 3


def _rank(g: _Gazetteer, ids: tuple[int, ...], prefer_country: str | None) -> list[City]:
    cities = [g.by_id[i] for i in ids]
    if prefer_country:
        pc = prefer_country.upper()
        cities.sort(key=lambda c: -c.population * (_PREFERRED_BOOST if c.country_code == pc else 1))
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
                or g.admin1_abbr.get(f"{c.country_code}.{part}") == f"{c.country_code}.{c.admin1_code}"
                or (region is not None and (region == c.country_code
                                            or region == f"{c.country_code}-{c.admin1_code}"))
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
        exact = tuple(i for i in ids if _norm(g.by_id[i].name) == key)
        if exact:
            return exact
    return ids


def resolve_city(query: str, *, prefer_country: str | None = None) -> CityLookup:
    g = _load()
    q = query.strip()
    if not q or len(q) > 200:
        return CityLookup(None)
    m = _GEONAMES_RE.match(q)
    if m:
        return CityLookup(g.by_id.get(int(m.group(1))))
    ranked: list[City] | None = None
    # "Portland, Oregon, US", "Portland ME", "portland, or"
    if "," in q:
        head, _, qual = q.partition(",")
        ids = _lookup_name(g, _norm(head), exact=False)
        if ids:
            ranked = _qualifier_filter(g, _rank(g, ids, prefer_country), qual)
    if ranked is None:
        key = _norm(q)
        ids = _lookup_name(g, key)
        if ids:
            ranked = _rank(g, ids, prefer_country)
        else:
            words = key.split(" ")
            for cut in range(len(words) - 1, 0, -1):
                ids = _lookup_name(g, " ".join(words[:cut]), exact=False)
                if ids:
                    ranked = _qualifier_filter(
                        g, _rank(g, ids, prefer_country), ",".join(words[cut:])
                    )
                    if ranked:
                        break
    if not ranked:
        return CityLookup(None, suggestions=tuple(_suggest(g, _norm(q))))
    top = ranked[0]
    boost = _PREFERRED_BOOST if prefer_country else 1
    pc = (prefer_country or "").upper()

    def weight(c: City) -> int:
        return c.population * (boost if c.country_code == pc else 1)

    doubt = [
        c
        for c in ranked[1:]
        if weight(c) >= AMBIGUITY_RATIO * weight(top)
        # in a community's own country, foreign namesakes are no doubt
        and not (pc and top.country_code == pc and c.country_code != pc)
    ]
    if not doubt:
        return CityLookup(top)
    return CityLookup(None, candidates=tuple([top, *doubt][:10]))


def _suggest(g: _Gazetteer, key: str, limit: int = 5) -> list[City]:
    if not key or len(key) > 60:
        return []
    matches = get_close_matches(key, g.prefix_keys, n=limit * 2, cutoff=0.75)
    out: dict[int, City] = {}
    for mkey in matches:
        for cid in g.name_index[mkey][:2]:
            out.setdefault(cid, g.by_id[cid])
    return sorted(out.values(), key=lambda c: -c.population)[:limit]


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

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_WORD_RE = re.compile(r"[^\W\d_]+")

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
_PERSON_TITLES = frozenset("mr mrs ms miss dr prof sir lady lord uncle aunt saint st".split())
_SPORTS = frozenset(
    "vs v versus fc united city game match score scored season playoffs playoff fans "
    "beat beats win wins won lose loses lost defeat draw league cup nba nfl nhl mlb "
    "goal goals striker coach squad".split()
)
# First names that are also city names: need a place context.
_PERSON_NAMES = frozenset(
    "austin jackson charlotte florence victoria lincoln madison eugene tyler kent warren "
    "troy douglas sydney logan lawrence irving norman marion allen elizabeth regina "
    "beverly shelby chester carson clayton quincy sherman milton stanley preston hamilton "
    "aurora orlando harrison franklin jefferson jordan georgia "
    "savannah bradford chandler gilbert henderson lafayette murray "
    "pearl sandy vernon wesley ashley brandon kingston lowell dudley bolton burnley "
    "darwin nelson washington carmel sherwood florida salem lynn camden grant clinton "
    "everett toyota kobe kennedy mary obama lucas miranda morales martinez davis taylor "
    "murphy katy donna amos ripley mercedes nokia fargo trinidad orange leeds santiago "
    "lorenzo diego mateo lima mesa bristol devon kent essex dover chester york "
    "marion logan eugene tyler".split()
)


_SMALL_WORDS = frozenset("the of de la le du des am upon on en sur del da di do dos das im an".split())


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def find_places(text: str, *, prefer_country: str | None = None) -> list[PlaceMention]:
    """City (and region) mentions in chat text, left to right, without overlaps."""
    if not text:
        return []
    g = _load()
    lower = text.lower()
    if g.first_tokens.isdisjoint(_WORD_RE.findall(lower)):
        return []
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    if len(toks) > 5000:
        toks = toks[:5000]
    n = len(toks)
    keys = [_norm(t[0]) for t in toks]
    letters = [c for c in text[:2000] if c.isalpha()]
    upper_ratio = sum(1 for c in letters if c.isupper()) / len(letters) if letters else 0.0
    shouting = upper_ratio > 0.6
    no_case = upper_ratio == 0.0 or shouting
    caps = [_is_cap(t[0]) for t in toks]
    title_case = n >= 4 and sum(caps) / n > 0.6
    has_sports = not _SPORTS.isdisjoint(keys)
    out: list[PlaceMention] = []
    i = 0
    while i < n:
        # Skip @handles and words glued into URLs / paths / e-mail addresses.
        s0 = toks[i][1]
        before = text[s0 - 1] if s0 > 0 else " "
        if before in "@/_\\" or (before == "." and s0 > 1 and text[s0 - 2].isalnum()):
            i += 1
            continue
        found = None
        for length in range(min(g.max_tokens, n - i), 0, -1):
            j = i + length
            # Names span one line and no punctuation other than '-', '.', space.
            if length > 1:
                gap_ok = True
                for k in range(i + 1, j):
                    gap = text[toks[k - 1][2] : toks[k][1]]
                    if gap.strip(" -.") or len(gap) > 3:
                        gap_ok = False
                        break
                if not gap_ok:
                    continue
            key = " ".join(keys[i:j])
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
                        if cid is not None and (raw.isupper() or (key in _MENTION_ABBR_ANY_CASE and caps[i])):
                            ids = (cid,)
                    if ids is None:
                        continue
            found = (j, key, ids, region)
            break
        if found is None:
            i += 1
            continue
        j, key, ids, region = found
        mention = _judge(g, text, toks, keys, caps, i, j, key, ids, region, prefer_country,
                         no_case, title_case, has_sports)
        if mention is not None:
            out.append(mention)
            i = j
            if mention.city is not None and i < n:
                i = _skip_qualifier(g, text, toks, keys, i)
        else:
            i += 1
    return out


def _skip_qualifier(
    g: _Gazetteer, text: str, toks: list[tuple[str, int, int]], keys: list[str], i: int
) -> int:
    """After "Portland", skip ", Maine" / " OR" / ", US": they qualify the city."""
    gap = text[toks[i - 1][2] : toks[i][1]]
    if gap.strip(" ,") or len(gap) > 3:
        return i
    for length in (3, 2, 1):
        if i + length > len(keys):
            continue
        key = " ".join(keys[i : i + length])
        if key in g.region_index or (
            length == 1 and toks[i][0].isupper() and len(key) == 2
            and f"US.{key.upper()}" in g.admin1
        ):
            return i + length
    return i


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
) -> PlaceMention | None:
    """Decide whether tokens i..j that spell a place name are a place mention here."""
    start, end = toks[i][1], toks[j - 1][2]
    surface = text[start:end]
    all_cap = all(c for c, k in zip(caps[i:j], keys[i:j], strict=True) if k not in _SMALL_WORDS)
    if not caps[i] and j - i == 1:
        all_cap = False
    prev = keys[i - 1] if i > 0 else ""
    prev_gap = text[toks[i - 1][2] : start] if i > 0 else ""
    sentence_start = i == 0 or any(c in prev_gap for c in ".!?\n:;\"“(")
    same_clause = not any(c in prev_gap for c in ".!?\n")
    loc_ctx = prev in _LOC_PREP and same_clause
    strong_ctx = prev in _STRONG_PREP and same_clause
    nxt = keys[j] if j < len(keys) else ""
    next_gap = text[end : toks[j][1]] if j < len(toks) else ""
    next_cap = j < len(toks) and caps[j] and next_gap.strip() == ""
    qualified = j < len(toks) and _skip_qualifier(g, text, toks, keys, j) > j
    if nxt in _TEAM_AFTER and next_gap.strip() in ("", "'", "’"):
        return None  # "Leeds fan", "Chicago fans"
    if prev in _TEAM_BEFORE and prev_gap.strip() == "":
        return None  # "Real Madrid", "Inter Milan"
    if prev in _PERSON_TITLES and i > 0 and caps[i - 1] and prev_gap.strip(". ") == "":
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
    cities = _rank(g, ids, prefer_country)
    top = cities[0]
    if qualified:
        # "Portland, Maine", "Austin TX": the city in that region
        rcode = _region_code(g, toks, keys, j)
        for c in cities:
            if rcode in (c.country_code, f"{c.country_code}-{c.admin1_code}"):
                return PlaceMention(surface, start, end, c)
        return PlaceMention(surface, start, end, top)
    multi = j - i > 1
    weak = top.id in g.common or key in _PERSON_NAMES or len(key) <= 3
    small = top.population < (_MIN_POP_MULTI if multi else _MIN_POP_BARE)
    if toks[i][0].isupper() and len(key) <= 3 and key not in _MENTION_ABBR:
        return None  # acronyms: "OF", "VAN", "MAN"
    if has_sports and not strong_ctx:
        return None
    if next_cap and not title_case and nxt not in _OK_FOLLOWERS:
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
    if no_case or title_case:
        if weak and not strong_ctx:
            return None
        if small and not loc_ctx:
            return None
        if no_case and len(key) < 4 and not strong_ctx:
            return None
    else:
        if weak and not loc_ctx:
            return None
        if small and not loc_ctx:
            return None
    return PlaceMention(surface, start, end, top)


def _region_code(g: _Gazetteer, toks: list[tuple[str, int, int]], keys: list[str], j: int) -> str:
    for length in (3, 2, 1):
        if j + length <= len(keys):
            code = g.region_index.get(" ".join(keys[j : j + length]))
            if code is not None:
                return code
    return f"US-{keys[j].upper()}" if j < len(keys) else ""


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
    "nationals commanders wizards redskins lions pistons tigers red hornets".split()
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
