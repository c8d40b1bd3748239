"""Steps about the system under test itself: its mailbox, its refusals."""

from __future__ import annotations

import datetime as dt
import time

from pytest_bdd import given, parsers, then, when

from mockserver.store import VERWERKT  # an incoming message the ketenpartner processed
from mockserver.transport import BAD
from suite import oordeel
from suite.dossier import Regel
from suite.gesprek import Uitkomst


@given("het systeem heeft zijn postbus verwerkt")
@when("het systeem zijn postbus verwerkt")
def postbus(gesprek, vandaag):
    gesprek.postbus(vandaag)


@when("het systeem zijn volgende bericht verstuurt", target_fixture="uitkomst")
@when("het systeem daarna nog een bericht verstuurt", target_fixture="uitkomst")
def volgend_bericht(gesprek, vandaag):
    """The natural next message of the system's role: a start or stop (aanbieder), a change (gemeente)."""
    with gesprek.mag_weigeren():
        return gesprek.volgend_bericht(vandaag)


@then("heeft het systeem het bericht zelf opnieuw afgeleverd")
def zelf_opnieuw(gesprek, uitkomst):
    """The system itself (not the suite) delivered the bytes a transport fault spoiled once more. A trigger that
    returned without a refusal may have left its retries to a queue: the log is polled for them until the retour
    deadline (+2 s). A refusal means the system gave up: nothing to wait for."""
    poging, opnieuw = herhaling(gesprek, wachten=not uitkomst.geweigerd)
    if poging is None:
        raise AssertionError("de ketenpartner heeft geen bericht van het systeem met een transportfout beantwoord "
                             "(de fout is niet gebruikt)")
    if not opnieuw:
        later = [(r.naam, r.entry.get("status")) for r in gesprek.dossier().berichten(van_systeem=True)
                 if r.id > poging.id]
        waarom = (f"het meldde: {uitkomst.geweigerd}" if uitkomst.geweigerd
                  else f"ook niet binnen {gesprek.deadline + 2:.0f} s na de opdracht")
        raise AssertionError(f"het systeem heeft zijn bericht ({poging.naam or 'onbekend'}, log-id {poging.id}) na de "
                             f"transportfout {_fouten(poging)} niet zelf opnieuw afgeleverd met dezelfde bytes "
                             f"({waarom}); daarna van het systeem: {later or 'niets'}")


@then(parsers.parse("wachtte het systeem voor het opnieuw afleveren de Retry-After van {seconden:d} seconde af"))
def retry_after_afgewacht(gesprek, seconden):
    """After a 503 with Retry-After the system delivers again no sooner than it says (docs/SUT-PROTOCOL.md). The
    ketenpartner's own receipt times of the two attempts decide; only a lower bound, so a slow machine never
    fails it (the receipt of the 503'd attempt is logged a moment before its answer leaves: 0.1 s margin)."""
    poging, opnieuw = herhaling(gesprek)
    assert poging is not None and opnieuw, "geen herhaling na de transportfout in het log"
    tussen = (_tijd(opnieuw[0]) - _tijd(poging)).total_seconds()
    assert tussen >= seconden - RETRY_MARGE, (f"het systeem leverde {tussen:.2f} s na de 503 opnieuw af; de "
                                             f"Retry-After vroeg {seconden} s te wachten")


RETRY_MARGE = 0.1  # seconds between logging the spoiled attempt and sending its 503


def _tijd(regel: Regel) -> dt.datetime:
    return dt.datetime.fromisoformat(regel.entry["tijd"].replace("Z", "+00:00"))


