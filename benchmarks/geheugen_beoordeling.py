"""Peak memory for judging one large JW323 as the ketenpartner does (issue 8: at most 6x its size). Not a test.

Writes a generated 323 of --prestaties prestaties (24,000: about 23 MB; no toewijzingen, so the 325 rejects every
prestatie: the worst case) to a temporary file, then

1. judges it in a fresh process: the message alone (``beoordeling.enkel``: parse, XSD, single-message rules), then
   the chain rules and the 325 (``ontvangst.judge``); ru_maxrss above the warmed-up process after each step;
2. posts it to a real ``ketenproef serve`` on loopback after 50 small messages: the server's peak resident memory
   (VmHWM, reset just before the post) above its resident memory before, with the request body, the answer and
   the store included.

Each figure in MiB and as a multiple of the message's size.

    .venv/bin/python benchmarks/geheugen_beoordeling.py [--prestaties 24000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import resource
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from ketenproef import factory
from ketenproef.generator import voorbeeld_data


def rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: str) -> None:
    from ketenproef import basis
    from mockserver.beoordeling import enkel
    from mockserver.config import Config
    from mockserver.ontvangst import judge
    from mockserver.partner import Partner

    data = Path(path).read_bytes()
    partner = Partner(Config(rol="gemeente", datum=dt.date(2026, 12, 31)))
    partner.load()
    clock = partner.clock()
    judge(enkel(factory.to_bytes("JW315", basis.basis("JW315", "X1")), clock, len(data)), clock, partner.keten, "W")
    base, size = rss(), len(data) / 2 ** 20
    report = enkel(data, clock, len(data))
    alone = rss() - base
    judge(report, clock, partner.keten, "K0000000001")
    whole = rss() - base
    print(f"JW323 {size:.1f} MiB, {len(report.findings)} bevindingen | alleen het bericht: +{alone:.0f} MiB "
          f"({alone / size:.1f}x) | met ketenregels en 325: +{whole:.0f} MiB ({whole / size:.1f}x); doel <= 6x")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--prestaties", type=int, default=24000)
    p.add_argument("--meet", help=argparse.SUPPRESS)
    p.add_argument("--maak", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.meet:
        measure(args.meet)
        return 0
    if args.maak:
        data = voorbeeld_data("JW323", 7, aantal_prestaties=args.prestaties)
        Path(args.maak).write_bytes(factory.to_bytes("JW323", data))
        return 0
    with tempfile.TemporaryDirectory() as tmp:  # each step its own process: ru_maxrss survives fork and exec
        path = str(Path(tmp) / "groot.xml")
        subprocess.check_call([sys.executable, __file__, "--maak", path, "--prestaties", str(args.prestaties)])
        subprocess.check_call([sys.executable, __file__, "--meet", path])
        return server(Path(path).read_bytes(), Path(tmp) / "geheugen.sqlite")


def vm(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process, in MiB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) / 1024
    return out


def post(url: str, body: bytes) -> int:
    request = urllib.request.Request(f"{url}/berichten", data=body, headers={"Content-Type": "application/xml"})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def server(data: bytes, db: Path) -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_mockserver import messages, start_server

    dagtekening = re.search(rb"<[^>]*Dagtekening>([0-9-]+)<", data).group(1).decode()
    proc, url = start_server(db, dagtekening)
    try:
        for body in messages(50):
            post(url, body)
        Path(f"/proc/{proc.pid}/clear_refs").write_text("5")  # VmHWM from here on
        before = vm(proc.pid)["VmRSS"]
        start = time.perf_counter()
        status = post(url, data)
        seconds = time.perf_counter() - start
        peak = vm(proc.pid)["VmHWM"] - before
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    size = len(data) / 2 ** 20
    print(f"door de server (POST /berichten, HTTP {status} in {seconds:.1f} s): piek +{peak:.0f} MiB "
          f"({peak / size:.1f}x) boven {before:.0f} MiB; doel <= 6x")
    return 0 if status == 202 else 1


if __name__ == "__main__":
    sys.exit(main())
