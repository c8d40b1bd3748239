"""Ketenregels voor de regieberichten 305 (start) en 307 (stop); de gemeente controleert ze.

De stand per client komt uit ``keten.part(Regie)``: starts en stops die in kracht zijn (StatusAanlevering 1
voegt toe, 3 verwijdert). Een aanlevering met StatusAanlevering 3 krijgt alleen TR063 (en bij een start TR071):
"gezien het corrigerende karakter" vinden daarop geen andere inhoudelijke controles plaats.

Binnen een bericht tellen eerst alle verwijderingen (een correctie met verwijderen + opnieuw aanleveren in een
bericht, IV008) en daarna de nieuwe aanleveringen in volgorde: een tweede start of stop in hetzelfde bericht
wordt beoordeeld tegen de stand inclusief de eerdere nieuwe aanleveringen van dat bericht (``verloop``).

Sinds 3.2 hoort RedenBeeindiging bij de sleutel van StopProduct: na een tijdelijke stop (20) mag zonder
nieuwe start een definitieve stop volgen, ook met dezelfde Einddatum (TR413-TR415, OP377/OP378).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree

from ketenproef.bericht import Bericht, find, text
from ketenproef.keten import Keten
from ketenproef.keten.regie import (
    EERSTE,
    VERWIJDEREN,
    Regie,
    StartSleutel,
    StopSleutel,
    klant_van,
    start_sleutel,
    stop_sleutel,
)
from ketenproef.rules.keten_toewijzing import vervallen
from ketenproef.rules.registry import gedekt_door, regel


class Stap(NamedTuple):
    """Een nieuwe aanlevering (StatusAanlevering 1) met de stand van zaken vlak ervoor."""

    el: etree._Element
    sleutel: StartSleutel | StopSleutel
    starts: dict[StartSleutel, str]
    stops: dict[StopSleutel, str]


def klasse(b: Bericht) -> str:
    return "StartProduct" if b.number == "305" else "StopProduct"


def sleutel(b: Bericht, el: etree._Element) -> StartSleutel | StopSleutel:
    return start_sleutel(el) if b.number == "305" else stop_sleutel(el)


def verloop(b: Bericht, keten: Keten) -> list[Stap]:
    """De nieuwe aanleveringen van dit bericht in volgorde, elk met de stand ervoor (gedeeld door de regels)."""
    cache = b.__dict__.setdefault("_keten_regie", {})
    if id(keten) not in cache:
        regie, klant = keten.part(Regie), klant_van(b)
        starts, stops = regie.starts(klant), regie.stops(klant)
        eigen = starts if b.number == "305" else stops
        producten = [(el, sleutel(b, el), text(el, "StatusAanlevering")) for el in b.all(klasse(b))]
        for _, key, status in producten:
            if status == VERWIJDEREN:
                eigen.pop(key, None)
        stappen = []
        for el, key, status in producten:
            if status == EERSTE:
                stappen.append(Stap(el, key, dict(starts), dict(stops)))
                eigen[key] = b.identificatie
        cache[id(keten)] = stappen
    return cache[id(keten)]


def element(el: etree._Element, pad: str) -> etree._Element:
    """Het element op ``pad`` onder ``el`` als het er is, anders ``el`` zelf."""
    gevonden = find(el, pad)
    return el if gevonden is None else gevonden


def verwijderingen(b: Bericht) -> Iterator[etree._Element]:
    return (el for el in b.all(klasse(b)) if text(el, "StatusAanlevering") == VERWIJDEREN)


def start_tekst(s: StartSleutel) -> str:
    product = "/".join(p for p in (s.categorie, s.code) if p) or "geen product"
    return f"ToewijzingNummer {s.nummer}, product {product}, Begindatum {s.begindatum}"


def stop_tekst(s: StopSleutel) -> str:
    return f"{start_tekst(s.start)}, RedenBeeindiging {s.reden}, Einddatum {s.einddatum}"


def tekst(s: StartSleutel | StopSleutel) -> str:
    return stop_tekst(s) if isinstance(s, StopSleutel) else start_tekst(s)


def zelfde_stops(stap: Stap) -> list[StopSleutel]:
    """Stops in kracht met hetzelfde Bsn, ToewijzingNummer en dezelfde Begindatum (TR413-TR415)."""
    k = stap.sleutel
    return [s for s in stap.stops if s.nummer == k.nummer and s.begindatum == k.begindatum]


# ---------------------------------------------------------------- koppeling aan de toewijzing

@regel("TR019", berichten=["305", "307"], retourcode="9019", scope="chain")
def TR019(b: Bericht, keten: Keten):
    """Een StartProduct of StopProduct (StatusAanlevering 1) verwijst met ToewijzingNummer naar een (niet
    verwijderde) toewijzing die deze gemeente aan deze aanbieder voor deze client heeft afgegeven."""
    klant = klant_van(b)
    for stap in verloop(b, keten):
        nummer = stap.sleutel.nummer
        t = keten.toewijzingen.get(klant.gemeente, klant.aanbieder, nummer) if nummer is not None else None
        if t is None or vervallen(t) or t.bsn != klant.bsn:
            reden = ("er is geen ToewijzingNummer opgegeven" if nummer is None else
                     f"de gemeente heeft toewijzing {nummer} niet aan aanbieder {klant.aanbieder} afgegeven"
                     if t is None else f"toewijzing {nummer} is verwijderd (RedenWijziging {t.reden_wijziging})"
                     if vervallen(t)
                     else f"toewijzing {nummer} hoort bij een andere client (Bsn {t.bsn})")
            yield (element(stap.el, "ToewijzingNummer"),
                   f"{klasse(b)} ({tekst(stap.sleutel)}) hoort niet bij een toewijzing: {reden} (TR019).")


# ---------------------------------------------------------------- StatusAanlevering

@regel("TR063", berichten=["305", "307"], retourcode="9063", scope="chain")
def TR063(b: Bericht, keten: Keten):
    """Bij StatusAanlevering 3 is voor de client eerder een (niet verwijderde) aanlevering met dezelfde
    logische sleutel ontvangen."""
    regie, klant = keten.part(Regie), klant_van(b)
    eerder = regie.starts(klant) if b.number == "305" else regie.stops(klant)
    for el in verwijderingen(b):
        key = sleutel(b, el)
        if key not in eerder:
            yield find(el, "StatusAanlevering"), (
                f"{klasse(b)} met StatusAanlevering 3 ({tekst(key)}) verwijdert een aanlevering die niet (meer) "
                f"bestaat: er is geen eerdere aanlevering met deze sleutel (TR063).")


@regel("TR071", berichten=["305"], retourcode="9071", scope="chain")
def TR071(b: Bericht, keten: Keten):
    """Een StartProduct mag niet worden verwijderd (StatusAanlevering 3) als er voor die start al een stop is."""
    stops = keten.part(Regie).stops(klant_van(b))
    for el in verwijderingen(b):
        key = start_sleutel(el)
        bij_start = [s for s in stops if s.start == key]
        if bij_start:
            yield find(el, "StatusAanlevering"), (
                f"StartProduct ({start_tekst(key)}) kan niet worden verwijderd: er is al een stop voor deze start "
                f"(RedenBeeindiging {bij_start[0].reden}, Einddatum {bij_start[0].einddatum}) (TR071).")


@regel("TR074", berichten=["305", "307"], retourcode="9074", scope="chain")
def TR074(b: Bericht, keten: Keten):
    """Bij StatusAanlevering 1 is de logische sleutel nieuw: er is geen eerdere (niet verwijderde) aanlevering
    met dezelfde sleutel. (Dubbel binnen het bericht zelf is TR101.)"""
    for stap in verloop(b, keten):
        eerder = stap.starts if b.number == "305" else stap.stops
        if stap.sleutel in eerder:
            yield stap.el, (f"{klasse(b)} ({tekst(stap.sleutel)}) is al eerder aangeleverd in bericht "
                            f"{eerder[stap.sleutel]}; een nieuwe aanlevering moet een nieuwe sleutel hebben (TR074).")


# ---------------------------------------------------------------- start

@regel("TR326", berichten=["305"], retourcode="9326", scope="chain")
def TR326(b: Bericht, keten: Keten):
    """Een start mag alleen als er voor het toegewezen product (ToewijzingNummer) geen actuele start is: een
    start zonder stop met dezelfde sleutelvelden. Pas na een (tijdelijke) stop kan opnieuw worden gestart."""
    for stap in verloop(b, keten):
        gestopt = {s.start for s in stap.stops}
        actueel = [s for s in stap.starts if s.nummer == stap.sleutel.nummer and s not in gestopt]
        if actueel:
            yield stap.el, (f"StartProduct ({start_tekst(stap.sleutel)}): er loopt al een start voor toewijzing "
                            f"{stap.sleutel.nummer} ({start_tekst(actueel[0])}) zonder stop (TR326).")


# ---------------------------------------------------------------- stop

@regel("TR382", berichten=["307"], retourcode="9069", scope="chain")
def TR382(b: Bericht, keten: Keten):
    """Een StopProduct neemt de sleutel (ToewijzingNummer, Product, Begindatum) van de actuele, laatste start
    van die levering ongewijzigd over."""
    for stap in verloop(b, keten):
        start = stap.sleutel.start
        van_nummer = [s for s in stap.starts if s.nummer == start.nummer]
        laatste = max(van_nummer, key=lambda s: s.begindatum, default=None)
        if start not in stap.starts:
            yield find(stap.el, "Begindatum"), (
                f"StopProduct ({stop_tekst(stap.sleutel)}): er is geen start met ToewijzingNummer, Product en "
                f"Begindatum gelijk aan deze stop" + (f"; de laatste start is {start_tekst(laatste)}" if laatste
                                                      else "") + " (TR382).")
        elif laatste.begindatum != start.begindatum:
            yield find(stap.el, "Begindatum"), (
                f"StopProduct ({stop_tekst(stap.sleutel)}) hoort bij een oudere start; de actuele start is "
                f"{start_tekst(laatste)} (TR382).")


@regel("TR413", berichten=["307"], retourcode="9413", scope="chain")
def TR413(b: Bericht, keten: Keten):
    """Is er al een tijdelijke stop (RedenBeeindiging 20) voor hetzelfde Bsn, ToewijzingNummer en dezelfde
    Begindatum, dan is een nieuwe stop geen tijdelijke stop."""
    for stap in verloop(b, keten):
        tijdelijk = [s for s in zelfde_stops(stap) if s.tijdelijk]
        if stap.sleutel.tijdelijk and tijdelijk:
            yield find(stap.el, "RedenBeeindiging"), (
                f"StopProduct ({stop_tekst(stap.sleutel)}) is een tweede tijdelijke stop: er is al een tijdelijke "
                f"stop met Einddatum {tijdelijk[0].einddatum}; nu mag alleen een definitieve stop volgen (TR413).")


@regel("TR414", berichten=["307"], retourcode="9414", scope="chain")
def TR414(b: Bericht, keten: Keten):
    """Is er al een stop voor hetzelfde Bsn, ToewijzingNummer en dezelfde Begindatum, dan is de nieuwe
    Einddatum groter dan of gelijk aan de Einddatum van die stop."""
    for stap in verloop(b, keten):
        laatste = max((s.einddatum for s in zelfde_stops(stap)), default=None)
        if laatste is not None and stap.sleutel.einddatum < laatste:
            yield find(stap.el, "Einddatum"), (
                f"StopProduct ({stop_tekst(stap.sleutel)}): Einddatum {stap.sleutel.einddatum} ligt voor de "
                f"Einddatum {laatste} van de stop die er al is (TR414).")


@regel("TR415", berichten=["307"], retourcode="9415", scope="chain")
def TR415(b: Bericht, keten: Keten):
    """Na een definitieve stop (RedenBeeindiging niet 20) voor hetzelfde Bsn, ToewijzingNummer en dezelfde
    Begindatum mag geen nieuwe stop meer komen."""
    for stap in verloop(b, keten):
        definitief = [s for s in zelfde_stops(stap) if not s.tijdelijk]
        if definitief:
            yield stap.el, (f"StopProduct ({stop_tekst(stap.sleutel)}): deze levering is al definitief gestopt "
                            f"(RedenBeeindiging {definitief[0].reden}, Einddatum {definitief[0].einddatum}) (TR415).")


# ---------------------------------------------------------------- bedrijfsregels

gedekt_door("OP033", ["TR063", "TR071", "TR074", "CS058"],
            "StatusAanlevering 1 levert een nieuwe sleutel aan (TR074), 3 verwijdert een bestaande aanlevering "
            "(TR063), een start kan niet meer worden verwijderd als er een stop is (TR071); 2 is niet toegestaan "
            "(CS058).")
gedekt_door("OP072", ["TR382"], "Een stop zonder start met dezelfde sleutel keurt TR382 af.")
gedekt_door("OP155", ["TR382"], "TR382 eist dat de stop de sleutel van de actuele (laatste) start overneemt.")
gedekt_door("OP289", ["TR326"], "Een tweede start zonder tussenliggende stop keurt TR326 af; correctie via "
                                "StatusAanlevering 3 blijft mogelijk.")
gedekt_door("OP363", ["TR019"], "TR019 eist dat iedere start en stop bij een toewijzing aan deze aanbieder hoort.")
gedekt_door("OP377", ["TR382", "TR413", "TR415"],
            "Een stop moet bij de actuele start horen (TR382); zonder nieuwe start mag na een stop alleen een "
            "definitieve stop op een tijdelijke stop volgen (TR413, TR415).")
gedekt_door("OP378", ["TR413", "TR415"], "Na een tijdelijke stop keurt TR413 een tweede tijdelijke stop af en "
                                         "TR415 elke stop na de definitieve stop.")
gedekt_door("OP379", ["TR326"], "Toestemming: TR326 rekent een start als beeindigd zodra er een (tijdelijke) stop "
                                "is, zodat een nieuwe start na een stop niet wordt afgekeurd.")
