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


# The tables added with first-timers (#17), calendar feeds and follows: one row per table and
# member kind, so each rule (named only if shown, counted otherwise, never exported) is pinned.
NEW_TABLES: dict[str, list[dict[str, Any]]] = {
    "members": [
        {"user_id": "shown", "show_name": True},
        {"user_id": "hidden", "show_name": False},
    ],
    "greeters": [{"user_id": "shown"}, {"user_id": "hidden"}, {"user_id": "gone"}],
    "first_timers": [
        {"meetup_id": 2, "user_id": "shown"},
        {"meetup_id": 2, "user_id": "hidden"},
        {"meetup_id": 1, "user_id": "gone"},
        {"meetup_id": 2, "user_id": "gone"},
    ],
    "buddy_requests": [
        {"id": 1, "first_timer_id": "shown", "greeter_id": "hidden"},
        {"id": 2, "first_timer_id": "hidden", "greeter_id": "shown"},
        {"id": 3, "first_timer_id": "shown"},  # no greeter yet
    ],
    "buddy_asks": [
        {"request_id": 1, "greeter_id": "shown"},
        {"request_id": 1, "greeter_id": "hidden"},
    ],
    "come_again": [
        {"meetup_id": 2, "user_id": "shown", "answer": "yes"},
        {"meetup_id": 2, "user_id": "hidden", "answer": "yes"},
        {"meetup_id": 2, "user_id": "gone", "answer": "no"},
        {"meetup_id": 1, "user_id": "shown", "answer": "maybe"},
    ],
    "calendar_feeds": [
        {"user_id": "shown", "token": "s3cret", "scope": "mine"},
        {"user_id": "hidden", "scope": "all"},  # a row read without its token
    ],
    "followed_areas": [
        {"user_id": "shown", "city_id": 20},
        {"user_id": "hidden", "city_id": 20},
        {"user_id": "gone", "city_id": 20},
        {"user_id": "hidden", "city_id": 10},
    ],
}


def export_new() -> dict[str, Any]:
    return redact(NEW_TABLES, lambda c: CITIES[c])


def test_greeters_are_named_only_if_they_show_their_name_and_counted_otherwise() -> None:
    out = export_new()
    assert out["tables"]["greeters"] == [{"user_id": "shown"}]
    assert out["greeters_not_named"] == [{"members": 2}]


def test_first_timers_are_named_only_if_shown_and_counted_per_meetup() -> None:
    out = export_new()
    assert out["tables"]["first_timers"] == [{"meetup_id": 2, "user_id": "shown"}]
    assert out["first_timer_counts"] == [
        {"meetup_id": 1, "members": 1}, {"meetup_id": 2, "members": 2},
    ]


def test_who_asked_or_met_whom_keeps_only_shown_member_ids() -> None:
    tables = export_new()["tables"]
    assert tables["buddy_requests"] == [
        {"id": 1, "first_timer_id": "shown", "greeter_id": None},
        {"id": 2, "first_timer_id": None, "greeter_id": "shown"},
        {"id": 3, "first_timer_id": "shown", "greeter_id": None},
    ]
    assert tables["buddy_asks"] == [
        {"request_id": 1, "greeter_id": "shown"}, {"request_id": 1, "greeter_id": None},
    ]


def test_come_again_answers_are_only_ever_counted() -> None:
    out = export_new()
    assert "come_again" not in out["tables"]
    assert out["come_again_counts"] == [
        {"meetup_id": 1, "yes": 0, "maybe": 1, "no": 0},
        {"meetup_id": 2, "yes": 2, "maybe": 0, "no": 1},
    ]


def test_calendar_feed_tokens_are_never_exported() -> None:
    assert export_new()["tables"]["calendar_feeds"] == [
        {"user_id": "shown", "scope": "mine"}, {"user_id": "hidden", "scope": "all"},
    ]


def test_followed_areas_show_only_for_shown_members_and_are_counted_per_area() -> None:
    out = export_new()
    assert out["tables"]["followed_areas"] == [{"user_id": "shown", "city_id": 20}]
    assert out["followed_areas_by_area"] == [
        {"city_id": 10, "city": "Berlin, Germany", "members": 1},
        {"city_id": 20, "city": "Paris, France", "members": 2},
    ]


def test_the_new_tables_leave_the_input_unchanged() -> None:
    before = repr(NEW_TABLES)
    export_new()
    assert repr(NEW_TABLES) == before
