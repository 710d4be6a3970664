"""The test kit (docs/testing.md): one in-memory platform, one harness on the real core, one
recording inbox for adapter tests, bulk seeding shared with bench/, and the fixtures
(tests/support/plugin.py, registered in tests/conftest.py).

    from tests.support import Harness, FakeAdapter, Sent, RecordingInbox, plain, text_of
"""

from tests.support.fake_adapter import PLATFORM, FakeAdapter, Sent, plain, text_of
from tests.support.harness import START, Harness
from tests.support.inbox import RecordingInbox, eventually
from tests.support.seed import empty, seed_meetups, seed_reminders

__all__ = [
    "PLATFORM",
    "START",
    "FakeAdapter",
    "Harness",
    "RecordingInbox",
    "Sent",
    "empty",
    "eventually",
    "plain",
    "seed_meetups",
    "seed_reminders",
    "text_of",
]
