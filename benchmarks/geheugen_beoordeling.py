"""Peak memory for judging one large JW323 as the ketenpartner does (issue 8: at most 6x its size). Not a test.

Writes a generated 323 of --prestaties prestaties (24,000: about 23 MB) to a temporary file, then judges it in a
fresh process: the message alone (``beoordeling.enkel``: parse, XSD, single-message rules), then the chain rules
and the 325 (``ontvangst.judge``). Prints ru_maxrss above the warmed-up process after each step, in MiB and as a
multiple of the message's size.

    .venv/bin/python benchmarks/geheugen_beoordeling.py [--prestaties 24000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import subprocess
import sys
import tempfile
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
        return subprocess.call([sys.executable, __file__, "--meet", path])


if __name__ == "__main__":
    sys.exit(main())
