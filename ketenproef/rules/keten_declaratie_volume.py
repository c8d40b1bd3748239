"""Ketenregels voor de declaratie (323): het GeleverdVolume tegen de toewijzing (IV076-IV079): per ProductPeriode
(TR321), over de hele toewijzing (TR322) en tegen het Budget (TR369).

Afspraken die de bronnen open laten (zie ook het rapport en ``_keten_declaratie``):

- Inspanningsgericht of outputgericht staat niet in de berichten. Afgeleid uit de Eenheid van de toewijzing:
  82 (stuks output) en 83 (euro's) zijn outputgericht, alle andere (ook 84 stuks inspanning, OP262)
  inspanningsgericht (``UITVOERINGSVARIANT``).
- Creditprestaties in hetzelfde bericht worden voor de debetprestaties verwerkt (OP366): een geldige credit
  verlaagt het gedeclareerde volume (TR322, TR369). Een prestatie die TR321 afwijst telt niet mee voor
  TR322/TR369.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from ketenproef.bericht import Bericht
from ketenproef.calculations import (
    Periode,
    eenheid_past,
    max_volume_productperiode,
    max_volume_toewijzing,
    netto_geleverd_volume,
    omrekenen_volume,
    past_binnen_productperiode,
)
from ketenproef.calculations import Toewijzing as Omvang
from ketenproef.calculations.codes import EENHEID_MINUUT, EENHEID_UUR, INSPANNINGSGERICHT, OUTPUTGERICHT
from ketenproef.keten import Keten, Toewijzing
from ketenproef.keten.declaraties import Prestatie

# De volgorde van de controles (en dus van de bevindingen en RetourCodes): toewijzing, volume, nummers, credit.
from ketenproef.rules import keten_declaratie_toewijzing  # noqa: F401
from ketenproef.rules._keten_declaratie import (
    administratie,
    cached,
    debetten,
    geldige_credits,
    kind,
    periode_tekst,
    t_tekst,
)
from ketenproef.rules.registry import gedekt_door, regel

UITVOERINGSVARIANT = {"82": OUTPUTGERICHT, "83": OUTPUTGERICHT}  # Eenheid -> variant; default inspanningsgericht
HULP_BIJ_HET_HUISHOUDEN_STANDAARD = "iWmo"  # IV077: 6 weken per ProductPeriode alleen voor iWmo categorie 01


# ---------------------------------------------------------------- de Omvang van een toewijzing

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


# ---------------------------------------------------------------- 323: volume per ProductPeriode

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
    return cached(b, keten, "tr321", maak)


@regel("TR321", berichten=["323"], retourcode="9321", scope="chain")
def TR321(b: Bericht, keten: Keten):
    """GeleverdVolume past binnen het toegewezen Volume voor de ProductPeriode (IV077, IV078; uren in minuten)."""
    for p, el, t in te_veel_in_periode(b, keten):
        maximum = max_volume_productperiode(omvang(t, b.standard), p.periode)
        yield kind(el, "GeleverdVolume"), (
            f"Prestatie {p.referentie}: GeleverdVolume {p.volume} (Eenheid {p.eenheid}) is meer dan de {maximum} "
            f"(Eenheid {t.eenheid}) die {t_tekst(t)} met Volume {t.volume} per Frequentie {t.frequentie} toestaat in "
            f"{periode_tekst(p)} (TR321).")


# ---------------------------------------------------------------- 323: volume over de hele toewijzing

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


# ---------------------------------------------------------------- bedrijfsregels en invulinstructies

gedekt_door("OP365", ["TR321", "TR322", "TR369"], "TR321, TR322 en TR369 toetsen het volume aan Omvang en Budget; "
            "contractafspraken daarbuiten zijn niet bekend.")
gedekt_door("IV077", ["TR321", "TR322"], "TR321 (per ProductPeriode) en TR322 (hele toewijzing) rekenen met de weken "
            "van IV077 (ketenproef.calculations.volumes).")
