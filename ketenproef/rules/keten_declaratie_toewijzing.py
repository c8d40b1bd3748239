"""Ketenregels voor de declaratie (323): de prestatie en haar toewijzing (TR338, TR384, TR339, TR340, TR341) en de
ProductPeriode binnen de toewijzing (TR307, TR308, TR387, TR388); ook TR304 voor 323 en 325
(``tr304_declaratie``, aangeroepen vanuit TR304 in ``keten_verzoeken``).

Afspraken die de bronnen open laten (zie ook het rapport en ``_keten_declaratie``):

- Alleen debetprestaties worden aan hun toewijzing getoetst; een credit is een kopie van een goedgekeurde debet.
- TR387/TR388 beoordelen alleen een ProductPeriode die binnen de toewijzing begint/eindigt; daarbuiten meldt
  TR307/TR308 de fout (een fout, een code).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree

from ketenproef.bericht import Bericht
from ketenproef.calculations import Periode, controleer_productperiode, eenheid_past
from ketenproef.calculations.codes import EENHEID_MINUUT, EENHEID_UUR
from ketenproef.keten import Keten, Toewijzing, partijen
from ketenproef.keten.declaraties import Prestatie, prestaties
from ketenproef.rules._keten_declaratie import (
    antwoord_op,
    cached,
    debetten,
    kind,
    periode_tekst,
    t_tekst,
    toewijzingen,
)
from ketenproef.rules.registry import gedekt_door, regel

# ---------------------------------------------------------------- TR304 (323/325), aangeroepen vanuit TR304

def tr304_declaratie(b: Bericht, keten: Keten) -> Iterator[tuple[etree._Element, str]]:
    """TR304 voor 323 en 325: Client/Bsn hoort bij de toewijzing (323) of bij de prestatie in de 323 (325)."""
    gemeld = set()
    for (p, _, client), (bsn, bron) in zip(prestaties(b), bsns_van_bron(b, keten), strict=True):
        if bsn is not None and bsn != p.bsn and id(client) not in gemeld:
            gemeld.add(id(client))
            yield kind(client, "Bsn"), f"Client/Bsn {p.bsn} hoort niet bij {bron}, die is van Bsn {bsn} (TR304)."


def bsns_van_bron(b: Bericht, keten: Keten) -> Iterator[tuple[str | None, str]]:
    """Per prestatie (in de volgorde van ``prestaties``) de Bsn waar ze bij hoort en waar die vandaan komt: die van
    haar toewijzing (323; eenmaal per bericht opgezocht, ``toewijzingen``) of van de prestatie in de 323 (325)."""
    if b.number == "323":
        for (p, _, _), t in zip(prestaties(b), toewijzingen(b, keten), strict=True):
            yield (None if t is None else t.bsn), f"toewijzing {p.toewijzing}"
        return
    declaratie = antwoord_op(b, keten)
    for p, _, _ in prestaties(b):
        boeking = None if declaratie is None else declaratie.boekingen.get(p.referentie)
        yield (None if boeking is None else boeking.prestatie.bsn), f"prestatie {p.referentie} in de declaratie"


# ---------------------------------------------------------------- 323: de prestatie en haar toewijzing

@regel("TR338", berichten=["323"], retourcode="9338", scope="chain")
def TR338(b: Bericht, keten: Keten):
    """Iedere debetprestatie hoort via ToewijzingNummer bij een toewijzing aan deze aanbieder."""
    gemeente, aanbieder = partijen(b)
    for (p, el, _), t in zip(prestaties(b), toewijzingen(b, keten), strict=True):
        if t is None and not p.credit:
            yield kind(el, "ToewijzingNummer"), (f"Prestatie {p.referentie}: ToewijzingNummer {p.toewijzing} is "
                                                 f"niet door gemeente {gemeente} aan aanbieder {aanbieder} "
                                                 f"toegewezen (TR338).")


@regel("TR384", berichten=["323"], retourcode="9384", scope="chain")
def TR384(b: Bericht, keten: Keten):
    """Op een verwijderde toewijzing (RedenWijziging 13, Einddatum = Ingangsdatum) wordt niet gedeclareerd."""
    for (p, el, _), t in zip(prestaties(b), toewijzingen(b, keten), strict=True):
        if t is not None and t.verwijderd and not p.credit:
            yield kind(el, "ToewijzingNummer"), (f"Prestatie {p.referentie}: toewijzing {p.toewijzing} is verwijderd "
                                                 f"(RedenWijziging 13); daarop mag niet worden gedeclareerd (TR384).")


@regel("TR339", berichten=["323"], retourcode="9339", scope="chain")
def TR339(b: Bericht, keten: Keten):
    """ProductCategorie is gelijk aan de toegewezen Categorie, als de toewijzing een Categorie heeft."""
    for p, el, t in debetten(b, keten):
        if t.categorie is not None and p.categorie != t.categorie:
            yield kind(el, "ProductCategorie"), (f"Prestatie {p.referentie}: ProductCategorie {p.categorie} wijkt af "
                                                 f"van de toegewezen Categorie {t.categorie} van {t_tekst(t)} (TR339).")


@regel("TR340", berichten=["323"], retourcode="9340", scope="chain")
def TR340(b: Bericht, keten: Keten):
    """ProductCode is gelijk aan de toegewezen Code, als de toewijzing een Code heeft."""
    for p, el, t in debetten(b, keten):
        if t.code is not None and p.code != t.code:
            yield kind(el, "ProductCode"), (f"Prestatie {p.referentie}: ProductCode {p.code} wijkt af van de "
                                            f"toegewezen Code {t.code} van {t_tekst(t)} (TR340).")


@regel("TR341", berichten=["323"], retourcode="9341", scope="chain")
def TR341(b: Bericht, keten: Keten):
    """Eenheid past bij de toegewezen Eenheid (uren mogen in minuten); zonder Omvang bij de contracteenheden."""
    for p, el, t in debetten(b, keten):
        eenheden = [t.eenheid] if t.eenheid is not None else contracteenheden(b, keten).get(p.code, [])
        if eenheden and not any(eenheid_past(p.eenheid, e) for e in eenheden):
            bron = f"de Omvang van {t_tekst(t)}" if t.eenheid is not None else f"het contract voor {p.code}"
            toegestaan = eenheden + ([EENHEID_MINUUT] if EENHEID_UUR in eenheden else [])
            yield kind(el, "Eenheid"), (f"Prestatie {p.referentie}: Eenheid {p.eenheid} past niet bij {bron}; "
                                        f"toegestaan is {' of '.join(toegestaan)} (TR341).")


def contracteenheden(b: Bericht, keten: Keten) -> dict[str, list[str]]:
    """Per ProductCode de Eenheden waarvoor een contracttarief is ingesteld (ontbreekt: niet bekend)."""
    def maak():
        out: dict[str, list[str]] = defaultdict(list)
        for g, a, code, eenheid in sorted(keten.config.tarieven):
            if (g, a) == partijen(b):
                out[code].append(eenheid)
        return out
    return cached(b, keten, "contracteenheden", maak)


# ---------------------------------------------------------------- 323: ProductPeriode binnen de toewijzing

def periodefouten(b: Bericht, keten: Keten) -> list[tuple[Prestatie, etree._Element, Toewijzing, list[str]]]:
    """TR307/TR308/TR387/TR388 (en CS337) per debetprestatie, met ``controleer_productperiode``."""
    def maak():
        out = []
        for p, el, t in debetten(b, keten):
            fouten = periode_controle(p.begin, p.einde, t.ingangsdatum, t.einddatum)
            if fouten:
                out.append((p, el, t, fouten))
        return out
    return cached(b, keten, "perioden", maak)


@lru_cache(maxsize=65536)
def periode_controle(begin: dt.date, einde: dt.date, ingang: dt.date, eind: dt.date | None) -> tuple[str, ...]:
    """``controleer_productperiode``, remembered per combination of dates (many prestaties share them)."""
    return tuple(controleer_productperiode(Periode(begin, einde), ingang, eind))


@regel("TR307", berichten=["323"], retourcode="9307", scope="chain")
def TR307(b: Bericht, keten: Keten):
    """ProductPeriode/Begindatum ligt op of na de Ingangsdatum van de toewijzing."""
    for p, el, t, fouten in periodefouten(b, keten):
        if "TR307" in fouten:
            yield kind(el, "ProductPeriode"), (f"Prestatie {p.referentie}: {periode_tekst(p)} begint voor de "
                                               f"Ingangsdatum van {t_tekst(t)} (TR307).")


@regel("TR308", berichten=["323"], retourcode="9308", scope="chain")
def TR308(b: Bericht, keten: Keten):
    """ProductPeriode/Einddatum ligt op of voor de Einddatum van de toewijzing (als die gevuld is)."""
    for p, el, t, fouten in periodefouten(b, keten):
        if "TR308" in fouten:
            yield kind(el, "ProductPeriode"), (f"Prestatie {p.referentie}: {periode_tekst(p)} eindigt na de "
                                               f"Einddatum van {t_tekst(t)} (TR308).")


@regel("TR387", berichten=["323"], retourcode="9387", scope="chain")
def TR387(b: Bericht, keten: Keten):
    """ProductPeriode begint op de 1e van de maand, of op de Ingangsdatum als de toewijzing later in de maand begint."""
    for p, el, t, fouten in periodefouten(b, keten):
        if "TR387" in fouten and "TR307" not in fouten:
            yield kind(el, "ProductPeriode/Begindatum"), (
                f"Prestatie {p.referentie}: {periode_tekst(p)} begint niet op de eerste dag van de maand of op de "
                f"Ingangsdatum van {t_tekst(t)} (TR387).")


@regel("TR388", berichten=["323"], retourcode="9388", scope="chain")
def TR388(b: Bericht, keten: Keten):
    """ProductPeriode eindigt op de laatste dag van de maand, of op de Einddatum als de toewijzing eerder eindigt."""
    for p, el, t, fouten in periodefouten(b, keten):
        if "TR388" in fouten and "TR308" not in fouten:
            yield kind(el, "ProductPeriode/Einddatum"), (
                f"Prestatie {p.referentie}: {periode_tekst(p)} eindigt niet op de laatste dag van de maand of op de "
                f"Einddatum van {t_tekst(t)} (TR388).")


# ---------------------------------------------------------------- bedrijfsregels en invulinstructies

gedekt_door("OP267", ["TR341"], "TR341 eist dat de Eenheid van de prestatie past bij de toegewezen Eenheid (uren mogen "
            "in minuten) en, zonder Omvang, bij de contracteenheden.")
gedekt_door("OP276", ["TR338", "TR304", "TR384"], "TR338 eist een toewijzing bij iedere prestatie, TR304 dat die bij "
            "dezelfde client hoort en TR384 dat zij niet verwijderd is.")
gedekt_door("OP279", ["TR307", "TR308"], "TR307 en TR308 eisen dat de ProductPeriode binnen de toewijzingsperiode "
            "ligt.")
gedekt_door("OP368", ["TR307", "TR308"], "TR307 en TR308 eisen dat de ProductPeriode binnen de geldigheid van de "
            "toewijzing ligt.")
gedekt_door("OP302", ["TR338", "TR339", "TR340", "TR381"], "Specifiek: TR339 en TR340; aspecifiek: TR339 en TR381 "
            "(code hoort bij de categorie). Generiek 'binnen het contract' is zonder contractgegevens niet te toetsen.")
gedekt_door("IV084", ["TR307", "TR308"], "Een prestatie heeft een ToewijzingNummer; TR307 en TR308 houden de "
            "ProductPeriode binnen die ene toewijzing.")
gedekt_door("IV089", ["TR387", "TR388", "CS337"], "TR387 en TR388 eisen begin en einde van de ProductPeriode volgens "
            "IV089; CS337 dat zij in een kalendermaand ligt.")
