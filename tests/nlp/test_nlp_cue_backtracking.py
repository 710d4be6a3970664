"""The "food at a time?" intent cue reads a run of marks once: written with stacked
optional parts, each with its own ``\\W*``, it tried every split of a long run of marks and
", , , , ok?" cost time cubic in its length (issue 14: 75 ms for a 221-character message,
seconds for a few thousand; e.g. ``" ," * 400 + "tonight" + " ," * 400 + "x?"``,
33 s before, 0.2 s after). The rewrite must find the same matches with the same spans (no
timing is asserted here)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.lang import en

_CUE = next(c for c in en.INTENT_CUES if c.name == "food at a time?")
# The cue as first written (the reference the rewrite must agree with), with the place
# before a day it later learnt ("pint in the local on the 27th?", branch chat9).
_FIRST_WRITTEN = re.compile(
    rf"(?:^|(?<=[.!?\n:—,-]))\W*(?:usual\s+spot\W+)?{en._FOOD}?\s*\W*"
    rf"(?:(?:in|at)\s+(?:the\s+|our\s+|my\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+{en._DAYISH}\b"
    rf"[^?\x00]{{0,30}}|(?:{en._DAYISH}[^?\x00]{{0,30}})?)\?",
    re.VERBOSE,
)
_PIECES = [
    "lunch", "a lunch", "dim sum", "drinks", "usual spot", "tonight", "on friday", "at 7",
    "7pm", "next week", "after work", "x", "ok", "café", "?", "??", ",", ", ", " , ", ".",
    "!", " ", "  ", "\n", "—", "-", ":", "\x00", "🍻", "é",
]  # fmt: skip


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_rewrite_finds_the_same_matches(text: str) -> None:
    assert _spans(_CUE.pattern, text) == _spans(_FIRST_WRITTEN, text), repr(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" ,.?!-x", max_size=30))
def test_the_rewrite_finds_the_same_matches_in_runs_of_marks(text: str) -> None:
    assert _spans(_CUE.pattern, "lunch" + text) == _spans(_FIRST_WRITTEN, "lunch" + text)


def test_every_part_after_the_marks_starts_with_a_letter_or_digit() -> None:
    # ``_FOOD_AHEAD`` skips marks to the first word: sound only while this holds.
    assert all(re.match(r"\w", w) for w in en._FOOD_WORDS)
