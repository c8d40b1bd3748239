"""The reference gemeente carries out every action of its role against the ketenpartner (as aanbieder), and the
ketenpartner accepts every message it sends and every retour and 325 it gives."""

from __future__ import annotations

import pytest

from ketenproef import basis
from sut.acties import acties_voor
from sut.base import SutError
from sut.referentie import ReferentieGemeente
from tests.sut.conftest import gemeente_sut
from tests.sut.helpers import (
    BSN,
    EINDE,
    PRODUCTEN,
    VANDAAG,
    aan_gemeente,
    afwijzend,
    alle,
    client,
    kop,
    naam,
    omvang,
    ontvangen,
    oordelen,
    retourcodes,
    waarden,
    xml,
)

TOEGEWEZEN = "Client/ToegewezenProducten/ToegewezenProduct"


def product(standaard: str, i: int = 0, **extra) -> dict:
    return {"Product": PRODUCTEN[standaard][i], "Ingangsdatum": "2026-01-05", "Einddatum": "2026-06-30",
            "Omvang": omvang(), **extra}


def toegewezen(kp, standaard, sut, producten=None) -> list[int]:
    result = sut.trigger("toewijzen", {"client": client(), "producten": producten or [product(standaard)]}, VANDAAG)
    return result["ToewijzingNummers"]


def alles_geaccepteerd(kp, verwacht_oordelen: bool = True):
    for entry in ontvangen(kp):
        assert afwijzend(entry) == [], (entry["message"], afwijzend(entry))
        if entry["soort"] == "heen":
            assert retourcodes(kp, entry) == [], entry["message"]
    assert all(o["goed"] for o in oordelen(kp)), [o for o in oordelen(kp) if not o["goed"]]
    assert oordelen(kp) or not verwacht_oordelen


def vot(standaard: str, referentie: str = "VOT-0001", i: int = 2) -> dict:
    return aan_gemeente({"Client": {**kop(), "AangevraagdeProducten": [{
        "ReferentieAanbieder": referentie, "Product": PRODUCTEN[standaard][i], "ToewijzingIngangsdatum": "2026-03-01",
        "ToewijzingEinddatum": "2026-08-31", "Omvang": omvang(2), "Verwijzer": {"Type": "01"}}]}})


def test_every_action_is_implemented():
    for actie in acties_voor("gemeente"):
        assert callable(getattr(ReferentieGemeente, actie)), actie


def test_toewijzen_and_wijzigen(kp_aanbieder, standaard):
    kp, sut = kp_aanbieder, gemeente_sut(kp_aanbieder)
    eerste, tweede = toegewezen(kp, standaard, sut, [product(standaard), product(standaard, 1)])
    derde = toegewezen(kp, standaard, sut, [product(standaard, 2, Ingangsdatum="2026-02-01")])[0]
    assert len({eerste, tweede, derde}) == 3
    bericht = xml(kp, ontvangen(kp, bericht="301")[-1])
    assert waarden(bericht, f"{TOEGEWEZEN}/ToewijzingNummer") == [str(eerste), str(tweede), str(derde)]  # OP087
    assert waarden(bericht, f"{TOEGEWEZEN}/Toewijzingsdatum") == ["2026-02-02"] * 3

    sut.trigger("wijzig_toewijzing", {"bsn": BSN, "ToewijzingNummer": eerste, "Einddatum": "2026-03-31",
                                      "RedenWijziging": "05"}, VANDAAG)
    sut.trigger("wijzig_toewijzing", {"bsn": BSN, "ToewijzingNummer": tweede, "RedenWijziging": "13"}, VANDAAG)
    gewijzigd = xml(kp, ontvangen(kp, bericht="301")[-1])
    assert waarden(gewijzigd, f"{TOEGEWEZEN}/RedenWijziging") == ["05", "13"]
    assert waarden(gewijzigd, f"{TOEGEWEZEN}/Einddatum") == ["2026-03-31", "2026-01-05", "2026-06-30"]
    tijden = alle(gewijzigd, "Toewijzingstijd")
    assert tijden[1] > tijden[0]  # the later change is the actual version (IV013)
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    assert ontvangen(kp, bericht="301")
    alles_geaccepteerd(kp, verwacht_oordelen=False)


