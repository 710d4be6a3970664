"""Pure rules, as tables."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import actions
from bot.domain.meetups import parse_capacity
from bot.domain.polls import Answer, PollOption, Vote, tally, winner
from bot.domain.refusal import Refusal
from bot.domain.reminders import due_reminders, format_leads, parse_leads
from bot.domain.rsvps import RsvpStatus as S
from bot.domain.rsvps import offer_deadline, transition

T0 = datetime(2030, 1, 10, 19, tzinfo=UTC)


def _poll(*counts: tuple[int, int, int]) -> list[object]:
    options = [PollOption(i + 1, T0 + timedelta(days=i)) for i in range(len(counts))]
    votes = []
    for o, (yes, maybe, no) in zip(options, counts, strict=True):
        for kind, n in ((Answer.YES, yes), (Answer.MAYBE, maybe), (Answer.NO, no)):
            votes += [Vote(o.index, f"{o.index}{kind}{i}", "", kind) for i in range(n)]
    return tally(options, votes)  # type: ignore[return-value]


@pytest.mark.parametrize(("counts", "expected"), [
    (((3, 0, 0), (2, 5, 0)), 2),  # most who can make it (yes + if need be)
    (((2, 3, 0), (3, 2, 0)), 2),  # then most yes
    (((2, 1, 3), (2, 1, 0)), 2),  # then fewest no
    (((2, 1, 0), (2, 1, 0)), 1),  # then the earliest
    (((0, 0, 3), (0, 0, 0)), 2),  # nobody can make anything: the one nobody refused
])
def test_poll_winner(counts: tuple[tuple[int, int, int], ...], expected: int) -> None:
    assert winner(_poll(*counts)).index == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("old", "requested", "take", "release", "status"), [
    (None, S.GOING, True, False, None),
    (S.MAYBE, S.GOING, True, False, None),
    (S.NO, S.GOING, True, False, None),
    (S.GOING, S.GOING, False, False, None),
    (S.WAITING, S.GOING, True, False, None),  # a seat left free near the start
    (S.OFFERED, S.GOING, False, False, S.GOING),
    (S.GOING, S.NO, False, True, S.NO),
    (S.OFFERED, S.MAYBE, False, True, S.MAYBE),
    (S.WAITING, S.NO, False, False, S.NO),
    (None, S.MAYBE, False, False, S.MAYBE),
])
def test_rsvp_transitions(old: S | None, requested: S, take: bool, release: bool,
                          status: S | None) -> None:
    step = transition(old, requested)
    assert (step.take_seat, step.release_seat, step.status) == (take, release, status)


def test_offers_never_outlast_the_start() -> None:
    assert offer_deadline(T0, 12, T0 + timedelta(hours=3)) == T0 + timedelta(hours=3)
    assert offer_deadline(T0, 2, T0 + timedelta(days=3)) == T0 + timedelta(hours=2)
    assert offer_deadline(T0, 12, T0 + timedelta(minutes=5)) is None  # too close: no hold
    assert offer_deadline(T0, 12, T0 - timedelta(minutes=5)) is None  # started


@pytest.mark.parametrize(("text", "leads"), [
    ("1d,2h", (1440, 120)), ("2h, 1d", (1440, 120)), ("30m", (30,)), ("1w", (10080,)),
    ("off", ()), ("3 hours and 1 day", (1440, 180)), ("24h,1d", (1440,)),
])
def test_parse_leads(text: str, leads: tuple[int, ...]) -> None:
    assert parse_leads(text) == leads


@pytest.mark.parametrize("text", ["", "soon", "0h", "3y", "1d,,x", "15d"])
def test_bad_leads(text: str) -> None:
    with pytest.raises(Refusal):
        parse_leads(text)


def test_format_and_due() -> None:
    assert format_leads((1440, 120, 45)) == "1d, 2h, 45m"
    due = due_reminders(T0, (1440, 120), T0 - timedelta(hours=3))
    assert due == [(120, T0 - timedelta(hours=2))]


@pytest.mark.parametrize(("raw", "value"), [("12", 12), (" 1 ", 1), ("", None), ("none", None)])
def test_capacity(raw: str, value: int | None) -> None:
    assert parse_capacity(raw) == value


def test_action_ids_round_trip_and_reject_forgeries() -> None:
    action_id = actions.encode("vote", 12, 3, "maybe")
    assert action_id == "tw:vote:12:3:maybe"
    parsed = actions.parse(action_id)
    assert parsed.verb == "vote" and parsed.int_arg(0) == 12
    for forged in ("tw:vote:1:2", "tw:x:1", "xx:rsvp:1:going", "tw:rsvp:1:go ing", "tw:" * 40):
        with pytest.raises(actions.BadAction):
            actions.parse(forged)
    with pytest.raises(ValueError):
        actions.encode("rsvp", 1)
