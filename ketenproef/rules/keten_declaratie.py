"""Ketenregels voor de declaratie (323, de gemeente controleert) en het declaratie-antwoord (325, de aanbieder
controleert), op de keten: toewijzingen (``keten.toewijzingen``) en eerdere declaraties en antwoorden
(``keten.part(declaraties.Part)``).

Afspraken die de bronnen open laten (zie ook het rapport):

- Inspanningsgericht of outputgericht staat niet in de berichten. Afgeleid uit de Eenheid van de toewijzing:
  82 (stuks output) en 83 (euro's) zijn outputgericht, alle andere (ook 84 stuks inspanning, OP262)
  inspanningsgericht (``UITVOERINGSVARIANT``).
- Een creditprestatie is gelijk aan een goedgekeurde debetprestatie (IV091) en wordt volgens IV085 alleen om
  technische redenen afgewezen: de regels over toewijzing, volume en tarief toetsen alleen debetprestaties; een
  credit toetsen TR314, TR323, TR390 en IV091 (en TR304 op de Client).
- TR387/TR388 beoordelen alleen een ProductPeriode die binnen de toewijzing begint/eindigt; daarbuiten meldt
  TR307/TR308 de fout (een fout, een code).
- Creditprestaties in hetzelfde bericht worden voor de debetprestaties verwerkt (OP366): een geldige credit
  telt mee voor TR389 en verlaagt het gedeclareerde volume (TR322, TR369). Een prestatie die TR321 afwijst telt
  niet mee voor TR322/TR369.
- TR346 en TR418 zijn in het register "external" (contractgegevens); ze staan hier met scope "chain" omdat
  ``validate`` in de ketenfase alleen die scope draait, en lezen ``keten.config.tarieven``.
- De 325-regels (TR337, TR366, TR367, TR371, TR376, IV087, OP304) gelden voor de aanbieder: de keten kent de
  verzonden 323. Is de 323 onbekend (TR337), dan worden de andere niet beoordeeld.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache

from lxml import etree

from ketenproef.bericht import Bericht, date, find, text
from ketenproef.calculations import (
    Periode,
    controleer_creditprestatie,
    controleer_productperiode,
    declaratieperiode_toegestaan,
    eenheid_past,
    ingediend_bedrag,
    ingediend_bedrag_minuten,
    max_volume_productperiode,
    max_volume_toewijzing,
    minuuttarief,
    netto_geleverd_volume,
    omrekenen_volume,
    past_binnen_productperiode,
)
from ketenproef.calculations import Toewijzing as Omvang
from ketenproef.calculations.codes import EENHEID_EUROS, EENHEID_MINUUT, EENHEID_UUR, INSPANNINGSGERICHT, OUTPUTGERICHT
from ketenproef.keten import Keten, Toewijzing, partijen
from ketenproef.keten.declaraties import (
    GEEN_OPMERKING,
    Administratie,
    Declaratie,
    Item,
    Part,
    Prestatie,
    body,
    clienten,
    codes,
    prestaties,
    signed,
)
from ketenproef.rules.registry import gedekt_door, regel

UITVOERINGSVARIANT = {"82": OUTPUTGERICHT, "83": OUTPUTGERICHT}  # Eenheid -> variant; default inspanningsgericht
HULP_BIJ_HET_HUISHOUDEN_STANDAARD = "iWmo"  # IV077: 6 weken per ProductPeriode alleen voor iWmo categorie 01


# ---------------------------------------------------------------- helpers (per bericht eenmaal berekend)

def _cached(b: Bericht, keten: Keten, naam: str, maak: Callable[[], object]):
    """A value computed once per message and chain state, kept on the Bericht."""
    store = b.__dict__.setdefault("_keten_declaratie", {})
    hit = store.get(naam)
    if hit is None or hit[0] is not keten:
        hit = store[naam] = (keten, maak())
    return hit[1]


def gemeente_aanbieder(b: Bericht) -> tuple[str, str]:
    """``partijen(b)``, once per message."""
    if "_keten_partijen" not in b.__dict__:
        b.__dict__["_keten_partijen"] = partijen(b)
    return b.__dict__["_keten_partijen"]


def administratie(b: Bericht, keten: Keten) -> Administratie:
    return _cached(b, keten, "adm", lambda: keten.part(Part).van(b))


def debetten(b: Bericht, keten: Keten) -> list[tuple[Prestatie, etree._Element, Toewijzing]]:
    """Debetprestaties met hun actuele, niet verwijderde toewijzing (de andere meldt TR338 of TR384)."""
    def maak():
        gemeente, aanbieder = gemeente_aanbieder(b)
        out = []
        for p, el, _ in prestaties(b):
            t = None if p.credit else keten.toewijzingen.get(gemeente, aanbieder, p.toewijzing)
            if t is not None and not t.verwijderd:
                out.append((p, el, t))
        return out
    return _cached(b, keten, "debetten", maak)


def credits(b: Bericht) -> list[Item]:
    return [item for item in prestaties(b) if item.prestatie.credit]


def geldige_credits(b: Bericht, keten: Keten) -> dict[str, Prestatie]:
    """Credits in dit bericht voor een goedgekeurde, nog niet gecrediteerde debet, per VorigReferentieNummer."""
    def maak():
        adm = administratie(b, keten)
        return {item.prestatie.vorig: item.prestatie for item in credits(b)
                if adm.goedgekeurd_debet(item.prestatie.vorig) and not adm.gecrediteerd(item.prestatie.vorig)}
    return _cached(b, keten, "credits", maak)


def periodefouten(b: Bericht, keten: Keten) -> list[tuple[Prestatie, etree._Element, Toewijzing, list[str]]]:
    """TR307/TR308/TR387/TR388 (en CS337) per debetprestatie, met ``controleer_productperiode``."""
    def maak():
        out = []
        for p, el, t in debetten(b, keten):
            fouten = periode_controle(p.begin, p.einde, t.ingangsdatum, t.einddatum)
            if fouten:
                out.append((p, el, t, fouten))
        return out
    return _cached(b, keten, "perioden", maak)


@lru_cache(maxsize=65536)
def periode_controle(begin: dt.date, einde: dt.date, ingang: dt.date, eind: dt.date | None) -> tuple[str, ...]:
    """``controleer_productperiode``, remembered per combination of dates (many prestaties share them)."""
    return tuple(controleer_productperiode(Periode(begin, einde), ingang, eind))


@lru_cache(maxsize=65536)
def past_in_periode(o: Omvang, begin: dt.date, einde: dt.date, volume: int, eenheid: str) -> bool:
    """``past_binnen_productperiode``, remembered per Omvang, ProductPeriode, volume and Eenheid."""
    return past_binnen_productperiode(o, Periode(begin, einde), volume, eenheid)


@lru_cache(maxsize=65536)
def max_totaal(o: Omvang) -> int | None:
    """``max_volume_toewijzing``; None without a maximum (also for per week without Einddatum)."""
    try:
        return max_volume_toewijzing(o)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def omvang(t: Toewijzing, standaard: str) -> Omvang | None:
    """De Omvang van een toewijzing voor de volumeberekeningen; None zonder (bruikbare) Omvang."""
    if t.volume is None or t.eenheid is None or t.frequentie is None:
        return None
    categorie = t.categorie if standaard == HULP_BIJ_HET_HUISHOUDEN_STANDAARD else None
    try:
        return Omvang(t.ingangsdatum, t.einddatum, t.volume, t.eenheid, t.frequentie, categorie,
                      UITVOERINGSVARIANT.get(t.eenheid, INSPANNINGSGERICHT))
    except ValueError:
        return None


def kind(el: etree._Element, pad: str) -> etree._Element:
    """A child of a Prestatie (only looked up for a violation); the Prestatie itself when absent."""
    found = find(el, pad)
    return el if found is None else found


def periode_tekst(p: Prestatie) -> str:
    return f"ProductPeriode {p.begin} t/m {p.einde}"


def t_tekst(t: Toewijzing) -> str:
    return f"toewijzing {t.nummer} ({t.ingangsdatum} t/m {t.einddatum or 'open einde'})"


# ---------------------------------------------------------------- TR304 (323/325), aangeroepen vanuit TR304

def tr304_declaratie(b: Bericht, keten: Keten) -> Iterator[tuple[etree._Element, str]]:
    """TR304 voor 323 en 325: Client/Bsn hoort bij de toewijzing (323) of bij de prestatie in de 323 (325)."""
    gemeld = set()
    for p, _, client in prestaties(b):
        bsn, bron = bsn_van_bron(b, keten, p)
        if bsn is not None and bsn != p.bsn and id(client) not in gemeld:
            gemeld.add(id(client))
            yield kind(client, "Bsn"), f"Client/Bsn {p.bsn} hoort niet bij {bron}, die is van Bsn {bsn} (TR304)."


def bsn_van_bron(b: Bericht, keten: Keten, p: Prestatie) -> tuple[str | None, str]:
    """De Bsn waar een prestatie bij hoort: die van haar toewijzing (323) of van de prestatie in de 323 (325)."""
    if b.number == "323":
        t = keten.toewijzingen.get(*gemeente_aanbieder(b), p.toewijzing)
        return (None if t is None else t.bsn), f"toewijzing {p.toewijzing}"
    declaratie = antwoord_op(b, keten)
    boeking = None if declaratie is None else declaratie.boekingen.get(p.referentie)
    return (None if boeking is None else boeking.prestatie.bsn), f"prestatie {p.referentie} in de declaratie"


# ---------------------------------------------------------------- 323: de prestatie en haar toewijzing

@regel("TR338", berichten=["323"], retourcode="9338", scope="chain")
def TR338(b: Bericht, keten: Keten):
    """Iedere debetprestatie hoort via ToewijzingNummer bij een toewijzing aan deze aanbieder."""
    gemeente, aanbieder = gemeente_aanbieder(b)
    for p, el, _ in prestaties(b):
        if not p.credit and keten.toewijzingen.get(gemeente, aanbieder, p.toewijzing) is None:
            yield kind(el, "ToewijzingNummer"), (f"Prestatie {p.referentie}: ToewijzingNummer {p.toewijzing} is "
                                                 f"niet door gemeente {gemeente} aan aanbieder {aanbieder} "
                                                 f"toegewezen (TR338).")


@regel("TR384", berichten=["323"], retourcode="9384", scope="chain")
def TR384(b: Bericht, keten: Keten):
    """Op een verwijderde toewijzing (RedenWijziging 13, Einddatum = Ingangsdatum) wordt niet gedeclareerd."""
    gemeente, aanbieder = gemeente_aanbieder(b)
    for p, el, _ in prestaties(b):
        t = None if p.credit else keten.toewijzingen.get(gemeente, aanbieder, p.toewijzing)
        if t is not None and t.verwijderd:
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
            if (g, a) == gemeente_aanbieder(b):
                out[code].append(eenheid)
        return out
    return _cached(b, keten, "contracteenheden", maak)


# ---------------------------------------------------------------- 323: ProductPeriode binnen de toewijzing

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


# ---------------------------------------------------------------- 323: volumes (IV076-IV079)

def te_veel_in_periode(b: Bericht, keten: Keten) -> list[tuple[Prestatie, etree._Element, Toewijzing]]:
    """Debetprestaties met meer GeleverdVolume dan de ProductPeriode toestaat (TR321); TR322 en TR369 tellen ze
    niet mee: ze worden afgewezen."""
    def maak():
        out = []
        for p, el, t in debetten(b, keten):
            o = omvang(t, b.standard)
            if o is not None and eenheid_past(p.eenheid, t.eenheid) and \
                    not past_in_periode(o, p.begin, p.einde, p.volume, p.eenheid):
                out.append((p, el, t))
        return out
    return _cached(b, keten, "tr321", maak)


@regel("TR321", berichten=["323"], retourcode="9321", scope="chain")
def TR321(b: Bericht, keten: Keten):
    """GeleverdVolume past binnen het toegewezen Volume voor de ProductPeriode (IV077, IV078; uren in minuten)."""
    for p, el, t in te_veel_in_periode(b, keten):
        maximum = max_volume_productperiode(omvang(t, b.standard), p.periode)
        yield kind(el, "GeleverdVolume"), (
            f"Prestatie {p.referentie}: GeleverdVolume {p.volume} (Eenheid {p.eenheid}) is meer dan de {maximum} "
            f"(Eenheid {t.eenheid}) die {t_tekst(t)} met Volume {t.volume} per Frequentie {t.frequentie} toestaat in "
            f"{periode_tekst(p)} (TR321).")


def overschrijdingen(b: Bericht, keten: Keten, grens: Callable[[Toewijzing], tuple[int, str | None] | None]):
    """Debetprestaties die, opgeteld bij de actieve eerdere prestaties en na aftrek van de geldige credits in dit
    bericht, boven de grens van hun toewijzing komen: (prestatie, element, toewijzing, grens, eenheid, som)."""
    adm, geldig, totalen, grenzen = administratie(b, keten), geldige_credits(b, keten), {}, {}
    afgewezen = {id(el) for _, el, _ in te_veel_in_periode(b, keten)}
    for p, el, t in debetten(b, keten):
        if t.nummer not in grenzen:
            grenzen[t.nummer] = grens(t)
        g = grenzen[t.nummer]
        if g is None or (g[1] is not None and not eenheid_past(p.eenheid, t.eenheid)) or id(el) in afgewezen:
            continue
        limiet, doel = g
        if t.nummer not in totalen:
            eerder = adm.op_toewijzing(t.nummer) + [c for c in geldig.values() if c.toewijzing == t.nummer]
            passend = [q.volume_regel() for q in eerder if doel is None or eenheid_past(q.eenheid, t.eenheid)]
            totalen[t.nummer] = netto_geleverd_volume(passend, doel)
        som = totalen[t.nummer] + netto_geleverd_volume([p.volume_regel()], doel)
        if som > limiet:
            yield p, el, t, limiet, doel, som
        else:
            totalen[t.nummer] = som


def totaal_omvang(standaard: str):
    def grens(t: Toewijzing) -> tuple[int, str] | None:
        o = omvang(t, standaard)
        maximum = None if o is None else max_totaal(o)
        if maximum is None:
            return None
        doel = EENHEID_MINUUT if t.eenheid == EENHEID_UUR else t.eenheid
        return omrekenen_volume(maximum, t.eenheid, doel), doel
    return grens


@regel("TR322", berichten=["323"], retourcode="9322", scope="chain")
def TR322(b: Bericht, keten: Keten):
    """De som van GeleverdVolume van alle ingediende, niet afgewezen prestaties past binnen de totale Omvang."""
    for p, el, t, limiet, doel, som in overschrijdingen(b, keten, totaal_omvang(b.standard)):
        yield kind(el, "GeleverdVolume"), (
            f"Prestatie {p.referentie}: met GeleverdVolume {p.volume} (Eenheid {p.eenheid}) komt het gedeclareerde "
            f"volume op {t_tekst(t)} op {som}, meer dan het maximum {limiet} (Eenheid {doel}) over de hele "
            f"toewijzing (TR322).")


@regel("TR369", berichten=["323"], retourcode="9369", scope="chain")
def TR369(b: Bericht, keten: Keten):
    """De som van GeleverdVolume van alle ingediende, niet afgewezen prestaties past binnen het Budget."""
    def grens(t: Toewijzing):
        return None if t.budget is None else (t.budget, None)
    for p, el, t, limiet, _, som in overschrijdingen(b, keten, grens):
        yield kind(el, "GeleverdVolume"), (
            f"Prestatie {p.referentie}: met GeleverdVolume {p.volume} komt de som op {t_tekst(t)} op {som}, meer "
            f"dan het Budget {limiet} (TR369).")


# ---------------------------------------------------------------- 323: bedragen en tarieven (extern)

def contracttarief(keten: Keten, gemeente: str, aanbieder: str, code: str, eenheid: str) -> int | None:
    """Het contracttarief (cent) voor ProductCode en Eenheid; minuten bij een uurtarief: uurtarief/60 (IV081)."""
    tarieven = keten.config.tarieven
    tarief = tarieven.get((gemeente, aanbieder, code, eenheid))
    uur = tarieven.get((gemeente, aanbieder, code, EENHEID_UUR))
    if tarief is None and eenheid == EENHEID_MINUUT and uur is not None:
        return minuuttarief(uur)
    return tarief


def toegestane_bedragen(keten: Keten, b: Bericht, p: Prestatie) -> set[int]:
    """IngediendBedrag dat TR346 toestaat: GeleverdVolume x ProductTarief, of bij uren in minuten (IV079/IV081)
    (uurtarief x minuten) / 60; zonder contractgegevens elk uurtarief dat afgerond dit ProductTarief geeft."""
    gemeente, aanbieder = gemeente_aanbieder(b)
    tarieven = keten.config.tarieven
    uur = tarieven.get((gemeente, aanbieder, p.code, EENHEID_UUR))
    minuut = tarieven.get((gemeente, aanbieder, p.code, EENHEID_MINUUT))
    if p.eenheid == EENHEID_MINUUT and uur is not None and minuut is None:
        return {ingediend_bedrag_minuten(uur, p.volume)}
    bedragen = {ingediend_bedrag(p.volume, p.tarief, p.eenheid)}
    if p.eenheid != EENHEID_MINUUT or uur is not None or minuut is not None:
        return bedragen
    t = keten.toewijzingen.get(gemeente, aanbieder, p.toewijzing)
    if t is not None and t.eenheid == EENHEID_UUR:
        kandidaten = range(max(0, 60 * p.tarief - 30), 60 * p.tarief + 30)
        bedragen |= {ingediend_bedrag_minuten(h, p.volume) for h in kandidaten if minuuttarief(h) == p.tarief}
    return bedragen


@regel("TR346", berichten=["323"], retourcode="9346", scope="external")
def TR346(b: Bericht, keten: Keten):
    """Bij Eenheid ongelijk aan 83 is IngediendBedrag = GeleverdVolume x ProductTarief (uren in minuten: IV079)."""
    for p, el, _ in prestaties(b):
        if p.credit or p.eenheid == EENHEID_EUROS or p.tarief is None:
            continue
        bedragen = toegestane_bedragen(keten, b, p)
        if p.bedrag not in bedragen:
            verwacht = " of ".join(str(x) for x in sorted(bedragen)[:3])
            yield kind(el, "IngediendBedrag"), (
                f"Prestatie {p.referentie}: IngediendBedrag {p.bedrag} cent klopt niet met GeleverdVolume {p.volume} "
                f"(Eenheid {p.eenheid}) en ProductTarief {p.tarief}; verwacht {verwacht} cent (TR346).")


@regel("TR418", berichten=["323"], retourcode="0611", scope="external")
def TR418(b: Bericht, keten: Keten):
    """ProductTarief is gelijk aan het contracttarief (keten.config.tarieven); zonder contracttarief niet beoordeeld."""
    if not keten.config.tarieven:
        return
    gemeente, aanbieder = gemeente_aanbieder(b)
    for p, el, _ in prestaties(b):
        verwacht = None if p.credit or p.tarief is None else contracttarief(keten, gemeente, aanbieder, p.code,
                                                                              p.eenheid)
        if verwacht is not None and p.tarief != verwacht:
            yield kind(el, "ProductTarief"), (f"Prestatie {p.referentie}: ProductTarief {p.tarief} cent is niet het "
                                              f"contracttarief {verwacht} cent voor ProductCode {p.code} in Eenheid "
                                              f"{p.eenheid} (TR418).")


# ---------------------------------------------------------------- 323: nummers en perioden

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


# ---------------------------------------------------------------- 323: crediteren (IV085, IV086, IV091)

def staat(adm: Administratie, referentie: str) -> str:
    """How the ledger knows a ReferentieNummer, for the texts of TR323."""
    boeking = adm.boeking(referentie)
    if boeking is None:
        return "is niet bekend als eerder ingediende prestatie"
    if boeking.prestatie.credit:
        return "is zelf een creditprestatie"
    return {"ingediend": "is nog niet beoordeeld (er is nog geen 325)",
            "afgewezen": "is afgewezen; een afgewezen prestatie wordt niet gecrediteerd"}.get(boeking.status, "")


@regel("TR323", berichten=["323"], retourcode="8017", scope="chain")
def TR323(b: Bericht, keten: Keten):
    """Een creditprestatie verwijst met VorigReferentieNummer naar een ingediende, goedgekeurde debetprestatie."""
    adm = administratie(b, keten)
    for p, el, _ in credits(b):
        if adm.goedgekeurd_debet(p.vorig) is None:
            yield kind(el, "ProductReferentie/VorigReferentieNummer"), (
                f"Creditprestatie {p.referentie}: VorigReferentieNummer {p.vorig} {staat(adm, p.vorig)}; een credit "
                f"hoort bij een goedgekeurde debetprestatie (TR323, IV085).")


@regel("TR390", berichten=["323"], retourcode="9390", scope="chain")
def TR390(b: Bericht, keten: Keten):
    """Een prestatie wordt maar een keer gecrediteerd: er is nog geen (niet afgewezen) credit voor dezelfde debet."""
    adm = administratie(b, keten)
    for p, el, _ in credits(b):
        if adm.gecrediteerd(p.vorig):
            yield kind(el, "ProductReferentie/VorigReferentieNummer"), (
                f"Creditprestatie {p.referentie}: prestatie {p.vorig} is al eerder gecrediteerd (TR390).")


@regel("TR389", berichten=["323"], retourcode="9389", scope="chain")
def TR389(b: Bericht, keten: Keten):
    """Een nieuwe debet voor dezelfde ToewijzingNummer, ProductCategorie, ProductCode en ProductPeriode mag alleen als
    de eerdere debet gecrediteerd is (eerder, of met een geldige credit in dit bericht: OP366)."""
    adm, geldig = administratie(b, keten), geldige_credits(b, keten)
    for p, el, _ in prestaties(b):
        eerder = [] if p.credit else adm.debetten(p.combinatie)
        open_ = [q.referentie for q in eerder if not adm.gecrediteerd(q.referentie) and q.referentie not in geldig]
        if open_:
            yield kind(el, "ProductReferentie/ReferentieNummer"), (
                f"Debetprestatie {p.referentie}: voor toewijzing {p.toewijzing}, product {p.categorie}/{p.code} en "
                f"{periode_tekst(p)} is prestatie {', '.join(open_)} al gedeclareerd en niet gecrediteerd (TR389).")


@regel("IV091", berichten=["323"], retourcode=None, scope="chain")
def IV091(b: Bericht, keten: Keten):
    """Een creditprestatie is gelijk aan de gecrediteerde debetprestatie, behalve ReferentieNummer,
    VorigReferentieNummer en DebetCredit (advies: de standaard kent er geen retourcode voor)."""
    adm = administratie(b, keten)
    for p, el, _ in credits(b):
        debet = adm.goedgekeurd_debet(p.vorig)
        if debet is None:
            continue  # TR323
        if "IV091" in controleer_creditprestatie(p.als_dict(), debet.als_dict()) or p.bsn != debet.bsn:
            anders = [n for n, (x, y) in verschillen(p, debet).items() if x != y]
            yield el, (f"Creditprestatie {p.referentie} wijkt af van debetprestatie {p.vorig} in "
                       f"{', '.join(anders)}; een credit is een kopie van de debet (IV091).")


def verschillen(p: Prestatie, q: Prestatie) -> dict[str, tuple]:
    """Per Prestatie-element (en de Bsn) de waarden van ``p`` en ``q`` (TR367, IV091)."""
    return {"Bsn": (p.bsn, q.bsn), "ToewijzingNummer": (p.toewijzing, q.toewijzing),
            "ProductCategorie": (p.categorie, q.categorie), "ProductCode": (p.code, q.code),
            "ProductPeriode": ((p.begin, p.einde), (q.begin, q.einde)), "GeleverdVolume": (p.volume, q.volume),
            "Eenheid": (p.eenheid, q.eenheid), "ProductTarief": (p.tarief, q.tarief),
            "IngediendBedrag": ((p.bedrag, p.debet_credit), (q.bedrag, q.debet_credit))}


# ---------------------------------------------------------------- 325: het antwoord op een verzonden 323

def antwoord_op(b: Bericht, keten: Keten) -> Declaratie | None:
    """De 323 waarop deze 325 antwoordt (Header/DeclaratieIdentificatie: Identificatie en Dagtekening)."""
    def maak():
        declaratie = administratie(b, keten).declaraties.get(text(b.header, "DeclaratieIdentificatie/Identificatie"))
        dagtekening = date(b.header, "DeclaratieIdentificatie/Dagtekening")
        return declaratie if declaratie is not None and declaratie.dagtekening == dagtekening else None
    return _cached(b, keten, "antwoord_op", maak)


@regel("TR337", berichten=["325"], retourcode=None, scope="chain")
def TR337(b: Bericht, keten: Keten):
    """DeclaratieIdentificatie is de BerichtIdentificatie van een eerder verzonden 323."""
    if antwoord_op(b, keten) is None:
        el = find(b.header, "DeclaratieIdentificatie")
        yield el, (f"DeclaratieIdentificatie {text(el, 'Identificatie')} van {text(el, 'Dagtekening')} hoort niet bij "
                   f"een verzonden declaratie (323) (TR337).")


@regel("TR371", berichten=["325"], retourcode=None, scope="chain")
def TR371(b: Bericht, keten: Keten):
    """XsdVersieDeclaratie is de XsdVersie van de beantwoorde 323."""
    declaratie = antwoord_op(b, keten)
    el = find(b.header, "XsdVersieDeclaratie")
    versie = (text(el, "BasisschemaXsdVersie"), text(el, "BerichtXsdVersie"))
    if declaratie is not None and versie != declaratie.xsd_versie:
        yield el, (f"XsdVersieDeclaratie {'/'.join(versie)} wijkt af van de XsdVersie "
                   f"{'/'.join(map(str, declaratie.xsd_versie))} van de beantwoorde 323 (TR371).")


@regel("TR376", berichten=["325"], retourcode=None, scope="chain")
def TR376(b: Bericht, keten: Keten):
    """DeclaratieNummer is dat van de beantwoorde 323 (of, als die onbekend is, van een verzonden 323)."""
    antwoord, declaratie = body(b), antwoord_op(b, keten)
    nummer = None if antwoord is None else find(antwoord, "DeclaratieNummer")
    if nummer is None:
        return
    bekend = {declaratie.nummer} if declaratie is not None else administratie(b, keten).declaratienummers()
    if nummer.text not in bekend:
        yield nummer, (f"DeclaratieNummer {nummer.text} hoort niet bij de beantwoorde declaratie"
                       f"{f' ({declaratie.nummer})' if declaratie else ''} (TR376).")


@regel("TR366", berichten=["325"], retourcode="9366", scope="chain")
def TR366(b: Bericht, keten: Keten):
    """Iedere Prestatie in de 325 hoort via ProductReferentie bij een prestatie van de beantwoorde 323."""
    declaratie = antwoord_op(b, keten)
    for p, el, _ in prestaties(b) if declaratie is not None else ():
        if p.referentie not in declaratie.boekingen:
            yield kind(el, "ProductReferentie"), (f"ReferentieNummer {p.referentie} komt niet voor in declaratie "
                                                  f"{declaratie.nummer} ({declaratie.identificatie}) (TR366).")


@regel("TR367", berichten=["325"], retourcode="9367", scope="chain")
def TR367(b: Bericht, keten: Keten):
    """De gegevens van een Prestatie in de 325 zijn gelijk aan die van de prestatie in de 323."""
    declaratie = antwoord_op(b, keten)
    for p, el, _ in prestaties(b) if declaratie is not None else ():
        boeking = declaratie.boekingen.get(p.referentie)
        for naam, (nu, toen) in verschillen(p, boeking.prestatie).items() if boeking else ():
            if nu != toen and naam != "Bsn":
                yield kind(el, naam), (f"Prestatie {p.referentie}: {naam} {nu} wijkt af van {toen} in de "
                                       f"declaratie (TR367).")


@regel("IV087", berichten=["325"], retourcode=None, scope="chain")
def IV087(b: Bericht, keten: Keten):
    """Een 325 per 323, met TotaalIngediendBedrag gelijk aan dat van de 323 (advies: geen retourcode)."""
    declaratie = antwoord_op(b, keten)
    if declaratie is None:
        return
    if declaratie.beantwoord:
        yield find(b.header, "DeclaratieIdentificatie"), (
            f"Declaratie {declaratie.identificatie} is al eerder beantwoord; per 323 hoort een 325 (IV087).")
    totaal = None if body(b) is None else find(body(b), "TotaalIngediendBedrag")
    if totaal is not None and signed(totaal, "TotaalBedrag") != declaratie.totaal:
        yield totaal, (f"TotaalIngediendBedrag {signed(totaal, 'TotaalBedrag')} cent wijkt af van het "
                       f"TotaalIngediendBedrag {declaratie.totaal} cent van de declaratie (IV087).")


@regel("OP304", berichten=["325"], retourcode=None, scope="chain")
def OP304(b: Bericht, keten: Keten):
    """Een afgekeurde Client staat in de 325 met al zijn prestaties uit de 323 (advies: geen retourcode)."""
    declaratie = antwoord_op(b, keten)
    if declaratie is None:
        return
    in_323, in_325 = defaultdict(set), defaultdict(set)
    for referentie, boeking in declaratie.boekingen.items():
        in_323[boeking.prestatie.bsn].add(referentie)
    for p, _, client in prestaties(b):
        in_325[id(client)].add(p.referentie)
    for client in clienten(b):
        bsn = text(client, "Bsn")
        ontbreekt = sorted(in_323[bsn] - in_325[id(client)]) if set(codes(client)) - {GEEN_OPMERKING} else []
        if ontbreekt:
            yield client, (f"Client {bsn} is afgekeurd, maar prestatie(s) {', '.join(ontbreekt)} uit de "
                           f"declaratie ontbreken in de 325 (OP304).")


# ---------------------------------------------------------------- bedrijfsregels en invulinstructies

gedekt_door("OP267", ["TR341"], "TR341 eist dat de Eenheid van de prestatie past bij de toegewezen Eenheid (uren mogen "
            "in minuten) en, zonder Omvang, bij de contracteenheden.")
gedekt_door("OP276", ["TR338", "TR304", "TR384"], "TR338 eist een toewijzing bij iedere prestatie, TR304 dat die bij "
            "dezelfde client hoort en TR384 dat zij niet verwijderd is.")
gedekt_door("OP279", ["TR307", "TR308"], "TR307 en TR308 eisen dat de ProductPeriode binnen de toewijzingsperiode "
            "ligt.")
gedekt_door("OP368", ["TR307", "TR308"], "TR307 en TR308 eisen dat de ProductPeriode binnen de geldigheid van de "
            "toewijzing ligt.")
gedekt_door("OP283", ["TR314"], "TR314 eist een uniek ReferentieNummer per aanbieder, in het bericht en daarbuiten.")
gedekt_door("OP349", ["TR333"], "TR333 eist een uniek DeclaratieNummer per aanbieder.")
gedekt_door("OP284", ["TR318"], "TR318 keurt een DeclaratiePeriode voor de laatst ingediende af; of er in een "
            "overgeslagen maand zorg was, weet de ontvanger niet.")
gedekt_door("IV090", ["TR318"], "TR318 keurt een DeclaratiePeriode voor de laatst ingediende af; een ProductPeriode "
            "in het verleden blijft toegestaan.")
gedekt_door("OP302", ["TR338", "TR339", "TR340", "TR381"], "Specifiek: TR339 en TR340; aspecifiek: TR339 en TR381 "
            "(code hoort bij de categorie). Generiek 'binnen het contract' is zonder contractgegevens niet te toetsen.")
gedekt_door("OP365", ["TR321", "TR322", "TR369"], "TR321, TR322 en TR369 toetsen het volume aan Omvang en Budget; "
            "contractafspraken daarbuiten zijn niet bekend.")
gedekt_door("IV077", ["TR321", "TR322"], "TR321 (per ProductPeriode) en TR322 (hele toewijzing) rekenen met de weken "
            "van IV077 (ketenproef.calculations.volumes).")
gedekt_door("OP360", ["TR390"], "TR390 keurt een tweede credit voor dezelfde debetprestatie af.")
gedekt_door("OP366", ["TR389", "TR416"], "TR389 eist dat een eerdere debet gecrediteerd is voor een nieuwe debet; "
            "credits in hetzelfde bericht worden eerst verwerkt. TR416 doet dit binnen een bericht.")
gedekt_door("IV085", ["TR323"], "TR323 eist dat een credit naar een debet verwijst die in een 325 is goedgekeurd.")
gedekt_door("IV084", ["TR307", "TR308"], "Een prestatie heeft een ToewijzingNummer; TR307 en TR308 houden de "
            "ProductPeriode binnen die ene toewijzing.")
gedekt_door("IV089", ["TR387", "TR388", "CS337"], "TR387 en TR388 eisen begin en einde van de ProductPeriode volgens "
            "IV089; CS337 dat zij in een kalendermaand ligt.")
gedekt_door("OP303", ["TR342", "TR366", "TR367", "IV087"], "TR342 toetst de bedragen in de 325; TR366 en TR367 dat "
            "alleen prestaties uit de 323 ongewijzigd terugkomen; IV087 het TotaalIngediendBedrag.")
gedekt_door("OP355", ["TR337", "TR376"], "TR337 (DeclaratieIdentificatie) en TR376 (DeclaratieNummer).")
gedekt_door("IV081", ["TR418", "TR346"], "TR418 toetst ProductTarief aan het contracttarief (minuten: uurtarief / 60); "
            "TR346 het IngediendBedrag, bij uren in minuten als (uurtarief x minuten) / 60.")
