"""Helpers for the chain-rule tests: a chain that judges each message against the state so far and then records
it, as the mock server does (every message, in or out, is applied after it was judged)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta

from ketenproef import corpus, factory
from ketenproef.basis import BSN, basis
from ketenproef.bericht import local
from ketenproef.clock import FrozenClock
from ketenproef.findings import Report
from ketenproef.keten import Keten, KetenConfig
from ketenproef.retour import retour_for
from ketenproef.rules.registry import get
from ketenproef.validate import validate

VANDAAG = date(2026, 1, 12)
KLOK = FrozenClock(VANDAAG)
ANDERE_BSN = "999990032"  # passes the elfproef, like basis.BSN
ANDER_PRODUCT = {"iWmo": {"Categorie": "03", "Code": "03A01"}, "iJw": {"Categorie": "45", "Code": "45A05"}}
DEFINITIEF = {"iWmo": ("23", "22"), "iJw": ("34", "33")}  # two definitive RedenBeeindiging codes per standard
TIJDELIJK = "20"
UUR = 5000  # ProductTarief in cents per hour used throughout the declaratie tests
NUMMER = 586955  # the basis toewijzing
PRODUCT_323 = {"WMO": ("02", "02A16"), "JW": ("45", "45A02")}
PREFIXES = ("WMO", "JW")


def std(prefix: str) -> str:
    return "iWmo" if prefix == "WMO" else "iJw"


def found(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


class Proef:
    """A chain under test. ``stuur`` judges a message (it must be accepted) and records it; ``verwacht`` judges a
    message and asserts the exact set of rule ids, without recording it."""

    def __init__(self, config: KetenConfig | None = None, klok=KLOK):
        self.keten = Keten(config=config or KetenConfig())
        self.klok = klok
        self.teller = 0

    def bericht(self, name: str, wijzig: Callable[[dict], object] | None = None) -> dict:
        """A fresh basis message with a new BerichtIdentificatie (TR056), optionally changed by ``wijzig``."""
        self.teller += 1
        data = basis(name, identificatie=f"KP{self.teller:06d}")
        if wijzig is not None:
            wijzig(data)
        return data

    def beoordeel(self, name: str, data: dict, klok=None) -> Report:
        return validate(factory.to_bytes(name, data), clock=klok or self.klok, keten=self.keten)

    def stuur(self, name: str, wijzig: Callable[[dict], object] | None = None, data: dict | None = None) -> Report:
        data = data if data is not None else self.bericht(name, wijzig)
        report = self.beoordeel(name, data)
        assert found(report) == set(), [(f.rule, f.text) for f in report.findings]
        self.keten.apply(report.bericht)
        return report

    def verwacht(self, name: str, data: dict | Callable[[dict], object] | None, *rule_ids: str,
                 klasse: str | None = None) -> Report:
        if not isinstance(data, dict):
            data = self.bericht(name, data)
        report = self.beoordeel(name, data)
        assert found(report) == set(rule_ids), [(f.rule, f.text) for f in report.findings]
        for f in report.findings:
            assert f.retourcode == get(f.rule).retourcode
            assert f.level == ("keten" if f.retourcode else "advies"), f
            if klasse is not None:
                assert f.klasse == klasse, (f.rule, f.klasse, f.path)
        return report


def retour_codes(report: Report) -> list[tuple[str, list[str]]]:
    """(berichtklasse, RetourCodes) of every class in the retour of a judged message, in document order."""
    root = retour_for(report, clock=KLOK, identificatie="RETOUR0001")
    return [(local(rc.getparent()), [c.text for c in rc]) for rc in root.iter("{*}RetourCodes")]


def assert_retour(report: Report, klasse: str, code: str) -> None:
    """The class carries ``code``; every other class 0200 (0233 below a rejected class); a Header code means a
    retour with the Header only."""
    codes = retour_codes(report)
    assert (klasse, [code]) in codes, codes
    if klasse == "Header":
        assert codes == [("Header", [code])], codes
        return
    assert codes[0] == ("Header", ["0200"]), codes
    for naam, lijst in codes:
        if naam != klasse:
            assert set(lijst) <= {"0200", "0233"}, codes


def register_entry(rule_id: str) -> dict:
    return corpus.rule_register()[rule_id]


__all__ = ["ANDERE_BSN", "ANDER_PRODUCT", "DEFINITIEF", "KLOK", "PREFIXES", "Proef", "TIJDELIJK", "VANDAAG",
           "assert_retour", "found", "register_entry", "retour_codes", "std"]


# ---------------------------------------------------------------- 323 plain data (also used by tests/mockserver)

def maand(m: int, jaar: int = 2025) -> dict:
    """ProductPeriode / DeclaratiePeriode of calendar month ``m`` (13 = January of the next year)."""
    einde = date(jaar + m // 12, m % 12 + 1, 1) - timedelta(days=1)
    return {"Begindatum": date(jaar, m, 1).isoformat(), "Einddatum": einde.isoformat()}


def prestatie(prefix: str, ref: str, *, volume: int = 4, tarief: int | None = UUR, m: int = 12, **velden) -> dict:
    """A debet Prestatie on toewijzing NUMMER over a whole month, IngediendBedrag = volume x tarief."""
    categorie, code = PRODUCT_323[prefix]
    p = {"ProductReferentie": {"ReferentieNummer": ref}, "ToewijzingNummer": NUMMER, "ProductCategorie": categorie,
         "ProductCode": code, "ProductPeriode": maand(m), "GeleverdVolume": volume, "Eenheid": "04",
         "ProductTarief": tarief, "IngediendBedrag": {"Bedrag": volume * (tarief or 1), "DebetCredit": "D"}}
    p.update(velden)
    if tarief is None:
        p.pop("ProductTarief")
    return p


def credit(debet: dict, ref: str) -> dict:
    """The credit of a debet (IV091): equal except ReferentieNummer, VorigReferentieNummer and DebetCredit."""
    c = copy.deepcopy(debet)
    c["ProductReferentie"] = {"ReferentieNummer": ref,
                              "VorigReferentieNummer": debet["ProductReferentie"]["ReferentieNummer"]}
    c["IngediendBedrag"]["DebetCredit"] = "C"
    return c


def declaratie(prefix: str, *prestaties: dict, nummer: str = "DN0001", periode: int = 12, jaar: int = 2025,
               clienten: list[tuple[str, list[dict]]] | None = None, dagtekening: str = "2026-02-02",
               identificatie: str = "BERICHT0001") -> dict:
    """A 323 (plain data, unit-test values); TotaalIngediendBedrag is computed (TR358)."""
    data = basis(prefix + "323", identificatie)
    data["Header"]["BerichtIdentificatie"]["Dagtekening"] = dagtekening
    clienten = clienten or [(BSN, list(prestaties))]
    saldo = sum(p["IngediendBedrag"]["Bedrag"] * (-1 if p["IngediendBedrag"]["DebetCredit"] == "C" else 1)
                for _, ps in clienten for p in ps)
    data["Declaratie"].update(
        DeclaratieNummer=nummer, DeclaratiePeriode=maand(periode, jaar), DeclaratieDagtekening=dagtekening,
        TotaalIngediendBedrag={"TotaalBedrag": abs(saldo), "DebetCredit": "C" if saldo < 0 else "D"},
        Clienten=[{"Bsn": bsn, "Prestaties": ps} for bsn, ps in clienten])
    return data
