"""Chain rules of the declaratie (323) and declaratie-antwoord (325): ketenproef/rules/keten_declaratie_*.py on the
ledger part ketenproef/keten/declaraties.py.

Every scenario is built as the mock server does it: a 301 is applied to the Keten, every 323 is judged with the
Keten, applied with its rejected classes, and answered with the 325 that ``retour_for`` builds (also applied).
Rules of the gemeente are judged on the gemeente's Keten; rules on a 325 on the aanbieder's Keten.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import time
from pathlib import Path

import pytest

from ketenproef import factory
from ketenproef.basis import AGB, BSN, GEMEENTE, basis
from ketenproef.bericht import readable_path
from ketenproef.calculations import ingediend_bedrag_minuten, minuuttarief
from ketenproef.clock import FrozenClock
from ketenproef.findings import ADVIES, BERICHT, KETEN
from ketenproef.keten import Keten, KetenConfig
from ketenproef.keten.declaraties import AFGEWEZEN, GOEDGEKEURD, INGEDIEND, VERVALLEN, Part, paden, prestaties
from ketenproef.keten.toewijzingen import Toewijzing
from ketenproef.retour import retour_for
from ketenproef.rules import (
    keten_declaratie_antwoord,
    keten_declaratie_bedrag,
    keten_declaratie_credit,
    keten_declaratie_nummers,
    keten_declaratie_toewijzing,
    keten_declaratie_volume,
)
from ketenproef.rules.registry import covered, get
from ketenproef.validate import run_chain, validate
from tests.unit import keten as gedeeld
from tests.unit.keten import NUMMER, UUR, credit, maand

CLOCK = FrozenClock(dt.date(2026, 2, 16))
REGISTER = Path(__file__).resolve().parents[3] / "corpus" / "regels" / "register.json"
BSN2 = "999990032"
RULES = ["TR307", "TR308", "TR314", "TR318", "TR321", "TR322", "TR323", "TR333", "TR337", "TR338", "TR339", "TR340",
         "TR341", "TR346", "TR366", "TR367", "TR369", "TR371", "TR376", "TR384", "TR387", "TR388", "TR389", "TR390",
         "TR418", "IV087", "IV091", "OP304"]
MODULES = {m.__name__ for m in (keten_declaratie_toewijzing, keten_declaratie_volume, keten_declaratie_bedrag,
                                 keten_declaratie_nummers, keten_declaratie_credit, keten_declaratie_antwoord)}
_ids = itertools.count(1)


# ---------------------------------------------------------------- building the chain

def nieuw_id(prefix: str) -> str:
    return f"{prefix}{next(_ids):05d}"


def toewijzing(keten: Keten, *, std: str = "WMO", nummer: int = NUMMER, bsn: str = BSN, **velden) -> None:
    """Apply a 301 with one ToegewezenProduct (default 02A16, 4 uur per week, 2025-09-01 t/m 2026-06-30)."""
    data = basis(f"{std}301", nieuw_id("T"))
    data["Client"]["Bsn"] = bsn
    product = data["Client"]["ToegewezenProducten"][0]
    product.update(ToewijzingNummer=nummer, Toewijzingsdatum="2025-09-01", Ingangsdatum="2025-09-01",
                   Einddatum="2026-06-30")
    for key, value in velden.items():
        product.pop(key) if value is None else product.__setitem__(key, value)
    report = validate(factory.to_bytes(f"{std}301", data), clock=CLOCK)
    assert report.bericht is not None, report.findings
    keten.apply(report.bericht)


def prestatie(ref: str, *, std: str = "WMO", **velden) -> dict:
    """A debet Prestatie on toewijzing NUMMER over a whole month (``tests.unit.keten.prestatie``)."""
    return gedeeld.prestatie(std, ref, **velden)


def declaratie(*prestaties: dict, std: str = "WMO", nummer: str | None = None, **velden) -> tuple[str, dict]:
    """A 323 (name, data) with a fresh identificatie and DeclaratieNummer (``tests.unit.keten.declaratie``)."""
    identificatie = nieuw_id("D")
    data = gedeeld.declaratie(std, *prestaties, nummer=nummer or nieuw_id("DN"), identificatie=identificatie,
                              **velden)
    return f"{std}323", data


def afgekeurd(report) -> set[str]:
    """Readable paths of the rejected berichtklassen (what the mock server passes to ``Keten.apply``)."""
    b = report.bericht
    if report.at_level(BERICHT):
        return {"/Bericht/Header"}
    return {readable_path(b.klasse_element(f.element)) for f in report.at_level(KETEN) if f.retourcode}


def beoordeel(keten: Keten, name: str, data: dict):
    return validate(factory.to_bytes(name, data), clock=CLOCK, keten=keten)


def antwoord(report) -> tuple[str, dict]:
    """The 325 (name, plain data) the gemeente sends for a judged 323."""
    name = report.bericht.name.replace("323", "325")
    return name, factory.to_data(retour_for(report, clock=CLOCK, identificatie=nieuw_id("A")), name)


def verwerk(keten: Keten, report, *, aanbieder: Keten | None = None) -> tuple[str, dict]:
    """Apply a judged 323 and its 325 to the gemeente's Keten (and the 323 to the aanbieder's); return the 325."""
    name, data = antwoord(report)
    keten.apply(report.bericht, afgekeurd(report))
    keten.apply(validate(factory.to_bytes(name, data), clock=CLOCK).bericht)
    if aanbieder is not None:
        aanbieder.apply(report.bericht)
    return name, data


def dien_in(keten: Keten, *prestaties: dict, **kwargs):
    """Judge a 323 on the Keten, apply it and its 325; return the report."""
    report = beoordeel(keten, *declaratie(*prestaties, **kwargs))
    verwerk(keten, report)
    return report


# ---------------------------------------------------------------- assertions

def ids(report) -> set[str]:
    return {f.rule for f in report.findings}


def enige(report, rule: str):
    found = [f for f in report.findings if f.rule == rule]
    assert len(found) == 1, report.findings
    return found[0]


def prestatie_codes(data_325: dict) -> dict[str, list[str]]:
    return {p["ProductReferentie"]["ReferentieNummer"]: p["RetourCodes"]["RetourCode"]
            for c in data_325["DeclaratieAntwoord"].get("Clienten", []) for p in c["Prestaties"]}


def toegekend(data_325: dict) -> int:
    t = data_325["DeclaratieAntwoord"]["TotaalToegekendBedrag"]
    return int(t["TotaalBedrag"]) * (-1 if t["DebetCredit"] == "C" else 1)


def afgewezen(report, rule: str, code: str, ref: str, toegekend_bedrag: int) -> None:
    """Exactly ``rule`` on Prestatie ``ref``; the 325 returns only that Prestatie with ``code``."""
    assert ids(report) == {rule}, [f.text for f in report.findings]
    f = enige(report, rule)
    assert (f.retourcode, f.klasse, f.level) == (code, "Prestatie", KETEN)
    _, data = antwoord(report)
    assert prestatie_codes(data) == {ref: [code]}
    assert data["DeclaratieAntwoord"]["Clienten"][0]["RetourCodes"]["RetourCode"] == ["0200"]
    assert toegekend(data) == toegekend_bedrag


def goed(report) -> None:
    assert ids(report) == set(), [f.text for f in report.findings]
    _, data = antwoord(report)
    assert data["DeclaratieAntwoord"]["RetourCodes"]["RetourCode"] == ["8001"]


@pytest.fixture
def keten() -> Keten:
    k = Keten()
    toewijzing(k)
    return k


OK = prestatie("OK0001", m=11)  # a correct prestatie of November 2025 (20000 cents) besides the one under test


# ---------------------------------------------------------------- register and coverage

def test_register_equals_decorators():
    register = {e["id"]: e for e in json.loads(REGISTER.read_text(encoding="utf-8"))}
    for rule_id in RULES:
        rule, entry = get(rule_id), register[rule_id]
        assert sorted(rule.berichten) == sorted(entry["berichten"]), rule_id
        assert rule.retourcode == entry["retourcode"], rule_id
        assert tuple(rule.standaarden) == tuple(entry["standaarden"]), rule_id
        assert rule.scope == entry["scope"] and entry["scope"] in ("chain", "external"), rule_id
        assert rule.func.__module__ in MODULES, rule_id


def test_bedrijfsregels_gedekt():
    gedekt = covered()
    for op in ("OP267", "OP276", "OP279", "OP283", "OP284", "OP302", "OP303", "OP349", "OP355", "OP360", "OP365",
               "OP366", "OP368", "IV077", "IV081", "IV084", "IV085", "IV089", "IV090"):
        door, _ = gedekt[op]
        assert door, op


# ---------------------------------------------------------------- the prestatie and its toewijzing

def test_goede_declaratie_wordt_volledig_toegekend(keten):
    report = dien_in(keten, OK, prestatie("P1"))
    goed(report)
    adm = keten.part(Part).administratie(GEMEENTE, AGB, "iWmo")
    assert {r: adm.boeking(r).status for r in ("OK0001", "P1")} == {"OK0001": GOEDGEKEURD, "P1": GOEDGEKEURD}


@pytest.mark.parametrize("std", ["WMO", "JW"])
def test_TR338_geen_toewijzing(std):
    k = Keten()
    toewijzing(k, std=std)
    ok = prestatie("OK0001", std=std, m=11)
    report = beoordeel(k, *declaratie(ok, prestatie("P1", std=std, ToewijzingNummer=999999), std=std))
    afgewezen(report, "TR338", "9338", "P1", 20000)
    toewijzing(k, std=std, nummer=999999)
    goed(beoordeel(k, *declaratie(ok, prestatie("P1", std=std, ToewijzingNummer=999999), std=std)))


def test_TR384_verwijderde_toewijzing(keten):
    toewijzing(keten, nummer=586956, Ingangsdatum="2025-10-06", Einddatum="2025-10-06", RedenWijziging="13")
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586956)))
    afgewezen(report, "TR384", "9384", "P1", 20000)
    toewijzing(keten, nummer=586956, Toewijzingsdatum="2025-10-02", Ingangsdatum="2025-10-06")  # a new version
    goed(beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586956))))


def test_TR339_categorie_van_aspecifieke_toewijzing(keten):
    toewijzing(keten, nummer=586957, Product={"Categorie": "02"}, Omvang=None)
    goed(beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586957, ProductCode="02A99"))))
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586957, ProductCategorie="03",
                                                        ProductCode="03A01")))
    afgewezen(report, "TR339", "9339", "P1", 20000)


@pytest.mark.parametrize("std, code", [("WMO", "02A17"), ("JW", "45A03")])
def test_TR340_code(std, code):
    k = Keten()
    toewijzing(k, std=std)
    ok = prestatie("OK0001", std=std, m=11)
    report = beoordeel(k, *declaratie(ok, prestatie("P1", std=std, ProductCode=code), std=std))
    afgewezen(report, "TR340", "9340", "P1", 20000)
    goed(beoordeel(k, *declaratie(ok, prestatie("P1", std=std), std=std)))


def test_TR341_eenheid(keten):
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", Eenheid="14")))
    afgewezen(report, "TR341", "9341", "P1", 20000)
    goed(beoordeel(keten, *declaratie(OK, prestatie("P1", Eenheid="01", volume=240, tarief=83))))


def test_TR341_zonder_omvang_contracteenheden():
    k = Keten(config=KetenConfig(tarieven={(GEMEENTE, AGB, "02A16", "04"): UUR}))
    toewijzing(k, Omvang=None)
    goed(beoordeel(k, *declaratie(OK, prestatie("P1", Eenheid="01", volume=240, tarief=83,
                                                IngediendBedrag={"Bedrag": 20000, "DebetCredit": "D"}))))
    report = beoordeel(k, *declaratie(OK, prestatie("P1", Eenheid="14", volume=1)))
    afgewezen(report, "TR341", "9341", "P1", 20000)


def test_TR304_bsn_van_de_toewijzing(keten):
    toewijzing(keten, nummer=586960, bsn=BSN2)
    ander = prestatie("P2", ToewijzingNummer=586960)
    report = beoordeel(keten, *declaratie(clienten=[(BSN, [OK, prestatie("P1")]), (BSN2, [ander])]))
    goed(report)
    report = beoordeel(keten, *declaratie(clienten=[(BSN, [OK]), (BSN2, [prestatie("P1"), ander])]))
    assert ids(report) == {"TR304"}
    f = enige(report, "TR304")
    assert (f.retourcode, f.klasse, f.path) == ("8187", "Client", "/Bericht/Declaratie/Clienten/Client[2]/Bsn")
    _, data = antwoord(report)
    (client,) = data["DeclaratieAntwoord"]["Clienten"]
    assert (client["Bsn"], client["RetourCodes"]["RetourCode"]) == (BSN2, ["8187"])
    assert prestatie_codes(data) == {"P1": ["0233"], "P2": ["0233"]}  # IV087: all prestaties of the Client
    assert toegekend(data) == 20000


# ---------------------------------------------------------------- ProductPeriode within the toewijzing

def test_TR307_begin_voor_ingangsdatum(keten):
    toewijzing(keten, nummer=586961, Ingangsdatum="2025-12-10")
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586961)))
    afgewezen(report, "TR307", "9307", "P1", 20000)  # and not TR387 for the same defect
    goed(beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586961, ProductPeriode={
        "Begindatum": "2025-12-10", "Einddatum": "2025-12-31"}))))


def test_TR308_einde_na_einddatum(keten):
    toewijzing(keten, nummer=586962, Einddatum="2025-12-20")
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586962)))
    afgewezen(report, "TR308", "9308", "P1", 20000)
    goed(beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586962, ProductPeriode={
        "Begindatum": "2025-12-01", "Einddatum": "2025-12-20"}))))


def test_TR387_begin_niet_op_de_eerste_of_ingangsdatum(keten):
    toewijzing(keten, nummer=586963, Ingangsdatum="2025-12-10")
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=586963, ProductPeriode={
        "Begindatum": "2025-12-15", "Einddatum": "2025-12-31"})))
    afgewezen(report, "TR387", "9387", "P1", 20000)
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ProductPeriode={
        "Begindatum": "2025-12-02", "Einddatum": "2025-12-31"})))
    afgewezen(report, "TR387", "9387", "P1", 20000)


def test_TR388_einde_niet_op_de_laatste_of_einddatum(keten):
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ProductPeriode={
        "Begindatum": "2025-12-01", "Einddatum": "2025-12-20"})))
    afgewezen(report, "TR388", "9388", "P1", 20000)


# ---------------------------------------------------------------- volumes (IV076-IV078), Geertje (seed 001)

@pytest.fixture
def geertje() -> Keten:
    """Seed 001 casus 2: 445566 HH 01A06 1 uur per week (06-10-2025 t/m 30-01-2026) and 445567 begeleiding 02A16
    2 uur per week (06-10-2025 t/m 30-09-2026), both inspanningsgericht."""
    k = Keten()
    toewijzing(k, nummer=445566, Product={"Categorie": "01", "Code": "01A06"}, Ingangsdatum="2025-10-06",
               Einddatum="2026-01-30", Omvang={"Volume": 1, "Eenheid": "04", "Frequentie": "2"})
    toewijzing(k, nummer=445567, Ingangsdatum="2025-10-06", Einddatum="2026-09-30",
               Omvang={"Volume": 2, "Eenheid": "04", "Frequentie": "2"})
    return k


def oktober(ref: str, nummer: int, volume: int, **velden) -> dict:
    product = {445566: ("01", "01A06"), 445567: ("02", "02A16")}[nummer]
    velden = {"ProductPeriode": {"Begindatum": "2025-10-06", "Einddatum": "2025-10-31"},
              "ProductCategorie": product[0], "ProductCode": product[1], **velden}
    return prestatie(ref, ToewijzingNummer=nummer, volume=volume, **velden)


def test_TR321_geertje_begeleiding_4_weken_van_2_uur(geertje):
    goed(beoordeel(geertje, *declaratie(oktober("972716", 445567, 8), periode=10, dagtekening="2025-11-04")))
    report = beoordeel(geertje, *declaratie(oktober("972716", 445567, 9), oktober("972717", 445566, 4),
                                            periode=10, dagtekening="2025-11-04"))
    afgewezen(report, "TR321", "9321", "972716", 4 * UUR)


def test_TR321_uren_toegewezen_minuten_gedeclareerd(geertje):
    def minuten(n):
        return oktober("972716", 445567, n, Eenheid="01", tarief=minuuttarief(UUR))
    goed(beoordeel(geertje, *declaratie(minuten(480), periode=10, dagtekening="2025-11-04")))
    report = beoordeel(geertje, *declaratie(minuten(481), oktober("972717", 445566, 4), periode=10,
                                            dagtekening="2025-11-04"))
    afgewezen(report, "TR321", "9321", "972716", 4 * UUR)


def test_TR321_huishoudelijke_hulp_6_weken(geertje):
    goed(beoordeel(geertje, *declaratie(oktober("972715", 445566, 6), periode=10, dagtekening="2025-11-04")))
    report = beoordeel(geertje, *declaratie(oktober("972715", 445566, 7), oktober("972716", 445567, 8),
                                            periode=10, dagtekening="2025-11-04"))
    afgewezen(report, "TR321", "9321", "972715", 8 * UUR)


def test_seed_prestatie_huishoudelijke_hulp_met_andere_code(geertje):
    """Seed 001 declares HH with ProductCode 01A05 on toewijzing 445566 (01A06): that is TR340."""
    report = beoordeel(geertje, *declaratie(oktober("972715", 445566, 4, ProductCode="01A05"), periode=10,
                                            dagtekening="2025-11-04"))
    assert ids(report) == {"TR340"}


@pytest.mark.parametrize("eenheid, volume, fout", [
    ("82", 3, False), ("82", 4, True),  # outputgericht: Sundays 12, 19, 26 October
    ("84", 4, False), ("84", 5, True),  # stuks inspanning: calendar weeks 41-44
])
def test_TR321_week_outputgericht_telt_zondagen(keten, eenheid, volume, fout):
    toewijzing(keten, nummer=586964, Ingangsdatum="2025-10-06", Omvang={"Volume": 1, "Eenheid": eenheid,
                                                                          "Frequentie": "2"})
    p = prestatie("P1", ToewijzingNummer=586964, Eenheid=eenheid, volume=volume, tarief=1000,
                  ProductPeriode={"Begindatum": "2025-10-06", "Einddatum": "2025-10-31"})
    report = beoordeel(keten, *declaratie(OK, p))
    if fout:
        afgewezen(report, "TR321", "9321", "P1", 20000)
    else:
        goed(report)


@pytest.mark.parametrize("frequentie, omvang, volume, fout", [
    ("1", 2, 52, False), ("1", 2, 53, True),  # per dag: 26 days from 6 December
    ("4", 15, 15, False), ("4", 15, 16, True),  # per maand: a broken month allows the whole month (IV078)
    ("6", 10, 10, False), ("6", 10, 11, True),  # totaal binnen de geldigheidsduur
])
def test_TR321_andere_frequenties(keten, frequentie, omvang, volume, fout):
    toewijzing(keten, nummer=586965, Ingangsdatum="2025-12-06",
               Omvang={"Volume": omvang, "Eenheid": "04", "Frequentie": frequentie})
    p = prestatie("P1", ToewijzingNummer=586965, volume=volume,
                  ProductPeriode={"Begindatum": "2025-12-06", "Einddatum": "2025-12-31"})
    report = beoordeel(keten, *declaratie(OK, p))
    if fout:
        afgewezen(report, "TR321", "9321", "P1", 20000)
    else:
        goed(report)


def test_TR322_geertje_huishoudelijke_hulp_17_weken(geertje):
    """445566: 17 calendar weeks (41-52 of 2025, 1-5 of 2026) x 1 uur; 6 + 6 + 6 = 18 is too much."""
    hh = {m: prestatie(f"HH{m}", ToewijzingNummer=445566, ProductCategorie="01", ProductCode="01A06", m=m, volume=6,
                       ProductPeriode=maand(m) if m > 10 else {"Begindatum": "2025-10-06", "Einddatum": "2025-10-31"})
          for m in (10, 11, 12)}
    goed(dien_in(geertje, hh[10], hh[11], periode=11))
    report = beoordeel(geertje, *declaratie(oktober("972716", 445567, 8), hh[12]))
    afgewezen(report, "TR322", "9322", "HH12", 8 * UUR)
    vijf = prestatie("HH12", ToewijzingNummer=445566, ProductCategorie="01", ProductCode="01A06", volume=5)
    goed(beoordeel(geertje, *declaratie(vijf)))
    goed(beoordeel(geertje, *declaratie(credit(hh[11], "CR11"), hh[12])))  # OP366: the credit is processed first


def test_TR322_afgewezen_prestaties_tellen_niet_mee(keten):
    toewijzing(keten, nummer=586966, Omvang={"Volume": 10, "Eenheid": "04", "Frequentie": "6"})
    p = {m: prestatie(f"T{m}", ToewijzingNummer=586966, m=m, volume=6) for m in (10, 11, 12)}
    bad = prestatie("BAD", ToewijzingNummer=586966, m=10, volume=6, ProductCode="02A17")
    assert ids(dien_in(keten, bad, periode=10)) == {"TR340"}
    goed(dien_in(keten, p[10], periode=10))
    report = beoordeel(keten, *declaratie(OK, p[11], periode=11))
    afgewezen(report, "TR322", "9322", "T11", 20000)


def test_TR369_budget(keten):
    """A generic toewijzing with only a Budget (cents), declared in Eenheid 83: GeleverdVolume is the amount."""
    toewijzing(keten, nummer=586967, Product=None, Omvang=None, Budget=50000)
    euro = {r: prestatie(r, ToewijzingNummer=586967, Eenheid="83", volume=v, tarief=None, m=m)
            for r, v, m in (("E1", 30000, 11), ("E2", 25000, 12), ("E3", 20000, 12))}
    goed(dien_in(keten, euro["E1"], periode=11))
    report = beoordeel(keten, *declaratie(OK, euro["E2"]))
    afgewezen(report, "TR369", "9369", "E2", 20000)
    goed(beoordeel(keten, *declaratie(OK, euro["E3"])))


# ---------------------------------------------------------------- amounts and tariffs (external data)

def minuten_prestatie(bedrag: int) -> dict:
    """Seed 001: toewijzing in uren, 130 minutes declared; ProductTarief = 5000 / 60 = 83 cents (IV081)."""
    return prestatie("P1", Eenheid="01", volume=130, tarief=83, IngediendBedrag={"Bedrag": bedrag, "DebetCredit": "D"})


def test_iv079_rekenvoorbeeld():
    assert (minuuttarief(5000), ingediend_bedrag_minuten(5000, 130), 130 * 83) == (83, 10833, 10790)


def test_TR346_minuten_met_contracttarief():
    k = Keten(config=KetenConfig(tarieven={(GEMEENTE, AGB, "02A16", "04"): UUR}))
    toewijzing(k)
    goed(beoordeel(k, *declaratie(OK, minuten_prestatie(10833))))
    afgewezen(beoordeel(k, *declaratie(OK, minuten_prestatie(10790))), "TR346", "9346", "P1", 20000)


def test_TR346_minuten_zonder_contracttarief(keten):
    goed(beoordeel(keten, *declaratie(OK, minuten_prestatie(10833))))  # (uurtarief x minuten) / 60
    goed(beoordeel(keten, *declaratie(OK, minuten_prestatie(10790))))  # GeleverdVolume x ProductTarief
    afgewezen(beoordeel(keten, *declaratie(OK, minuten_prestatie(10900))), "TR346", "9346", "P1", 20000)


def test_TR346_volume_maal_tarief(keten):
    p = prestatie("P1", IngediendBedrag={"Bedrag": 20001, "DebetCredit": "D"})
    afgewezen(beoordeel(keten, *declaratie(OK, p)), "TR346", "9346", "P1", 20000)


def test_TR418_contracttarief():
    k = Keten(config=KetenConfig(tarieven={(GEMEENTE, AGB, "02A16", "04"): UUR}))
    toewijzing(k)
    goed(beoordeel(k, *declaratie(OK, prestatie("P1"))))
    goed(beoordeel(k, *declaratie(OK, minuten_prestatie(10833))))  # minuten: uurtarief / 60 = 83
    report = beoordeel(k, *declaratie(OK, prestatie("P1", tarief=4500)))
    afgewezen(report, "TR418", "0611", "P1", 20000)


def test_TR418_zonder_contracttarief_niet_beoordeeld(keten):
    goed(beoordeel(keten, *declaratie(OK, prestatie("P1", tarief=4500))))
    k = Keten(config=KetenConfig(tarieven={(GEMEENTE, AGB, "02A99", "04"): UUR}))
    toewijzing(k)
    goed(beoordeel(k, *declaratie(OK, prestatie("P1", tarief=4500))))


# ---------------------------------------------------------------- numbers and periods

def test_TR314_referentienummer_uniek(keten):
    toewijzing(keten, nummer=586960, bsn=BSN2)
    dubbel = prestatie("OK0001", ToewijzingNummer=586960)  # the same number at another Client (TR101 is per Client)
    report = beoordeel(keten, *declaratie(clienten=[(BSN, [OK]), (BSN2, [dubbel])]))
    assert ids(report) == {"TR314"}
    assert enige(report, "TR314").path == "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie" \
                                          "/ProductReferentie/ReferentieNummer"
    _, data = antwoord(report)
    assert prestatie_codes(data) == {"OK0001": ["8021"]} and toegekend(data) == 20000
    dien_in(keten, prestatie("P1"))
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", m=10)))
    afgewezen(report, "TR314", "8021", "P1", 20000)


def test_TR314_na_geheel_afgekeurde_declaratie_vrij(keten):
    dien_in(keten, prestatie("P1"), nummer="DUBBEL")
    report = dien_in(keten, prestatie("P2", m=11), nummer="DUBBEL")  # TR333: the whole declaratie is rejected
    assert ids(report) == {"TR333"}
    goed(beoordeel(keten, *declaratie(OK, prestatie("P2", m=10))))  # P2 counts as not sent


def test_TR333_declaratienummer_uniek(keten):
    dien_in(keten, prestatie("P1"), nummer="2025AX6792")
    report = beoordeel(keten, *declaratie(OK, prestatie("P2", m=10), nummer="2025AX6792"))
    assert ids(report) == {"TR333"}
    f = enige(report, "TR333")
    assert (f.retourcode, f.klasse) == ("9333", "Declaratie")
    _, data = antwoord(report)
    assert data["DeclaratieAntwoord"]["RetourCodes"]["RetourCode"] == ["9333"]
    assert toegekend(data) == 0 and "Clienten" not in data["DeclaratieAntwoord"]
    goed(beoordeel(keten, *declaratie(OK, prestatie("P2", m=10), nummer="2025AX6793")))


def test_TR318_declaratieperiode_niet_voor_de_laatste(keten):
    dien_in(keten, prestatie("P1"), periode=12)
    report = beoordeel(keten, *declaratie(prestatie("P2", m=11), periode=11))
    assert ids(report) == {"TR318"}
    f = enige(report, "TR318")
    assert (f.retourcode, f.klasse) == ("8214", "Declaratie")
    _, data = antwoord(report)
    assert data["DeclaratieAntwoord"]["RetourCodes"]["RetourCode"] == ["8214"] and toegekend(data) == 0
    goed(beoordeel(keten, *declaratie(prestatie("P2", m=11), periode=12)))  # overlap with the last: correction
    goed(beoordeel(keten, *declaratie(prestatie("P2", m=1, ProductPeriode=maand(1, 2026)), periode=1, jaar=2026)))


# ---------------------------------------------------------------- crediting (IV085, IV086, IV091)

def test_TR323_credit_alleen_op_goedgekeurde_debet(keten):
    debet = prestatie("P1")
    report = beoordeel(keten, *declaratie(OK, credit(debet, "C1")))
    afgewezen(report, "TR323", "8017", "C1", 20000)  # unknown debet
    keten.apply(beoordeel(keten, *declaratie(debet)).bericht)  # submitted, no 325 yet: ingediend
    assert keten.part(Part).administratie(GEMEENTE, AGB, "iWmo").boeking("P1").status == INGEDIEND
    afgewezen(beoordeel(keten, *declaratie(OK, credit(debet, "C1"))), "TR323", "8017", "C1", 20000)


def test_TR323_afgewezen_debet_niet_crediteren(keten):
    fout = prestatie("P1", ProductCode="02A17")
    assert ids(dien_in(keten, fout)) == {"TR340"}
    afgewezen(beoordeel(keten, *declaratie(OK, credit(fout, "C1"))), "TR323", "8017", "C1", 20000)


def test_credit_op_goedgekeurde_debet(keten):
    debet = prestatie("P1")
    goed(dien_in(keten, debet))
    report = beoordeel(keten, *declaratie(OK, credit(debet, "C1")))
    goed(report)
    _, data = antwoord(report)
    assert toegekend(data) == 0  # 20000 debet - 20000 credit


def test_TR390_maar_een_keer_crediteren(keten):
    debet = prestatie("P1")
    dien_in(keten, debet)
    assert keten.part(Part).goedgekeurd(GEMEENTE, AGB, NUMMER)  # TR385 asks this (keten_toewijzing)
    goed(dien_in(keten, credit(debet, "C1")))
    assert not keten.part(Part).goedgekeurd(GEMEENTE, AGB, NUMMER)
    report = beoordeel(keten, *declaratie(OK, credit(debet, "C2")))
    assert ids(report) == {"TR390"}
    f = enige(report, "TR390")
    assert (f.retourcode, f.klasse) == ("9390", "Prestatie")
    _, data = antwoord(report)
    assert prestatie_codes(data) == {"C2": ["9390"]} and toegekend(data) == 20000


def test_TR389_nieuwe_debet_pas_na_credit(keten):
    debet = prestatie("P1")
    dien_in(keten, debet)
    correctie = prestatie("P2", volume=3)
    afgewezen(beoordeel(keten, *declaratie(OK, correctie)), "TR389", "9389", "P2", 20000)
    goed(beoordeel(keten, *declaratie(credit(debet, "C1"), correctie)))  # credit and new debet in one 323
    dien_in(keten, credit(debet, "C1"))
    goed(beoordeel(keten, *declaratie(OK, correctie)))


def test_TR389_afgewezen_debet_telt_niet(keten):
    assert ids(dien_in(keten, prestatie("P1", IngediendBedrag={"Bedrag": 1, "DebetCredit": "D"}))) == {"TR346"}
    goed(beoordeel(keten, *declaratie(OK, prestatie("P2"))))


def test_IV091_credit_wijkt_af_van_debet(keten):
    debet = prestatie("P1")
    dien_in(keten, debet)
    anders = credit(debet, "C1")
    anders["GeleverdVolume"] = 3
    anders["IngediendBedrag"]["Bedrag"] = 3 * UUR
    report = beoordeel(keten, *declaratie(OK, anders))
    assert ids(report) == {"IV091"}
    f = enige(report, "IV091")
    assert (f.retourcode, f.level, f.klasse) == (None, ADVIES, "Prestatie")
    assert antwoord(report)[1]["DeclaratieAntwoord"]["RetourCodes"]["RetourCode"] == ["8001"]  # advice only


# ---------------------------------------------------------------- 325 as the aanbieder judges it

@pytest.fixture
def partijen() -> tuple[Keten, Keten]:
    """(gemeente, aanbieder): both received/sent the same 301."""
    gemeente, aanbieder = Keten(), Keten()
    toewijzing(gemeente)
    toewijzing(aanbieder)
    return gemeente, aanbieder


def gestuurd(partijen, *prestaties, **kwargs) -> tuple[str, dict]:
    """The aanbieder sends a 323, the gemeente judges it; returns the 325 the gemeente sends."""
    gemeente, aanbieder = partijen
    report = beoordeel(gemeente, *declaratie(*prestaties, **kwargs))
    return verwerk(gemeente, report, aanbieder=aanbieder)


def test_325_correct(partijen):
    name, data = gestuurd(partijen, OK, prestatie("P1", ProductCode="02A17"))
    report = beoordeel(partijen[1], name, data)
    assert ids(report) == set(), [f.text for f in report.findings]
    partijen[1].apply(report.bericht)
    adm = partijen[1].part(Part).administratie(GEMEENTE, AGB, "iWmo")
    assert (adm.boeking("OK0001").status, adm.boeking("P1").status) == (GOEDGEKEURD, AFGEWEZEN)
    assert partijen[1].part(Part).goedgekeurd(GEMEENTE, AGB, NUMMER)


@pytest.mark.parametrize("rule, change", [
    ("TR337", lambda d: d["Header"]["DeclaratieIdentificatie"].update(Identificatie="ONBEKEND")),
    ("TR371", lambda d: d["Header"]["XsdVersieDeclaratie"].update(BerichtXsdVersie="1.0.1")),
    ("TR376", lambda d: d["DeclaratieAntwoord"].update(DeclaratieNummer="ANDERS")),
])
def test_325_advies_zonder_retourcode(partijen, rule, change):
    name, data = gestuurd(partijen, OK)
    change(data)
    report = beoordeel(partijen[1], name, data)
    assert ids(report) == {rule}
    f = enige(report, rule)
    assert (f.retourcode, f.level) == (None, ADVIES)


def test_IV087_totaal_en_een_antwoord(partijen):
    name, data = gestuurd(partijen, OK)
    goed_325 = copy.deepcopy(data)
    for totaal in ("TotaalIngediendBedrag", "TotaalToegekendBedrag"):
        data["DeclaratieAntwoord"][totaal]["TotaalBedrag"] = "19999"
    report = beoordeel(partijen[1], name, data)
    assert ids(report) == {"IV087"} and enige(report, "IV087").level == ADVIES
    partijen[1].apply(beoordeel(partijen[1], name, goed_325).bericht)
    goed_325["Header"]["BerichtIdentificatie"]["Identificatie"] = nieuw_id("A")
    report = beoordeel(partijen[1], name, goed_325)
    assert ids(report) == {"IV087"}


@pytest.mark.parametrize("rule, code, change", [
    ("TR366", "9366", lambda p: p["ProductReferentie"].update(ReferentieNummer="ONBEKEND")),
    ("TR367", "9367", lambda p: p.update(GeleverdVolume="5")),
])
def test_325_prestatie_uit_de_323(partijen, rule, code, change):
    name, data = gestuurd(partijen, OK, prestatie("P1", ProductCode="02A17"))
    change(data["DeclaratieAntwoord"]["Clienten"][0]["Prestaties"][0])
    report = beoordeel(partijen[1], name, data)
    assert ids(report) == {rule}
    f = enige(report, rule)
    assert (f.retourcode, f.klasse, f.level) == (code, "Prestatie", KETEN)


def test_TR304_325_bsn_van_de_prestatie(partijen):
    name, data = gestuurd(partijen, OK, prestatie("P1", ProductCode="02A17"))
    data["DeclaratieAntwoord"]["Clienten"][0]["Bsn"] = BSN2
    report = beoordeel(partijen[1], name, data)
    assert ids(report) == {"TR304"}
    assert (enige(report, "TR304").retourcode, enige(report, "TR304").klasse) == ("8187", "Client")


def test_OP304_afgekeurde_client_met_al_zijn_prestaties(partijen):
    gemeente, _ = partijen
    toewijzing(gemeente, nummer=586960, bsn=BSN2)
    toewijzing(partijen[1], nummer=586960, bsn=BSN2)
    name, data = gestuurd(partijen, clienten=[(BSN2, [OK, prestatie("P1")])])
    client = data["DeclaratieAntwoord"]["Clienten"][0]
    assert client["RetourCodes"]["RetourCode"] == ["8187"]
    assert ids(beoordeel(partijen[1], name, data)) == set()
    client["Prestaties"].pop()
    data["DeclaratieAntwoord"]["TotaalToegekendBedrag"]["TotaalBedrag"] = "20000"  # keep TR342 satisfied
    report = beoordeel(partijen[1], name, data)
    assert ids(report) == {"OP304"} and enige(report, "OP304").level == ADVIES


# ---------------------------------------------------------------- ledger states

def test_ledger_afgekeurde_klassen_en_geheel_afgekeurd(keten):
    adm = keten.part(Part).administratie(GEMEENTE, AGB, "iWmo")
    assert adm.declaraties == {}  # unknown party pair: an empty administration
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ProductCode="02A17")))
    keten.apply(report.bericht, afgekeurd(report))
    adm = keten.part(Part).administratie(GEMEENTE, AGB, "iWmo")
    assert (adm.boeking("OK0001").status, adm.boeking("P1").status) == (INGEDIEND, AFGEWEZEN)
    assert adm.gebruikt("P1") and not adm.op_toewijzing(NUMMER)[1:]
    name, data = declaratie(prestatie("P9"))
    report = beoordeel(keten, name, data)
    keten.apply(report.bericht, {"/Bericht/Header"})
    assert adm.declaraties[report.bericht.identificatie].vervallen and not adm.gebruikt("P9")
    assert adm.declaraties[report.bericht.identificatie].boekingen["P9"].status == VERVALLEN


def test_ledger_325_met_header_0001_vervalt(keten):
    report = beoordeel(keten, *declaratie(prestatie("P1")))
    keten.apply(report.bericht)
    name, data = antwoord(report)
    data["Header"]["RetourCodes"]["RetourCode"] = ["0001"]
    data.pop("DeclaratieAntwoord")
    keten.apply(validate(factory.to_bytes(name, data), clock=CLOCK).bericht)
    adm = keten.part(Part).administratie(GEMEENTE, AGB, "iWmo")
    assert adm.boeking("P1") is None and not adm.declaratienummers()


def test_jw_eigen_administratie():
    k = Keten()
    toewijzing(k, std="JW")
    goed(dien_in(k, prestatie("P1", std="JW"), std="JW"))
    assert k.part(Part).administratie(GEMEENTE, AGB, "iJw").gebruikt("P1")
    assert not k.part(Part).administratie(GEMEENTE, AGB, "iWmo").gebruikt("P1")
    report = beoordeel(k, *declaratie(prestatie("P1", std="JW", m=11), std="JW"))
    assert ids(report) == {"TR314"}


# ---------------------------------------------------------------- speed

def test_snelheid_ketenregels():
    """3,000 prestaties over 1,000 toewijzingen with earlier approved prestaties: the chain rules stay fast."""
    k = Keten()
    for n in range(1000):
        t = Toewijzing(GEMEENTE, AGB, BSN, 700000 + n, "02", "02A16", dt.date(2025, 10, 1), "10:00:00",
                       dt.date(2025, 10, 1), dt.date(2026, 6, 30), None, 4, "04", "2", None, None, "T")
        k.toewijzingen.versies[(GEMEENTE, AGB, t.nummer)] = [t]
    eerder = [prestatie(f"E{n}", ToewijzingNummer=700000 + n, m=10) for n in range(1000)]
    dien_in(k, *eerder, periode=10)
    nu = [prestatie(f"N{n}-{m}", ToewijzingNummer=700000 + n, m=m) for n in range(1000) for m in (10, 11, 12)]
    report = validate(factory.to_bytes(*declaratie(*nu)), clock=CLOCK)
    start = time.perf_counter()
    found = run_chain(report.bericht, k)
    duur = time.perf_counter() - start
    assert {f.rule for f in found} == {"TR389"} and len(found) == 1000
    assert duur < 5, duur


def test_paden_zoals_readable_path(keten):
    toewijzing(keten, nummer=586960, bsn=BSN2)
    name, data = declaratie(clienten=[(BSN, [OK, prestatie("P1")]), (BSN2, [prestatie("P2", ToewijzingNummer=586960)])])
    b = validate(factory.to_bytes(name, data), clock=CLOCK).bericht
    items = prestaties(b)
    assert paden(b) == [(readable_path(i.client), readable_path(i.el)) for i in items]
    assert [i.prestatie.referentie for i in items] == ["OK0001", "P1", "P2"]
    assert [i.prestatie.bsn for i in items] == [BSN, BSN, BSN2]


def test_325_op_onbekende_declaratie_verandert_niets(keten):
    report = beoordeel(keten, *declaratie(prestatie("P1")))
    name, data = antwoord(report)
    keten.apply(validate(factory.to_bytes(name, data), clock=CLOCK).bericht)  # the 323 itself was never applied
    assert keten.part(Part).administratie(GEMEENTE, AGB, "iWmo").declaraties == {}
