"""The memory of a reference system: every message it exchanged, in order, and the Keten folded from them.

A reference system keeps no other state about the chain: its toewijzingen, starts, stops, verzoeken and
declaraties are all read from the messages it sent and received (and what the other side accepted of
them). Its own heenberichten count as accepted until their retour says otherwise; a retour (or 325) that
rejects classes makes the Keten be folded again. That also makes the state easy to store (``dump``/``load``).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ketenproef import corpus
from ketenproef.bericht import Bericht, findall, local, readable_path, text
from ketenproef.findings import KETEN, Report
from ketenproef.keten import Keten
from ketenproef.keten.config import KetenConfig
from ketenproef.parse import parse_bytes
from ketenproef.retour import codes_by_class

UIT, IN = "uit", "in"
GOED = frozenset({"0200", "8001"})  # codes that reject nothing (0233 = not assessed counts as rejected)


@dataclass
class Uitwisseling:
    """One message in or out. ``afgekeurd``: readable paths of the rejected berichtklassen; None = the whole
    message was rejected (it never reaches the Keten)."""

    richting: str
    naam: str
    xml: bytes
    afgekeurd: list[str] | None = field(default_factory=list)
    beantwoord: bool = False  # a heenbericht: its retour (or 325) was sent (in) or received (uit)
    _root: etree._Element | None = field(default=None, repr=False, compare=False)

    @property
    def root(self) -> etree._Element:
        if self._root is None:
            self._root = parse_bytes(self.xml, max(len(self.xml), 1)).root
        return self._root

    @property
    def model(self) -> dict:
        return corpus.message_model(self.naam)

    @property
    def nummer(self) -> str:
        return self.naam[-3:]

    @property
    def standaard(self) -> str:
        return self.model["standard"]

    @property
    def heen(self) -> bool:
        return self.model["kind"] == "heen"

    @property
    def identificatie(self) -> str | None:
        """Its own identificatie (IdentificatieRetour for a retour with a copied header)."""
        header = self.root[0]
        if self.heen or self.nummer == "325":
            return text(header, "BerichtIdentificatie/Identificatie")
        return text(header, "IdentificatieRetour")

    @property
    def in_keten(self) -> bool:
        """Heenberichten and 325s fold into the Keten; retours with a copied header do not."""
        return self.afgekeurd is not None and (self.heen or self.nummer == "325")

    def bericht(self) -> Bericht:
        return Bericht(self.naam, self.root)

    def dump(self) -> dict:
        return {"richting": self.richting, "naam": self.naam, "afgekeurd": self.afgekeurd,
                "beantwoord": self.beantwoord, "xml": base64.b64encode(self.xml).decode("ascii")}

    @classmethod
    def load(cls, data: dict) -> Uitwisseling:
        return cls(data["richting"], data["naam"], base64.b64decode(data["xml"]), data["afgekeurd"],
                   data["beantwoord"])


@dataclass
class Archief:
    berichten: list[Uitwisseling] = field(default_factory=list)
    _ketens: dict[str, Keten] | None = field(default=None, repr=False)
    config: KetenConfig = field(default_factory=KetenConfig)  # contract data (TR418), shared by both Ketens

    def add(self, u: Uitwisseling) -> Uitwisseling:
        self.berichten.append(u)
        if self._ketens is not None and u.in_keten:
            self._apply(self._ketens, u)
        return u

    def keten(self, standaard: str) -> Keten:
        if self._ketens is None:
            ketens: dict[str, Keten] = {}
            for u in self.berichten:
                if u.in_keten:
                    self._apply(ketens, u)
            self._ketens = ketens
        return self._ketens.setdefault(standaard, Keten(config=self.config))

    def vergeten(self) -> None:
        """Fold the Keten again at the next question (an earlier message's acceptance changed)."""
        self._ketens = None

    def _apply(self, ketens: dict[str, Keten], u: Uitwisseling) -> None:
        ketens.setdefault(u.standaard, Keten(config=self.config)).apply(u.bericht(), u.afgekeurd or ())

    def zoek(self, richting: str, naam: str, identificatie: str | None) -> Uitwisseling | None:
        for u in reversed(self.berichten):
            if u.richting == richting and u.naam == naam and u.identificatie == identificatie:
                return u
        return None

    def van(self, richting: str | None = None, nummer: str | None = None, standaard: str | None = None
            ) -> Iterator[Uitwisseling]:
        for u in self.berichten:
            if ((richting is None or u.richting == richting) and (nummer is None or u.nummer == nummer)
                    and (standaard is None or u.standaard == standaard)):
                yield u

    def dump(self) -> list[dict]:
        return [u.dump() for u in self.berichten]

    @classmethod
    def load(cls, data: list[dict]) -> Archief:
        return cls([Uitwisseling.load(d) for d in data])


# ---------------------------------------------------------------------------- which classes were rejected


def klasse_paden(b: Bericht, klassen: list[etree._Element]) -> list[str]:
    """Readable paths of the given class elements and of every berichtklasse below them."""
    names = set(b.klassen)
    paths: set[str] = set()
    for klasse in klassen:
        for el in klasse.iter():
            if isinstance(el.tag, str) and local(el) in names:
                paths.add(readable_path(el))
    return sorted(paths)


def afgekeurd_volgens_rapport(report: Report) -> list[str] | None:
    """What a receiver rejects of a heenbericht it judged itself (IV028, IV032)."""
    b = report.bericht
    if b is None or report.technically_rejected:
        return None
    codes = codes_by_class(b, report.at_level(KETEN))
    if b.header in codes:
        return None
    return klasse_paden(b, list(codes))


def codes(el: etree._Element) -> list[str]:
    return [(c.text or "").strip() for c in findall(el, "RetourCodes/RetourCode")]


def afgekeurd_volgens_retour(heen: Uitwisseling, retour: etree._Element) -> list[str] | None:
    """What the other side rejected of our heenbericht, read from its retour (302 ... 320)."""
    header_codes = codes(retour[0])
    if any(c not in GOED for c in header_codes):
        return None
    rejected = {readable_path(rc.getparent()) for rc in retour.iter("{*}RetourCodes")
                if rc.getparent() is not retour[0] and any(c not in GOED for c in codes(rc.getparent()))}
    b = heen.bericht()
    return klasse_paden(b, [el for el in b.root.iter() if isinstance(el.tag, str) and readable_path(el) in rejected])


def afgekeurd_volgens_325(declaratie: Uitwisseling, antwoord: etree._Element) -> list[str] | None:
    """What the gemeente rejected of our 323, read from its 325 (IV087: rejected prestaties by reference)."""
    if any(c not in GOED for c in codes(antwoord[0])):
        return None
    da = antwoord.find("{*}DeclaratieAntwoord")
    if da is None:
        return None
    b = declaratie.bericht()
    if any(c not in GOED for c in codes(da)):
        return klasse_paden(b, [b.root[1]])
    afgewezen = {text(p, "ProductReferentie/ReferentieNummer") for p in da.iter("{*}Prestatie")}
    prestaties = [p for p in b.all("Prestatie") if text(p, "ProductReferentie/ReferentieNummer") in afgewezen]
    return klasse_paden(b, prestaties)
