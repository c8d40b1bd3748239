"""Timing of the declaratie rules on a large 323 (a measurement for the developer, not a test).

Builds a valid WMO323 of 2,000 clients x 15 Prestaties = 30,000 Prestaties with the factory (one credit per
client) and prints the best of a few runs of: lxml parse, XSD validation, reading the Prestaties once
(``declaratie.prestaties``), the rules of ketenproef/rules/declaratie.py together (reading included), and all
registered single-message rules for the message;
with --per-client 13 (under 25 MB) also the whole validate().

    .venv/bin/python benchmarks/bench_declaratie_rules.py [--clients 2000] [--per-client 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import time

from lxml import etree

from ketenproef import basis, factory
from ketenproef.bericht import Bericht
from ketenproef.clock import FrozenClock
from ketenproef.parse import MAX_BYTES, _parser
from ketenproef.rules import declaratie
from ketenproef.rules.registry import rules_for
from ketenproef.schemas import schema
from ketenproef.validate import run_rules, validate


def bsns(n: int, start: int = 10_000_000) -> list[str]:
    """``n`` synthetic nine-digit BSNs that pass the elfproef."""
    out, x = [], start
    while len(out) < n:
        digits = [int(c) for c in f"{x:08d}"]
        check = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True)) % 11
        if check < 10:
            out.append(f"{x:08d}{check}")
        x += 1
    return out


def big_323(name: str = "WMO323", clients: int = 2000, per_client: int = 15) -> bytes:
    std = "iWmo" if name.startswith("WMO") else "iJw"
    data = basis.basis(name)
    result, saldo, k = [], 0, 0
    for bsn in bsns(clients):
        items = []
        for j in range(per_client):
            p = basis.prestatie(std, referentie=f"P{k:09d}", bedrag=20000 + 4 * j)
            p["ToewijzingNummer"] = 100_000 + k
            if j == per_client - 1:  # one credit per client, for a debet of an earlier message
                p["IngediendBedrag"]["DebetCredit"] = "C"
                p["ProductReferentie"]["VorigReferentieNummer"] = f"V{k:09d}"
            saldo += p["IngediendBedrag"]["Bedrag"] * (-1 if j == per_client - 1 else 1)
            items.append(p)
            k += 1
        result.append({"Bsn": bsn, "Prestaties": items})
    data["Declaratie"]["Clienten"] = result
    data["Declaratie"]["TotaalIngediendBedrag"] = {"TotaalBedrag": abs(saldo), "DebetCredit": "DC"[saldo < 0]}
    return factory.to_bytes(name, data)


def timed(func, repeat: int) -> tuple[float, object]:
    """The best of ``repeat`` runs (the machine is shared; the minimum is the least disturbed run)."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--message", default="WMO323")
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--per-client", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    name = args.message
    data = big_323(name, args.clients, args.per_client)
    xsd = schema(name)
    parse_t, root = timed(lambda: etree.fromstring(data, _parser()), args.repeat)
    xsd_t, ok = timed(lambda: xsd.validate(root), args.repeat)
    clock = FrozenClock(dt.date.fromisoformat(basis.DAGTEKENING))
    rules = rules_for(name, "iWmo" if name.startswith("WMO") else "iJw", "single")
    mine = [r for r in rules if r.func.__module__ == declaratie.__name__]
    read_t, p = timed(lambda: declaratie.prestaties(Bericht(name, root, clock)), args.repeat)
    mine_t, found = timed(lambda: run_rules(Bericht(name, root, clock), mine, "bericht"), args.repeat)
    all_t, found_all = timed(lambda: run_rules(Bericht(name, root, clock), rules, "bericht"), args.repeat)
    print(f"{name}: {len(data) / 2**20:.1f} MiB, {p.n} Prestaties, XSD valid: {ok}")
    print(f"lxml parse {parse_t:.3f} s + XSD {xsd_t:.3f} s = {parse_t + xsd_t:.3f} s")
    print(f"declaratie: reading the Prestaties {read_t:.3f} s; all {len(mine)} rules (reading included) {mine_t:.3f} s"
          f" = {mine_t / (parse_t + xsd_t):.0%} of parse + XSD; findings {sorted({f.rule for f in found})}")
    print(f"all {len(rules)} single-message rules for {name}: {all_t:.3f} s; findings "
          f"{sorted({f.rule for f in found_all})}")
    if len(data) <= MAX_BYTES:
        full_t, report = timed(lambda: validate(data, clock=clock), args.repeat)
        print(f"validate() end to end: {full_t:.3f} s = {full_t / (parse_t + xsd_t):.2f} x parse + XSD; "
              f"valid: {report.valid}")
    else:
        print(f"validate() end to end: skipped, {len(data):,} bytes is over the 25 MB limit (OP179)")


if __name__ == "__main__":
    main()
