"""Date polls: votes, tallies and the winning option."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

MIN_OPTIONS, MAX_OPTIONS = 2, 10
DEADLINE_AHEAD = timedelta(hours=24)  # a poll closes this long before its earliest option
DEADLINE_GRACE = timedelta(minutes=5)
"""A deadline job may fire a little late; an option starting this recently still counts at
the deadline (the default deadline can be the earliest option itself)."""


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

    @property
    def can_make_it(self) -> int:
        return self.yes + self.maybe


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
    """The option the most members can make (yes + if need be); ties go to more yes, then
    fewer no, then the earliest."""
    return deciding_tally(tallies).option


def deciding_tally(tallies: list[Tally]) -> Tally:
    if not tallies:
        raise ValueError("a poll without options has no winner")
    return min(tallies, key=lambda t: (-t.can_make_it, -t.yes, t.no, t.option.starts_at))


def result_text(t: Tally) -> str:
    """The counts that decided a poll, in words: "5 can make it, 1 only if need be"."""
    text = f"{t.can_make_it} can make it"
    if t.maybe:
        text += f", {t.maybe} only if need be"
    if t.no:
        text += f", {t.no} can't"
    return text


def default_deadline(options: Iterable[datetime], now: datetime) -> datetime:
    """24 hours before the earliest option, or, when that has passed, the earliest option."""
    earliest = min(options)
    ahead = earliest - DEADLINE_AHEAD
    return ahead if ahead > now else earliest


def has_passed(option: PollOption, now: datetime) -> bool:
    """A passed option takes no more votes and cannot win."""
    return option.starts_at <= now


def still_open(options: Iterable[PollOption], now: datetime) -> list[PollOption]:
    return [o for o in options if not has_passed(o, now)]


def eligible_at_deadline(options: Iterable[PollOption], now: datetime) -> list[PollOption]:
    """Options that may still win when the deadline job runs (allowing for a late wake-up)."""
    return [o for o in options if o.starts_at > now - DEADLINE_GRACE]


def invitees(votes: Iterable[Vote], chosen: int) -> list[tuple[str, str]]:
    """Members who said yes or if-need-be to the chosen option: (user_id, name)."""
    return [
        (v.user_id, v.user_name)
        for v in votes
        if v.option == chosen and v.answer in (Answer.YES, Answer.MAYBE)
    ]
