"""The `/meetup` app-command group, built from the core's neutral command table.

Each `CommandSpec` becomes a subcommand whose callback signature is generated from its
`OptionSpec`s, so discord.py's own parameter machinery makes the typed options (integers with
min/max, strings with max_length, choices, autocomplete). The callbacks only hand the invocation
and the options the member gave (as strings) to the adapter.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any, Literal, Optional

import discord
from discord import app_commands

from bot.types import CommandSpec, OptionSpec

GROUP_NAME = "meetup"
GROUP_DESCRIPTION = "Meetups for this community: propose, vote, RSVP, reminders"
SUGGEST_MENU_NAME = "Suggest a meetup from this"
AUTOCOMPLETE_MAX = 25

OnCommand = Callable[[discord.Interaction[Any], CommandSpec, dict[str, str]], Awaitable[None]]
OnAutocomplete = Callable[
    [discord.Interaction[Any], CommandSpec, OptionSpec, str],
    Awaitable[list[app_commands.Choice[str]]],
]


def py_name(option: str) -> str:
    return option.replace("-", "_")


def _annotation(opt: OptionSpec) -> Any:
    if opt.kind == "integer":
        if opt.min_value is None and opt.max_value is None:
            return int
        return app_commands.Range[int, opt.min_value, opt.max_value]
    if opt.kind == "boolean":
        return bool
    if opt.kind == "choice" and opt.choices:
        return Literal[tuple(opt.choices)]
    if opt.max_length is not None and not opt.autocomplete:
        return app_commands.Range[str, None, opt.max_length]
    return str


def _stringify(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _describe(text: str) -> str:
    return text if len(text) <= 100 else text[:99] + "…"


def make_subcommand(
    spec: CommandSpec, on_command: OnCommand, on_autocomplete: OnAutocomplete
) -> app_commands.Command[Any, ..., None]:
    names = {py_name(o.name): o.name for o in spec.options}

    async def callback(interaction: discord.Interaction[Any], **kwargs: Any) -> None:
        options = {names[k]: _stringify(v) for k, v in kwargs.items() if v is not None}
        await on_command(interaction, spec, options)

    params = [
        inspect.Parameter(
            "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
        )
    ]
    # discord.py wants required options first, as Discord does.
    for opt in sorted(spec.options, key=lambda o: not o.required):
        ann = _annotation(opt)
        params.append(
            inspect.Parameter(
                py_name(opt.name),
                inspect.Parameter.KEYWORD_ONLY,
                annotation=ann if opt.required else Optional[ann],  # noqa: UP045
                default=inspect.Parameter.empty if opt.required else None,
            )
        )
    callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    callback.__qualname__ = f"meetup_{spec.name}"
    callback.__name__ = f"meetup_{spec.name}"
    if spec.options:
        app_commands.describe(**{py_name(o.name): _describe(o.description) for o in spec.options})(
            callback
        )
        renames = {py_name(o.name): o.name for o in spec.options if py_name(o.name) != o.name}
        if renames:
            app_commands.rename(**renames)(callback)

    command: app_commands.Command[Any, ..., None] = app_commands.Command(
        name=spec.name, description=_describe(spec.description), callback=callback
    )
    for opt in spec.options:
        if opt.autocomplete:
            command.autocomplete(py_name(opt.name))(_autocompleter(spec, opt, on_autocomplete))
    return command


def _autocompleter(
    spec: CommandSpec, opt: OptionSpec, on_autocomplete: OnAutocomplete
) -> Callable[
    [discord.Interaction[Any], str], Coroutine[Any, Any, list[app_commands.Choice[str]]]
]:
    async def complete(
        interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await on_autocomplete(interaction, spec, opt, current)

    return complete


def build_group(
    specs: Sequence[CommandSpec], on_command: OnCommand, on_autocomplete: OnAutocomplete
) -> app_commands.Group:
    """One `/meetup` group with a subcommand per spec.

    Discord only accepts `default_member_permissions` on top-level commands, so `admin_only`
    subcommands (settings) cannot be hidden on their own inside the group: the member's
    Manage Server permission travels to the core as `is_admin`, and the core refuses them.
    """
    group = app_commands.Group(name=GROUP_NAME, description=GROUP_DESCRIPTION, guild_only=True)
    for spec in specs:
        group.add_command(make_subcommand(spec, on_command, on_autocomplete))
    return group


def choices(items: Sequence[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    """Autocomplete answers within Discord's limits (25 choices, name and value <= 100)."""
    out: list[app_commands.Choice[str]] = []
    for label, value in items[:AUTOCOMPLETE_MAX]:
        name = label if len(label) <= 100 else label[:99] + "…"
        if not name or len(value) > 100 or not value:
            continue
        out.append(app_commands.Choice(name=name, value=value))
    return out
