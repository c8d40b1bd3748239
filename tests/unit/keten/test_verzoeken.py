"""Chain rules of the verzoeken (315/317 checked by the gemeente, 319 by the aanbieder; keten_verzoeken.py) and of
the toewijzing (301, checked by the aanbieder; keten_toewijzing.py)."""

from __future__ import annotations

import sys
import types

import pytest

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.keten import Keten
from ketenproef.keten.verzoeken import Ref, Verzoeken
from ketenproef.rules.registry import covered, get
from ketenproef.validate import validate
from tests.unit.keten import ANDER_PRODUCT, ANDERE_BSN, KLOK, PREFIXES, Proef, assert_retour, register_entry, std

VERZOEK_REGELS = ("TR347", "TR349", "TR350", "TR351", "TR355", "TR357", "TR359", "TR360", "TR361", "TR365", "TR373",
                  "TR374", "TR375", "TR411", "TR412", "TR304")
TOEWIJZING_REGELS = ("TR332", "TR379", "TR385")
ADVIES = ("OP033x1", "OP087", "OP380", "OP344", "OP307", "OP359")
GEDEKT = {"OP275": {"TR332"}, "OP350": {"TR374"}, "OP361": {"TR347"}, "OP306": {"TR349", "TR350", "TR351", "TR352"},
          "OP308": {"TR349", "TR361"}, "OP257": {"OP033x1", "OP380"}}
BOTH = pytest.mark.parametrize("prefix", PREFIXES)
TWEEDE_AGB = "87654321"


# ---------------------------------------------------------------- message builders


def toegewezen(data: dict, i: int = 0) -> dict:
    return data["Client"]["ToegewezenProducten"][i]


def tweede_toewijzing(prefix: str, **velden):
    """301 with the basis toewijzing 586955 and a second one 586956 of another product."""
    def wijzig(data: dict) -> None:
        eerste = toegewezen(data)
        tweede = dict(eerste, **{"ToewijzingNummer": 586956, "Product": ANDER_PRODUCT[std(prefix)], **velden})
        data["Client"]["ToegewezenProducten"].append(tweede)
    return wijzig


def vow(ongewijzigd=(586955,), nieuw: dict | None = None, te_wijzigen: list | None = None, ref: str = "VOW-0001"):
    """A 317 with these OngewijzigdProducten, TeWijzigenProducten and (by default) one NieuwProduct of the other
    product (so it never stacks on the basis toewijzing)."""
    def wijzig(data: dict) -> None:
        verzoek = data["Client"]["Verzoek"]
        verzoek["ReferentieAanbieder"] = ref
        verzoek["OngewijzigdeProducten"] = [{"ToewijzingNummer": n} for n in ongewijzigd]
        if te_wijzigen:
            verzoek["TeWijzigenProducten"] = te_wijzigen
        if nieuw is None:
            verzoek.pop("NieuweProducten")
        else:
            verzoek["NieuweProducten"][0].update(nieuw)
    return wijzig


def nieuw_ander(prefix: str) -> dict:
    return {"Product": ANDER_PRODUCT[std(prefix)]}


def antwoord(waarde: str = "1", ref: str = "VOT-0001", reden: str | None = "2"):
    def wijzig(data: dict) -> None:
        data["Antwoord"].update(ReferentieAanbieder=ref, VerzoekAntwoord=waarde)
        if reden is None:
            data["Antwoord"].pop("RedenAfwijzingVerzoek")
        else:
            data["Antwoord"]["RedenAfwijzingVerzoek"] = reden
    return wijzig


def met_referentie(ref: str, *indices: int):
    def wijzig(data: dict) -> None:
        for i in indices or (0,):
            toegewezen(data, i)["ReferentieAanbieder"] = ref
    return wijzig


def te_wijzigen(nummer: int = 586955, gewenst: str = "2026-02-01", einde: str | None = "2026-06-30",
                omvang: dict | None = None, budget: int | None = None) -> dict:
    product = {"ToewijzingNummer": nummer, "GewensteIngangsdatum": gewenst}
    if einde:
        product["Einddatum"] = einde
    if omvang:
        product["Omvang"] = omvang
    if budget is not None:
        product["Budget"] = budget
    return product