def test_judges_start_stop_and_declaratie(kp_aanbieder, standaard):
    kp, sut = kp_aanbieder, gemeente_sut(kp_aanbieder)
    nummer = toegewezen(kp, standaard, sut)[0]
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    start = {"ToewijzingNummer": nummer, "Product": PRODUCTEN[standaard][0], "ToewijzingIngangsdatum": "2026-01-05",
             "Begindatum": "2026-01-26", "StatusAanlevering": "1"}
    kp.send(naam(standaard, "305"), aan_gemeente({"Client": {**kop(), "StartProducten": [start]}}))
    stop = {**start, "Begindatum": "2026-01-26", "RedenBeeindiging": EINDE[standaard], "Einddatum": "2026-01-30"}
    kp.send(naam(standaard, "307"), aan_gemeente({"Client": {**kop(), "StopProducten": [stop]}}))
    prestatie = basis.prestatie(standaard, "P1", 50000)
    prestatie.update(ToewijzingNummer=nummer, ProductPeriode={"Begindatum": "2026-01-05", "Einddatum": "2026-01-31"},
                     GeleverdVolume=10, ProductTarief=5000, ProductCode=PRODUCTEN[standaard][0]["Code"])
    kp.send(naam(standaard, "323"), aan_gemeente({"Declaratie": {
        "DeclaratieNummer": "DECL1", "DeclaratiePeriode": {"Begindatum": "2026-01-01", "Einddatum": "2026-01-31"},
        "DeclaratieDagtekening": VANDAAG, "TotaalIngediendBedrag": {"TotaalBedrag": 50000, "DebetCredit": "D"},
        "Clienten": [{"Bsn": BSN, "Prestaties": [prestatie]}]}}))
    result = sut.trigger("verwerk_postbus", {}, VANDAAG)
    assert [r["bericht"][-3:] for r in result["ontvangen"]] == ["305", "307", "323"]
    assert result["ontvangen"][2]["retourcodes"] == ["0200", "8001"]
    soorten = {o["soort"] for o in oordelen(kp)}
    assert {"juiste-codes", "op-tijd"} <= soorten
    alles_geaccepteerd(kp)


def test_verzoeken(kp_aanbieder, standaard):
    kp, sut = kp_aanbieder, gemeente_sut(kp_aanbieder)
    eerste = toegewezen(kp, standaard, sut)[0]
    kp.send(naam(standaard, "315"), vot(standaard, "VOT-1"))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    result = sut.trigger("honoreer_verzoek", {"ReferentieAanbieder": "VOT-1"}, VANDAAG)
    bericht = xml(kp, ontvangen(kp, bericht="301")[-1])
    assert waarden(bericht, f"{TOEGEWEZEN}/ReferentieAanbieder") == ["VOT-1"]  # only the honoured one (IV094)
    assert waarden(bericht, f"{TOEGEWEZEN}/ToewijzingNummer") == [str(eerste), str(result["ToewijzingNummers"][0])]

    kp.send(naam(standaard, "317"), aan_gemeente({"Client": {"Bsn": BSN, "Verzoek": {
        "ReferentieAanbieder": "VOW-1", "RedenVerzoek": "1",
        "OngewijzigdeProducten": [{"ToewijzingNummer": result["ToewijzingNummers"][0]}],
        "TeWijzigenProducten": [{"ToewijzingNummer": eerste, "GewensteIngangsdatum": "2026-04-01",
                                 "Einddatum": "2026-06-30", "Omvang": omvang(6)}]}}}))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    vow = sut.trigger("honoreer_verzoek", {"ReferentieAanbieder": "VOW-1"}, VANDAAG)
    bericht = xml(kp, ontvangen(kp, bericht="301")[-1])
    assert set(waarden(bericht, f"{TOEGEWEZEN}/ReferentieAanbieder")) == {"VOW-1"}  # IV093
    assert waarden(bericht, f"{TOEGEWEZEN}/RedenWijziging") == ["12"]  # the old one ends on 31 March
    assert "2026-03-31" in waarden(bericht, f"{TOEGEWEZEN}/Einddatum")
    assert len(vow["ToewijzingNummers"]) == 3

    kp.send(naam(standaard, "315"), vot(standaard, "VOT-2", 1))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    sut.trigger("beantwoord_verzoek", {"ReferentieAanbieder": "VOT-2", "VerzoekAntwoord": "2"}, VANDAAG)
    sut.trigger("beantwoord_verzoek", {"ReferentieAanbieder": "VOT-2", "VerzoekAntwoord": "1",
                                       "RedenAfwijzingVerzoek": "3"}, VANDAAG)
    with pytest.raises(SutError, match="TR360"):
        sut.trigger("beantwoord_verzoek", {"ReferentieAanbieder": "VOT-2", "VerzoekAntwoord": "1",
                                           "RedenAfwijzingVerzoek": "3"}, VANDAAG)
    with pytest.raises(SutError, match="TR359"):
        sut.trigger("beantwoord_verzoek", {"ReferentieAanbieder": "VOT-1", "VerzoekAntwoord": "2"}, VANDAAG)
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    alles_geaccepteerd(kp)


