"""One readable message as a small record: who, what, when and for which clients; never the tree or the bytes."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from functools import cache, lru_cache

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


def _tekst(el) -> str | None:
    text = el.text if el is not None else None
    return sys.intern(text.strip()) if text else None


def _kinderen(el) -> dict:
    """The element's children by (namespaced) tag, the first of each: a header has a dozen, walked once in C."""
    found: dict = {}
    if el is not None:
        for child in el:
            found.setdefault(child.tag, child)
    return found


@lru_cache(maxsize=4096)
def _datum(text: str | None) -> dt.date | None:
    """A date as the standard writes it (YYYY-MM-DD), shared between records; None when missing or not a date.
    Bounded: a hostile archive with a million different texts must not grow the cache."""
    if not text or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Paden:
    """Where a message keeps what a record needs: the namespaced tags in the header (``eigen`` and ``heen`` name the
    header element holding Identificatie and Dagtekening, or the two elements themselves) and the Bsn path."""

    kind: str
    header: str
    afzender: str
    ontvanger: str
    eigen: tuple[str, ...]
    heen: tuple[str, ...]
    identificatie: str
    dagtekening: str
    bsn: str | None


@cache
def _paden(name: str) -> _Paden:
    """From the corpus model: the message's kind and namespaces; in a 302-style retour BerichtIdentificatie is the
    heen's and IdentificatieRetour/DagtekeningRetour the retour's own, in a 325 DeclaratieIdentificatie the 323's."""
    model = corpus.message_model(name)
    ns, basis = f"{{{model['namespace']}}}", f"{{{model['basis_namespace']}}}"
    header = {c["name"] for c in model["tree"][0]["children"]}
    eigen, heen = (f"{ns}BerichtIdentificatie",), ()
    if "DeclaratieIdentificatie" in header:
        heen = (f"{ns}DeclaratieIdentificatie",)
    elif model["kind"] == RETOUR:
        eigen, heen = (f"{ns}IdentificatieRetour", f"{ns}DagtekeningRetour"), eigen
    bsn = _bsn_pad(model["tree"], ())
    return _Paden(model["kind"], f"{ns}Header", f"{ns}Afzender", f"{ns}Ontvanger", eigen, heen,
                  f"{basis}Identificatie", f"{basis}Dagtekening", "/".join(ns + stap for stap in bsn) if bsn else None)


def _bsn_pad(nodes: list[dict], pad: tuple[str, ...]) -> tuple[str, ...]:
    for node in nodes:
        if node["name"] == "Bsn":
            return (*pad, "Bsn")
        found = _bsn_pad(node.get("children", []), (*pad, node["name"]))
        if found:
            return found
    return ()


def _bsns(root, pad: str | None) -> tuple[str, ...]:
    """Every Bsn on the path (a 323/325 has many Client elements, the others one or none), once each."""
    if pad is None:
        return ()
    return tuple(dict.fromkeys(sys.intern(el.text.strip()) for el in root.iterfind(pad) if el.text))


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


def _identificatie(kop: dict, tags: tuple[str, ...], paden: _Paden) -> tuple[str | None, dt.date | None]:
    """Identificatie and Dagtekening: two header elements, or the two children of one (BerichtIdentificatie)."""
    if not tags:
        return None, None
    if len(tags) == 2:
        return _tekst(kop.get(tags[0])), _datum(_tekst(kop.get(tags[1])))
    binnen = _kinderen(kop.get(tags[0]))
    return _tekst(binnen.get(paden.identificatie)), _datum(_tekst(binnen.get(paden.dagtekening)))


def _record(bestand: str, root, ident: Identity, volgnummer: int) -> Record:
    paden = _paden(ident.message)
    header = root[0] if len(root) and root[0].tag == paden.header else root.find(paden.header)
    kop = _kinderen(header)
    identificatie, dagtekening = _identificatie(kop, paden.eigen, paden)
    heen_identificatie, heen_dagtekening = _identificatie(kop, paden.heen, paden)
    return Record(bestand, sys.intern(ident.standard), sys.intern(ident.message), paden.kind,
                  _tekst(kop.get(paden.afzender)), _tekst(kop.get(paden.ontvanger)), dagtekening, identificatie,
                  heen_identificatie, heen_dagtekening, _bsns(root, paden.bsn), volgnummer)
