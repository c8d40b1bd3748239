"""Corpus examples as data the ketenpartner can send: the example's content with the scenario's parties and
client (a BSN is only replaced when the example's own BSN is a valid one: CS002 examples keep theirs)."""

from __future__ import annotations

import functools

from ketenproef import corpus, factory, fake
from ketenproef.examples import examples
from ketenproef.parse import parse_bytes

XSD_NIVEAU = {"XSD", "XML", "IDENT", "OP192"}
# Identifiers a receiver keeps for good (TR347, TR333, TR314): made unique per scenario, so a system that
# remembers earlier scenarios (a vendor's) sees no repeats; equal values stay equal (TR383, TR101 examples).
UNIEK = {"ReferentieAanbieder": 36, "DeclaratieNummer": 12, "ReferentieNummer": 20, "VorigReferentieNummer": 20}


def voorbeeld(pad: str):
    ex = _per_pad().get(pad)
    if ex is None:
        raise LookupError(f"geen corpusvoorbeeld {pad}")
    return ex


@functools.cache
def _per_pad() -> dict:
    """Every corpus example by its path under corpus/voorbeelden (the manifests read once per process)."""
    basis = corpus.corpus_dir() / "voorbeelden"
    return {ex.path.relative_to(basis).as_posix(): ex for ex in examples()}


def als_data(pad: str, gesprek) -> tuple[str, dict, bool]:
    """(message name, plain data with the scenario's parties and client, whether it breaks the XSD)."""
    ex = voorbeeld(pad)
    root = parse_bytes(ex.path.read_bytes(), max(ex.path.stat().st_size, 1)).root
    data = factory.to_data(root, ex.message)
    header = data["Header"]
    for veld, rol in (("Afzender", gesprek.partner_rol), ("Ontvanger", gesprek.sut_rol)):
        if not (rol == "gemeente" and "TR378" in ex.rules):  # a TR378 example keeps its own gemeentecode
            header[veld] = gesprek.partijen.van(rol)
    eerste = next(_bsns(data), None)
    if eerste and fake.elfproef(eerste):
        _vervang_bsn(data, eerste, gesprek.bsn)
    _maak_uniek(data, gesprek.bsn[-4:])
    return ex.message, data, bool(ex.rules & XSD_NIVEAU)


def _maak_uniek(node, achtervoegsel: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in UNIEK and isinstance(value, str) and 4 < len(value) <= UNIEK[key] \
                    and (value.isalnum() or key != "DeclaratieNummer"):
                node[key] = value[: UNIEK[key] - 4] + achtervoegsel if len(value) + 4 > UNIEK[key] \
                    else value + achtervoegsel
            else:
                _maak_uniek(value, achtervoegsel)
    elif isinstance(node, list):
        for item in node:
            _maak_uniek(item, achtervoegsel)


def _bsns(node):
    if isinstance(node, dict):
        if isinstance(node.get("Bsn"), str):
            yield node["Bsn"]
        for value in node.values():
            yield from _bsns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _bsns(item)


def _vervang_bsn(node, oud: str, nieuw: str) -> None:
    """Replace the example's (first) client BSN by the scenario's; other clients keep theirs."""
    if isinstance(node, dict):
        if node.get("Bsn") == oud:
            node["Bsn"] = nieuw
        for value in node.values():
            _vervang_bsn(value, oud, nieuw)
    elif isinstance(node, list):
        for item in node:
            _vervang_bsn(item, oud, nieuw)
