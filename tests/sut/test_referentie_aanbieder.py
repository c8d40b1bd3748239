"""The reference aanbieder carries out every action of its role against the ketenpartner (as gemeente), and the
ketenpartner accepts every message it sends and every retour it gives."""

from __future__ import annotations

import pytest

from sut.acties import acties_voor
from sut.base import SutError
from sut.referentie import ReferentieAanbieder
from tests.sut.conftest import aanbieder_sut
from tests.sut.helpers import (
    BSN,
    EINDE,
    PRODUCTEN,
    VANDAAG,
    aan_aanbieder,
    afwijzend,
    alle,
    bericht_301,
    kop,
    naam,
    omvang,
    ontvangen,
    oordelen,
    retourcodes,
    tekst,
    toegewezen,
    waarden,
    xml,
)

UUR_NR, MIN_NR = 586955, 586956
JANUARI = {"Begindatum": "2026-01-01", "Einddatum": "2026-01-31"}


def toewijzingen_ontvangen(kp, sut, standaard):
    producten = [toegewezen(standaard, UUR_NR), toegewezen(standaard, MIN_NR, 1, Omvang=omvang(10, "04", "4"))]
    kp.send(naam(standaard, "301"), bericht_301(producten), deadline=30)
    return sut.trigger("verwerk_postbus", {}, VANDAAG)


def alles_geaccepteerd(kp):
    for entry in ontvangen(kp):
        assert afwijzend(entry) == [], (entry["message"], afwijzend(entry))
        if entry["soort"] == "heen":
            assert retourcodes(kp, entry) in ([], ["0200", "8001"]), entry["message"]
    assert oordelen(kp) and all(o["goed"] for o in oordelen(kp)), oordelen(kp)


def test_every_action_is_implemented():
    for actie in acties_voor("aanbieder"):
        assert callable(getattr(ReferentieAanbieder, actie)), actie


def test_all_actions_accepted_by_the_ketenpartner(kp_gemeente, standaard):
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    result = toewijzingen_ontvangen(kp, sut, standaard)
    assert [r["bericht"] for r in result["ontvangen"]] == [naam(standaard, "301")]
    assert result["ontvangen"][0]["retourcodes"] == []

    sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "Begindatum": "2026-01-07"}, VANDAAG)
    start = xml(kp, ontvangen(kp, bericht="305")[-1])
    assert tekst(start, "Client/StartProducten/StartProduct/ToewijzingIngangsdatum") == "2026-01-05"
    assert tekst(start, "Client/StartProducten/StartProduct/StatusAanlevering") == "1"

    vot = sut.trigger("verzoek_om_toewijzing", {"client": kop(), "producten": [{
        "Product": PRODUCTEN[standaard][2], "ToewijzingIngangsdatum": "2026-03-01",
        "ToewijzingEinddatum": "2026-08-31", "Omvang": omvang(2), "Verwijzer": {"Type": "01"}}]}, VANDAAG)
    assert vot["standaard"] == standaard
    kp.send(naam(standaard, "319"), aan_aanbieder({"Antwoord": {
        "ReferentieAanbieder": vot["ReferentieAanbieder"][0], "VerzoekAntwoord": "1", "RedenAfwijzingVerzoek": "2"}}))
    sut.trigger("verwerk_postbus", {}, VANDAAG)

    vow = sut.trigger("verzoek_om_wijziging", {"bsn": BSN, "RedenVerzoek": "1", "TeWijzigenProducten": [
        {"ToewijzingNummer": UUR_NR, "GewensteIngangsdatum": "2026-03-01", "Omvang": omvang(6)}]}, VANDAAG)
    verzoek = xml(kp, ontvangen(kp, bericht="317")[-1])
    assert waarden(verzoek, "Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct/ToewijzingNummer") == [
        str(MIN_NR)]  # TR349: the other actual toewijzing is named too
    kp.send(naam(standaard, "319"), aan_aanbieder({"Antwoord": {
        "ReferentieAanbieder": vow["ReferentieAanbieder"], "VerzoekAntwoord": "1", "RedenAfwijzingVerzoek": "2"}}))

    prestaties = [
        {"bsn": BSN, "ToewijzingNummer": UUR_NR, "GeleverdVolume": 10, "ProductTarief": 5000, "ReferentieNummer": "P1"},
        {"bsn": BSN, "ToewijzingNummer": MIN_NR, "GeleverdVolume": 130, "Eenheid": "01", "Uurtarief": 5000,
         "ReferentieNummer": "P2"}]
    declaratie = sut.trigger("declareer", {"DeclaratiePeriode": JANUARI, "prestaties": prestaties}, VANDAAG)
    assert declaratie["prestaties"]["P1"] == {"Bedrag": 50000, "DebetCredit": "D"}
    assert declaratie["prestaties"]["P2"] == {"Bedrag": 10833, "DebetCredit": "D"}  # IV079: not 130 x 83
    assert declaratie["TotaalIngediendBedrag"] == {"TotaalBedrag": 60833, "DebetCredit": "D"}
    d323 = xml(kp, ontvangen(kp, bericht="323")[-1])
    perioden = waarden(d323, "Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode/Begindatum")
    assert perioden == ["2026-01-05", "2026-01-05"]  # IV089: from the Ingangsdatum, later in the month

    postbus = sut.trigger("verwerk_postbus", {}, VANDAAG)
    antwoord = next(r for r in postbus["ontvangen"] if r["bericht"].endswith("325"))
    assert antwoord["retourcodes"] == ["0200", "8001"]

    sut.trigger("stop_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "RedenBeeindiging": "20",
                              "Einddatum": "2026-01-30"}, VANDAAG)
    sut.trigger("stop_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "RedenBeeindiging": EINDE[standaard],
                              "Einddatum": "2026-01-30"}, VANDAAG)
    stops = [xml(kp, e) for e in ontvangen(kp, bericht="307")]
    assert [alle(s, "Begindatum")[0] for s in stops] == ["2026-01-07", "2026-01-07"]
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    alles_geaccepteerd(kp)


