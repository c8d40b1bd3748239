"""Hardened parsing: bytes in, an lxml tree or technical findings out.

No DTD, no entities, no network, a size cap, and the file requirements of OP192 (UTF-8 without a
Byte-Order-Mark; CR/LF line endings are advised). Every refusal is a Finding at level ``technisch``,
never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ketenproef.findings import ADVIES, TECHNISCH, Finding

MAX_BYTES = 25 * 1024 * 1024  # OP179: 25 MB
_DECL = re.compile(rb'^<\?xml[^>]*?encoding\s*=\s*["\']([A-Za-z0-9._-]+)["\']')
_BOMS = {b"\xef\xbb\xbf": "UTF-8", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}


@dataclass
class Parsed:
    root: etree._Element | None
    size: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.root is not None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False, collect_ids=False)


def _technical(rule: str, text: str, line: int | None = None) -> Finding:
    return Finding(rule=rule, retourcode=None, klasse=None, path=None, line=line, text=text, level=TECHNISCH)


def _refusal(data: bytes, max_bytes: int) -> Finding | None:
    """A reason to refuse the bytes before parsing, or None."""
    if len(data) > max_bytes:
        return _technical("OP179", f"Het bestand is {len(data):,} bytes; de grens is {max_bytes:,} bytes (25 MB).")
    if not data or data.isspace():
        return _technical("XML", "Het bestand is leeg.")
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            return _technical("OP192", f"Het bestand begint met een {name} Byte-Order-Mark; OP192 verbiedt dat.")
    declared = _DECL.match(data[:200])
    if declared and declared.group(1).decode("ascii").lower().replace("_", "-") not in ("utf-8", "utf8"):
        return _technical("OP192", f"Het bestand is gecodeerd als {declared.group(1).decode()}; "
                                   "OP192 eist UTF-8.")
    if _declaration(data):
        return _technical("XML", "Het bestand bevat een DOCTYPE- of ENTITY-declaratie; iWmo/iJw-berichten "
                                 "hebben geen DTD en entiteiten worden niet verwerkt.")
    return None


def _declaration(data: bytes) -> bool:
    """Whether the prolog (everything before the root element) holds a DOCTYPE or ENTITY declaration. XML allows
    them nowhere else: one after the root start is not well-formed, and the parser (no DTD loading, no entity
    resolution) rejects it without expanding anything. So only the prolog is scanned."""
    pos = data.find(b"<")
    while pos != -1 and data[pos + 1:pos + 2] in (b"?", b"!"):
        if data.startswith((b"<!DOCTYPE", b"<!ENTITY"), pos):
            return True
        pos = data.find(b"<", pos + 2)
    return False


ADVICE_SCAN = 1 << 20  # the line-ending advice judges the first MiB: it is advice, not a rejection


def _line_endings(data: bytes) -> Finding | None:
    head = data[:ADVICE_SCAN]
    lf = head.count(b"\n")
    if lf and head.count(b"\r\n") < lf:
        return Finding(rule="OP192", retourcode=None, klasse=None, path=None, line=None, level=ADVIES,
                       text="Regeleinden zijn LF in plaats van CR/LF (OP192); het bericht is wel verwerkt.")
    return None


def parse_bytes(data: bytes, max_bytes: int = MAX_BYTES) -> Parsed:
    """Parse an incoming message. Never raises for bad input; never reads a file or the network."""
    refusal = _refusal(data, max_bytes)
    if refusal is not None:
        return Parsed(None, len(data), [refusal])
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        return Parsed(None, len(data), [_technical("XML", f"Geen geldige XML: {exc.msg}", line)])
    findings = []
    advice = _line_endings(data)
    if advice is not None:
        findings.append(advice)
    return Parsed(root, len(data), findings)
