"""What the server needs to know about a message besides its validation: who sends it to whom, its own
identificatie, which message it answers, which conversations (BSNs) it belongs to, its retourcodes."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass

from lxml import etree

from ketenproef.bericht import Bericht, local, text
from ketenproef.findings import Report
from ketenproef.keten import afgekeurde_paden
from ketenproef.retourcodes import codes_map as codes_map  # one copy, in the core; imported from here too

ONBEKEND = "onbekend"  # the conversation of messages whose BSN cannot be read
SERIE_TEKENS = string.digits + string.ascii_uppercase
SERIE_LENGTE = 4
DECIMAAL_GRENS = 10 ** 7


@dataclass(frozen=True)
class Meta:
    bericht: str
    soort: str  # heen | retour
    van: str | None  # the party that sends this message
    voor: str | None  # the party that receives it
    eigen_id: str | None  # its own identificatie (IdentificatieRetour for a retour with a copied header)
    ref_id: str | None  # for a retour: the identificatie of the heenbericht it answers
    ref_dagtekening: str | None
    afzender: str | None
    ontvanger: str | None


def meta(b: Bericht) -> Meta:
    h = b.header
    afzender, ontvanger = text(h, "Afzender"), text(h, "Ontvanger")
    eigen, dag = text(h, "BerichtIdentificatie/Identificatie"), text(h, "BerichtIdentificatie/Dagtekening")
    if b.model["kind"] == "heen":
        return Meta(b.name, "heen", afzender, ontvanger, eigen, None, None, afzender, ontvanger)
    if b.number == "325":
        return Meta(b.name, "retour", afzender, ontvanger, eigen, text(h, "DeclaratieIdentificatie/Identificatie"),
                    text(h, "DeclaratieIdentificatie/Dagtekening"), afzender, ontvanger)
    # 302/306/308/316/318/320 copy the heen header: Afzender is the party the retour goes back to.
    return Meta(b.name, "retour", ontvanger, afzender, text(h, "IdentificatieRetour"), eigen, dag, afzender,
                ontvanger)


def mock_partij(m: Meta, rol: str, model: dict) -> str | None:
    """The code of the party the mock plays in this message."""
    return m.voor if model["sent_by"] != rol else m.van


def bsns(root: etree._Element | None) -> list[str]:
    """The client BSNs of a message (Client/Bsn, also inside Clienten of a 323/325), in document order."""
    if root is None:
        return []
    out = []
    for el in root.iter("{*}Bsn"):
        parent = el.getparent()
        if parent is not None and local(parent) == "Client" and el.text and el.text.strip() not in out:
            out.append(el.text.strip())
    return out


def referenties(root: etree._Element) -> list[str]:
    """ReferentieAanbieder values (315, 317, 301, 319): how a 319 finds its conversation."""
    return sorted({el.text.strip() for el in root.iter("{*}ReferentieAanbieder") if el.text})


def afgekeurd(report: Report) -> list[str] | None:
    """Readable paths of the berichtklassen the receiver leaves out of its chain state, or None when it records
    nothing of the message: the core's policy (IV032: a rejected message counts as not sent; IV087: a 323 is
    judged per Client and Prestatie)."""
    paths = afgekeurde_paden(report)
    return None if paths is None else sorted(paths)


def nieuwe_serie() -> str:
    """A random series for a new database: 4 characters [0-9A-Z], never starting with P (``KP`` + 10 digits was
    the format before series; such identificaties stay valid in old databases and must not recur)."""
    while True:
        serie = "".join(secrets.choice(SERIE_TEKENS) for _ in range(SERIE_LENGTE))
        if not serie.startswith("P"):
            return serie


def eigen_identificatie(bericht_id: int, serie: str) -> str:
    """The mock's identificatie of its message ``bericht_id``: ``K`` + the database's series + a 7-character
    number, 12 characters (LDT_IdentificatieBericht), unique across databases by the random series."""
    return "K" + serie + volgnummer(bericht_id)


def volgnummer(bericht_id: int) -> str:
    """7 decimal digits; from 10,000,000 on base 36 offset so the first character is a letter (never equal to a
    decimal number): 10,000,000 is ``A000000``."""
    if 0 <= bericht_id < DECIMAAL_GRENS:
        return f"{bericht_id:07d}"
    n = bericht_id - DECIMAAL_GRENS + 10 * 36 ** 6
    if bericht_id < 0 or n >= 36 ** 7:
        raise ValueError(f"berichtnummer {bericht_id} past niet in 7 tekens")
    out = ""
    for _ in range(7):
        n, rest = divmod(n, 36)
        out = SERIE_TEKENS[rest] + out
    return out