OMVANG = {"Volume": 2, "Eenheid": "04", "Frequentie": "2"}


def budget_toewijzing(product: dict | None, budget: int = 100000):
    """301 whose toewijzing 586955 has a Budget and no Omvang (generic without Product, or aspecific)."""
    def wijzig(data: dict) -> None:
        t = toegewezen(data)
        t.pop("Omvang")
        t["Budget"] = budget
        if product is None:
            t.pop("Product")
        else:
            t["Product"] = product
    return wijzig


def met_toewijzing(prefix: str, wijzig=None) -> Proef:
    proef = Proef()
    proef.stuur(f"{prefix}301", wijzig)
    return proef


# ---------------------------------------------------------------- registration


@pytest.mark.parametrize("rule_id", VERZOEK_REGELS + TOEWIJZING_REGELS + ADVIES)
def test_registration_matches_register(rule_id):
    rule, entry = get(rule_id), register_entry(rule_id)
    assert rule.berichten == frozenset(entry["berichten"])
    assert rule.retourcode == entry["retourcode"]
    assert set(rule.standaarden) == set(entry["standaarden"])
    assert rule.scope == "chain"
    assert entry["scope"] == ("process" if rule_id == "OP359" else "chain")


def test_bedrijfsregels_are_covered():
    gedekt = covered()
    for rule_id, door in GEDEKT.items():
        assert set(gedekt[rule_id][0]) == door


def test_ledger_tracks_verzoeken_and_answers():
    proef = Proef()
    proef.stuur("WMO315")
    verzoeken, ref = proef.keten.part(Verzoeken), Ref("iWmo", "0363", "12345678", "VOT-0001")
    assert verzoeken.verzoek(ref).soort == "VOT" and not verzoeken.afgehandeld(ref)
    assert [r for r, _ in verzoeken.openstaand("iWmo", "0363", "12345678", "999990020")] == [ref]
    proef.stuur("WMO319", antwoord("2", reden=None))
    assert verzoeken.antwoorden(ref) == ["2"] and not verzoeken.afgehandeld(ref)
    proef.stuur("WMO301", met_referentie("VOT-0001"))
    assert verzoeken.toegewezen_in(ref) and verzoeken.openstaand("iWmo", "0363", "12345678", "999990020") == []


# ---------------------------------------------------------------- TR347 / TR374 / OP307 (315, 317)


@BOTH
def test_tr347_referentie_used_before(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}315")
    proef.stuur(f"{prefix}319", antwoord("1"))
    report = proef.verwacht(f"{prefix}315", None, "TR347", klasse="AangevraagdProduct")
    assert report.findings[0].path.endswith("/ReferentieAanbieder")
    assert_retour(report, "AangevraagdProduct", "9347")


def test_tr347_vow_reusing_a_vot_referentie():
    proef = met_toewijzing("WMO")
    proef.stuur("WMO315", lambda d: d["Client"]["AangevraagdeProducten"][0].update(Product=ANDER_PRODUCT["iWmo"]))
    proef.stuur("WMO319", antwoord("1"))
    report = proef.verwacht("WMO317", vow(nieuw=nieuw_ander("WMO"), ref="VOT-0001"), "TR347", klasse="Verzoek")
    assert_retour(report, "Verzoek", "9347")


def test_tr347_new_referentie_is_accepted():
    proef = Proef()
    proef.stuur("JW315")
    proef.stuur("JW319", antwoord("1"))
    proef.verwacht("JW315", lambda d: d["Client"]["AangevraagdeProducten"][0].update(ReferentieAanbieder="VOT-0002"))


@BOTH
@pytest.mark.parametrize("eerst", ["geen", "in onderzoek"])
def test_tr374_verzoek_while_one_is_pending(prefix, eerst):
    proef = Proef()
    proef.stuur(f"{prefix}315")
    if eerst == "in onderzoek":
        proef.stuur(f"{prefix}319", antwoord("2", reden=None))
    report = proef.verwacht(f"{prefix}315",
                            lambda d: d["Client"]["AangevraagdeProducten"][0].update(ReferentieAanbieder="VOT-0002"),
                            "TR374", klasse="Client")
    assert "VOT-0001" in report.findings[0].text
    assert_retour(report, "Client", "9374")


