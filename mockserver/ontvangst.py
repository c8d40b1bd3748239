"""A message the SUT delivers (POST /berichten): judge it as the receiver, store it durably, answer it.

A heenbericht gets the retour (or 325) the core decides, in the SUT's mailbox; a retour is matched with the
mock's own heenbericht and judged (see ``oordelen``). The message alone is judged first, outside the Keten lock
(``beoordeling``); the chain rules, the Keten and the store run under it, so the order in the store is the order
in which the Keten saw the messages. Byte-identical bytes delivered again get the original outcome
(``herhaling``).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from ketenproef.bericht import Bericht
from ketenproef.findings import TECHNISCH, XSD, Report
from ketenproef.parse import parse_bytes
from ketenproef.retour import Retourstuk, retour_stuk
from ketenproef.validate import validate
from mockserver import afval, fouten, herhaling, problems, voorrang
from mockserver.beoordeling import keten_deel
from mockserver.berichten import Meta, afgekeurd, meta, mock_partij, referenties
from mockserver.bewaarvorm import Ingepakt, inpakken_na, uitpakken
from mockserver.config import SMALL_BODY
from mockserver.tijdigheid import tijdigheid


@dataclass
class Uitkomst:
    status: int
    body: dict
    push: list[int] = field(default_factory=list)


@dataclass
class Judged:
    """Everything the receiver decides about one message, computed off the event loop for large bodies."""

    report: Report
    meta: Meta | None = None
    findings: list[dict] = field(default_factory=list)
    skipped: list[str] | None = None
    retour: Retourstuk | None = None  # the retour for a heenbericht (a 325 is written, never built as a tree)
    retour_bytes: bytes | None = None  # the retour written (compressed, when made beforehand: ``voorrang``)
    retour_bericht: Bericht | None = None  # the retour to apply (a 325: its skeleton and what it lists)
    json: dict = field(default_factory=dict)  # findings/afgekeurd already as JSON, when made beforehand
    opslag: bytes | None = None  # the heenbericht compressed for the store, when made beforehand
    retour_delen: tuple | None = None  # the retour made beforehand: its head (placeholder), the rest compressed
    gesprekken: list[str] | None = None  # the conversations of the message, when found beforehand
    referenties: list[str] | None = None  # its ReferentieAanbieder values, when read beforehand
    error: Exception | None = None  # building the retour failed


def judge(report: Report, clock, keten, retour_ident: str, gesplitst: bool = False) -> Judged:
    """Pure: the chain part of the receiver's judgement on a message whose single-message part is done
    (``beoordeling.enkel``), and for an acceptable heenbericht its retour, written: as bytes, or ``gesplitst``
    (``voorrang``: ``retour_ident`` is a placeholder) as its head up to it and the rest compressed. Reads the
    Keten."""
    keten_deel(report, keten)
    b = report.bericht
    judged = Judged(report, meta(b) if b is not None else None, problems.finding_dicts(report.findings))
    if b is None or problems.refusal(report) is not None or b.model["kind"] != "heen":
        return judged
    judged.findings += tijdigheid(b, keten.voor(b.standard) if hasattr(keten, "voor") else keten, clock)
    judged.skipped = afgekeurd(report)
    try:
        stuk = retour_stuk(report, clock=clock, identificatie=retour_ident)
        if stuk is not None:
            if gesplitst:
                judged.retour_delen = inpakken_na(stuk.stukken, retour_ident.encode())
            else:
                judged.retour_bytes = stuk.xml()
            judged.retour_bericht = stuk.bericht()  # after the bytes: a 325's list is complete then
        judged.retour = stuk
    except Exception as exc:  # reported as a 500 after the heenbericht is stored
        judged.error = exc
    return judged


async def run_judge(partner, report: Report, size: int, clock, retour_id: int) -> Judged:
    args = (report, clock, partner.keten, partner.identificatie(retour_id))
    if size <= SMALL_BODY:
        return judge(*args)
    return await asyncio.to_thread(judge, *args)


async def run_validate(partner, data: bytes, clock) -> Report:
    if len(data) <= SMALL_BODY:
        return validate(data, clock=clock, keten=partner.keten, max_bytes=partner.config.max_bytes)
    return await asyncio.to_thread(validate, data, clock=clock, keten=partner.keten,
                                   max_bytes=partner.config.max_bytes)


async def ontvang(partner, data: bytes, hint: list[str], transport: list[dict]) -> Uitkomst:
    """Judge the message alone off the lock, then under the Keten lock: a repeat of an earlier delivery gets
    its original outcome, anything else the chain rules, the store and its retour."""
    if len(data) <= SMALL_BODY:
        return await _ontvang(partner, data, hint, transport)
    with afval.beheer.groot():
        bak: list = []  # what judging it made, freed in a worker thread after the answer (afbraak)
        uitkomst = await _ontvang(partner, data, hint, transport, bak)
    partner.beoordelaar.ruim_op(bak)
    return uitkomst


async def _ontvang(partner, data: bytes, hint: list[str], transport: list[dict], bak: list | None = None) -> Uitkomst:
    from mockserver.oordelen import retour_in

    judged = None
    clock = partner.clock(hint[0] if hint else None)
    report, digest = await partner.beoordelaar.enkel(data, clock)
    vooraf = await voorrang.vooraf(partner, report, data, clock)
    async with partner.beoordelaar.keten(partner.lock):
        eerder = partner.store.herhaling(digest)
        if eerder is not None:
            uitkomst = Uitkomst(200, herhaling.antwoord(partner, eerder, len(data), transport))
        else:
            heen_id, retour_id = partner.store.next_id(), partner.store.next_id()
            partner.store.sha256_bij(heen_id, digest)
            judged = voorrang.gebruik(partner, vooraf, report, retour_id)
            if judged is None:
                judged = await run_judge(partner, report, len(data), clock, retour_id)
            m = judged.meta
            refused = problems.refusal(report) or policy(partner, report, m)
            if refused:
                refused["findings"] = refused["findings"] or judged.findings
                uitkomst = refuse(partner, data, report, m, refused, transport, heen_id)
            elif m.soort == "heen":
                uitkomst = heen_in(partner, data, judged, m, clock, transport, (heen_id, retour_id))
            else:
                uitkomst = retour_in(partner, data, report, m, transport, heen_id, clock)
            if uitkomst.body["id"] != heen_id:
                partner.store.sha256_bij(uitkomst.body["id"], digest)
            partner.store.sha256_vastleggen(uitkomst.body["id"])
    await partner.durable()  # no answer before the rows are committed (shared with concurrent requests)
    if bak is not None:
        bak += [report, vooraf, judged]
    return uitkomst


def policy(partner, report: Report, m: Meta) -> dict | None:
    """Refusals of the node for a valid message: wrong role, unknown addressee, identificatie not unique."""
    b, config = report.bericht, partner.config
    if b.model["sent_by"] != config.sut_rol:
        return problems.problem(400, "verkeerde-rol", "Verkeerde rol", f"{b.name} wordt verstuurd door een "
                                f"{b.model['sent_by']}; de ketenpartner speelt zelf {config.rol}.", code="BRS02")
    eigen = config.eigen_code
    if eigen and mock_partij(m, config.rol, b.model) != eigen:
        return problems.problem(400, "onbekende-geadresseerde", "Geadresseerde onbekend",
                                f"Deze ketenpartner speelt alleen {config.rol} {eigen}.", code="BRS04")
    if m.soort == "heen" and partner.store.accepted_heen(b.name, m.van, m.eigen_id):
        return problems.problem(400, "identificatie-niet-uniek", "Identificatie niet uniek",
                                f"{b.name} met identificatie {m.eigen_id} van {m.van} is al eerder ontvangen.",
                                code="BRS20")
    return None


def refuse(partner, data: bytes, report: Report, m: Meta | None, problem: dict, transport: list[dict],
           bericht_id: int | None = None) -> Uitkomst:
    root = report.bericht.root if report.bericht is not None else parse_bytes(data, partner.config.max_bytes).root
    rec = record("in", m, "geweigerd", data, problem["findings"], transport)
    rec["bericht"] = report.message
    if bericht_id is not None:
        rec["id"] = bericht_id
    bericht_id = partner.store.insert(rec, partner.conversations(root))
    return Uitkomst(problem["status"], {**problem, "id": bericht_id})


def record(richting: str, m: Meta | None, status: str, data: bytes | None, findings: list[dict],
           intended: list[dict], **extra) -> dict:
    grootte = getattr(data, "grootte", None) or (len(data) if data is not None else 0)  # Ingepakt: the XML's
    rec = {"richting": richting, "status": status, "grootte": grootte, "xml": data,
           "bevindingen": findings, "fouten": intended}
    if m is not None:
        rec.update(bericht=m.bericht, soort=m.soort, van=m.van, voor=m.voor, eigen_id=m.eigen_id, ref_id=m.ref_id)
    rec.update(extra)
    return rec


def heen_in(partner, data: bytes, judged: Judged, m: Meta, clock, transport: list[dict], ids) -> Uitkomst:
    report, store, (heen_id, retour_id) = judged.report, partner.store, ids
    b, skipped = report.bericht, judged.skipped
    if skipped is not None:
        partner.keten.apply(b, skipped, heen_id)
    bsn_list = judged.gesprekken or partner.conversations(b.root)
    status = "geaccepteerd" if report.valid else "afgekeurd"
    findings = judged.json.get("findings", judged.findings)
    store.insert(record("in", m, status, judged.opslag or data, findings, transport, id=heen_id,
                        toegepast=int(skipped is not None), afgekeurd=judged.json.get("afgekeurd", skipped or [])),
                 bsn_list)
    store.add_referenties(referenties(b.root) if judged.referenties is None else judged.referenties, bsn_list[0])
    if judged.retour is None:  # the heenbericht is kept even when building its retour failed
        return Uitkomst(500, {**problems.problem(500, "interne-fout", "Retour kon niet worden gemaakt",
                                                 f"{b.name} is opgeslagen, maar de retour niet: {judged.error!r}"),
                              "id": heen_id})
    retour_ids, retour_name = answer(partner, b, judged, (heen_id, retour_id), bsn_list, clock, transport)
    body = {"id": heen_id, "message": b.name, "status": status, "retour_id": retour_ids[0] if retour_ids else None,
            "retour_ids": retour_ids, "retour_message": retour_name, "findings": findings}
    return Uitkomst(202, body, push=retour_ids)


def answer(partner, b: Bericht, judged: Judged, ids: tuple[int, int], bsn_list: list[str], clock,
           transport: list[dict]):
    """Store the retour (or whatever a message fault delivers instead) in the SUT's mailbox; their ids."""
    store, (heen_id, retour_id), stuk = partner.store, ids, judged.retour
    xml, retour_bericht = judged.retour_bytes, judged.retour_bericht
    retour_meta = meta(retour_bericht)
    outputs, intended = [xml], []
    for fault in partner.faults(bsn_list, fouten.RETOUR, b.number)[:1]:
        try:
            outputs, intended = fouten.for_retour(fault, volledig(stuk, xml), b, clock), [fault]
        except Exception as exc:  # a fault that does not fit this retour is logged, the correct retour goes out
            intended = [{**fault, "niet_toegepast": repr(exc)}]
    spoiled = any("niet_toegepast" not in f for f in intended)
    out_ids = []
    for i, xml in enumerate(outputs):
        oid = retour_id if i == 0 else store.next_id()
        correct = None if spoiled else retour_bericht
        applied = b.number == "323" and apply_325(partner, xml, correct, clock, oid)
        store.insert(record("uit", retour_meta, "verzonden", xml, [], intended, id=oid, heen_id=heen_id,
                            toegepast=int(applied)), bsn_list)
        out_ids.append(oid)
    if not outputs or intended:
        store.update(heen_id, fouten=transport + [{**f, "op": "retour"} for f in intended])
    return out_ids, retour_meta.bericht


def volledig(stuk: Retourstuk, xml: bytes):
    """The whole retour as a tree, for a fault to spoil: a 325 is read back from its bytes (a fault is a test of a
    few messages, never the large path)."""
    if stuk.lijst is None:
        return stuk.skelet
    plain = uitpakken(xml) if isinstance(xml, Ingepakt) else xml
    return parse_bytes(plain, len(plain)).root


def apply_325(partner, xml: bytes, correct: Bericht | None, clock, bericht_id: int) -> bool:
    """A declaratie-antwoord the mock delivered decides which prestaties are approved: it enters the Keten
    (as delivered: a spoiled 325 only when it is still XSD-valid; none at all when a fault withheld it)."""
    bericht = correct
    if bericht is None:
        report = validate(xml, clock=clock, max_bytes=partner.config.max_bytes)
        if report.bericht is None or report.at_level(TECHNISCH, XSD) or not report.message.endswith("325"):
            return False
        bericht = report.bericht
    partner.keten.apply(bericht, [], bericht_id)
    return True
