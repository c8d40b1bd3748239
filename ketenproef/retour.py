"""The acceptance decision: from a heenbericht and its Report, the retourbericht a correct receiver sends.

IV028 (302/306/308/316/318/320):
- XSD error (level 1): no retour; the sender gets the validation report instead.
- single-message rule error (level 2): Header only, RetourCode 0001, XsltVersie filled.
- chain/external error in the Header: Header only with the rule's code(s).
- chain/external error in a body class: Header 0200 and the whole body mirrored class by class; each class
  carries its own codes, 0200 when fine, 0233 when not assessed (below a rejected class).
- no error: Header only, without RetourCodes.
The 325 for a 323 follows IV087 (see ``declaratie_antwoord``).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ketenproef import __version__, corpus, factory, schrijver
from ketenproef.bericht import Bericht, local
from ketenproef.clock import Clock
from ketenproef.findings import BERICHT, KETEN, TECHNISCH, XSD, Finding, Report

XSLT_VERSIE = __version__  # IV033: the version of the rule set that judged the message (ours, not the XSLT's)
GEEN_OPMERKING, NIET_BEOORDEELD, TECHNISCH_AFGEKEURD = "0200", "0233", "0001"


def retour_for(report: Report, *, clock: Clock, identificatie: str) -> etree._Element | None:
    """The retour (or 325) tree for a validated heenbericht; None where the standard sends none (XSD level)."""
    bericht = report.bericht
    if bericht is None or report.at_level(TECHNISCH, XSD):
        return None
    if bericht.number == "323":
        from ketenproef.declaratie_antwoord import declaratie_antwoord

        return declaratie_antwoord(report, clock=clock, identificatie=identificatie)
    retour_name = bericht.model.get("retour_message")
    if not retour_name:
        raise ValueError(f"{bericht.name} is itself a retour; it has no retour message")
    header = retour_header(bericht, clock, identificatie, retour_name)
    codes = kop_of_codes(report, header)
    if not codes:  # rejected in the Header, or nothing to report below it: the Header alone
        return factory.build(retour_name, {"Header": header})
    header["RetourCodes"] = {"RetourCode": [GEEN_OPMERKING]}
    data = {"Header": header}
    data.update(mirror_body(bericht, retour_name, codes))
    return factory.build(retour_name, data)


@dataclass
class Retourstuk:
    """A retour (or 325) to send: its name, its bytes in pieces (``stukken``: one pass, for a 325 made while they
    are written), the retour without its Clienten (``skelet``: all of it for a retour other than a 325) and, for a
    325, what it lists (``lijst``, complete once the pieces are written)."""

    naam: str
    stukken: Iterator[bytes]
    skelet: etree._Element
    lijst: object = None  # declaratie_antwoord.Lijst for a 325

    def xml(self) -> bytes:
        """All pieces as one bytes object. Through a BytesIO, whose value is handed over without a copy: a join of the
        pieces would hold them all and the result at once (for a 325 of 25 MB, 50 MB)."""
        buffer = io.BytesIO()
        for stuk in self.stukken:
            buffer.write(stuk)
        return buffer.getvalue()

    def bericht(self) -> Bericht:
        """The retour as a Bericht to apply to the Keten (a 325: its skeleton with what it lists, after ``xml``)."""
        from ketenproef.keten.declaraties import Samenvatting

        bericht = Bericht(self.naam, self.skelet)
        if self.lijst is not None:
            Samenvatting.zet(bericht, self.lijst)
        return bericht


def retour_stuk(report: Report, *, clock: Clock, identificatie: str) -> Retourstuk | None:
    """``retour_for`` for sending: a 325 is written piece by piece from plain data (``schrijver``), never a tree of
    its thousands of prestaties; None where the standard sends no retour."""
    bericht = report.bericht
    if bericht is None or report.at_level(TECHNISCH, XSD) or bericht.number != "323":
        tree = retour_for(report, clock=clock, identificatie=identificatie)
        if tree is None:
            return None
        return Retourstuk(bericht.model["retour_message"], iter([factory.serialise(tree)]), tree)
    from ketenproef.declaratie_antwoord import antwoord_data

    naam, data, lijst = antwoord_data(report, clock=clock, identificatie=identificatie, geschreven=True)
    antwoord = data.get("DeclaratieAntwoord")
    kaal = {**data, "DeclaratieAntwoord": {k: v for k, v in antwoord.items() if k != "Clienten"}} if antwoord else data
    return Retourstuk(naam, schrijver.stukken(naam, data), factory.build(naam, kaal), lijst)


def kop_of_codes(report: Report, header: dict) -> dict[etree._Element, list[str]] | None:
    """IV028 for the Header of a retour or 325: on a technical reject (0001, with XsltVersie) or a rejected Header
    the header gets its RetourCodes and None comes back (the answer is the Header alone); otherwise the retourcodes
    of the other berichtklassen."""
    bericht = report.bericht
    if report.at_level(BERICHT):
        header.update(XsltVersie=XSLT_VERSIE, RetourCodes={"RetourCode": [TECHNISCH_AFGEKEURD]})
        return None
    codes = codes_by_class(bericht, report.at_level(KETEN))
    header_codes = codes.pop(bericht.header, None)
    if header_codes:
        header["RetourCodes"] = {"RetourCode": header_codes}
        return None
    return codes


def retour_header(bericht: Bericht, clock: Clock, identificatie: str, retour_name: str) -> dict:
    """The heen header copied (same Afzender/Ontvanger) plus the retour fields."""
    heen = factory.header_data(bericht.root, bericht.name)
    heen.pop("BerichtCode", None)
    model = corpus.message_model(retour_name)
    heen.update({"IdentificatieRetour": identificatie, "DagtekeningRetour": clock.today(),
                 "XsdVersieRetour": {"BasisschemaXsdVersie": model["basisschema_xsd_versie"],
                                     "BerichtXsdVersie": model["bericht_xsd_versie"]}})
    return heen


def codes_by_class(bericht: Bericht, findings: list[Finding]) -> dict[etree._Element, list[str]]:
    """Retourcodes per berichtklasse element, in finding order, without duplicates."""
    codes: dict[etree._Element, list[str]] = {}
    for finding in findings:
        if finding.element is None or not finding.retourcode:
            continue
        klasse = klasse_van(bericht, finding.element)
        if klasse is None:
            continue
        found = codes.setdefault(klasse, [])
        if finding.retourcode not in found:
            found.append(finding.retourcode)
    return codes


def klasse_van(bericht: Bericht, el: etree._Element) -> etree._Element | None:
    """``bericht.klasse_element``, remembered per element on the Bericht and with the class test per tag: the
    receiver asks it for every finding twice (the rejected classes, ``keten.afgekeurde_paden``, and the retourcodes
    here), for a 323 that rejects 21,000 prestaties some 0.2 s."""
    memo = bericht.__dict__.get("_klasse_van")
    if memo is None:
        memo = bericht.__dict__["_klasse_van"] = ({}, {}, frozenset(bericht.klassen))
    per_element, is_klasse, names = memo
    found = per_element.get(el, _NOG_NIET)
    if found is not _NOG_NIET:
        return found
    start = el
    while el is not None:
        tag = el.tag
        klasse = is_klasse.get(tag)
        if klasse is None:
            klasse = is_klasse[tag] = isinstance(tag, str) and tag[tag.rfind("}") + 1:] in names
        if klasse:
            break
        el = el.getparent()
    per_element[start] = el
    return el


_NOG_NIET = object()


def mirror_body(bericht: Bericht, retour_name: str, codes: dict[etree._Element, list[str]]) -> dict:
    """The heen body as plain data, each berichtklasse with RetourCodes appended."""
    model = corpus.message_model(retour_name)
    class_paths = {at["in"].split("/", 1)[1] for at in model["retourcodes_at"]} - {"Header"}
    body_nodes = model["tree"][1:]
    out = {}
    for el in bericht.root[1:]:
        node = next(n for n in body_nodes if n["name"] == local(el))
        out[node["name"]] = _mirror(el, node, node["name"], class_paths, codes, assessed=True)
    return out


def _mirror(el, node, path, class_paths, codes, assessed: bool):
    if "children" not in node:
        return el.text or ""
    own = codes.get(el) if path in class_paths else None
    by_name = {n["name"]: n for n in node["children"]}
    data: dict = {}
    for child in el:
        name = local(child)
        child_node = by_name[name]
        value = _mirror(child, child_node, f"{path}/{name}", class_paths, codes, assessed and not own)
        if child_node["max"] != 1:
            data.setdefault(name, []).append(value)
        else:
            data[name] = value
    if path in class_paths:
        data["RetourCodes"] = {"RetourCode": own or [GEEN_OPMERKING if assessed else NIET_BEOORDEELD]}
    return data
