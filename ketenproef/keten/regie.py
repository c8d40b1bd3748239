"""Regie ledger: the start (305) and stop (307) deliveries per client, and the message identities seen (TR056).

Per client (``Klant``: standaard, gemeente, aanbieder, Bsn) the part keeps the deliveries that are in force:
a class with StatusAanlevering 1 adds its logical key, a class with StatusAanlevering 3 removes the delivery
with that key again (IV008, OP033; 2 is not allowed, CS058). Logical keys (logical-keys.csv, release 3.2):

- StartProduct: ToewijzingNummer + Product (Categorie, Code) + Begindatum
- StopProduct: ToewijzingNummer + Product + Begindatum + RedenBeeindiging + Einddatum (RedenBeeindiging was
  added in 3.2, so a definitive stop may carry the same Einddatum as the temporary stop before it)

A stop belongs to the start with the same ToewijzingNummer + Product + Begindatum (``StopSleutel.start``).
Classes whose readable path (or the path of an enclosing class, or the Header) is in ``afgekeurd`` are not
recorded. Besides the deliveries, every applied message leaves its (Afzender, berichtsoort, Identificatie),
whatever was rejected in it: an identity once received stays used (TR056).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from ketenproef.bericht import Bericht, date, integer, readable_path, text
from ketenproef.keten.parts import neem

EERSTE, VERWIJDEREN = "1", "3"  # StatusAanlevering (COD467)
TIJDELIJK = "20"  # RedenBeeindiging: levering is tijdelijk beeindigd (WMO588/JZ588)
HEADER = "/Bericht/Header"


class Klant(NamedTuple):
    """One client at one aanbieder of one gemeente, within one standard (wettelijk domein)."""

    standaard: str
    gemeente: str
    aanbieder: str
    bsn: str


class StartSleutel(NamedTuple):
    nummer: int | None
    categorie: str | None
    code: str | None
    begindatum: dt.date


class StopSleutel(NamedTuple):
    nummer: int | None
    categorie: str | None
    code: str | None
    begindatum: dt.date
    reden: str
    einddatum: dt.date

    @property
    def start(self) -> StartSleutel:
        """The key of the start this stop ends (TR382)."""
        return StartSleutel(self.nummer, self.categorie, self.code, self.begindatum)

    @property
    def tijdelijk(self) -> bool:
        return self.reden == TIJDELIJK


def klant_van(b: Bericht) -> Klant:
    from ketenproef.keten import partijen

    gemeente, aanbieder = partijen(b)
    return Klant(b.standard, gemeente, aanbieder, text(b.root, "Client/Bsn"))


def start_sleutel(el: etree._Element) -> StartSleutel:
    return StartSleutel(integer(el, "ToewijzingNummer"), text(el, "Product/Categorie"), text(el, "Product/Code"),
                        date(el, "Begindatum"))


def stop_sleutel(el: etree._Element) -> StopSleutel:
    return StopSleutel(integer(el, "ToewijzingNummer"), text(el, "Product/Categorie"), text(el, "Product/Code"),
                       date(el, "Begindatum"), text(el, "RedenBeeindiging"), date(el, "Einddatum"))


def afgewezen(el: etree._Element, afgekeurd: Collection[str]) -> bool:
    """True when the class ``el``, an enclosing class or the Header is in ``afgekeurd`` (readable paths)."""
    if not afgekeurd:
        return False
    if HEADER in afgekeurd:
        return True
    while el is not None:
        if readable_path(el) in afgekeurd:
            return True
        el = el.getparent()
    return False


@dataclass
class Regie:
    """Starts and stops in force per client, and the message identities per sender and message type."""

    _starts: dict[Klant, dict[StartSleutel, str]] = field(default_factory=dict)
    _stops: dict[Klant, dict[StopSleutel, str]] = field(default_factory=dict)
    _identificaties: set[tuple[str, str, str]] = field(default_factory=set)

    def apply(self, b: Bericht, afgekeurd: frozenset[str], keten) -> None:
        self._identificaties.add((text(b.header, "Afzender"), b.name, b.identificatie))
        if b.number == "305":
            self._leveringen(b, "StartProduct", start_sleutel, self._starts, afgekeurd)
        elif b.number == "307":
            self._leveringen(b, "StopProduct", stop_sleutel, self._stops, afgekeurd)

    @staticmethod
    def _leveringen(b: Bericht, klasse: str, sleutel, opslag: dict, afgekeurd: frozenset[str]) -> None:
        klant = klant_van(b)
        in_kracht = opslag.setdefault(klant, {})
        producten = [el for el in b.all(klasse) if not afgewezen(el, afgekeurd)]
        for el in producten:  # deletions first, so a correction in one message (IV008) ends with the new key
            if text(el, "StatusAanlevering") == VERWIJDEREN:
                in_kracht.pop(sleutel(el), None)
        for el in producten:
            if text(el, "StatusAanlevering") == EERSTE:
                in_kracht[sleutel(el)] = b.identificatie

    def eenheden(self, b: Bericht, afgekeurd: frozenset[str]) -> set[tuple]:
        """What a message may change: its identity, and the starts (305) or stops (307) of its client."""
        out = {("identificatie", (text(b.header, "Afzender"), b.name, b.identificatie))}
        if b.number == "305":
            out.add(("starts", klant_van(b)))
        elif b.number == "307":
            out.add(("stops", klant_van(b)))
        return out

    def neem_over(self, bron: Regie, eenheden) -> None:
        for soort, key in eenheden:
            if soort == "starts":
                neem(self._starts, bron._starts, key)
            elif soort == "stops":
                neem(self._stops, bron._stops, key)
            elif soort == "identificatie":
                if key in bron._identificaties:
                    self._identificaties.add(key)
                else:
                    self._identificaties.discard(key)

    def starts(self, klant: Klant) -> dict[StartSleutel, str]:
        """Starts in force for a client (not deleted): key -> BerichtIdentificatie of the 305. A copy."""
        return dict(self._starts.get(klant, {}))

    def stops(self, klant: Klant) -> dict[StopSleutel, str]:
        """Stops in force for a client (not deleted): key -> BerichtIdentificatie of the 307. A copy."""
        return dict(self._stops.get(klant, {}))

    def identificatie_bekend(self, afzender: str, berichtsoort: str, identificatie: str) -> bool:
        """Whether a message of this type (e.g. ``WMO301``) with this Identificatie came from ``afzender``."""
        return (afzender, berichtsoort, identificatie) in self._identificaties


Part = Regie

__all__ = ["Klant", "Part", "Regie", "StartSleutel", "StopSleutel", "afgewezen", "klant_van", "start_sleutel",
           "stop_sleutel"]
