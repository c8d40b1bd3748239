"""Unit tests of the person, contact, BSN, logical-key and date rules (ketenproef/rules/personen.py,
sleutels.py, datums.py) and of their examples in corpus/voorbeelden/personen."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ketenproef import factory
from ketenproef.basis import BSN, HEEN, basis, prestatie
from ketenproef.clock import clock_for
from ketenproef.rules.personen import elfproef
from ketenproef.rules.registry import covered, get, rules
from ketenproef.validate import validate
from tests.unit.rules import CLOCK, ids, judge, of

VOORBEELDEN = Path(__file__).resolve().parents[3] / "corpus" / "voorbeelden" / "personen"
RULES = ["TR002", "TR006", "TR061", "TR101", "TR134", "CS002", "CS050", "CS089", "CS139", "CS318", "CD005", "CD007",
         "CD009", "CD025", "CD034"]
TELEFOON = {"Telefoon01": {"Telefoonnummer": "0201234567", "Landnummer": "0031"}}
ADRES = {"Huis": {"Huisnummer": "12"}, "Postcode": "1011AB", "Straatnaam": "Proefstraat", "Plaatsnaam": "Amsterdam",
         "LandCode": "NL"}


# ---------------------------------------------------------------- helpers

def registered(*rule_ids: str) -> set[str]:
    """Those of ``rule_ids`` that are registered (rules of other groups that a change cannot avoid breaking)."""
    known = {r.id for r in rules()}
    return {r for r in rule_ids if r in known}


def contact(soort: str = "01", telefoon: bool = False, **adres) -> dict:
    """A Contact; ``adres`` overrides fields of a Dutch address (None removes one, Adres=None drops the address)."""
    result: dict = {"Soort": soort}
    if adres.pop("Adres", True) is not None:
        result["Adres"] = {k: v for k, v in {**ADRES, **adres}.items() if v is not None}
    if telefoon:
        result["Telefoon"] = TELEFOON
    return result


def relatie(nummer: str = "REL-1", **velden) -> dict:
    result = {"Nummer": nummer, "Soort": "09", "Naam": {"Geslachtsnaam": {"Achternaam": "Contactpersoon"},
                                                      "NaamGebruik": "1"},
              "Contact": {"Soort": "02", "Telefoon": TELEFOON}}
    result.update(velden)
    return result


def client_set(**velden) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data["Client"].update(velden)

    return change


def contacten(*items: dict) -> Callable[[dict], None]:
    return client_set(Contactgegevens=list(items))


def relaties(*items: dict) -> Callable[[dict], None]:
    return client_set(Relaties=list(items))


def geboortedatum(datum: str, gebruik: str | None = None) -> Callable[[dict], None]:
    return client_set(Geboortedatum={"Datum": datum, **({"DatumGebruik": gebruik} if gebruik else {})})


def naam(naamgebruik: str, partner: bool = False) -> dict:
    result = {"Geslachtsnaam": {"Achternaam": "Proefpersoon"}, "NaamGebruik": naamgebruik}
    if partner:
        result["Partnernaam"] = {"Achternaam": "Partner"}
    return result


def assert_only(report, rule: str, klasse: str, count: int = 1) -> None:
    assert ids(report) == {rule}, [f.text for f in report.findings]
    found = of(report, rule)
    assert len(found) == count
    assert all(f.retourcode == "0001" and f.klasse == klasse and f"({rule})" in f.text for f in found)


# ---------------------------------------------------------------- registration

def test_rules_are_registered_as_in_the_register():
    register = {e["id"]: e for e in json.loads((Path(__file__).resolve().parents[3] / "corpus" / "regels"
                                                / "register.json").read_text(encoding="utf-8"))}
    for rule_id in RULES:
        rule, entry = get(rule_id), register[rule_id]
        assert set(rule.berichten) == set(entry["berichten"]), rule_id
        assert rule.retourcode == entry["retourcode"], rule_id
        assert set(rule.standaarden) == set(entry["standaarden"]), rule_id
        assert rule.func.__name__ == rule_id


def test_bedrijfsregels_are_recorded_as_covered():
    gedekt = covered()
    assert gedekt["OP079"][0] == ("CS002",)
    assert gedekt["OP252"][0] == ("CS139",)
    assert gedekt["OP091"][0] == ("TR006", "TR061")
    assert gedekt["OP130"][0] == ("TR006",)
    assert gedekt["OP076"][0] == ("XSD",)


@pytest.mark.parametrize("name", [f"{s}{n}" for s in ("WMO", "JW") for n in (*HEEN, "325")])
def test_base_messages_break_none_of_these_rules(name):
    assert ids(judge(name)) == set()


# ---------------------------------------------------------------- CS002 (11-proef)

def test_elfproef():
    assert elfproef(BSN) and elfproef("999990019")
    assert not elfproef("123456789") and not elfproef("99999002") and not elfproef("99999002X")


@pytest.mark.parametrize("name", ["WMO301", "JW305", "WMO307", "JW315", "WMO317", "JW323"])
def test_cs002_invalid_bsn(name):
    def change(data):
        client = data["Declaratie"]["Clienten"][0] if name.endswith("323") else data["Client"]
        client["Bsn"] = "123456789"

    report = judge(name, change)
    assert_only(report, "CS002", "Client")
    assert "123456789" in of(report, "CS002")[0].text


def test_cs002_every_client_of_a_325():
    def change(data):
        antwoord = data["DeclaratieAntwoord"]
        antwoord["TotaalIngediendBedrag"] = {"TotaalBedrag": 40000, "DebetCredit": "D"}
        antwoord["TotaalToegekendBedrag"] = {"TotaalBedrag": 0, "DebetCredit": "D"}
        regels = [dict(prestatie("iJw"), RetourCodes={"RetourCode": ["8021"]})]
        antwoord["Clienten"] = [{"Bsn": bsn, "Prestaties": copy.deepcopy(regels),
                                 "RetourCodes": {"RetourCode": ["0200"]}} for bsn in ("123456789", BSN)]

    report = judge("JW325", change)
    assert {"CS002"} <= ids(report) <= {"CS002"} | registered("TR342")
    assert [f.path for f in of(report, "CS002")] == ["/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Bsn"]


# ---------------------------------------------------------------- TR002 and CS139 (geboortedatum)

@pytest.mark.parametrize("name, datum, gebruik, fout", [
    ("WMO301", "1906-01-12", None, False),  # exactly 120 years: allowed
    ("WMO301", "1906-01-11", None, True),
    ("JW305", "1906-01-01", "1", True),
    ("WMO307", "1900-01-01", "3", False),  # unknown date
    ("JW315", "1900-01-01", None, True),  # 1900-01-01 without DatumGebruik 3 is a real date
    ("JW301", "1905-01-01", "2", True),
])
def test_tr002_not_more_than_120_years(name, datum, gebruik, fout):
    report = judge(name, geboortedatum(datum, gebruik))
    if fout:
        assert_only(report, "TR002", "Client")
    else:
        assert ids(report) == set()


def test_tr002_leap_day_birth():
    def on(dagtekening: str) -> set[str]:
        data = _with(basis("WMO315"), geboortedatum("1904-02-29"))
        data["Header"]["BerichtIdentificatie"]["Dagtekening"] = dagtekening
        return ids(validate(factory.to_bytes("WMO315", data), clock=CLOCK))

    assert on("2024-02-29") == set()
    assert on("2024-03-01") == {"TR002"}


def test_tr002_relatie():
    old = relatie(Geboortedatum={"Datum": "1890-07-01", "DatumGebruik": "1"})
    assert_only(judge("JW301", relaties(old)), "TR002", "Relatie")


@pytest.mark.parametrize("datum, gebruik, fout", [
    ("2012-05-03", "1", True), ("2012-05-01", "1", False),
    ("2012-05-01", "2", True), ("2012-01-01", "2", False),
    ("2012-01-01", "3", True), ("1900-01-01", "3", False),
    ("2012-05-03", None, False),
])
def test_cs139_datumgebruik_fits_datum(datum, gebruik, fout):
    for name in ("WMO301", "JW305", "WMO307", "JW315"):
        report = judge(name, geboortedatum(datum, gebruik))
        if fout:
            assert_only(report, "CS139", "Client")
        else:
            assert ids(report) == set(), name


def test_cs139_relatie():
    wrong = relatie(Geboortedatum={"Datum": "1980-07-02", "DatumGebruik": "1"})
    assert_only(judge("WMO301", relaties(wrong)), "CS139", "Relatie")


# ---------------------------------------------------------------- CS050 and CS318 (naamgebruik)

@pytest.mark.parametrize("name, naamgebruik, partner, found", [
    ("WMO301", "1", False, set()), ("JW301", "1", False, set()),
    ("WMO301", "6", False, {"CS050"}), ("JW301", "6", False, {"CS318"}),  # iJw allows 6 in CS050, CS318 not
    ("WMO301", "2", False, {"CS050"}), ("JW301", "5", False, {"CS050"}),
    ("WMO301", "2", True, set()), ("JW301", "3", True, set()), ("WMO301", "4", True, set()),
    ("JW301", "1", True, set()),
    ("WMO301", "5", True, {"CS050"}), ("JW301", "6", True, {"CS050", "CS318"}),
])
def test_cs050_cs318_client(name, naamgebruik, partner, found):
    report = judge(name, client_set(Naam=naam(naamgebruik, partner)))
    assert ids(report) == found
    assert all(f.klasse == "Client" and f.retourcode == "0001" for f in report.findings)


@pytest.mark.parametrize("name, naamgebruik, found", [
    ("JW301", "6", set()), ("WMO301", "6", {"CS050"}), ("JW301", "2", {"CS050"}), ("WMO301", "1", set()),
])
def test_cs050_relatie(name, naamgebruik, found):
    report = judge(name, relaties(relatie(Naam=naam(naamgebruik))))
    assert ids(report) == found
    assert all(f.klasse == "Relatie" for f in report.findings)


# ---------------------------------------------------------------- TR006, TR061 (contact)

def test_tr006_contact_needs_telefoon_or_huis_and_postcode():
    assert ids(judge("WMO301", relaties(relatie()))) == set()  # Telefoon only
    assert ids(judge("JW301", relaties(relatie(Contact=contact("02"))))) == set()  # address only
    assert_only(judge("JW301", relaties(relatie(Contact={"Soort": "02", "Emailadres": "a@example.org"}))),
                "TR006", "Contact")
    no_postcode = contact("02", Postcode=None, LandCode=None)
    report = judge("WMO301", contacten(contact("01"), no_postcode))
    assert_only(report, "TR006", "Contact")
    assert "Postcode" in of(report, "TR006")[0].text
    assert ids(judge("WMO301", contacten(contact("01"), contact("02", True, Postcode=None, LandCode=None)))) == set()


def test_tr006_client_contact_without_huis():
    foreign = contact("02", Huis=None, Postcode="B-1000", LandCode="BE")
    assert_only(judge("JW301", contacten(contact("01"), foreign)), "TR006", "Contact")


@pytest.mark.parametrize("soorten, fout", [(["04"], True), (["02"], False), (["03"], False), (["04", "01"], False)])
def test_tr061_client_needs_brp_correspondence_or_stay_address(soorten, fout):
    report = judge("WMO301", contacten(*(contact(s) for s in soorten)))
    if fout:
        assert_only(report, "TR061", "Client")
    else:
        assert ids(report) == set()


# ---------------------------------------------------------------- CD005, CD025, CD034, CS089, CD009, CD007 (adres)

def test_cd005_landcode_with_postcode():
    assert_only(judge("WMO301", contacten(contact("01", LandCode=None))), "CD005", "Contact")
    foreign_no_postcode = contact("02", True, Huis=None, Postcode=None, LandCode="BE")
    assert_only(judge("JW301", contacten(contact("01"), foreign_no_postcode)), "CD005", "Contact")
    nothing = contact("02", True, Huis=None, Postcode=None, LandCode=None)
    assert ids(judge("JW301", contacten(contact("01"), nothing))) == set()


def test_cd005_dutch_address_without_postcode_also_breaks_cs089():
    report = judge("WMO301", contacten(contact("01"), contact("02", True, Postcode=None)))
    assert ids(report) == {"CD005", "CS089"}


def test_cd025_dutch_address_needs_huisnummer():
    assert_only(judge("JW301", contacten(contact("01", True, Huis=None))), "CD025", "Contact")
    assert ids(judge("JW301", contacten(contact("01"), contact("02", True, Huis=None, LandCode="DE",
                                                                Postcode="10115")))) == set()


@pytest.mark.parametrize("soort, fout", [("01", True), ("03", True), ("02", False), ("04", False)])
def test_cd034_postcode_for_brp_and_stay_address(soort, fout):
    without = contact(soort, True, Postcode=None, LandCode=None)
    report = judge("WMO301", contacten(contact("01" if soort in ("02", "04") else "02"), without))
    if fout:
        assert_only(report, "CD034", "Contact")
    else:
        assert ids(report) == set()


@pytest.mark.parametrize("postcode, fout", [("1011AB", False), ("1011ab", False), ("9999Zz", False),
                                            ("1011 AB", True), ("0123AB", True), ("101AB", True),
                                            ("1011ABC", True), ("AB1011", True)])
def test_cs089_dutch_postcode_format(postcode, fout):
    report = judge("JW301", contacten(contact("01", Postcode=postcode)))
    if fout:
        assert_only(report, "CS089", "Contact")
    else:
        assert ids(report) == set()


def test_cs089_not_for_foreign_addresses():
    assert ids(judge("WMO301", contacten(contact("01"), contact("02", LandCode="BE", Postcode="B 1000")))) == set()


@pytest.mark.parametrize("soort, fout", [("01", True), ("02", True), ("03", True), ("04", False)])
def test_cd009_periode_only_for_temporary_address(soort, fout):
    periode = dict(contact(soort), Periode={"Begindatum": "2026-01-01", "Einddatum": "2026-02-28"})
    report = judge("WMO301", contacten(contact("01" if soort != "01" else "02"), periode))
    if fout:
        assert_only(report, "CD009", "Contact")
    else:
        assert ids(report) == set()


def test_cd009_relatie_contact():
    assert_only(judge("JW301", relaties(relatie(Contact=dict(contact("02"), Periode={"Begindatum": "2026-01-01"})))),
                "CD009", "Contact")


@pytest.mark.parametrize("communicatie, fout", [
    ({"Vorm": "1", "Taal": "Pools"}, False), ({"Vorm": "1"}, True), ({"Vorm": "2", "Taal": "Pools"}, True),
    ({"Vorm": "3"}, False), ({"Vorm": "2"}, False),
])
def test_cd007_taal_only_with_tolk(communicatie, fout):
    for name in ("WMO301", "JW301"):
        report = judge(name, client_set(Communicatie=communicatie))
        if fout:
            assert_only(report, "CD007", "Client")
        else:
            assert ids(report) == set()


# ---------------------------------------------------------------- TR101 (logical keys)

def _copy_first(*path: str, **changes) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        target = data
        for key in path:
            target = target[key]
        target.append(dict(copy.deepcopy(target[0]), **changes))

    return change


def test_tr101_301_contact_relatie_toegewezenproduct():
    assert_only(judge("WMO301", _copy_first("Client", "Contactgegevens")), "TR101", "Contact")
    assert_only(judge("JW301", relaties(relatie(), relatie())), "TR101", "Relatie")
    assert ids(judge("JW301", relaties(relatie(), relatie("REL-2")))) == set()
    # the same Soort under the client and under a relatie is no duplicate
    assert ids(judge("WMO301", relaties(relatie(Contact=contact("01"))))) == set()


def test_tr101_301_toegewezenproduct():
    change = _copy_first("Client", "ToegewezenProducten", Ingangsdatum="2026-07-01", Einddatum="2026-12-31")
    report = judge("WMO301", change)
    assert "TR101" in ids(report) and ids(report) <= {"TR101"} | registered("TR302")
    assert [f.klasse for f in of(report, "TR101")] == ["ToegewezenProduct"]


def test_tr101_305_startproduct():
    report = judge("JW305", _copy_first("Client", "StartProducten"))
    assert_only(report, "TR101", "StartProduct")
    assert "ToewijzingNummer=586955" in of(report, "TR101")[0].text
    assert "StartProduct[2]" in of(report, "TR101")[0].path
    assert ids(judge("JW305", _copy_first("Client", "StartProducten", Begindatum="2026-01-08"))) == set()
    assert ids(judge("WMO305", _copy_first("Client", "StartProducten", Product={"Categorie": "02"}))) == set()


def test_tr101_third_occurrence_is_reported_too():
    def change(data):
        _copy_first("Client", "StartProducten")(data)
        _copy_first("Client", "StartProducten")(data)

    assert_only(judge("WMO305", change), "TR101", "StartProduct", count=2)


def test_tr101_307_stopproduct_key_includes_reden_and_einddatum():
    assert_only(judge("WMO307", _copy_first("Client", "StopProducten")), "TR101", "StopProduct")
    other_reason = {"iWmo": "20", "iJw": "20"}
    assert ids(judge("JW307", _copy_first("Client", "StopProducten", RedenBeeindiging=other_reason["iJw"]))) == set()
    assert ids(judge("WMO307", _copy_first("Client", "StopProducten", Einddatum="2026-01-10"))) == set()


def test_tr101_315_aangevraagdproduct():
    report = judge("JW315", _copy_first("Client", "AangevraagdeProducten", ToewijzingIngangsdatum="2026-08-01",
                                        ToewijzingEinddatum="2026-12-31"))
    assert "TR101" in ids(report) and ids(report) <= {"TR101", "TR383"}
    assert [f.klasse for f in of(report, "TR101")] == ["AangevraagdProduct"]


def test_tr101_317_products():
    assert_only(judge("WMO317", _copy_first("Client", "Verzoek", "OngewijzigdeProducten")), "TR101",
                "OngewijzigdProduct")
    change = _copy_first("Client", "Verzoek", "NieuweProducten", Einddatum="2026-03-31")
    report = judge("JW317", change)
    assert "TR101" in ids(report) and ids(report) <= {"TR101"} | registered("TR410")
    assert [f.klasse for f in of(report, "TR101")] == ["NieuwProduct"]
    later = _copy_first("Client", "Verzoek", "NieuweProducten", GewensteIngangsdatum="2026-08-01",
                        Einddatum="2026-12-31")
    assert ids(judge("WMO317", later)) == set()


def _tweede_prestatie(std: str, bsn: str | None = None, vorig: str | None = None):
    def change(data):
        clienten = data["Declaratie"]["Clienten"]
        regel = prestatie(std)
        regel["ProductPeriode"] = {"Begindatum": "2025-11-01", "Einddatum": "2025-11-30"}
        if vorig:
            regel["ProductReferentie"]["VorigReferentieNummer"] = vorig
        if bsn:
            clienten.append({"Bsn": bsn, "Prestaties": [regel]})
        else:
            clienten[0]["Prestaties"].append(regel)
        data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 40000

    return change


def test_tr101_323_prestatie():
    report = judge("WMO323", _tweede_prestatie("iWmo"))
    assert_only(report, "TR101", "Prestatie")
    text = of(report, "TR101")[0].text
    assert "ReferentieNummer=PREST0001, VorigReferentieNummer=(leeg) bij Client 999990020" in text
    # the same ReferentieNummer with another client: the key combined with the Bsn differs
    assert "TR101" not in ids(judge("JW323", _tweede_prestatie("iJw", bsn="999990019")))


def test_tr101_323_client():
    def change(data):
        clienten = data["Declaratie"]["Clienten"]
        regel = prestatie("iJw", referentie="PREST0002")
        clienten.append({"Bsn": BSN, "Prestaties": [regel]})
        data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 40000

    assert_only(judge("JW323", change), "TR101", "Client")


def test_tr101_children_of_a_duplicate_are_compared_with_their_siblings_only():
    def change(data):
        clienten = data["Declaratie"]["Clienten"]
        eigen = [prestatie("iJw", referentie="PREST0002"), prestatie("iJw", referentie="PREST0002")]
        eigen[1]["ProductPeriode"] = {"Begindatum": "2025-11-01", "Einddatum": "2025-11-30"}
        clienten.append({"Bsn": BSN, "Prestaties": eigen})
        data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 60000

    report = judge("JW323", change)
    assert ids(report) == {"TR101"}
    assert [(f.klasse, f.path) for f in of(report, "TR101")] == [
        ("Client", "/Bericht/Declaratie/Clienten/Client[2]"),
        ("Prestatie", "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]")]
    assert ids(judge("JW301", relaties(relatie(), relatie()))) == {"TR101"}  # not also its Contact


def test_tr101_325_prestatie():
    def change(data):
        antwoord = data["DeclaratieAntwoord"]
        antwoord["TotaalToegekendBedrag"] = {"TotaalBedrag": 0, "DebetCredit": "D"}
        regel = dict(prestatie("iWmo", bedrag=10000), RetourCodes={"RetourCode": ["8021"]})
        antwoord["Clienten"] = [{"Bsn": BSN, "Prestaties": [regel, copy.deepcopy(regel)],
                                 "RetourCodes": {"RetourCode": ["0200"]}}]

    report = judge("WMO325", change)
    assert "TR101" in ids(report) and ids(report) <= {"TR101"} | registered("TR342")
    assert [f.klasse for f in of(report, "TR101")] == ["Prestatie"]


def test_tr101_large_323_without_duplicates_takes_the_fast_path():
    def change(data):
        data["Declaratie"]["Clienten"][0]["Prestaties"] = [
            dict(prestatie("iJw", referentie=f"P{i:05d}"), ProductPeriode={"Begindatum": "2025-12-01",
                                                                          "Einddatum": "2025-12-31"})
            for i in range(300)]

    report = judge("JW323", change)
    assert "TR101" not in ids(report)


# ---------------------------------------------------------------- TR134 (not after Dagtekening)

def _with(data: dict, change: Callable[[dict], None]) -> dict:
    change(data)
    return data


@pytest.mark.parametrize("name, change, klasse", [
    ("WMO301", geboortedatum("2026-01-13"), "Client"),
    ("JW301", lambda d: d["Client"]["ToegewezenProducten"][0].update(Toewijzingsdatum="2026-01-13"),
     "ToegewezenProduct"),
    ("WMO305", lambda d: d["Client"]["StartProducten"][0].update(Begindatum="2026-01-13"), "StartProduct"),
    ("JW307", lambda d: d["Client"]["StopProducten"][0].update(Einddatum="2026-01-13"), "StopProduct"),
    ("WMO315", geboortedatum("2026-02-01", "1"), "Client"),
])
def test_tr134_date_after_dagtekening(name, change, klasse):
    report = judge(name, change)
    assert_only(report, "TR134", klasse)
    assert "2026-01-12" in of(report, "TR134")[0].text


def test_tr134_relatie_geboortedatum():
    report = judge("WMO301", relaties(relatie(Geboortedatum={"Datum": "2026-02-01", "DatumGebruik": "1"})))
    assert_only(report, "TR134", "Relatie")


@pytest.mark.parametrize("name, change", [
    ("WMO301", geboortedatum("2026-01-12")),
    ("JW305", lambda d: d["Client"]["StartProducten"][0].update(Begindatum="2026-01-12")),
    ("WMO307", lambda d: d["Client"]["StopProducten"][0].update(Einddatum="2026-01-12")),
])
def test_tr134_dagtekening_itself_is_allowed(name, change):
    assert ids(judge(name, change)) == set()


def test_tr134_not_for_other_dates():
    # a 301 Einddatum or Ingangsdatum in the future is normal
    assert ids(judge("JW301", lambda d: d["Client"]["ToegewezenProducten"][0].update(Ingangsdatum="2026-02-01"))) \
        == set()


def test_tr134_323_periods():
    def change(data):
        declaratie = data["Declaratie"]
        declaratie["DeclaratiePeriode"] = {"Begindatum": "2026-02-01", "Einddatum": "2026-02-28"}
        declaratie["Clienten"][0]["Prestaties"][0]["ProductPeriode"] = {"Begindatum": "2026-02-01",
                                                                        "Einddatum": "2026-02-28"}

    report = judge("JW323", change)
    assert {"TR134"} <= ids(report) <= {"TR134"} | registered("TR137", "TR318", "TR319")
    assert sorted(f.klasse for f in of(report, "TR134")) == ["Declaratie", "Prestatie"]


def test_tr134_325_productperiode():
    def change(data):
        antwoord = data["DeclaratieAntwoord"]
        antwoord["TotaalToegekendBedrag"] = {"TotaalBedrag": 0, "DebetCredit": "D"}
        regel = dict(prestatie("iJw"), RetourCodes={"RetourCode": ["8021"]})
        regel["ProductPeriode"] = {"Begindatum": "2026-01-13", "Einddatum": "2026-01-31"}
        antwoord["Clienten"] = [{"Bsn": BSN, "Prestaties": [regel], "RetourCodes": {"RetourCode": ["0200"]}}]

    report = judge("JW325", change)
    assert {"TR134"} <= ids(report) <= {"TR134"} | registered("TR137", "TR342")
    assert [f.klasse for f in of(report, "TR134")] == ["Prestatie"]


# ---------------------------------------------------------------- the examples

def _manifest() -> list[dict]:
    return json.loads((VOORBEELDEN / "manifest.json").read_text(encoding="utf-8"))


def test_manifest_covers_every_rule():
    fails = {rule for e in _manifest() if not e["valid"] for rule in e["rules"]}
    assert set(RULES) <= fails
    assert any(e["valid"] for e in _manifest())


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: e["file"])
def test_example_gives_exactly_its_rules(entry):
    report = validate((VOORBEELDEN / entry["file"]).read_bytes(), clock=clock_for(entry["datum"]))
    assert report.message == entry["message"]
    assert ids(report) == set(entry["rules"]), [f.text for f in report.findings]
    assert report.valid == entry["valid"]
