"""Toewijzingen as the aanbieder received them: every version per (gemeente, aanbieder, ToewijzingNummer).

OP033x1: a toewijzing changes by a new 301 with the same ToewijzingNummer; the version with the latest
Toewijzingsdatum + Toewijzingstijd determines the content. RedenWijziging 13 with Einddatum = Ingangsdatum
means the toewijzing was deleted (CS335).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ketenproef.bericht import Bericht, date, find, findall, integer, readable_path, text

VERWIJDERD = "13"


@dataclass(frozen=True)
class Toewijzing:
    gemeente: str
    aanbieder: str
    bsn: str
    nummer: int
    categorie: str | None
    code: str | None
    toewijzingsdatum: dt.date
    toewijzingstijd: str
    ingangsdatum: dt.date
    einddatum: dt.date | None
    reden_wijziging: str | None
    volume: int | None
    eenheid: str | None
    frequentie: str | None
    budget: int | None
    referentie_aanbieder: str | None
    bericht_id: str

    @property
    def verwijderd(self) -> bool:
        return self.reden_wijziging == VERWIJDERD and self.einddatum == self.ingangsdatum

    def actueel(self, op: dt.date) -> bool:
        """Not deleted and not ended before ``op``."""
        return not self.verwijderd and (self.einddatum is None or self.einddatum >= op)

    def loopt_op(self, dag: dt.date) -> bool:
        return not self.verwijderd and self.ingangsdatum <= dag and (self.einddatum is None or dag <= self.einddatum)

    @property
    def volgorde(self) -> tuple:
        return (self.toewijzingsdatum, self.toewijzingstijd)


def from_element(el, gemeente: str, aanbieder: str, bsn: str, bericht_id: str) -> Toewijzing:
    return Toewijzing(
        gemeente=gemeente, aanbieder=aanbieder, bsn=bsn, nummer=integer(el, "ToewijzingNummer"),
        categorie=text(el, "Product/Categorie"), code=text(el, "Product/Code"),
        toewijzingsdatum=date(el, "Toewijzingsdatum"), toewijzingstijd=text(el, "Toewijzingstijd"),
        ingangsdatum=date(el, "Ingangsdatum"), einddatum=date(el, "Einddatum"),
        reden_wijziging=text(el, "RedenWijziging"), volume=integer(el, "Omvang/Volume"),
        eenheid=text(el, "Omvang/Eenheid"), frequentie=text(el, "Omvang/Frequentie"),
        budget=integer(el, "Budget"), referentie_aanbieder=text(el, "ReferentieAanbieder"), bericht_id=bericht_id)


@dataclass
class Toewijzingen:
    """All versions of all toewijzingen, keyed by (gemeente, aanbieder, ToewijzingNummer)."""

    versies: dict[tuple[str, str, int], list[Toewijzing]] = field(default_factory=dict)
    # when each key of ``versies`` was made: (volgnummer of the message, position in it); the order of ``versies``
    _sinds: dict[tuple[str, str, int], tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)

    def apply(self, b: Bericht, afgekeurd: frozenset[str], keten) -> None:
        if b.number != "301":
            return
        gemeente, aanbieder = text(b.header, "Afzender"), text(b.header, "Ontvanger")
        bsn = text(b.root, "Client/Bsn")
        if afgekeurd & {readable_path(b.header), readable_path(b.root[1])}:
            return
        volgnummer = getattr(keten, "volgnummer", 0)
        for i, el in enumerate(b.all("ToegewezenProduct")):
            if readable_path(el) in afgekeurd:
                continue
            t = from_element(el, gemeente, aanbieder, bsn, b.identificatie)
            key = (gemeente, aanbieder, t.nummer)
            history = self.versies.get(key)
            if history is None:
                history = self.versies[key] = []
                self._sinds[key] = (volgnummer, i)
            history.append(t)
            history.sort(key=lambda v: v.volgorde)

    # ------------------------------------------------------------------ withdrawing messages (``intrekken``)

    def eenheden(self, b: Bericht, afgekeurd: frozenset[str]) -> set[tuple]:
        """The keys a 301 may change: ("toewijzing", (gemeente, aanbieder, ToewijzingNummer)) per ToegewezenProduct."""
        if b.number != "301":
            return set()
        gemeente, aanbieder = text(b.header, "Afzender"), text(b.header, "Ontvanger")
        return {("toewijzing", (gemeente, aanbieder, integer(el, "ToewijzingNummer")))
                for el in b.all("ToegewezenProduct")}

    def neem_over(self, bron: Toewijzingen, eenheden) -> None:
        """The histories of these keys as ``bron`` has them (gone when it has none), in the order a replay makes."""
        herordenen = False
        for soort, key in eenheden:
            if soort != "toewijzing":
                continue
            nieuw = bron.versies.get(key)
            if nieuw is None:
                if self.versies.pop(key, None) is not None:
                    del self._sinds[key]
                continue
            herordenen = herordenen or self._sinds.get(key) != bron._sinds[key]
            self.versies[key], self._sinds[key] = nieuw, bron._sinds[key]
        if herordenen:  # a key now made by another message: its place among the others (``nummers_van_gemeente``)
            self.versies = dict(sorted(self.versies.items(), key=lambda kv: self._sinds[kv[0]]))

    def get(self, gemeente: str, aanbieder: str, nummer: int) -> Toewijzing | None:
        """The current version (latest Toewijzingsdatum + tijd), or None when never allocated."""
        history = self.versies.get((gemeente, aanbieder, nummer))
        return history[-1] if history else None

    def history(self, gemeente: str, aanbieder: str, nummer: int) -> list[Toewijzing]:
        return list(self.versies.get((gemeente, aanbieder, nummer), []))

    def van_client(self, gemeente: str, aanbieder: str, bsn: str) -> list[Toewijzing]:
        """Current versions of every toewijzing of one client at one aanbieder."""
        out = []
        for (g, a, _), history in self.versies.items():
            if g == gemeente and a == aanbieder and history[-1].bsn == bsn:
                out.append(history[-1])
        return sorted(out, key=lambda t: t.nummer)

    def nummers_van_gemeente(self, gemeente: str) -> dict[int, Toewijzing]:
        """Current version per ToewijzingNummer across all aanbieders of a gemeente (TR332)."""
        return {n: h[-1] for (g, _, n), h in self.versies.items() if g == gemeente}


__all__ = ["Toewijzing", "Toewijzingen", "find", "findall"]
