"""Slack adapter: slack-bolt AsyncApp (Socket Mode or HTTP mode) and Block Kit rendering."""

from __future__ import annotations

from adapters.slack.adapter import SlackAdapter
from adapters.slack.inbound import SlackHandle
from bot.types import SlackSettings


def create(settings: SlackSettings) -> SlackAdapter:
    """Entry point used by `bot.app.platform_adapters`."""
    return SlackAdapter(settings)


__all__ = ["SlackAdapter", "SlackHandle", "create"]
