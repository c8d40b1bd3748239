"""Steps about the system under test itself: its mailbox, its refusals."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from suite import oordeel
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


@when("het systeem het zo nodig opnieuw probeert", target_fixture="uitkomst")
def opnieuw(gesprek, vandaag, uitkomst):
    if gesprek.aanvaard(uitkomst):
        return uitkomst
    return gesprek.opnieuw(uitkomst, vandaag)


@then("heeft het systeem geen bericht dubbel verstuurd")
def niets_dubbel(gesprek):
    oordeel.niets_dubbel(gesprek)


@then("keurt de ketenpartner het laatste bericht van het systeem niet af")
def laatste_goed(gesprek):
    laatste = gesprek.dossier().laatste(heen=True, van_systeem=True)
    assert laatste is not None, "het systeem heeft niets verstuurd"
    oordeel.niet_afgekeurd(gesprek, Uitkomst("laatste", True, [laatste.id]))


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
