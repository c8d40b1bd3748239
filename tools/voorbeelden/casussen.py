"""Write the two worked cases of the webinar seed (``corpus/casussen/noor.json``: iJw, outputgericht, and
``corpus/casussen/geertje.json``: iWmo, inspanningsgericht) as message files, replayed through the chain.

Every step of a case is one heenbericht in factory plain data. The case is replayed in order through one
``Keten``: each heenbericht is judged on its own ``wanneer`` (= Dagtekening) with the chain state so far, the
retour a correct receiver sends is built with ``retour_for``, and the heenbericht is applied to the chain (a
325 is also judged by the aanbieder and applied, so its prestaties count as approved). Written to
``corpus/voorbeelden/casussen/``:

- ``{casus}_{stap:02d}_{BERICHT}.xml``: the heenbericht;
- ``{casus}_{stap:02d}_{RETOUR}.xml``: its retour (302/306/308/316/318 or the 325);
- ``manifest.json``: every file valid on its own date without chain state (``valid: true, rules: []``).

    .venv/bin/python tools/voorbeelden/casussen.py [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ketenproef import factory
from ketenproef.bericht import readable_path
from ketenproef.clock import FrozenClock
from ketenproef.findings import KETEN, Report
from ketenproef.keten import Keten
from ketenproef.retour import retour_for
from ketenproef.validate import validate

ROOT = Path(__file__).resolve().parents[2]
CASUSSEN = ROOT / "corpus" / "casussen"
OUT = ROOT / "corpus" / "voorbeelden" / "casussen"
NAMEN = ("noor", "geertje")
MAX_IDENTIFICATIE = 12  # LDT_IdentificatieBericht


@dataclass
class Uitkomst:
    """One replayed step: the heenbericht, its judgement, the retour and (for a 325) the aanbieder's judgement."""

    casus: str
    stap: dict
    heen: bytes
    report: Report
    retour: bytes | None = None
    retour_report: Report | None = None
    antwoord: dict = field(default_factory=dict)

    @property
    def heen_bestand(self) -> str:
        return f"{self.casus}_{self.stap['stap']:02d}_{self.stap['bericht']}.xml"

    @property
    def retour_bestand(self) -> str | None:
        if self.retour_report is None:
            return None
        return f"{self.casus}_{self.stap['stap']:02d}_{self.retour_report.message}.xml"

    @property
    def zoals_verwacht(self) -> bool:
        return self.report.valid and self.antwoord == self.stap["verwacht"]


@dataclass
class Afspeling:
    """A whole case replayed through one chain."""

    casus: dict
    keten: Keten
    uitkomsten: list[Uitkomst]


def laad(naam: str, map_: Path = CASUSSEN) -> dict:
    return json.loads((map_ / f"{naam}.json").read_text(encoding="utf-8"))


def datum(stap: dict) -> dt.date:
    return dt.date.fromisoformat(stap["wanneer"])


def retour_identificatie(stap: dict) -> str:
    """The receiver's BerichtIdentificatie for the retour: the heen Identificatie with ``-R``."""
    ident = stap["data"]["Header"]["BerichtIdentificatie"]["Identificatie"] + "-R"
    if len(ident) > MAX_IDENTIFICATIE:
        raise ValueError(f"Identificatie {ident} is longer than {MAX_IDENTIFICATIE} characters")
    return ident


def afgekeurd(report: Report) -> set[str]:
    """Readable paths of the berichtklassen a chain rule rejected (the chain leaves them out)."""
    bericht, paden = report.bericht, set()
    for finding in report.at_level(KETEN):
        if finding.element is None or not finding.retourcode:
            continue
        klasse = bericht.klasse_element(finding.element)
        if klasse is not None:
            paden.add(readable_path(klasse))
    return paden


def antwoord(tree: etree._Element | None, retour_report: Report | None) -> dict:
    """The answer in the shape of ``verwacht``: retour type, all RetourCodes in document order, 325 totals."""
    if tree is None or retour_report is None:
        return {"retour": None, "retourcodes": []}
    out: dict = {"retour": retour_report.message,
                 "retourcodes": tree.xpath("//*[local-name()='RetourCode']/text()")}
    if retour_report.message.endswith("325"):
        for naam in ("TotaalIngediendBedrag", "TotaalToegekendBedrag"):
            for el in tree.xpath(f"//*[local-name()='{naam}']"):
                bedrag = int(el.xpath("*[local-name()='TotaalBedrag']/text()")[0])
                teken = el.xpath("*[local-name()='DebetCredit']/text()")[0]
                out[naam] = -bedrag if teken == "C" else bedrag
    return out


def speel(casus: dict, keten: Keten | None = None) -> Afspeling:
    """Replay a case in order through one chain; every message is applied after it was judged."""
    keten = Keten() if keten is None else keten
    uitkomsten = []
    for stap in casus["stappen"]:
        clock = FrozenClock(datum(stap))
        heen = factory.to_bytes(stap["bericht"], stap["data"])
        report = validate(heen, clock=clock, keten=keten)
        uitkomst = Uitkomst(casus["casus"], stap, heen, report)
        tree = retour_for(report, clock=clock, identificatie=retour_identificatie(stap))
        if report.bericht is not None and not report.technically_rejected:
            keten.apply(report.bericht, afgekeurd(report))
        if tree is not None:
            uitkomst.retour = factory.serialise(tree)
            is_325 = stap["bericht"].endswith("323")
            uitkomst.retour_report = validate(uitkomst.retour, clock=clock, keten=keten if is_325 else None)
            if is_325 and uitkomst.retour_report.bericht is not None:
                keten.apply(uitkomst.retour_report.bericht, afgekeurd(uitkomst.retour_report))
        uitkomst.antwoord = antwoord(tree, uitkomst.retour_report)
        uitkomsten.append(uitkomst)
    return Afspeling(casus, keten, uitkomsten)


def schrijf(out: Path = OUT, casussen: Path = CASUSSEN) -> tuple[list[dict], list[Afspeling]]:
    """Replay both cases and write their messages, retours and the manifest into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    manifest, afspelingen = [], []
    for naam in NAMEN:
        afspeling = speel(laad(naam, casussen))
        afspelingen.append(afspeling)
        for u in afspeling.uitkomsten:
            bestanden = [(u.heen_bestand, u.stap["bericht"], u.heen)]
            if u.retour is not None:
                bestanden.append((u.retour_bestand, u.retour_report.message, u.retour))
            for bestand, bericht, inhoud in bestanden:
                (out / bestand).write_bytes(inhoud)
                manifest.append({"file": bestand, "message": bericht, "datum": u.stap["wanneer"], "valid": True,
                                 "rules": []})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest, afspelingen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="map voor de XML-bestanden en manifest.json")
    args = parser.parse_args(argv)
    manifest, afspelingen = schrijf(args.out)
    afwijkend = 0
    for afspeling in afspelingen:
        for u in afspeling.uitkomsten:
            if not u.zoals_verwacht:
                afwijkend += 1
                fouten = [(f.rule, f.retourcode, f.text) for f in u.report.findings]
                print(f"AFWIJKEND {u.heen_bestand}: verwacht {u.stap['verwacht']}, kreeg {u.antwoord}; {fouten}")
            for f in u.report.findings + (u.retour_report.findings if u.retour_report else []):
                if not f.rejecting:
                    print(f"advies {u.heen_bestand}: {f.rule} {f.text}")
    print(f"{len(manifest)} bestanden geschreven naar {args.out}; {afwijkend} stap(pen) afwijkend van de casus")
    return 1 if afwijkend else 0


if __name__ == "__main__":
    raise SystemExit(main())
