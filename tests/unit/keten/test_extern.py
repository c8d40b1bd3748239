"""Header and external-data rules (keten_extern.py): TR056, TR135, TR378, TR381. TR135/TR378/TR381 are "external"
in the register and registered with that scope; validate runs them with and without a chain (they read the
clock, the bundled codelists and, with a chain, keten.config). tests/unit/rules/test_extern_zonder_keten.py has
the verdicts without a chain."""

from __future__ import annotations

from datetime import date

import pytest

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.clock import FrozenClock
from ketenproef.keten import Keten, KetenConfig
from ketenproef.rules.registry import get
from ketenproef.validate import validate
from tests.unit.keten import KLOK, PREFIXES, Proef, assert_retour, register_entry

BOTH = pytest.mark.parametrize("prefix", PREFIXES)
ONBEKENDE_GEMEENTE = "9999"
OUDE_GEMEENTE = "0370"  # Beemster, opgegaan in Purmerend (herindeling 2022): niet in de CBS-lijst 2026


def bericht(name: str, data: dict, klok=KLOK):
    """A judged message object (single-message rules only) to call a rule function on directly."""
    report = validate(factory.to_bytes(name, data), clock=klok)
    assert report.bericht is not None
    return report.bericht


@pytest.mark.parametrize("rule_id", ["TR056", "TR135", "TR378", "TR381"])
def test_registration_matches_register(rule_id):
    rule, entry = get(rule_id), register_entry(rule_id)
    assert rule.berichten == frozenset(entry["berichten"])
    assert rule.retourcode == entry["retourcode"]
    assert set(rule.standaarden) == set(entry["standaarden"])
    assert rule.scope == entry["scope"] == ("chain" if rule_id == "TR056" else "external")


def test_external_rules_run_without_a_chain_too():
    """TR135 and TR378 need no earlier message: validate without a keten applies them."""
    data = basis("WMO301")
    data["Header"]["BerichtIdentificatie"]["Dagtekening"] = "2026-01-13"
    data["Header"]["Afzender"] = ONBEKENDE_GEMEENTE
    data["Client"]["ToegewezenProducten"][0]["Toewijzingsdatum"] = "2026-01-13"
    assert {f.rule for f in validate(factory.to_bytes("WMO301", data), clock=KLOK).findings} == {"TR135", "TR378"}


# ---------------------------------------------------------------- TR056


@BOTH
def test_tr056_identificatie_used_twice_by_the_same_sender(prefix):
    proef = Proef()
    eerste = proef.stuur(f"{prefix}315")
    data = proef.bericht(f"{prefix}315", lambda d: d["Client"]["AangevraagdeProducten"][0].update(
        ReferentieAanbieder="VOT-0002"))
    data["Header"]["BerichtIdentificatie"]["Identificatie"] = eerste.bericht.identificatie
    proef.stuur(f"{prefix}319", lambda d: d["Antwoord"].update(ReferentieAanbieder="VOT-0001"))
    report = proef.verwacht(f"{prefix}315", data, "TR056", klasse="Header")
    assert report.findings[0].path == "/Bericht/Header/BerichtIdentificatie/Identificatie"
    assert_retour(report, "Header", "9056")


@pytest.mark.parametrize("ander", ["berichtsoort", "afzender"])
def test_tr056_same_identificatie_of_another_type_or_sender_is_accepted(ander):
    proef = Proef()
    eerste = proef.stuur("WMO301")
    if ander == "berichtsoort":
        data = proef.bericht("WMO305")
        name = "WMO305"
    else:
        data = proef.bericht("WMO301", lambda d: d["Header"].update(Afzender="0599"))
        data["Client"]["ToegewezenProducten"][0]["ToewijzingNummer"] = 77
        name = "WMO301"
    data["Header"]["BerichtIdentificatie"]["Identificatie"] = eerste.bericht.identificatie
    proef.verwacht(name, data)


# ---------------------------------------------------------------- TR135


@BOTH
def test_tr135_dagtekening_after_the_system_date(prefix):
    proef = Proef()
    data = proef.bericht(f"{prefix}315", lambda d: d["Header"]["BerichtIdentificatie"].update(
        Dagtekening="2026-01-13"))
    report = proef.verwacht(f"{prefix}315", data, "TR135", klasse="Header")
    assert "2026-01-13" in report.findings[0].text and "2026-01-12" in report.findings[0].text
    assert_retour(report, "Header", "8848")


