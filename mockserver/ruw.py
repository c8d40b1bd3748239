"""The mock puts raw bytes in the SUT's mailbox (``POST /beheer/verzenden/ruw``): robustness probes such as XXE,
billion laughs, a Byte-Order-Mark, Latin-1, truncated XML, a wrong namespace or an unknown message.

The bytes go out unchanged (mailbox and push, like a heenbericht of the mock). The mock judges them with the
hardened core only (``ketenproef.parse``: no DTD, no entities, no network). A readable, XSD-valid message is
treated exactly as ``POST /beheer/verzenden`` treats its own (chain state, expected retour); for anything the
receiver cannot read, identify or validate against the XSD the correct answer is no retour at all (IV028), and
the deadline watch records ``geen-retour``.

Only to address what cannot be parsed (a Byte-Order-Mark, another encoding, truncated XML), the first
``<Ontvanger>``, ``<Afzender>``, ``<Identificatie>`` and ``<Dagtekening>`` are looked up literally in the first
64 KiB of the bytes; nothing is ever expanded or fetched.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re

from ketenproef import corpus
from ketenproef.parse import parse_bytes
from mockserver import problems
from mockserver.berichten import Meta, afgekeurd, meta, referenties
from mockserver.config import SMALL_BODY
from mockserver.ontvangst import Uitkomst, record, run_validate
from mockserver.oordelen import watch
from mockserver.verzenden import RefusedError, check_name, iso_tijd, verwachting

ONBEKEND_BERICHT = "onbekend"  # the message name of bytes that are not an identifiable iWmo/iJw 3.2 message
KOP = 64 * 1024
KOPVELDEN = {"Afzender": "{*}Header/{*}Afzender", "Ontvanger": "{*}Header/{*}Ontvanger",
             "Identificatie": "{*}Header/{*}BerichtIdentificatie/{*}Identificatie",
             "Dagtekening": "{*}Header/{*}BerichtIdentificatie/{*}Dagtekening"}


def letterlijk(data: bytes, naam: str) -> str | None:
    """The text of the first element ``naam`` (any prefix) found literally in the first 64 KiB, for bytes the
    parser refuses: printable ASCII only (it may end up in a header of the push)."""
    found = re.search(rb"<(?:[A-Za-z_][\w.-]*:)?" + naam.encode() + rb"\s*>\s*([!-;=?-~]{1,40})\s*</", data[:KOP])
    return found.group(1).decode("ascii") if found else None


def kop(data: bytes, root) -> dict[str, str | None]:
    """Afzender, Ontvanger, Identificatie and Dagtekening of the header, as far as they can be read."""
    out = {}
    for naam, pad in KOPVELDEN.items():
        value = root.findtext(pad) if root is not None else None
        out[naam] = value.strip() if value and value.strip() else letterlijk(data, naam)
    return out


def ruw_meta(partner, report, velden: dict, voor: str | None) -> Meta:
    """Who sends it to whom under which identificatie; ``voor`` (the mailbox) overrides the Ontvanger. Refused:
    a message this role does not send, and bytes without a recognisable addressee."""
    if report.message:
        check_name(partner, report.message)
    if report.bericht is not None:
        m = meta(report.bericht)
    else:
        m = Meta(report.message or ONBEKEND_BERICHT, "heen", velden["Afzender"], velden["Ontvanger"],
                 velden["Identificatie"], None, None, velden["Afzender"], velden["Ontvanger"])
    if not (voor or m.voor):
        raise RefusedError(problems.bad_request(
            "Aan wie gaat dit? De Ontvanger is niet uit de bytes te lezen; geef ?voor=CODE (de AGB-code of "
            "gemeentecode van de SUT).", slug="ontvanger-onbekend", title="Ontvanger onbekend"))
    return dataclasses.replace(m, voor=voor or m.voor)


def retour_type(report) -> str | None:
    return corpus.message_model(report.message)["retour_message"] if report.message else None


async def lees(partner, data: bytes):
    """The parsed tree (None when unreadable), for the header and the conversation; large bodies off the loop."""
    if len(data) <= SMALL_BODY:
        return parse_bytes(data, partner.config.max_bytes).root
    return (await asyncio.to_thread(parse_bytes, data, partner.config.max_bytes)).root


async def verzend_ruw(partner, data: bytes, bsn: str | None, voor: str | None, seconds: float) -> Uitkomst:
    root = await lees(partner, data)
    velden = kop(data, root)
    bsn_list = [bsn] if bsn else partner.conversations(root)
    clock = partner.clock(bsn_list[0])
    async with partner.lock:
        report = await run_validate(partner, data, clock)
        m = ruw_meta(partner, report, velden, voor)
        bericht_id = partner.store.next_id()
        gespiegeld = (velden["Dagtekening"], m.afzender, m.ontvanger)  # what a retour mirrors
        expected = {**verwachting(report, retour_type(report), gespiegeld, clock, seconds), "ruw": True}
        bewaar(partner, data, report, m, expected, bericht_id, bsn_list)
    await partner.durable()
    partner.spawn(watch(partner, bericht_id, expected["deadline"]))
    out = {"id": bericht_id, "message": m.bericht, "identificatie": m.eigen_id, "bsn": bsn_list[0],
           "voor": m.voor, "deadline": iso_tijd(expected["deadline"]), "valid": report.valid,
           "findings": problems.finding_dicts(report.findings), "fouten": [],
           "verwachte_retour": {"bericht": expected["retour"], "codes": expected["codes"]}}
    return Uitkomst(202, out, push=[bericht_id])


def bewaar(partner, data: bytes, report, m: Meta, expected: dict, bericht_id: int, bsn_list: list[str]) -> None:
    """Apply a valid message to the chain state (as verzenden does) and store the bytes for the SUT."""
    skipped = afgekeurd(report)
    if skipped is not None:
        partner.keten.apply(report.bericht, skipped, bericht_id)
    partner.store.insert(record("uit", m, "verzonden", data, problems.finding_dicts(report.findings), [],
                                id=bericht_id, toegepast=int(skipped is not None), afgekeurd=skipped or [],
                                verwachting=expected), bsn_list)
    if report.bericht is not None:
        partner.store.add_referenties(referenties(report.bericht.root), bsn_list[0])
