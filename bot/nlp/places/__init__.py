"""Cities: an offline GeoNames gazetteer, name resolution, autocomplete and mention finding.

Three modules, one concern each:

* ``gazetteer``: the data (GeoNames cities, regions, curated nicknames and neighbourhoods),
  loaded lazily and cached; name normalisation (``fold``);
* ``resolve``: what a typed or mentioned name means (namesakes, the dominance rule, asking);
* ``mentions``: finding city and region mentions in chat text (``find_places``).

Everything is pure and synchronous; nothing touches the network. Import from here.
"""

from __future__ import annotations

from bot.nlp.places.gazetteer import (
    City,
    _load,
    all_cities,
    city_by_id,
    city_name_first_words,
    city_name_heads,
    city_name_last_words,
    city_name_tails,
    country_of_zone,
    fold,
    parent_city,
    region_name,
)
from bot.nlp.places.mentions import (
    PlaceMention,
    find_places,
    has_a_city_word,
    may_mention_city,
    may_mention_place,
)
from bot.nlp.places.resolve import (
    DOMESTIC_RATIO,
    FOREIGN_RATIO,
    MAX_CHOICES,
    NEAR_HOME_KM,
    SMALL_TOWN,
    WIDELY_KNOWN,
    CityLookup,
    dominant,
    meant_cities,
    namesakes,
    namesakes_in,
    resolve_city,
    search_cities,
)

__all__ = [
    "DOMESTIC_RATIO",
    "FOREIGN_RATIO",
    "MAX_CHOICES",
    "NEAR_HOME_KM",
    "SMALL_TOWN",
    "WIDELY_KNOWN",
    "City",
    "CityLookup",
    "PlaceMention",
    "_load",
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
    "has_a_city_word",
    "may_mention_city",
    "may_mention_place",
    "meant_cities",
    "namesakes",
    "namesakes_in",
    "parent_city",
    "region_name",
    "resolve_city",
    "search_cities",
]
