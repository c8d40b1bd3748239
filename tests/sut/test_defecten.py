"""Each deliberately broken variant shows its defect at the ketenpartner: the retourcode it causes in the
ketenpartner's retour, the verdict on its own retour, or what the ketenpartner receives (or does not)."""

from __future__ import annotations

import json

import pytest

from ketenproef import corpus
from ketenproef.rules.registry import covered, rules
from sut.registry import systems
from tests.sut.conftest import aanbieder_sut, gemeente_sut
from tests.sut.helpers import (
    BSN,
    BSN2,
    PRODUCTEN,
    VANDAAG,
    aan_gemeente,
    alle,
    bericht_301,
    client,
    kop,
    naam,
    omvang,
    ontvangen,
    oordelen,
    retourcodes,
    toegewezen,
    xml,
)

UUR_NR, ANDER_NR = 586955, 586956
JANUARI = {"Begindatum": "2026-01-01", "Einddatum": "2026-01-31"}


def vereis(regel: str) -> None:
    if regel not in {r.id for r in rules()} | set(covered()):
        pytest.skip(f"regel {regel} zit nog niet in de kern")


def laatste(kp, bericht: str, bsn: str = BSN) -> dict:
    return ontvangen(kp, bsn, bericht)[-1]


def regels_bij(entry: dict) -> set[str]:
    return {f["rule"] for f in entry["bevindingen"]}


def gevonden(kp, bericht: str, regel: str, code: str | None, bsn: str = BSN) -> None:
    """The ketenpartner found ``regel`` in the SUT's last ``bericht`` and answered with ``code``."""
    vereis(regel)
    entry = laatste(kp, bericht, bsn)
    assert regel in regels_bij(entry), entry["bevindingen"]
    if code:
        assert code in retourcodes(kp, entry, bsn)


def slechte_oordelen(kp, bsn: str = BSN) -> dict[str, str]:
    return {o["soort"]: o["detail"] for o in oordelen(kp, bsn) if not o["goed"]}


# ---------------------------------------------------------------------------------------------- aanbieder


def aanbieder_met_toewijzingen(kp, variant: str, standaard: str = "iWmo"):
    sut = aanbieder_sut(kp, variant)
    producten = [toegewezen(standaard, UUR_NR), toegewezen(standaard, ANDER_NR, 1, Omvang=omvang(10, "04", "4"))]
    kp.send(naam(standaard, "301"), bericht_301(producten))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    return sut


def gestart(kp, variant: str):
    sut = aanbieder_met_toewijzingen(kp, variant)
    sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "Begindatum": "2026-01-07"}, VANDAAG)
    return sut


def test_start_onbekende_toewijzing(kp_gemeente):
    sut = aanbieder_met_toewijzingen(kp_gemeente, "aanbieder-start-onbekende-toewijzing")
    sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": 4711, "Begindatum": "2026-01-07"}, VANDAAG)
    gevonden(kp_gemeente, "305", "TR019", "9019")


def test_start_als_verwijdering(kp_gemeente):
    gestart(kp_gemeente, "aanbieder-start-als-verwijdering")
    gevonden(kp_gemeente, "305", "TR063", "9063")


def test_tweede_tijdelijke_stop(kp_gemeente):
    sut = gestart(kp_gemeente, "aanbieder-tweede-tijdelijke-stop")
    stop = {"bsn": BSN, "ToewijzingNummer": UUR_NR, "Einddatum": "2026-01-30"}
    sut.trigger("stop_zorg", {**stop, "RedenBeeindiging": "20"}, VANDAAG)
    sut.trigger("stop_zorg", {**stop, "RedenBeeindiging": "23"}, VANDAAG)
    assert alle(xml(kp_gemeente, laatste(kp_gemeente, "307")), "RedenBeeindiging") == ["20"]
    gevonden(kp_gemeente, "307", "TR413", "9413")


def test_stop_met_ingangsdatum(kp_gemeente):
    sut = gestart(kp_gemeente, "aanbieder-stop-met-ingangsdatum")
    sut.trigger("stop_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "RedenBeeindiging": "23",
                              "Einddatum": "2026-01-30"}, VANDAAG)
    assert alle(xml(kp_gemeente, laatste(kp_gemeente, "307")), "Begindatum") == ["2026-01-05"]
    gevonden(kp_gemeente, "307", "TR382", "9069")


def test_vow_zonder_ongewijzigd(kp_gemeente):
    sut = aanbieder_met_toewijzingen(kp_gemeente, "aanbieder-vow-zonder-ongewijzigd")
    sut.trigger("verzoek_om_wijziging", {"bsn": BSN, "RedenVerzoek": "1", "TeWijzigenProducten": [
        {"ToewijzingNummer": UUR_NR, "GewensteIngangsdatum": "2026-03-01", "Omvang": omvang(6)}]}, VANDAAG)
    assert alle(xml(kp_gemeente, laatste(kp_gemeente, "317")), "OngewijzigdProduct") == []
    gevonden(kp_gemeente, "317", "TR349", "9349")


