"""Write corpus/voorbeelden/retouren/: one worked example of every kind of rejecting retour (IV028, IV087), and
docs/RETOUREN.md, the Dutch page for vendors that explains them.

Every example is a short conversation: heenberichten judged by the core (``validate`` with a ``Keten`` where a
chain rule is needed), recorded in the chain as a receiver does (``Keten.verwerk``), and the retour a correct
receiver sends (``retour_for``). Files are named ``{voorbeeld}_{stap:02d}_{BERICHT}.xml``.

- ``gesprekken.json`` describes every file in the usual manifest fields (each file judged on its own, without
  chain state: the context and chain-rejected heenberichten are valid on their own, the technically rejected one
  is not, every retour is valid) plus ``voorbeeld`` and ``soort`` (heen/retour), and for a retour the rules that
  rejected its heenbericht (``regels``), the RetourCodes per berichtklasse in document order (``retourcodes``) and
  for a 325 its totals. ``tests/unit/test_retourvoorbeelden.py`` checks each file against it.
- ``manifest.json`` (read by ``ketenproef corpus`` and every other user of the example corpus) lists the retours
  only. The heenberichten stay out of it on purpose: every heen example of the corpus becomes a scenario of the
  generated ``features/technische_afkeur.feature``, and these are context, not new cases (the technical reject is
  the same rule as ``verzoeken/TR018_WMO307_fail.xml``).

    .venv/bin/python tools/voorbeelden/retouren.py [--check]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.bericht import local
from ketenproef.clock import FrozenClock
from ketenproef.keten import Keten
from ketenproef.retour import retour_for
from ketenproef.validate import validate

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "corpus" / "voorbeelden" / "retouren"
DOC = ROOT / "docs" / "RETOUREN.md"
VANDAAG = dt.date(2026, 1, 12)  # the basis Dagtekening
DECLAREERDAG = dt.date(2026, 2, 16)


@dataclass
class Stap:
    """One heenbericht of a conversation: its name, plain data and the day it is judged on."""

    naam: str
    data: dict
    dag: dt.date = VANDAAG


@dataclass
class Voorbeeld:
    """A kind of rejecting retour: the conversation that leads to it and what it must show."""

    naam: str
    soort: str
    titel: str
    uitleg: str
    stappen: list[Stap]
    regels: tuple[str, ...]  # the rule ids that judge the last heenbericht


# ---------------------------------------------------------------- the conversations


def bericht(naam: str, ident: str, wijzig: Callable[[dict], object] | None = None) -> dict:
    data = basis(naam, identificatie=ident)
    if wijzig is not None:
        wijzig(data)
    return data


def twee_toewijzingen(data: dict) -> None:
    """The basis 301 plus toewijzing 586956 of product 03A01 that ended on 2026-01-10."""
    eerste = data["Client"]["ToegewezenProducten"][0]
    tweede = dict(copy.deepcopy(eerste), ToewijzingNummer=586956, Product={"Categorie": "03", "Code": "03A01"},
                  Einddatum="2026-01-10")
    data["Client"]["ToegewezenProducten"].append(tweede)


def vow_op_beeindigde_toewijzing(data: dict) -> None:
    """A 317 that keeps 586955 and asks to change 586956, which ended before the verzoek (TR351)."""
    verzoek = data["Client"]["Verzoek"]
    verzoek.pop("NieuweProducten")
    verzoek["OngewijzigdeProducten"] = [{"ToewijzingNummer": 586955}]
    verzoek["TeWijzigenProducten"] = [{"ToewijzingNummer": 586956, "GewensteIngangsdatum": "2026-02-01",
                                       "Einddatum": "2026-06-30",
                                       "Omvang": {"Volume": 2, "Eenheid": "04", "Frequentie": "2"}}]


def stop_voor_ingang(data: dict) -> None:
    """A 307 whose Einddatum lies before the Begindatum of the product (a single-message rule)."""
    data["Client"]["StopProducten"][0]["Einddatum"] = "2026-01-01"


def toewijzing_voor_declaratie(data: dict) -> None:
    """Toewijzing 586955 of 02A16, 4 uur per week, 2025-09-01 t/m 2026-06-30."""
    data["Client"]["ToegewezenProducten"][0].update(Toewijzingsdatum="2025-09-01", Ingangsdatum="2025-09-01",
                                                    Einddatum="2026-06-30")


def prestatie(ref: str, maand: int, uren: int, *, eenheid: str = "04", tarief: int = 5000) -> dict:
    begin = dt.date(2025, maand, 1)
    einde = dt.date(2025 + maand // 12, maand % 12 + 1, 1) - dt.timedelta(days=1)
    return {"ProductReferentie": {"ReferentieNummer": ref}, "ToewijzingNummer": 586955, "ProductCategorie": "02",
            "ProductCode": "02A16", "ProductPeriode": {"Begindatum": begin.isoformat(), "Einddatum": einde.isoformat()},
            "GeleverdVolume": uren, "Eenheid": eenheid, "ProductTarief": tarief,
            "IngediendBedrag": {"Bedrag": uren * tarief, "DebetCredit": "D"}}


def declaratie(ident: str, nummer: str, *prestaties: dict) -> dict:
    data = basis("WMO323", identificatie=ident)
    dag = DECLAREERDAG.isoformat()
    data["Header"]["BerichtIdentificatie"]["Dagtekening"] = dag
    totaal = sum(p["IngediendBedrag"]["Bedrag"] for p in prestaties)
    clienten = [{"Bsn": data["Declaratie"]["Clienten"][0]["Bsn"], "Prestaties": list(prestaties)}]
    data["Declaratie"].update(DeclaratieNummer=nummer, DeclaratieDagtekening=dag,
                              DeclaratiePeriode={"Begindatum": "2025-12-01", "Einddatum": "2025-12-31"},
                              TotaalIngediendBedrag={"TotaalBedrag": totaal, "DebetCredit": "D"}, Clienten=clienten)
    return data


def voorbeelden() -> list[Voorbeeld]:
    toewijzing = bericht("WMO301", "RT000001", toewijzing_voor_declaratie)
    return [
        Voorbeeld(
            "technisch", "technische afkeur (IV028)", "Technische afkeur: alleen de Header, met 0001 en XsltVersie",
            "Het heenbericht breekt een regel die het bericht zelf beslist (controleniveau 2, berichtinhoud): hier "
            "een JW307 met een StopProduct/Einddatum vóór de Begindatum (TR018). Het hele bericht is afgekeurd en "
            "geldt als niet verzonden. Het retourbericht bevat alleen de Header, met RetourCode 0001 en XsltVersie "
            "gevuld; welke regel brak staat niet in het retourbericht (alleen de code 0001).",
            [Stap("JW307", bericht("JW307", "RT000002", stop_voor_ingang))], ("TR018",)),
        Voorbeeld(
            "klasse", "afkeur van een berichtklasse (IV028)",
            "Afkeur op een berichtklasse van niveau 3: de code daar, 0200 op de andere klassen",
            "Een ketenregel (controleniveau 3) keurt één berichtklasse af: hier wil een VOW (WMO317) toewijzing "
            "586956 wijzigen, die op 2026-01-10 al was beëindigd (TR351, 9351 op TeWijzigenProduct, niveau 3: "
            "Client / Verzoek / TeWijzigenProduct). Het retourbericht spiegelt de hele body: elke berichtklasse "
            "met RetourCodes, 0200 (geen opmerking) waar niets mis is, de code van de regel op de afgekeurde "
            "klasse. De Header krijgt 0200.",
            [Stap("WMO301", bericht("WMO301", "RT000003", twee_toewijzingen)),
             Stap("WMO317", bericht("WMO317", "RT000004", vow_op_beeindigde_toewijzing))], ("TR351",)),
        Voorbeeld(
            "onderliggend", "afkeur van een berichtklasse (IV028)",
            "Afkeur op een klasse met klassen eronder: 0233 voor wat niet is beoordeeld",
            "Een ketenregel keurt een klasse af die zelf klassen bevat: hier vraagt een VOW (WMO317) een nieuw "
            "product 02A16 aan dat overlapt met de ongewijzigde toewijzing 586955 van hetzelfde product (TR361, "
            "9361 op Verzoek, niveau 2). De klassen onder de afgekeurde klasse (OngewijzigdProduct, NieuwProduct) "
            "zijn niet beoordeeld en krijgen 0233; de klassen erboven (Header, Client) 0200.",
            [Stap("WMO301", bericht("WMO301", "RT000005")),
             Stap("WMO317", bericht("WMO317", "RT000006"))], ("TR361",)),
        Voorbeeld(
            "header", "afkeur in de Header (IV028)", "Afkeur in de Header: alleen de Header, met de code van de regel",
            "Een ketenregel keurt de Header af: hier stuurt de gemeente een tweede WMO301 met dezelfde "
            "BerichtIdentificatie (TR056, 9056). Het hele bericht is afgekeurd; het retourbericht bevat alleen de "
            "Header, met de code van de regel (geen 0001, geen XsltVersie, geen body).",
            [Stap("WMO301", bericht("WMO301", "RT000007")),
             Stap("WMO301", bericht("WMO301", "RT000007",
                                    lambda d: d["Client"]["ToegewezenProducten"][0].update(ToewijzingNummer=586957)))],
            ("TR056",)),
        Voorbeeld(
            "declaratie_afgewezen", "declaratie-antwoord met afwijzing (IV087)",
            "Declaratie-antwoord (325) met een afgewezen prestatie",
            "De gemeente keurt één prestatie van een declaratie (WMO323) af: hier is december 2025 gedeclareerd "
            "in etmalen (Eenheid 14) op een toewijzing in uren (TR341, 9341). De 325 volgt IV087: Header 0200, "
            "DeclaratieAntwoord 0200 met TotaalIngediendBedrag (alles wat is ingediend) en TotaalToegekendBedrag "
            "= de som van de goedgekeurde prestaties; alleen de afgewezen prestatie staat erin, met haar "
            "RetourCodes, onder haar Client met 0200. Goedgekeurde prestaties staan niet in de 325.",
            [Stap("WMO301", toewijzing, DECLAREERDAG),
             Stap("WMO323", declaratie("RT000008", "DN000001", prestatie("OK000001", 11, 4),
                                       prestatie("FOUT0001", 12, 4, eenheid="14", tarief=12000)), DECLAREERDAG)],
            ("TR341",)),
        Voorbeeld(
            "declaratie_toegekend", "declaratie-antwoord, volledig toegekend (IV087)",
            "Declaratie-antwoord (325), alles toegekend: 8001",
            "Alle prestaties zijn goedgekeurd: de 325 heeft Header 0200 en DeclaratieAntwoord 8001 (volledig "
            "toegekend), TotaalToegekendBedrag gelijk aan TotaalIngediendBedrag, en geen Clienten of Prestaties.",
            [Stap("WMO301", toewijzing, DECLAREERDAG),
             Stap("WMO323", declaratie("RT000009", "DN000002", prestatie("OK000002", 11, 4),
                                       prestatie("OK000003", 12, 3)), DECLAREERDAG)], ()),
    ]


# ---------------------------------------------------------------- replaying and describing


def retourcodes(root: etree._Element) -> list[list]:
    """[berichtklasse, [RetourCode ...]] of every class with RetourCodes, in document order."""
    return [[local(rc.getparent()), [c.text for c in rc]] for rc in root.iter("{*}RetourCodes")]


def totalen(root: etree._Element) -> dict:
    out = {}
    for naam in ("TotaalIngediendBedrag", "TotaalToegekendBedrag"):
        for el in root.iter(f"{{*}}{naam}"):
            bedrag = int(el.find("{*}TotaalBedrag").text)
            out[naam] = -bedrag if el.find("{*}DebetCredit").text == "C" else bedrag
    return out


def speel(voorbeeld: Voorbeeld) -> list[tuple[str, bytes, dict]]:
    """(file, bytes, manifest entry) of every message of the conversation, the retour of the last one last."""
    keten = Keten()
    out = []
    for i, stap in enumerate(voorbeeld.stappen, start=1):
        xml = factory.to_bytes(stap.naam, stap.data)
        clock = FrozenClock(stap.dag)
        report = validate(xml, clock=clock, keten=keten)
        eigen = validate(xml, clock=clock)  # judged on its own, as `ketenproef corpus` does
        regels = sorted({f.rule for f in eigen.findings if f.rejecting})
        entry = {"file": f"{voorbeeld.naam}_{i:02d}_{stap.naam}.xml", "message": stap.naam,
                 "datum": stap.dag.isoformat(), "valid": eigen.valid, "rules": regels,
                 "voorbeeld": voorbeeld.naam, "soort": "heen"}
        out.append((entry["file"], xml, entry))
        laatste = i == len(voorbeeld.stappen)
        if not laatste:
            if any(f.rejecting for f in report.findings):
                raise SystemExit(f"{voorbeeld.naam}: context {stap.naam} is rejected: "
                                 f"{[(f.rule, f.text) for f in report.findings]}")
            keten.verwerk(report)
            continue
        gevonden = tuple(sorted({f.rule for f in report.findings if f.rejecting}))
        if gevonden != tuple(sorted(voorbeeld.regels)):
            raise SystemExit(f"{voorbeeld.naam}: expected {voorbeeld.regels}, the core found {gevonden}: "
                             f"{[(f.rule, f.text) for f in report.findings]}")
        heen_id = stap.data["Header"]["BerichtIdentificatie"]["Identificatie"]
        tree = retour_for(report, clock=clock, identificatie=f"R{heen_id}")
        retour = factory.serialise(tree)
        retour_report = validate(retour, clock=clock)
        naam = retour_report.message
        entry = {"file": f"{voorbeeld.naam}_{i + 1:02d}_{naam}.xml", "message": naam, "datum": stap.dag.isoformat(),
                 "valid": retour_report.valid, "rules": sorted({f.rule for f in retour_report.findings if f.rejecting}),
                 "voorbeeld": voorbeeld.naam, "soort": "retour", "regels": list(gevonden),
                 "retourcodes": retourcodes(tree)}
        if naam.endswith("325"):
            entry.update(totalen(tree))
        out.append((entry["file"], retour, entry))
    return out


def bedrag(cents: int) -> str:
    return f"{cents / 100:.2f}".replace(".", ",")


def doc(lijst: list[Voorbeeld], manifest: list[dict]) -> str:
    """docs/RETOUREN.md."""
    regels = [
        "# Afkeurende retourberichten: voorbeelden",
        "",
        "<!-- Gegenereerd door tools/voorbeelden/retouren.py; niet met de hand wijzigen. "
        "tests/unit/test_retourvoorbeelden.py controleert dat deze pagina en de bestanden actueel zijn. -->",
        "",
        "Van elke soort afkeurend retourbericht staat een uitgewerkt voorbeeld in "
        "[`corpus/voorbeelden/retouren/`](../corpus/voorbeelden/retouren/). Elk voorbeeld is een kort gesprek: "
        "de heenberichten (eerst wat de keten moet kennen, als laatste het bericht dat wordt afgekeurd) en het "
        "retourbericht dat een correcte ontvanger stuurt, zoals Ketenproef het zelf opbouwt en beoordeelt. "
        "De bestanden heten `{voorbeeld}_{stap}_{BERICHT}.xml`; `gesprekken.json` beschrijft elk bestand en noemt "
        "per retourbericht de RetourCodes per berichtklasse (in documentvolgorde).",
        "",
        "De regels (IV028 voor 302/306/308/316/318/320, IV087 voor de 325):",
        "",
        "- Fout in het berichtformaat (XSD, niveau 1): geen retourbericht; de verzender krijgt het "
        "validatierapport (zie [SUT-PROTOCOL.md](SUT-PROTOCOL.md)).",
        "- Fout in de berichtinhoud (niveau 2): alleen de Header, RetourCode 0001, XsltVersie gevuld.",
        "- Ketenfout (niveau 3/4) in de Header: alleen de Header, met de code(s) van de regel.",
        "- Ketenfout in een berichtklasse: Header 0200 en de hele body gespiegeld; elke klasse haar eigen "
        "codes, 0200 als er niets mis is, 0233 (niet beoordeeld) onder een afgekeurde klasse.",
        "- Geen fout: alleen de Header, zonder RetourCodes (bij een 325: Header 0200 en DeclaratieAntwoord 8001).",
        "",
    ]
    per_voorbeeld: dict[str, list[dict]] = {}
    for entry in manifest:
        per_voorbeeld.setdefault(entry["voorbeeld"], []).append(entry)
    for v in lijst:
        entries = per_voorbeeld[v.naam]
        retour = entries[-1]
        regels += [f"## {v.titel}", "", v.uitleg, ""]
        regels.append("| Stap | Bestand | Bericht |")
        regels.append("|---|---|---|")
        for n, e in enumerate(entries, start=1):
            wat = "retourbericht" if e["soort"] == "retour" else (
                "heenbericht dat wordt afgekeurd" if n == len(entries) - 1 else "heenbericht (context)")
            if e["soort"] == "retour" and e["regels"]:
                wat += f" op {', '.join(e['regels'])}"
            regels.append(f"| {n} | [`{e['file']}`](../corpus/voorbeelden/retouren/{e['file']}) | "
                          f"{e['message']}: {wat} |")
        regels += ["", "RetourCodes in het retourbericht:", "", "| Berichtklasse | RetourCodes |", "|---|---|"]
        for klasse, codes in retour["retourcodes"]:
            regels.append(f"| {klasse} | {', '.join(codes)} |")
        if "TotaalToegekendBedrag" in retour:
            regels += ["", f"TotaalIngediendBedrag {bedrag(retour['TotaalIngediendBedrag'])} euro, "
                           f"TotaalToegekendBedrag {bedrag(retour['TotaalToegekendBedrag'])} euro."]
        regels.append("")
    return "\n".join(regels)


def bouw() -> tuple[list[tuple[str, bytes, dict]], str]:
    lijst = voorbeelden()
    bestanden = [b for v in lijst for b in speel(v)]
    return bestanden, doc(lijst, [e for _, _, e in bestanden])


def gesprekken_tekst(bestanden: list[tuple[str, bytes, dict]]) -> str:
    return json.dumps([e for _, _, e in bestanden], indent=2, ensure_ascii=False) + "\n"


def manifest_tekst(bestanden: list[tuple[str, bytes, dict]]) -> str:
    """The corpus manifest: the retours, in the fields every example group has."""
    velden = ("file", "message", "datum", "valid", "rules")
    retouren = [{k: e[k] for k in velden} for _, _, e in bestanden if e["soort"] == "retour"]
    return json.dumps(retouren, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="alleen vergelijken met wat er staat (exit 1 bij verschil)")
    args = parser.parse_args()
    bestanden, pagina = bouw()
    if args.check:
        verschil = [f for f, xml, _ in bestanden if not (OUT / f).exists() or (OUT / f).read_bytes() != xml]
        for naam, tekst in (("manifest.json", manifest_tekst(bestanden)),
                            ("gesprekken.json", gesprekken_tekst(bestanden))):
            if not (OUT / naam).exists() or (OUT / naam).read_text(encoding="utf-8") != tekst:
                verschil.append(naam)
        if DOC.read_text(encoding="utf-8") != pagina:
            verschil.append(str(DOC.relative_to(ROOT)))
        print("actueel" if not verschil else f"niet actueel: {', '.join(verschil)}")
        return 1 if verschil else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for oud in OUT.glob("*.xml"):
        oud.unlink()
    for file, xml, _ in bestanden:
        (OUT / file).write_bytes(xml)
    (OUT / "manifest.json").write_text(manifest_tekst(bestanden), encoding="utf-8")
    (OUT / "gesprekken.json").write_text(gesprekken_tekst(bestanden), encoding="utf-8")
    DOC.write_text(pagina, encoding="utf-8")
    print(f"{len(bestanden)} bestanden in {OUT}, {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