def test_stops_by_itself_after_intrekking(kp_gemeente, standaard):
    """Administratief afsluiten: the gemeente ends the toewijzing early; the aanbieder reports the stop."""
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    toewijzingen_ontvangen(kp, sut, standaard)
    sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "Begindatum": "2026-01-07"}, VANDAAG)
    ingetrokken = toegewezen(standaard, UUR_NR, Einddatum="2026-01-31", RedenWijziging="05",
                             Toewijzingsdatum="2026-02-02", Toewijzingstijd="09:00:00")
    kp.send(naam(standaard, "301"), bericht_301([ingetrokken, toegewezen(standaard, MIN_NR, 1)]))
    result = sut.trigger("verwerk_postbus", {}, VANDAAG)
    assert len(result["verstuurd"]) == 2  # the 302 on the intrekking and the stop
    assert result["afgesloten"] == [UUR_NR]
    stop = xml(kp, ontvangen(kp, bericht="307")[-1])
    assert alle(stop, "RedenBeeindiging")[0] == "36"  # geinitieerd door de gemeente (matches 05)
    assert alle(stop, "Einddatum")[0] == "2026-01-31"
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    alles_geaccepteerd(kp)


@pytest.mark.parametrize("actie, gegevens, melding", [
    ("start_zorg", {"bsn": BSN, "ToewijzingNummer": 4711, "Begindatum": "2026-01-07"}, "nooit ontvangen"),
    ("stop_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "RedenBeeindiging": "20", "Einddatum": "2026-01-30"},
     "geen lopende start"),
    ("declareer", {"DeclaratiePeriode": JANUARI, "prestaties": [
        {"bsn": BSN, "ToewijzingNummer": UUR_NR, "GeleverdVolume": 17, "ProductTarief": 5000}]}, "TR321"),
    ("crediteer", {"ReferentieNummer": "ONBEKEND"}, "nooit gedeclareerd"),
    ("verzoek_om_wijziging", {"bsn": BSN, "RedenVerzoek": "1", "TeWijzigenProducten": [
        {"ToewijzingNummer": 4711, "GewensteIngangsdatum": "2026-03-01"}]}, "TR351"),
])
def test_refuses_what_a_correct_system_refuses(kp_gemeente, actie, gegevens, melding):
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    toewijzingen_ontvangen(kp, sut, "iWmo")
    with pytest.raises(SutError, match=melding):
        sut.trigger(actie, gegevens, VANDAAG)