@BOTH
@pytest.mark.parametrize("afgehandeld", ["afgewezen", "toegewezen"])
def test_tr374_after_the_answer_a_new_verzoek_is_accepted(prefix, afgehandeld):
    proef = Proef()
    proef.stuur(f"{prefix}315", lambda d: d["Client"]["AangevraagdeProducten"][0].update(
        Product=ANDER_PRODUCT[std(prefix)]))
    if afgehandeld == "afgewezen":
        proef.stuur(f"{prefix}319", antwoord("1"))
        proef.verwacht(f"{prefix}315", lambda d: d["Client"]["AangevraagdeProducten"][0].update(
            ReferentieAanbieder="VOT-0002"))
    else:
        proef.stuur(f"{prefix}301", met_referentie("VOT-0001"))
        proef.verwacht(f"{prefix}317", vow(nieuw=nieuw_ander(prefix) | {"GewensteIngangsdatum": "2026-07-01",
                                                                      "Einddatum": "2026-12-31"}))


def test_tr374_vow_while_vot_is_pending():
    proef = met_toewijzing("JW")
    proef.stuur("JW315", lambda d: d["Client"]["AangevraagdeProducten"][0].update(Product=ANDER_PRODUCT["iJw"],
                                                                                  ToewijzingIngangsdatum="2026-08-01",
                                                                                  ToewijzingEinddatum="2026-12-31"))
    proef.verwacht("JW317", vow(nieuw={"Product": {"Categorie": "45", "Code": "45A07"}}), "TR374", klasse="Client")


@BOTH
def test_op307_vot_for_a_product_with_an_actual_toewijzing(prefix):
    proef = met_toewijzing(prefix)
    report = proef.verwacht(f"{prefix}315", None, "OP307", klasse="AangevraagdProduct")
    assert report.findings[0].level == "advies" and "586955" in report.findings[0].text
    assert report.valid


def test_op307_vot_for_another_product_is_fine():
    proef = met_toewijzing("WMO")
    proef.verwacht("WMO315", lambda d: d["Client"]["AangevraagdeProducten"][0].update(Product=ANDER_PRODUCT["iWmo"]))


# ---------------------------------------------------------------- TR349 / TR350 / TR351 / TR304 (317)


@BOTH
def test_tr349_vow_misses_an_actual_toewijzing(prefix):
    proef = met_toewijzing(prefix, tweede_toewijzing(prefix))
    report = proef.verwacht(f"{prefix}317", vow(nieuw={"Product": {"Categorie": "45" if prefix == "JW" else "04",
                                                                   "Code": "45A07" if prefix == "JW" else "04A01"}}),
                            "TR349", klasse="Verzoek")
    assert "586956" in report.findings[0].text
    assert_retour(report, "Verzoek", "9349")


@BOTH
def test_tr349_complete_vow_is_accepted(prefix):
    proef = met_toewijzing(prefix, tweede_toewijzing(prefix))
    proef.verwacht(f"{prefix}317", vow(ongewijzigd=(586955, 586956), nieuw={
        "Product": {"Categorie": "45" if prefix == "JW" else "04", "Code": "45A07" if prefix == "JW" else "04A01"}}))


def test_tr349_ended_and_deleted_toewijzingen_are_not_actual():
    proef = met_toewijzing("WMO", tweede_toewijzing("WMO", Einddatum="2026-01-10"))
    proef.stuur("WMO301", lambda d: (toegewezen(d).update(Toewijzingstijd="11:00:00"),
                                     d["Client"]["ToegewezenProducten"].append(dict(
                                         toegewezen(d), ToewijzingNummer=586957, Ingangsdatum="2026-02-01",
                                         Einddatum="2026-02-01", RedenWijziging="13",
                                         Product={"Categorie": "04", "Code": "04A01"}))))
    proef.verwacht("WMO317", vow(nieuw={"Product": {"Categorie": "05", "Code": "05A01"}}))


