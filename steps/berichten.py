"""Steps in the words of the process: what the gemeente or the aanbieder does. Which side carries it out (the
system under test or the ketenpartner) follows from the role of the system; see ``suite.gesprek``.

"Gegeven" steps tell history: they happen on the day of the event (or "vandaag" when that is earlier) and
must be accepted by the receiver. "Als" steps happen on "vandaag" and hand their outcome to the Dan steps."""

from __future__ import annotations

import datetime as dt

from pytest_bdd import given, parsers, when

from suite import oordeel
from suite.handelingen import DEFINITIEF, TIJDELIJK, centen, datum, omvang, product


def _gebeurd(gesprek, uitkomst):
    """History must have been accepted; how exactly the system worded its retour is judged elsewhere."""
    uitkomst.historie = True
    oordeel.niet_afgekeurd(gesprek, uitkomst, streng=False)
    return uitkomst


@given(parsers.parse('het is "{dag}"'), target_fixture="vandaag")
@when(parsers.parse('het is "{dag}"'), target_fixture="vandaag")
def het_is(dag):
    return datum(dag)


# ---------------------------------------------------------------------------------------------- toewijzen
@given(parsers.parse('de gemeente heeft een toewijzing afgegeven vanaf "{begin}" tot "{eind}"'))
def toewijzing_gegeven(gesprek, vandaag, begin, eind):
    _gebeurd(gesprek, gesprek.toewijzing_afgeven(min(datum(begin), vandaag), begin=begin, eind=eind))


@given(parsers.parse('de gemeente heeft een toewijzing afgegeven voor product "{code}" vanaf "{begin}" tot "{eind}"'))
def toewijzing_product_gegeven(gesprek, vandaag, code, begin, eind):
    _gebeurd(gesprek, gesprek.toewijzing_afgeven(min(datum(begin), vandaag), code, begin, eind))


@given(parsers.parse("de gemeente heeft deze toewijzingen afgegeven:"))
def toewijzingen_gegeven(gesprek, vandaag, datatable):
    """Columns: product (a name or code; "geen" for a toewijzing without Product), ingangsdatum, einddatum and either
    volume/eenheid/frequentie (Omvang) or budget (euro, "500,00")."""
    kop, *rijen = datatable
    for rij in (dict(zip(kop, r, strict=True)) for r in rijen):
        p = {"Product": product(gesprek.productcode(rij["product"])), "Ingangsdatum": datum(rij["ingangsdatum"]),
             "Einddatum": datum(rij["einddatum"])}
        if rij.get("budget"):
            p["Budget"] = centen(rij["budget"])
        else:
            p["Omvang"] = omvang(rij.get("volume"), rij.get("eenheid"), rij.get("frequentie"))
        _gebeurd(gesprek, gesprek.toewijzen(min(p["Ingangsdatum"], vandaag), [{k: v for k, v in p.items() if v}]))


@when(parsers.parse('de gemeente een toewijzing afgeeft vanaf "{begin}" tot "{eind}"'), target_fixture="uitkomst")
def toewijzing_afgeven(gesprek, vandaag, begin, eind):
    return gesprek.toewijzing_afgeven(vandaag, begin=begin, eind=eind)


# ---------------------------------------------------------------------------------------------- start, stop
@given(parsers.parse('de aanbieder heeft de zorg gestart op "{dag}"'))
def gestart(gesprek, vandaag, dag):
    _gebeurd(gesprek, gesprek.start(datum(dag), dag))


@given(parsers.parse('de aanbieder heeft de zorg voor "{code}" gestart op "{dag}"'))
def product_gestart(gesprek, vandaag, code, dag):
    _gebeurd(gesprek, gesprek.start(datum(dag), dag, code))


@given(parsers.parse('de aanbieder heeft de zorg tijdelijk gestopt per "{dag}"'))
def tijdelijk_gestopt(gesprek, dag):
    _gebeurd(gesprek, gesprek.stop(datum(dag), TIJDELIJK, dag))


@given(parsers.parse('de aanbieder heeft de zorg gestopt met reden "{reden}" per "{dag}"'))
def gestopt(gesprek, reden, dag):
    _gebeurd(gesprek, gesprek.stop(datum(dag), reden, dag))


@when(parsers.parse('de aanbieder de zorg start per "{dag}"'), target_fixture="uitkomst")
def start(gesprek, vandaag, dag):
    with gesprek.mag_weigeren():
        return gesprek.start(vandaag, dag)


