"""Throughput of the ketenpartner: heenberichten per second, each answered with its retour.

Starts ``ketenproef serve --rol gemeente`` as a separate process on loopback (a real SQLite file, durable
commits), then posts small JW315 messages over a real HTTP client with a bounded number in flight. Bounded
in count (--aantal) and time (--max-seconden). Not a test; prints the figure.

With ``--groot`` it measures instead how much a large message delays a small one: per round it times small
JW315 posts one after another, first alone, then while a ~20 MB JW323 is posted and judged (the message alone off
the event loop and outside the Keten lock, the chain rules under it). It prints the medians with their spread and
the server's peak memory (ru_maxrss of the server process).

    .venv/bin/python benchmarks/bench_mockserver.py [--aantal 3000] [--parallel 16] [--ophalen]
    .venv/bin/python benchmarks/bench_mockserver.py --groot [--rondes 5] [--prestaties 21000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from ketenproef import basis, factory
from ketenproef.fake import bsns

TARGET = 1000  # messages per second on a 2-core machine, client included (issue 11, snelheid)
P95_TARGET_MS = 40.0


def messages(count: int) -> list[bytes]:
    people = bsns(random.Random(1), min(count, 5000))
    out = []
    for i in range(count):
        data = basis.basis("JW315", f"B{i:09d}")
        data["Client"]["Bsn"] = people[i % len(people)]
        data["Client"]["AangevraagdeProducten"][0]["ReferentieAanbieder"] = f"REF{i:09d}"
        out.append(factory.to_bytes("JW315", data))
    return out


def start_server(db: Path, datum: str = "2026-01-14") -> tuple[subprocess.Popen, str]:
    cmd = [sys.executable, "-m", "ketenproef.cli", "serve", "--rol", "gemeente", "--poort", "0", "--db", str(db),
           "--datum", datum]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    return proc, line.rsplit(" ", 1)[-1].strip()


async def run(url: str, bodies: list[bytes], parallel: int, deadline: float, fetch: bool) -> tuple[list[float], int]:
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)
    latencies: list[float] = []
    errors = 0

    async def worker(http: aiohttp.ClientSession) -> None:
        nonlocal errors
        while not queue.empty() and time.monotonic() < deadline:
            body = queue.get_nowait()
            start = time.perf_counter()
            async with http.post(f"{url}/berichten", data=body, headers={"Content-Type": "application/xml"}) as r:
                answer = await r.json()
            ok = r.status == 202 and answer.get("retour_id")
            if ok and fetch:
                async with http.get(f"{url}/berichten/{answer['retour_id']}") as r:
                    ok = r.status == 200 and bool(await r.read())
            latencies.append(time.perf_counter() - start)
            errors += 0 if ok else 1

    connector = aiohttp.TCPConnector(limit=parallel)
    async with aiohttp.ClientSession(connector=connector) as http:
        await asyncio.gather(*(worker(http) for _ in range(parallel)))
    return latencies, errors


def main() -> int:
    args = arguments()
    if args.groot:
        from bench_groot import groot

        return groot(args, messages, start_server)
    return throughput(args)


def arguments() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--aantal", type=int, default=3000, help="number of heenberichten (bounded)")
    p.add_argument("--parallel", type=int, default=16, help="requests in flight")
    p.add_argument("--max-seconden", type=float, default=30.0, help="stop after this many seconds")
    p.add_argument("--ophalen", action="store_true", help="also GET every retour from the mailbox")
    p.add_argument("--groot", action="store_true", help="time small posts while a ~20 MB 323 is judged")
    p.add_argument("--rondes", type=int, default=5, help="--groot: rounds (each with its own large 323)")
    p.add_argument("--prestaties", type=int, default=21000, help="--groot: prestaties in the large 323 (~20 MB)")
    return p.parse_args()


def server_usage(pid: int) -> tuple[float, int]:
    """CPU seconds (user + system) the server process has used so far, and the bytes it made the disk write
    (Linux /proc; both 0 elsewhere). Read before and after the posts, so start-up is not counted."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        io = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    except (OSError, ValueError):
        return 0.0, 0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), int(io.get("write_bytes", 0))


def throughput(args: argparse.Namespace) -> int:
    bodies = messages(args.aantal)
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_server(Path(tmp) / "bench.sqlite")
        try:
            cpu_before, written_before = server_usage(proc.pid)
            start = time.monotonic()
            latencies, errors = asyncio.run(run(url, bodies, args.parallel, start + args.max_seconden, args.ophalen))
            elapsed = time.monotonic() - start
            cpu_after, written_after = server_usage(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=15)
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_cpu = cpu.ru_utime + cpu.ru_stime
    done = len(latencies)
    work_cpu, written = cpu_after - cpu_before, written_after - written_before
    rate = done / elapsed if elapsed else 0.0
    ms = sorted(x * 1000 for x in latencies) or [0.0]
    p95 = ms[int(len(ms) * 0.95) - 1 if len(ms) > 1 else 0]
    print(f"{done} heenberichten met retour in {elapsed:.2f} s: {rate:.0f} berichten/s "
          f"(parallel {args.parallel}, fouten {errors}, p50 {statistics.median(ms):.1f} ms, "
          f"p95 {p95:.1f} ms; doel >= {TARGET}/s met p95 <= {P95_TARGET_MS:g} ms)")
    print(f"server-CPU {server_cpu:.2f} s incl. opstarten: {server_cpu / max(done, 1) * 1000:.2f} ms per bericht, "
          f"dus hooguit {done / server_cpu:.0f} berichten/s op een vrije kern")
    print(f"server-CPU tijdens het posten {work_cpu:.2f} s: {work_cpu / max(done, 1) * 1000:.2f} ms per bericht; "
          f"naar schijf geschreven {written / max(done, 1) / 1024:.1f} kB per bericht")
    return 0 if errors == 0 and rate >= TARGET and p95 <= P95_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
