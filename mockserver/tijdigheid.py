"""Timeliness as evidence: a 305 or 307 is due within 5 werkdagen after the actual start or stop (OP271, OP272).

Not a retourcode: the gemeente cannot reject a late regiebericht. The mock records a finding of level
``proces`` in the exchange log when a start or stop arrives later than that by the mock's clock.
"""

from __future__ import annotations

from ketenproef.bericht import Bericht, date, integer, readable_path, text
from ketenproef.clock import Clock

PROCES = "proces"
REGELS = {"305": ("OP271", "StartProduct", "Begindatum", "start"),
          "307": ("OP272", "StopProduct", "Einddatum", "stop")}
VERWIJDEREN = "3"


def tijdigheid(b: Bericht, keten, clock: Clock) -> list[dict]:
    """Process findings for every start or stop product reported later than 5 werkdagen after the event."""
    if b.number not in REGELS:
        return []
    from ketenproef.calculations.werkdagen import regiebericht_deadline

    rule, klasse, veld, wat = REGELS[b.number]
    vandaag = clock.today()
    out = []
    for el in b.all(klasse):
        if text(el, "StatusAanlevering") == VERWIJDEREN:
            continue
        gebeurtenis = date(el, veld)
        ontvangst = _toewijzingsdatum(b, keten, integer(el, "ToewijzingNummer")) if b.number == "305" else None
        deadline = regiebericht_deadline(gebeurtenis, ontvangst_toewijzing=ontvangst)
        if vandaag > deadline:
            out.append({"level": PROCES, "rule": rule, "retourcode": None, "class": klasse,
                        "path": readable_path(el), "line": el.sourceline,
                        "text": f"De {wat} van {gebeurtenis} is op {vandaag} gemeld; dat moest uiterlijk {deadline} "
                                f"(5 werkdagen, {rule}). Het bericht is wel verwerkt."})
    return out


def _toewijzingsdatum(b: Bericht, keten, nummer: int | None):
    """The Toewijzingsdatum of the toewijzing a start refers to (retroactive allocation moves the limit)."""
    if keten is None or nummer is None:
        return None
    toewijzing = keten.toewijzingen.get(text(b.header, "Ontvanger"), text(b.header, "Afzender"), nummer)
    return toewijzing.toewijzingsdatum if toewijzing else None
