"""Group options (`OptionSpec.kind == "group"`: a Discord role, a Slack user group) -> neutral
values, for the adapters whose platform writes a group as markup in the typed text.

Each platform gives its reader: the platform's reference to a group becomes a `GroupRef`
(`CommandInvoked.groups`), its everyone-group the text "@everyone" (or "@here", "@channel"),
which the core refuses by name; anything else stays the text typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.types import CommandSpec, GroupRef

GroupReader = Callable[[str], GroupRef | str]


def split_groups(
    spec: CommandSpec | None, options: Mapping[str, str], read: GroupReader
) -> tuple[dict[str, str], dict[str, GroupRef]]:
    """The options left as text, and the groups `read` recognised in `group` options."""
    text = dict(options)
    groups: dict[str, GroupRef] = {}
    for opt in spec.options if spec is not None else ():
        if opt.kind != "group" or opt.name not in text:
            continue
        found = read(text[opt.name].strip())
        if isinstance(found, GroupRef):
            groups[opt.name] = found
            del text[opt.name]
        else:
            text[opt.name] = found
    return text, groups
