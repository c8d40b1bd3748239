"""One readable message as a small record: who, what, when and for which clients; never the tree or the bytes."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from functools import cache

from ketenproef import corpus
from ketenproef.identify import Identity, identify
from ketenproef.parse import parse_bytes

HEEN = "heen"
RETOUR = "retour"


@dataclass(slots=True)
class Melding:
    """A file (or the archive, or an index row) that was not read or not used, and why, in Dutch."""

    bestand: str
    reden: str


@dataclass(slots=True)
class Record:
    """What ordering and partitioning need of one message. For a retour, ``heen_identificatie`` and
    ``heen_dagtekening`` name the heenbericht it answers (Header/BerichtIdentificatie in a 302/306/308/316/318/320,
    Header/DeclaratieIdentificatie in a 325); ``identificatie`` and ``dagtekening`` are always the message's own
    (IdentificatieRetour/DagtekeningRetour in a 302-style retour). ``afzender`` and ``ontvanger`` are the header's
    as written: a 302-style retour repeats the heenbericht's, so they name the party pair, not who sent it.
    ``bsns`` are the clients in the message; a retour without Client gets its heenbericht's when ordered.
    ``tijd`` and ``verkeer`` come from the index (``verkeer``: the index's richting as written), ``volgnummer``
    is the position in the archive."""

    bestand: str
    standaard: str
    bericht: str
    richting: str
    afzender: str | None
    ontvanger: str | None
    dagtekening: dt.date | None
    identificatie: str | None
    heen_identificatie: str | None
    heen_dagtekening: dt.date | None
    bsns: tuple[str, ...]
    volgnummer: int
    tijd: dt.datetime | None = None
    verkeer: str | None = None


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _kinderen(el) -> dict:
    """The element's children by local name (the first of each): a header has a dozen, read once."""
    found: dict = {}
    for child in el:
        found.setdefault(_local(child.tag), child)
    return found


def _tekst(el, *stappen: str) -> str | None:
    for stap in stappen:
        if el is None:
            return None
        el = next((c for c in el if _local(c.tag) == stap), None)
    if el is None or el.text is None:
        return None
    return sys.intern(el.text.strip())


@cache
def _datum(text: str | None) -> dt.date | None:
    """A date as the standard writes it (YYYY-MM-DD), shared between records; None when missing or not a date."""
    if not text or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@cache
def _model(name: str) -> tuple[str, tuple[str, ...]]:
    """The message's kind (heen or retour) and the path of its client's Bsn below the root, from the corpus model."""
    model = corpus.message_model(name)
    return model["kind"], _bsn_pad(model["tree"], ())


def _bsn_pad(nodes: list[dict], pad: tuple[str, ...]) -> tuple[str, ...]:
    for node in nodes:
        if node["name"] == "Bsn":
            return (*pad, "Bsn")
        found = _bsn_pad(node.get("children", []), (*pad, node["name"]))
        if found:
            return found
    return ()


def _bsns(root, pad: tuple[str, ...]) -> tuple[str, ...]:
    """Every Bsn on the path (a 323/325 has many Client elements, the others one or none)."""
    level = [root]
    for stap in pad:
        level = [c for el in level for c in el if _local(c.tag) == stap]
    return tuple(dict.fromkeys(sys.intern(el.text.strip()) for el in level if el.text))


def lees_record(bestand: str, data: bytes, volgnummer: int) -> Record | Melding:
    """The record of one member, or why it is not an iWmo/iJw 3.2 message. Parse and identify, then a few
    header reads: no XSD, no rules (those judge the message later)."""
    parsed = parse_bytes(data)
    if not parsed.ok:
        return Melding(bestand, "Niet gelezen: " + parsed.findings[0].text)
    found = identify(parsed.root)
    if not isinstance(found, Identity):
        return Melding(bestand, "Geen iWmo/iJw 3.2-bericht: " + found.text)
    return _record(bestand, parsed.root, found, volgnummer)


def _record(bestand: str, root, ident: Identity, volgnummer: int) -> Record | Melding:
    kind, bsn_pad = _model(ident.message)
    header = next((c for c in root if _local(c.tag) == "Header"), None)
    if header is None:
        return Melding(bestand, f"{ident.message} zonder Header: niet te ordenen.")
    kop = _kinderen(header)
    eigen = _tekst(kop.get("BerichtIdentificatie"), "Identificatie"), _tekst(kop.get("BerichtIdentificatie"),
                                                                                "Dagtekening")
    heen: tuple[str | None, str | None] = (None, None)
    if kind == RETOUR and "DeclaratieIdentificatie" in kop:
        heen = _tekst(kop["DeclaratieIdentificatie"], "Identificatie"), _tekst(kop["DeclaratieIdentificatie"],
                                                                              "Dagtekening")
    elif kind == RETOUR:
        heen, eigen = eigen, (_tekst(header, "IdentificatieRetour"), _tekst(header, "DagtekeningRetour"))
    return Record(bestand, sys.intern(ident.standard), sys.intern(ident.message), HEEN if kind == HEEN else RETOUR,
                  _tekst(header, "Afzender"), _tekst(header, "Ontvanger"), _datum(eigen[1]), eigen[0],
                  heen[0], _datum(heen[1]), _bsns(root, bsn_pad), volgnummer)
