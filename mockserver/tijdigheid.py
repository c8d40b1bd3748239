"""Timeliness as evidence: a 305 or 307 is due within 5 werkdagen after the actual start or stop (OP271, OP272;
a definitive stop after a temporary stop is due 5 werkdagen after it became known, which no message tells);
the answer to a verzoek om wijziging (a 319, or the 301 that honours it) within 5 werkdagen after the 317, and
after a 319 "in onderzoek" the final answer within 8 weeks after the 317 (OP346).

A 325 is due within 10 werkdagen after the 323 it answers (OP090x4). Not a retourcode: the receiver cannot
reject a late message. The mock records a finding of level ``proces`` in
the exchange log when one arrives later than that by the mock's clock.
"""

from __future__ import annotations

import datetime as dt

from ketenproef.bericht import Bericht, date, integer, readable_path, text
from ketenproef.clock import Clock

PROCES = "proces"
REGELS = {"305": ("OP271", "StartProduct", "Begindatum", "start"),
          "307": ("OP272", "StopProduct", "Einddatum", "stop")}
VERWIJDEREN = "3"
TIJDELIJK = "20"  # RedenBeeindiging: levering is tijdelijk beeindigd (WMO588/JZ588)


def tijdigheid(b: Bericht, keten, clock: Clock) -> list[dict]:
    """Process findings for every start or stop product reported later than 5 werkdagen after the event, and for
    a late answer to a verzoek om wijziging."""
    if b.number in ("301", "319"):
        return antwoordtermijn(b, keten, clock)
    if b.number not in REGELS:
        return []
    from ketenproef.calculations.werkdagen import regiebericht_deadline

    rule, klasse, veld, wat = REGELS[b.number]
    vandaag = clock.today()
    out = []
    for el in b.all(klasse):
        if text(el, "StatusAanlevering") == VERWIJDEREN or definitief_na_tijdelijk(b, keten, el):
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


def definitief_na_tijdelijk(b: Bericht, keten, el) -> bool:
    """OP272: "A definitive stop following a temporary stop must be sent within 5 werkdagen after it became known
    that the delivery definitively ended (not necessarily within 5 days after delivery stopped)". When that became
    known is in no message, so a definitive stop of a start that has a temporary stop in force is not judged
    against its Einddatum (nor against anything else)."""
    if b.number != "307" or keten is None or text(el, "RedenBeeindiging") == TIJDELIJK:
        return False
    from ketenproef.keten.regie import Regie, klant_van, stop_sleutel

    start = stop_sleutel(el).start
    return any(s.tijdelijk and s.start == start for s in keten.part(Regie).stops(klant_van(b)))


def _toewijzingsdatum(b: Bericht, keten, nummer: int | None):
    """The Toewijzingsdatum of the toewijzing a start refers to (retroactive allocation moves the limit)."""
    if keten is None or nummer is None:
        return None
    toewijzing = keten.toewijzingen.get(text(b.header, "Ontvanger"), text(b.header, "Afzender"), nummer)
    return toewijzing.toewijzingsdatum if toewijzing else None


ANTWOORD_WERKDAGEN, ONDERZOEK_WEKEN, IN_ONDERZOEK = 5, 8, "2"


def antwoordtermijn(b: Bericht, keten, clock: Clock) -> list[dict]:
    """OP346: every verzoek om wijziging this 301 or 319 answers for the first time for good (a 301 that honours it,
    a 319), measured from the Dagtekening of the 317 by the mock's clock."""
    if keten is None:
        return []
    from ketenproef.calculations.werkdagen import plus_werkdagen
    from ketenproef.keten import partijen
    from ketenproef.keten.verzoeken import VOW, Ref, Verzoeken

    verzoeken, (gemeente, aanbieder) = keten.part(Verzoeken), partijen(b)
    klasse = "Antwoord" if b.number == "319" else "ToegewezenProduct"
    vandaag, out, gezien = clock.today(), [], set()
    for el in b.all(klasse):
        referentie = text(el, "ReferentieAanbieder")
        ref = Ref(b.standard, gemeente, aanbieder, referentie)
        verzoek = verzoeken.verzoek(ref) if referentie else None
        if verzoek is None or verzoek.soort != VOW or ref in gezien or verzoeken.afgehandeld(ref):
            continue
        gezien.add(ref)
        in_onderzoek = IN_ONDERZOEK in verzoeken.antwoorden(ref)
        deadline = (verzoek.dagtekening + dt.timedelta(weeks=ONDERZOEK_WEKEN) if in_onderzoek
                    else plus_werkdagen(verzoek.dagtekening, ANTWOORD_WERKDAGEN))
        if vandaag > deadline:
            termijn = f"{ONDERZOEK_WEKEN} weken na het verzoek, dat in onderzoek was" if in_onderzoek \
                else f"{ANTWOORD_WERKDAGEN} werkdagen"
            out.append({"level": PROCES, "rule": "OP346", "retourcode": None, "class": klasse,
                        "path": readable_path(el), "line": el.sourceline,
                        "text": f"Het verzoek om wijziging {referentie} van {verzoek.dagtekening} is op {vandaag} "
                                f"beantwoord; dat moest uiterlijk {deadline} ({termijn}, OP346). Het bericht is wel "
                                f"verwerkt."})
    return out


DECLARATIE_ANTWOORD_WERKDAGEN = 10


def declaratie_antwoordtermijn(dagtekening_323: str | None, clock: Clock) -> list[dict]:
    """OP090x4: the 325 within 10 werkdagen after the Dagtekening of the 323 it answers, by the mock's clock."""
    if not dagtekening_323:
        return []
    from ketenproef.calculations.werkdagen import plus_werkdagen

    verstuurd, vandaag = dt.date.fromisoformat(str(dagtekening_323)), clock.today()
    deadline = plus_werkdagen(verstuurd, DECLARATIE_ANTWOORD_WERKDAGEN)
    if vandaag <= deadline:
        return []
    return [{"level": PROCES, "rule": "OP090x4", "retourcode": None, "class": "DeclaratieAntwoord",
             "path": "/Bericht/DeclaratieAntwoord", "line": None,
             "text": f"Het declaratie-antwoord op de declaratie van {verstuurd} is op {vandaag} ontvangen; dat moest "
                     f"uiterlijk {deadline} ({DECLARATIE_ANTWOORD_WERKDAGEN} werkdagen, OP090x4)."}]