def test_verzoek_terwijl_openstaand(kp_gemeente):
    sut = aanbieder_met_toewijzingen(kp_gemeente, "aanbieder-verzoek-terwijl-openstaand")
    product = {"Product": PRODUCTEN["iWmo"][2], "ToewijzingIngangsdatum": "2026-03-01", "Omvang": omvang(2),
               "ToewijzingEinddatum": "2026-08-31", "Verwijzer": {"Type": "01"}}
    for _ in range(2):
        sut.trigger("verzoek_om_toewijzing", {"client": kop(), "producten": [product]}, VANDAAG)
    gevonden(kp_gemeente, "315", "TR374", "9374")


def declareer(sut, **prestatie):
    sut.trigger("declareer", {"DeclaratiePeriode": JANUARI, "prestaties": [
        {"bsn": BSN, "ReferentieNummer": "P1", **prestatie}]}, VANDAAG)


def test_declaratie_boven_toewijzing(kp_gemeente):
    sut = aanbieder_met_toewijzingen(kp_gemeente, "aanbieder-declaratie-boven-toewijzing")
    declareer(sut, ToewijzingNummer=UUR_NR, GeleverdVolume=17, ProductTarief=5000)  # 4 weeks x 4 uur = 16
    gevonden(kp_gemeente, "323", "TR321", "9321")


def test_uurtarief_bij_minuten(kp_gemeente):
    sut = aanbieder_met_toewijzingen(kp_gemeente, "aanbieder-uurtarief-bij-minuten")
    declareer(sut, ToewijzingNummer=ANDER_NR, GeleverdVolume=130, Eenheid="01", Uurtarief=5000)
    assert alle(xml(kp_gemeente, laatste(kp_gemeente, "323")), "ProductTarief") == ["5000"]
    gevonden(kp_gemeente, "323", "TR346", "9346")


def test_credit_zonder_goedkeuring(kp_gemeente):
    sut = aanbieder_met_toewijzingen(kp_gemeente, "aanbieder-credit-zonder-goedkeuring")
    kp_gemeente.set_fault(BSN, "geen-retour")  # the gemeente withholds its 325: the debet is not approved
    declareer(sut, ToewijzingNummer=UUR_NR, GeleverdVolume=4, ProductTarief=5000)
    kp_gemeente.clear_faults(BSN)
    sut.trigger("crediteer", {"ReferentieNummer": "P1"}, VANDAAG)
    gevonden(kp_gemeente, "323", "TR323", "8017")


def test_retour_eigen_identificatie(kp_gemeente):
    aanbieder_met_toewijzingen(kp_gemeente, "aanbieder-retour-eigen-identificatie")
    # a retour that refers to no known message belongs to no conversation: the ketenpartner logs it as "onbekend"
    assert "onbekend-bericht" in slechte_oordelen(kp_gemeente, "onbekend")


def test_retour_keurt_alles_goed(kp_gemeente):
    sut = aanbieder_sut(kp_gemeente, "aanbieder-retour-keurt-alles-goed")
    fout = toegewezen("iWmo", UUR_NR, RedenWijziging="13")  # CS335: verwijderd, but Einddatum != Ingangsdatum
    kp_gemeente.send("WMO301", bericht_301([fout]))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    detail = slechte_oordelen(kp_gemeente)
    assert "verkeerde-codes" in detail and "0001" in detail["verkeerde-codes"]


def test_geen_stop_na_intrekking(kp_gemeente):
    sut = gestart(kp_gemeente, "aanbieder-geen-stop-na-intrekking")
    ingetrokken = toegewezen("iWmo", UUR_NR, Einddatum="2026-01-31", RedenWijziging="05",
                             Toewijzingsdatum="2026-02-02", Toewijzingstijd="09:00:00")
    kp_gemeente.send("WMO301", bericht_301([ingetrokken, toegewezen("iWmo", ANDER_NR, 1)]))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    assert ontvangen(kp_gemeente, bericht="307") == []  # the reference aanbieder sends a stop here


# ---------------------------------------------------------------------------------------------- gemeente


def gemeente_met_toewijzing(kp, variant: str, bsn: str = BSN, i: int = 0) -> tuple[object, int]:
    sut = gemeente_sut(kp, variant)
    result = sut.trigger("toewijzen", {"client": client(bsn), "producten": [
        {"Product": PRODUCTEN["iWmo"][i], "Ingangsdatum": "2026-01-05", "Einddatum": "2026-06-30",
         "Omvang": omvang()}]}, VANDAAG)
    return sut, result["ToewijzingNummers"][0]