def test_refuses_second_verzoek_and_unapproved_credit(kp_gemeente):
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    toewijzingen_ontvangen(kp, sut, "iWmo")
    product = {"Product": PRODUCTEN["iWmo"][2], "ToewijzingIngangsdatum": "2026-03-01", "Omvang": omvang(2),
               "Verwijzer": {"Type": "01"}, "ToewijzingEinddatum": "2026-08-31"}
    sut.trigger("verzoek_om_toewijzing", {"client": kop(), "producten": [product]}, VANDAAG)
    with pytest.raises(SutError, match="TR374"):
        sut.trigger("verzoek_om_toewijzing", {"client": kop(), "producten": [product]}, VANDAAG)
    sut.trigger("declareer", {"DeclaratiePeriode": JANUARI,
                              "prestaties": [{"bsn": BSN, "ToewijzingNummer": UUR_NR, "GeleverdVolume": 4,
                                              "ProductTarief": 5000, "ReferentieNummer": "P9"}]}, VANDAAG)
    with pytest.raises(SutError, match="goedgekeurd"):
        sut.trigger("crediteer", {"ReferentieNummer": "P9"}, VANDAAG)  # no 325 read yet
    with pytest.raises(SutError, match="kent de actie"):
        sut.trigger("toewijzen", {}, VANDAAG)


def declaratie_goedgekeurd(kp, sut, standaard):
    toewijzingen_ontvangen(kp, sut, standaard)
    sut.trigger("declareer", {"DeclaratiePeriode": JANUARI,
                              "prestaties": [{"bsn": BSN, "ToewijzingNummer": MIN_NR, "GeleverdVolume": 130,
                                              "Eenheid": "01", "Uurtarief": 5000, "ReferentieNummer": "P2"}]}, VANDAAG)
    sut.trigger("verwerk_postbus", {}, VANDAAG)


def test_crediteer_builds_the_credit_of_an_approved_debet(kp_gemeente, standaard):
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    declaratie_goedgekeurd(kp, sut, standaard)
    credit = sut.trigger("crediteer", {"ReferentieNummer": "P2", "NieuwReferentieNummer": "P2C"}, VANDAAG)
    assert credit["TotaalIngediendBedrag"] == {"TotaalBedrag": 10833, "DebetCredit": "C"}
    c323 = xml(kp, ontvangen(kp, bericht="323")[-1])
    assert alle(c323, "VorigReferentieNummer") == ["P2"]
    assert alle(c323, "DebetCredit") == ["C", "C"]
    with pytest.raises(SutError, match="al gecrediteerd"):
        sut.trigger("crediteer", {"ReferentieNummer": "P2", "NieuwReferentieNummer": "P2D"}, VANDAAG)


def test_ketenpartner_accepts_the_credit(kp_gemeente):
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    declaratie_goedgekeurd(kp, sut, "iWmo")
    sut.trigger("crediteer", {"ReferentieNummer": "P2"}, VANDAAG)
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    alles_geaccepteerd(kp)


def test_reads_rejections_from_the_retour(kp_gemeente):
    """A start the gemeente rejects (306 with a code) is not a start: there is nothing to stop."""
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    toewijzingen_ontvangen(kp, sut, "iWmo")
    kp.set_fault(BSN, "retourcode-extra", aantal=1)
    sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "Begindatum": "2026-01-07"}, VANDAAG)
    result = sut.trigger("verwerk_postbus", {}, VANDAAG)
    assert result["ontvangen"][0]["geaccepteerd"] is False
    with pytest.raises(SutError, match="geen lopende start"):
        sut.trigger("stop_zorg", {"bsn": BSN, "ToewijzingNummer": UUR_NR, "RedenBeeindiging": "23",
                                  "Einddatum": "2026-01-30"}, VANDAAG)


def test_reads_rejections_from_the_325(kp_gemeente):
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    toewijzingen_ontvangen(kp, sut, "iWmo")
    kp.set_fault(BSN, "retourcode-extra", aantal=1)
    sut.trigger("declareer", {"DeclaratiePeriode": JANUARI, "prestaties": [
        {"bsn": BSN, "ToewijzingNummer": UUR_NR, "GeleverdVolume": 4, "ProductTarief": 5000,
         "ReferentieNummer": "P1"}]}, VANDAAG)
    antwoord = sut.trigger("verwerk_postbus", {}, VANDAAG)["ontvangen"][0]
    assert "9019" in antwoord["retourcodes"]
    with pytest.raises(SutError, match="goedgekeurd"):
        sut.trigger("crediteer", {"ReferentieNummer": "P1"}, VANDAAG)


