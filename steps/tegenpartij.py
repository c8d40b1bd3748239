"""Steps about the ketenpartner (the mock counterparty) by name: messages only it can send (corrections,
ready-made examples, deliberately wrong messages) and its faults from the catalogue."""

from __future__ import annotations

from pytest_bdd import given, parsers, when

from suite.handelingen import datum, product

VERWIJDEREN = "3"


@when(parsers.parse('de ketenpartner de start van "{dag}" verwijdert'), target_fixture="uitkomst")
def start_verwijderen(gesprek, vandaag, dag):
    return gesprek.start(vandaag, dag, StatusAanlevering=VERWIJDEREN)


@when("de ketenpartner dezelfde start nog een keer stuurt", target_fixture="uitkomst")
def zelfde_start(gesprek, vandaag):
    laatste = gesprek.dossier().starts()[-1]
    return gesprek.start(vandaag, datum(laatste["Begindatum"]), nummer=int(laatste["ToewijzingNummer"]))


@when("de ketenpartner een nieuwe versie van de toewijzing stuurt met een ander product", target_fixture="uitkomst")
def nieuwe_versie_ander_product(gesprek, vandaag):
    """TR332/OP033x1: under an existing ToewijzingNummer of the client only Einddatum, Omvang and Budget change."""
    nummer, ander = gesprek.nummer(), product(gesprek.productcode("ander"))
    gegevens = {"standaard": gesprek.standaard, "bsn": gesprek.client["Bsn"], "ToewijzingNummer": nummer}

    def ander_product(data: dict) -> None:
        for p in data["Client"]["ToegewezenProducten"]:
            if int(p["ToewijzingNummer"]) == nummer:
                p["Product"] = ander
    return gesprek.als_ketenpartner("wijzig_toewijzing", gegevens, vandaag, ander_product)


@when("de ketenpartner een toewijzing voor een ander product stuurt met het nummer van de eerste toewijzing",
      target_fixture="uitkomst")
def nummer_hergebruikt(gesprek, vandaag):
    fout = {"naam": "toewijzingnummer-hergebruikt", "params": {"nummer": gesprek.nummer(volgorde=1), "index": 1}}
    with gesprek.mag_weigeren(fout=fout):
        return gesprek.toewijzing_afgeven(vandaag, "ander", "2026-01-19", "2026-07-31")


@when(parsers.parse('de ketenpartner een toewijzing stuurt met ReferentieAanbieder "{referentie}"'),
      target_fixture="uitkomst")
def toewijzing_met_referentie(gesprek, vandaag, referentie):
    return gesprek.toewijzing_afgeven(vandaag, None, "2026-01-19", "2026-07-31", ReferentieAanbieder=referentie)


@when(parsers.parse('de ketenpartner de toewijzing opnieuw stuurt met de fout "{fout}"'), target_fixture="uitkomst")
def toewijzing_met_fout(gesprek, vandaag, fout):
    with gesprek.mag_weigeren(fout=fout):
        return gesprek.toewijzen(vandaag, [])


# ------------------------------------------------------------------------------------------- faults
# How long the ketenpartner stalls in the faults that take time (vertraging: the answer comes late; trage-body: the
# body trickles in, in up to 20 pieces; geen-antwoord: the connection stays open without an answer, then closes).
# An answer of the in-process ketenpartner takes a few milliseconds, so 0.1 s is late by a factor of ten or more
# and the pieces of a trickled body still arrive apart; what the scenarios check (delivered once, nothing twice,
# the next message clean) does not depend on the length. It is no deadline: the system waits for the answer or the
# closed connection, never for a clock of the suite, so a slow machine only makes it later. (Was 0.3 and 0.5 s:
# 3.2 s of worker time per run of the suite for nothing.)
STILSTAND = 0.1


@given(parsers.parse('de ketenpartner beantwoordt het volgende bericht van het systeem met de fout "{fout}"'))
def retourfout(ketenpartner, gesprek, fout):
    params = {"seconden": STILSTAND} if fout in ("vertraging", "trage-body") else {}
    ketenpartner.set_fault(gesprek.bsn, fout, aantal=1, **params)


@given(parsers.parse('de ketenpartner laat het volgende bericht van het systeem mislukken met de transportfout '
                     '"{fout}"'))
def transportfout(ketenpartner, gesprek, fout):
    params = {"seconden": STILSTAND} if fout == "geen-antwoord" else {}
    ketenpartner.set_fault(gesprek.bsn, fout, aantal=1, **params)


@when("de ketenpartner zijn laatste bericht nog een keer stuurt met dezelfde identificatie", target_fixture="uitkomst")
def zelfde_bericht(gesprek, vandaag):
    laatste = gesprek.dossier().laatste(heen=True, van_systeem=False)
    assert laatste is not None, "de ketenpartner heeft in dit gesprek nog niets verstuurd"
    return gesprek.stuur(laatste.naam, laatste.data, vandaag, identificatie=laatste.entry["identificatie"],
                         bsn=gesprek.bsn)


@when(parsers.parse('de ketenpartner het verzoek afwijst met de fout "{fout}"'), target_fixture="uitkomst")
def afwijzing_met_fout(gesprek, vandaag, fout):
    with gesprek.mag_weigeren(fout=fout):
        return gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), "1", "2")


@when(parsers.parse('de ketenpartner het corpusvoorbeeld "{pad}" aflevert'), target_fixture="uitkomst")
def corpusvoorbeeld(gesprek, vandaag, pad):
    from suite import voorbeelden

    naam, data, xsd_fout = voorbeelden.als_data(pad, gesprek)
    return gesprek.stuur(naam, data, vandaag, deadline=min(2.0, gesprek.deadline) if xsd_fout else None,
                         bsn=gesprek.bsn)


@when(parsers.parse('de ketenpartner het corpusvoorbeeld "{pad}" letterlijk aflevert'), target_fixture="uitkomst")
def corpusvoorbeeld_letterlijk(gesprek, vandaag, pad):
    """The example's bytes as they are (a BOM, Latin-1, an entity bomb, an external entity ...): no retour is due,
    so the ketenpartner waits only briefly for one that should not come."""
    from suite import voorbeelden

    xml = voorbeelden.voorbeeld(pad).path.read_bytes()
    return gesprek.stuur_ruw(xml, vandaag, deadline=min(2.0, gesprek.deadline))


@when("de ketenpartner een toewijzing stuurt met het ToewijzingNummer van de andere client",
      target_fixture="uitkomst")
def nummer_van_andere_client(gesprek, vandaag, andere):
    fout = {"naam": "toewijzingnummer-hergebruikt", "params": {"nummer": andere.nummer(), "index": 0}}
    with gesprek.mag_weigeren(fout=fout):
        return gesprek.toewijzing_afgeven(vandaag, None, "2026-01-19", "2026-07-31")
