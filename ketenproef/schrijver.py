"""Writing a message from plain data piece by piece: the bytes of ``factory.to_bytes``, without building a tree.

A 325 that rejects 20,000 prestaties is about 25 MB of XML; as plain data, then an lxml tree, then one serialised
string it cost ten times that at once. Here the data is walked with the factory's own checks
(``factory.items``), a repeating element may be an iterator that makes its items while they are written, and the
text comes out in pieces of about ``STUK`` bytes, so a caller can compress or send it as it comes.

The output is byte for byte ``factory.serialise(factory.build(name, data))``: the XML declaration, the root with
the model's two namespace prefixes, two spaces of indentation per level, CR/LF line endings and libxml2's
escaping of text (a test compares both over every message of the corpus).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ketenproef import corpus, factory

STUK = 1 << 16  # bytes per piece, about
_VERBODEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not XML 1.0 characters
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;",  # as libxml2 escapes text
                          "\n": "\r\n"})  # every line ends in CR/LF, a line inside a value too


def stukken(name: str, data: dict) -> Iterator[bytes]:
    """The serialised message ``name`` for plain ``data``, in pieces (see the module docstring)."""
    model = corpus.message_model(name)
    prefixes = {"bericht": model["prefix"], "basis": model["basis_prefix"]}
    root = f"{model['prefix']}:Bericht"
    kop = (f"<?xml version='1.0' encoding='UTF-8'?>\r\n<{root} xmlns:{model['prefix']}=\"{model['namespace']}\" "
           f"xmlns:{model['basis_prefix']}=\"{model['basis_namespace']}\">\r\n")
    stapel = [(factory.items(model["tree"], factory.met_vaste_kop(name, data), "Bericht"), "  ", "Bericht",
               f"</{root}>\r\n")]
    return _stukken(stapel, prefixes, kop)


def _stukken(stapel: list, prefixes: dict, kop: str, regels_alleen: bool = False) -> Iterator:
    """The lines of the elements on ``stapel`` (open elements: their children still to write, the indentation of
    those, their path, their closing line), in pieces. One loop over an explicit stack: no generator per level
    between a line and its piece."""
    regels, grootte = [kop], len(kop)
    while stapel:
        kinderen, inspringing, waar, sluit = stapel[-1]
        volgende = next(kinderen, None)
        if volgende is None:
            stapel.pop()
            regels.append(sluit)
            continue
        node, item = volgende
        if item.__class__ is Geschreven:
            regel = item.tekst
        elif "children" in node:
            tag = _tag(node, prefixes)
            regel = f"{inspringing}<{tag}>\r\n"
            pad = f"{waar}/{node['name']}"
            stapel.append((factory.items(node["children"], item, pad), inspringing + "  ", pad,
                           f"{inspringing}</{tag}>\r\n"))
        else:
            tag = _tag(node, prefixes)
            regel = f"{inspringing}<{tag}>{tekst(item)}</{tag}>\r\n"
        regels.append(regel)
        grootte += len(regel)
        if grootte >= STUK:
            yield regels if regels_alleen else _bytes(regels)
            regels, grootte = [], 0
    yield regels if regels_alleen else _bytes(regels)


class Geschreven:
    """An element already written (``Sjabloon.vul``): the writer puts its lines (CR/LF) in as they are."""

    __slots__ = ("tekst",)

    def __init__(self, tekst: str) -> None:
        self.tekst = tekst


class Sjabloon:
    """One repeating element of a message (at model path ``pad``, e.g. a 325's Prestatie) written once by the
    writer above with markers for its values, so that each further element of the same shape (the same elements
    present, the same fixed values) is one string formatting instead of a walk through the model per element: a
    325 that lists 20,000 prestaties is written ten times faster. ``vul`` gives the bytes the writer gives for the
    item with those values: the markers went through the same checks and escaping as any value, and the values
    go through ``tekst`` unless the caller found nothing in them that it could change or refuse (``bijzonder``)."""

    def __init__(self, name: str, pad: str, item: dict, aantal: int) -> None:
        """``item``: the element's data with ``marker(i)`` for the values ``i`` (of ``aantal``) that it holds."""
        model = corpus.message_model(name)
        prefixes = {"bericht": model["prefix"], "basis": model["basis_prefix"]}
        nodes, waar = model["tree"], "Bericht"
        for naam in pad.split("/"):
            node = next(n for n in nodes if n["name"] == naam)
            nodes, waar = node.get("children", []), f"{waar}/{naam}"
        stapel = [(iter([(node, item)]), "  " * (pad.count("/") + 1), waar.rsplit("/", 1)[0], "")]
        regels: list[str] = []
        for deel in _stukken(stapel, prefixes, "", regels_alleen=True):
            regels += deel
        delen = _MARKER.split("".join(regels))
        volgorde = [int(i) for i in delen[1::2]]
        if len(set(volgorde)) != len(volgorde) or volgorde != sorted(volgorde) or not set(volgorde) <= set(
                range(aantal)):
            raise ValueError(f"sjabloon voor {pad}: de waarden staan er niet ieder eenmaal en op volgorde in")
        self.aanwezig = frozenset(volgorde)
        na = dict(zip(volgorde, delen[2::2], strict=True))  # the text after each value
        self._delen = [delen[0]]  # text, value 0, text, value 1 ...: an absent value between two empty texts
        for i in range(aantal):
            self._delen += [None, na.get(i, "")]
        self._weg = [2 * i + 1 for i in range(aantal) if i not in self.aanwezig]

    def vul(self, waarden: list, gewoon: bool) -> str:
        """The element's text for ``waarden`` (all ``aantal`` of them; those the item did not hold are ignored).
        ``gewoon``: the caller checked that none of the values holds a character of ``bijzonder``."""
        if not gewoon:
            waarden = [tekst(w) if i in self.aanwezig else "" for i, w in enumerate(waarden)]
        delen = self._delen.copy()
        delen[1::2] = waarden
        for i in self._weg:
            delen[i] = ""
        return "".join(delen)


def bijzonder(behalve: str = "") -> re.Pattern:
    """The characters of a value that the writer escapes or refuses, except ``behalve`` (separators a caller knows
    are none of its values)."""
    tekens = "".join(c for c in "&<>" + "".join(map(chr, range(0x20))) if c != "\t" and c not in behalve)
    return re.compile("[" + re.escape(tekens) + "\ud800-\udfff\ufffe\uffff]")


def marker(i: int) -> str:
    """Value ``i`` in a ``Sjabloon``'s item: private-use characters, which the checks and escaping leave alone."""
    return f"\ue000{i}\ue001"


_MARKER = re.compile("\ue000([0-9]+)\ue001")


def _tag(node: dict, prefixes: dict) -> str:
    return f"{prefixes[node['ns']]}:{node['name']}"


def schrijf(name: str, data: dict) -> bytes:
    """The whole message at once (for a small one)."""
    return b"".join(stukken(name, data))


def _bytes(regels: list[str]) -> bytes:
    return "".join(regels).encode("utf-8")


def tekst(value: Any) -> str:
    text = factory.value_text(value)
    if _VERBODEN.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return text.translate(_ESCAPES)
