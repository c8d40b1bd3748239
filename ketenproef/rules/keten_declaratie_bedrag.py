"""Regels voor de declaratie (323) op bedragen en tarieven: IngediendBedrag (TR346) en ProductTarief tegen het
contracttarief (TR418).

Beide hebben scope "external": hun oordeel vraagt het bericht en hooguit contractgegevens (``keten.config``), geen
eerdere berichten. ``validate`` draait ze ook zonder keten (``keten`` None): TR346 rekent dan GeleverdVolume x
ProductTarief na zonder contract, TR418 heeft zonder contracttarieven niets te beoordelen.
"""

from __future__ import annotations

from itertools import compress

from ketenproef.bericht import Bericht, find
from ketenproef.calculations import ingediend_bedrag, ingediend_bedrag_minuten, minuuttarief
from ketenproef.calculations.codes import EENHEID_EUROS, EENHEID_MINUUT, EENHEID_UUR
from ketenproef.keten import Keten, partijen
from ketenproef.keten.declaraties import Prestatie, prestaties
from ketenproef.rules._keten_declaratie import kind
from ketenproef.rules.registry import gedekt_door, regel


def tarieven_van(keten) -> dict[tuple[str, str, str, str], int]:
    """Contract tariffs of the chain's or a ``Referentie``'s configuration; none without either."""
    return {} if keten is None else keten.config.tarieven


def toegewezen_in_uren(keten: Keten | None, gemeente: str, aanbieder: str, p: Prestatie) -> bool:
    """Kan de toewijzing in uren zijn? Met keten: de toewijzing zegt het. Zonder keten is het onbekend, dus
    mogelijk: TR346 keurt dan niets af wat met de toewijzing in uren wel zou kloppen."""
    if not isinstance(keten, Keten):
        return True
    t = keten.toewijzingen.get(gemeente, aanbieder, p.toewijzing)
    return t is not None and t.eenheid == EENHEID_UUR


def contracttarief(keten: Keten, gemeente: str, aanbieder: str, code: str, eenheid: str) -> int | None:
    """Het contracttarief (cent) voor ProductCode en Eenheid; minuten bij een uurtarief: uurtarief/60 (IV081)."""
    tarieven = tarieven_van(keten)
    tarief = tarieven.get((gemeente, aanbieder, code, eenheid))
    uur = tarieven.get((gemeente, aanbieder, code, EENHEID_UUR))
    if tarief is None and eenheid == EENHEID_MINUUT and uur is not None:
        return minuuttarief(uur)
    return tarief


def toegestane_bedragen(keten: Keten | None, b: Bericht, p: Prestatie) -> set[int]:
    """IngediendBedrag dat TR346 toestaat: GeleverdVolume x ProductTarief, of bij uren in minuten (IV079/IV081)
    (uurtarief x minuten) / 60; zonder contractgegevens elk uurtarief dat afgerond dit ProductTarief geeft."""
    gemeente, aanbieder = partijen(b)
    tarieven = tarieven_van(keten)
    uur = tarieven.get((gemeente, aanbieder, p.code, EENHEID_UUR))
    minuut = tarieven.get((gemeente, aanbieder, p.code, EENHEID_MINUUT))
    if p.eenheid == EENHEID_MINUUT and uur is not None and minuut is None:
        return {ingediend_bedrag_minuten(uur, p.volume)}
    bedragen = {ingediend_bedrag(p.volume, p.tarief, p.eenheid)}
    if p.eenheid != EENHEID_MINUUT or uur is not None or minuut is not None:
        return bedragen
    if toegewezen_in_uren(keten, gemeente, aanbieder, p):
        kandidaten = range(max(0, 60 * p.tarief - 30), 60 * p.tarief + 30)
        bedragen |= {ingediend_bedrag_minuten(h, p.volume) for h in kandidaten if minuuttarief(h) == p.tarief}
    return bedragen


