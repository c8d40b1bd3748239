"""A parsed, identified message with namespace-free helpers that rules use.

Rules run only on messages that passed the XSD, so element names are unambiguous and the
``{*}`` wildcard is safe; it keeps rules readable (``b.text(el, "Product/Code")``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from lxml import etree

from ketenproef import corpus
from ketenproef.clock import Clock, SystemClock


@cache
def _wild(path: str) -> str:
    return "/".join("{*}" + part for part in path.split("/"))


def local(el: etree._Element) -> str:
    tag = el.tag
    return tag[tag.rfind("}") + 1:] if isinstance(tag, str) else ""


def find(el: etree._Element, path: str) -> etree._Element | None:
    return el.find(_wild(path))


def findall(el: etree._Element, path: str) -> list[etree._Element]:
    return el.findall(_wild(path))


def text(el: etree._Element, path: str) -> str | None:
    return el.findtext(_wild(path))


def date(el: etree._Element, path: str) -> dt.date | None:
    value = el.findtext(_wild(path))
    return dt.date.fromisoformat(value) if value else None


def integer(el: etree._Element, path: str) -> int | None:
    value = el.findtext(_wild(path))
    return int(value) if value is not None else None


def readable_path(el: etree._Element) -> str:
    """An XPath of local names with positions where an element repeats: /Bericht/Client/.../Prestatie[3]."""
    parts = []
    while el is not None:
        name = local(el)
        parent = el.getparent()
        if parent is not None:
            same = [s for s in parent if s.tag == el.tag]
            if len(same) > 1:
                name += f"[{same.index(el) + 1}]"
        parts.append(name)
        el = parent
    return "/" + "/".join(reversed(parts))


@dataclass
class Bericht:
    """One identified message: its model, its tree and the clock rules read "vandaag" from."""

    name: str
    root: etree._Element
    clock: Clock = field(default_factory=SystemClock)

    @cached_property
    def model(self) -> dict:
        return corpus.message_model(self.name)

    @property
    def standard(self) -> str:
        return self.model["standard"]

    @property
    def number(self) -> str:
        return self.name[-3:]

    @property
    def header(self) -> etree._Element:
        return self.root[0]

    @cached_property
    def dagtekening(self) -> dt.date:
        return date(self.header, "BerichtIdentificatie/Dagtekening")

    @cached_property
    def identificatie(self) -> str:
        return text(self.header, "BerichtIdentificatie/Identificatie")

    @cached_property
    def klassen(self) -> dict[str, str]:
        """Berichtklasse name -> its (last) path below Bericht (``Client/ToegewezenProducten/ToegewezenProduct``).
        Use ``klasse_paden`` for classes at two places (301 Contact under Contactgegevens and under Relatie)."""
        return {name: paths[-1] for name, paths in self.klasse_paden.items()}

    @cached_property
    def klasse_paden(self) -> dict[str, list[str]]:
        """Berichtklasse name -> every path below Bericht where it stands."""
        out: dict[str, list[str]] = {}
        for k in self.model["berichtklassen"]:
            out.setdefault(k["class"], []).append(k["path"].split("/", 1)[1])
        return out

    def all(self, klasse: str) -> list[etree._Element]:
        """Every element of a berichtklasse, in document order."""
        paths = self.klasse_paden[klasse]
        if len(paths) == 1:
            return findall(self.root, paths[0])
        found = [el for path in paths for el in findall(self.root, path)]
        order = {el: i for i, el in enumerate(self.root.iter())}
        return sorted(found, key=order.__getitem__)

    def iter(self, path: str) -> Iterator[etree._Element]:
        return iter(findall(self.root, path))

    def klasse_of(self, el: etree._Element) -> str | None:
        """The nearest berichtklasse at or above an element."""
        names = self._class_names
        while el is not None:
            name = local(el)
            if name in names:
                return name
            el = el.getparent()
        return None

    def klasse_element(self, el: etree._Element) -> etree._Element | None:
        names = self._class_names
        while el is not None:
            if local(el) in names:
                return el
            el = el.getparent()
        return None

    @cached_property
    def _class_names(self) -> frozenset[str]:
        return frozenset(self.klassen)
