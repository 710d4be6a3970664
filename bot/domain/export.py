"""What the admin export may show: the community's rows, minus anyone's location without consent.

A member's home and trips appear per member only when they chose to show their name
(`/meetup privacy show-name:yes`); everyone else's are counted per city. Inferred places (the
watcher's questions) never appear with their city, for anyone: a question is not a consent.
"I'm in" on a meetup idea tells where someone wants to meet, so it follows the same rule, and
so do the areas a member follows (`/meetup follow`, `followed_areas`).
docs/privacy.md lists what the export contains; keep the two in step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

Row = dict[str, Any]
Tables = Mapping[str, list[Row]]

# Columns of the watcher's questions that say where: dropped from every exported question.
QUESTION_PLACE_COLUMNS = ("city_id", "first_day", "last_day")
# Secrets: a calendar feed's token opens that member's feed, so no admin sees it.
SECRET_COLUMNS = {"calendar_feeds": ("token",)}


def redact(tables: Tables, label: Callable[[int], str]) -> dict[str, Any]:
    """The export body: tables without hidden members' places, and per-city counts of them.
    `label` names a city id for the counts ("Berlin, Germany")."""
    shown = {m["user_id"] for m in tables.get("members", []) if m.get("show_name")}
    out: dict[str, list[Row]] = {name: [dict(r) for r in rows] for name, rows in tables.items()}
    hidden_homes = Counter(
        m["home_city_id"]
        for m in out.get("members", [])
        if m["user_id"] not in shown and m.get("home_city_id") is not None
    )
    for m in out.get("members", []):
        if m["user_id"] not in shown:
            m.pop("home_city_id", None)
    hidden_trips = Counter(
        r["city_id"] for r in out.get("trips", []) if r["user_id"] not in shown
    )
    if "trips" in out:
        out["trips"] = [r for r in out["trips"] if r["user_id"] in shown]
    for q in out.get("place_questions", []):
        for column in QUESTION_PLACE_COLUMNS:
            q.pop(column, None)
    for table, columns in SECRET_COLUMNS.items():
        for row in out.get(table, []):
            for column in columns:
                row.pop(column, None)
    interest = out.get("suggestion_interest", [])
    hidden_interest = Counter(r["suggestion_id"] for r in interest if r["user_id"] not in shown)
    if "suggestion_interest" in out:
        out["suggestion_interest"] = [r for r in interest if r["user_id"] in shown]
    welcome = redact_welcome(out, shown)
    follows = out.get("followed_areas", [])
    hidden_follows = Counter(r["city_id"] for r in follows if r["user_id"] not in shown)
    if "followed_areas" in out:
        out["followed_areas"] = [r for r in follows if r["user_id"] in shown]
    return {
        "tables": out,
        **welcome,
        "followed_areas_by_area": _areas(hidden_follows.items(), "members", label),
        "homes_by_area": _areas(hidden_homes.items(), "members", label),
        "trips_by_area": _areas(hidden_trips.items(), "trips", label),
        "suggestion_interest_counts": [
            {"suggestion_id": sid, "members": n} for sid, n in sorted(hidden_interest.items())
        ],
    }


def _areas(counts: Iterable[tuple[int, int]], what: str, label: Callable[[int], str]) -> list[Row]:
    return [{"city_id": c, "city": label(c), what: n} for c, n in sorted(counts)]


def redact_welcome(out: dict[str, list[Row]], shown: set[str]) -> dict[str, list[Row]]:
    """The welcome tables, in place: who is a greeter, a first-timer, who asked or met whom
    appear by member id only for members who show their name; the others are counted.
    "Would you come again?" answers are only ever counted
    (the organizer sees a tally, never who answered what). Returns the counts, for the
    tables present."""
    extra: dict[str, list[Row]] = {}
    if "greeters" in out:
        greeters = out["greeters"]
        out["greeters"] = [r for r in greeters if r["user_id"] in shown]
        extra["greeters_not_named"] = [{"members": len(greeters) - len(out["greeters"])}]
    if "first_timers" in out:
        firsts = out["first_timers"]
        out["first_timers"] = [r for r in firsts if r["user_id"] in shown]
        hidden = Counter(r["meetup_id"] for r in firsts if r["user_id"] not in shown)
        extra["first_timer_counts"] = [
            {"meetup_id": mid, "members": n} for mid, n in sorted(hidden.items())
        ]
    for r in out.get("buddy_requests", []):
        for column in ("first_timer_id", "greeter_id"):
            if r.get(column) not in shown:
                r[column] = None
    for r in out.get("buddy_asks", []):
        if r.get("greeter_id") not in shown:
            r["greeter_id"] = None
    if "come_again" in out:
        answers: dict[int, Counter[str]] = {}
        for r in out.pop("come_again"):
            answers.setdefault(r["meetup_id"], Counter())[r["answer"]] += 1
        extra["come_again_counts"] = [
            {"meetup_id": mid, **{a: c[a] for a in ("yes", "maybe", "no")}}
            for mid, c in sorted(answers.items())
        ]
    return extra
