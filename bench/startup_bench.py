"""Start-up of `tweetup console` on a short script: wall time, CPU time and peak RSS of the
whole process, run by run (issue 14: under 1 s for a one-command script).

    python bench/startup_bench.py                       # this checkout, `/meetup help`
    python bench/startup_bench.py --root ../main        # another checkout, same interpreter
    python bench/startup_bench.py --line "/meetup propose title:Tea city:Leeds when:friday 7pm"

Each run is `python -m bot console` in a fresh process with the script on stdin, from
`--root` (so `bot` is imported from that checkout). Python's byte-code cache is used when it is
there; PYTHONDONTWRITEBYTECODE (set on the development VM) stops it being written, so the
first numbers below are with every module compiled from source on every run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _one(root: Path, script: str) -> tuple[float, float, float, int]:
    """(wall s, user s, sys s, max RSS KiB) of one console run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "console"],
        cwd=root, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    proc.stdin.write(script.encode())
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        errors = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"the console failed: {errors}")
    return wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--line", action="append", help="a script line (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    script = "\n".join(args.line or ["/meetup help"]) + "\n"
    print(f"root {args.root}, load average {os.getloadavg()[0]:.2f}, script {script!r}")
    runs = [_one(Path(args.root), script) for _ in range(args.runs)]
    for wall, user, system, rss in runs:
        print(f"  wall {wall:.2f} s  user {user:.2f} s  sys {system:.2f} s  RSS {rss // 1024} MB")
    print(
        f"median: wall {statistics.median(r[0] for r in runs):.2f} s, "
        f"user {statistics.median(r[1] for r in runs):.2f} s, "
        f"RSS {statistics.median(r[3] for r in runs) / 1024:.0f} MB; "
        f"load average after {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
