"""``bench_mockserver.py --groot``: how much a ~20 MB JW323 being judged delays small posts (issue 8: < 250 ms).

Per round: small JW315 posts one after another on their own (the baseline), then the same while a large JW323
(its own bytes each round, so it is never a repeat) is posted and judged. Only small posts that start while the
large one is in flight count. Prints per round and over all rounds the median and spread (p10-p90, max) and the
extra delay of the median and the worst small post; then the server's peak memory (ru_maxrss).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import resource
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from ketenproef import factory
from ketenproef.generator import voorbeeld_data

XML = {"Content-Type": "application/xml"}
ALONE = 30  # small posts per round for the baseline
TARGET_MS = 250.0


def big_323(seed: int, prestaties: int) -> tuple[bytes, dt.date]:
    data = voorbeeld_data("JW323", seed, aantal_prestaties=prestaties)
    day = data["Header"]["BerichtIdentificatie"]["Dagtekening"]
    return factory.to_bytes("JW323", data), day if isinstance(day, dt.date) else dt.date.fromisoformat(day)


async def post_small(http: aiohttp.ClientSession, url: str, body: bytes) -> float:
    start = time.perf_counter()
    async with http.post(f"{url}/berichten", data=body, headers=XML) as response:
        await response.read()
        assert response.status == 202, response.status
    return (time.perf_counter() - start) * 1000


async def idle(http: aiohttp.ClientSession, url: str) -> None:
    """Until the server judges nothing and has freed the previous large message (health check), so the baseline
    of a round is not measured while the previous round's work still runs."""
    while True:
        async with http.get(f"{url}/beheer/gezondheid") as response:
            stand = (await response.json())["beoordeling"]
        if not (stand["wachtrij"] or stand["bezig"] or stand["wacht_op_keten"] or stand.get("opruimen")):
            return
        await asyncio.sleep(0.05)


async def round_(http, url: str, big: bytes, small: list[bytes]) -> dict:
    await idle(http, url)
    alone = [await post_small(http, url, small.pop()) for _ in range(ALONE)]
    start = time.perf_counter()
    posting = asyncio.ensure_future(http.post(f"{url}/berichten", data=big, headers=XML))
    during = []
    while not posting.done() and small:
        during.append(await post_small(http, url, small.pop()))
    response = await posting
    await response.read()
    return {"alone": alone, "during": during, "big_s": time.perf_counter() - start, "big_status": response.status}


def spread(ms: list[float]) -> str:
    ordered = sorted(ms)
    p10, p90 = ordered[len(ordered) // 10], ordered[min(len(ordered) - 1, len(ordered) * 9 // 10)]
    return f"mediaan {statistics.median(ordered):.1f} ms (p10 {p10:.1f}, p90 {p90:.1f}, max {ordered[-1]:.1f})"


async def run(url: str, bigs: list[bytes], small: list[bytes]) -> list[dict]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=300)) as http:
        return [await round_(http, url, big, small) for big in bigs]


def groot(args, messages, start_server) -> int:
    made = [big_323(100 + i, args.prestaties) for i in range(args.rondes)]
    bigs, datum = [b for b, _ in made], max(d for _, d in made)
    small = messages(args.rondes * 2000)
    print(f"{len(bigs)} rondes, JW323 van {len(bigs[0]) / 1e6:.1f} MB ({args.prestaties} prestaties)")
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_server(Path(tmp) / "groot.sqlite", datum.isoformat())
        try:
            rounds = asyncio.run(run(url, bigs, small))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    extra_median, extra_max = [], []
    for i, r in enumerate(rounds, 1):
        base = statistics.median(r["alone"])
        extra_median.append(statistics.median(r["during"]) - base if r["during"] else float("nan"))
        extra_max.append(max(r["during"]) - base if r["during"] else float("nan"))
        print(f"ronde {i}: JW323 {r['big_status']} in {r['big_s']:.2f} s | alleen {spread(r['alone'])} | "
              f"tijdens ({len(r['during'])}) {spread(r['during'] or [0.0])}")
    alone = [x for r in rounds for x in r["alone"]]
    during = [x for r in rounds for x in r["during"]]
    print(f"alle rondes: alleen {spread(alone)}; tijdens {spread(during or [0.0])}")
    print(f"extra vertraging per ronde: mediaan {statistics.median(extra_median):.1f} ms "
          f"(spreiding {min(extra_median):.1f}..{max(extra_median):.1f}); slechtste kleine post "
          f"{statistics.median(extra_max):.1f} ms (spreiding {min(extra_max):.1f}..{max(extra_max):.1f}); "
          f"doel < {TARGET_MS:.0f} ms")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"piekgeheugen server (ru_maxrss) {peak:.0f} MiB = {peak / (len(bigs[0]) / 2 ** 20):.1f}x de JW323")
    worst = max(extra_max)
    return 0 if worst < TARGET_MS and all(r["big_status"] == 202 for r in rounds) else 1
