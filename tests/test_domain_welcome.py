"""The welcome rules as tables: when a greeter may be asked and until when, who is asked
next, the date suggested for the next meetup, the first-timers line and the tally."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.refusal import Refusal
from bot.domain.welcome import (
    FIND_US_MAX,
    Again,
    Candidate,
    answer_deadline,
    check_find_us,
    eve_due,
    first_timer_words,
    meet_at,
    next_greeter,
    suggest_next_date,
    tally,
    tally_text,
    when_text,
)

START = datetime(2030, 1, 11, 19, 0, tzinfo=UTC)
H = timedelta(hours=1)
M = timedelta(minutes=1)


@pytest.mark.parametrize(
    ("before_start", "deadline_before_start"),
    [
        (timedelta(days=4), timedelta(days=4) - 6 * H),  # a full window of 6 hours
        (7 * H + 15 * M, 1 * H + 15 * M),  # exactly 6 hours still fits
        (3 * H, 1 * H + 15 * M),  # capped: the first-timer hears 1 h before meeting
        (1 * H + 35 * M, 1 * H + 15 * M),  # 20 minutes to answer: still asked
        (1 * H + 34 * M, None),  # 19 minutes: too late to ask anyone
        (30 * M, None),
        (-5 * M, None),  # started
    ],
)
def test_how_long_a_greeter_has_to_answer(
    before_start: timedelta, deadline_before_start: timedelta | None
) -> None:
    got = answer_deadline(START - before_start, START)
    want = None if deadline_before_start is None else START - deadline_before_start
    assert got == want


def test_a_buddy_meets_fifteen_minutes_before_and_the_eve_is_a_day_before() -> None:
    assert meet_at(START) == START - 15 * M
    assert eve_due(START, START - timedelta(days=3)) == START - timedelta(days=1)
    late = START - 5 * H  # marked within the last day: now
    assert eve_due(START, late) == late


def going(*users: str, greeters: str = "") -> list[Candidate]:
    volunteers = set(greeters.split())
    return [Candidate(u, u in volunteers) for u in users]


@pytest.mark.parametrize(
    ("going_in_order", "greeters", "asked", "busy", "first_timers", "expected"),
    [
        (("ana", "bo", "cy"), "bo cy", (), (), (), "bo"),  # click order among volunteers
        (("ana", "bo", "cy"), "bo cy", ("bo",), (), (), "cy"),  # bo declined or timed out
        (("ana", "bo", "cy"), "bo cy", ("bo",), ("cy",), (), None),  # cy meets someone else
        (("ana", "bo", "cy"), "", (), (), (), None),  # no volunteers going
        (("ana", "bo"), "ana bo", (), (), (), "bo"),  # never the first-timer themself
        (("ana", "bo", "cy"), "bo cy", (), (), ("bo",), "cy"),  # bo is new here too
    ],
)
def test_who_is_asked_next(
    going_in_order: tuple[str, ...], greeters: str, asked: tuple[str, ...],
    busy: tuple[str, ...], first_timers: tuple[str, ...], expected: str | None,
) -> None:
    assert next_greeter(going(*going_in_order, greeters=greeters), "ana", asked, busy,
                        first_timers) == expected


@pytest.mark.parametrize(
    ("start", "zone", "now", "expected"),
    [
        # Friday 19:00 in London -> four Fridays later, same time
        (datetime(2030, 1, 11, 19, tzinfo=UTC), "Europe/London",
         datetime(2030, 1, 11, 22, tzinfo=UTC), "2030-02-08 19:00+00:00"),
        # across the spring change: still 19:00 on the wall in Berlin
        (datetime(2030, 3, 15, 18, tzinfo=UTC), "Europe/Berlin",
         datetime(2030, 3, 15, 22, tzinfo=UTC), "2030-04-12 19:00+02:00"),
        # proposed long after: the first such weekday at least a day away
        (datetime(2030, 1, 11, 19, tzinfo=UTC), "Europe/London",
         datetime(2030, 3, 1, 12, tzinfo=UTC), "2030-03-08 19:00+00:00"),
    ],
)
def test_the_next_meetup_is_suggested_the_same_weekday_and_time_weeks_later(
    start: datetime, zone: str, now: datetime, expected: str
) -> None:
    suggested = suggest_next_date(start, zone, now)
    assert when_text(suggested) == expected
    assert suggested.weekday() == start.astimezone(suggested.tzinfo).weekday()


@pytest.mark.parametrize(
    ("shown", "hidden", "lead", "tail"),
    [
        (2, 1, "3 first-timers: ", ", and 1 who'd rather not be named"),
        (1, 0, "1 first-timer: ", ""),
        (0, 1, "1 first-timer", " (who'd rather not be named)"),
        (0, 2, "2 first-timers", " (they'd rather not be named)"),
        (2, 3, "5 first-timers: ", ", and 3 who'd rather not be named"),
    ],
)
def test_the_first_timers_line(shown: int, hidden: int, lead: str, tail: str) -> None:
    assert first_timer_words(shown, hidden) == (lead, tail)


def test_the_tally_counts_every_answer() -> None:
    assert tally_text(tally([])) == "nobody answered yet"
    counts = tally([Again.YES, Again.YES, Again.NO])
    assert tally_text(counts) == "2 yes, 0 maybe, 1 probably not"


def test_find_us_is_member_text_with_a_limit() -> None:
    assert check_find_us("  yellow \u202eumbrella\n at the back ") == "yellow umbrella at the back"
    assert check_find_us("x" * FIND_US_MAX) == "x" * FIND_US_MAX
    with pytest.raises(Refusal, match=f"keep it to {FIND_US_MAX}"):
        check_find_us("x" * (FIND_US_MAX + 1))
