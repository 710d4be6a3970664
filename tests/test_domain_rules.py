"""Poll, reminder, seat and community rules at their boundaries, as tables."""

from __future__ import annotations

from dataclasses import MISSING, fields
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.community import Community, Member
from bot.domain.geo import distance_km, osm_link, osm_search_link
from bot.domain.polls import (
    Answer,
    PollOption,
    Tally,
    Vote,
    deciding_tally,
    default_deadline,
    eligible_at_deadline,
    has_passed,
    invitees,
    result_text,
    still_open,
    tally,
)
from bot.domain.refusal import Refusal
from bot.domain.reminders import (
    MAX_LEAD_MINUTES,
    due_reminders,
    format_lead,
    format_leads,
    parse_leads,
    still_worth_sending,
)
from bot.domain.rsvps import RsvpStatus, offer_deadline, transition
from bot.store import schema

T0 = datetime(2030, 1, 10, 19, tzinfo=UTC)
TICK = timedelta(microseconds=1)
ONE, TWO, THREE = (PollOption(i, T0 + timedelta(days=i)) for i in (1, 2, 3))


def votes(option: int, yes: int = 0, maybe: int = 0, no: int = 0) -> list[Vote]:
    out = []
    for answer, n in ((Answer.YES, yes), (Answer.MAYBE, maybe), (Answer.NO, no)):
        out += [Vote(option, f"{option}-{answer}-{i}", f"N{i}", answer) for i in range(n)]
    return out


# --- polls -----------------------------------------------------------------------------------


def test_tallies_as_members_see_them() -> None:
    """One row per option in option order, each answer counted once per voter; options nobody
    voted on show zeros, votes for an unknown option count nowhere."""
    cast = votes(2, yes=2, maybe=1, no=3) + votes(1, no=1) + votes(9, yes=5)
    rows = tally([THREE, TWO, ONE], cast)
    assert [(t.option.index, t.yes, t.maybe, t.no, t.can_make_it) for t in rows] == [
        (1, 0, 0, 1, 0), (2, 2, 1, 3, 3), (3, 0, 0, 0, 0),
    ]


def test_a_poll_without_options_has_no_winner() -> None:
    with pytest.raises(ValueError, match="no winner"):
        deciding_tally([])


@pytest.mark.parametrize(("yes", "maybe", "no", "text"), [
    (3, 0, 0, "3 can make it"),
    (3, 1, 0, "4 can make it, 1 only if need be"),
    (2, 0, 2, "2 can make it, 2 can't"),
    (0, 1, 1, "1 can make it, 1 only if need be, 1 can't"),
])
def test_result_text(yes: int, maybe: int, no: int, text: str) -> None:
    assert result_text(Tally(ONE, yes, maybe, no)) == text


@pytest.mark.parametrize(("now", "deadline"), [
    (T0 - timedelta(days=3), T0 - timedelta(hours=24)),  # a day before the earliest
    (T0 - timedelta(hours=24) - TICK, T0 - timedelta(hours=24)),
    (T0 - timedelta(hours=24), T0),  # no day left: the earliest option itself
    (T0 - timedelta(hours=2), T0),
])
def test_default_deadline(now: datetime, deadline: datetime) -> None:
    assert default_deadline([T0 + timedelta(days=2), T0, T0 + timedelta(days=1)], now) == deadline


@pytest.mark.parametrize(("now", "passed"), [
    (ONE.starts_at - TICK, False), (ONE.starts_at, True), (ONE.starts_at + TICK, True),
])
def test_an_option_starting_now_has_passed(now: datetime, passed: bool) -> None:
    assert has_passed(ONE, now) is passed
    assert still_open([ONE, TWO], now) == ([TWO] if passed else [ONE, TWO])


@pytest.mark.parametrize(("late", "eligible"), [
    (timedelta(0), True),
    (timedelta(minutes=5) - TICK, True),  # a deadline job running a little late
    (timedelta(minutes=5), False),
])
def test_eligible_at_deadline(late: timedelta, eligible: bool) -> None:
    now = ONE.starts_at + late
    assert eligible_at_deadline([ONE, TWO], now) == ([ONE, TWO] if eligible else [TWO])


def test_invitees_said_yes_or_if_need_be_to_the_chosen_option() -> None:
    cast = votes(1, yes=1, maybe=1, no=1) + votes(2, yes=1)
    assert invitees(cast, 1) == [("1-yes-0", "N0"), ("1-maybe-0", "N0")]


# --- reminders -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "leads"), [
    ("5m", (5,)),  # the shortest lead
    ("5 minutes", (5,)), ("10 min", (10,)), ("90 mins", (90,)),
    ("2w", (MAX_LEAD_MINUTES,)), ("14d", (MAX_LEAD_MINUTES,)), ("336h", (MAX_LEAD_MINUTES,)),
    ("1w", (7 * 24 * 60,)), ("1 week", (10080,)), ("2 weeks", (20160,)),
    ("1 hr", (60,)), ("2 hrs", (120,)), ("1 hour", (60,)), ("1 day", (1440,)),
    ("1d;2h", (1440, 120)), ("1D, 2H", (1440, 120)), ("60m,1h", (60,)),
    ("1w,1d,12h,2h,30m", (10080, 1440, 720, 120, 30)),  # five is the most
    (" OFF ", ()), ("none", ()), ("no", ()),
])
def test_leads(text: str, leads: tuple[int, ...]) -> None:
    assert parse_leads(text) == leads