@then("heeft de ketenpartner het bericht precies een keer verwerkt")
def precies_een_keer(gesprek):
    """The bytes of the spoiled attempt were processed (judged, applied, answered) exactly once, with exactly one
    retour in the system's mailbox; a repeat of processed bytes was answered as a repeat (``herhaald``)."""
    poging, opnieuw = herhaling(gesprek)
    assert poging is not None, "geen bericht van het systeem met een transportfout in het log"
    zelfde = [poging, *opnieuw]
    verwerkt = [r for r in zelfde if r.entry.get("status") in VERWERKT]
    assert len(verwerkt) == 1, (f"de ketenpartner verwerkte dezelfde bytes {len(verwerkt)} keer "
                                f"(pogingen: {[r.entry.get('status') for r in zelfde]})")
    retouren = gesprek.dossier().retour_op(verwerkt[0])
    assert len(retouren) == 1, f"{len(retouren)} retouren op {oordeel.beschrijf(verwerkt[0])}, niet precies een"
    if poging.entry.get("status") in VERWERKT:  # processed the first time, only the answer was lost
        herhaald = [r for r in opnieuw if r.entry.get("status") == "herhaald"]
        assert herhaald, "het verwerkte bericht werd niet herhaald met dezelfde bytes"


@then("heeft het systeem geen bericht dubbel verstuurd")
def niets_dubbel(gesprek):
    oordeel.niets_dubbel(gesprek)


@then("keurt de ketenpartner het laatste bericht van het systeem niet af")
def laatste_goed(gesprek):
    verstuurd = [r for r in gesprek.dossier().berichten(heen=True, van_systeem=True)
                 if r.entry.get("status") != "herhaald"]  # a repeat of the same bytes is no message of its own
    assert verstuurd, "het systeem heeft niets verstuurd"
    oordeel.niet_afgekeurd(gesprek, Uitkomst("laatste", True, [verstuurd[-1].id]))


@when(parsers.parse("het systeem in een gewoon verloop een bericht {nummer} verstuurt"), target_fixture="uitkomst")
def gewoon_verloop(gesprek, nummer):
    from suite.stromen import verloop

    return verloop(gesprek, nummer)


@then("stuurt het systeem geen retourbericht")
def geen_retour(gesprek, uitkomst):
    oordeel.geen_retour(gesprek, uitkomst)


@then("bevat zijn retour geen technische afkeur")
def geen_technische_afkeur(gesprek, uitkomst):
    heen = oordeel.heenberichten(gesprek, uitkomst)[-1]
    retour = oordeel.retour_van(gesprek, heen)
    assert retour is not None, f"het systeem gaf geen retour op {oordeel.beschrijf(heen)}"
    kop = oordeel.codes(retour).get("/Bericht/Header", [])
    assert "0001" not in kop, f"het systeem keurde het geldige {oordeel.beschrijf(heen)} technisch af (0001)"


# ------------------------------------------------------------------- correcting a start or stop (IV008, OP033)
VERWIJDEREN = "3"  # StatusAanlevering: verwijderen aanlevering


@when(parsers.parse('de aanbieder de start van "{dag}" verwijdert'), target_fixture="uitkomst")
def start_verwijderen(gesprek, vandaag, dag):
    """StatusAanlevering 3 on the start with this Begindatum (the trigger field ``StatusAanlevering``)."""
    with gesprek.mag_weigeren():
        return gesprek.start(vandaag, dag, StatusAanlevering=VERWIJDEREN)


@when(parsers.parse('de aanbieder de stop met reden "{reden}" per "{dag}" verwijdert'), target_fixture="uitkomst")
def stop_verwijderen(gesprek, vandaag, reden, dag):
    with gesprek.mag_weigeren():
        return gesprek.stop(vandaag, reden, dag, StatusAanlevering=VERWIJDEREN)


@when(parsers.parse('de aanbieder de zorg met StatusAanlevering "{status}" start per "{dag}"'),
      target_fixture="uitkomst")
def start_met_status(gesprek, vandaag, dag, status):
    with gesprek.mag_weigeren():
        return gesprek.start(vandaag, dag, StatusAanlevering=status)


@when(parsers.parse('de aanbieder de zorg met StatusAanlevering "{status}" stopt met reden "{reden}" per "{dag}"'),
      target_fixture="uitkomst")
def stop_met_status(gesprek, vandaag, reden, dag, status):
    with gesprek.mag_weigeren():
        return gesprek.stop(vandaag, reden, dag, StatusAanlevering=status)


