"""Fixtures for the Slack adapter tests (the harness itself is in slack_harness.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from slack_harness import h  # noqa: F401  (the `h` fixture)
