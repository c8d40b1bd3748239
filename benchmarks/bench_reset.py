"""A reset of one conversation at 50,000 stored messages: withdrawing its messages from the chain state
(``ketenproef.keten.intrekken``) against rebuilding the whole chain state, which is what a reset did before.
Not a test; prints the figures.

Fills a SQLite store (a real file, as ``ketenproef serve --db`` keeps it) with iJw conversations: per client a 301
(the ketenpartner's), a 305 and a 307 with their 306 and 308, a 315 with its 316; and per three clients a 323 that
declares for all three, with a 325 that approves it (so a reset of one client withdraws a 323 shared with two
others). Then opens a ``Partner`` on it (start-up: the whole chain state replayed) and per round, interleaved:

- ``Partner.reset(bsn)`` of a client not reset before (store update and commit, the chain state withdrawn);
- ``Partner.rebuild()``: the whole chain state replayed from the store (the old reset).

Prints the median and spread (min..max) of both, and checks once that the state after the resets equals a
replay.

    .venv/bin/python benchmarks/bench_reset.py [--berichten 50000] [--rondes 11]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ketenproef import basis, factory
from ketenproef.clock import FrozenClock
from ketenproef.fake import bsns
from ketenproef.retour import retour_for
from ketenproef.validate import validate

GEMEENTE, AGB = basis.GEMEENTE, basis.AGB
TARGET_MS = 50.0
KLOK = FrozenClock(dt.date(2026, 1, 14))


def conversation(bsn: str, nummer: int) -> list[tuple[str, str, str, bytes, bool]]:
    """(richting, soort, bericht, xml, applied) of one client's messages."""
    out = []

    def msg(name: str, richting: str, soort: str, applied: bool, change) -> None:
        data = basis.basis(name, f"{name[-3:]}{nummer:08d}")
        change(data)
        xml = factory.to_bytes(name, data)
        out.append((richting, soort, name, xml, applied))
        if name != "JW301":  # the ketenpartner's retour on the SUT's heenbericht
            retour = retour_for(validate(xml, clock=KLOK), clock=KLOK, identificatie=f"R{name[-3:]}{nummer:08d}")
            out.append(("uit", "retour", retour_naam(name), factory.serialise(retour), False))

    def client(data: dict) -> dict:
        data["Client"]["Bsn"] = bsn
        return data["Client"]

    msg("JW301", "uit", "heen", True, lambda d: client(d)["ToegewezenProducten"][0].update(ToewijzingNummer=nummer))
    for name in ("JW305", "JW307"):
        klasse = "StartProducten" if name == "JW305" else "StopProducten"
        msg(name, "in", "heen", True, lambda d, k=klasse: client(d)[k][0].update(ToewijzingNummer=nummer))
    msg("JW315", "in", "heen", True,
        lambda d: client(d)["AangevraagdeProducten"][0].update(ReferentieAanbieder=f"VOT{nummer:08d}"))
    return out


def retour_naam(name: str) -> str:
    return name[:-3] + str(int(name[-3:]) + 1)


def declaratie(clienten: list[tuple[str, int]], nummer: int) -> list[tuple[str, str, str, bytes, bool]]:
    ident = f"D{nummer:08d}"
    data = basis.basis("JW323", ident)
    data["Declaratie"]["DeclaratieNummer"] = ident
    data["Declaratie"]["Clienten"] = []
    for i, (bsn, toewijzing) in enumerate(clienten):
        prestatie = basis.prestatie("iJw", f"{ident}{i}")
        prestatie["ToewijzingNummer"] = toewijzing
        data["Declaratie"]["Clienten"].append({"Bsn": bsn, "Prestaties": [prestatie]})
    data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 20000 * len(clienten)
    antwoord = basis.basis("JW325", f"R{nummer:08d}")
    antwoord["Header"]["DeclaratieIdentificatie"]["Identificatie"] = ident
    return [("in", "heen", "JW323", factory.to_bytes("JW323", data), True),
            ("uit", "retour", "JW325", factory.to_bytes("JW325", antwoord), True)]


def fill(path: str, aantal: int) -> list[str]:
    """Store about ``aantal`` messages; returns the clients."""
    from mockserver.store import Store

    store = Store(path)
    people = bsns(random.Random(7), aantal // 7 + 3)
    clienten, groep, nummer = [], [], 0
    while store.count() < aantal and nummer < len(people):
        bsn = people[nummer]
        nummer += 1
        clienten.append(bsn)
        rows = [(r, [bsn]) for r in conversation(bsn, nummer)]
        groep.append((bsn, nummer))
        if len(groep) == 3:
            rows += [(r, [b for b, _ in groep]) for r in declaratie(groep, nummer)]
            groep = []
        for (richting, soort, name, xml, applied), in_gesprek in rows:
            store.insert({"richting": richting, "soort": soort, "bericht": name, "status": "verzonden",
                          "grootte": len(xml), "xml": xml, "bevindingen": [], "fouten": [],
                          "toegepast": int(applied), "afgekeurd": []}, in_gesprek)
    store.commit()
    store.close()
    return clienten


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--berichten", type=int, default=50000)
    p.add_argument("--rondes", type=int, default=11)
    args = p.parse_args()
    from mockserver.config import Config
    from mockserver.partner import Partner

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "reset.sqlite")
        start = time.perf_counter()
        clienten = fill(path, args.berichten)
        gevuld = time.perf_counter() - start
        print(f"{args.berichten} berichten opgeslagen ({len(clienten)} clienten) in {gevuld:.1f} s")
        partner = Partner(Config(rol="gemeente", db=path, datum=dt.date(2026, 1, 14)))
        start = time.perf_counter()
        partner.load()
        print(f"opstarten (de hele ketentoestand opnieuw): {time.perf_counter() - start:.2f} s")
        rng, reset_ms, rebuild_ms = random.Random(11), [], []
        loop = asyncio.new_event_loop()
        for bsn in rng.sample(clienten, args.rondes):
            start = time.perf_counter()
            count = loop.run_until_complete(partner.reset(bsn))
            reset_ms.append((time.perf_counter() - start) * 1000)
            assert count >= 7, (bsn, count)
            start = time.perf_counter()
            opnieuw = partner.rebuild()
            rebuild_ms.append((time.perf_counter() - start) * 1000)
        same = _same(partner.keten, opnieuw)
        loop.close()
        partner.store.close()
    print(f"reset van een gesprek, {args.rondes} rondes afgewisseld, {args.berichten} berichten opgeslagen:")
    print(f"  terugtrekken (nu):          {_spread(reset_ms)}")
    print(f"  alles opnieuw (vroeger):    {_spread(rebuild_ms)}")
    print(f"  factor {statistics.median(rebuild_ms) / statistics.median(reset_ms):.0f}x; doel <= {TARGET_MS:.0f} ms; "
          f"ketentoestand gelijk aan opnieuw opbouwen: {'ja' if same else 'NEE'}")
    return 0 if same and statistics.median(reset_ms) <= TARGET_MS else 1


def _spread(ms: list[float]) -> str:
    return f"mediaan {statistics.median(ms):.1f} ms ({min(ms):.1f}..{max(ms):.1f})"


def _same(a, b) -> bool:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.unit.keten.toestand import toestand

    return toestand(a) == toestand(b)


if __name__ == "__main__":
    sys.exit(main())
