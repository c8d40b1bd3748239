"""Relaties (contact persons) per gemeente and client, as last sent in a 301, for OP071: a Relatie keeps the
Nummer it got, and a Nummer always means the same person."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from ketenproef.bericht import Bericht, text
from ketenproef.keten.parts import neem
from ketenproef.keten.regie import afgewezen


class Persoon(NamedTuple):
    """Who a Relatie is: Soort and name (and Geboortedatum when given). Contact details may change."""

    soort: str | None
    achternaam: str | None
    voorvoegsel: str | None
    voorletters: str | None
    geboortedatum: str | None

    def __str__(self) -> str:
        naam = " ".join(x for x in (self.voorletters, self.voorvoegsel, self.achternaam) if x)
        return f"{naam or 'zonder naam'} (soort {self.soort}{', ' + self.geboortedatum if self.geboortedatum else ''})"


def persoon(relatie: etree._Element) -> Persoon:
    return Persoon(text(relatie, "Soort"), text(relatie, "Naam/Geslachtsnaam/Achternaam"),
                   text(relatie, "Naam/Geslachtsnaam/Voorvoegsel"), text(relatie, "Naam/Voorletters"),
                   text(relatie, "Geboortedatum/Datum"))


def gemeente_en_client(b: Bericht) -> tuple[str, str]:
    return text(b.header, "Afzender"), text(b.root, "Client/Bsn")


@dataclass
class Part:
    """Nummer -> Persoon per (gemeente, Bsn), from every accepted 301."""

    _relaties: dict[tuple[str, str], dict[str, Persoon]] = field(default_factory=dict)

    def apply(self, b: Bericht, afgekeurd: frozenset[str], keten) -> None:
        if b.number != "301":
            return
        client = b.root.find("{*}Client")
        if client is None or afgewezen(client, afgekeurd):
            return
        bekend = self._relaties.setdefault(gemeente_en_client(b), {})
        for relatie in b.all("Relatie"):
            bekend[text(relatie, "Nummer")] = persoon(relatie)

    def eenheden(self, b: Bericht, afgekeurd: frozenset[str]) -> set[tuple]:
        return {("relaties", gemeente_en_client(b))} if b.number == "301" else set()

    def neem_over(self, bron: Part, eenheden) -> None:
        for soort, key in eenheden:
            if soort == "relaties":
                neem(self._relaties, bron._relaties, key)

    def bekend(self, gemeente: str, bsn: str) -> dict[str, Persoon]:
        """The Relaties earlier sent for this client by this gemeente: Nummer -> Persoon (a copy)."""
        return dict(self._relaties.get((gemeente, bsn), {}))
