"""One speed workload of ``nlp_bench.py``, for counting machine instructions under
cachegrind (a shared machine's wall clock varies by 10-20 % between minutes; instruction
counts do not):

    for n in 0 3; do PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no \\
        --cachegrind-out-file=/dev/null python bench/nlp_instructions.py gated $n; done

The difference of the two "I refs" totals, divided by 3, is one pass over the 4,297
messages. WORKLOAD is ``gated`` (pre-filter, then places and dates where it says yes),
``read`` (the watcher's ``statements.read``), ``prefilter`` or ``geotext``.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.nlp_bench import DEFAULT_EVALDATA, corpus_messages
from bot.nlp import dates, places, statements
from bot.nlp.prefilter import prepare


def main() -> int:
    workload, passes = sys.argv[1], int(sys.argv[2])
    msgs = corpus_messages(Path(sys.argv[3]) if len(sys.argv) > 3 else DEFAULT_EVALDATA)
    now = datetime(2026, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=-8)))
    # Everything loaded and warmed outside the counted passes.
    places.find_places("warm up Paris")
    prepare()  # the pre-filter's tables and city-name bounds, as the app at start
    statements.read("I live in Denver", now=now)
    from geotext import GeoText  # type: ignore[import-untyped]

    GeoText("warm up Paris")

    def gated() -> None:
        for m in msgs:
            if statements.might_matter(m):
                places.find_places(m)
                dates.find_times(m, now=now)

    def read() -> None:
        for m in msgs:
            statements.read(m, now=now)

    def prefilter() -> None:
        for m in msgs:
            statements.might_matter(m)

    def geotext() -> None:
        for m in msgs:
            GeoText(m)

    run = {"gated": gated, "read": read, "prefilter": prefilter, "geotext": geotext}[workload]
    for _ in range(passes):
        run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