@BOTH
def test_tr350_ongewijzigd_product_not_actual(prefix):
    proef = met_toewijzing(prefix, tweede_toewijzing(prefix, Einddatum="2026-01-10"))
    report = proef.verwacht(f"{prefix}317", vow(ongewijzigd=(586956,), nieuw=None,
                                                te_wijzigen=[te_wijzigen(omvang=OMVANG)]),
                            "TR350", klasse="OngewijzigdProduct")
    assert "2026-01-10" in report.findings[0].text
    assert_retour(report, "OngewijzigdProduct", "9350")


def test_tr350_unknown_toewijzing():
    proef = met_toewijzing("JW")
    report = proef.verwacht("JW317", vow(ongewijzigd=(586955, 999999), nieuw=nieuw_ander("JW")), "TR350")
    assert "999999" in report.findings[0].text


@BOTH
def test_tr351_te_wijzigen_product_not_actual(prefix):
    proef = met_toewijzing(prefix, tweede_toewijzing(prefix, Einddatum="2026-01-10"))
    report = proef.verwacht(f"{prefix}317", vow(ongewijzigd=(586955,), nieuw=None,
                                                te_wijzigen=[te_wijzigen(586956, omvang=OMVANG)]),
                            "TR351", klasse="TeWijzigenProduct")
    assert_retour(report, "TeWijzigenProduct", "9351")


def test_tr351_te_wijzigen_actual_toewijzing_is_accepted():
    proef = met_toewijzing("WMO")
    proef.verwacht("WMO317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[te_wijzigen(omvang=OMVANG)]))


@BOTH
def test_tr304_vow_for_the_toewijzing_of_another_client(prefix):
    proef = met_toewijzing(prefix, lambda d: (d["Client"].update(Bsn=ANDERE_BSN),
                                              toegewezen(d).update(ToewijzingNummer=586956)))
    report = proef.verwacht(f"{prefix}317", vow(ongewijzigd=(586956,), nieuw=nieuw_ander(prefix)), "TR304",
                            klasse="Client")
    assert ANDERE_BSN in report.findings[0].text and report.findings[0].path == "/Bericht/Client/Bsn"
    assert_retour(report, "Client", "8187")


def test_tr304_delegates_323_and_325_to_the_declaratie_rules(monkeypatch):
    report = validate(factory.to_bytes("JW323", basis("JW323")), clock=KLOK)
    bericht = report.bericht
    nep = types.ModuleType("ketenproef.rules.keten_declaratie_toewijzing")
    nep.tr304_declaratie = lambda b, keten: iter([(b.header, "gedelegeerd")])
    monkeypatch.setitem(sys.modules, "ketenproef.rules.keten_declaratie_toewijzing", nep)
    assert [t for _, t in get("TR304").func(bericht, Keten())] == ["gedelegeerd"]
    monkeypatch.setitem(sys.modules, "ketenproef.rules.keten_declaratie_toewijzing", types.ModuleType("leeg"))
    assert list(get("TR304").func(bericht, Keten())) == []


# ---------------------------------------------------------------- TR357 / TR373 (317)


@BOTH
def test_tr357_past_gewenste_ingangsdatum_must_be_the_ingangsdatum(prefix):
    proef = met_toewijzing(prefix)
    report = proef.verwacht(f"{prefix}317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[
        te_wijzigen(gewenst="2026-01-10", omvang=OMVANG)]), "TR357", klasse="TeWijzigenProduct")
    assert report.findings[0].path.endswith("/GewensteIngangsdatum")
    assert_retour(report, "TeWijzigenProduct", "9357")


@pytest.mark.parametrize("gewenst", ["2026-01-05", "2026-01-13"])
def test_tr357_whole_period_or_future_is_accepted(gewenst):
    proef = met_toewijzing("JW")
    proef.verwacht("JW317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[te_wijzigen(gewenst=gewenst, omvang=OMVANG)]))


@BOTH
def test_tr373_budget_change_from_a_later_date(prefix):
    proef = met_toewijzing(prefix, budget_toewijzing({"Categorie": "02" if prefix == "WMO" else "45"}))
    report = proef.verwacht(f"{prefix}317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[
        te_wijzigen(budget=150000)]), "TR373", klasse="TeWijzigenProduct")
    assert "Budget" in report.findings[0].text
    assert_retour(report, "TeWijzigenProduct", "9373")


