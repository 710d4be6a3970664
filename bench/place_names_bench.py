"""The watcher on chat messages that name cities the ways members do (issue 14).

    python bench/place_names_bench.py [--batch 1|2|3|4|5|6|7|all] [--errors N]

The messages are the tables of tests/nlp/place_names_batch.py (alternate names, nicknames,
abbreviations, demonyms, neighbourhoods, hashtags, missing diacritics, lower-case names,
namesakes picked by context, lists, hard negatives), in the chat-statements development
set's style. Scored as that set's ``score.py`` scores strictly: a home is the same city, a
trip the same city and both days, an intent its kind; micro-F1 over all expected
statements, and false alarms (messages expecting none that get any). Also the share of the
expected cities that ``find_places`` names (places only, the grammar around them aside).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.nlp.places import City, all_cities, find_places, parent_city  # noqa: E402
from bot.nlp.statements import Statement, read  # noqa: E402

NOW = datetime(2026, 5, 11, 9, 30, tzinfo=timezone(timedelta(hours=-4)))
Item = tuple[str, int | None, date | None, date | None]
# The community's country for the rows it decides (place_names_batch.PREFER_COUNTRY).
PREFER: dict[str, str] = {}


def load_batches() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    path = REPO / "tests" / "nlp" / "place_names_batch.py"
    spec = importlib.util.spec_from_file_location("place_names_batch", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    global PREFER
    PREFER = mod.PREFER_COUNTRY
    return {
        "1": mod.BATCH_1,
        "2": mod.BATCH_2,
        "3": mod.BATCH_3,
        "4": mod.BATCH_4,
        "5": mod.BATCH_5,
        "6": mod.BATCH_6,
        "7": mod.BATCH_7,
    }


def city_of(name: str, where: str) -> City:
    """The biggest city called ``name`` in "CC" or "CC.ADMIN1"."""
    cc, _, a1 = where.partition(".")
    for c in all_cities():
        if c.name == name and c.country_code == cc and (not a1 or c.admin1_code == a1):
            return c
    raise LookupError(f"no city {name} {where}")


def expected(spec: str) -> Item:
    """ "home Mumbai IN", "trip Split HR 05-18 05-24", "intent", "intent Oslo NO"."""
    kind, *rest = spec.split(" ")
    days: list[date] = []
    while rest and rest[-1][:2].isdigit() and "-" in rest[-1]:
        m, d = rest.pop().split("-")
        days.insert(0, date(2026, int(m), int(d)))
    city = city_of(" ".join(rest[:-1]), rest[-1]).id if rest else None
    return kind, city, days[0] if days else None, days[1] if days else None


def got(s: Statement) -> Item:
    cid = s.city.id if s.city is not None and s.kind != "intent" else None
    return s.kind, cid, s.first_day, s.last_day


def score(rows: tuple[tuple[str, tuple[str, ...]], ...], errors: int) -> dict[str, float]:
    tp = fp = fn = 0
    false_alarms = negatives = 0
    shown = 0
    for text, specs in rows:
        gold = Counter(
            (k, c if k != "intent" else None, a, b) for k, c, a, b in map(expected, specs)
        )
        pred = Counter(got(s) for s in read(text, now=NOW, prefer_country=PREFER.get(text)))
        hit = sum((gold & pred).values())
        tp += hit
        fn += sum(gold.values()) - hit
        fp += sum(pred.values()) - hit
        if not specs:
            negatives += 1
            false_alarms += bool(pred)
        if gold != pred and shown < errors:
            shown += 1
            print(f"--- {text}\n    gold: {sorted(map(str, gold))}")
            print(f"    pred: {sorted(map(str, pred))}")
    cities_named, cities_found = _places_only(rows)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "messages": len(rows),
        "precision": p,
        "recall": r,
        "micro_f1": f1,
        "false_alarms": false_alarms,
        "negatives": negatives,
        "city_recall": cities_found / cities_named if cities_named else 1.0,
    }


def _places_only(rows: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[int, int]:
    """(cities expected, cities ``find_places`` names, as their city): how much of the miss
    is the place, not the statement grammar around it."""
    named = found = 0
    for text, specs in rows:
        got_ids = {
            parent_city(m.city).id
            for m in find_places(text, prefer_country=PREFER.get(text))
            if m.city is not None
        }
        for _, city, _, _ in map(expected, specs):
            if city is not None:
                named += 1
                found += city in got_ids
    return named, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batch", default="all", choices=["1", "2", "3", "4", "5", "6", "7", "all"])
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    batches = load_batches()
    names = list(batches) if args.batch == "all" else [args.batch]
    for name in names:
        res = score(batches[name], args.errors)
        print(
            f"batch {name}: {res['messages']} messages, strict micro-F1 {res['micro_f1']:.3f} "
            f"(P {res['precision']:.3f}, R {res['recall']:.3f}), false alarms "
            f"{res['false_alarms']}/{res['negatives']}; cities found (places only) "
            f"{res['city_recall']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
