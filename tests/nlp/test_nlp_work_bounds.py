"""Issue 13, "Slow text blocks the loop": the work one message costs ``find_times`` is bounded
and grows at most linearly with its length, whatever its shape.

No timings: ``find_times_work`` counts what each stage did (characters tokenized, numbers
and time words looked around, tokens, expression starts tried, grammar rules applied).
``bench/nlp_bench.py --worst-case`` measures the time of the same shapes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.dates import Work, find_times, find_times_work, scan

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("America/Chicago"))
PREFIX = "I'm in Tulsa from "
SIZES = (2_500, 5_000, 10_000, 20_000, 40_000)
# Shapes that once cost seconds or that stress one stage: walls of numbers and separators
# (one anchor per character), ranges, repeated expressions, URLs and snake_case.
SHAPES = [
    "1/",
    "1/2/",
    "1 ",
    "1-",
    "1:",
    "1.",
    "1,",
    "1 / ",
    "5 - ",
    "1 to ",
    "from 1 to 2 ",
    "between 1 and ",
    "1/1 - 1/2 ",
    "1234567890",
    "january ",
    "jan 1 ",
    "the 1st ",
    "1st of ",
    "monday ",
    "next ",
    "at 5pm ",
    "10:30 ",
    "in 2 days ",
    "tomorrow at ",
    "one two ",
    "2026 ",
    "end of ",
    "summer ",
    "a.com/",
    "a_b_",
    "www.",
]
# Rules applied per expression start: a start reads a bounded neighbourhood.
RULES_PER_ATTEMPT = 40


def _text(unit: str, size: int) -> str:
    return (PREFIX + unit * (size // len(unit) + 1))[:size]


def _cost(w: Work) -> int:
    return w.chars + w.anchors + w.tokens + w.attempts + w.rule_calls


def _assert_bounded(w: Work) -> None:
    assert w.chars <= scan.MAX_LEN
    assert w.anchors <= scan.MAX_ANCHORS + 1
    assert w.tokens <= scan.MAX_TOKENS + w.anchors  # + one barrier between windows
    assert w.attempts <= scan.MAX_ATTEMPTS
    assert w.rule_calls <= RULES_PER_ATTEMPT * max(1, w.attempts)


# Every stage is capped, so the total is too: a 40 KB message costs no more than this.
MAX_COST = (
    scan.MAX_LEN
    + 2 * (scan.MAX_ANCHORS + 1)
    + scan.MAX_TOKENS
    + (RULES_PER_ATTEMPT + 1) * scan.MAX_ATTEMPTS
)


def _assert_linear(unit: str) -> None:
    for size in SIZES:
        found, w = find_times_work(_text(unit, size), now=NOW)
        _assert_bounded(w)
        assert len(found) <= w.attempts
        # linear in the length (a few units of work per character) and never above the caps
        assert _cost(w) <= min(4 * size, MAX_COST), (unit, size, w)


@pytest.mark.parametrize("unit", SHAPES)
def test_work_is_bounded_and_linear(unit: str) -> None:
    _assert_linear(unit)


PIECES = [" ", *"1 12 / - : . , to and jan the 1st pm at next in days _ www. .com/ x".split()]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(PIECES),
        min_size=1,
        max_size=6,
    ).map("".join)
)
def test_work_is_bounded_for_any_repeated_shape(unit: str) -> None:
    _assert_linear(unit)


def test_the_caps_keep_what_a_chat_message_says() -> None:
    # A long message with a date near its start and one near its end of the first
    # 20,000 characters: both found, the caps cut walls, not chat.
    filler = "we could maybe meet somewhere nice and talk about it " * 300
    text = "I'm in Tulsa March 3-5. " + filler[:15_000] + " Or Friday at 7pm?"
    found = [m.text for m in find_times(text, now=NOW)]
    assert found == ["March 3-5", "Friday at 7pm"]


def test_urls_and_snake_case_are_not_times_and_cost_linear_work() -> None:
    text = "see https://example.com/2026/03/05 or a.com/3/4 and run_at_5pm at 7pm"
    assert [m.text for m in find_times(text, now=NOW)] == ["7pm"]
    _assert_linear("https://a.com/1/2/")
