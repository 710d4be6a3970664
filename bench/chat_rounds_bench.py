"""The watcher on the fresh chat rounds written for issue 14 (tests/nlp/chat_rounds.py).

    python bench/chat_rounds_bench.py [ROUND ...] [--errors]

Each round is a batch of hand-written chat messages with their authors' statements, written
in one go and scored before any fix it prompted (the before numbers are in
docs/benchmarks.md). Scored as the dev set's ``score.py`` scores strictly: per message, one
to one, a home by its city, a trip by its city and both days, an intent by its kind; micro
precision, recall and F1 over all statements, per kind, and false alarms (negative messages
with any statement).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.nlp.statements import read
from tests.nlp import chat_rounds

Row = chat_rounds.Row
KINDS = ("home", "trip", "intent")


def _kind_only(row: Row) -> Row:
    return ("intent", None, None, None) if row[0] == "intent" else row


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(cases: list[chat_rounds.Case], errors: bool = False) -> dict[str, float]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    negatives = alarms = exact = 0
    for now, text, expected in cases:
        got = [
            _kind_only((s.kind, s.city.name if s.city else None, s.first_day, s.last_day))
            for s in read(text, now=now)
        ]
        g, e = Counter(got), Counter(map(_kind_only, expected))
        for row, n in (g & e).items():
            tp[row[0]] += n
        for row, n in (g - e).items():
            fp[row[0]] += n
        for row, n in (e - g).items():
            fn[row[0]] += n
        exact += g == e
        if not expected:
            negatives += 1
            alarms += bool(got)
        if errors and g != e:
            print(f"  {text!r}\n    want {sorted(e)}\n    got  {sorted(g)}")
    out: dict[str, float] = {}
    for kind in KINDS:
        p, r, f = _prf(tp[kind], fp[kind], fn[kind])
        out[f"{kind}_f1"] = f
        print(f"  {kind:<7} gold {tp[kind] + fn[kind]:>3}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["micro_f1"] = f
    print(
        f"  micro   gold {sum(tp.values()) + sum(fn.values()):>3}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
    )
    print(f"  false alarms {alarms}/{negatives}; exact messages {exact}/{len(cases)}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rounds", nargs="*", help="ROUND1, ROUND2, ... (default: all)")
    ap.add_argument("--errors", action="store_true", help="print the misread messages")
    args = ap.parse_args()
    names = args.rounds or sorted(
        (n for n in dir(chat_rounds) if n.startswith("ROUND")), key=lambda n: (len(n), n)
    )
    for name in names:
        cases = getattr(chat_rounds, name)
        print(f"{name}: {len(cases)} messages")
        score(cases, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
