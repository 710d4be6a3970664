"""Logging for the `tweetup` command: our loggers at the level asked for, every other library
at WARNING unless asked for by name.

Libraries log what they hold at DEBUG and INFO: discord.py logs webhook URLs, which carry
interaction tokens (valid 15 minutes), and slack_bolt logs whole request bodies (with
`response_url`s). So `--log-level DEBUG` turns on only Tweetup's own loggers;
`--debug-logger discord` (or `slack_bolt`, `slack_sdk`, `sqlalchemy.engine`, ...) turns one
library on, knowingly.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import TextIO

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
OURS = ("tweetup", "bot", "adapters")
# Libraries that log under one of our names (the Slack adapter hands slack_bolt this logger).
LIBRARIES_UNDER_OURS = {"slack_bolt": "tweetup.slack.bolt"}
LIBRARY_LEVEL = logging.WARNING


class _OurHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Marks the handler this module installed, so configuring again replaces it."""


def configure(
    level: str, debug_loggers: Iterable[str] = (), stream: TextIO | None = None
) -> logging.Handler:
    """One handler on the root logger; Tweetup's loggers at `level`; libraries at WARNING
    (or quieter, when `level` is); each logger named in `debug_loggers` at DEBUG."""
    ours = logging.getLevelName(level.upper())
    if not isinstance(ours, int):
        raise ValueError(f"unknown log level {level!r}")
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _OurHandler)]:
        root.removeHandler(old)
    handler = _OurHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(max(ours, LIBRARY_LEVEL))
    for name in OURS:
        logging.getLogger(name).setLevel(ours)
    for name in LIBRARIES_UNDER_OURS.values():
        logging.getLogger(name).setLevel(max(ours, LIBRARY_LEVEL))
    for name in debug_loggers:
        logging.getLogger(LIBRARIES_UNDER_OURS.get(name, name)).setLevel(logging.DEBUG)
    return handler
