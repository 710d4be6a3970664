"""Date polls: votes, tallies and the winning option."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

MIN_OPTIONS, MAX_OPTIONS = 2, 10


class Answer(StrEnum):
    YES = "yes"
    MAYBE = "maybe"  # "if need be"
    NO = "no"


ANSWER_LABELS = {Answer.YES: "Yes", Answer.MAYBE: "If need be", Answer.NO: "No"}


@dataclass(frozen=True, slots=True)
class PollOption:
    index: int  # 1-based, as shown to members
    starts_at: datetime


@dataclass(frozen=True, slots=True)
class Vote:
    option: int
    user_id: str
    user_name: str
    answer: Answer


@dataclass(frozen=True, slots=True)
class Tally:
    option: PollOption
    yes: int
    maybe: int
    no: int


def tally(options: Iterable[PollOption], votes: Iterable[Vote]) -> list[Tally]:
    counts: dict[int, dict[Answer, int]] = {}
    for v in votes:
        counts.setdefault(v.option, {a: 0 for a in Answer})[v.answer] += 1
    result = []
    for o in sorted(options, key=lambda o: o.index):
        c = counts.get(o.index, {a: 0 for a in Answer})
        result.append(Tally(o, c[Answer.YES], c[Answer.MAYBE], c[Answer.NO]))
    return result


def winner(tallies: list[Tally]) -> PollOption:
    """Most yes, then most yes + if-need-be, then the earliest."""
    if not tallies:
        raise ValueError("a poll without options has no winner")
    best = min(tallies, key=lambda t: (-t.yes, -(t.yes + t.maybe), t.option.starts_at))
    return best.option


def invitees(votes: Iterable[Vote], chosen: int) -> list[tuple[str, str]]:
    """Members who said yes or if-need-be to the chosen option: (user_id, name)."""
    return [
        (v.user_id, v.user_name)
        for v in votes
        if v.option == chosen and v.answer in (Answer.YES, Answer.MAYBE)
    ]
