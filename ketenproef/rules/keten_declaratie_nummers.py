"""Ketenregels voor de declaratie (323): nummers en perioden over de declaraties van de aanbieder heen: een uniek
ReferentieNummer (TR314) en DeclaratieNummer (TR333), en de DeclaratiePeriode na de laatst ingediende (TR318).
"""

from __future__ import annotations

from ketenproef.bericht import Bericht, date, find
from ketenproef.calculations import Periode, declaratieperiode_toegestaan
from ketenproef.keten import Keten
from ketenproef.keten.declaraties import body, prestaties

# De volgorde van de controles (en dus van de bevindingen en RetourCodes): toewijzing, volume, nummers, credit.
from ketenproef.rules import keten_declaratie_volume  # noqa: F401
from ketenproef.rules._keten_declaratie import administratie, kind
from ketenproef.rules.registry import gedekt_door, regel


@regel("TR314", berichten=["323"], retourcode="8021", scope="chain")
def TR314(b: Bericht, keten: Keten):
    """ReferentieNummer is uniek voor de aanbieder: in dit bericht en in alle eerdere declaraties."""
    adm, gezien = administratie(b, keten), set()
    for p, el, _ in prestaties(b):
        if p.referentie in gezien or adm.gebruikt(p.referentie):
            waar = "eerder in dit bericht" if p.referentie in gezien else "in een eerdere declaratie"
            yield kind(el, "ProductReferentie/ReferentieNummer"), (
                f"ReferentieNummer {p.referentie} is al gebruikt {waar} van deze aanbieder (TR314).")
        gezien.add(p.referentie)


@regel("TR333", berichten=["323"], retourcode="9333", scope="chain")
def TR333(b: Bericht, keten: Keten):
    """DeclaratieNummer is uniek voor de aanbieder (eerdere, niet geheel afgekeurde declaraties)."""
    nummer = find(body(b), "DeclaratieNummer")
    if nummer.text in administratie(b, keten).declaratienummers():
        yield nummer, f"DeclaratieNummer {nummer.text} is al gebruikt in een eerdere declaratie (TR333)."


@regel("TR318", berichten=["323"], retourcode="8214", scope="chain")
def TR318(b: Bericht, keten: Keten):
    """DeclaratiePeriode ligt niet voor de laatst ingediende; alleen met die laatste mag hij overlappen (OP284)."""
    el = find(body(b), "DeclaratiePeriode")
    periode = Periode(date(el, "Begindatum"), date(el, "Einddatum"))
    laatste = administratie(b, keten).laatste_periode()
    if laatste is not None and not declaratieperiode_toegestaan(periode, laatste):
        yield el, (f"DeclaratiePeriode {periode.begindatum} t/m {periode.einddatum} ligt voor de laatst ingediende "
                   f"DeclaratiePeriode {laatste.begindatum} t/m {laatste.einddatum} (TR318).")


gedekt_door("OP283", ["TR314"], "TR314 eist een uniek ReferentieNummer per aanbieder, in het bericht en daarbuiten.")
gedekt_door("OP349", ["TR333"], "TR333 eist een uniek DeclaratieNummer per aanbieder.")
gedekt_door("OP284", ["TR318"], "TR318 keurt een DeclaratiePeriode voor de laatst ingediende af; of er in een "
            "overgeslagen maand zorg was, weet de ontvanger niet.")
gedekt_door("IV090", ["TR318"], "TR318 keurt een DeclaratiePeriode voor de laatst ingediende af; een ProductPeriode "
            "in het verleden blijft toegestaan.")
