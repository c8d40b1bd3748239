"""Hardened parsing: bytes in, an lxml tree or technical findings out.

No DTD, no entities, no network, a size cap, and the file requirements of OP192 (UTF-8 without a
Byte-Order-Mark; CR/LF line endings are advised). Every refusal is a Finding at level ``technisch``,
never an exception.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from lxml import etree

from ketenproef.findings import ADVIES, TECHNISCH, Finding

MAX_BYTES = 25 * 1024 * 1024  # OP179: 25 MB
# Byte-Order-Marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = ((b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"), (b"\xef\xbb\xbf", "UTF-8"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))
_EBCDIC = b"\x4c\x6f\xa7\x94"  # '<?xm' in EBCDIC (XML 1.0, appendix F)
_UTF8 = frozenset({"utf-8", "utf8"})


@dataclass
class Parsed:
    root: etree._Element | None
    size: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.root is not None


_PARSERS = threading.local()  # one parser per thread: an lxml parser is not thread-safe, and making one costs


def _parser() -> etree.XMLParser:
    """Elements only: comments and processing instructions never reach a rule, a builder or the chain (the bytes
    themselves are kept by whoever stores them). No DTD is loaded, no entity resolved, nothing fetched."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = _new_parser()
    return parser


def _new_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                           huge_tree=False, remove_blank_text=True, collect_ids=False, remove_comments=True,
                           remove_pis=True)


def _technical(rule: str, text: str, line: int | None = None) -> Finding:
    return Finding(rule=rule, retourcode=None, klasse=None, path=None, line=line, text=text, level=TECHNISCH)


def _refusal(data: bytes, max_bytes: int) -> Finding | None:
    """A reason to refuse the bytes before parsing, or None: size, emptiness, and a Byte-Order-Mark or an
    encoding that is not ASCII-compatible (UTF-16/32, EBCDIC), which no declaration can make UTF-8."""
    if len(data) > max_bytes:
        return _technical("OP179", f"Het bestand is {len(data):,} bytes; de grens is {max_bytes:,} bytes (25 MB).")
    if not data or data.isspace():
        return _technical("XML", "Het bestand is leeg.")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _technical("OP192", f"Het bestand begint met een {name} Byte-Order-Mark; OP192 verbiedt dat.")
    name = _wide_encoding(data[:4])
    if name:
        return _technical("OP192", f"Het bestand is gecodeerd als {name} (zonder Byte-Order-Mark); OP192 eist UTF-8.")
    return None


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16/32 or EBCDIC recognised from the first four bytes: a NUL byte is never XML in UTF-8, and in a
    character of these encodings it is (XML 1.0, appendix F)."""
    if head.startswith(_EBCDIC):
        return "EBCDIC"
    nuls = head.count(0)
    if nuls >= 3 or head[:2] == b"\x00\x00" or head[2:] == b"\x00\x00":
        return "UTF-32"
    return "UTF-16" if nuls else None


def _after_parse(root: etree._Element) -> Finding | None:
    """What the parser found that the standard forbids: a declared encoding other than UTF-8, or a document type
    declaration anywhere in the prolog (whatever comments or processing instructions precede it)."""
    info = root.getroottree().docinfo
    encoding = (info.encoding or "UTF-8").lower().replace("_", "-")
    if encoding not in _UTF8:
        return _technical("OP192", f"Het bestand is gecodeerd als {info.encoding}; OP192 eist UTF-8.")
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        return _technical("XML", _DTD_TEXT)
    return None


_DTD_TEXT = ("Het bestand bevat een DOCTYPE- of ENTITY-declaratie; iWmo/iJw-berichten hebben geen DTD en "
             "entiteiten worden niet verwerkt.")


def _prolog_has_doctype(data: bytes) -> bool:
    """Whether the prolog holds a DOCTYPE, stepping over the XML declaration, comments and processing instructions
    as the grammar does (a '<' inside a comment is text). Used only to name the reason for a parse error the
    parser already decided on (e.g. entity expansion in a DTD)."""
    pos = 0
    while True:
        while pos < len(data) and data[pos:pos + 1].isspace():
            pos += 1
        if data.startswith(b"<!--", pos):
            end = data.find(b"-->", pos + 4)
            pos = end + 3
        elif data.startswith(b"<?", pos):
            end = data.find(b"?>", pos + 2)
            pos = end + 2
        else:
            return data.startswith(b"<!DOCTYPE", pos)
        if end == -1:
            return False


def _syntax_error(data: bytes, exc: etree.XMLSyntaxError) -> Finding:
    """An unreadable message: OP192 when the bytes are not UTF-8 at all, the DTD when the prolog has one, else the
    parser's own words."""
    if _prolog_has_doctype(data):
        return _technical("XML", f"{_DTD_TEXT} ({exc.msg})")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as bad:
        line = data.count(b"\n", 0, bad.start) + 1
        return _technical("OP192", f"Het bestand is geen geldige UTF-8 (byte 0x{data[bad.start]:02x} op positie "
                                   f"{bad.start:,}); OP192 eist UTF-8.", line)
    line = exc.lineno if exc.lineno else None
    return _technical("XML", f"Geen geldige XML: {exc.msg}", line)


ADVICE_SCAN = 1 << 20  # the line-ending advice judges the first MiB: it is advice, not a rejection


def _line_endings(data: bytes) -> Finding | None:
    lf = data.count(b"\n", 0, ADVICE_SCAN)
    if lf and data.count(b"\r\n", 0, ADVICE_SCAN) < lf:
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
        return Parsed(None, len(data), [_syntax_error(data, exc)])
    refusal = _after_parse(root)
    if refusal is not None:
        return Parsed(None, len(data), [refusal])
    findings = []
    advice = _line_endings(data)
    if advice is not None:
        findings.append(advice)
    return Parsed(root, len(data), findings)