def test_tr373_total_change_with_frequentie_6_from_a_later_date():
    proef = met_toewijzing("WMO", lambda d: toegewezen(d)["Omvang"].update(Volume=40, Frequentie="6"))
    proef.verwacht("WMO317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[
        te_wijzigen(omvang={"Volume": 50, "Eenheid": "04", "Frequentie": "6"})]), "TR373")


def test_tr373_budget_change_over_the_whole_period_is_accepted():
    proef = met_toewijzing("JW", budget_toewijzing({"Categorie": "45"}))
    proef.verwacht("JW317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[te_wijzigen(gewenst="2026-01-05",
                                                                                    budget=150000)]))


# ---------------------------------------------------------------- TR375 / TR411 / TR412 (317)


@BOTH
def test_tr375_omvang_for_a_toewijzing_without_product(prefix):
    proef = met_toewijzing(prefix, budget_toewijzing(None))
    report = proef.verwacht(f"{prefix}317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[te_wijzigen(omvang=OMVANG)]),
                            "TR375", klasse="TeWijzigenProduct")
    assert report.findings[0].path.endswith("/Omvang")
    assert_retour(report, "TeWijzigenProduct", "9375")


@BOTH
def test_tr412_omvang_for_a_toewijzing_without_productcode(prefix):
    proef = met_toewijzing(prefix, budget_toewijzing({"Categorie": "02" if prefix == "WMO" else "45"}))
    report = proef.verwacht(f"{prefix}317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[te_wijzigen(omvang=OMVANG)]),
                            "TR412", klasse="TeWijzigenProduct")
    assert_retour(report, "TeWijzigenProduct", "9412")


def test_tr375_tr412_budget_only_change_is_accepted():
    proef = met_toewijzing("WMO", budget_toewijzing(None))
    proef.verwacht("WMO317", vow(ongewijzigd=(), nieuw=None, te_wijzigen=[te_wijzigen(gewenst="2026-01-05",
                                                                                     budget=120000)]))


@BOTH
def test_tr411_omvang_missing_for_a_toewijzing_with_productcode(prefix):
    proef = met_toewijzing(prefix)
    zonder_omvang = vow(ongewijzigd=(), nieuw=None, te_wijzigen=[te_wijzigen(einde="2026-12-31")])
    report = proef.verwacht(f"{prefix}317", zonder_omvang, "TR411", klasse="TeWijzigenProduct")
    assert "02A16" in report.findings[0].text or "45A02" in report.findings[0].text
    assert_retour(report, "TeWijzigenProduct", "9411")


# ---------------------------------------------------------------- TR361 (317)


@BOTH
def test_tr361_new_product_overlaps_an_unchanged_toewijzing(prefix):
    proef = met_toewijzing(prefix)
    report = proef.verwacht(f"{prefix}317", None, "TR361", klasse="Verzoek")  # basis 317: same product, overlap
    assert "OngewijzigdProduct 586955" in report.findings[0].text
    assert_retour(report, "Verzoek", "9361")


def test_tr361_te_wijzigen_overlaps_new_product():
    proef = met_toewijzing("JW")
    proef.verwacht("JW317", vow(ongewijzigd=(), nieuw={}, te_wijzigen=[te_wijzigen(gewenst="2026-02-01",
                                                                                   omvang=OMVANG)]), "TR361")


@BOTH
def test_tr361_same_product_for_a_following_period_is_accepted(prefix):
    proef = met_toewijzing(prefix)
    proef.verwacht(f"{prefix}317", vow(nieuw={"GewensteIngangsdatum": "2026-07-01", "Einddatum": "2026-12-31"}))


def test_tr361_hulpmiddelen_are_exempt_in_iwmo():
    hulpmiddel = {"Categorie": "12", "Code": "12X01"}
    proef = met_toewijzing("WMO", lambda d: toegewezen(d).update(Product=hulpmiddel))
    proef.verwacht("WMO317", vow(nieuw={"Product": hulpmiddel}))