def test_contract_tariffs_bind_the_declaration(kp_gemeente, standaard):
    """TR418: after ``contracttarieven`` the aanbieder declares only at the contract tariff (the ketenpartner has
    no contract here, so what reaches it is the aanbieder's own doing)."""
    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    toewijzingen_ontvangen(kp, sut, standaard)
    code = PRODUCTEN[standaard][0]["Code"]
    sut.trigger("contracttarieven", {"tarieven": [{"gemeente": sut.gemeente, "aanbieder": sut.aanbieder,
                                                   "ProductCode": code, "Eenheid": "04", "tarief": 5200}]}, VANDAAG)
    prestatie = {"bsn": BSN, "ToewijzingNummer": UUR_NR, "GeleverdVolume": 2, "Eenheid": "04",
                 "ReferentieNummer": "P1"}
    with pytest.raises(SutError, match="TR418"):
        sut.trigger("declareer", {"DeclaratiePeriode": JANUARI, "prestaties": [{**prestatie, "ProductTarief": 5000}]},
                    VANDAAG)
    sut.trigger("declareer", {"DeclaratiePeriode": JANUARI, "prestaties": [{**prestatie, "ProductTarief": 5200}]},
                VANDAAG)
    assert alle(xml(kp, ontvangen(kp)[-1]), "ProductTarief") == ["5200"]


def test_contract_tariffs_need_complete_entries(kp_gemeente):
    sut = aanbieder_sut(kp_gemeente)
    with pytest.raises(SutError, match="ProductCode"):
        sut.trigger("contracttarieven", {"tarieven": [{"gemeente": "0363", "aanbieder": "1", "Eenheid": "04",
                                                       "tarief": 1}]}, VANDAAG)


def test_declaratieperiodes_follow_each_gemeente(kp_gemeente, standaard):
    """TR318 holds per gemeente: a run against a vendor's system plays another gemeente in every scenario
    (the system is connected again), so a later period for one gemeente does not block another's earlier one."""
    from sut.base import Verbinding
    from tests.sut.helpers import AGB, GEMEENTE

    kp, sut = kp_gemeente, aanbieder_sut(kp_gemeente)
    toewijzingen_ontvangen(kp, sut, standaard)
    kp.set_datum(BSN, "2026-03-02")
    prestatie = {"bsn": BSN, "ToewijzingNummer": UUR_NR, "GeleverdVolume": 2, "Eenheid": "04",
                 "ProductTarief": 5000}
    februari = {"Begindatum": "2026-02-01", "Einddatum": "2026-02-28"}
    sut.trigger("declareer", {"DeclaratiePeriode": februari, "prestaties": [{**prestatie, "ReferentieNummer": "P1"}]},
                "2026-03-02")
    sut.trigger("verwerk_postbus", {}, "2026-03-02")
    januari = {"DeclaratiePeriode": JANUARI, "prestaties": [{**prestatie, "ReferentieNummer": "P2"}]}
    with pytest.raises(SutError, match="TR318"):
        sut.trigger("declareer", januari, "2026-03-02")
    andere = "0344" if GEMEENTE != "0344" else "0345"
    sut.connect(Verbinding(kp.url, AGB, andere))
    kp.send(naam(standaard, "301"), {**bericht_301([toegewezen(standaard, UUR_NR)]),
                                     "Header": {"Afzender": andere, "Ontvanger": AGB}}, deadline=30)
    sut.trigger("verwerk_postbus", {}, "2026-03-02")
    sut.trigger("declareer", {"DeclaratiePeriode": JANUARI, "prestaties": [{**prestatie, "ReferentieNummer": "P3"}]},
                "2026-03-02")
    assert text_of_last_323(kp) == andere


def text_of_last_323(kp) -> str:
    laatste = [e for e in ontvangen(kp) if e["message"].endswith("323")][-1]
    return xml(kp, laatste).findtext("{*}Header/{*}Ontvanger")