def test_honoreert_vot_of_unknown_client_with_contactgegevens(kp_aanbieder):
    kp, sut = kp_aanbieder, gemeente_sut(kp_aanbieder)
    kp.send("JW315", vot("iJw", "VOT-9"))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    with pytest.raises(SutError, match="Contactgegevens"):
        sut.trigger("honoreer_verzoek", {"ReferentieAanbieder": "VOT-9"}, VANDAAG)
    sut.trigger("honoreer_verzoek", {"ReferentieAanbieder": "VOT-9",
                                     "Contactgegevens": client()["Contactgegevens"]}, VANDAAG)
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    alles_geaccepteerd(kp)


def test_afwijzing_woonplaatsbeginsel_ijw(kp_aanbieder):
    kp, sut = kp_aanbieder, gemeente_sut(kp_aanbieder)
    kp.send("JW315", vot("iJw", "VOT-W"))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    sut.trigger("beantwoord_verzoek", {"bsn": BSN, "ReferentieAanbieder": "VOT-W", "VerzoekAntwoord": "1",
                                       "RedenAfwijzingVerzoek": "8", "Woonplaatsbeginsel": "0344"}, VANDAAG)
    antwoord = xml(kp, ontvangen(kp, bericht="319")[-1])
    assert alle(antwoord, "Gemeente") == ["0344"]
    alles_geaccepteerd(kp)


def test_never_gives_an_existing_toewijzingnummer_another_product(kp_aanbieder, standaard):
    """TR332: "Ieder ToegewezenProduct binnen een gemeente heeft een uniek nummer"; OP033x1: under a number only
    Einddatum (intrekken, oprekken, verwijderen), Volume (Frequentie 6) and Budget change. The reference gemeente's
    change keeps the product whatever the trigger says, and a 301 that would give the number another product is
    refused by its own validation (9332) before anything is sent."""
    kp, sut = kp_aanbieder, gemeente_sut(kp_aanbieder)
    nummer = toegewezen(kp, standaard, sut)[0]
    sut.trigger("wijzig_toewijzing", {"bsn": BSN, "ToewijzingNummer": nummer, "Einddatum": "2026-03-31",
                                      "RedenWijziging": "05", "Product": PRODUCTEN[standaard][1]}, VANDAAG)
    gewijzigd = xml(kp, ontvangen(kp, bericht="301")[-1])
    assert waarden(gewijzigd, f"{TOEGEWEZEN}/Product/Code") == [PRODUCTEN[standaard][0]["Code"]]
    _, t = sut.toewijzing_van({"bsn": BSN, "ToewijzingNummer": nummer})
    ander = {**sut.product_data(t), "Product": PRODUCTEN[standaard][1], **sut.stempel()}
    verstuurd = len(ontvangen(kp, bericht="301"))
    with pytest.raises(SutError, match="TR332"):
        sut.verstuur_toewijzing(standaard, BSN, [ander], sut.client(standaard, BSN))
    assert len(ontvangen(kp, bericht="301")) == verstuurd