def test_retour_zonder_ketencontrole(kp_aanbieder):
    vereis("TR019")
    sut, _ = gemeente_met_toewijzing(kp_aanbieder, "gemeente-retour-zonder-ketencontrole")
    start = {"ToewijzingNummer": 4711, "Product": PRODUCTEN["iWmo"][0], "ToewijzingIngangsdatum": "2026-01-05",
             "Begindatum": "2026-01-26", "StatusAanlevering": "1"}
    kp_aanbieder.send("WMO305", aan_gemeente({"Client": {**kop(), "StartProducten": [start]}}))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    detail = slechte_oordelen(kp_aanbieder)
    assert "verkeerde-codes" in detail and "9019" in detail["verkeerde-codes"]


def declaratie_aan_gemeente(kp, nummer: int, code: str = "02A16") -> None:
    """One prestatie of 10 uur in January under toewijzing ``nummer`` (declared as ``code``) in a WMO323."""
    prestatie = {"ProductReferentie": {"ReferentieNummer": "P1"}, "ToewijzingNummer": nummer,
                 "ProductCategorie": code[:2], "ProductCode": code,
                 "ProductPeriode": {"Begindatum": "2026-01-05", "Einddatum": "2026-01-31"}, "GeleverdVolume": 10,
                 "Eenheid": "04", "ProductTarief": 5000, "IngediendBedrag": {"Bedrag": 50000, "DebetCredit": "D"}}
    kp.send("WMO323", aan_gemeente({"Declaratie": {
        "DeclaratieNummer": "DECL1", "DeclaratiePeriode": JANUARI, "DeclaratieDagtekening": VANDAAG,
        "TotaalIngediendBedrag": {"TotaalBedrag": 50000, "DebetCredit": "D"},
        "Clienten": [{"Bsn": BSN, "Prestaties": [prestatie]}]}}))


def test_325_met_goedgekeurde_prestaties(kp_aanbieder):
    sut, nummer = gemeente_met_toewijzing(kp_aanbieder, "gemeente-325-met-goedgekeurde-prestaties")
    declaratie_aan_gemeente(kp_aanbieder, nummer)
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    detail = slechte_oordelen(kp_aanbieder)
    assert "verkeerde-codes" in detail
    vereis("TR342")
    assert "ongeldig" in detail and "TR342" in detail["ongeldig"]


def test_325_met_declaratieperiode(kp_aanbieder):
    sut, nummer = gemeente_met_toewijzing(kp_aanbieder, "gemeente-325-met-declaratieperiode")
    declaratie_aan_gemeente(kp_aanbieder, nummer, "02A17")  # not the toewijzing's code: rejected (TR340)
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    vereis("TR367")
    detail = slechte_oordelen(kp_aanbieder)
    assert "ongeldig" in detail and "TR367" in detail["ongeldig"], detail


def test_relaties_op_volgorde(kp_aanbieder):
    relaties = [{"Soort": soort, "Naam": {"Geslachtsnaam": {"Achternaam": naam}, "NaamGebruik": "1"},
                 "Contact": {"Soort": "02", "Telefoon": {"Telefoon01": {"Telefoonnummer": "0201234567",
                                                                       "Landnummer": "0031"}}}}
                for soort, naam in (("10", "Jansen"), ("14", "Bakker"))]
    sut = gemeente_sut(kp_aanbieder, "gemeente-relaties-op-volgorde")
    for i, volgorde in enumerate((relaties, relaties[::-1])):
        sut.trigger("toewijzen", {"client": {**client(BSN), "Relaties": volgorde}, "producten": [
            {"Product": PRODUCTEN["iWmo"][i], "Ingangsdatum": "2026-01-05", "Einddatum": "2026-06-30",
             "Omvang": omvang()}]}, VANDAAG)
        sut.trigger("verwerk_postbus", {}, VANDAAG)
    vereis("OP071")
    assert "OP071" in regels_bij(laatste(kp_aanbieder, "301"))


def test_toewijzing_zonder_overige(kp_aanbieder):
    sut, eerste = gemeente_met_toewijzing(kp_aanbieder, "gemeente-toewijzing-zonder-overige")
    sut.trigger("toewijzen", {"bsn": BSN, "producten": [{"Product": PRODUCTEN["iWmo"][1],
                                                         "Ingangsdatum": "2026-02-01", "Omvang": omvang(),
                                                         "Einddatum": "2026-06-30"}]}, VANDAAG)
    tweede = laatste(kp_aanbieder, "301")
    assert str(eerste) not in alle(xml(kp_aanbieder, tweede), "ToewijzingNummer")
    vereis("OP087")
    assert "OP087" in regels_bij(tweede)


