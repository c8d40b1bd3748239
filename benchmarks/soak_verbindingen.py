"""Soak: does the ketenpartner stay up with 1,000 stalled connections open? (issue 8, item 3; not a test)

Starts ``ketenproef serve`` on loopback with the soft open-file limit at 1024 (as on many machines; serve raises
it to the hard limit), opens --verbindingen connections that trickle their request headers one byte per second
and never finish, and meanwhile posts a normal JW315 every 0.2 s. Reports the latency of those posts (each must
get its retour within 1 s), how many stalled connections the server closed after --kop-timeout, and how many
tracebacks the server logged. Bounded in count and time; loopback only.

    .venv/bin/python benchmarks/soak_verbindingen.py [--verbindingen 1000] [--seconden 20] [--kop-timeout 10]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from ketenproef import basis, factory

XML = {"Content-Type": "application/xml"}


def low_limit() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(1024, hard), hard))


def start(tmp: Path, kop_timeout: float) -> tuple[subprocess.Popen, str, Path]:
    err = tmp / "serve.err"
    cmd = [sys.executable, "-m", "ketenproef.cli", "serve", "--rol", "gemeente", "--poort", "0", "--db",
           str(tmp / "soak.sqlite"), "--datum", "2026-01-14", "--kop-timeout", str(kop_timeout), "-v"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err.open("w"), text=True, preexec_fn=low_limit)
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    return proc, line.rsplit(" ", 1)[-1].strip(), err


async def stalled(host: str, port: int, stop: asyncio.Event, closed: list[int]) -> None:
    """One connection that sends its headers a byte a second; counts when the server closes it."""
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        return
    head = b"POST /berichten HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nX-Langzaam: " + b"a" * 200
    try:
        for byte in head:
            if stop.is_set():
                break
            writer.write(bytes([byte]))
            try:
                if await asyncio.wait_for(reader.read(1), timeout=1.0) == b"":
                    closed.append(1)
                    break
            except TimeoutError:
                continue
    except OSError:
        closed.append(1)
    finally:
        writer.close()


async def normal(url: str, seconds: float) -> tuple[list[float], int]:
    latencies, errors, i = [], 0, 0
    end = time.monotonic() + seconds
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
        while time.monotonic() < end:
            i += 1
            body = factory.to_bytes("JW315", basis.basis("JW315", f"SOAK{i:06d}"))
            start = time.perf_counter()
            try:
                async with http.post(f"{url}/berichten", data=body, headers=XML) as response:
                    answer = await response.json()
                    ok = response.status == 202 and answer.get("retour_id")
            except (aiohttp.ClientError, TimeoutError):
                ok = False
            latencies.append(time.perf_counter() - start)
            errors += 0 if ok else 1
            await asyncio.sleep(0.2)
    return latencies, errors


async def soak(url: str, count: int, seconds: float) -> tuple[list[float], int, int]:
    host, port = url.split("//")[1].split(":")
    stop, closed = asyncio.Event(), []
    tasks = [asyncio.ensure_future(stalled(host, int(port), stop, closed)) for _ in range(count)]
    await asyncio.sleep(1.0)  # let them connect
    latencies, errors = await normal(url, seconds)
    stop.set()
    await asyncio.gather(*tasks)
    return latencies, errors, len(closed)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--verbindingen", type=int, default=1000)
    p.add_argument("--seconden", type=float, default=20.0)
    p.add_argument("--kop-timeout", type=float, default=10.0)
    args = p.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # this client needs a descriptor per connection too
    with tempfile.TemporaryDirectory() as tmp:
        proc, url, err = start(Path(tmp), args.kop_timeout)
        try:
            latencies, errors, closed = asyncio.run(soak(url, args.verbindingen, args.seconden))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        log = err.read_text()
    ms = sorted(x * 1000 for x in latencies)
    print(f"{args.verbindingen} vastgelopen verbindingen, {len(ms)} gewone berichten in {args.seconden:.0f} s: "
          f"mediaan {statistics.median(ms):.1f} ms, max {ms[-1]:.1f} ms, fouten {errors}")
    print(f"door de server gesloten na kop-timeout {args.kop_timeout:g} s: {closed} van {args.verbindingen}; "
          f"tracebacks in het serverlog: {log.count('Traceback')}; serverlog {len(log.splitlines())} regels")
    return 0 if errors == 0 and ms[-1] < 1000 and log.count("Traceback") == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
