"""An interaction's answer state (adapters/discord/adapter.py `Response`): the named
transitions the adapter takes after each kind of initial response."""

from __future__ import annotations

from typing import Any

from adapters.discord.adapter import InteractionHandle, Response


def handle() -> InteractionHandle:
    interaction: Any = object()  # the transitions never touch the interaction
    return InteractionHandle(interaction, "command")


def test_a_new_interaction_is_pending_and_not_responded() -> None:
    h = handle()
    assert h.state is Response.PENDING and not h.responded


def test_deferring_with_thinking_waits_for_the_first_private_reply() -> None:
    h = handle()
    h.deferred_thinking()
    assert h.state is Response.THINKING and h.responded
    h.answered()  # the "thinking…" message was replaced: later replies are follow-ups
    assert h.state is Response.ANSWERED and h.responded


def test_a_deferred_update_makes_the_original_the_clicked_card() -> None:
    h = handle()
    h.on_source()
    assert h.state is Response.ON_SOURCE and h.responded
