"""The retour builder follows IV028 and the 325 builder IV087."""

import datetime as dt

from ketenproef import factory
from ketenproef.basis import basis, prestatie
from ketenproef.clock import FrozenClock
from ketenproef.findings import KETEN, Finding
from ketenproef.retour import retour_for
from ketenproef.validate import validate

CLOCK = FrozenClock(dt.date(2026, 1, 13))


def judged(name, data=None):
    return validate(factory.to_bytes(name, data or basis(name)), clock=CLOCK)


def codes(tree, path):
    return tree.xpath(f"{path}/*[local-name()='RetourCodes']/*/text()")


def retour(report):
    tree = retour_for(report, clock=CLOCK, identificatie="RET1")
    assert validate(factory.serialise(tree), clock=CLOCK).valid
    return tree


def chain_finding(report, element, code="9019", rule="TR019"):
    report.findings.append(Finding(rule, code, None, None, None, "keten", KETEN, element))


def test_accepted_message_gets_header_only_without_codes():
    tree = retour(judged("WMO301"))
    assert len(tree) == 1
    assert tree.xpath("//*[local-name()='RetourCode']") == []
    header = factory.to_data(tree)["Header"]
    assert header["IdentificatieRetour"] == "RET1"
    assert header["DagtekeningRetour"] == "2026-01-13"
    assert header["BerichtIdentificatie"]["Identificatie"] == "BERICHT0001"
    assert header["Afzender"] == "0363" and header["BerichtCode"] == "415"


def test_single_message_error_gives_0001_in_header_and_xslt_version():
    data = basis("JW307")
    data["Client"]["StopProducten"][0]["Einddatum"] = "2026-01-01"
    tree = retour(judged("JW307", data))
    assert len(tree) == 1
    assert codes(tree, "/*/*[local-name()='Header']") == ["0001"]
    assert factory.to_data(tree)["Header"]["XsltVersie"]


def test_xsd_error_gives_no_retour():
    bad = factory.to_bytes("WMO305", basis("WMO305")).replace(b">2</wmo305:Geslacht", b">8</wmo305:Geslacht")
    assert retour_for(validate(bad, clock=CLOCK), clock=CLOCK, identificatie="X") is None


def test_chain_error_on_a_class_mirrors_the_body_with_0200_elsewhere():
    report = judged("JW305")
    chain_finding(report, report.bericht.all("StartProduct")[0])
    tree = retour(report)
    assert codes(tree, "/*/*[local-name()='Header']") == ["0200"]
    assert codes(tree, "//*[local-name()='Client']") == ["0200"]
    assert codes(tree, "//*[local-name()='StartProduct']") == ["9019"]


def test_chain_error_on_a_parent_marks_children_not_assessed():
    report = judged("WMO301")
    chain_finding(report, report.bericht.all("Client")[0], "9056", "TR056")
    tree = retour(report)
    assert codes(tree, "//*[local-name()='Client']") == ["9056"]
    assert codes(tree, "//*[local-name()='ToegewezenProduct']") == ["0233"]
    assert codes(tree, "//*[local-name()='Contactgegevens']/*[local-name()='Contact']") == ["0233"]


def test_chain_error_in_header_gives_header_only_with_the_code():
    report = judged("WMO305")
    chain_finding(report, report.bericht.header, "9056", "TR056")
    tree = retour(report)
    assert len(tree) == 1 and codes(tree, "/*/*[local-name()='Header']") == ["9056"]


def test_accepted_323_gets_8001_and_equal_totals():
    tree = retour(judged("WMO323"))
    data = factory.to_data(tree)
    antwoord = data["DeclaratieAntwoord"]
    assert antwoord["RetourCodes"]["RetourCode"] == ["8001"]
    assert antwoord["TotaalToegekendBedrag"] == antwoord["TotaalIngediendBedrag"]
    assert data["Header"]["Afzender"] == "0363" and data["Header"]["Ontvanger"] == "12345678"
    assert data["Header"]["DeclaratieIdentificatie"]["Identificatie"] == "BERICHT0001"


def test_rejected_prestatie_is_listed_and_subtracted():
    data = basis("JW323")
    tweede = prestatie("iJw", "PREST0002", 10000)
    tweede["ProductPeriode"] = {"Begindatum": "2025-11-01", "Einddatum": "2025-11-30"}
    data["Declaratie"]["Clienten"][0]["Prestaties"].append(tweede)
    data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 30000
    report = judged("JW323", data)
    assert report.valid, report.as_dict()
    chain_finding(report, report.bericht.all("Prestatie")[1], "9321", "TR321")
    out = factory.to_data(retour(report))["DeclaratieAntwoord"]
    assert out["TotaalToegekendBedrag"] == {"TotaalBedrag": "20000", "DebetCredit": "D"}
    assert out["RetourCodes"]["RetourCode"] == ["0200"]
    client = out["Clienten"][0]
    assert client["RetourCodes"]["RetourCode"] == ["0200"]
    assert [p["ProductReferentie"]["ReferentieNummer"] for p in client["Prestaties"]] == ["PREST0002"]
    assert client["Prestaties"][0]["RetourCodes"]["RetourCode"] == ["9321"]


def test_rejected_client_lists_all_its_prestaties_as_not_assessed():
    report = judged("WMO323")
    chain_finding(report, report.bericht.all("Client")[0], "8187", "TR304")
    out = factory.to_data(retour(report))["DeclaratieAntwoord"]
    assert out["TotaalToegekendBedrag"]["TotaalBedrag"] == "0"
    assert out["Clienten"][0]["RetourCodes"]["RetourCode"] == ["8187"]
    assert out["Clienten"][0]["Prestaties"][0]["RetourCodes"]["RetourCode"] == ["0233"]


def test_error_on_declaratie_rejects_it_whole():
    report = judged("WMO323")
    chain_finding(report, report.bericht.root[1], "9333", "TR333")
    out = factory.to_data(retour(report))["DeclaratieAntwoord"]
    assert out["RetourCodes"]["RetourCode"] == ["9333"]
    assert out["TotaalToegekendBedrag"]["TotaalBedrag"] == "0"
    assert "Clienten" not in out