@pytest.mark.parametrize(("text", "why"), [
    ("4m", "between 5 minutes and 2 weeks"),
    ("337h", "between 5 minutes and 2 weeks"),  # two weeks and an hour
    ("3w", "between 5 minutes and 2 weeks"),
    ("10000m", "as a lead time"),  # at most four digits
    ("1y", "as a lead time"),
    ("1w,1d,12h,2h,30m,10m", "At most 5 reminders"),
    (",", "at least one"), (" and ", "at least one"),
])
def test_bad_leads(text: str, why: str) -> None:
    with pytest.raises(Refusal, match=why):
        parse_leads(text)


@pytest.mark.parametrize(("minutes", "text"), [
    (10080, "1w"), (20160, "2w"), (1440, "1d"), (2880, "2d"), (120, "2h"), (60, "1h"),
    (90, "90m"), (5, "5m"), (1500, "25h"),
])
def test_format_lead(minutes: int, text: str) -> None:
    assert format_lead(minutes) == text
    assert parse_leads(text) == (minutes,)  # what is shown reads back


def test_format_leads() -> None:
    assert format_leads((10080, 90)) == "1w, 90m"
    assert format_leads(()) == "off"


@pytest.mark.parametrize(("now", "due"), [
    (T0 - timedelta(hours=3), [(120, T0 - timedelta(hours=2)), (60, T0 - timedelta(hours=1))]),
    (T0 - timedelta(hours=2) - TICK, [(120, T0 - timedelta(hours=2)),
                                      (60, T0 - timedelta(hours=1))]),
    (T0 - timedelta(hours=2), [(60, T0 - timedelta(hours=1))]),  # due exactly now: not sent
    (T0 - timedelta(hours=1), []),
])
def test_due_reminders(now: datetime, due: list[tuple[int, datetime]]) -> None:
    assert due_reminders(T0, (120, 60), now) == due


@pytest.mark.parametrize(("starts_at", "now", "worth"), [
    (T0, T0 - TICK, True), (T0, T0, False), (T0, T0 + TICK, False), (None, T0, False),
])
def test_a_late_reminder_is_sent_only_before_the_start(starts_at: datetime | None,
                                                       now: datetime, worth: bool) -> None:
    assert still_worth_sending(starts_at, now) is worth


# --- seats -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("before_start", "deadline"), [
    (timedelta(hours=20), T0 - timedelta(hours=20) + timedelta(hours=12)),  # the window
    (timedelta(hours=3), T0),  # never past the start
    (timedelta(minutes=10), T0),  # ten minutes is still worth holding
    (timedelta(minutes=10) - TICK, None),  # closer: the next to click takes it
    (timedelta(0), None),
])
def test_offer_deadline(before_start: timedelta, deadline: datetime | None) -> None:
    assert offer_deadline(T0 - before_start, 12, T0) == deadline


def test_an_offer_without_a_start_runs_the_whole_window() -> None:
    assert offer_deadline(T0, 12, None) == T0 + timedelta(hours=12)


@pytest.mark.parametrize("requested", [RsvpStatus.WAITING, RsvpStatus.OFFERED])
def test_members_cannot_ask_for_the_waitlist_or_an_offer(requested: RsvpStatus) -> None:
    with pytest.raises(ValueError, match=str(requested)):
        transition(None, requested)


# --- places ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "km"), [
    ((51.5074, -0.1278), (48.8566, 2.3522), 343.5),  # London - Paris
    ((0.0, 0.0), (0.0, 180.0), 20015.1),  # half the equator
    ((90.0, 0.0), (-90.0, 0.0), 20015.1),  # pole to pole
    # antipodes whose haversine term rounds to just above 1
    ((69.51232454868148, 86.5812282599507), (-69.51232454868148, 266.5812282599507), 20015.1),
    ((45.0, 10.0), (45.0, 10.0), 0.0),
])
def test_distance_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert distance_km(*a, *b) == pytest.approx(km, abs=0.1)


def test_osm_links() -> None:
    assert osm_link(51.5, -0.12345678) == (
        "https://www.openstreetmap.org/?mlat=51.50000&mlon=-0.12346#map=13/51.50000/-0.12346"
    )
    assert osm_link(1, 2, zoom=5).endswith("#map=5/1.00000/2.00000")
    assert osm_search_link("Café & Bar, Köln") == (
        "https://www.openstreetmap.org/search?query=Caf%C3%A9+%26+Bar%2C+K%C3%B6ln"
    )


# --- community defaults ----------------------------------------------------------------------


def _stored(value: object) -> str:
    """A Python default as the schema's server default spells it."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    return str(value)


@pytest.mark.parametrize(("cls", "table"), [(Community, schema.communities),
                                            (Member, schema.members)])
def test_new_rows_get_the_defaults_the_code_assumes(cls: type, table: object) -> None:
    """A community or member created by SQL alone (the migrations' server defaults) has the
    settings a freshly built record has in Python."""
    checked = 0
    for f in fields(cls):
        if f.default is MISSING:
            continue
        column = table.c.get(f.name)  # type: ignore[attr-defined]
        if column is None or column.server_default is None:
            continue
        assert column.server_default.arg == _stored(f.default), f.name
        checked += 1
    assert checked  # the test compared something