# ---------------------------------------------------------------- 319: TR355 / TR359 / TR360 / TR365 / OP359


@BOTH
def test_tr355_answer_to_an_unknown_verzoek(prefix):
    proef = Proef()
    report = proef.verwacht(f"{prefix}319", None, "TR355", klasse="Antwoord")
    assert report.findings[0].path.endswith("Antwoord/ReferentieAanbieder")
    assert_retour(report, "Antwoord", "9355")


@BOTH
@pytest.mark.parametrize("msg", ["315", "317"])
def test_tr355_answer_to_a_vot_or_vow_is_accepted(prefix, msg):
    proef = met_toewijzing(prefix) if msg == "317" else Proef()
    proef.stuur(f"{prefix}{msg}", vow(nieuw=nieuw_ander(prefix)) if msg == "317" else None)
    proef.verwacht(f"{prefix}319", antwoord("1", ref="VOT-0001" if msg == "315" else "VOW-0001"))


@BOTH
def test_tr359_no_answer_after_the_toewijzing(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}315")
    proef.stuur(f"{prefix}301", met_referentie("VOT-0001"))
    report = proef.verwacht(f"{prefix}319", antwoord("1"), "TR359", klasse="Antwoord")
    assert_retour(report, "Antwoord", "9359")


@BOTH
def test_tr360_in_onderzoek_only_once(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}315")
    proef.stuur(f"{prefix}319", antwoord("2", reden=None))
    report = proef.verwacht(f"{prefix}319", antwoord("2", reden=None), "TR360", klasse="Antwoord")
    assert_retour(report, "Antwoord", "9360")


def test_tr360_tr365_rejection_after_in_onderzoek_is_accepted():
    proef = Proef()
    proef.stuur("WMO315")
    proef.stuur("WMO319", antwoord("2", reden=None))
    proef.verwacht("WMO319", antwoord("1"))


@BOTH
def test_tr365_answer_after_a_rejection(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}315")
    proef.stuur(f"{prefix}319", antwoord("1"))
    report = proef.verwacht(f"{prefix}319", antwoord("1", reden="3"), "TR365", klasse="Antwoord")
    assert_retour(report, "Antwoord", "9365")


def test_tr360_and_tr365_in_onderzoek_after_a_rejection():
    proef = Proef()
    proef.stuur("JW315")
    proef.stuur("JW319", antwoord("1"))
    proef.verwacht("JW319", antwoord("2", reden=None), "TR360", "TR365")


def woonplaats(data: dict) -> None:
    data["Antwoord"].update(RedenAfwijzingVerzoek="8", Woonplaatsbeginsel={"Gemeente": "0599"})


@pytest.mark.parametrize(("dagtekening_vot", "rules"), [("2025-12-01", {"OP359"}), ("2025-12-29", set())])
def test_op359_woonplaatsbeginsel_rejection_within_two_weeks(dagtekening_vot, rules):
    proef = Proef()
    proef.stuur("JW315", lambda d: d["Header"]["BerichtIdentificatie"].update(Dagtekening=dagtekening_vot))
    report = proef.verwacht("JW319", woonplaats, *rules, klasse="Antwoord")
    assert report.valid


# ---------------------------------------------------------------- TR332 (301)


@BOTH
@pytest.mark.parametrize("wie", ["client", "aanbieder"])
def test_tr332_number_already_used_for_another_toewijzing(prefix, wie):
    proef = met_toewijzing(prefix)
    if wie == "client":
        wijzig = lambda d: d["Client"].update(Bsn=ANDERE_BSN)  # noqa: E731
    else:
        wijzig = lambda d: d["Header"].update(Ontvanger=TWEEDE_AGB)  # noqa: E731
    report = proef.verwacht(f"{prefix}301", wijzig, "TR332", klasse="ToegewezenProduct")
    assert report.findings[0].path.endswith("/ToewijzingNummer")
    assert_retour(report, "ToegewezenProduct", "9332")


