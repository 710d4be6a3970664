"""Language understanding for the watcher and the commands: pure functions, no network.

- ``bot.nlp.places``: the offline GeoNames city gazetteer (``resolve_city``, ``search_cities``,
  ``city_by_id``, ``find_places``); loaded lazily from ``data/gazetteer.tsv.gz`` on first use.
- ``bot.nlp.dates``: time expressions (``find_times``, ``parse_when``, ``suggest_times``).
- ``bot.nlp.statements``: what a message says about its author (``read``, ``might_matter``).

Nothing is imported or loaded here: import the module you need.
"""