@when(parsers.parse('de aanbieder de zorg voor "{code}" start per "{dag}"'), target_fixture="uitkomst")
def start_product(gesprek, vandaag, code, dag):
    with gesprek.mag_weigeren():
        return gesprek.start(vandaag, dag, code)


@when(parsers.parse('de aanbieder de zorg tijdelijk stopt per "{dag}"'), target_fixture="uitkomst")
@when(parsers.parse('de aanbieder de zorg nog een keer tijdelijk stopt per "{dag}"'), target_fixture="uitkomst")
def tijdelijk_stoppen(gesprek, vandaag, dag):
    with gesprek.mag_weigeren():
        return gesprek.stop(vandaag, TIJDELIJK, dag)


@when(parsers.parse('de aanbieder de zorg stopt met reden "{reden}" per "{dag}"'), target_fixture="uitkomst")
def stoppen(gesprek, vandaag, reden, dag):
    with gesprek.mag_weigeren():
        return gesprek.stop(vandaag, reden, dag)


@when(parsers.parse('de aanbieder de zorg voor "{code}" stopt met reden "{reden}" per "{dag}"'),
      target_fixture="uitkomst")
def stoppen_product(gesprek, vandaag, code, reden, dag):
    with gesprek.mag_weigeren():
        return gesprek.stop(vandaag, reden, dag, code)


@given(parsers.parse('de aanbieder heeft de zorg definitief gestopt per "{dag}"'))
def definitief_gestopt(gesprek, dag):
    _gebeurd(gesprek, gesprek.stop(datum(dag), DEFINITIEF[gesprek.standaard], dag))


@when(parsers.parse('de aanbieder de zorg definitief stopt per "{dag}"'), target_fixture="uitkomst")
def definitief_stoppen(gesprek, vandaag, dag):
    with gesprek.mag_weigeren():
        return gesprek.stop(vandaag, DEFINITIEF[gesprek.standaard], dag)


@when(parsers.parse('de aanbieder de zorg start onder toewijzing {nummer:d} per "{dag}"'), target_fixture="uitkomst")
def start_onbekend(gesprek, vandaag, nummer, dag):
    with gesprek.mag_weigeren():
        return gesprek.start(vandaag, dag, nummer=nummer)


@when(parsers.parse('de aanbieder de zorg stopt met reden "{reden}" per "{dag}" bij een start op "{begin}"'),
      target_fixture="uitkomst")
def stop_bij_start(gesprek, vandaag, reden, dag, begin):
    with gesprek.mag_weigeren():
        return gesprek.stop(vandaag, reden, dag, Begindatum=datum(begin))


@when(parsers.parse('de gemeente een toewijzing afgeeft voor een ander product vanaf "{begin}" tot "{eind}"'),
      target_fixture="uitkomst")
def toewijzing_ander_product(gesprek, vandaag, begin, eind):
    return gesprek.toewijzing_afgeven(vandaag, "ander", begin, eind)


@when(parsers.parse('de gemeente een toewijzing afgeeft voor product "{code}" vanaf "{begin}" tot "{eind}"'),
      target_fixture="uitkomst")
def toewijzing_product(gesprek, vandaag, code, begin, eind):
    return gesprek.toewijzing_afgeven(vandaag, code, begin, eind)


@when(parsers.parse('de gemeente de toewijzing verlengt tot "{dag}"'), target_fixture="uitkomst")
def verlengen(gesprek, vandaag, dag):
    return gesprek.wijzig_toewijzing(vandaag, Einddatum=datum(dag), RedenWijziging="04")


@given(parsers.parse('de gemeente heeft de toewijzing ingetrokken per "{dag}" met reden "{reden}"'))
def ingetrokken(gesprek, vandaag, dag, reden):
    _gebeurd(gesprek, gesprek.wijzig_toewijzing(vandaag, Einddatum=datum(dag), RedenWijziging=reden))


@when(parsers.parse('de gemeente de toewijzing intrekt per "{dag}" met reden "{reden}"'), target_fixture="uitkomst")
def intrekken(gesprek, vandaag, dag, reden):
    return gesprek.wijzig_toewijzing(vandaag, Einddatum=datum(dag), RedenWijziging=reden)


@when(parsers.parse('de gemeente de toewijzing voor "{code}" intrekt per "{dag}" met reden "{reden}"'),
      target_fixture="uitkomst")
def intrekken_product(gesprek, vandaag, code, dag, reden):
    return gesprek.wijzig_toewijzing(vandaag, code, Einddatum=datum(dag), RedenWijziging=reden)