# ------------------------------------------------------------------------------------ delivery after a fault


def herhaling(gesprek, wachten: bool = False) -> tuple[Regel | None, list[Regel]]:
    """The system's first attempt that a transport fault spoiled (its answer an error, a dropped connection or
    nothing), and the later deliveries of the same bytes: a processed attempt is repeated as ``herhaald``
    (``herhaling_van``; the ketenpartner compares the SHA-256), an unprocessed one arrives again byte for byte.
    ``wachten``: poll the log until a repeat is there, at most the retour deadline + 2 s."""
    einde = time.monotonic() + gesprek.deadline + 2
    while True:
        gesprek.vergeet()
        regels = gesprek.dossier().berichten(van_systeem=True)
        poging = next((r for r in regels if _bedorven(r)), None)
        opnieuw = [] if poging is None else _zelfde_bytes(regels, poging)
        if not wachten or poging is None or opnieuw or time.monotonic() > einde:
            return poging, opnieuw
        time.sleep(0.05)


def _bedorven(regel: Regel) -> bool:
    return any(f.get("niveau") == "transport" and f.get("naam") in BAD and "op" not in f
               for f in regel.entry.get("fouten") or [])


def _fouten(regel: Regel) -> str:
    return ", ".join(f["naam"] for f in regel.entry.get("fouten") or [] if f.get("naam") in BAD)


def _zelfde_bytes(regels: list[Regel], poging: Regel) -> list[Regel]:
    """The system's deliveries after ``poging`` with its bytes: stored byte for byte, or a repeat (``herhaald``,
    stored without bytes) of one of them."""
    ids, out = {poging.id}, []
    for r in regels:
        if r.id <= poging.id:
            continue
        herhaald = r.entry.get("herhaling_van")
        zelfde = herhaald in ids if herhaald is not None else (r.xml is not None and r.xml == poging.xml)
        if zelfde:
            ids.add(r.id)
            out.append(r)
    return out


# ------------------------------------------------------------------------- changing a toewijzing (OP033x1)
@when(parsers.parse('de gemeente het volume van de toewijzing wijzigt naar {volume:d} met reden "{reden}"'),
      target_fixture="uitkomst")
def volume_wijzigen(gesprek, vandaag, volume, reden):
    """The toewijzing's Omvang with another Volume (Eenheid and Frequentie as they are). A correct gemeente does
    so under the same ToewijzingNummer only with Frequentie 6; otherwise it refuses (OP033x1)."""
    t = gesprek.toewijzing()
    with gesprek.mag_weigeren():
        return gesprek.wijzig_toewijzing(vandaag, RedenWijziging=reden, Omvang={**t["Omvang"], "Volume": volume})


@then("wijzigt het systeem onder een bestaand ToewijzingNummer alleen wat mag")
def alleen_toegestane_wijzigingen(gesprek):
    """OP033x1: a new version of a toewijzing changes only Einddatum, Budget and (with Frequentie 6) Volume. The
    aanbieder does not reject another change (OP033x1 has no retourcode); the ketenpartner records it as advice."""
    for r in gesprek.dossier().berichten("301", heen=True, van_systeem=True):
        advies = oordeel.bevindingen(r, "OP033x1")
        assert not advies, (f"het systeem wijzigde een toewijzing onder hetzelfde ToewijzingNummer op een manier die "
                            f"niet mag ({oordeel.beschrijf(r)}): {'; '.join(b.get('text') for b in advies)}")


@then(parsers.parse("heeft de toewijzing nog hetzelfde ToewijzingNummer met volume {volume:d}"))
def zelfde_nummer_met_volume(gesprek, volume):
    toegewezen = gesprek.dossier().toegewezen()
    assert len(toegewezen) == 1, f"verwacht een toewijzing onder hetzelfde nummer, gevonden {sorted(toegewezen)}"
    p = next(iter(toegewezen.values()))
    gevonden = int((p.get("Omvang") or {}).get("Volume", -1))
    assert gevonden == volume, f"toewijzing {p['ToewijzingNummer']}: volume {gevonden}, verwacht {volume}"
