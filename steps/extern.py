"""Steps about the rules that need a source outside the messages (controleniveau 4): the receiver's system date
(TR135), the CBS gemeentecodes (TR378), the product code list (TR381) and the contract tariffs (TR418)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_bdd import given, parsers, when

from suite import berichtdata as bd
from suite.handelingen import ANDERE_CATEGORIE, BENOEMD, CODE_VAN_ANDERE_CATEGORIE, centen, datum, omvang, product
from sut.base import SutError

ONBESTAANDE_GEMEENTE = "9999"  # not in any CBS gemeentelijke indeling
UUR = "04"


def _heenbericht(gesprek, vandaag: dt.date, aanpassen):
    """The ketenpartner's ordinary first heenbericht (a toewijzing from a gemeente, a verzoek om toewijzing from
    an aanbieder), changed by ``aanpassen``."""
    begin, eind = vandaag + dt.timedelta(days=7), vandaag + dt.timedelta(days=180)
    if gesprek.partner_rol == "gemeente":
        p = {"Product": product(gesprek.productcode(None)), "Ingangsdatum": begin, "Einddatum": eind,
             "Omvang": omvang()}
        gegevens = {"standaard": gesprek.standaard, "client": bd.client_301(gesprek.client), "producten": [p]}
        return gesprek.als_ketenpartner("toewijzen", gegevens, vandaag, aanpassen)
    gegevens = {"standaard": gesprek.standaard, "client": bd.client_kort(gesprek.client),
                "producten": [gesprek.aanvraag(None, begin, eind)]}
    return gesprek.als_ketenpartner("verzoek_om_toewijzing", gegevens, vandaag, aanpassen)


@when("de ketenpartner een heenbericht stuurt met als Dagtekening de dag na vandaag", target_fixture="uitkomst")
def dagtekening_morgen(gesprek, vandaag):
    morgen = vandaag + dt.timedelta(days=1)
    return _heenbericht(gesprek, vandaag, lambda d: d["Header"]["BerichtIdentificatie"].update(Dagtekening=morgen))


@when("de ketenpartner een heenbericht stuurt met een gemeentecode die niet in de CBS-indeling staat",
      target_fixture="uitkomst")
def onbestaande_gemeente(gesprek, vandaag):
    veld = "Afzender" if gesprek.partner_rol == "gemeente" else "Ontvanger"
    return _heenbericht(gesprek, vandaag, lambda d: d["Header"].update({veld: ONBESTAANDE_GEMEENTE}))


@when(parsers.parse('de gemeente een toewijzing afgeeft met een productcode van een andere categorie vanaf "{begin}" '
                    'tot "{eind}"'), target_fixture="uitkomst")
def toewijzing_code_andere_categorie(gesprek, vandaag, begin, eind):
    categorie, code = CODE_VAN_ANDERE_CATEGORIE[gesprek.standaard]
    with gesprek.mag_weigeren():
        return gesprek.toewijzing_afgeven(vandaag, begin=begin, eind=eind,
                                          Product={"Categorie": categorie, "Code": code})


@when(parsers.parse('de aanbieder een verzoek om toewijzing indient met een productcode van een andere categorie '
                    'vanaf "{begin}" tot "{eind}"'), target_fixture="uitkomst")
def verzoek_code_andere_categorie(gesprek, vandaag, begin, eind):
    categorie, code = CODE_VAN_ANDERE_CATEGORIE[gesprek.standaard]
    aanvraag = gesprek.aanvraag(None, datum(begin), datum(eind), Product={"Categorie": categorie, "Code": code})
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, [aanvraag])


@when(parsers.parse('de gemeente een toewijzing afgeeft met de eigen productcode "{code}" vanaf "{begin}" tot '
                    '"{eind}"'), target_fixture="uitkomst")
def toewijzing_eigen_code(gesprek, vandaag, code, begin, eind):
    categorie = gesprek.productcode(None)[:2]
    return gesprek.toewijzing_afgeven(vandaag, begin=begin, eind=eind, Product={"Categorie": categorie, "Code": code})


def _productcodelijst(standaard: str) -> dict[str, list[str]]:
    """The suite's named products plus the code of another category, each under its own category."""
    codes = [BENOEMD[naam][standaard] for naam in ("standaard", "ander", "derde")] + [ANDERE_CATEGORIE[standaard][1]]
    lijst: dict[str, list[str]] = {}
    for code in codes:
        lijst.setdefault(code[:2], []).append(code)
    return lijst


@given("de gemeente en de aanbieder hanteren een eigen productcodelijst")
def productcodelijst(gesprek, ketenpartner, vandaag, request):
    """TR381 judges "volgens de gehanteerde productcodelijst" (IV075): both sides get the list of this gemeente and
    aanbieder, the ketenpartner in its contract, the system through the action ``productcodelijst``; after the
    scenario both forget it again. A system that cannot take it that way skips the scenario (say so in the
    report)."""
    paar = {"gemeente": gesprek.partijen.gemeente, "aanbieder": gesprek.partijen.aanbieder}
    _zet_lijst(ketenpartner, paar, _productcodelijst(gesprek.standaard))
    request.addfinalizer(lambda: _zet_lijst(ketenpartner, paar, None))
    try:
        gesprek.sut.trigger("productcodelijst", {**paar, "productcodes": _productcodelijst(gesprek.standaard)},
                            vandaag)
    except SutError as exc:
        pytest.skip(f"het systeem neemt geen productcodelijst aan via de actie 'productcodelijst' ({exc}); TR381 is "
                    f"zo niet te toetsen")
    request.addfinalizer(lambda: gesprek.sut.trigger("productcodelijst", {**paar, "productcodes": None}, vandaag))


def _zet_lijst(ketenpartner, paar: dict, productcodes: dict | None) -> None:
    """Replace (or with None remove) the ketenpartner's product code list of one gemeente and aanbieder."""
    contract = ketenpartner.contract()
    sleutel = (paar["gemeente"], paar["aanbieder"])
    lijsten = [x for x in contract.get("productcodelijsten") or [] if (x["gemeente"], x["aanbieder"]) != sleutel]
    nieuw = [] if productcodes is None else [{**paar, "productcodes": productcodes}]
    ketenpartner.set_contract({**contract, "productcodelijsten": [*lijsten, *nieuw]})


def _sleutel(t: dict) -> tuple:
    return t["gemeente"], t["aanbieder"], t["ProductCode"], t["Eenheid"]


@given(parsers.parse('de gemeente en de aanbieder hebben voor "{code}" een contracttarief van "{tarief}" per uur '
                     'afgesproken'))
def contracttarief(gesprek, ketenpartner, vandaag, code, tarief):
    """Both sides know the tariff: the ketenpartner's contract (added to what it has) and the system's, through the
    action ``contracttarieven``; a system that cannot take it that way skips the scenario (say so in the report)."""
    nieuw = {"gemeente": gesprek.partijen.gemeente, "aanbieder": gesprek.partijen.aanbieder,
             "ProductCode": gesprek.productcode(code), "Eenheid": UUR, "tarief": centen(tarief)}
    contract = ketenpartner.contract()
    tarieven = [t for t in contract.get("tarieven") or [] if _sleutel(t) != _sleutel(nieuw)]
    ketenpartner.set_contract({**contract, "tarieven": [*tarieven, nieuw]})
    try:
        gesprek.sut.trigger("contracttarieven", {"tarieven": [nieuw]}, vandaag)
    except SutError as exc:
        pytest.skip(f"het systeem neemt geen contracttarieven aan via de actie 'contracttarieven' ({exc}); TR418 "
                    f"is zo niet te toetsen")
