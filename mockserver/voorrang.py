"""Large heenberichten are judged outside the Keten lock, so the small ones behind them do not wait.

A 20 MB 323 takes seconds of chain rules and a 325 of thousands of prestaties; under the one Keten lock every
other message would wait that long. So for a large heenbericht (over ``SMALL_BODY``) the chain part of its
judgement and its retour are made in a worker thread against the live Keten while the lock is free
(``vooraf``), and under the lock (``gebruik``) that outcome is taken only when nothing applied in the meantime
shared a key with it (``journaal``: same gemeente, aanbieder or client, or a rebuild or new contract data). A
judgement that met such a message, or that failed (another message changed a structure it was reading), is
thrown away and the message is judged again under the lock, exactly as a small one. So the verdict is always
the one a receiver gives that handles the messages one by one, in the order of the store.

The retour's Identificatie comes from the id it gets in the store, which is known only under the lock: the
retour is made with a placeholder that ``gebruik`` replaces (in the tree and in the serialised bytes).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ketenproef.bericht import find
from ketenproef.findings import Report
from ketenproef.keten import vergeet
from ketenproef.keten.declaraties import voorbereiden
from mockserver.berichten import bsns, referenties
from mockserver.bewaarvorm import Ingepakt, inpakken, json_lijst
from mockserver.config import SMALL_BODY
from mockserver.journaal import sleutels

log = logging.getLogger("mockserver")
IDENTIFICATIE_PADEN = ("IdentificatieRetour", "BerichtIdentificatie/Identificatie")
# compresses a large heenbericht for the store while its chain judgement runs (zlib lets go of the GIL)
_INPAKKEN = ThreadPoolExecutor(max_workers=2, thread_name_prefix="inpakken")


@dataclass
class Vooraf:
    """A judgement made outside the lock, valid if nothing with the same keys was applied after ``stand``."""

    judged: object  # ontvangst.Judged
    stand: int
    keys: frozenset[str]
    plaatshouder: str
    retour_delen: tuple[bytes, bytes] | None  # the retour up to and including the placeholder, the rest compressed
    enkel: int  # the report's findings of the message alone; the rest is the chain part, dropped on a conflict


def geschikt(report: Report, size: int) -> bool:
    b = report.bericht
    return size > SMALL_BODY and b is not None and not report.technically_rejected and b.model["kind"] == "heen"


async def vooraf(partner, report: Report, data: bytes, clock) -> Vooraf | None:
    """The chain judgement and retour of a large heenbericht, made in a worker thread without the lock; None for
    anything else, or when it failed (then the lock path judges it)."""
    if not geschikt(report, len(data)):
        return None
    from mockserver.ontvangst import judge

    stand, keys = partner.journaal.stand, sleutels(report.bericht)
    plaatshouder = f"VOORLOPIG{uuid.uuid4().hex[:16].upper()}"
    alleen_bericht = len(report.findings)
    try:
        judged = await asyncio.to_thread(_judge, judge, report, data, clock, partner.keten, plaatshouder)
    except Exception as exc:  # the Keten changed under it; judged again under the lock
        log.info("vooraf beoordelen van %s lukte niet (%s); opnieuw onder het slot", report.message, exc)
        judged = None
    if judged is None or any(f.rule == "INTERN" for f in judged.report.findings) or judged.error is not None:
        terug(report, alleen_bericht)
        return None
    return Vooraf(judged, stand, keys, plaatshouder, judged.retour_delen, alleen_bericht)


def _judge(judge, report: Report, data: bytes, clock, keten, plaatshouder: str):
    """The chain judgement and retour, and everything the lock part would otherwise compute from them: the
    prestaties and paths the Keten reads when it applies the 323 and its 325, the JSON of the findings, both
    messages compressed for the store (the retour's head, with the placeholder, stays apart). The heenbericht is
    compressed in a thread of its own meanwhile: zlib lets go of the GIL, so on a second core it costs no time."""
    opslag = _INPAKKEN.submit(inpakken, data)
    judged = judge(report, clock, keten, plaatshouder, gesplitst=True)
    judged.opslag = opslag.result()  # what compressing raised, raised here (vooraf then judges under the lock)
    if judged.retour_bericht is not None:
        sleutels(judged.retour_bericht)  # the journal's keys of the retour when it is applied
    b = report.bericht
    if judged.retour is not None and b.number == "323" and judged.skipped is not None:
        voorbereiden(b, frozenset(judged.skipped))
    found = bsns(b.root)  # a message with clients belongs to their conversations (no store needed to find them)
    judged.gesprekken = found or None
    judged.referenties = referenties(b.root)
    judged.json = {"findings": json_lijst(judged.findings)}
    if judged.skipped is not None:
        judged.json["afgekeurd"] = json_lijst(judged.skipped)
    return judged


def terug(report: Report, enkel: int) -> None:
    """The report back to its single-message findings, and the Bericht without what the chain rules remembered about
    the Keten as it was then (``keten.vergeet``): the lock path judges it again against the Keten as it is now."""
    del report.findings[enkel:]
    if report.bericht is not None:
        vergeet(report.bericht)


def gebruik(partner, vooraf: Vooraf | None, report: Report, retour_id: int):
    """Under the lock: the judgement made beforehand, with the retour's real Identificatie, when nothing that
    shares a key with it was applied since; else None (and the report back to its single-message findings)."""
    if vooraf is None:
        return None
    if partner.journaal.botst(vooraf.stand, vooraf.keys):
        terug(report, vooraf.enkel)
        return None
    judged, echte = vooraf.judged, partner.identificatie(retour_id)
    if judged.retour is not None:
        header = judged.retour.skelet[0]
        for pad in IDENTIFICATIE_PADEN:
            el = find(header, pad)
            if el is not None and el.text == vooraf.plaatshouder:
                el.text = echte
        kop, rest = vooraf.retour_delen
        kop = kop.replace(vooraf.plaatshouder.encode(), echte.encode(), 1)
        judged.retour_bytes = Ingepakt(inpakken(kop) + rest)
        judged.retour_bytes.grootte = len(kop) + rest.grootte
    return judged
