"""Random input on every inbound path: no exception escapes, every event gets an answer, and
nothing is ever answered with the internal-error apology."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import COMMANDS
from bot.core import SORRY
from bot.domain.limits import Limits
from tests.support import Harness

ANSWERED = ("reply", "form", "reject")


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[asyncio.Runner, Harness]]:
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    runner = asyncio.Runner()
    unlimited = Limits(10**9, 10**9, 10**9, 10**9)  # fuzz the handlers, not the rate limits
    harness = Harness(f"sqlite+aiosqlite:///{path}", limits=unlimited)
    runner.run(harness.start())
    runner.run(harness.propose())  # meetup #1 exists, so ids hit real rows too
    runner.run(harness.propose(when="2030-01-10 19:00 | 2030-01-12 19:00"))
    try:
        yield runner, harness
    finally:
        runner.run(harness.stop())
        runner.close()


values = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["1", "2", "0", "-1", "99999999999999999999", "none", "yes", "on",
                     "Portland", "Berlin", "next friday 7pm", "tomorrow | friday",
                     "2030-01-11 19:00", "@everyone", "<!here>", '"', "1d,2h", "\x00", "🎉"]),
)


def _answered(harness: Harness, before: int) -> list[str]:
    new = harness.adapter.sent[before:]
    assert any(s.kind in ANSWERED for s in new), "the event got no answer"
    return [s.text for s in new]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(command=st.sampled_from(COMMANDS), data=st.data())
def test_every_command_answers_any_options(running: tuple[asyncio.Runner, Harness],
                                           command: object, data: st.DataObject) -> None:
    runner, harness = running
    spec = command  # a CommandSpec
    names = [o.name for o in spec.options]  # type: ignore[attr-defined]
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True) if names else st.just([]))
    options = {n: data.draw(values) for n in chosen}
    admin = data.draw(st.booleans())
    before = len(harness.adapter.sent)
    runner.run(harness.command("fuzzer", spec.name, admin=admin,  # type: ignore[attr-defined]
                         **{k.replace("-", "_"): v for k, v in options.items()}))
    texts = _answered(harness, before)
    assert SORRY not in texts


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(action=st.one_of(
    st.text(max_size=120),
    st.builds(lambda verb, args: ":".join(["tw", verb, *args]),
              st.sampled_from(["rsvp", "cal", "ballot", "vote", "close", "claim", "decline",
                               "propose", "next", "forget", "place", "interest", "suggest"]),
              st.lists(st.sampled_from(["1", "2", "3", "0", "x", "yes", "going", "maybe", "no",
                                        "999999", "-1"]), max_size=4)),
))
def test_every_button_id_is_answered(running: tuple[asyncio.Runner, Harness],
                                     action: str) -> None:
    runner, harness = running
    before = len(harness.adapter.sent)
    runner.run(harness.click("fuzzer", action))
    assert SORRY not in _answered(harness, before)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(values=st.dictionaries(st.sampled_from(["title", "city", "when", "venue", "capacity",
                                               "junk"]), values, max_size=6))
def test_form_submissions_are_answered(running: tuple[asyncio.Runner, Harness],
                                       values: dict[str, str]) -> None:
    runner, harness = running
    before = len(harness.adapter.sent)
    runner.run(harness.submit("fuzzer", "propose", values))
    assert SORRY not in _answered(harness, before)
