"""Unit tests of the product rules of 301/315/317 (ketenproef/rules/producten.py) and of their examples."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.bericht import Bericht
from ketenproef.clock import FrozenClock
from ketenproef.rules import producten
from ketenproef.rules.registry import covered, get
from ketenproef.validate import validate
from tests.unit.rules import CLOCK, ids, judge

VOORBEELDEN = Path(__file__).resolve().parents[3] / "corpus" / "voorbeelden" / "producten"
REGISTER = Path(__file__).resolve().parents[3] / "corpus" / "regels" / "register.json"
RULES = ["TR302", "TR386", "TR410", "CD041", "CD075", "CD076", "CD077", "CD078", "CD079", "CD080", "CD095", "CD096",
         "CS003", "CS335", "CS336", "CS338", "CS343"]


# ---------------------------------------------------------------- helpers

def lines(data: dict) -> list[dict]:
    """The product lines of the base message: ToegewezenProducten, AangevraagdeProducten or NieuweProducten."""
    client = data["Client"]
    if "ToegewezenProducten" in client:
        return client["ToegewezenProducten"]
    if "AangevraagdeProducten" in client:
        return client["AangevraagdeProducten"]
    return client["Verzoek"]["NieuweProducten"]


def set_(values: dict, i: int = 0):
    """Change fields of product line ``i`` (None removes a field)."""

    def change(data: dict) -> None:
        line = lines(data)[i]
        for key, value in values.items():
            if value is None:
                line.pop(key, None)
            else:
                line[key] = value

    return change


def add(values: dict):
    """Append a copy of the first product line with other values (None removes a field); keeps keys unique."""

    def change(data: dict) -> None:
        regels = lines(data)
        extra = dict(regels[0])
        if "ToewijzingNummer" in extra:
            extra["ToewijzingNummer"] = 586955 + len(regels)
        if "ReferentieAanbieder" in extra:
            extra["ReferentieAanbieder"] = f"VOT-000{len(regels) + 1}"
        extra.update(values)
        regels.append({k: v for k, v in extra.items() if v is not None})

    return change


def both(*changes):
    def change(data: dict) -> None:
        for c in changes:
            c(data)

    return change


def te_wijzigen(**values):
    """Replace the OngewijzigdProduct of the base 317 by a TeWijzigenProduct (None removes a field)."""

    def change(data: dict) -> None:
        verzoek = data["Client"]["Verzoek"]
        del verzoek["OngewijzigdeProducten"]
        regel = {"ToewijzingNummer": 586955, "GewensteIngangsdatum": "2026-02-01", "Einddatum": "2026-06-30",
                 "Omvang": {"Volume": 3, "Eenheid": "04", "Frequentie": "2"}}
        regel.update(values)
        verzoek["TeWijzigenProducten"] = [{k: v for k, v in regel.items() if v is not None}]

    return change


def omvang(eenheid: str = "04", frequentie: str = "2", volume: int = 4) -> dict:
    return {"Volume": volume, "Eenheid": eenheid, "Frequentie": frequentie}


WMO, JW = {"Categorie": "02", "Code": "02A16"}, {"Categorie": "45", "Code": "45A02"}
CAT = {"WMO": {"Categorie": "02"}, "JW": {"Categorie": "45"}}
OTHER_CODE = {"WMO": {"Categorie": "02", "Code": "02A17"}, "JW": {"Categorie": "45", "Code": "45A03"}}
OTHER_CAT = {"WMO": {"Categorie": "03", "Code": "03A01"}, "JW": {"Categorie": "46", "Code": "46A01"}}
HULPMIDDEL = {"Categorie": "12", "Code": "12X01"}


def std(name: str) -> str:
    return "WMO" if name.startswith("WMO") else "JW"


# ---------------------------------------------------------------- registration

def test_registration_matches_register():
    register = {r["id"]: r for r in json.loads(REGISTER.read_text(encoding="utf-8"))}
    for rule_id in RULES:
        rule, entry = get(rule_id), register[rule_id]
        assert sorted(rule.berichten) == sorted(entry["berichten"]), rule_id
        assert rule.retourcode == entry["retourcode"], rule_id
        assert sorted(rule.standaarden) == sorted(entry["standaarden"]), rule_id
        assert rule.scope == entry["scope"] == "single", rule_id


def test_bedrijfsregels_gedekt():
    gedekt = covered()
    assert gedekt["OP259"][0] == ("TR302",)
    assert gedekt["OP347"][0] == ("TR386", "TR410", "TR361")


@pytest.mark.parametrize("name", ["WMO301", "JW301", "WMO315", "JW315", "WMO317", "JW317"])
def test_basis_is_valid(name):
    assert ids(judge(name)) == set()


# ---------------------------------------------------------------- TR302 / TR386 / TR410: stapeling

STAPELING = [("WMO301", "TR302"), ("JW301", "TR302"), ("WMO315", "TR386"), ("JW315", "TR386"),
             ("WMO317", "TR410"), ("JW317", "TR410")]
KLASSE = {"301": "ToegewezenProduct", "315": "AangevraagdProduct", "317": "NieuwProduct"}
START = {"301": "Ingangsdatum", "315": "ToewijzingIngangsdatum", "317": "GewensteIngangsdatum"}
EIND = {"301": "Einddatum", "315": "ToewijzingEinddatum", "317": "Einddatum"}
# end dates of line 0 in the base messages: 301 2026-06-30, 315/317 2026-07-31
LAATSTE = {"301": "2026-06-30", "315": "2026-07-31", "317": "2026-07-31"}
DAG_NA = {"301": "2026-07-01", "315": "2026-08-01", "317": "2026-08-01"}


def period(nummer: str, start: str, eind: str | None, frequentie: str = "2") -> dict:
    values = {START[nummer]: start, EIND[nummer]: eind}
    if eind is None:
        values["Omvang"] = omvang(frequentie="4")  # an open end with per-week frequency would break CD076
    return values


@pytest.mark.parametrize("name,rule", STAPELING)
def test_stapeling_same_product_overlapping(name, rule):
    report = judge(name, add(period(name[-3:], "2026-03-01", "2026-03-31")))
    assert ids(report) == {rule}
    finding = report.findings[0]
    assert (finding.retourcode, finding.klasse) == ("0001", KLASSE[name[-3:]])
    assert finding.path.endswith("[2]")


@pytest.mark.parametrize("name,rule", STAPELING)
def test_stapeling_boundary_day_overlaps(name, rule):
    nummer = name[-3:]
    assert ids(judge(name, add(period(nummer, LAATSTE[nummer], "2026-12-31")))) == {rule}


@pytest.mark.parametrize("name,rule", STAPELING)
def test_stapeling_consecutive_periods_allowed(name, rule):
    nummer = name[-3:]
    assert ids(judge(name, add(period(nummer, DAG_NA[nummer], "2026-12-31")))) == set()
    assert ids(judge(name, add(period(nummer, DAG_NA[nummer], None)))) == set()


@pytest.mark.parametrize("name,rule", STAPELING)
def test_stapeling_open_end_overlaps(name, rule):
    nummer = name[-3:]
    opened = set_(period(nummer, "2026-02-01", None))
    assert ids(judge(name, both(opened, add(period(nummer, "2027-01-01", None))))) == {rule}


@pytest.mark.parametrize("name,rule", STAPELING)
def test_stapeling_other_code_or_category_allowed(name, rule):
    assert ids(judge(name, add({"Product": OTHER_CODE[std(name)]}))) == set()
    assert ids(judge(name, add({"Product": OTHER_CAT[std(name)]}))) == set()


@pytest.mark.parametrize("name,rule", STAPELING)
def test_stapeling_line_without_code_is_same_as_category(name, rule):
    zonder_code = add({"Product": CAT[std(name)], "Omvang": None, "Budget": 100000})
    assert ids(judge(name, zonder_code)) == {rule}


@pytest.mark.parametrize("name,rule", STAPELING)
def test_stapeling_line_without_product_is_same_as_everything(name, rule):
    generiek = add({"Product": None, "Omvang": None, "Budget": 100000})
    assert ids(judge(name, both(set_({"Product": OTHER_CAT[std(name)]}), generiek))) == {rule}


@pytest.mark.parametrize("name,rule", [("WMO301", "TR302"), ("WMO315", "TR386"), ("WMO317", "TR410")])
def test_stapeling_iwmo_hulpmiddelen_exempt(name, rule):
    hulpmiddel = {"Product": HULPMIDDEL, "Omvang": omvang("82", "6", 1)}
    later = add({START[name[-3:]]: "2026-03-01"})  # same start date in a 317 would be a duplicate line (TR101)
    assert ids(judge(name, both(set_(hulpmiddel), later))) == set()
    # one hulpmiddel against a generic line (no Product) is exempt as well
    generiek = add({"Product": None, "Omvang": None, "Budget": 100000})
    assert ids(judge(name, both(set_(hulpmiddel), generiek))) == set()


def test_stapeling_ijw_has_no_hulpmiddelen_exemption():
    # iJw knows no categorie 11-14 (the XSD rejects it), so judge the rule function directly on the tree
    data = basis("JW301")
    data["Client"]["ToegewezenProducten"][0]["Product"] = HULPMIDDEL
    add({})(data)
    hits = list(producten.TR302(Bericht("JW301", factory.build("JW301", data), CLOCK)))
    assert len(hits) == 1
    data = basis("WMO301")
    data["Client"]["ToegewezenProducten"][0]["Product"] = HULPMIDDEL
    add({})(data)
    assert list(producten.TR302(Bericht("WMO301", factory.build("WMO301", data), CLOCK))) == []


@pytest.mark.parametrize("reden", ["13", "01"])
def test_tr302_ignores_removed_toewijzing(reden):
    verwijderd = add({"Einddatum": "2026-01-05", "RedenWijziging": reden})
    expected = {"CS336"} if reden == "01" else set()
    assert ids(judge("WMO301", verwijderd)) == expected
    # with Einddatum not equal to Ingangsdatum the line counts (and CS335 complains about the 13)
    assert ids(judge("JW301", add({"Einddatum": "2026-01-06", "RedenWijziging": "13"}))) == {"TR302", "CS335"}


def test_tr302_reports_every_overlapping_pair():
    drie = both(add({}), add({}))
    report = judge("WMO301", drie)
    assert [f.rule for f in report.findings] == ["TR302"] * 3


def test_zelfde_product_definition():
    r = producten.Regel
    d = dt.date(2026, 1, 1)
    assert producten.zelfde_product(r(None, "02", "02A16", d, None), r(None, "02", "02A16", d, None))
    assert not producten.zelfde_product(r(None, "02", "02A16", d, None), r(None, "02", "02A17", d, None))
    assert producten.zelfde_product(r(None, "02", None, d, None), r(None, "02", "02A17", d, None))
    assert not producten.zelfde_product(r(None, "02", None, d, None), r(None, "03", None, d, None))
    assert producten.zelfde_product(r(None, None, None, d, None), r(None, "03", "03A01", d, None))


# ---------------------------------------------------------------- CD041 .. CD080, CD095, CD096

ALL_PRODUCT = ["WMO301", "JW301", "WMO315", "JW315", "WMO317", "JW317"]


@pytest.mark.parametrize("name", ALL_PRODUCT)
def test_cd041_code_without_omvang(name):
    report = judge(name, set_({"Omvang": None}))
    assert ids(report) == {"CD041"}
    assert report.findings[0].klasse == KLASSE[name[-3:]]
    assert ids(judge(name, set_({"Omvang": None, "Product": CAT[std(name)]}))) == set()


@pytest.mark.parametrize("name", ALL_PRODUCT)
def test_cd075_budget_without_einddatum(name):
    budget = {"Product": CAT[std(name)], "Omvang": None, "Budget": 250000}
    report = judge(name, set_({**budget, EIND[name[-3:]]: None}))
    assert ids(report) == {"CD075"}
    assert (report.findings[0].retourcode, report.findings[0].klasse) == ("0001", KLASSE[name[-3:]])
    assert ids(judge(name, set_(budget))) == set()


@pytest.mark.parametrize("name", ["WMO317", "JW317"])
def test_cd075_cd076_te_wijzigen_product(name):
    report = judge(name, te_wijzigen(Einddatum=None, Omvang=None, Budget=250000))
    assert ids(report) == {"CD075"}
    assert report.findings[0].klasse == "TeWijzigenProduct"
    report = judge(name, te_wijzigen(Einddatum=None))
    assert ids(report) == {"CD076"}
    assert report.findings[0].klasse == "TeWijzigenProduct"
    assert ids(judge(name, te_wijzigen(Einddatum=None, Omvang=omvang(frequentie="4")))) == set()


@pytest.mark.parametrize("name", ALL_PRODUCT)
def test_cd076_per_week_without_einddatum(name):
    report = judge(name, set_({EIND[name[-3:]]: None}))
    assert ids(report) == {"CD076"}
    assert report.findings[0].klasse == KLASSE[name[-3:]]
    for frequentie in ("1", "4", "6"):
        assert ids(judge(name, set_({EIND[name[-3:]]: None, "Omvang": omvang(frequentie=frequentie)}))) == set()


@pytest.mark.parametrize("name", ALL_PRODUCT)
def test_cd077_cd078_budget_and_omvang(name):
    report = judge(name, set_({"Budget": 250000}))
    assert ids(report) == {"CD077", "CD078"}
    where = {f.rule: f.path.rsplit("/", 1)[1] for f in report.findings}
    assert where == {"CD077": "Omvang", "CD078": "Budget"}
    assert {f.klasse for f in report.findings} == {KLASSE[name[-3:]]}


@pytest.mark.parametrize("name", ["WMO317", "JW317"])
def test_cd077_cd078_te_wijzigen_product(name):
    report = judge(name, te_wijzigen(Budget=250000))
    assert ids(report) == {"CD077", "CD078"}
    assert {f.klasse for f in report.findings} == {"TeWijzigenProduct"}
    assert ids(judge(name, te_wijzigen(Omvang=None, Budget=250000))) == set()


@pytest.mark.parametrize("name", ALL_PRODUCT)
def test_cd079_no_budget_no_product(name):
    report = judge(name, set_({"Product": None, "Omvang": None}))
    assert ids(report) == {"CD079"}
    assert report.findings[0].klasse == KLASSE[name[-3:]]
    assert ids(judge(name, set_({"Product": None, "Omvang": None, "Budget": 1}))) == set()


@pytest.mark.parametrize("name", ["WMO317", "JW317"])
def test_cd079_not_for_te_wijzigen_product(name):
    # a TeWijzigenProduct has no Product element at all; without Budget it is fine
    assert ids(judge(name, te_wijzigen())) == set()


OMVANG_ZONDER_CODE = [("WMO301", "CD080"), ("JW301", "CD080"), ("WMO315", "CD095"), ("JW315", "CD095"),
                      ("WMO317", "CD096"), ("JW317", "CD096")]


@pytest.mark.parametrize("name,rule", OMVANG_ZONDER_CODE)
def test_omvang_without_code(name, rule):
    report = judge(name, set_({"Product": CAT[std(name)]}))
    assert ids(report) == {rule}
    finding = report.findings[0]
    assert (finding.retourcode, finding.klasse, finding.path.rsplit("/", 1)[1]) == ("0001", KLASSE[name[-3:]],
                                                                                    "Omvang")
    # empty end date: also a violation (frequency 4, so CD076 stays quiet)
    open_einde = {"Product": CAT[std(name)], EIND[name[-3:]]: None, "Omvang": omvang(frequentie="4")}
    assert ids(judge(name, set_(open_einde))) == {rule}


@pytest.mark.parametrize("name,rule", [("WMO301", "CD080"), ("JW301", "CD080"), ("WMO315", "CD095"),
                                       ("JW315", "CD095")])
def test_omvang_without_code_boundary_2020(name, rule):
    nummer = name[-3:]
    voor = {"Product": CAT[std(name)], START[nummer]: "2020-07-01", EIND[nummer]: "2020-12-31"}
    assert ids(judge(name, set_(voor))) == set()
    na = {**voor, EIND[nummer]: "2021-01-01"}
    assert ids(judge(name, set_(na))) == {rule}


def test_cd096_boundary_2020_rule_function():
    # a NieuwProduct must start after the Dagtekening (TR380), so judge the end-date boundary on the rule itself
    for eind, expected in (("2020-12-31", 0), ("2021-01-01", 1)):
        data = basis("WMO317")
        data["Client"]["Verzoek"]["NieuweProducten"][0].update(
            {"Product": {"Categorie": "02"}, "GewensteIngangsdatum": "2020-06-01", "Einddatum": eind})
        hits = list(producten.CD096(Bericht("WMO317", factory.build("WMO317", data), CLOCK)))
        assert len(hits) == expected, eind


# ---------------------------------------------------------------- CS338 / CS343: frequentie

FREQUENTIE = [("WMO301", "CS338"), ("JW301", "CS338"), ("WMO315", "CS343"), ("JW315", "CS343"),
              ("WMO317", "CS338"), ("JW317", "CS338")]


@pytest.mark.parametrize("name,rule", FREQUENTIE)
@pytest.mark.parametrize("eenheid", ["14", "16", "83", "84"])
def test_frequentie_for_eenheid(name, rule, eenheid):
    report = judge(name, set_({"Omvang": omvang(eenheid, "1")}))
    assert ids(report) == {rule}
    finding = report.findings[0]
    assert (finding.retourcode, finding.klasse, finding.path.rsplit("/", 1)[1]) == ("0001", KLASSE[name[-3:]],
                                                                                    "Frequentie")
    for frequentie in ("2", "4", "6"):
        assert ids(judge(name, set_({"Omvang": omvang(eenheid, frequentie)}))) == set()


@pytest.mark.parametrize("name,rule", FREQUENTIE)
def test_frequentie_other_eenheid_free(name, rule):
    for eenheid in ("01", "04", "82"):
        assert ids(judge(name, set_({"Omvang": omvang(eenheid, "1")}))) == set()


@pytest.mark.parametrize("name,rule", [("WMO301", "CS338"), ("JW315", "CS343")])
def test_frequentie_boundary_2020_and_open_end(name, rule):
    nummer = name[-3:]
    voor = {"Omvang": omvang("14", "1"), START[nummer]: "2020-07-01", EIND[nummer]: "2020-12-31"}
    assert ids(judge(name, set_(voor))) == set()
    assert ids(judge(name, set_({**voor, EIND[nummer]: "2021-01-01"}))) == {rule}
    assert ids(judge(name, set_({**voor, EIND[nummer]: None}))) == {rule}


@pytest.mark.parametrize("name", ["WMO317", "JW317"])
def test_cs338_te_wijzigen_product(name):
    report = judge(name, te_wijzigen(Omvang=omvang("16", "1")))
    assert ids(report) == {"CS338"}
    assert report.findings[0].klasse == "TeWijzigenProduct"
    assert ids(judge(name, te_wijzigen(Omvang=omvang("16", "4")))) == set()


# ---------------------------------------------------------------- CS003 / CS335 / CS336

@pytest.mark.parametrize("name", ALL_PRODUCT)
def test_cs003_end_before_start(name):
    nummer = name[-3:]
    start = {"301": "2026-01-05", "315": "2026-02-01", "317": "2026-02-01"}[nummer]
    report = judge(name, set_({EIND[nummer]: (dt.date.fromisoformat(start) - dt.timedelta(days=1)).isoformat()}))
    assert ids(report) == {"CS003"}
    finding = report.findings[0]
    assert (finding.retourcode, finding.klasse, finding.path.rsplit("/", 1)[1]) == ("0001", KLASSE[nummer],
                                                                                    EIND[nummer])
    assert ids(judge(name, set_({EIND[nummer]: start}))) == set()


@pytest.mark.parametrize("name", ["WMO317", "JW317"])
def test_cs003_te_wijzigen_product(name):
    report = judge(name, te_wijzigen(Einddatum="2026-01-31"))
    assert ids(report) == {"CS003"}
    assert report.findings[0].klasse == "TeWijzigenProduct"


def _tijdelijk_adres(periode: dict):
    def change(data: dict) -> None:
        contact = {"Soort": "04", "Adres": {"Huis": {"Huisnummer": "3"}, "Postcode": "1011AC",
                                            "Straatnaam": "Logeerstraat", "Plaatsnaam": "Amsterdam", "LandCode": "NL"},
                   "Periode": periode}
        data["Client"]["Contactgegevens"].append(contact)

    return change


@pytest.mark.parametrize("name", ["WMO301", "JW301"])
def test_cs003_contact_periode(name):
    report = judge(name, _tijdelijk_adres({"Begindatum": "2026-02-01", "Einddatum": "2026-01-31"}))
    assert ids(report) == {"CS003"}
    assert report.findings[0].klasse == "Contact"
    assert ids(judge(name, _tijdelijk_adres({"Begindatum": "2026-02-01", "Einddatum": "2026-02-01"}))) == set()
    assert ids(judge(name, _tijdelijk_adres({"Begindatum": "2026-02-01"}))) == set()  # open end


@pytest.mark.parametrize("name", ["WMO301", "JW301"])
def test_cs335_reden_13(name):
    report = judge(name, set_({"RedenWijziging": "13", "Einddatum": "2026-01-06"}))
    assert ids(report) == {"CS335"}
    assert (report.findings[0].retourcode, report.findings[0].klasse) == ("0001", "ToegewezenProduct")
    assert ids(judge(name, set_({"RedenWijziging": "13", "Einddatum": "2026-01-05"}))) == set()
    # no Einddatum is not "equal to the Ingangsdatum" either (frequency 4 keeps CD076 quiet)
    geen_einde = {"RedenWijziging": "13", "Einddatum": None, "Omvang": omvang(frequentie="4")}
    assert ids(judge(name, set_(geen_einde))) == {"CS335"}
    assert ids(judge(name, set_({"RedenWijziging": "14", "Einddatum": "2026-01-06"}))) == set()


@pytest.mark.parametrize("name", ["WMO301", "JW301"])
def test_cs336_reden_01(name):
    report = judge(name, set_({"RedenWijziging": "01"}))
    assert ids(report) == {"CS336"}
    assert (report.findings[0].retourcode, report.findings[0].klasse) == ("0001", "ToegewezenProduct")
    assert report.findings[0].path.endswith("/RedenWijziging")
    assert ids(judge(name, set_({"RedenWijziging": "14"}))) == set()


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
