"""Mutations of a message for the hostile-input tests and the long fuzz run (``python -m tools.fuzz``).

Two families, each driven by a ``random.Random`` so a hypothesis test can control (and shrink) the choices and the
fuzz script can replay a run from its seed:

- ``ruis``: comments, processing instructions and whitespace inserted where XML allows them without changing an
  element or its value. A correct judge gives exactly the same verdict for the result.
- ``muteer``: realistic damage to the message (an element removed, duplicated, moved, renamed; a value replaced by
  an absurd one; an attribute added; bytes truncated, flipped or inserted). Any verdict is allowed, a crash is not.
"""

from __future__ import annotations

import random
import re

from lxml import etree

COMMENTS = (b"<!-- c -->", b"<!--<-->", b"<!---->", b"<!-- <Header> &amp; -->", b"<!--\r\n-->")
PIS = (b"<?pi x?>", b"<?ketenproef a='1'?>", b"<?x <Client>?>")
WHITESPACE = (b" ", b"\r\n", b"\r\n  ", b"\t\t", b"\r\n\r\n")  # CR/LF: a bare LF is OP192 advice

VALUES = ("", " ", "0", "-1", "+5", "1.5", "-0", "99999999999999999999", "-99999999999999999999", "1e308", "NaN",
          "Infinity", "9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01", "0000-00-00", "20260101", "\u0663",
          "x" * 5000, "<>&\"'", "\u3000", "00000000000000000000000000000012", "999999999", "1" * 400, "\u00e9\u00ff",
          "\U0001F600", "T", "abc", "-2147483649", "18446744073709551616")

_TAG = re.compile(rb"<(/?)([A-Za-z_][\w.:-]*)[^>]*?(/?)>")
_DECL_END = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\?>|^\xef\xbb\xbf")


def _prolog_end(data: bytes) -> int:
    """Where content may start: after a Byte-Order-Mark and the XML declaration (nothing may precede them)."""
    match = _DECL_END.match(data)
    return match.end() if match else 0


def _ascii_compatible(data: bytes) -> bool:
    """Whether markup can be inserted as bytes at all: not in UTF-16/32 (NUL bytes in the first characters)."""
    return b"\x00" not in data[:4] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def tag_gaps(data: bytes) -> tuple[list[int], list[int]]:
    """Insertion points: ``anywhere`` is every gap right before or after a tag (comments and PIs are allowed there,
    also inside a value: its character data stays the same); ``between`` is every gap in element-only content or
    in the prolog/epilog (whitespace there changes no value)."""
    start = _prolog_end(data)
    anywhere, between = {start, len(data)}, {start, len(data)}
    tags = list(_TAG.finditer(data, start))
    for tag, following in zip(tags, tags[1:], strict=False):
        anywhere.update((tag.end(), following.start()))
        leaf = not tag.group(1) and not tag.group(3) and following.group(1)  # <Code></Code>: the gap is a value
        if not leaf and not data[tag.end():following.start()].strip():
            between.update((tag.end(), following.start()))
    return sorted(anywhere), sorted(between)


def ruis(data: bytes, rnd: random.Random, count: int = 3) -> bytes:
    """``data`` with ``count`` comments, processing instructions or runs of whitespace inserted between elements
    or around values, never changing an element, an attribute or a value (a UTF-16/32 file is left as it is)."""
    if not _ascii_compatible(data):
        return data
    anywhere, between = tag_gaps(data)
    inserts: list[tuple[int, bytes]] = []
    for _ in range(count):
        kind = rnd.randrange(3)
        if kind == 2:
            inserts.append((rnd.choice(between), rnd.choice(WHITESPACE)))
        else:
            inserts.append((rnd.choice(anywhere), rnd.choice(COMMENTS if kind == 0 else PIS)))
    out = data
    for pos, piece in sorted(inserts, key=lambda x: x[0], reverse=True):
        out = out[:pos] + piece + out[pos:]
    return out


def _tree_mutation(data: bytes, rnd: random.Random) -> bytes | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    el = rnd.choice(elements)
    parent = el.getparent()
    action = rnd.randrange(8)
    try:
        if action == 0 and parent is not None:
            parent.remove(el)
        elif action == 1 and parent is not None:
            el.addnext(_copy(el))
        elif action == 2 and len(el) == 0:
            el.text = rnd.choice(VALUES)
        elif action == 3:
            el.set(rnd.choice(("nil", "id", "{http://www.w3.org/2001/XMLSchema-instance}nil", "x")), rnd.choice(VALUES))
        elif action == 4 and parent is not None:
            other = rnd.choice(elements)
            el.tag = other.tag
        elif action == 5 and parent is not None and el.getnext() is not None:
            el.getnext().addnext(el)
        elif action == 6:
            etree.SubElement(el, el.tag.split("}")[0] + "}" + rnd.choice(("Onbekend", "Header", "Client", "Code")))
        else:
            target = rnd.choice(elements)
            if target is not el and el not in list(target.iterancestors()) and parent is not None:
                target.append(el)
    except ValueError:  # a value lxml refuses to put in a tree (e.g. a control character)
        return None
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")


def _copy(el: etree._Element) -> etree._Element:
    """The element alone: its tail (text after it, which an earlier mutation may have filled) is not part of it."""
    return etree.fromstring(etree.tostring(el, with_tail=False))


def _byte_mutation(data: bytes, rnd: random.Random) -> bytes:
    action = rnd.randrange(5)
    pos = rnd.randrange(len(data) + 1)
    if action == 0:
        return data[:pos]
    if action == 1 and pos < len(data):
        return data[:pos] + bytes([rnd.randrange(256)]) + data[pos + 1:]
    if action == 2:
        return data[:pos] + rnd.choice((b"&", b"<", b"]]>", b"\x00", b"\xff\xfe", b"&#0;", b"&#x110000;",
                                        b"<![CDATA[x]]>", b"&lt;")) + data[pos:]
    if action == 3:
        digits = list(re.finditer(rb"\d+", data))
        if digits:
            match = rnd.choice(digits)
            return data[:match.start()] + rnd.choice(VALUES).encode() + data[match.end():]
    return data[:pos] + data[pos:pos + rnd.randrange(1, 200)] + data[pos:]


def muteer(data: bytes, rnd: random.Random, count: int = 1) -> bytes:
    """``data`` with ``count`` random mutations (mostly on the tree, sometimes on the bytes)."""
    for _ in range(count):
        mutated = _tree_mutation(data, rnd) if rnd.random() < 0.8 else None
        data = mutated if mutated is not None else _byte_mutation(data, rnd)
    return data
