"""Unit tests of the 323/325 single-message rules (ketenproef/rules/declaratie.py) and of their examples in
corpus/voorbeelden/declaratie."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from ketenproef import corpus, factory
from ketenproef.basis import BSN, basis, prestatie
from ketenproef.bericht import Bericht
from ketenproef.clock import FrozenClock
from ketenproef.rules import declaratie
from ketenproef.rules.registry import covered, get
from ketenproef.validate import validate
from tests.unit.rules import CLOCK, ids, judge, of

VOORBEELDEN = Path(__file__).resolve().parents[3] / "corpus" / "voorbeelden" / "declaratie"
RULES = ["TR137", "TR315", "TR316", "TR319", "TR335", "TR342", "TR358", "TR416", "CD060", "CD087", "CS100", "CS325",
         "CS337", "CS339", "CS340"]
BSN2 = "999990019"
BEIDE_323 = pytest.mark.parametrize("name", ["WMO323", "JW323"])
BEIDE_325 = pytest.mark.parametrize("name", ["WMO325", "JW325"])


# ---------------------------------------------------------------- helpers

def std(name: str) -> str:
    return "iWmo" if name.startswith("WMO") else "iJw"


def lines(data: dict, client: int = 0) -> list[dict]:
    return data["Declaratie"]["Clienten"][client]["Prestaties"]


def zet(regel: dict, **velden) -> dict:
    """Change a Prestatie; Begindatum/Einddatum go into ProductPeriode; None removes a field."""
    for key in ("Begindatum", "Einddatum"):
        if key in velden:
            regel["ProductPeriode"] = dict(regel["ProductPeriode"], **{key: velden.pop(key)})
    for key, value in velden.items():
        if value is None:
            regel.pop(key, None)
        else:
            regel[key] = value
    return regel


def extra(data: dict, referentie: str, client: int = 0, vorig: str | None = None, dc: str = "D",
          bedrag: int = 20000, **velden) -> dict:
    """Append a copy of the first Prestatie with a new reference, amount and changes."""
    regel = zet(copy.deepcopy(lines(data)[0]), **velden)
    regel["ProductReferentie"] = {"ReferentieNummer": referentie, **({"VorigReferentieNummer": vorig} if vorig else {})}
    regel["IngediendBedrag"] = {"Bedrag": bedrag, "DebetCredit": dc}
    lines(data, client).append(regel)
    return regel


def herbereken(data: dict) -> dict:
    saldo = sum(p["IngediendBedrag"]["Bedrag"] * (-1 if p["IngediendBedrag"]["DebetCredit"] == "C" else 1)
                for client in data["Declaratie"]["Clienten"] for p in client["Prestaties"])
    data["Declaratie"]["TotaalIngediendBedrag"] = {"TotaalBedrag": abs(saldo), "DebetCredit": "C" if saldo < 0 else "D"}
    return data


def change(*steps: Callable[[dict], object], totaal: bool = True) -> Callable[[dict], None]:
    def apply(data: dict) -> None:
        for step in steps:
            step(data)
        if totaal:
            herbereken(data)
    return apply


def periode(begin: str, einde: str, i: int = 0) -> Callable[[dict], None]:
    return change(lambda d: zet(lines(d)[i], Begindatum=begin, Einddatum=einde))


def decl_periode(begin: str, einde: str) -> Callable[[dict], object]:
    return lambda d: d["Declaratie"].update(DeclaratiePeriode={"Begindatum": begin, "Einddatum": einde})


def totaal(waarde: int, dc: str = "D") -> dict:
    return {"TotaalBedrag": waarde, "DebetCredit": dc}


def teruggestuurd(name: str, referentie: str = "PREST0001", bedrag: int = 20000, dc: str = "D",
                  vorig: str | None = None, **velden) -> dict:
    regel = zet(prestatie(std(name), referentie, bedrag), **velden)
    regel["IngediendBedrag"]["DebetCredit"] = dc
    if vorig:
        regel["ProductReferentie"]["VorigReferentieNummer"] = vorig
    regel["RetourCodes"] = {"RetourCode": ["9338"]}
    return regel


def antwoord(ingediend: dict, toegekend: dict, terug: list[dict] = (), codes=("0200",)) -> Callable[[dict], None]:
    def apply(data: dict) -> None:
        da = data["DeclaratieAntwoord"]
        da.update(TotaalIngediendBedrag=ingediend, TotaalToegekendBedrag=toegekend,
                  RetourCodes={"RetourCode": list(codes)})
        if terug:
            da["Clienten"] = [{"Bsn": BSN, "Prestaties": list(terug), "RetourCodes": {"RetourCode": ["0200"]}}]
    return apply


def finding(report, rule: str, retourcode: str = "0001", klasse: str = "Prestatie", end: str | None = None):
    found = of(report, rule)
    assert found, report.as_dict()
    assert {(f.retourcode, f.klasse) for f in found} == {(retourcode, klasse)}
    if end is not None:
        assert all(f.path.endswith(end) for f in found), [f.path for f in found]
    return found


# ---------------------------------------------------------------- registration

@pytest.mark.parametrize("rule_id", RULES)
def test_registered_as_in_the_register(rule_id):
    entry, rule = corpus.rule_register()[rule_id], get(rule_id)
    assert (set(rule.berichten), rule.retourcode, set(rule.standaarden), rule.scope) == (
        set(entry["berichten"]), entry["retourcode"], set(entry["standaarden"]), "single")


def test_bedrijfsregels_covered():
    assert covered()["OP280"][0] == ("CS340", "TR319")
    assert covered()["OP367"][0] == ("CS337",)


@pytest.mark.parametrize("name", ["WMO323", "JW323", "WMO325", "JW325"])
def test_basis_is_valid(name):
    assert ids(judge(name)) == set()


# ---------------------------------------------------------------- periods

@BEIDE_323
def test_tr137_productperiode(name):
    report = judge(name, periode("2025-12-20", "2025-12-10"))
    assert ids(report) == {"TR137"}
    assert "voor de Begindatum" in finding(report, "TR137", end="ProductPeriode/Einddatum")[0].text
    assert ids(judge(name, periode("2025-12-10", "2025-12-10"))) == set()


@BEIDE_323
def test_tr137_na_dagtekening(name):
    def dagtekening(datum):
        return lambda d: d["Header"]["BerichtIdentificatie"].update(Dagtekening=datum)
    report = judge(name, change(dagtekening("2025-12-30")))
    assert ids(report) == {"TR137"}
    assert {f.klasse for f in report.findings} == {"Declaratie", "Prestatie"}
    assert ids(judge(name, change(dagtekening("2025-12-31")))) == set()


@BEIDE_325
def test_tr137_325(name):
    fout = antwoord(totaal(20000), totaal(0), [teruggestuurd(name, Begindatum="2025-12-20", Einddatum="2025-12-10")])
    assert ids(report := judge(name, fout)) == {"TR137"}
    finding(report, "TR137", end="ProductPeriode/Einddatum")
    assert ids(judge(name, antwoord(totaal(20000), totaal(0), [teruggestuurd(name)]))) == set()


@BEIDE_323
def test_tr319_later_dan_declaratieperiode(name):
    report = judge(name, periode("2026-01-01", "2026-01-10"))
    assert ids(report) == {"TR319"}
    assert finding(report, "TR319", "9319", "Prestatie")[0].path.endswith("/Prestatie")
    assert ids(judge(name, periode("2025-11-01", "2025-11-30"))) == set()  # an earlier period is allowed


def test_tr319_begin_na_einde_declaratieperiode():
    report = judge("WMO323", change(decl_periode("2025-11-01", "2025-11-30")))
    assert ids(report) == {"TR319"}  # the Prestatie (December) starts after the DeclaratiePeriode (November)


@BEIDE_323
def test_tr335_grens_van_60_maanden(name):
    report = judge(name, periode("2021-01-01", "2021-01-11"))
    assert ids(report) == {"TR335"}
    assert "2021-01-12" in finding(report, "TR335", end="ProductPeriode/Einddatum")[0].text
    assert ids(judge(name, periode("2021-01-01", "2021-01-12"))) == set()


def test_tr335_maandeinde():
    assert declaratie._vijf_jaar_eerder(dt.date(2024, 2, 29)) == dt.date(2019, 2, 28)
    assert declaratie._vijf_jaar_eerder(dt.date(2026, 1, 12)) == dt.date(2021, 1, 12)


@BEIDE_323
def test_cs100(name):
    voor_2021 = change(decl_periode("2020-12-01", "2020-12-31"),
                       lambda d: d["Declaratie"].update(DeclaratieDagtekening="2021-01-05"),
                       lambda d: zet(lines(d)[0], Begindatum="2020-12-01", Einddatum="2020-12-31"))
    report = judge(name, voor_2021)
    assert ids(report) == {"CS100"}
    assert {(f.klasse, f.path.rsplit("/", 2)[-2]) for f in report.findings} == {
        ("Declaratie", "DeclaratiePeriode"), ("Prestatie", "ProductPeriode")}
    januari_2021 = change(decl_periode("2021-01-01", "2021-01-31"),
                          lambda d: zet(lines(d)[0], Begindatum="2021-01-01", Einddatum="2021-01-31"))
    assert ids(judge(name, januari_2021)) == set()


@BEIDE_323
def test_cs337(name):
    report = judge(name, periode("2025-11-15", "2025-12-05"))
    assert ids(report) == {"CS337"}
    finding(report, "CS337", end="ProductPeriode/Einddatum")
    assert ids(judge(name, periode("2024-12-01", "2025-12-31"))) == {"CS337"}  # same month, other year
    assert ids(judge(name, periode("2025-12-15", "2025-12-20"))) == set()


@pytest.mark.parametrize("begin,einde", [("2025-12-02", "2025-12-31"), ("2025-11-01", "2025-12-31"),
                                         ("2025-12-01", "2026-01-01")])
def test_cs340_geen_hele_kalendermaand(begin, einde):
    report = judge("JW323", change(decl_periode(begin, einde),
                                   lambda d: d["Header"]["BerichtIdentificatie"].update(Dagtekening="2026-01-12")))
    assert "CS340" in ids(report) and ids(report) <= {"CS340", "TR137"}
    finding(report, "CS340", klasse="Declaratie", end="/DeclaratiePeriode")


@pytest.mark.parametrize("begin,einde", [("2024-02-01", "2024-02-29"), ("2025-11-01", "2025-11-30")])
def test_cs340_hele_kalendermaand(begin, einde):
    ok = change(decl_periode(begin, einde), lambda d: zet(lines(d)[0], Begindatum=begin, Einddatum=einde))
    assert ids(judge("WMO323", ok)) == set()
    assert ids(judge("WMO323", change(decl_periode("2023-02-01", "2023-02-29")))) == {"XSD"}  # no such date


# ---------------------------------------------------------------- references

@BEIDE_323
def test_tr315(name):
    report = judge(name, change(lambda d: extra(d, "PREST0002", vorig="OUD0001", dc="C"),
                                lambda d: extra(d, "PREST0003", vorig="OUD0001", dc="C")))
    assert ids(report) == {"TR315"}
    assert len(finding(report, "TR315", end="VorigReferentieNummer")) == 1
    assert ids(judge(name, change(lambda d: extra(d, "PREST0002", vorig="OUD0001", dc="C"),
                                  lambda d: extra(d, "PREST0003", vorig="OUD0002", dc="C")))) == set()


def test_tr315_over_clienten():
    def twee(d):
        d["Declaratie"]["Clienten"].append({"Bsn": BSN2, "Prestaties": []})
        extra(d, "PREST0002", vorig="OUD0001", dc="C")
        extra(d, "PREST0003", client=1, vorig="OUD0001", dc="C")
    assert ids(judge("JW323", change(twee))) == {"TR315"}


@BEIDE_323
def test_tr316(name):
    report = judge(name, change(lambda d: extra(d, "PREST0002", vorig="PREST0001", dc="C")))
    assert ids(report) == {"TR316"}
    finding(report, "TR316", end="VorigReferentieNummer")
    eigen = judge(name, change(lambda d: extra(d, "PREST0002", vorig="PREST0002", dc="C")))
    assert ids(eigen) == {"TR316"}
    later = judge(name, change(lambda d: lines(d).insert(0, extra(d, "PREST0000", vorig="PREST0001", dc="C"))))
    assert "TR316" in ids(later)


@BEIDE_323
def test_cd060_323(name):
    credit_zonder = judge(name, change(lambda d: extra(d, "PREST0002", dc="C", bedrag=5000)))
    assert ids(credit_zonder) == {"CD060"}
    finding(credit_zonder, "CD060", end="/ProductReferentie")
    debet_met = judge(name, change(lambda d: extra(d, "PREST0002", vorig="OUD0001", dc="D", Begindatum="2025-11-01",
                                                   Einddatum="2025-11-30")))
    assert ids(debet_met) == {"CD060"}
    finding(debet_met, "CD060", end="/VorigReferentieNummer")


@BEIDE_325
def test_cd060_325(name):
    fout = judge(name, antwoord(totaal(20000), totaal(0), [teruggestuurd(name, vorig="OUD0001")]))
    assert ids(fout) == {"CD060"}
    credit = judge(name, antwoord(totaal(20000), totaal(20000), [teruggestuurd(name, bedrag=1, dc="C")]))
    assert ids(credit) == {"CD060", "TR342"}
    goed = antwoord(totaal(20000), totaal(20001), [teruggestuurd(name, bedrag=1, dc="C", vorig="OUD0001")])
    assert ids(judge(name, goed)) == set()


@BEIDE_323
def test_tr416_zelfde_client(name):
    report = judge(name, change(lambda d: extra(d, "PREST0002")))
    assert ids(report) == {"TR416"}
    assert "PREST0001" in finding(report, "TR416")[0].text
    assert finding(report, "TR416")[0].path.endswith("/Prestatie[2]")


@BEIDE_323
def test_tr416_toegestaan(name):
    # debet and credit with the same combination; another period; another client
    assert ids(judge(name, change(lambda d: extra(d, "PREST0002", vorig="OUD0001", dc="C")))) == set()
    assert ids(judge(name, change(lambda d: extra(d, "PREST0002", Begindatum="2025-11-01",
                                                  Einddatum="2025-11-30")))) == set()

    def tweede_client(d):
        d["Declaratie"]["Clienten"].append({"Bsn": BSN2, "Prestaties": []})
        extra(d, "PREST0002", client=1)
    assert ids(judge(name, change(tweede_client))) == set()


def test_tr416_toewijzingnummer_als_getal():
    report = judge("WMO323", change(lambda d: extra(d, "PREST0002", ToewijzingNummer="0586955")))
    assert ids(report) == {"TR416"}


# ---------------------------------------------------------------- amounts and units

@BEIDE_323
def test_tr358(name):
    report = judge(name, lambda d: d["Declaratie"].update(TotaalIngediendBedrag=totaal(30000)))
    assert ids(report) == {"TR358"}
    finding(report, "TR358", klasse="Declaratie", end="/TotaalIngediendBedrag")
    assert ids(judge(name, lambda d: d["Declaratie"].update(TotaalIngediendBedrag=totaal(20000, "C")))) == {"TR358"}


@BEIDE_323
def test_tr358_credit_saldo(name):
    negatief = change(lambda d: extra(d, "PREST0002", vorig="OUD0001", dc="C", bedrag=50000), totaal=False)
    report = judge(name, change(negatief, lambda d: d["Declaratie"].update(TotaalIngediendBedrag=totaal(30000)),
                                totaal=False))
    assert ids(report) == {"TR358"}
    assert ids(judge(name, change(negatief, lambda d: d["Declaratie"].update(
        TotaalIngediendBedrag=totaal(30000, "C")), totaal=False))) == set()


@BEIDE_325
def test_tr342_som(name):
    report = judge(name, antwoord(totaal(30000), totaal(20000), [teruggestuurd(name, bedrag=5000)]))
    assert ids(report) == {"TR342"}
    finding(report, "TR342", klasse="DeclaratieAntwoord", end="/TotaalToegekendBedrag")
    terug = [teruggestuurd(name, "PREST0002", 8000), teruggestuurd(name, "PREST0003", 3000, "C", vorig="OUD0001")]
    assert ids(judge(name, antwoord(totaal(25000), totaal(20000), terug))) == set()
    assert ids(judge(name, antwoord(totaal(25000), totaal(20000), terug, codes=("8001",)))) == set()


@BEIDE_325
def test_tr342_credit_totalen(name):
    terug = [teruggestuurd(name, bedrag=1000)]
    assert ids(judge(name, antwoord(totaal(5000, "C"), totaal(6000, "C"), terug))) == set()
    assert ids(judge(name, antwoord(totaal(5000, "C"), totaal(4000, "C"), terug))) == {"TR342"}


@BEIDE_325
def test_tr342_afgekeurd_declaratieantwoord(name):
    report = judge(name, antwoord(totaal(20000), totaal(20000), codes=("9333",)))
    assert ids(report) == {"TR342"}
    finding(report, "TR342", klasse="DeclaratieAntwoord")
    assert ids(judge(name, antwoord(totaal(20000), totaal(0), codes=("9333",)))) == set()
    # no prestaties are assessed: the sum check does not apply
    assert ids(judge(name, antwoord(totaal(20000), totaal(0), [teruggestuurd(name, bedrag=7)], ("0200", "9333")))) \
        == set()


def test_tr342_zonder_declaratieantwoord():
    def alleen_header(d):
        del d["DeclaratieAntwoord"]
        d["Header"]["RetourCodes"] = {"RetourCode": ["0001"]}
    assert ids(judge("JW325", alleen_header)) == set()


@BEIDE_323
def test_cs325_323(name):
    report = judge(name, change(lambda d: extra(d, "PREST0002", vorig="OUD0001", dc="C", bedrag=0)))
    assert ids(report) == {"CS325"}
    finding(report, "CS325", end="IngediendBedrag/DebetCredit")
    nul = change(lambda d: zet(lines(d)[0], IngediendBedrag={"Bedrag": 0, "DebetCredit": "D"}, ProductTarief=0),
                 totaal=False)
    report = judge(name, change(nul, lambda d: d["Declaratie"].update(TotaalIngediendBedrag=totaal(0, "C")),
                                totaal=False))
    assert ids(report) == {"CS325"}
    finding(report, "CS325", klasse="Declaratie", end="TotaalIngediendBedrag/DebetCredit")
    assert ids(judge(name, change(nul))) == set()


@BEIDE_325
def test_cs325_325(name):
    assert ids(judge(name, antwoord(totaal(20000), totaal(0, "C"), codes=("9333",)))) == {"CS325"}
    assert ids(judge(name, antwoord(totaal(0, "C"), totaal(0), codes=("9333",)))) == {"CS325"}
    nul = teruggestuurd(name, bedrag=0, dc="C", vorig="OUD0001")
    report = judge(name, antwoord(totaal(20000), totaal(20000), [nul]))
    assert ids(report) == {"CS325"}
    finding(report, "CS325", end="IngediendBedrag/DebetCredit")


@BEIDE_323
def test_cd087(name):
    zonder = judge(name, change(lambda d: zet(lines(d)[0], ProductTarief=None)))
    assert ids(zonder) == {"CD087"}
    finding(zonder, "CD087", end="/Eenheid")
    met = judge(name, change(lambda d: zet(lines(d)[0], Eenheid="83", ProductTarief=1, GeleverdVolume=20000)))
    assert ids(met) == {"CD087"}
    finding(met, "CD087", end="/ProductTarief")


@BEIDE_323
def test_cs339(name):
    euro = {"Eenheid": "83", "ProductTarief": None}
    report = judge(name, change(lambda d: zet(lines(d)[0], GeleverdVolume=19999, **euro)))
    assert ids(report) == {"CS339"}
    finding(report, "CS339", end="IngediendBedrag/Bedrag")
    assert ids(judge(name, change(lambda d: zet(lines(d)[0], GeleverdVolume=20000, **euro)))) == set()
    assert ids(judge(name, change(lambda d: zet(lines(d)[0], GeleverdVolume="020000", **euro)))) == set()


# ---------------------------------------------------------------- the extraction

def _bericht(name: str, data: dict, comments: bool = False) -> Bericht:
    root = factory.build(name, data)
    if comments:  # a comment in every container the reading counts, in leaves (first, last) and a PI
        for el in root.iter("{*}Prestaties", "{*}Prestatie", "{*}ProductReferentie", "{*}Eenheid"):
            el.append(etree.Comment(" opmerking "))
        for el in root.iter("{*}Bedrag", "{*}VorigReferentieNummer"):
            el.insert(0, etree.ProcessingInstruction("pi", "x"))
    return Bericht(name, root, CLOCK)


def _rijk(name: str = "JW323") -> dict:
    data = basis(name)
    data["Declaratie"]["Clienten"].append({"Bsn": BSN2, "Prestaties": []})
    extra(data, "PREST0002", vorig="OUD0001", dc="C", bedrag=300)
    extra(data, "PREST0003", client=1, Eenheid="83", ProductTarief=None, GeleverdVolume=700, bedrag=700)
    extra(data, "PREST0004", client=1, Begindatum="2025-11-01", Einddatum="2025-11-30")
    return herbereken(data)


@pytest.mark.parametrize("comments", [False, True], ids=["zonder", "met_commentaar"])
def test_prestaties_lezen(comments):
    b = _bericht("JW323", _rijk(), comments)
    p = declaratie.prestaties(b)
    assert declaratie.prestaties(b) is p  # read once per message
    assert p.rn == ("PREST0001", "PREST0002", "PREST0003", "PREST0004")
    assert p.vorig == {1: "OUD0001"}
    assert p.tarief == (True, True, False, True)
    assert p.client == (0, 0, 1, 1)
    assert p.bedrag == (20000, 300, 700, 20000) and p.dc == ("D", "C", "D", "D")
    assert p.eenheid == ("04", "04", "83", "04") and p.volume == ("4", "4", "700", "4")
    assert p.perioden == {("2025-12-01", "2025-12-31"), ("2025-11-01", "2025-11-30")}
    # elements come from the message itself, also when a copy without comments was read
    assert p.element(3).getroottree().getroot() is b.root
    assert p.element(3, "ProductReferentie/ReferentieNummer").text == "PREST0004"


def test_commentaar_verandert_het_oordeel_niet():
    data = basis("WMO323")
    zet(lines(data)[0], ProductTarief=None)  # CD087; a comment in the Prestatie must not pass for a ProductTarief
    extra(data, "PREST0002")  # TR416
    herbereken(data)
    root = factory.build("WMO323", data)
    for el in root.iter("{*}Prestatie"):
        el.insert(7, etree.Comment(" geen tarief "))
    assert ids(validate(factory.serialise(root), clock=CLOCK)) == {"CD087", "TR416"}


def test_datum_met_witruimte():
    data = basis("WMO323")
    root = factory.build("WMO323", data)
    next(root.iter("{*}ProductPeriode"))[1].text = " 2025-12-31 "
    b = Bericht("WMO323", root, CLOCK)
    assert declaratie.prestaties(b).eind == ("2025-12-31",)
    assert list(declaratie.CS337(b)) == [] and list(declaratie.TR137(b)) == []


def test_325_zonder_clienten():
    b = Bericht("JW325", factory.build("JW325", basis("JW325")), CLOCK)
    assert declaratie.prestaties(b).n == 0


# ---------------------------------------------------------------- the examples of this group

def _manifest() -> list[dict]:
    path = VOORBEELDEN / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def test_manifest_covers_every_rule():
    fails = {e["file"].split("_", 1)[0] for e in _manifest() if not e["valid"]}
    assert fails == set(RULES)


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: e["file"])
def test_voorbeeld(entry):
    data = (VOORBEELDEN / entry["file"]).read_bytes()
    report = validate(data, clock=FrozenClock(dt.date.fromisoformat(entry["datum"])))
    assert report.message == entry["message"]
    assert ids(report) == set(entry["rules"])
    assert report.valid == entry["valid"]