def test_tr135_dagtekening_today_is_accepted():
    Proef().verwacht("JW315", None)


def test_tr135_325_declaratie_dagtekening_in_the_future():
    data = basis("JW325")
    data["Header"]["DeclaratieIdentificatie"]["Dagtekening"] = "2026-01-20"
    data["Header"]["BerichtIdentificatie"]["Dagtekening"] = "2026-01-20"
    b = bericht("JW325", data, klok=FrozenClock(date(2026, 1, 20)))
    assert list(get("TR135").func(b, Keten())) == []
    b.clock = FrozenClock(date(2026, 1, 19))
    paden = [el.getparent().tag.split("}")[1] for el, _ in get("TR135").func(b, Keten())]
    assert paden == ["BerichtIdentificatie", "DeclaratieIdentificatie"]


# ---------------------------------------------------------------- TR378


@BOTH
def test_tr378_unknown_gemeente_as_ontvanger(prefix):
    proef = Proef()
    report = proef.verwacht(f"{prefix}315", lambda d: d["Header"].update(Ontvanger=ONBEKENDE_GEMEENTE), "TR378",
                            klasse="Header")
    assert report.findings[0].path == "/Bericht/Header/Ontvanger"
    assert_retour(report, "Header", "S300")


def test_tr378_unknown_gemeente_as_afzender_of_a_301():
    report = Proef().verwacht("WMO301", lambda d: d["Header"].update(Afzender=ONBEKENDE_GEMEENTE), "TR378")
    assert report.findings[0].path == "/Bericht/Header/Afzender"


def test_tr378_configured_code_is_accepted():
    proef = Proef(KetenConfig(gemeentecodes=frozenset({ONBEKENDE_GEMEENTE})))
    proef.verwacht("JW315", lambda d: d["Header"].update(Ontvanger=ONBEKENDE_GEMEENTE))


def test_tr378_old_code_stays_valid_for_toewijzingen_issued_under_it():
    """Herindeling: the 301 came while the old code was valid (configured); after the list changed a message
    without an ingangsdatum of its own (a 323) for that aanbieder may still use the old code, but a message that
    carries one judges by that date: a start (305) of a toewijzing of 2026 and a new verzoek (315) are rejected."""
    proef = Proef(KetenConfig(gemeentecodes=frozenset({OUDE_GEMEENTE})))
    proef.stuur("WMO301", lambda d: d["Header"].update(Afzender=OUDE_GEMEENTE))
    proef.keten.config.gemeentecodes = frozenset()
    b = bericht("WMO323", _aan(basis("WMO323"), OUDE_GEMEENTE))
    assert list(get("TR378").func(b, proef.keten)) == []
    assert len(list(get("TR378").func(b, Keten()))) == 1, "another chain: no toewijzing carried 0370"
    proef.verwacht("WMO305", lambda d: d["Header"].update(Ontvanger=OUDE_GEMEENTE), "TR378")
    proef.verwacht("WMO315", lambda d: d["Header"].update(Ontvanger=OUDE_GEMEENTE, Afzender="87654321"), "TR378")


def _aan(data: dict, gemeente: str) -> dict:
    data["Header"]["Ontvanger"] = gemeente
    return data


def test_tr378_woonplaatsbeginsel_gemeente():
    proef = Proef()
    proef.stuur("JW315")

    def woonplaats(gemeente: str):
        return lambda d: d["Antwoord"].update(RedenAfwijzingVerzoek="8", Woonplaatsbeginsel={"Gemeente": gemeente})
    report = proef.verwacht("JW319", woonplaats(ONBEKENDE_GEMEENTE), "TR378", klasse="Woonplaatsbeginsel")
    assert_retour(report, "Woonplaatsbeginsel", "S300")
    proef.verwacht("JW319", woonplaats("0599"))


# ---------------------------------------------------------------- TR381


LIJST = {"02": frozenset({"02A01"}), "03": frozenset({"03A01"}), "45": frozenset({"45A01"}),
         "46": frozenset({"46A01"})}


@pytest.mark.parametrize(("prefix", "product", "lijst"), [("WMO", {"Categorie": "02", "Code": "03A01"}, LIJST),
                                                          ("JW", {"Categorie": "45", "Code": "46A01"}, LIJST),
                                                          ("WMO", {"Categorie": "12", "Code": "12X77"}, None),
                                                          ("WMO", {"Categorie": "12", "Code": "11X01"}, None)])