def test_tr332_resending_the_same_toewijzing_is_accepted():
    proef = met_toewijzing("WMO")
    proef.verwacht("WMO301", None)


# ---------------------------------------------------------------- TR379 (301)


@BOTH
def test_tr379_referentie_without_verzoek(prefix):
    proef = Proef()
    report = proef.verwacht(f"{prefix}301", met_referentie("VOT-0001"), "TR379", klasse="ToegewezenProduct")
    assert_retour(report, "ToegewezenProduct", "9379")


@BOTH
def test_tr379_honouring_a_vot_is_accepted_once(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}315")
    proef.stuur(f"{prefix}301", met_referentie("VOT-0001"))
    report = proef.verwacht(f"{prefix}301", met_referentie("VOT-0001"), "TR379")
    assert "al gehonoreerd" in report.findings[0].text
    proef.verwacht(f"{prefix}301", None)  # later versions leave ReferentieAanbieder empty


def test_tr379_referentie_of_a_rejected_verzoek():
    proef = Proef()
    proef.stuur("JW315")
    proef.stuur("JW319", antwoord("1"))
    proef.verwacht("JW301", met_referentie("VOT-0001"), "TR379")


def test_tr379_vow_referentie_on_every_toegewezen_product():
    proef = met_toewijzing("WMO")
    proef.stuur("WMO317", vow(nieuw=nieuw_ander("WMO")))
    honoreer = tweede_toewijzing("WMO", Ingangsdatum="2026-02-01", Einddatum="2026-07-31", ReferentieAanbieder="X")

    def half(data: dict) -> None:
        honoreer(data)
        toegewezen(data, 0)["ReferentieAanbieder"] = "VOW-0001"
        toegewezen(data, 1).pop("ReferentieAanbieder")
    report = proef.verwacht("WMO301", half, "TR379", klasse="ToegewezenProduct")
    assert report.findings[0].path.endswith("ToegewezenProduct[2]")

    def heel(data: dict) -> None:
        honoreer(data)
        for i in (0, 1):
            toegewezen(data, i)["ReferentieAanbieder"] = "VOW-0001"
    proef.verwacht("WMO301", heel)


# ---------------------------------------------------------------- TR385 (301)


def verwijder(data: dict) -> None:
    toegewezen(data).update(Einddatum="2026-01-05", RedenWijziging="13", Toewijzingstijd="11:00:00")


@BOTH
def test_tr385_delete_with_approved_prestaties(prefix, monkeypatch):
    from ketenproef.keten import declaraties

    proef = met_toewijzing(prefix)
    monkeypatch.setattr(declaraties.Part, "goedgekeurd", lambda self, g, a, n: (g, a, n) == ("0363", "12345678",
                                                                                           586955))
    report = proef.verwacht(f"{prefix}301", verwijder, "TR385", klasse="ToegewezenProduct")
    assert_retour(report, "ToegewezenProduct", "9385")


def test_tr385_with_the_declaraties_ledger():
    """The real declaraties part: a 323 with a 325 that approves it (8001), then the toewijzing is deleted."""
    proef = met_toewijzing("JW")
    decl = proef.bericht("JW323")
    decl["Declaratie"]["Clienten"][0]["Prestaties"][0]["ProductPeriode"] = {"Begindatum": "2026-01-05",
                                                                           "Einddatum": "2026-01-11"}
    proef.keten.apply(validate(factory.to_bytes("JW323", decl), clock=KLOK).bericht)
    antwoord_325 = proef.bericht("JW325")
    antwoord_325["Header"]["DeclaratieIdentificatie"]["Identificatie"] = decl["Header"]["BerichtIdentificatie"][
        "Identificatie"]
    proef.keten.apply(validate(factory.to_bytes("JW325", antwoord_325), clock=KLOK).bericht)
    proef.verwacht("JW301", verwijder, "TR385")


def test_tr385_delete_without_prestaties_is_accepted():
    proef = met_toewijzing("WMO")
    proef.verwacht("WMO301", verwijder)


# ---------------------------------------------------------------- advice on the 301: OP033x1, OP087, OP380, OP344