@when("de gemeente de toewijzing verwijdert", target_fixture="uitkomst")
def verwijderen(gesprek, vandaag):
    ingang = datum(gesprek.toewijzing()["Ingangsdatum"])
    with gesprek.mag_weigeren():
        return gesprek.wijzig_toewijzing(vandaag, Einddatum=ingang, RedenWijziging="13")


@given("de gemeente heeft de toewijzing verwijderd")
def verwijderd(gesprek, vandaag):
    ingang = datum(gesprek.toewijzing()["Ingangsdatum"])
    _gebeurd(gesprek, gesprek.wijzig_toewijzing(vandaag, Einddatum=ingang, RedenWijziging="13"))


@given(parsers.parse('de gemeente heeft een toewijzing afgegeven voor een ander product vanaf "{begin}" tot "{eind}"'))
def toewijzing_ander_gegeven(gesprek, vandaag, begin, eind):
    _gebeurd(gesprek, gesprek.toewijzing_afgeven(min(datum(begin), vandaag), "ander", begin, eind))


@given(parsers.parse('de aanbieder heeft de zorg voor het andere product gestart op "{dag}"'))
def ander_gestart(gesprek, dag):
    _gebeurd(gesprek, gesprek.start(datum(dag), dag, "ander"))


@when(parsers.parse('de aanbieder de levering administratief afsluit met reden "{reden}" per "{dag}"'),
      target_fixture="uitkomst")
def administratief_afsluiten(gesprek, vandaag, reden, dag):
    return gesprek.afsluiten(vandaag, reden, dag)


@when(parsers.parse('de aanbieder de zorg voor de nieuwe toewijzing start per "{dag}"'), target_fixture="uitkomst")
def start_nieuwe(gesprek, vandaag, dag):
    return gesprek.start(vandaag, dag, nummer=gesprek.nummer())


@given(parsers.parse("{naam}, {leeftijd:d} jaar, is client van de aanbieder"), target_fixture="client")
def client_met_naam(pytestconfig, request, naam, leeftijd):
    import random

    from ketenproef import fake
    from suite.fixtures import VANDAAG

    rng = random.Random(f"{pytestconfig.getoption('seed')}|{request.node.nodeid}")
    persoon = fake.persoon(rng, peildatum=VANDAAG - dt.timedelta(days=365), leeftijd=(leeftijd, leeftijd),
                           geslacht="2", partner=False)
    persoon["Naam"].update(Voornamen=naam, Voorletters=naam[0])
    return {**persoon, "Adres": fake.adres(rng)}


@when(parsers.parse('de aanbieder de zorg voor "{code}" tijdelijk stopt per "{dag}"'), target_fixture="uitkomst")
def tijdelijk_stoppen_product(gesprek, vandaag, code, dag):
    with gesprek.mag_weigeren():
        return gesprek.stop(vandaag, TIJDELIJK, dag, code)


@when(parsers.parse('de aanbieder de zorg voor de nieuwe toewijzing stopt met reden "{reden}" per "{dag}"'),
      target_fixture="uitkomst")
def stop_nieuwe(gesprek, vandaag, reden, dag):
    return gesprek.stop(vandaag, reden, dag, nummer=gesprek.nummer())


@given(parsers.parse('de gemeente heeft een andere client een toewijzing gegeven vanaf "{begin}" tot "{eind}"'),
       target_fixture="andere")
def andere_client_gegeven(gesprek, vandaag, begin, eind):
    andere = gesprek.andere_client()
    _gebeurd(andere, andere.toewijzing_afgeven(min(datum(begin), vandaag), begin=begin, eind=eind))
    return andere


@when(parsers.parse('de gemeente een andere client een toewijzing geeft vanaf "{begin}" tot "{eind}"'),
      target_fixture="uitkomst")
def andere_client(gesprek, vandaag, begin, eind):
    andere = gesprek.andere_client()
    uitkomst = andere.toewijzing_afgeven(vandaag, begin=begin, eind=eind)
    gesprek.uitkomsten.append(uitkomst)
    return uitkomst


# ---------------------------------------------------------------------------------------------- relaties
TELEFOON = {"Telefoon01": {"Telefoonnummer": "0201234567", "Landnummer": "0031"}}


@given("de client heeft deze relaties:")
def relaties(gesprek, datatable):
    """Columns soort (COD472), achternaam, voorletters. The ketenpartner numbers them in this order; a gemeente
    system under test gets them without Nummer and numbers them itself (OP071)."""
    kop, *rijen = datatable
    gesprek.client["Relaties"] = [
        {"Nummer": i, "Soort": r["soort"], "Contact": {"Soort": "02", "Telefoon": TELEFOON},
         "Naam": {"Geslachtsnaam": {"Achternaam": r["achternaam"]}, "Voorletters": r["voorletters"],
                  "NaamGebruik": "1"}}
        for i, r in enumerate((dict(zip(kop, rij, strict=True)) for rij in rijen), start=1)]