def uurtarief_mogelijk(bedrag: int, minuten: int, tarief: int) -> bool:
    """Is er een uurtarief h met (h x minuten) / 60 = IngediendBedrag en h / 60 = ProductTarief (beide half op
    afgerond, IV079/IV081)? Rekenkundig, zonder alle kandidaten af te lopen."""
    if minuten == 0:
        return bedrag == 0
    laag = max(0, -(-(60 * bedrag - 30) // minuten), 60 * tarief - 30)
    hoog = min((60 * bedrag + 29) // minuten, 60 * tarief + 29)
    return laag <= hoog


def bedrag_klopt(keten: Keten | None, b: Bericht, p: Prestatie) -> bool:
    """Snelle vorm van ``p.bedrag in toegestane_bedragen(...)``: die verzameling wordt alleen voor de tekst van
    een afkeur opgebouwd."""
    gemeente, aanbieder = partijen(b)
    tarieven = tarieven_van(keten)
    uur = tarieven.get((gemeente, aanbieder, p.code, EENHEID_UUR))
    minuut = tarieven.get((gemeente, aanbieder, p.code, EENHEID_MINUUT))
    if p.eenheid == EENHEID_MINUUT and uur is not None and minuut is None:
        return p.bedrag == ingediend_bedrag_minuten(uur, p.volume)
    if p.bedrag == ingediend_bedrag(p.volume, p.tarief, p.eenheid):
        return True
    if p.eenheid != EENHEID_MINUUT or uur is not None or minuut is not None:
        return False
    return toegewezen_in_uren(keten, gemeente, aanbieder, p) and uurtarief_mogelijk(p.bedrag, p.volume, p.tarief)


def zonder_contract_in_orde(b: Bericht) -> bool:
    """Zonder keten (geen contract, toewijzing onbekend): klopt elk IngediendBedrag? Leest de kolommen die de
    enkel-berichtregels al van de 323 maakten plus de ProductTarieven in een C-pas, zodat grote declaraties snel
    blijven; alleen bij een afwijking volgt de volledige lezing voor de bevindingen."""
    from ketenproef.rules.declaratie import prestaties as kolommen

    k = kolommen(b)
    clienten = find(b.root, b.klassen["Client"].rsplit("/", 1)[0]) if k.n else None
    tarieven = [el.text for el in clienten.iter("{*}ProductTarief")] if clienten is not None else []
    met_tarief = list(compress(range(k.n), k.tarief))
    for i, tarief in zip(met_tarief, map(int, tarieven), strict=True):
        bedrag, volume = k.bedrag[i], k.volume[i]
        if bedrag == int(volume) * tarief or k.dc[i] == "C" or k.eenheid[i] == EENHEID_EUROS:
            continue
        if not (k.eenheid[i] == EENHEID_MINUUT and uurtarief_mogelijk(bedrag, int(volume), tarief)):
            return False
    return True


@regel("TR346", berichten=["323"], retourcode="9346", scope="external")
def TR346(b: Bericht, keten: Keten | None):
    """Bij Eenheid ongelijk aan 83 is IngediendBedrag = GeleverdVolume x ProductTarief (uren in minuten: IV079;
    afronding volgens ``ingediend_bedrag``). Ook zonder keten."""
    if not tarieven_van(keten) and not isinstance(keten, Keten) and zonder_contract_in_orde(b):
        return
    for p, el, _ in prestaties(b):
        if p.credit or p.eenheid == EENHEID_EUROS or p.tarief is None or bedrag_klopt(keten, b, p):
            continue
        bedragen = toegestane_bedragen(keten, b, p)
        verwacht = " of ".join(str(x) for x in sorted(bedragen)[:3])
        yield kind(el, "IngediendBedrag"), (
            f"Prestatie {p.referentie}: IngediendBedrag {p.bedrag} cent klopt niet met GeleverdVolume {p.volume} "
            f"(Eenheid {p.eenheid}) en ProductTarief {p.tarief}; verwacht {verwacht} cent (TR346).")


@regel("TR418", berichten=["323"], retourcode="0611", scope="external")
def TR418(b: Bericht, keten: Keten | None):
    """ProductTarief is gelijk aan het contracttarief (keten.config.tarieven); zonder contracttarief niet beoordeeld."""
    if not tarieven_van(keten):
        return
    gemeente, aanbieder = partijen(b)
    for p, el, _ in prestaties(b):
        verwacht = None if p.credit or p.tarief is None else contracttarief(keten, gemeente, aanbieder, p.code,
                                                                              p.eenheid)
        if verwacht is not None and p.tarief != verwacht:
            yield kind(el, "ProductTarief"), (f"Prestatie {p.referentie}: ProductTarief {p.tarief} cent is niet het "
                                              f"contracttarief {verwacht} cent voor ProductCode {p.code} in Eenheid "
                                              f"{p.eenheid} (TR418).")


gedekt_door("IV081", ["TR418", "TR346"], "TR418 toetst ProductTarief aan het contracttarief (minuten: uurtarief / 60); "
            "TR346 het IngediendBedrag, bij uren in minuten als (uurtarief x minuten) / 60.")
