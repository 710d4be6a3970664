"""The meetup rules at their boundaries, as tables: times, text, venues, capacity, who may act,
and the rate limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.limits import Limits, check_events, check_proposals
from bot.domain.meetups import (
    CAPACITY_MAX,
    DESCRIPTION_MAX,
    TITLE_MAX,
    VENUE_MAX,
    Meetup,
    Status,
    check_active,
    check_description,
    check_future,
    check_manage,
    check_online_venue,
    check_text,
    check_title,
    check_venue,
    clean_member_text,
    has_visible,
    is_link,
    parse_capacity,
)
from bot.domain.refusal import Refusal

START = datetime(2030, 3, 1, 19, tzinfo=UTC)
TICK = timedelta(microseconds=1)


def meetup(starts_at: datetime | None = START, status: Status = Status.SCHEDULED,
           city_id: int = 42, timezone: str = "") -> Meetup:
    return Meetup(7, 1, "c", None, "Coffee", city_id, "London", "org", "Olga", status,
                  starts_at, timezone=timezone)


# --- times ---------------------------------------------------------------------------------


def test_a_meetup_lasts_two_hours_for_the_calendar() -> None:
    assert meetup().ends_at() == START + timedelta(hours=2)
    assert meetup(None, Status.POLL).ends_at() is None


@pytest.mark.parametrize(("now", "started", "over"), [
    (START - TICK, False, False),
    (START, True, False),  # the start itself: started, RSVPs closed to the "not started" rule
    (START + timedelta(hours=2) - TICK, True, False),
    (START + timedelta(hours=2), True, True),  # two hours on: over
])
def test_started_and_over(now: datetime, started: bool, over: bool) -> None:
    m = meetup()
    assert (m.has_started(now), m.is_over(now)) == (started, over)


def test_a_poll_without_a_date_has_neither_started_nor_ended() -> None:
    m = meetup(None, Status.POLL)
    assert not m.has_started(START) and not m.is_over(START + timedelta(days=9))
    assert m.is_poll and not meetup().is_poll


@pytest.mark.parametrize(("start", "ok"), [
    (START - TICK, False),
    (START, False),  # exactly now is not the future
    (START + TICK, True),
    (START + timedelta(days=2 * 366), True),  # two (leap) years is the limit
    (START + timedelta(days=2 * 366) + TICK, False),  # more than two years away
])
def test_check_future(start: datetime, ok: bool) -> None:
    if ok:
        check_future(start, START)
    else:
        with pytest.raises(Refusal):
            check_future(start, START)


def test_check_future_names_what_was_wrong() -> None:
    with pytest.raises(Refusal, match=r"^Option 2 is in the past"):
        check_future(START, START, "Option 2")
    with pytest.raises(Refusal, match=r"^That time is more than two years away"):
        check_future(START + timedelta(days=800), START)


@pytest.mark.parametrize(("status", "now", "refused"), [
    (Status.SCHEDULED, START + timedelta(hours=1), False),  # under way: still editable
    (Status.POLL, START, False),
    (Status.SCHEDULED, START + timedelta(hours=2), True),  # over
    (Status.CANCELLED, START - timedelta(days=1), True),
    (Status.EXPIRED, START - timedelta(days=1), True),
])
def test_check_active(status: Status, now: datetime, refused: bool) -> None:
    m = meetup(None if status is Status.POLL else START, status)
    if refused:
        with pytest.raises(Refusal, match="#7"):
            check_active(m, now, "edit")
    else:
        check_active(m, now, "edit")


@pytest.mark.parametrize(("user", "admin", "ok"), [
    ("org", False, True), ("someone", True, True), ("someone", False, False),
])
def test_only_the_organizer_or_an_admin_manages(user: str, admin: bool, ok: bool) -> None:
    if ok:
        check_manage(meetup(), user, admin, "cancel")
    else:
        with pytest.raises(Refusal, match="Olga"):
            check_manage(meetup(), user, admin, "cancel")


def test_online_meetups_and_zones() -> None:
    assert meetup(city_id=0).is_online and not meetup().is_online
    assert meetup().zone("Europe/Berlin") == "Europe/Berlin"  # made before zones were stored
    assert meetup(timezone="America/Chicago").zone("Europe/Berlin") == "America/Chicago"


# --- member text ---------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "clean"), [
    ("Coffee", "Coffee"),
    ("abc\u202egnp.exe", "abcgnp.exe"),  # direction override removed
    ("a\u2066b\u2069c", "abc"),  # isolates removed
    ("a\x00b\x1fc\x7fd\x9fe", "abcde"),  # control characters removed
    ("line one\nline two\tend", "line one\nline two\tend"),  # breaks and tabs kept inside
    ("\u200b\u3164 Coffee \u2800\u200d", "Coffee"),  # invisible ends trimmed
    ("\u200b\u3164\u2800", ""),  # nothing visible at all
    ("\u0301", ""),  # a lone combining mark draws nothing
    ("\u200b\u2764\ufe0f", "\u2764\ufe0f"),  # a variation selector kept after its base
])
def test_clean_member_text(raw: str, clean: str) -> None:
    assert clean_member_text(raw) == clean


@pytest.mark.parametrize(("text", "visible"), [
    ("a", True), ("e\u0301", True), ("\u0301", False), ("\u200b", False), ("\u2800", False),
    (" \t\n", False), ("", False), ("\u115f\u1160\uffa0\u17b4\u17b5", False),
])
def test_has_visible(text: str, visible: bool) -> None:
    assert has_visible(text) is visible


@pytest.mark.parametrize(("raw", "title"), [
    ("  Coffee   &\n code ", "Coffee & code"),
    ("x" * TITLE_MAX, "x" * TITLE_MAX),
])
def test_titles(raw: str, title: str) -> None:
    assert check_title(raw) == title


@pytest.mark.parametrize("raw", ["", "   ", "\u200b\u2800", "x" * (TITLE_MAX + 1)])
def test_bad_titles(raw: str) -> None:
    with pytest.raises(Refusal):
        check_title(raw)


@pytest.mark.parametrize(("check", "name", "limit"), [
    (check_description, "description", DESCRIPTION_MAX), (check_venue, "venue", VENUE_MAX),
])
def test_text_limits(check: object, name: str, limit: int) -> None:
    assert check("y" * limit) == "y" * limit  # type: ignore[operator]
    with pytest.raises(Refusal, match=f"^The {name} is {limit + 1} characters; keep it to {limit}"):
        check("y" * (limit + 1))  # type: ignore[operator]


def test_check_text_names_the_field() -> None:
    assert check_text(" \u202eok ", "note", 3) == "ok"
    with pytest.raises(Refusal, match=r"^The note is 4 characters"):
        check_text("four", "note", 3)


@pytest.mark.parametrize(("venue", "link"), [
    ("https://meet.example.com/coffee", True),
    ("HTTP://Example.com", True),
    ("https://a.b/c d", False),
    ("https://a.b/<x>", False),
    ("https://a.b/x|y", False),
    ("ftp://a.b", False),
    ("The Crown, 3 High St", False),
    ("see https://a.b", False),
])
def test_is_link(venue: str, link: bool) -> None:
    assert is_link(venue) is link


@pytest.mark.parametrize(("venue", "ok"), [
    ("", True),
    ("The Crown, see https://crown.example", True),  # a place that mentions a link
    ("https://meet.example.com/x", True),
    ("ftp://files.example.com", False),  # a link that is not http(s)
    ("https://a.b/c d", False),  # a link with a space in it
])
def test_venues(venue: str, ok: bool) -> None:
    if ok:
        assert check_venue(venue) == venue
    else:
        with pytest.raises(Refusal, match="venue:https://"):
            check_venue(venue)


@pytest.mark.parametrize(("venue", "ok"), [
    ("", True), ("https://meet.example.com/x", True), ("The Crown", False),
])
def test_online_venues_are_links(venue: str, ok: bool) -> None:
    if ok:
        assert check_online_venue(venue) == venue
    else:
        with pytest.raises(Refusal, match="link"):
            check_online_venue(venue)


@pytest.mark.parametrize(("raw", "value"), [
    ("1", 1), (" 12 ", 12), (str(CAPACITY_MAX), CAPACITY_MAX), ("", None), ("None", None),
    (" UNLIMITED ", None), ("no limit", None), ("0 (none)", None),
])
def test_capacity(raw: str, value: int | None) -> None:
    assert parse_capacity(raw) == value


@pytest.mark.parametrize(("raw", "why"), [
    ("0", "at least 1"), ("-3", "at least 1"), (str(CAPACITY_MAX + 1), "at most 10,000"),
    ("twelve", "whole number"), ("1.5", "whole number"),
])
def test_bad_capacity(raw: str, why: str) -> None:
    with pytest.raises(Refusal, match=why):
        parse_capacity(raw)


# --- rate limits ---------------------------------------------------------------------------

LIMITS = Limits()


@pytest.mark.parametrize(("member", "community", "refused"), [
    (LIMITS.member_events_per_minute, LIMITS.community_events_per_minute, None),
    (LIMITS.member_events_per_minute + 1, 0, "going a bit fast"),
    (0, LIMITS.community_events_per_minute + 1, "community is very busy"),
])
def test_event_limits_count_the_event_itself(member: int, community: int,
                                             refused: str | None) -> None:
    if refused is None:
        check_events(member, community, LIMITS)
    else:
        with pytest.raises(Refusal, match=refused):
            check_events(member, community, LIMITS)


@pytest.mark.parametrize(("member", "community", "refused"), [
    (LIMITS.member_proposals_per_hour - 1, LIMITS.community_proposals_per_hour - 1, None),
    (LIMITS.member_proposals_per_hour, 0,
     f"You've proposed {LIMITS.member_proposals_per_hour} meetups"),
    (0, LIMITS.community_proposals_per_hour, "community has had a lot of proposals"),
])
def test_proposal_limits_count_those_already_made(member: int, community: int,
                                                  refused: str | None) -> None:
    if refused is None:
        check_proposals(member, community, LIMITS)
    else:
        with pytest.raises(Refusal, match=refused):
            check_proposals(member, community, LIMITS)