def test_toewijzingnummer_per_client(kp_aanbieder):
    sut, eerste = gemeente_met_toewijzing(kp_aanbieder, "gemeente-toewijzingnummer-per-client")
    andere = sut.trigger("toewijzen", {"client": client(BSN2), "producten": [
        {"Product": PRODUCTEN["iWmo"][1], "Ingangsdatum": "2026-01-05", "Einddatum": "2026-06-30",
         "Omvang": omvang()}]}, VANDAAG)
    assert andere["ToewijzingNummers"] == [eerste]
    gevonden(kp_aanbieder, "301", "TR332", "9332", bsn=BSN2)


def test_verwijderen_met_reden_01(kp_aanbieder):
    sut, nummer = gemeente_met_toewijzing(kp_aanbieder, "gemeente-verwijderen-met-reden-01")
    sut.trigger("wijzig_toewijzing", {"bsn": BSN, "ToewijzingNummer": nummer, "RedenWijziging": "13"}, VANDAAG)
    gevonden(kp_aanbieder, "301", "CS336", "0001")


def honoreer_vot(kp, variant: str):
    sut, _ = gemeente_met_toewijzing(kp, variant)
    kp.send("WMO315", aan_gemeente({"Client": {**kop(), "AangevraagdeProducten": [{
        "ReferentieAanbieder": "VOT-1", "Product": PRODUCTEN["iWmo"][2], "ToewijzingIngangsdatum": "2026-03-01",
        "ToewijzingEinddatum": "2026-08-31", "Omvang": omvang(2), "Verwijzer": {"Type": "01"}}]}}))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    sut.trigger("honoreer_verzoek", {"ReferentieAanbieder": "VOT-1"}, VANDAAG)
    return sut


def test_antwoord_na_toewijzing(kp_aanbieder):
    sut = honoreer_vot(kp_aanbieder, "gemeente-antwoord-na-toewijzing")
    sut.trigger("beantwoord_verzoek", {"ReferentieAanbieder": "VOT-1", "VerzoekAntwoord": "1",
                                       "RedenAfwijzingVerzoek": "3"}, VANDAAG)
    vereis("TR359")
    entry = [e for e in kp_aanbieder.log(BSN) if e["richting"] == "in" and e["message"] == "WMO319"][-1]
    assert "TR359" in regels_bij(entry)
    assert "9359" in retourcodes(kp_aanbieder, entry)


def test_referentie_blijft_staan(kp_aanbieder):
    sut = honoreer_vot(kp_aanbieder, "gemeente-referentie-blijft-staan")
    sut.trigger("toewijzen", {"bsn": BSN, "producten": [{"Product": PRODUCTEN["iWmo"][1], "Omvang": omvang(),
                                                         "Ingangsdatum": "2026-02-01", "Einddatum": "2026-06-30"}]},
                VANDAAG)
    assert "VOT-1" in alle(xml(kp_aanbieder, laatste(kp_aanbieder, "301")), "ReferentieAanbieder")
    gevonden(kp_aanbieder, "301", "TR379", "9379")


# ---------------------------------------------------------------------------------------------- the catalogue


def test_every_broken_variant_has_a_test_and_known_rules():
    broken = [s for s in systems() if s.broken]
    assert len(broken) >= 12
    assert min(sum(s.role == rol for s in broken) for rol in ("aanbieder", "gemeente")) >= 6
    register = corpus.rule_register()
    getest = {name for name in globals() if name.startswith("test_")}
    for s in broken:
        assert s.defect and s.rules, s.name
        assert set(s.rules) <= set(register), (s.name, set(s.rules) - set(register))
        kort = s.name.split("-", 1)[1].replace("-", "_")
        assert f"test_{kort}" in getest, f"geen test voor {s.name}"
        json.dumps({"name": s.name, "defect": s.defect, "rules": s.rules})


@pytest.mark.parametrize("variant", [s.name for s in systems() if s.broken])
def test_broken_variant_does_not_check_itself(variant):
    sut = next(s for s in systems() if s.name == variant).factory()
    assert sut.name == variant and sut.zelfcontrole is False


# ---------------------------------------------------------------------------------------------- transport


def test_zonder_herhaling(kp_gemeente):
    """Delivers once: after a 503 the start is reported as failed, never sent again (tests/sut/test_herhaling.py
    shows the reference delivering the same bytes again)."""
    from sut.base import SutError

    sut = aanbieder_met_toewijzingen(kp_gemeente, "aanbieder-zonder-herhaling")
    kp_gemeente.set_fault(BSN, "http503", aantal=1)
    with pytest.raises(SutError, match="503"):
        sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "Begindatum": "2026-01-07"}, VANDAAG)
    assert [e["status"] for e in ontvangen(kp_gemeente, BSN, "305")] == ["transportfout"]