def test_tr381_code_does_not_belong_to_the_categorie(prefix, product, lijst):
    """TR381: "ProductCode moet voorkomen in de gehanteerde productcodelijst en horen bij de ProductCategorie";
    with an agreed list that list, without one the published indeling hulpmiddelen iWmo."""
    proef = Proef(KetenConfig(productcodes=lijst))
    report = proef.verwacht(f"{prefix}301", lambda d: d["Client"]["ToegewezenProducten"][0].update(Product=product),
                            "TR381", klasse="ToegewezenProduct")
    assert report.findings[0].path.endswith("Product/Code") and product["Code"] in report.findings[0].text
    assert_retour(report, "ToegewezenProduct", "S329")


@pytest.mark.parametrize(("prefix", "product"), [("WMO", {"Categorie": "12", "Code": "12X01"}),
                                                 ("WMO", {"Categorie": "12", "Code": "12X91"}),
                                                 ("JW", {"Categorie": "43", "Code": "43Z01"}),
                                                 ("JW", {"Categorie": "45", "Code": "45X77"}),
                                                 ("WMO", {"Categorie": "02", "Code": "03A01"}),
                                                 ("WMO", {"Categorie": "02", "Code": "ABCDE"}),
                                                 ("JW", {"Categorie": "45", "Code": "46A01"})])
def test_tr381_without_a_product_list_only_the_published_list(prefix, product):
    """IV075 lets a gemeente use its own list: without an agreed list a code outside the published indeling
    hulpmiddelen gets no S329, whatever its first characters."""
    Proef().verwacht(f"{prefix}301", lambda d: d["Client"]["ToegewezenProducten"][0].update(Product=product))


@pytest.mark.parametrize(("code", "rules"), [("02A16", set()), ("02A17", {"TR381"})])
def test_tr381_with_the_agreed_product_list(code, rules):
    proef = Proef(KetenConfig(productcodes={"02": frozenset({"02A16"})}))
    proef.verwacht("WMO315", lambda d: d["Client"]["AangevraagdeProducten"][0].update(
        Product={"Categorie": "02", "Code": code}), *rules, klasse="AangevraagdProduct")


def test_tr381_with_a_list_per_gemeente_and_aanbieder():
    """A list agreed between one gemeente and one aanbieder goes before the general one, and only for them."""
    data = basis("WMO315")
    data["Client"]["AangevraagdeProducten"][0]["Product"] = {"Categorie": "02", "Code": "ABCDE"}
    b = bericht("WMO315", data)
    gemeente, aanbieder = data["Header"]["Ontvanger"], data["Header"]["Afzender"]
    eigen = Keten(KetenConfig(productcodes=LIJST, productcodelijsten={(gemeente, aanbieder): {"02": frozenset({
        "ABCDE"})}}))
    assert list(get("TR381").func(b, eigen)) == []
    ander = Keten(KetenConfig(productcodes=LIJST, productcodelijsten={("0599", aanbieder): {"02": frozenset({
        "ABCDE"})}}))
    assert len(list(get("TR381").func(b, ander))) == 1


def test_tr381_other_classes_and_deletes():
    keten = Keten(KetenConfig(productcodes=LIJST))
    data = basis("JW323")
    data["Declaratie"]["Clienten"][0]["Prestaties"][0]["ProductCode"] = "46A01"
    assert [t[-40:] for _, t in get("TR381").func(bericht("JW323", data), keten)] == [
        "staat niet bij deze categorie in de productcodelijst (TR381)."[-40:]]
    stop = basis("WMO307")
    stop["Client"]["StopProducten"][0]["Product"] = {"Categorie": "02", "Code": "03A01"}
    assert len(list(get("TR381").func(bericht("WMO307", stop), keten))) == 1
    stop["Client"]["StopProducten"][0]["StatusAanlevering"] = "3"
    assert list(get("TR381").func(bericht("WMO307", stop), keten)) == []
    vow = basis("WMO317")
    vow["Client"]["Verzoek"]["NieuweProducten"][0]["Product"] = {"Categorie": "02", "Code": "03A01"}
    assert len(list(get("TR381").func(bericht("WMO317", vow), keten))) == 1
