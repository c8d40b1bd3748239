"""Productregels van 301, 315 en 317: identiteit en stapeling van producten, omvang/budget/frequentie en de
toewijzingsperiode.

Berichtklassen met een product of budget, met de elementen van hun periode:

- 301 ToegewezenProduct: Ingangsdatum .. Einddatum
- 315 AangevraagdProduct: ToewijzingIngangsdatum .. ToewijzingEinddatum
- 317 TeWijzigenProduct en NieuwProduct: GewensteIngangsdatum .. Einddatum (TeWijzigenProduct heeft geen Product)

"Hetzelfde product" (TR302, TR386, TR410) staat in ``zelfde_product``; een lege einddatum is een open einde.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from lxml import etree

from ketenproef.bericht import Bericht, date, find, text
from ketenproef.calculations.perioden import overlappen
from ketenproef.rules.registry import Hit, advies, gedekt_door, regel

PERIODE = {"ToegewezenProduct": ("Ingangsdatum", "Einddatum"),
           "AangevraagdProduct": ("ToewijzingIngangsdatum", "ToewijzingEinddatum"),
           "TeWijzigenProduct": ("GewensteIngangsdatum", "Einddatum"),
           "NieuwProduct": ("GewensteIngangsdatum", "Einddatum")}
KLASSEN = {"301": ("ToegewezenProduct",), "315": ("AangevraagdProduct",), "317": ("TeWijzigenProduct", "NieuwProduct")}
CONTACT_PERIODE = {"301": ("Client/Contactgegevens/Contact/Periode", "Client/Relaties/Relatie/Contact/Periode")}
MET_PRODUCT = frozenset({"ToegewezenProduct", "AangevraagdProduct", "NieuwProduct"})  # klassen met element Product
HULPMIDDELEN = frozenset({"11", "12", "13", "14"})  # iWmo-categorieen uitgezonderd van TR302/TR386/TR410
GRENS_2020 = dt.date(2020, 12, 31)  # CD080/CD095/CD096/CS338/CS343 gelden bij einddatum na deze dag of leeg
PER_WEEK = "2"
FREQUENTIE_VERPLICHT = frozenset({"14", "16", "83", "84"})  # Eenheden waarbij Frequentie 2, 4 of 6 moet zijn
FREQUENTIE_TOEGESTAAN = frozenset({"2", "4", "6"})


# ---------------------------------------------------------------- helpers

class Regel(NamedTuple):
    """Een productregel met wat de stapelingscontrole ervan nodig heeft."""

    el: etree._Element
    categorie: str | None  # None: geen Product (generieke toewijzing/aanvraag met budget)
    code: str | None
    begin: dt.date
    eind: dt.date | None
    nr: int = 0  # plaats in het bericht


def zelfde_product(a: Regel, b: Regel) -> bool:
    """Gelijk product volgens TR302 (ook TR386/TR410): bij twee productcodes gelijke categorie en code; als een van
    beide geen code heeft gelijke categorie; een regel zonder Product geldt als gelijk aan elk ander product."""
    if a.categorie is None or b.categorie is None:
        return True
    return a.categorie == b.categorie and (a.code is None or b.code is None or a.code == b.code)


def vervallen(el: etree._Element) -> bool:
    """Een verwijderde/vervallen toewijzing: RedenWijziging 01 of 13 met Einddatum gelijk aan Ingangsdatum."""
    eind = date(el, "Einddatum")
    return text(el, "RedenWijziging") in ("01", "13") and eind is not None and eind == date(el, "Ingangsdatum")


def periode_tekst(begin: dt.date | None, eind: dt.date | None) -> str:
    return f"{begin} t/m {eind}" if eind else f"vanaf {begin} (open einde)"


def naam(el: etree._Element, klasse: str) -> str:
    """Hoe een tester de regel terugvindt: ToewijzingNummer, ReferentieAanbieder of het volgnummer."""
    if klasse in ("ToegewezenProduct", "TeWijzigenProduct"):
        return f"{klasse} met ToewijzingNummer {text(el, 'ToewijzingNummer')}"
    if klasse == "AangevraagdProduct":
        return f"{klasse} met ReferentieAanbieder {text(el, 'ReferentieAanbieder')}"
    parent = el.getparent()
    return f"{klasse} {list(parent).index(el) + 1}" if parent is not None else klasse


def product_tekst(r: Regel) -> str:
    if r.categorie is None:
        return "geen product (generiek)"
    return f"categorie {r.categorie}, code {r.code}" if r.code else f"categorie {r.categorie}, zonder code"


def regels(b: Bericht, klassen: Iterable[str] | None = None) -> Iterator[tuple[etree._Element, str]]:
    """Elke productregel van dit bericht als (element, berichtklasse), eventueel alleen de gegeven klassen."""
    for klasse in KLASSEN.get(b.number, ()):
        if klassen is None or klasse in klassen:
            for el in b.all(klasse):
                yield el, klasse


def einddatum(el: etree._Element, klasse: str) -> dt.date | None:
    return date(el, PERIODE[klasse][1])


def na_2020_of_leeg(eind: dt.date | None) -> bool:
    return eind is None or eind > GRENS_2020


def stapeling(b: Bericht, klasse: str, rule: str, negeer=None) -> Iterator[Hit]:
    """Elk paar regels van ``klasse`` met hetzelfde product en overlappende perioden, gemeld bij de regel die later
    in het bericht staat. In iWmo vallen hulpmiddelen (categorie 11-14) buiten de controle; ``negeer`` sluit regels
    uit (TR302: vervallen toewijzingen).

    Eén doorloop op begindatum: ``actief`` houdt de eerdere regels waarvan de periode nog loopt, zodat alleen
    regels die in de tijd kunnen overlappen met elkaar worden vergeleken; ``overlappen`` beslist (ook als de latere
    regel eindigt voor zijn eigen begin, CS003: dan overlapt hij alleen als hij niet eindigt voor de andere begint).
    """
    begin_naam, eind_naam = PERIODE[klasse]
    hulpmiddelen_vrij = b.standard == "iWmo"
    alle = []
    for nr, el in enumerate(b.all(klasse)):
        if negeer is not None and negeer(el):
            continue
        r = Regel(el, text(el, "Product/Categorie"), text(el, "Product/Code") or None,
                  date(el, begin_naam), date(el, eind_naam), nr)
        if not (hulpmiddelen_vrij and r.categorie in HULPMIDDELEN):
            alle.append(r)
    alle.sort(key=lambda r: (r.begin, r.nr))
    actief: list[tuple[dt.date, int, Regel]] = []  # heap op einddatum (open einde = date.max)
    for r in alle:
        while actief and actief[0][0] < r.begin:
            heapq.heappop(actief)
        for _, _, ander in actief:
            if zelfde_product(r, ander) and overlappen(r.begin, r.eind, ander.begin, ander.eind):
                later, eerder = (r, ander) if r.nr > ander.nr else (ander, r)
                yield later.el, (f"{naam(later.el, klasse)} ({product_tekst(later)}, "
                                 f"{periode_tekst(later.begin, later.eind)}) en {naam(eerder.el, klasse)} "
                                 f"({product_tekst(eerder)}, {periode_tekst(eerder.begin, eerder.eind)}) zijn "
                                 f"hetzelfde product met overlappende perioden ({rule}).")
        heapq.heappush(actief, (r.eind or dt.date.max, r.nr, r))


def omvang_zonder_code(b: Bericht, klasse: str, rule: str) -> Iterator[Hit]:
    """Zonder Product/Code geen Omvang, als de einddatum na 2020-12-31 ligt of leeg is (CD080/CD095/CD096)."""
    eind_naam = PERIODE[klasse][1]
    for el in b.all(klasse):
        omvang, eind = find(el, "Omvang"), date(el, eind_naam)
        if omvang is not None and not text(el, "Product/Code") and na_2020_of_leeg(eind):
            wanneer = f"{eind_naam} {eind}" if eind else f"{eind_naam} leeg"
            yield omvang, (f"{naam(el, klasse)} heeft een Omvang maar geen productcode ({wanneer}); zonder "
                           f"productcode moet Omvang leeg blijven ({rule}).")


def frequentie(b: Bericht, klassen: Iterable[str], rule: str) -> Iterator[Hit]:
    """Bij Eenheid 14, 16, 83 of 84 en een einddatum na 2020-12-31 of leeg: Frequentie 2, 4 of 6 (CS338/CS343)."""
    for el, klasse in regels(b, klassen):
        omvang = find(el, "Omvang")
        if omvang is None or not na_2020_of_leeg(einddatum(el, klasse)):
            continue
        eenheid, freq = text(omvang, "Eenheid"), text(omvang, "Frequentie")
        if eenheid in FREQUENTIE_VERPLICHT and freq not in FREQUENTIE_TOEGESTAAN:
            yield find(omvang, "Frequentie"), (f"{naam(el, klasse)} heeft Eenheid {eenheid} met Frequentie {freq}; "
                                               f"bij deze eenheid moet Frequentie 2, 4 of 6 zijn ({rule}).")


# ---------------------------------------------------------------- stapeling van producten

@regel("TR302", berichten=["301"])
def TR302(b: Bericht):
    """Binnen een 301 mag hetzelfde product alleen vaker voorkomen als de perioden niet overlappen. Vervallen
    toewijzingen (RedenWijziging 01/13 met Einddatum = Ingangsdatum) tellen niet mee; in iWmo zijn hulpmiddelen
    (categorie 11-14) uitgezonderd."""
    yield from stapeling(b, "ToegewezenProduct", "TR302", negeer=vervallen)


@regel("TR386", berichten=["315"])
def TR386(b: Bericht):
    """Binnen een 315 mag hetzelfde product alleen vaker worden aangevraagd als de perioden niet overlappen (in
    iWmo niet voor hulpmiddelen, categorie 11-14)."""
    yield from stapeling(b, "AangevraagdProduct", "TR386")


@regel("TR410", berichten=["317"])
def TR410(b: Bericht):
    """Binnen de NieuweProducten van een 317 mag hetzelfde product alleen vaker voorkomen als de perioden niet
    overlappen (in iWmo niet voor hulpmiddelen, categorie 11-14)."""
    yield from stapeling(b, "NieuwProduct", "TR410")


gedekt_door("OP259", ["TR302"],
            "Een 301 bevat alle actuele toewijzingen (OP087); TR302 controleert binnen het bericht op hetzelfde "
            "product met overlappende perioden, met dezelfde uitzonderingen (vervallen toewijzingen, "
            "iWmo-hulpmiddelen).")
gedekt_door("OP347", ["TR386", "TR410", "TR361"],
            "Binnen een 315 controleert TR386 en binnen de NieuweProducten van een 317 TR410; de vergelijking van een "
            "317 met de bestaande toewijzingen (Ongewijzigd/TeWijzigenProduct) is de ketenregel TR361.")


# ---------------------------------------------------------------- omvang, budget, product

@regel("CD041", berichten=["301", "315", "317"])
def CD041(b: Bericht):
    """Als Product/Code gevuld is, is Omvang verplicht (ToegewezenProduct, AangevraagdProduct, NieuwProduct)."""
    for el, klasse in regels(b, MET_PRODUCT):
        code = text(el, "Product/Code")
        if code and find(el, "Omvang") is None:
            yield el, f"{naam(el, klasse)} heeft productcode {code} maar geen Omvang; Omvang is dan verplicht (CD041)."


@regel("CD075", berichten=["301", "315", "317"])
def CD075(b: Bericht):
    """Als Budget gevuld is, is de einddatum verplicht (Einddatum, in de 315 ToewijzingEinddatum)."""
    for el, klasse in regels(b):
        budget = text(el, "Budget")
        if budget and einddatum(el, klasse) is None:
            yield el, (f"{naam(el, klasse)} heeft Budget {budget} maar geen {PERIODE[klasse][1]}; bij een budget is "
                       f"de einddatum verplicht (CD075).")


@regel("CD076", berichten=["301", "315", "317"])
def CD076(b: Bericht):
    """Als Omvang/Frequentie 2 (per week) is, is de einddatum verplicht (Einddatum, in de 315 ToewijzingEinddatum)."""
    for el, klasse in regels(b):
        if text(el, "Omvang/Frequentie") == PER_WEEK and einddatum(el, klasse) is None:
            yield el, (f"{naam(el, klasse)} heeft Frequentie 2 (per week) maar geen {PERIODE[klasse][1]}; "
                       f"de einddatum is dan verplicht (CD076).")


@regel("CD077", berichten=["301", "315", "317"])
def CD077(b: Bericht):
    """Als Budget gevuld is, blijft Omvang leeg."""
    for el, klasse in regels(b):
        budget, omvang = text(el, "Budget"), find(el, "Omvang")
        if budget and omvang is not None:
            yield omvang, (f"{naam(el, klasse)} heeft Budget {budget} en ook een Omvang; Omvang moet dan leeg "
                           f"blijven (CD077).")


@regel("CD078", berichten=["301", "315", "317"])
def CD078(b: Bericht):
    """Als Omvang gevuld is, blijft Budget leeg."""
    for el, klasse in regels(b):
        budget = find(el, "Budget")
        if budget is not None and find(el, "Omvang") is not None:
            yield budget, (f"{naam(el, klasse)} heeft een Omvang en ook Budget {budget.text}; Budget moet dan leeg "
                           f"blijven (CD078).")


@regel("CD079", berichten=["301", "315", "317"])
def CD079(b: Bericht):
    """Als Budget leeg is, is Product verplicht (ToegewezenProduct, AangevraagdProduct, NieuwProduct)."""
    for el, klasse in regels(b, MET_PRODUCT):
        if not text(el, "Budget") and find(el, "Product") is None:
            yield el, (f"{naam(el, klasse)} heeft geen Budget en geen Product; zonder budget is Product verplicht "
                       f"(CD079).")


@regel("CD080", berichten=["301"])
def CD080(b: Bericht):
    """ToegewezenProduct zonder Product/Code en met Einddatum na 2020-12-31 of leeg: Omvang blijft leeg."""
    yield from omvang_zonder_code(b, "ToegewezenProduct", "CD080")


@regel("CD095", berichten=["315"])
def CD095(b: Bericht):
    """AangevraagdProduct zonder Product/Code en met ToewijzingEinddatum na 2020-12-31 of leeg: Omvang blijft leeg."""
    yield from omvang_zonder_code(b, "AangevraagdProduct", "CD095")


@regel("CD096", berichten=["317"])
def CD096(b: Bericht):
    """NieuwProduct zonder Product/Code en met Einddatum na 2020-12-31 of leeg: Omvang blijft leeg."""
    yield from omvang_zonder_code(b, "NieuwProduct", "CD096")


@regel("CS338", berichten=["301", "317"])
def CS338(b: Bericht):
    """ToegewezenProduct, TeWijzigenProduct, NieuwProduct: bij Eenheid 14, 16, 83 of 84 en Einddatum na 2020-12-31 of
    leeg is Frequentie 2, 4 of 6."""
    yield from frequentie(b, ("ToegewezenProduct", "TeWijzigenProduct", "NieuwProduct"), "CS338")


@regel("CS343", berichten=["315"])
def CS343(b: Bericht):
    """AangevraagdProduct: bij Eenheid 14, 16, 83 of 84 en ToewijzingEinddatum na 2020-12-31 of leeg is Frequentie 2,
    4 of 6."""
    yield from frequentie(b, ("AangevraagdProduct",), "CS343")


# ---------------------------------------------------------------- perioden en reden wijziging

@regel("CS003", berichten=["301", "315", "317"])
def CS003(b: Bericht):
    """De einddatum ligt niet voor de begin-/ingangsdatum van dezelfde periode (productregels; in de 301 ook
    Contact/Periode). Zoals de officiele validatie: een Contact/Periode met een Einddatum zonder Begindatum wordt
    afgekeurd (de vergelijking met een lege Begindatum slaagt niet)."""
    for el, klasse in regels(b):
        begin_naam, eind_naam = PERIODE[klasse]
        begin, eind = date(el, begin_naam), date(el, eind_naam)
        if eind is not None and eind < begin:
            yield find(el, eind_naam), (f"{naam(el, klasse)}: {eind_naam} {eind} ligt voor {begin_naam} {begin} "
                                        f"(CS003).")
    for pad in CONTACT_PERIODE.get(b.number, ()):
        for periode in b.vind(pad):
            begin, eind = date(periode, "Begindatum"), date(periode, "Einddatum")
            if eind is not None and begin is None:
                yield find(periode, "Einddatum"), (f"{pad}: Einddatum {eind} zonder Begindatum; de einddatum moet op "
                                                   f"of na de Begindatum van dezelfde periode liggen (CS003).")
            elif eind is not None and eind < begin:
                yield find(periode, "Einddatum"), f"{pad}: Einddatum {eind} ligt voor Begindatum {begin} (CS003)."


@regel("CS335", berichten=["301"])
def CS335(b: Bericht):
    """Een ToegewezenProduct met RedenWijziging 13 (verwijderd) heeft Einddatum gelijk aan Ingangsdatum. Zoals de
    officiele validatie: alleen vergeleken als de Einddatum gevuld is (zonder Einddatum: ``CS335_advies``)."""
    for el in verwijderd(b):
        begin, eind = date(el, "Ingangsdatum"), date(el, "Einddatum")
        if eind is not None and eind != begin:
            yield find(el, "RedenWijziging"), (
                f"{naam(el, 'ToegewezenProduct')} heeft RedenWijziging 13 (verwijderd) maar Einddatum {eind} is "
                f"niet gelijk aan Ingangsdatum {begin} (CS335).")


@advies("CS335", berichten=["301"])
def CS335_advies(b: Bericht):
    """De tekst van CS335 (Einddatum gelijk aan Ingangsdatum) eist bij RedenWijziging 13 ook een Einddatum; de
    officiele validatie keurt een lege Einddatum niet af, dus alleen advies."""
    for el in verwijderd(b):
        if date(el, "Einddatum") is None:
            yield find(el, "RedenWijziging"), (
                f"{naam(el, 'ToegewezenProduct')} heeft RedenWijziging 13 (verwijderd) zonder Einddatum; volgens de "
                f"tekst van CS335 is de Einddatum gelijk aan de Ingangsdatum {date(el, 'Ingangsdatum')}. Advies: de "
                f"officiele validatie keurt dit niet af (CS335).")


def verwijderd(b: Bericht) -> list[etree._Element]:
    """De ToegewezenProducten met RedenWijziging 13 (verwijderd)."""
    return [el for el in b.all("ToegewezenProduct") if text(el, "RedenWijziging") == "13"]


@regel("CS336", berichten=["301"])
def CS336(b: Bericht):
    """ToegewezenProduct/RedenWijziging is niet 01 (administratieve correctie (vervallen))."""
    for el in b.all("ToegewezenProduct"):
        if text(el, "RedenWijziging") == "01":
            yield find(el, "RedenWijziging"), (f"{naam(el, 'ToegewezenProduct')} heeft RedenWijziging 01 "
                                               f"(administratieve correctie (vervallen)); die code is niet toegestaan "
                                               f"(CS336).")
