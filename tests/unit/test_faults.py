"""Every catalogued fault does what its description says, and the reference page is current."""

import datetime as dt
from pathlib import Path

import pytest

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.clock import FrozenClock
from ketenproef.faults import FaultError, apply_to_heen, apply_to_retour, catalogue, reference_page
from ketenproef.findings import KETEN, Finding
from ketenproef.retour import retour_for
from ketenproef.validate import validate

CLOCK = FrozenClock(dt.date(2026, 1, 13))


def heen_and_retour(name="WMO305", code=None):
    report = validate(factory.to_bytes(name, basis(name)), clock=CLOCK)
    if code:
        el = report.bericht.all("StartProduct")[0]
        report.findings.append(Finding("TR019", code, None, None, None, "x", KETEN, el))
    return report.bericht, retour_for(report, clock=CLOCK, identificatie="RET1")


def bad(name, fault, code=None, **params):
    heen, tree = heen_and_retour(name, code)
    return heen, apply_to_retour(fault, tree, heen, clock=CLOCK, params=params)


def codes(data):
    from lxml import etree

    return etree.fromstring(data).xpath("//*[local-name()='RetourCode']/text()")


def test_geen_and_dubbel():
    assert bad("WMO305", "geen-retour")[1] == []
    out = bad("WMO305", "dubbele-retour")[1]
    assert len(out) == 2 and out[0] == out[1]


def test_verkeerde_referentie_points_elsewhere():
    heen, (out,) = bad("JW305", "verkeerde-referentie")
    data = factory.to_data(validate(out, clock=CLOCK).bericht.root)
    assert data["Header"]["BerichtIdentificatie"]["Identificatie"] != heen.identificatie


def test_325_reference_is_the_declaratie_identificatie():
    heen, (out,) = bad("WMO323", "verkeerde-referentie")
    data = factory.to_data(validate(out, clock=CLOCK).bericht.root)
    assert data["Header"]["DeclaratieIdentificatie"]["Identificatie"] != heen.identificatie


def test_onbekend_bericht_adds_a_second_retour():
    heen, out = bad("WMO305", "retour-voor-onbekend-bericht")
    assert len(out) == 2 and b"NOOITVERSTUURD" in out[1] and b"NOOITVERSTUURD" not in out[0]


def test_retourcode_ontbreekt_accepts_everything():
    _, (out,) = bad("WMO305", "retourcode-ontbreekt", code="9019")
    report = validate(out, clock=CLOCK)
    assert report.valid and codes(out) == [] and len(report.bericht.root) == 1


def test_extra_and_verkeerd_change_the_codes():
    good = bad("WMO305", "dubbele-retour", code="9019")[1][0]
    _, (out,) = bad("WMO305", "retourcode-extra", code="9019")
    assert len(codes(out)) == len(codes(good)) + 1 and codes(out).count("9019") == 2
    _, (out,) = bad("WMO305", "retourcode-verkeerd", code="9019")
    assert codes(out)[0] == "9019"
    _, (out,) = bad("WMO305", "retourcode-verkeerd")
    assert codes(out) == ["9019"]


def test_verkeerd_type_and_xsd_ongeldig():
    _, (out,) = bad("WMO305", "verkeerd-retourtype")
    assert b"wmo308" in out and b"wmo306" not in out
    _, (out,) = bad("WMO305", "xsd-ongeldig")
    assert [f.rule for f in validate(out, clock=CLOCK).findings] == ["XSD"]


def test_totalen_kloppen_niet_only_for_325():
    _, (out,) = bad("JW323", "totalen-kloppen-niet")
    data = factory.to_data(validate(out, clock=CLOCK).bericht.root)["DeclaratieAntwoord"]
    assert int(data["TotaalToegekendBedrag"]["TotaalBedrag"]) == int(data["TotaalIngediendBedrag"]["TotaalBedrag"]) + 1
    with pytest.raises(FaultError):
        bad("WMO305", "totalen-kloppen-niet")


@pytest.mark.parametrize("fault, name, rule", [
    ("afwijzing-zonder-reden", "JW319", "CD085"),
    ("einddatum-voor-ingangsdatum", "WMO301", "CS003"),
])
def test_heen_faults_break_their_rule(fault, name, rule):
    data = apply_to_heen(fault, name, basis(name))
    assert {f.rule for f in validate(factory.to_bytes(name, data), clock=CLOCK).findings} == {rule}


def test_intrekking_terugwerkend_ends_in_the_past():
    data = apply_to_heen("intrekking-terugwerkend", "JW301", basis("JW301"), params={"dagen": 3})
    assert data["Client"]["ToegewezenProducten"][0]["Einddatum"] == dt.date(2026, 1, 9)


def test_hergebruikt_needs_its_parameter():
    with pytest.raises(FaultError):
        apply_to_heen("toewijzingnummer-hergebruikt", "JW301", basis("JW301"))
    data = apply_to_heen("toewijzingnummer-hergebruikt", "JW301", basis("JW301"), params={"nummer": 5})
    assert data["Client"]["ToegewezenProducten"][0]["ToewijzingNummer"] == 5


def test_unknown_or_misapplied_faults_are_refused():
    heen, tree = heen_and_retour()
    with pytest.raises(FaultError, match="onbekende fout"):
        apply_to_retour("bestaat-niet", tree, heen, clock=CLOCK)
    with pytest.raises(FaultError, match="transport"):
        apply_to_retour("http500", tree, heen, clock=CLOCK)


def test_catalogue_names_transport_faults_and_page_is_current():
    assert {"vertraging", "http500", "http503", "verbinding-verbroken", "geen-antwoord", "trage-body"} <= set(
        catalogue())
    page = Path(__file__).resolve().parents[2] / "docs" / "FOUTEN.md"
    assert page.read_text(encoding="utf-8") == reference_page()


def test_the_ketenpartner_does_every_transport_fault_of_the_catalogue_and_no_other():
    from mockserver.fouten import TRANSPORT_FAULTS

    assert set(TRANSPORT_FAULTS) == {name for name, fault in catalogue().items() if fault.level == "transport"}
