"""Idempotent delivery: the same bytes posted again get the original outcome.

A client that crashed after the mock stored its message, but before it read the answer, sends the identical
bytes again (the transport fault ``antwoord-kwijt`` makes exactly that happen). That is a retry, not a second
message: the answer is the first one's (same ``id``, same ``retour_id``), with status 200, ``"herhaald": true``
and the header ``Ketenproef-Herhaling: ja``. Nothing is judged, applied or sent again; the repeat is logged
(status ``herhaald``, ``herhaling_van``). A *different* message that reuses a sender's Identificatie is still
refused with BRS20 (``ontvangst.policy``).
"""

from __future__ import annotations

from mockserver.berichten import ONBEKEND

HEADER = "Ketenproef-Herhaling"


def antwoord(partner, eerder: dict, grootte: int, transport: list[dict]) -> dict:
    """The original outcome of ``eerder`` (a processed incoming message) as the body of a 200, and the repeat
    in the log."""
    store = partner.store
    bsn_list = store.bsns(eerder["id"]) or [ONBEKEND]
    rec = {key: eerder[key] for key in ("bericht", "soort", "van", "voor", "eigen_id", "ref_id")}
    rec.update(richting="in", status="herhaald", grootte=grootte, xml=None, fouten=transport,
               herhaling_van=eerder["id"], bevindingen=[])
    herhaling_id = store.insert(rec, bsn_list)
    body = {"id": eerder["id"], "message": eerder["bericht"], "status": eerder["status"], "herhaald": True,
            "herhaling_id": herhaling_id}
    if eerder["soort"] == "heen":
        uit = store.uitgaand_op(eerder["id"])
        body.update(retour_id=uit[0]["id"] if uit else None, retour_ids=[r["id"] for r in uit],
                    retour_message=uit[0]["bericht"] if uit else None, findings=eerder["bevindingen"])
    else:
        oordelen = [o for o in store.oordelen(eerder["id"]) if o["retour_id"] == eerder["id"]]
        body.update(retour_id=None, heen_id=eerder["heen_id"],
                    oordelen=[{"soort": o["soort"], "goed": bool(o["goed"]), "detail": o["detail"]} for o in oordelen])
    return body
