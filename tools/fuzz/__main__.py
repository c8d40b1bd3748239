"""The long fuzz run (not a test; CI runs the short hypothesis form in tests/unit/test_eigenschappen.py):

    python -m tools.fuzz [--kern N] [--server N] [--seed S] [--verslag docs/FUZZ.md]

Two surfaces, each fed N inputs made from the bundled examples (corpus/voorbeelden):

- kern: ``validate`` + the retour/325 builder, alone and inside a replayed worked case (chain rules with a filled
  ledger). Per input either noise (comments, PIs, whitespace: the verdict and the retour must stay byte for byte
  the same) or damage (``muteer``: anything may be judged, nothing may raise).
- server: four real ``ketenproef serve`` processes on loopback (gemeente and aanbieder, twice each). Every message
  goes to the right role; noise goes to the twin server while the clean message goes to the first, in the same
  order, and both answers (status, code, findings) must be equal; damage must never give a 5xx or a broken
  connection.

KETENPROEF_STRIKT is set, so a rule that raises is counted as a crash (in the core) or a 500 (in the server).
Prints a summary; ``--verslag`` also writes it as Markdown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import random
import re
import subprocess
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

os.environ["KETENPROEF_STRIKT"] = "1"

from ketenproef import factory  # noqa: E402
from ketenproef.clock import FrozenClock, clock_for  # noqa: E402
from ketenproef.examples import examples  # noqa: E402
from ketenproef.keten import Keten  # noqa: E402
from ketenproef.retour import retour_for  # noqa: E402
from ketenproef.validate import validate  # noqa: E402
from tools.fuzz.bezorging import answer_key, receiver, unique  # noqa: E402
from tools.fuzz.mutaties import muteer, ruis  # noqa: E402

DATUM = "2026-01-14"


@dataclass
class Tally:
    inputs: Counter = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    verdict_changes: list[str] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)


def verdict(data: bytes, clock, keten=None) -> tuple:
    report = validate(data, clock=clock, keten=keten)
    findings = sorted((f.rule, f.retourcode or "", f.klasse or "", f.level) for f in report.findings)
    answer = None
    b = report.bericht
    if b is not None and (b.model.get("retour_message") or b.number == "323"):
        tree = retour_for(report, clock=clock, identificatie="RETOUR1")
        answer = None if tree is None else factory.serialise(tree)
    return report, findings, answer


def _where(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {exc} ({Path(frame.filename).name}:{frame.lineno})"


def fuzz_core(n: int, rnd: random.Random, tally: Tally) -> None:
    pool = examples()
    cases = {naam: _case_files(pool, naam) for naam in ("noor", "geertje")}
    for i in range(n):
        kind = ("ruis", "schade", "keten")[i % 3]
        tally.inputs[f"kern/{kind}"] += 1
        try:
            if kind == "keten":
                _fuzz_case(rnd.choice(list(cases.values())), rnd, tally)
                continue
            example = rnd.choice(pool)
            data, clock = example.path.read_bytes(), clock_for(example.datum)
            if kind == "ruis":
                noisy = ruis(data, rnd, rnd.randint(1, 8))
                before, after = verdict(data, clock)[1:], verdict(noisy, clock)[1:]
                if before != after:
                    tally.verdict_changes.append(f"kern {example.path.name}: {before[0]} vs {after[0]}")
            else:
                verdict(muteer(data, rnd, rnd.randint(1, 4)), clock, Keten())
        except Exception as exc:  # counted, never fatal: that is the point of the run
            tally.crashes.append(f"kern/{kind}: {_where(exc)}")


def _case_files(pool, naam: str) -> list:
    heen = ("301", "305", "307", "315", "317", "319", "323")
    return sorted((e for e in pool if e.path.parent.name == "casussen" and e.path.name.startswith(naam)
                   and e.path.stem[-3:] in heen), key=lambda e: e.path.name)


def _fuzz_case(files: list, rnd: random.Random, tally: Tally) -> None:
    """A worked case replayed with one message damaged: the later chain rules judge on a ledger that lacks or
    holds odd data. Nothing may raise."""
    target = rnd.randrange(len(files))
    keten = Keten()
    for i, example in enumerate(files):
        data = example.path.read_bytes()
        if i == target:
            data = muteer(data, rnd, rnd.randint(1, 3))
        clock = FrozenClock(dt.date.fromisoformat(example.datum))
        report, _, answer = verdict(data, clock, keten)
        keten.verwerk(report)
        if answer is not None and example.path.stem.endswith("323"):
            keten.verwerk(validate(answer, clock=clock, keten=keten))


class Server:
    """A ``ketenproef serve`` process on a free loopback port."""

    def __init__(self, rol: str) -> None:
        self.rol = rol
        self.proc = subprocess.Popen([sys.executable, "-m", "ketenproef.cli", "serve", "--rol", rol, "--poort", "0",
                                      "--db", ":memory:", "--datum", DATUM], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"http://([\d.]+):(\d+)", line)
        if not match:
            raise RuntimeError(f"ketenpartner ({rol}) start niet: {line!r} {self.proc.stderr.read()[:2000]}")
        self.host, self.port = match.group(1), int(match.group(2))
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def post(self, data: bytes) -> tuple[int, dict]:
        for attempt in range(2):
            try:
                self.conn.request("POST", "/berichten", body=data, headers={"Content-Type": "application/xml"})
                response = self.conn.getresponse()
                body = response.read()
                return response.status, _json(body)
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def stop(self) -> str:
        self.conn.close()
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err


def _json(body: bytes) -> dict:
    try:
        found = json.loads(body)
    except ValueError:
        return {"onleesbaar": body[:200].decode(errors="replace")}
    return found if isinstance(found, dict) else {"json": found}


def fuzz_server(n: int, rnd: random.Random, tally: Tally) -> str:
    servers = {rol: (Server(rol), Server(rol)) for rol in ("gemeente", "aanbieder")}
    pool = examples()
    try:
        for i in range(n):
            example = rnd.choice(pool)
            first, twin = servers[receiver(example, rnd)]
            data = unique(example.path.read_bytes(), f"F{i:07d}")
            kind = "ruis" if i % 2 == 0 else "schade"
            tally.inputs[f"server/{kind}"] += 1
            try:
                if kind == "ruis":
                    clean = first.post(data)
                    noisy = twin.post(ruis(data, rnd, rnd.randint(1, 8)))
                    _count(tally, clean, example)
                    _count(tally, noisy, example)
                    if answer_key(*clean) != answer_key(*noisy):
                        tally.verdict_changes.append(f"server {example.path.name}: {answer_key(*clean)} vs "
                                                     f"{answer_key(*noisy)}")
                else:
                    _count(tally, first.post(muteer(data, rnd, rnd.randint(1, 4))), example)
            except (http.client.HTTPException, OSError) as exc:
                tally.server_errors.append(f"{example.path.name}: verbinding: {exc!r}")
    finally:
        logs = "".join(s.stop() for pair in servers.values() for s in pair)
    return logs


def _count(tally: Tally, answer: tuple[int, dict], example) -> None:
    status, body = answer
    tally.statuses[status] += 1
    if status >= 500:
        tally.server_errors.append(f"{example.path.name}: HTTP {status} {json.dumps(body)[:300]}")


def summary(tally: Tally, seed: int, seconds: float, tracebacks: int) -> str:
    lines = [f"Fuzzrun van {dt.date.today().isoformat()} (seed {seed}, {seconds:.0f} s, Python "
             f"{platform.python_version()}, `python -m tools.fuzz`):", "",
             "| oppervlak | invoer | crashes | HTTP 5xx / verbinding | oordeel veranderd door ruis |",
             "|---|---|---|---|---|"]
    for surface in ("kern", "server"):
        count = sum(v for k, v in tally.inputs.items() if k.startswith(surface))
        crashes = sum(1 for c in tally.crashes if c.startswith(surface))
        errors = len(tally.server_errors) if surface == "server" else "-"
        changes = sum(1 for c in tally.verdict_changes if c.startswith(surface))
        lines.append(f"| {surface} | {count:,} | {crashes} | {errors} | {changes} |")
    lines += ["", "Invoer per soort: " + ", ".join(f"{k} {v:,}" for k, v in sorted(tally.inputs.items())),
              "HTTP-statussen van de server: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(tally.statuses.items())),
              f"Tracebacks in de serverlogs: {tracebacks}"]
    for title, items in (("Crashes", tally.crashes), ("Serverfouten", tally.server_errors),
                         ("Oordeel veranderd", tally.verdict_changes)):
        for item, n in Counter(items).most_common(10):
            lines.append(f"- {title}: {item} ({n}x)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.fuzz", description="Lange fuzzrun op kern en server.")
    parser.add_argument("--kern", type=int, default=21_000, help="aantal invoeren voor validate/retour")
    parser.add_argument("--server", type=int, default=21_000, help="aantal invoeren voor de ketenpartner")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--verslag", type=Path, help="schrijf de samenvatting ook als Markdown naar dit bestand")
    args = parser.parse_args(argv)
    rnd, tally, start = random.Random(args.seed), Tally(), time.monotonic()
    fuzz_core(args.kern, rnd, tally)
    logs = fuzz_server(args.server, rnd, tally) if args.server else ""
    text = summary(tally, args.seed, time.monotonic() - start, logs.count("Traceback"))
    print(text)
    if args.verslag:
        args.verslag.write_text(text, encoding="utf-8")
    failed = tally.crashes or tally.server_errors or tally.verdict_changes
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
