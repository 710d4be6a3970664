"""Store queries of the discussion watcher (questions, answers, suggestions).

A mixin of the one Store (bot/store/store.py): it uses the Store's `_read`, `_write` and
`_insert` helpers, so it shares the engine, transactions and retry rules.
"""

from __future__ import annotations


class WatcherQueries:
    """Filled in by the watcher feature."""
