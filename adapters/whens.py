"""Time options (`OptionSpec.kind == "when"`) -> text the core reads, for the adapters whose
platform writes a moment as markup in the typed text (Discord's `<t:1718900000:F>`, Slack's
`<!date^1718900000^{date_short}|...>`).

Each platform gives its pattern, whose first group is the Unix time; every match becomes
that instant as ISO-8601 UTC ("2024-06-20T16:13:20Z"), which `parse_when` reads as it is.
The rest of the text stays as typed, so "<t:1> | <t:2>" is still a date poll.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime

from bot.types import CommandSpec


def iso_of(stamp: str) -> str | None:
    """A Unix time (seconds) as ISO-8601 UTC, or None when out of range.

    >>> iso_of("1718900000"), iso_of("99999999999999999")
    ('2024-06-20T16:13:20Z', None)
    """
    try:
        return datetime.fromtimestamp(int(stamp), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError, OSError):
        return None


def plain_times(text: str, markup: re.Pattern[str]) -> str:
    """`text` with each timestamp in the platform's `markup` as ISO-8601 UTC."""
    return markup.sub(lambda m: iso_of(m.group(1)) or m.group(0), text)


def read_whens(
    spec: CommandSpec | None, options: Mapping[str, str], markup: re.Pattern[str]
) -> dict[str, str]:
    """The options, with the platform's timestamps in `when` options as ISO-8601 UTC."""
    text = dict(options)
    for opt in spec.options if spec is not None else ():
        if opt.kind == "when" and opt.name in text:
            text[opt.name] = plain_times(text[opt.name], markup)
    return text