@given("de gemeente noemt de relaties van de client voortaan in omgekeerde volgorde")
def relaties_omgekeerd(gesprek):
    gesprek.client["Relaties"] = list(reversed(gesprek.client.get("Relaties") or []))


# ------------------------------------------------------------------ a 301 with one element changed (sender rules)
LEEG = "(leeg)"


def _zet(data: dict, pad: str, waarde) -> None:
    """Set (or, for "(leeg)", remove) the element at ``pad`` ("Contact/Adres/LandCode"; "Contact[2]/Soort" for a
    second Contact) in a 301 Client given as plain data. "Contact" is a Contact of the Contactgegevens."""
    delen = pad.split("/")
    knoop = data
    for i, deel in enumerate(delen):
        laatste = i == len(delen) - 1
        naam, _, index = deel.partition("[")
        if naam == "Contact":
            lijst = knoop.setdefault("Contactgegevens", [])
            n = int(index.rstrip("]") or 1)
            while len(lijst) < n:
                lijst.append({})
            knoop = lijst[n - 1]
            continue
        if laatste:
            if waarde == LEEG:
                knoop.pop(naam, None)
            else:
                knoop[naam] = waarde
            return
        knoop = knoop.setdefault(naam, {})


@when(parsers.parse('de gemeente een toewijzing afgeeft vanaf "{begin}" tot "{eind}" voor een client met deze '
                    'gegevens:'), target_fixture="uitkomst")
def toewijzing_met_clientgegevens(gesprek, vandaag, begin, eind, datatable):
    """Columns gegeven (a path in the Client of the 301, e.g. "Naam/NaamGebruik", "Contact/Adres/LandCode") and
    waarde ("(leeg)" leaves the element out). The system gets the client so in its trigger data and must refuse
    what breaks a rule; as ketenpartner the gemeente sends it as it is."""
    from suite import berichtdata as bd

    client = bd.client_301(gesprek.client)
    kop, *rijen = datatable
    for rij in (dict(zip(kop, r, strict=True)) for r in rijen):
        _zet(client, rij["gegeven"], rij["waarde"])
    gesprek.client.update({k: client[k] for k in ("Naam", "Geboortedatum", "Contactgegevens")})
    if client.get("Communicatie"):
        gesprek.client["Communicatie"] = client["Communicatie"]
    with gesprek.mag_weigeren():
        return gesprek.toewijzing_afgeven(vandaag, begin=begin, eind=eind)


@when("de gemeente in een bericht deze toewijzingen afgeeft:", target_fixture="uitkomst")
def toewijzingen_in_een_bericht(gesprek, vandaag, datatable):
    """Like "de gemeente heeft deze toewijzingen afgegeven:", but all in one 301; volume "geen" gives a
    toewijzing without Omvang."""
    kop, *rijen = datatable
    producten = []
    for rij in (dict(zip(kop, r, strict=True)) for r in rijen):
        p = {"Product": product(gesprek.productcode(rij["product"])), "Ingangsdatum": datum(rij["ingangsdatum"]),
             "Einddatum": datum(rij["einddatum"])}
        if rij.get("budget"):
            p["Budget"] = centen(rij["budget"])
        elif rij.get("volume") != "geen":
            p["Omvang"] = omvang(rij.get("volume"), rij.get("eenheid"), rij.get("frequentie"))
        producten.append({k: v for k, v in p.items() if v})
    with gesprek.mag_weigeren():
        return gesprek.toewijzen(vandaag, producten)


@when(parsers.parse('de gemeente de toewijzing wijzigt per "{dag}" met reden "{reden}"'), target_fixture="uitkomst")
def wijzigen_met_reden(gesprek, vandaag, dag, reden):
    with gesprek.mag_weigeren():
        return gesprek.wijzig_toewijzing(vandaag, Einddatum=datum(dag), RedenWijziging=reden)


@when(parsers.parse('de gemeente een toewijzing afgeeft vanaf "{begin}" tot "{eind}" met ReferentieAanbieder '
                    '"{referentie}"'), target_fixture="uitkomst")
def toewijzing_met_referentie(gesprek, vandaag, begin, eind, referentie):
    with gesprek.mag_weigeren():
        return gesprek.toewijzing_afgeven(vandaag, begin=begin, eind=eind, ReferentieAanbieder=referentie)
