"""Benchmark: reading a message archive (ketenproef.archief) - messages per second and peak memory. Not a test.

    python benchmarks/bench_archief.py [--aantal 100000] [--vorm zip|tar.gz|map] [--basis 200] [--herhaal 3]

Builds an archive of heenberichten and their retours with the project's generator (synthetic people only):
``--basis`` seeds of seven pairs (301/302, 305/306, 307/308, 315/316, 317/318, 319/320, 323/325, iWmo and iJw
alternately) are generated once and copied with a fresh Identificatie per copy (heen and retour alike, so the
pairs still link) until ``--aantal`` messages. Each reading runs in a fresh process (``--lees``), so its peak
RSS (VmHWM) is the reading's alone; an import-only process gives the baseline. Per run: CPU time
(process_time), wall time, messages/s on CPU time, peak RSS; quoted as median (min..max) over ``--herhaal`` runs.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

PAREN = (("301", "302"), ("305", "306"), ("307", "308"), ("315", "316"), ("317", "318"), ("319", "320"),
         ("323", "325"))
_IDENT = re.compile(rb"<(\w+:)?(Identificatie|IdentificatieRetour)>([^<]+)<")


def _basis(seeds: int) -> list[tuple[str, bytes]]:
    from ketenproef.generator import voorbeeld

    berichten = []
    for seed in range(seeds):
        prefix = "WMO" if seed % 2 else "JW"
        for heen, retour in PAREN:
            berichten.append((f"{prefix}{heen}_{seed}", voorbeeld(prefix + heen, seed)))
            berichten.append((f"{prefix}{retour}_{seed}", voorbeeld(prefix + retour, seed)))
    return berichten


def _kopie(data: bytes, k: int) -> bytes:
    """The message with every Identificatie (own and the answered heen's) made unique for copy k."""
    return _IDENT.sub(lambda m: m.group(0).replace(m.group(3), m.group(3)[:-5] + b"%05d" % k), data)


def _leden(aantal: int, seeds: int):
    basis = _basis(seeds)
    for i in range(aantal):
        naam, data = basis[i % len(basis)]
        k = i // len(basis)
        yield f"k{k:05d}/{naam}.xml", (_kopie(data, k) if k else data)


def maak(pad: Path, vorm: str, aantal: int, seeds: int) -> Path:
    if vorm == "zip":
        with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as archive:
            for naam, data in _leden(aantal, seeds):
                archive.writestr(naam, data)
    elif vorm == "tar.gz":
        import io
        with tarfile.open(pad, "w:gz") as archive:
            for naam, data in _leden(aantal, seeds):
                info = tarfile.TarInfo(naam)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    else:
        for naam, data in _leden(aantal, seeds):
            (pad / naam).parent.mkdir(parents=True, exist_ok=True)
            (pad / naam).write_bytes(data)
    return pad


def piek_mib() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: after fork and exec, ru_maxrss still counts the parent's
    memory at the fork (the parent holds the generated messages), VmHWM belongs to the new program alone."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def lees(pad: str) -> None:
    """One reading, in this (fresh) process; prints JSON."""
    from ketenproef.archief import lees_archief

    cpu, wall = time.process_time(), time.perf_counter()
    archief = lees_archief(pad)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(json.dumps({"records": len(archief.records), "meldingen": len(archief.meldingen), "cpu": cpu,
                      "wall": wall, "rss_mib": piek_mib()}))


def _basislijn() -> float:
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_archief as b; " \
           "import ketenproef.archief; print(b.piek_mib())"
    return float(subprocess.check_output([sys.executable, "-c", code], text=True))


def _mediaan(waarden: list[float], fmt: str) -> str:
    return f"{statistics.median(waarden):{fmt}} ({min(waarden):{fmt}}..{max(waarden):{fmt}})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=100_000)
    parser.add_argument("--vorm", choices=("zip", "tar.gz", "map"), default="zip")
    parser.add_argument("--basis", type=int, default=200, help="seeds generated (x 14 messages)")
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--lees", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.lees:
        lees(args.lees)
        return
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / ("map" if args.vorm == "map" else f"archief.{args.vorm}")
        pad.mkdir() if args.vorm == "map" else None
        start = time.perf_counter()
        maak(pad, args.vorm, args.aantal, args.basis)
        print(f"archief: {args.aantal:,} berichten als {args.vorm}, gemaakt in {time.perf_counter() - start:.1f} s")
        runs = [json.loads(subprocess.check_output([sys.executable, __file__, "--lees", str(pad)], text=True))
                for _ in range(args.herhaal)]
    basis = _basislijn()
    print(f"records {runs[0]['records']:,}, meldingen {runs[0]['meldingen']:,}")
    print(f"CPU {_mediaan([r['cpu'] for r in runs], '.2f')} s, wand {_mediaan([r['wall'] for r in runs], '.2f')} s")
    print(f"berichten/s (CPU) {_mediaan([r['records'] / r['cpu'] for r in runs], ',.0f')}")
    print(f"piek-RSS {_mediaan([r['rss_mib'] for r in runs], '.0f')} MiB; alleen importeren {basis:.0f} MiB")


if __name__ == "__main__":
    main()
