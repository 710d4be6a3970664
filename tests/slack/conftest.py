"""Fixtures for the Slack adapter tests (the wire fake and its driver are in slack_harness.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.slack.slack_harness import SlackWire, slack_wire


@pytest.fixture
async def slack() -> AsyncIterator[SlackWire]:
    """The real SlackAdapter against the fake Slack API, a RecordingInbox behind it."""
    async with slack_wire() as value:
        yield value
