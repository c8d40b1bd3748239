"""Regels voor de regieberichten: 305 start zorg/ondersteuning en 307 stop zorg/ondersteuning."""

from __future__ import annotations

from ketenproef.bericht import Bericht, date, find
from ketenproef.rules.registry import gedekt_door, regel

STATUS_TEKST = {"1": "eerste aanlevering", "2": "gewijzigde aanlevering", "3": "verwijderen aanlevering",
                "9": "niet van toepassing"}


@regel("TR018", berichten=["307"])
def TR018(b: Bericht):
    """StopProduct/Einddatum ligt niet voor StopProduct/Begindatum."""
    for stop in b.all("StopProduct"):
        begin, einde = date(stop, "Begindatum"), date(stop, "Einddatum")
        if einde < begin:
            yield find(stop, "Einddatum"), f"Einddatum {einde} van StopProduct ligt voor Begindatum {begin} (TR018)."


@regel("CS058", berichten=["305", "307"])
def CS058(b: Bericht):
    """StatusAanlevering van een StartProduct of StopProduct is 1 (eerste aanlevering) of 3 (verwijderen)."""
    klasse = "StartProduct" if b.number == "305" else "StopProduct"
    for product in b.all(klasse):
        status = find(product, "StatusAanlevering")
        if status.text not in ("1", "3"):
            yield status, (f"StatusAanlevering {status.text} ({STATUS_TEKST.get(status.text, 'onbekend')}) is niet "
                           f"toegestaan in een {klasse}; alleen 1 (eerste aanlevering) of 3 (verwijderen aanlevering) "
                           f"mag (CS058).")


gedekt_door("OP033x2", ["CS058"],
            "StatusAanlevering 2 (gewijzigde aanlevering) niet gebruiken: CS058 staat in StartProduct en StopProduct "
            "alleen 1 en 3 toe en keurt 2 dus af.")
