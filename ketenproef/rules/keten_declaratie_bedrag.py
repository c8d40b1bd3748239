"""Ketenregels voor de declaratie (323): bedragen en tarieven tegen de contractgegevens (extern): IngediendBedrag
(TR346) en ProductTarief (TR418).

TR346 en TR418 zijn in het register "external" (contractgegevens); ze staan hier met scope "chain" omdat
``validate`` in de ketenfase alleen die scope draait, en lezen ``keten.config.tarieven``.
"""

from __future__ import annotations

from ketenproef.bericht import Bericht
from ketenproef.calculations import ingediend_bedrag, ingediend_bedrag_minuten, minuuttarief
from ketenproef.calculations.codes import EENHEID_EUROS, EENHEID_MINUUT, EENHEID_UUR
from ketenproef.keten import Keten
from ketenproef.keten.declaraties import Prestatie, prestaties
from ketenproef.rules._keten_declaratie import gemeente_aanbieder, kind
from ketenproef.rules.registry import gedekt_door, regel


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


gedekt_door("IV081", ["TR418", "TR346"], "TR418 toetst ProductTarief aan het contracttarief (minuten: uurtarief / 60); "
            "TR346 het IngediendBedrag, bij uren in minuten als (uurtarief x minuten) / 60.")
