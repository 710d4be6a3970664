"""Parse typed command text: `propose title:"Coffee & code" city:Portland when:friday 7pm`.

Translation shared by the adapters whose commands arrive as one string (the console, Slack's
slash command), against the command table the core gives them (`Inbox.commands`). Rules,
chosen to be forgiving to people typing in a chat box:
- `name:value`; values with spaces go in double quotes (smart quotes count as quotes);
- an unquoted value runs on over following words until the next `name:` (so
  `title:Coffee and code city:Portland` works); apostrophes are ordinary letters;
- words before any option fill the command's first option (`/meetup show 3`);
- an unknown option name, a repeated option or an unclosed quote is an error that says what to
  type instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.types import CommandSpec

_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
_OPTION = re.compile(r"^([A-Za-z][A-Za-z_-]*):(.*)$", re.DOTALL)
MAX_TEXT = 4000


class CommandLineError(ValueError):
    """Text that cannot be understood; the message is for the member."""


@dataclass(frozen=True, slots=True)
class ParsedCommand:
    name: str
    options: dict[str, str]


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Split on white space outside double quotes. Each token says whether it had quotes."""
    tokens: list[tuple[str, bool]] = []
    current: list[str] = []
    quoted = in_quotes = False
    for ch in text:
        if ch == '"':
            in_quotes = not in_quotes
            quoted = True
        elif ch.isspace() and not in_quotes:
            if current or quoted:
                tokens.append(("".join(current), quoted))
            current, quoted = [], False
        else:
            current.append(ch)
    if in_quotes:
        raise CommandLineError(
            'A double quote (") is not closed. Put quotes around values with spaces, e.g. '
            'title:"Coffee and code".'
        )
    if current or quoted:
        tokens.append(("".join(current), quoted))
    return tokens


def by_name(specs: Sequence[CommandSpec]) -> dict[str, CommandSpec]:
    """The command table by command name, as `parse_command_line` takes it."""
    return {spec.name: spec for spec in specs}


def parse_command_line(text: str, commands: Mapping[str, CommandSpec]) -> ParsedCommand:
    """Parse the text after `/meetup` against `commands` (by name). An empty text is the
    `help` command."""
    if len(text) > MAX_TEXT:
        raise CommandLineError(f"That command is too long (over {MAX_TEXT} characters).")
    tokens = _tokens(text.translate(_SMART_QUOTES).strip())
    if not tokens:
        return ParsedCommand("help", {})
    name = tokens[0][0].lower().lstrip("/")
    spec = commands.get(name)
    if spec is None:
        close = difflib.get_close_matches(name, list(commands), n=1)
        hint = f" Did you mean `/meetup {close[0]}`?" if close else ""
        raise CommandLineError(
            f"There is no `/meetup {name[:40]}` command.{hint} Type `/meetup help` to see them all."
        )
    known = {o.name for o in spec.options}
    options: dict[str, str] = {}
    loose: list[str] = []
    last: str | None = None
    for token, quoted in tokens[1:]:
        match = None if quoted and not token.count(":") else _OPTION.match(token)
        if match and (match.group(1).lower() in known or not quoted):
            key, value = match.group(1).lower(), match.group(2)
            if key not in known:
                raise CommandLineError(_unknown_option(spec, key))
            if key in options:
                raise CommandLineError(f"The option `{key}` is given twice; give it once.")
            options[key] = value
            last = key
        elif last is not None:
            options[last] = f"{options[last]} {token}" if options[last] else token
        else:
            loose.append(token)
    if loose:
        if not spec.options:
            raise CommandLineError(
                f"`/meetup {spec.name}` takes no options. Example: `{spec.example}`"
            )
        first = spec.options[0].name
        if first in options:
            raise CommandLineError(
                f"I don't know what `{' '.join(loose)[:60]}` is for. Use name:value options, "
                f"e.g. `{spec.example}`"
            )
        options[first] = " ".join(loose)
    return ParsedCommand(spec.name, {k: v.strip() for k, v in options.items()})


def _unknown_option(spec: CommandSpec, key: str) -> str:
    names = [o.name for o in spec.options]
    close = difflib.get_close_matches(key, names, n=1)
    hint = f" Did you mean `{close[0]}:`?" if close else ""
    listed = ", ".join(f"`{n}:`" for n in names) or "none"
    return (
        f"`/meetup {spec.name}` has no option `{key[:40]}`.{hint} Its options are {listed}. "
        f"Example: `{spec.example}`"
    )
