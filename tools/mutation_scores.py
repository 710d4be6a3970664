"""Mutation score per module, from the results `mutmut run` leaves in ``mutants/``.

    .venv/bin/mutmut run --max-children 1 && .venv/bin/python tools/mutation_scores.py

Score = (killed + timeouts) / (killed + timeouts + survived + no tests). A mutant that makes
a test hang (an endless loop) was caught. A mutant no selected test runs ("no tests") counts
against the score: code the pure-rule tests never reach is not pinned.
Skipped or suspicious mutants are not scored.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code


def scores(root: Path) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = {}
    for meta in sorted(root.rglob("*.py.meta")):
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        if codes:
            statuses = (status_by_exit_code[c] for c in codes.values())
            out[meta.name.removesuffix(".meta")] = Counter(statuses)
    return out


def percent(c: Counter[str]) -> float:
    caught = c["killed"] + c["timeout"]
    scored = caught + c["survived"] + c["no tests"]
    return 100.0 * caught / scored if scored else 100.0


def row(name: str, c: Counter[str]) -> str:
    return (f"{name:<16}{percent(c):>6.1f}%{c['killed'] + c['timeout']:>8}{c['survived']:>10}"
            f"{c['no tests']:>10}")


def main() -> int:
    table = scores(Path("mutants"))
    if not table:
        print("no results in mutants/: run `mutmut run` first", file=sys.stderr)
        return 1
    total: Counter[str] = Counter()
    print(f"{'module':<16}{'score':>7}{'caught':>8}{'survived':>10}{'no tests':>10}")
    for name, c in table.items():
        total += c
        print(row(name, c))
    print(row("bot/domain", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