@BOTH
@pytest.mark.parametrize("wijziging", ["volume", "ingangsdatum"])  # another product: TR332 (test_toewijzingnummer)
def test_op033x1_change_not_allowed_on_the_same_number(prefix, wijziging):
    proef = met_toewijzing(prefix)

    def wijzig(data: dict) -> None:
        t = toegewezen(data)
        t.update(Toewijzingstijd="11:00:00", RedenWijziging="14")
        if wijziging == "volume":
            t["Omvang"]["Volume"] = 6
        else:
            t["Ingangsdatum"] = "2026-01-06"
    report = proef.verwacht(f"{prefix}301", wijzig, "OP033x1", klasse="ToegewezenProduct")
    assert report.valid and report.findings[0].level == "advies"


@pytest.mark.parametrize("wijzig", [
    lambda t: t.update(Einddatum="2026-09-30", RedenWijziging="04"),
    lambda t: t.update(Einddatum="2026-03-31", RedenWijziging="05"),
], ids=["oprekken", "intrekken"])
def test_op033x1_allowed_changes(wijzig):
    proef = met_toewijzing("JW")
    proef.verwacht("JW301", lambda d: (wijzig(toegewezen(d)), toegewezen(d).update(Toewijzingstijd="11:00:00")))


def test_op033x1_volume_change_with_frequentie_6_is_allowed():
    proef = met_toewijzing("WMO", lambda d: toegewezen(d)["Omvang"].update(Volume=40, Frequentie="6"))
    proef.verwacht("WMO301", lambda d: (toegewezen(d)["Omvang"].update(Volume=50, Frequentie="6"),
                                        toegewezen(d).update(Toewijzingstijd="11:00:00", RedenWijziging="12")))


@BOTH
def test_op087_301_without_all_actual_toewijzingen(prefix):
    proef = met_toewijzing(prefix, tweede_toewijzing(prefix))
    report = proef.verwacht(f"{prefix}301", lambda d: toegewezen(d).update(ToewijzingNummer=586956,
                                                                          Product=ANDER_PRODUCT[std(prefix)]),
                            "OP087", klasse="Client")
    assert "586955" in report.findings[0].text


def test_op087_ended_toewijzing_may_be_left_out():
    proef = met_toewijzing("WMO", tweede_toewijzing("WMO", Einddatum="2026-01-10"))
    proef.verwacht("WMO301", None)


@BOTH
def test_op380_new_number_where_extending_was_mandatory(prefix):
    proef = met_toewijzing(prefix)
    report = proef.verwacht(f"{prefix}301", tweede_toewijzing(prefix, Product=basis(f"{prefix}301")["Client"][
        "ToegewezenProducten"][0]["Product"], Ingangsdatum="2026-07-01", Einddatum="2026-12-31"),
        "OP380", klasse="ToegewezenProduct")
    assert "586955" in report.findings[0].text and report.findings[0].path.endswith("ToegewezenProduct[2]")


@pytest.mark.parametrize("geval", ["andere omvang", "einde verstreken"])
def test_op380_new_toewijzing_is_fine(geval):
    eerste = {"Einddatum": "2026-01-10"} if geval == "einde verstreken" else {}
    proef = met_toewijzing("WMO", lambda d: toegewezen(d).update(**eerste))
    start = "2026-01-11" if geval == "einde verstreken" else "2026-07-01"

    def wijzig(data: dict) -> None:
        toegewezen(data).update(**eerste)
        tweede_toewijzing("WMO", Product={"Categorie": "02", "Code": "02A16"}, Ingangsdatum=start,
                          Einddatum="2026-12-31")(data)
        if geval == "andere omvang":
            toegewezen(data, 1)["Omvang"] = {"Volume": 2, "Eenheid": "04", "Frequentie": "2"}
    proef.verwacht("WMO301", wijzig)


def test_op344_vow_honoured_only_in_part():
    proef = met_toewijzing("JW")
    proef.stuur("JW317", vow(nieuw=nieuw_ander("JW")))
    report = proef.verwacht("JW301", met_referentie("VOW-0001"), "OP344", klasse="Client")
    assert "NieuweProducten" in report.findings[0].text and report.valid
