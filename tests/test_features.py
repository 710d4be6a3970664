"""Features are values: the composition root assembles the routing table from them.

The example below is how a new command is added: one handler in its feature module, one row
in the command table (bot/commands.py). Nothing else is touched: no routing table to edit,
no registration call, no global to patch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.app import FEATURES
from bot.commands import COMMANDS
from bot.core import Core
from bot.handlers.context import Ctx
from bot.handlers.feature import Feature, JobKind
from bot.routes import WiringError, assemble
from bot.types import CommandSpec, OptionSpec
from tests.support import Harness

# --- the hypothetical fifth command: its feature module -----------------------------------------


async def echo(ctx: Ctx, options: Mapping[str, str]) -> None:
    await ctx.say(f"You said: {options.get('words', '')}")


ECHO = Feature("echo", commands={"echo": echo})

# --- ... and its row in the command table --------------------------------------------------------

ECHO_ROW = CommandSpec(
    "echo",
    "Repeat what you say",
    "/meetup echo words:hello",
    (OptionSpec("words", "What to repeat", "text", True),),
)


async def test_a_new_command_needs_only_its_feature_and_its_table_row(harness: Harness) -> None:
    routes = assemble((*FEATURES, ECHO), (*COMMANDS, ECHO_ROW))
    harness.app.core = Core(harness.app.services, routes, harness.timer)
    reply = await harness.command("alice", "echo", words="hello")
    assert reply is not None and reply.text == "You said: hello"
    assert ECHO_ROW in harness.app.core.commands  # adapters build their surfaces from it


def test_a_table_row_without_a_handler_is_a_wiring_error() -> None:
    with pytest.raises(WiringError, match="echo"):
        assemble(FEATURES, (*COMMANDS, ECHO_ROW))


def test_a_handler_without_a_table_row_is_a_wiring_error() -> None:
    with pytest.raises(WiringError, match="no row in the command table"):
        assemble((*FEATURES, ECHO), COMMANDS)


def test_the_real_features_cover_the_command_table_exactly() -> None:
    routes = assemble(FEATURES)
    assert set(routes.commands) == {c.name for c in COMMANDS}


@pytest.mark.parametrize(
    "clash",
    [
        Feature("twin", commands={"propose": echo}),
        Feature("twin", forms={"propose": echo}),
    ],
)
def test_two_features_claiming_one_name_is_a_wiring_error(clash: Feature) -> None:
    with pytest.raises(WiringError, match="claimed by"):
        assemble((*FEATURES, clash))


def test_job_kinds_have_one_owner_each_and_build_their_keys() -> None:
    kinds = assemble(FEATURES).jobs
    assert set(kinds) == {"remind", "followup", "offer", "poll", "eve", "buddy", "series"}
    twin = JobKind("poll", "poll:{meetup}", kinds["poll"].run)
    with pytest.raises(WiringError, match="job kind 'poll'"):
        assemble((*FEATURES, replace(ECHO, commands={}, jobs=(twin,))))
    spec = kinds["offer"].spec(1, 7, datetime(2026, 1, 1, tzinfo=UTC), user_id="u1", until="T")
    assert (spec.key, spec.kind, spec.user_id) == ("offer:7:u1:T", "offer", "u1")


def test_hooks_offered_by_a_feature_reach_the_services(harness: Harness) -> None:
    """The watcher offers "after a location change" and "after a meetup proposed"; the
    root passes them to the services instead of the watcher patching them in."""
    services = harness.app.services
    assert services.after_location_change is not None
    assert services.after_meetup_proposed is not None
    assert harness.app.core.routes.on_message is not None

