"""Corpus examples as data the ketenpartner can send: the example's content with the scenario's parties and
client (a BSN is only replaced when the example's own BSN is a valid one: CS002 examples keep theirs)."""

from __future__ import annotations

from ketenproef import corpus, factory, fake
from ketenproef.examples import examples
from ketenproef.parse import parse_bytes

XSD_NIVEAU = {"XSD", "XML", "IDENT", "OP192"}


def voorbeeld(pad: str):
    for ex in examples():
        if ex.path.relative_to(corpus.corpus_dir() / "voorbeelden").as_posix() == pad:
            return ex
    raise LookupError(f"geen corpusvoorbeeld {pad}")


def als_data(pad: str, gesprek) -> tuple[str, dict, bool]:
    """(message name, plain data with the scenario's parties and client, whether it breaks the XSD)."""
    ex = voorbeeld(pad)
    root = parse_bytes(ex.path.read_bytes(), max(ex.path.stat().st_size, 1)).root
    data = factory.to_data(root, ex.message)
    header = data["Header"]
    header["Afzender"] = gesprek.partijen.van(gesprek.partner_rol)
    header["Ontvanger"] = gesprek.partijen.van(gesprek.sut_rol)
    eerste = next(_bsns(data), None)
    if eerste and fake.elfproef(eerste):
        _vervang_bsn(data, eerste, gesprek.bsn)
    return ex.message, data, bool(ex.rules & XSD_NIVEAU)


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
