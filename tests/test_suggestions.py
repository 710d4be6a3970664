"""The pure rules of bot/domain/suggestions.py, as tables: clusters, blocks, question rates."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.geo import distance_km
from bot.domain.suggestions import (
    Asked,
    CityGrid,
    Decision,
    Interest,
    Nearby,
    PastSuggestion,
    PlannedMeetup,
    Rules,
    Spot,
    TripStay,
    day_span,
    decide,
    evening_options,
    intent_rules,
    interested_in,
    may_ask,
    trip_days,
    within,
)

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
TODAY = NOW.date()

PORTLAND = Spot(1, 45.5234, -122.6762, 652_503)
BEAVERTON = Spot(2, 45.4871, -122.8037, 96_577)  # ~11 km from Portland
GRESHAM = Spot(3, 45.4982, -122.4310, 111_053)  # ~19 km
SALEM = Spot(4, 44.9429, -123.0351, 175_535)  # ~71 km
SEATTLE = Spot(5, 47.6062, -122.3321, 780_995)  # ~233 km
HILLSBORO = Spot(6, 45.5229, -122.9898, 106_894)  # ~24 km west; ~42 km from Gresham
CHICAGO = Spot(7, 41.85, -87.65, 2_664_452)
EVANSTON = Spot(8, 42.0411, -87.6901, 74_486)  # ~21 km
CITIES = {s.city_id: s for s in (PORTLAND, BEAVERTON, GRESHAM, SALEM, SEATTLE, HILLSBORO,
                                 CHICAGO, EVANSTON)}
RULES = Rules(threshold=3, radius_km=50, cooldown_days=30)


def near(homes: dict[int, int], trips: tuple[TripStay, ...] = (),
         meetups: tuple[PlannedMeetup, ...] = (),
         suggestions: tuple[PastSuggestion, ...] = ()) -> Nearby:
    return Nearby(CITIES, homes, trips, meetups, suggestions)


def run(center: Spot, data: Nearby, rules: Rules = RULES) -> Decision | None:
    return decide(center, data, rules, today=TODAY, now=NOW, populous=list(CITIES.values()))


def d(month: int, day: int) -> date:
    return date(2030, month, day)


# --- home clusters ----------------------------------------------------------------------------

HOME_CASES = [
    # (center, homes, expected count or None, expected anchor)
    (PORTLAND, {1: 3}, 3, PORTLAND),
    (PORTLAND, {1: 2}, None, None),
    (BEAVERTON, {1: 1, 2: 1, 3: 1}, 3, PORTLAND),  # labelled by the big city nearby
    (BEAVERTON, {2: 2, 4: 1}, None, None),  # Salem is ~80 km from Beaverton
    (PORTLAND, {1: 2, 5: 5}, None, None),  # Seattle is far
    (SEATTLE, {5: 3, 1: 10}, 3, SEATTLE),
    (HILLSBORO, {6: 1, 3: 2}, 3, PORTLAND),  # 42 km apart: both within 50 km of Portland
]


@pytest.mark.parametrize(("center", "homes", "count", "anchor"), HOME_CASES)
def test_home_clusters(center: Spot, homes: dict[int, int], count: int | None,
                       anchor: Spot | None) -> None:
    result = run(center, near(homes))
    if count is None:
        assert result is None
        return
    assert result is not None and result.count == count and result.anchor == anchor
    assert not result.is_trip and result.first_day is None


def test_threshold_and_radius_come_from_the_rules() -> None:
    assert run(PORTLAND, near({1: 2, 4: 1}), Rules(3, 100, 30)) is not None  # Salem in reach
    assert run(PORTLAND, near({1: 3}), Rules(4, 50, 30)) is None
    assert intent_rules(Rules(3, 50, 30)) == Rules(2, 50, 30)
    assert intent_rules(Rules(2, 50, 30)).threshold == 2  # never below two people


# --- blocks -------------------------------------------------------------------------------------

BLOCK_CASES = [
    # (what blocks, blocked?)
    ((), (), False),
    ((), (PastSuggestion(1, NOW - timedelta(days=29)),), True),
    ((), (PastSuggestion(2, NOW - timedelta(days=3)),), True),  # Beaverton: same area
    ((), (PastSuggestion(1, NOW - timedelta(days=31)),), False),  # cooled down
    ((), (PastSuggestion(5, NOW - timedelta(days=1)),), False),  # Seattle: another area
    ((PlannedMeetup(45.52, -122.68, None),), (), True),  # an open date poll there
    ((PlannedMeetup(45.52, -122.68, NOW + timedelta(days=10)),), (), True),
    ((PlannedMeetup(45.52, -122.68, NOW + timedelta(days=60)),), (), False),  # not "coming"
    ((PlannedMeetup(45.52, -122.68, NOW - timedelta(days=1)),), (), False),  # over
    ((PlannedMeetup(47.6, -122.3, NOW + timedelta(days=3)),), (), False),  # in Seattle
]


@pytest.mark.parametrize(("meetups", "past", "blocked"), BLOCK_CASES)
def test_cooldown_and_coming_meetups_block(meetups: tuple[PlannedMeetup, ...],
                                           past: tuple[PastSuggestion, ...],
                                           blocked: bool) -> None:
    result = run(PORTLAND, near({1: 4}, meetups=meetups, suggestions=past))
    assert (result is None) is blocked


# --- trip clusters ------------------------------------------------------------------------------

TRIP_CASES = [
    # (homes, trips, expected (count, first, last, travellers) or None)
    ({}, (TripStay("a", 7, d(3, 3), d(3, 5)), TripStay("b", 7, d(3, 4), d(3, 8)),
          TripStay("c", 8, d(3, 5), d(3, 6))), (3, d(3, 5), d(3, 5), ("a", "b", "c"))),
    ({}, (TripStay("a", 7, d(3, 3), d(3, 5)), TripStay("b", 7, d(3, 6), d(3, 8)),
          TripStay("c", 7, d(3, 9), d(3, 9))), None),  # never together
    ({7: 1}, (TripStay("a", 7, d(3, 3), d(3, 5)), TripStay("b", 7, d(3, 4), d(3, 8))),
     (3, d(3, 4), d(3, 5), ("a", "b"))),  # a resident and two visitors
    ({7: 2}, (TripStay("a", 7, d(3, 3), d(3, 5), home_city_id=7),), None),  # a resident
    ({}, (TripStay("a", 7, d(3, 3), d(3, 5)), TripStay("a", 8, d(3, 4), d(3, 5)),
          TripStay("b", 7, d(3, 4), d(3, 4))), None),  # one person twice is one
    ({7: 1}, (TripStay("a", 7, d(1, 1), d(1, 9)), TripStay("b", 7, d(1, 8), d(1, 20))),
     (3, d(1, 8), d(1, 9), ("a", "b"))),  # an ongoing trip counts from today
    ({7: 1}, (TripStay("a", 7, d(1, 1), d(1, 5)), TripStay("b", 7, d(1, 1), d(1, 5))),
     None),  # over before today
    ({}, (TripStay("a", 5, d(3, 3), d(3, 5)), TripStay("b", 7, d(3, 3), d(3, 5)),
          TripStay("c", 7, d(3, 3), d(3, 5))), None),  # one of them goes to Seattle
]


@pytest.mark.parametrize(("homes", "trips", "expected"), TRIP_CASES)
def test_trip_clusters(homes: dict[int, int], trips: tuple[TripStay, ...],
                       expected: tuple[int, date, date, tuple[str, ...]] | None) -> None:
    result = run(CHICAGO, near(homes, trips))
    if expected is None:
        assert result is None
        return
    assert result is not None and result.is_trip
    assert (result.count, result.first_day, result.last_day, result.traveller_ids) == expected
    assert result.anchor == CHICAGO


def test_home_clusters_win_over_trip_clusters_and_meetups_during_the_days_block() -> None:
    trips = tuple(TripStay(u, 1, d(3, 3), d(3, 5)) for u in "abcd")
    result = run(PORTLAND, near({1: 3}, trips))
    assert result is not None and not result.is_trip and result.count == 3
    assert run(PORTLAND, near({}, trips)) is not None
    during = PlannedMeetup(45.52, -122.68, datetime(2030, 3, 4, 19, tzinfo=UTC))
    before = PlannedMeetup(45.52, -122.68, datetime(2030, 2, 20, 19, tzinfo=UTC))
    assert run(PORTLAND, near({}, trips, meetups=(during,))) is None
    assert run(PORTLAND, near({}, trips, meetups=(before,))) is not None


# --- questions ----------------------------------------------------------------------------------

ASK_CASES = [
    # (history, last asked, city, expected)
    ((), None, 1, None),
    ((), NOW - timedelta(hours=23), 1, "today"),
    ((), NOW - timedelta(hours=24), 1, None),
    ((Asked(1, "home", None),), None, 1, "asked"),  # pending
    ((Asked(1, "home", "no"),), NOW - timedelta(days=400), 1, "asked"),
    ((Asked(1, "trip", "yes"),), None, 1, "asked"),  # per place, any kind
    ((Asked(1, "home", "no"),), NOW - timedelta(days=2), 2, None),
    ((Asked(1, "home", "never"),), NOW - timedelta(days=400), 2, "never"),
    ((Asked(3, "home", "yes"), Asked(1, "trip", "never")), None, 2, "never"),
]


@pytest.mark.parametrize(("history", "last", "city", "expected"), ASK_CASES)
def test_may_ask(history: tuple[Asked, ...], last: datetime | None, city: int,
                 expected: str | None) -> None:
    assert may_ask(history, last, city, NOW) == expected


TRIP_DAY_CASES = [
    (d(3, 3), d(3, 5), (d(3, 3), d(3, 5))),
    (d(1, 1), d(1, 9), (TODAY, d(1, 9))),  # started already
    (d(1, 1), d(1, 6), None),  # over
    (None, None, None),  # no dates: nothing to count
    (d(3, 5), d(3, 3), None),
    (d(3, 1), d(6, 30), None),  # too long for a trip
    (date(2031, 3, 1), date(2031, 3, 2), None),  # more than a year away
]


@pytest.mark.parametrize(("first", "last", "expected"), TRIP_DAY_CASES)
def test_trip_days(first: date | None, last: date | None,
                   expected: tuple[date, date] | None) -> None:
    assert trip_days(first, last, TODAY) == expected


@pytest.mark.parametrize(("first", "last", "text"), [
    (d(3, 3), d(3, 3), "Mar 3"),
    (d(3, 3), d(3, 5), "Mar 3–5"),
    (d(3, 30), d(4, 2), "Mar 30–Apr 2"),
    (d(12, 30), date(2031, 1, 2), "Dec 30, 2030–Jan 2, 2031"),
])
def test_day_span(first: date, last: date, text: str) -> None:
    assert day_span(first, last) == text


def test_evening_options_skip_past_evenings_and_cap_at_ten() -> None:
    local = datetime(2030, 3, 3, 20, 0, tzinfo=UTC)
    assert evening_options(d(3, 3), d(3, 5), local) == ["2030-03-04 19:00", "2030-03-05 19:00"]
    morning = datetime(2030, 3, 3, 8, 0, tzinfo=UTC)
    assert evening_options(d(3, 3), d(3, 3), morning) == ["2030-03-03 19:00"]
    assert len(evening_options(d(3, 1), d(3, 30), morning)) == 10


# --- geometry -----------------------------------------------------------------------------------


def test_within_is_the_great_circle_distance() -> None:
    assert within(PORTLAND, BEAVERTON, 11) and not within(PORTLAND, BEAVERTON, 9)
    assert not within(PORTLAND, SALEM, 50) and within(PORTLAND, SALEM, 75)
    fiji, samoa = Spot(1, -17.7, 179.9), Spot(2, -17.7, -179.9)  # across the antimeridian
    assert within(fiji, samoa, 25)


def test_city_grid_finds_what_brute_force_finds() -> None:
    rng = random.Random(7)
    spots = [Spot(i, rng.uniform(-89.9, 89.9), rng.uniform(-180, 179.999)) for i in range(4000)]
    spots += [Spot(5000 + i, 52.5 + rng.uniform(-1, 1), 13.4 + rng.uniform(-1.5, 1.5))
              for i in range(500)]
    spots += [Spot(6000 + i, rng.uniform(-20, -15), rng.choice((-1, 1)) * rng.uniform(179, 180))
              for i in range(200)]
    grid = CityGrid(spots)
    assert len(grid) == len(spots)
    centers = [Spot(-1, 52.5, 13.4), Spot(-1, -17.5, 179.95), Spot(-1, 89.5, 0.0),
               *rng.sample(spots, 40)]
    for center in centers:
        for km in (50.0, 100.0, 1000.0):
            found = {s.city_id for s in grid.near(center, km)}
            for s in spots:
                dist = distance_km(center.latitude, center.longitude, s.latitude, s.longitude)
                if dist <= km * 0.99:
                    assert s.city_id in found, (center, s, dist, km)
                elif dist > km * 1.02:
                    assert s.city_id not in found, (center, s, dist, km)


def test_within_near_the_poles() -> None:
    a, b = Spot(1, 89.5, 0.0), Spot(2, 89.68, 32.1)
    assert within(a, b, 40) and within(b, a, 40)
    assert not within(Spot(1, 78.2, 15.6), Spot(2, 78.2, 75.6), 500)


# --- who hears of a meetup proposed near an idea they were in for -------------------------------

IDEAS = (
    Interest(PORTLAND, None, None, ("a", "b")),
    Interest(CHICAGO, d(3, 3), d(3, 5), ("c", "a")),
)


@pytest.mark.parametrize(("where", "days", "expected"), [
    (BEAVERTON, (d(1, 20),), ["a", "b"]),  # within the radius of the Portland idea
    (SALEM, (d(1, 20),), []),  # ~71 km: outside
    (EVANSTON, (d(3, 4),), ["c", "a"]),  # on the trip's days
    (CHICAGO, (d(3, 6),), []),  # after the trip
    (CHICAGO, (d(3, 1), d(3, 5)), ["c", "a"]),  # one poll option on the days is enough
])
def test_interested_in_a_meetup_nearby(where: Spot, days: tuple[date, ...],
                                       expected: list[str]) -> None:
    assert list(interested_in(where, days, IDEAS, 50)) == expected
