"""An interaction's answer state (adapters/discord/adapter.py `Response`): the named
transitions the adapter takes after each kind of initial response."""

from __future__ import annotations

from typing import Any

from adapters.discord.adapter import InteractionHandle, Response


def handle() -> InteractionHandle:
    interaction: Any = object()  # the transitions never touch the interaction
    return InteractionHandle(interaction, "command")


def test_a_new_interaction_is_pending_and_not_responded() -> None:
    interaction = handle()
    assert interaction.state is Response.PENDING and not interaction.responded


def test_deferring_with_thinking_waits_for_the_first_private_reply() -> None:
    interaction = handle()
    interaction.deferred_thinking()
    assert interaction.state is Response.THINKING and interaction.responded
    interaction.answered()  # the "thinking…" message was replaced: later replies are follow-ups
    assert interaction.state is Response.ANSWERED and interaction.responded


def test_a_deferred_update_makes_the_original_the_clicked_card() -> None:
    interaction = handle()
    interaction.on_source()
    assert interaction.state is Response.ON_SOURCE and interaction.responded
