"""What the admin export shows, as a pure rule: places only of members who show their name."""

from __future__ import annotations

from typing import Any

from bot.domain.export import redact

CITIES = {10: "Berlin, Germany", 20: "Paris, France"}

TABLES: dict[str, list[dict[str, Any]]] = {
    "members": [
        {"user_id": "shown", "show_name": True, "home_city_id": 10},
        {"user_id": "hidden1", "show_name": False, "home_city_id": 10},
        {"user_id": "hidden2", "home_city_id": 10},  # no choice recorded: hidden
        {"user_id": "hidden3", "show_name": False, "home_city_id": 20},
        {"user_id": "homeless", "show_name": False, "home_city_id": None},
        {"user_id": "unset", "show_name": False},  # a row without the column at all
    ],
    "trips": [
        {"user_id": "shown", "city_id": 20},
        {"user_id": "hidden1", "city_id": 20},
        {"user_id": "hidden3", "city_id": 20},
        {"user_id": "hidden3", "city_id": 10},
    ],
    "place_questions": [
        {"user_id": "shown", "city_id": 10, "first_day": "2030-01-01", "last_day": "2030-01-02",
         "kind": "trip", "answer": "yes"},
        {"user_id": "shown", "city_id": 20, "kind": "home", "answer": None},  # no days
    ],
    "suggestion_interest": [
        {"suggestion_id": 5, "user_id": "shown"},
        {"suggestion_id": 5, "user_id": "hidden1"},
        {"suggestion_id": 5, "user_id": "hidden2"},
        {"suggestion_id": 3, "user_id": "hidden3"},
    ],
    "meetups": [{"id": 1, "title": "Coffee"}],
}


def export() -> dict[str, Any]:
    return redact(TABLES, lambda c: CITIES[c])


def test_homes_show_only_for_members_who_show_their_name() -> None:
    members = export()["tables"]["members"]
    assert [m.get("home_city_id", "-") for m in members] == [10, "-", "-", "-", "-", "-"]
    assert [m["user_id"] for m in members] == [m["user_id"] for m in TABLES["members"]]
    assert export()["homes_by_area"] == [
        {"city_id": 10, "city": "Berlin, Germany", "members": 2},
        {"city_id": 20, "city": "Paris, France", "members": 1},
    ]


def test_trips_show_only_for_members_who_show_their_name_and_are_counted_otherwise() -> None:
    out = export()
    assert out["tables"]["trips"] == [{"user_id": "shown", "city_id": 20}]
    assert out["trips_by_area"] == [
        {"city_id": 10, "city": "Berlin, Germany", "trips": 1},
        {"city_id": 20, "city": "Paris, France", "trips": 2},
    ]


def test_questions_never_say_where() -> None:
    assert export()["tables"]["place_questions"] == [
        {"user_id": "shown", "kind": "trip", "answer": "yes"},
        {"user_id": "shown", "kind": "home", "answer": None},
    ]


def test_interest_in_an_idea_is_a_place_too() -> None:
    out = export()
    assert out["tables"]["suggestion_interest"] == [{"suggestion_id": 5, "user_id": "shown"}]
    assert out["suggestion_interest_counts"] == [
        {"suggestion_id": 3, "members": 1}, {"suggestion_id": 5, "members": 2},
    ]


def test_other_tables_pass_through_and_the_input_is_not_changed() -> None:
    before = repr(TABLES)
    out = export()
    assert out["tables"]["meetups"] == [{"id": 1, "title": "Coffee"}]
    assert repr(TABLES) == before


def test_a_community_with_only_some_tables() -> None:
    out = redact({"meetups": []}, lambda c: "?")
    assert out == {"tables": {"meetups": []}, "followed_areas_by_area": [],
                   "homes_by_area": [], "trips_by_area": [], "suggestion_interest_counts": []}
