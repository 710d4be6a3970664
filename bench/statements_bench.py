"""The watcher's statements on the chat-statements development set (issue 14).

    python bench/statements_bench.py [DATA_DIR] [--errors N] [--json PATH]

DATA_DIR defaults to ``../shared/evaldata/chat_statements`` next to the repository: 400
hand-written, labelled group-chat messages (homes, trips with their days, meetup intents,
hard negatives) with their labelling rules (README) and scorer (``score.py``). The set is not
part of the repository; without it this prints where to get it and exits.

Scoring is the set's own ``score.py`` run on ``bot.nlp.statements:read``: strict micro-F1
(city and, for trips, both days exact), per class (home, trip, intent), the lenient score
(cities within 40 km, overlapping days), and false alarms (negatives with any statement).
Speed of the watcher's path is measured by ``bench/nlp_bench.py --only speed``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "evaldata" / "chat_statements"
SPEC = "bot.nlp.statements:read"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--errors", type=int, default=0, help="print up to N wrong messages")
    ap.add_argument("--json", help="also write the numbers as JSON")
    args = ap.parse_args()
    data = Path(args.data)
    scorer = data / "score.py"
    if not scorer.is_file() or not (data / "dev.jsonl").is_file():
        print(f"no development set at {data}: it lives in the shared evaldata folder")
        print("(../shared/evaldata/chat_statements: dev.jsonl, score.py, README.md)")
        return 0
    sys.path.insert(0, str(REPO))
    spec = importlib.util.spec_from_file_location("chat_statements_score", scorer)
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    argv = [SPEC, "--data", str(data / "dev.jsonl"), "--tags"]
    if args.errors:
        argv += ["--errors", str(args.errors)]
    if args.json:
        argv += ["--json", args.json]
    return int(score.main(argv))


if __name__ == "__main__":
    sys.exit(main())
