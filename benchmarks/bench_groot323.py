"""A ~20 MB JW323 through the ketenpartner against ``validate()`` of the same bytes (issue "snelheid": at most 2x).
Not a test; prints the figures.

Starts ``ketenproef serve --rol gemeente`` (a real SQLite file, durable commits) and per round, interleaved:
``validate()`` of a fresh JW323 in this process, then the same bytes posted to the server (wall time of the POST
until its 202 with the 325 stored, the findings in the answer). The server has no toewijzingen, so its chain rules
reject every prestatie and its 325 lists them all: the worst case. Prints median and spread (min..max) of both
and of their ratio, in wall time and in CPU time (``validate()``: this process's; the POST: the server process's
user and system time from its start until the 202, all threads; on a loaded machine the steadier figure).

    .venv/bin/python benchmarks/bench_groot323.py [--rondes 7] [--prestaties 21000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from ketenproef.clock import FrozenClock
from ketenproef.validate import validate

sys.path.insert(0, str(Path(__file__).parent))
from bench_groot import big_323  # noqa: E402
from bench_mockserver import start_server  # noqa: E402

TARGET = 2.0


def post(url: str, body: bytes) -> tuple[int, dict]:
    request = urllib.request.Request(f"{url}/berichten", data=body, headers={"Content-Type": "application/xml"})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rondes", type=int, default=7)
    p.add_argument("--prestaties", type=int, default=21000)
    args = p.parse_args()
    made = [big_323(500 + i, args.prestaties) for i in range(args.rondes + 1)]
    datum = max(d for _, d in made)
    print(f"{args.rondes} rondes, JW323 van {len(made[0][0]) / 1e6:.1f} MB ({args.prestaties} prestaties)")
    lokaal, server, factor, cpu_lokaal, cpu_server = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_server(Path(tmp) / "groot323.sqlite", datum.isoformat())
        try:
            for i, (body, dag) in enumerate(made):
                start, cpu = time.perf_counter(), time.process_time()
                validate(body, clock=FrozenClock(dag))
                v, cv = time.perf_counter() - start, time.process_time() - cpu
                start, cpu = time.perf_counter(), server_cpu(proc.pid)
                status, answer = post(url, body)
                s, cs = time.perf_counter() - start, server_cpu(proc.pid) - cpu
                if status != 202:
                    raise SystemExit(f"HTTP {status}: {answer.get('detail')}")
                if i == 0:
                    continue  # warming up: corpus, schemas and rules loaded on both sides
                lokaal.append(v)
                server.append(s)
                factor.append(s / v)
                cpu_lokaal.append(cv)
                cpu_server.append(cs)
                print(f"ronde {i}: validate() {v:.2f} s, door de server {s:.2f} s ({s / v:.1f}x); CPU {cv:.2f} "
                      f"tegen {cs:.2f} s ({cs / cv:.1f}x), {len(answer['findings'])} bevindingen", flush=True)
                wacht_tot_rustig(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"validate():       {_spread(lokaal)}")
    print(f"door de server:   {_spread(server)}")
    print(f"factor {statistics.median(factor):.1f}x ({min(factor):.1f}..{max(factor):.1f}); doel <= {TARGET:.0f}x")
    cpu_factor = [s / v for s, v in zip(cpu_server, cpu_lokaal, strict=True)]
    print(f"CPU: validate() {_spread(cpu_lokaal)}, de server {_spread(cpu_server)}, factor "
          f"{statistics.median(cpu_factor):.1f}x ({min(cpu_factor):.1f}..{max(cpu_factor):.1f})")
    return 0 if statistics.median(factor) <= TARGET else 1


def server_cpu(pid: int) -> float:
    """User and system CPU seconds of the server process so far (all its threads)."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def wacht_tot_rustig(pid: int) -> None:
    """Until the server has freed the previous message (afbraak, after the answer): its CPU time stands still."""
    vorige = server_cpu(pid)
    while True:
        time.sleep(0.2)
        nu = server_cpu(pid)
        if nu - vorige < 0.02:
            return
        vorige = nu


def _spread(seconds: list[float]) -> str:
    return f"mediaan {statistics.median(seconds):.2f} s ({min(seconds):.2f}..{max(seconds):.2f})"


if __name__ == "__main__":
    sys.exit(main())
