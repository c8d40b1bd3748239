"""Benchmark: whole-process start of ``ketenproef validate FILE`` for one small file against the anchor
``python -c 'import lxml'`` (the interpreter's own start-up with lxml found). Not a test; prints figures.

The two commands run in pairs, interleaved (anchor, ketenproef, anchor, ketenproef ... with the order inside a
pair alternating) so that load on the machine falls on both alike; one untimed warm-up run each first. Each run
is a fresh process timed from spawn to exit, stdout discarded. Two series:

* with bytecode caches, as after ``pip install`` (which compiles them) or any earlier run: the figure that
  counts. The caches go to a private temporary folder (PYTHONPYCACHEPREFIX), never into the source tree, and
  PYTHONDONTWRITEBYTECODE is lifted for the measured processes so the warm-up can write them;
* without (PYTHONDONTWRITEBYTECODE=1): every imported module compiled from source on each start, as in an
  environment that forbids writing bytecode.

Wall time is what a user waits; CPU time (user + system of the process) is printed beside it because on a loaded
machine the wall time mostly measures the waiting for a core. The load average is printed before and after.

    python benchmarks/bench_cli.py [--paren 15] [--bestand FILE] [--ketenproef PATH]

Target (issue 11): at most 150 ms median wall time for ``ketenproef validate`` with bytecode caches.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "corpus" / "voorbeelden" / "casussen" / "geertje_09_WMO305.xml"
TARGET_MS = 150.0


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_ms(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) milliseconds of one process."""
    cpu, start = cpu_children(), time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed, cpu = (time.perf_counter() - start) * 1000, (cpu_children() - cpu) * 1000
    if done.returncode not in (0, 1):  # validate: 0 good, 1 rejected; anything else is a broken measurement
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}\n{done.stderr.decode(errors='replace')}")
    return elapsed, cpu


def interleaved(sides: dict[str, list[str]], pairs: int, env: dict[str, str]) -> dict[str, list[tuple]]:
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for command in sides.values():
        run_ms(command, env)
    names = list(sides)
    for i in range(pairs):
        for name in names if i % 2 == 0 else reversed(names):
            runs[name].append(run_ms(sides[name], env))
    return runs


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.1f} ms ({min(values):.1f}..{max(values):.1f})"


def environments(cache_dir: str) -> dict[str, dict[str, str]]:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    return {"with bytecode caches": {**base, "PYTHONPYCACHEPREFIX": cache_dir},
            "without bytecode caches (PYTHONDONTWRITEBYTECODE=1)": {**base, "PYTHONDONTWRITEBYTECODE": "1"}}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def report(title: str, runs: dict[str, list[tuple[float, float]]]) -> None:
    anchor, ours = [w for w, _ in runs["anchor"]], [w for w, _ in runs["ketenproef"]]
    diffs = [k - a for a, k in zip(anchor, ours, strict=True)]
    ratios = [k / a for a, k in zip(anchor, ours, strict=True)]
    median = statistics.median(ours)
    print(f"{title}, {len(diffs)} interleaved pairs, median (min..max), whole process:")
    print(f"  python -c 'import lxml'      {spread(anchor)}   cpu {spread([c for _, c in runs['anchor']])}")
    print(f"  ketenproef validate FILE     {spread(ours)}   cpu {spread([c for _, c in runs['ketenproef']])}")
    print(f"  difference per pair          {spread(diffs)}")
    print(f"  ratio per pair               {statistics.median(ratios):6.2f}x ({min(ratios):.2f}..{max(ratios):.2f})")
    print(f"  target: wall median at most {TARGET_MS:.0f} ms -> {'met' if median <= TARGET_MS else 'NOT met'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--paren", type=int, default=15, help="number of interleaved pairs (at least 11)")
    ap.add_argument("--bestand", type=Path, default=DEFAULT_FILE, help="the small message to judge")
    ap.add_argument("--ketenproef", default=str(Path(sys.executable).with_name("ketenproef")),
                    help="the ketenproef console script (default: next to this Python)")
    args = ap.parse_args()
    if args.paren < 11:
        ap.error("--paren: at least 11 pairs")
    sides = {"anchor": [sys.executable, "-c", "import lxml"],
             "ketenproef": [args.ketenproef, "validate", str(args.bestand)]}
    print(f"FILE: {args.bestand} ({args.bestand.stat().st_size:,} bytes); load average {load()}")
    with tempfile.TemporaryDirectory(prefix="bench_cli_pyc_") as cache_dir:
        for title, env in environments(cache_dir).items():
            report(title, interleaved(sides, args.paren, env))
    print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
