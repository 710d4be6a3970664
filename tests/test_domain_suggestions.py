"""Suggestion rules at their boundaries, as tables: which anchors compete and which one wins,
the best day of a trip cluster, what blocks an anchor, trip dates, and the geometry's edges.

Places on the equator make distances easy to read: 0.1 degree of longitude is about 11.1 km.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.geo import distance_km
from bot.domain.refusal import Refusal
from bot.domain.suggestions import (
    CityGrid,
    Decision,
    Interest,
    Nearby,
    PastSuggestion,
    PlannedMeetup,
    Rules,
    Spot,
    TripStay,
    _anchors,
    check_trip,
    cooling_down,
    decide,
    evening_options,
    intent_rules,
    interested_in,
    lon_span,
    meetup_planned,
    open_anchors,
    overlaps,
    trip_days,
    within,
)

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
RULES = Rules(threshold=3, radius_km=50, cooldown_days=30)
TICK = timedelta(microseconds=1)


def at(city_id: int, tenths_east: float, population: int = 0) -> Spot:
    """A city on the equator, `tenths_east` tenths of a degree east of 0 (~11.1 km each)."""
    return Spot(city_id, 0.0, tenths_east / 10, population)


def d(month: int, day: int) -> date:
    return date(2030, month, day)


C = at(1, 0, 10)  # the center
EAST = at(2, 4, 100)  # ~44 km from the center
WEST = at(3, -4, 100)  # ~44 km from the center, ~89 km from EAST
FAR = at(4, 8, 100)  # ~89 km from the center, ~44 km from EAST


def nearby(cities: list[Spot], homes: dict[int, int], trips: tuple[TripStay, ...] = (),
           meetups: tuple[PlannedMeetup, ...] = (),
           suggestions: tuple[PastSuggestion, ...] = ()) -> Nearby:
    return Nearby({s.city_id: s for s in cities}, homes, trips, meetups, suggestions)


def decide_at(center: Spot, near: Nearby, populous: tuple[Spot, ...] = (),
              rules: Rules = RULES) -> Decision | None:
    return decide(center, near, rules, today=TODAY, now=NOW, populous=populous)


# --- which anchors are tried -----------------------------------------------------------------


def test_anchors_are_the_center_three_biggest_cities_and_four_busiest() -> None:
    big = [at(10 + i, i - 2, pop) for i, pop in enumerate((4000, 3000, 2000, 1000))]
    too_far = at(20, 9, 99_999)
    busy = {31: 5, 32: 4, 33: 4, 34: 1, 35: 1, 36: 0}
    places = [at(31, 1), at(32, 2, 10), at(33, 3, 20), at(35, -1), at(34, -3), at(36, 0.5)]
    near = nearby([C, *big, too_far, *places, at(40, 9)], {**busy, 40: 9, 77: 3, 1: 2})
    anchors = _anchors(C, near, RULES, [*big, too_far, C])
    assert [a.city_id for a in anchors] == [1, 10, 11, 12, 31, 33, 32, 34]


def test_a_busy_city_already_chosen_as_big_is_not_taken_twice() -> None:
    near = nearby([C, EAST, WEST], {2: 3, 3: 0})  # nobody lives in WEST any more
    assert [a.city_id for a in _anchors(C, near, RULES, [EAST])] == [1, 2]


def test_open_anchors_while_any_anchor_is_free_of_a_cooldown() -> None:
    cooled_west = (PastSuggestion(3, NOW),)  # blocks C and WEST, not EAST
    assert open_anchors(C, nearby([C, EAST, WEST], {2: 1}, suggestions=cooled_west), RULES,
                        NOW, populous=(EAST,))
    assert not open_anchors(C, nearby([C, EAST, WEST], {}, suggestions=cooled_west), RULES,
                            NOW, populous=(WEST,))


# --- which anchor wins -----------------------------------------------------------------------


def test_the_larger_cluster_wins_even_when_it_is_tried_later() -> None:
    near = nearby([C, EAST, FAR], {1: 1, 2: 2, 4: 1})
    result = decide_at(C, near)  # around C: 3 members; around EAST: 4
    assert result is not None
    assert (result.anchor, result.count, result.home_city_ids, result.traveller_ids) == (
        EAST, 4, (1, 2, 4), ())


def test_an_anchor_without_a_cluster_leaves_the_others_to_try() -> None:
    near = nearby([C, EAST, FAR], {2: 2, 4: 1})  # around C: 2 members; around EAST: 3
    result = decide_at(C, near)
    assert result is not None and result.anchor == EAST and result.count == 3


def test_on_equal_counts_the_more_populous_anchor_wins_then_the_first_tried() -> None:
    assert decide_at(C, nearby([C, EAST], {1: 3}), populous=(EAST,)).anchor == EAST  # type: ignore[union-attr]
    small = at(2, 4, 5)
    assert decide_at(C, nearby([C, small], {1: 3}), populous=(small,)).anchor == C  # type: ignore[union-attr]


def test_a_blocked_first_anchor_leaves_the_others_free() -> None:
    homes = {1: 3}
    cooled = (PastSuggestion(3, NOW - timedelta(days=1)),)  # near WEST and C, not EAST
    result = decide_at(C, nearby([C, EAST, WEST], homes, suggestions=cooled), (EAST,))
    assert result is not None and result.anchor == EAST
    coming = (PlannedMeetup(0.0, -0.4, NOW + timedelta(days=3)),)  # at WEST
    result = decide_at(C, nearby([C, EAST, WEST], homes, meetups=coming), (EAST,))
    assert result is not None and result.anchor == EAST


def test_only_the_three_biggest_cities_anchor() -> None:
    big = (at(11, 3.8, 3000), at(12, 4.2, 2000), at(13, -4, 1000), at(14, -3, 500))
    # past suggestions near the three biggest, but ~89 km from the center and the fourth
    cooled = (PastSuggestion(21, NOW - timedelta(days=1)), PastSuggestion(22, NOW))
    near = nearby([C, *big, at(21, 8), at(22, -8)], {1: 3}, suggestions=cooled)
    result = decide_at(C, near, big)
    assert result is not None and result.anchor == C  # not the fourth biggest


def test_the_third_biggest_city_anchors_when_the_two_biggest_are_cooling_down() -> None:
    big = (at(11, 3.8, 3000), at(12, 4.2, 2000), at(13, -4, 1000), at(14, -3, 500))
    near = nearby([C, *big, at(21, 8)], {1: 3}, suggestions=(PastSuggestion(21, NOW),))
    result = decide_at(C, near, big)
    assert result is not None and result.anchor.city_id == 13


def test_a_home_cluster_wins_over_a_larger_trip_cluster() -> None:
    trips = tuple(TripStay(u, 3, d(3, 3), d(3, 5)) for u in "abcde")  # five visit WEST
    result = decide_at(C, nearby([C, EAST, WEST], {2: 3}, trips), (EAST, WEST))
    assert result is not None and not result.is_trip and result.anchor == EAST


# --- trip clusters ---------------------------------------------------------------------------

TRIP_CASES = [
    # (homes, trips, expected (count, first, last, travellers) or None)
    ({1: 2}, (TripStay("a", 1, d(3, 3), d(3, 5)),), (3, d(3, 3), d(3, 5), ("a",))),
    ({}, (TripStay("a", 1, d(3, 3), d(3, 3)), TripStay("b", 1, d(3, 4), d(3, 4)),
          TripStay("c", 1, d(3, 4), d(3, 4))), None),  # a left before b and c came
    ({}, (TripStay("a", 1, d(3, 3), d(3, 5)), TripStay("b", 1, d(3, 6), d(3, 7)),
          TripStay("c", 1, d(3, 6), d(3, 6))), None),  # a's last day is the 5th
    ({1: 1}, (TripStay("a", 1, d(3, 3), d(3, 4)), TripStay("b", 1, d(3, 3), d(3, 4)),
              TripStay("c", 1, d(3, 6), d(3, 6)), TripStay("d", 1, d(3, 6), d(3, 6))),
     (3, d(3, 3), d(3, 4), ("a", "b"))),  # equally good days: the earliest
    ({1: 1}, (TripStay("x", 1, d(1, 1), d(1, 5)), TripStay("a", 1, TODAY, TODAY),
              TripStay("b", 1, TODAY, d(1, 8))), (3, TODAY, TODAY, ("a", "b"))),
    ({1: 1}, (TripStay("r", 1, d(3, 3), d(3, 5), home_city_id=1),
              TripStay("a", 1, d(3, 3), d(3, 5)), TripStay("b", 1, d(3, 4), d(3, 5))),
     (3, d(3, 4), d(3, 5), ("a", "b"))),  # the resident's own trip home is skipped
    ({1: 1}, (TripStay("a", 1, d(3, 3), d(3, 5), home_city_id=4),
              TripStay("b", 1, d(3, 4), d(3, 5), home_city_id=4)),
     (3, d(3, 4), d(3, 5), ("a", "b"))),  # travellers who live elsewhere count
    ({1: 1}, (TripStay("a", 1, d(3, 3), d(3, 3)), TripStay("b", 1, d(3, 3), d(3, 3)),
              TripStay("c", 1, d(3, 4), d(3, 4)), TripStay("d", 1, d(3, 4), d(3, 4))),
     (3, d(3, 3), d(3, 3), ("a", "b"))),  # a and b gone when c and d come: the first day
    ({1: 1, 2: 0}, (TripStay("a", 1, d(3, 3), d(3, 5)), TripStay("a", 1, d(3, 4), d(3, 9)),
                    TripStay("b", 1, d(3, 8), d(3, 8))),
     (3, d(3, 8), d(3, 8), ("a", "b"))),  # a's second trip keeps a there after the first
]


@pytest.mark.parametrize(("homes", "trips", "expected"), TRIP_CASES)
def test_trip_clusters(homes: dict[int, int], trips: tuple[TripStay, ...],
                       expected: tuple[int, date, date, tuple[str, ...]] | None) -> None:
    result = decide_at(C, nearby([C, EAST, FAR], homes, trips))
    if expected is None:
        assert result is None
        return
    assert result is not None and result.is_trip
    assert (result.count, result.first_day, result.last_day, result.traveller_ids) == expected
    assert result.home_city_ids == tuple(sorted(c for c, n in homes.items() if n > 0))


# --- what blocks an anchor -------------------------------------------------------------------


@pytest.mark.parametrize(("made", "cooling"), [
    (NOW - timedelta(days=30) + TICK, True),
    (NOW - timedelta(days=30), False),  # exactly the cooldown ago: free again
])
def test_cooldown_boundary(made: datetime, cooling: bool) -> None:
    near = nearby([C], {}, suggestions=(PastSuggestion(1, made), PastSuggestion(99, NOW)))
    assert cooling_down(C, near, RULES, NOW) is cooling  # city 99 is unknown: ignored


@pytest.mark.parametrize(("starts_at", "planned"), [
    (NOW - timedelta(hours=2), True),  # still under way
    (NOW - timedelta(hours=2) - TICK, False),
    (NOW + timedelta(days=42), True),  # coming
    (NOW + timedelta(days=42) + TICK, False),
])
def test_meetups_under_way_or_coming_block(starts_at: datetime, planned: bool) -> None:
    meetups = (PlannedMeetup(0.0, 0.9, NOW), PlannedMeetup(0.0, 0.1, starts_at))  # first: far
    assert meetup_planned(C, nearby([C], {}, meetups=meetups), RULES, NOW) is planned


@pytest.mark.parametrize(("day", "planned"), [
    (d(3, 2), True), (d(3, 1), False),  # a day of slack before the trip
    (d(3, 6), True), (d(3, 7), False),  # and after it
])
def test_meetups_during_a_trip_cluster_block(day: date, planned: bool) -> None:
    starts = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=19)
    near = nearby([C], {}, meetups=(PlannedMeetup(0.0, 0.1, starts),))
    assert meetup_planned(C, near, RULES, NOW, d(3, 3), d(3, 5)) is planned


def test_a_trip_cluster_without_a_last_day_is_read_as_a_home_cluster() -> None:
    near = nearby([C], {}, meetups=(PlannedMeetup(0.0, 0.1, NOW + timedelta(days=1)),))
    assert meetup_planned(C, near, RULES, NOW, d(3, 3), None)


def test_intent_lowers_only_the_threshold() -> None:
    assert intent_rules(Rules(5, 80, 10)) == Rules(4, 80, 10)


# --- trips members state ---------------------------------------------------------------------


@pytest.mark.parametrize(("first", "last", "days"), [
    (TODAY, TODAY, (TODAY, TODAY)),
    (TODAY - timedelta(days=3), TODAY, (TODAY, TODAY)),  # past days clipped
    (TODAY, TODAY + timedelta(days=89), (TODAY, TODAY + timedelta(days=89))),  # 90 days
    (TODAY + timedelta(days=366), TODAY + timedelta(days=367),
     (TODAY + timedelta(days=366), TODAY + timedelta(days=367))),  # a year ahead
])
def test_check_trip(first: date, last: date, days: tuple[date, date]) -> None:
    assert check_trip(first, last, TODAY) == days
    assert trip_days(first, last, TODAY) == days  # the watcher reads them alike


@pytest.mark.parametrize(("first", "last", "why"), [
    (TODAY - timedelta(days=3), TODAY - timedelta(days=1), "in the past"),
    (TODAY, TODAY + timedelta(days=90), "at most 90 days"),  # 91 days
    (TODAY + timedelta(days=367), TODAY + timedelta(days=368), "more than a year away"),
])
def test_bad_trips(first: date, last: date, why: str) -> None:
    with pytest.raises(Refusal, match=why):
        check_trip(first, last, TODAY)
    assert trip_days(first, last, TODAY) is None


@pytest.mark.parametrize(("first", "last"), [
    (None, TODAY), (TODAY, None), (TODAY + timedelta(days=2), TODAY + timedelta(days=1)),
])
def test_trip_days_needs_both_days_in_order(first: date | None, last: date | None) -> None:
    assert trip_days(first, last, TODAY) is None


@pytest.mark.parametrize(("a", "b", "overlap"), [
    ((d(3, 3), d(3, 5)), (d(3, 5), d(3, 9)), True),  # one shared day
    ((d(3, 5), d(3, 9)), (d(3, 3), d(3, 5)), True),
    ((d(3, 3), d(3, 5)), (d(3, 6), d(3, 9)), False),
    ((d(3, 6), d(3, 9)), (d(3, 3), d(3, 5)), False),
    ((d(3, 1), d(3, 9)), (d(3, 3), d(3, 4)), True),  # one inside the other
])
def test_overlaps(a: tuple[date, date], b: tuple[date, date], overlap: bool) -> None:
    assert overlaps(*a, *b) is overlap


def test_an_evening_starting_right_now_is_not_offered() -> None:
    at_seven = datetime(2030, 3, 3, 19, 0, tzinfo=UTC)
    assert evening_options(d(3, 3), d(3, 4), at_seven) == ["2030-03-04 19:00"]
    assert evening_options(d(3, 3), d(3, 4), at_seven - TICK, hour=19) == [
        "2030-03-03 19:00", "2030-03-04 19:00"]


# --- who hears of a meetup -------------------------------------------------------------------


def test_interest_counts_from_the_first_day_of_a_trip_idea_and_keeps_the_first_idea() -> None:
    far_idea = Interest(FAR, None, None, ("z",))
    other_days = Interest(C, d(4, 1), d(4, 2), ("y",))
    trip_idea = Interest(C, d(3, 3), d(3, 5), ("a",))
    home_idea = Interest(C, None, None, ("a", "b"))
    found = interested_in(C, [d(3, 3)], [far_idea, other_days, trip_idea, home_idea], 50)
    assert found == {"a": trip_idea, "b": home_idea}


# --- geometry --------------------------------------------------------------------------------


def test_within_is_inclusive_at_the_radius_in_every_direction() -> None:
    center = Spot(1, 45.0, 7.0)
    for other in (Spot(2, 45.4493, 7.0), Spot(3, 45.0, 7.6), Spot(4, 45.3, 7.4)):
        km = distance_km(45.0, 7.0, other.latitude, other.longitude)
        assert within(center, other, km) and within(other, center, km)
        assert not within(center, other, km * 0.999)


def test_within_at_the_edge_of_a_circle_far_north() -> None:
    # the point of a 50 km circle around 60N that reaches furthest east (and a bit inside)
    lat, lon = 60.6, 0.0
    edge = Spot(2, 60.6 + 0.01, 0.0 + lon_span(60.6, 50) / 1.01 * 0.995)
    km = distance_km(lat, lon, edge.latitude, edge.longitude)
    assert km < 50 and within(Spot(1, lat, lon), edge, 50)


@pytest.mark.parametrize(("latitude", "km", "degrees"), [
    (0.0, 111.195, 1.01),  # one degree at the equator, with 1% to spare
    (60.0, 111.195, 2.0205),  # twice as many degrees of longitude at 60N
    (89.9, 0.0, 180.0),  # at the pole every longitude is near
    (89.5, 50.0, 180.0),
])
def test_lon_span(latitude: float, km: float, degrees: float) -> None:
    assert lon_span(latitude, km) == pytest.approx(degrees, abs=0.001)


def test_city_grid_edges() -> None:
    # the edge of the flat check is inclusive: 0.5 degree due north of a point at 10N
    north = Spot(1, 10.5, 20.0)
    km = 0.5 * (distance_km(0, 0, 1, 0))
    assert north in CityGrid([north]).near(Spot(0, 10.0, 20.0), km)
    # near the south pole the cells below -90 are skipped, not the whole search
    south = Spot(2, -89.9, 0.0)
    assert south in CityGrid([south]).near(Spot(0, -89.8, 10.0), 50)
    # near a pole the exact distance decides, inclusive at the radius
    pole = Spot(3, 89.9, 100.0)
    km = distance_km(89.5, 0.0, 89.9, 100.0)
    assert CityGrid([pole]).near(Spot(0, 89.5, 0.0), km) == [pole]
