"""Gedeelde hulpfuncties van de ketenregels voor de declaratie (323, de gemeente controleert) en het
declaratie-antwoord (325, de aanbieder controleert), op de keten: toewijzingen (``keten.toewijzingen``) en eerdere
declaraties en antwoorden (``keten.part(declaraties.Part)``).

De regels staan per onderwerp in ``keten_declaratie_toewijzing`` (de prestatie en haar toewijzing, ProductPeriode;
ook ``tr304_declaratie``), ``keten_declaratie_volume``, ``keten_declaratie_bedrag``, ``keten_declaratie_nummers``,
``keten_declaratie_credit`` en ``keten_declaratie_antwoord`` (325). Deze module registreert zelf geen regels
(``load()`` slaat modules met een ``_`` over); de regelmodules importeren haar.

Een creditprestatie is gelijk aan een goedgekeurde debetprestatie (IV091) en wordt volgens IV085 alleen om
technische redenen afgewezen: de regels over toewijzing, volume en tarief toetsen alleen debetprestaties
(``debetten``); een credit toetsen TR314, TR323, TR390 en IV091 (en TR304 op de Client).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ketenproef.bericht import Bericht, date, find_direct, text
from ketenproef.keten import Keten, Toewijzing, partijen
from ketenproef.keten.declaraties import Administratie, Declaratie, Item, Part, Prestatie, prestaties

# ---------------------------------------------------------------- per bericht eenmaal berekend

def cached(b: Bericht, keten: Keten, naam: str, maak: Callable[[], object]):
    """A value computed once per message and chain state, kept on the Bericht."""
    store = b.__dict__.setdefault("_keten_declaratie", {})
    hit = store.get(naam)
    if hit is None or hit[0] is not keten:
        hit = store[naam] = (keten, maak())
    return hit[1]


def administratie(b: Bericht, keten: Keten) -> Administratie:
    return cached(b, keten, "adm", lambda: keten.part(Part).van(b))


def toewijzingen(b: Bericht, keten: Keten) -> list[Toewijzing | None]:
    """Per prestatie (in de volgorde van ``prestaties``) de actuele toewijzing van haar ToewijzingNummer, of None:
    eenmaal per bericht opgezocht voor TR338, TR384, TR304 en ``debetten`` (20.000 prestaties: vier keer minder)."""
    def maak():
        gemeente, aanbieder = partijen(b)
        get = keten.toewijzingen.get
        return [get(gemeente, aanbieder, p.toewijzing) for p, _, _ in prestaties(b)]
    return cached(b, keten, "toewijzingen", maak)


def debetten(b: Bericht, keten: Keten) -> list[tuple[Prestatie, etree._Element, Toewijzing]]:
    """Debetprestaties met hun actuele, niet verwijderde toewijzing (de andere meldt TR338 of TR384)."""
    def maak():
        out = []
        for (p, el, _), t in zip(prestaties(b), toewijzingen(b, keten), strict=True):
            if t is not None and not p.credit and not t.verwijderd:
                out.append((p, el, t))
        return out
    return cached(b, keten, "debetten", maak)


def credits(b: Bericht) -> list[Item]:
    return [item for item in prestaties(b) if item.prestatie.credit]


def geldige_credits(b: Bericht, keten: Keten) -> dict[str, Prestatie]:
    """Credits in dit bericht voor een goedgekeurde, nog niet gecrediteerde debet, per VorigReferentieNummer."""
    def maak():
        adm = administratie(b, keten)
        return {item.prestatie.vorig: item.prestatie for item in credits(b)
                if adm.goedgekeurd_debet(item.prestatie.vorig) and not adm.gecrediteerd(item.prestatie.vorig)}
    return cached(b, keten, "credits", maak)


def antwoord_op(b: Bericht, keten: Keten) -> Declaratie | None:
    """De 323 waarop deze 325 antwoordt (Header/DeclaratieIdentificatie: Identificatie en Dagtekening)."""
    def maak():
        declaratie = administratie(b, keten).declaraties.get(text(b.header, "DeclaratieIdentificatie/Identificatie"))
        dagtekening = date(b.header, "DeclaratieIdentificatie/Dagtekening")
        return declaratie if declaratie is not None and declaratie.dagtekening == dagtekening else None
    return cached(b, keten, "antwoord_op", maak)


# ---------------------------------------------------------------- elementen en teksten

def kind(el: etree._Element, pad: str) -> etree._Element:
    """A child of a Prestatie (only looked up for a violation); the Prestatie itself when absent. Looked up with
    lxml directly (``bericht.find_direct``, what ``find`` gives: the tree does not change while the rules run): each
    element is asked once, so the rules' lookup memory only costs here (6 instead of 2 us a lookup, 20,000 times
    for a 323 that TR338 rejects whole)."""
    found = find_direct(el, pad)
    return el if found is None else found


def periode_tekst(p: Prestatie) -> str:
    return f"ProductPeriode {p.begin} t/m {p.einde}"


def t_tekst(t: Toewijzing) -> str:
    return f"toewijzing {t.nummer} ({t.ingangsdatum} t/m {t.einddatum or 'open einde'})"


def verschillen(p: Prestatie, q: Prestatie) -> dict[str, tuple]:
    """Per Prestatie-element (en de Bsn) de waarden van ``p`` en ``q`` (TR367, IV091)."""
    return {"Bsn": (p.bsn, q.bsn), "ToewijzingNummer": (p.toewijzing, q.toewijzing),
            "ProductCategorie": (p.categorie, q.categorie), "ProductCode": (p.code, q.code),
            "ProductPeriode": ((p.begin, p.einde), (q.begin, q.einde)), "GeleverdVolume": (p.volume, q.volume),
            "Eenheid": (p.eenheid, q.eenheid), "ProductTarief": (p.tarief, q.tarief),
            "IngediendBedrag": ((p.bedrag, p.debet_credit), (q.bedrag, q.debet_credit))}
