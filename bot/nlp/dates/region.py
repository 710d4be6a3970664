"""Where a community is, as far as dates care: its country and hemisphere, read from its zone.

The zone of ``now`` is the community's (or the meetup city's) IANA zone; tzdata's
``zone.tab`` names the country of every zone and the latitude of its main city, so a
community in "Australia/Melbourne" reads holidays as Australian and "summer" as December to
February, and one in "America/Toronto" has Canadian Thanksgiving. Fixed offsets and unknown
zones have no country (US holidays, northern seasons: the conventions of English chat).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import tzinfo
from importlib import resources


@dataclass(frozen=True, slots=True)
class Region:
    country: str | None  # ISO 3166 alpha-2 ("AU"), None when the zone names none
    south: bool  # southern hemisphere: seasons are turned around


_NOWHERE = Region(None, False)


@functools.cache
def _zone_table() -> dict[str, Region]:
    """zone.tab: "AU<TAB>-3749+14458<TAB>Australia/Melbourne" -> Region("AU", True)."""
    table: dict[str, Region] = {}
    text = (resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, coordinates, zone = line.split("\t")[:3]
        table[zone] = Region(country, coordinates.startswith("-"))
    return table


def region_of(zone: tzinfo | None) -> Region:
    """The country and hemisphere of a zone.

    Examples: Australia/Melbourne -> AU, south; America/Toronto -> CA; UTC-2 -> none."""
    key = getattr(zone, "key", None)
    if not isinstance(key, str):
        return _NOWHERE
    return _zone_table().get(key, _NOWHERE)
