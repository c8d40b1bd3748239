"""Verzoeken ledger: VOT (315) and VOW (317) per ReferentieAanbieder, and how each was answered (319, 301).

Key: ``Ref`` = (standaard, gemeente, aanbieder, ReferentieAanbieder); ReferentieAanbieder is unique per
aanbieder per wettelijk domein (TR347, OP361). A VOT gives one verzoek per AangevraagdProduct (each has its own
ReferentieAanbieder); a VOW is one verzoek (class Verzoek). Answers:

- 319 (Antwoord): VerzoekAntwoord 1 (verzoek afgewezen) or 2 (aanvraag in onderzoek), in order of arrival,
  also for a ReferentieAanbieder the ledger does not know (so TR360/TR365 can still judge a second 319).
- 301: the first message in which a ToegewezenProduct carries the ReferentieAanbieder honours the verzoek
  (TR359, TR379, TR374).

A verzoek is pending (TR374, OP350) from its acceptance until a 319 with VerzoekAntwoord 1 or a 301 with its
ReferentieAanbieder. Rejected classes (``afgekeurd``, see ``regie.afgewezen``) are not recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from ketenproef.bericht import Bericht, findall, integer, text
from ketenproef.keten.parts import neem
from ketenproef.keten.regie import afgewezen, klant_van

AFGEWEZEN, IN_ONDERZOEK = "1", "2"  # VerzoekAntwoord (WJ760)
VOT, VOW = "VOT", "VOW"
KLASSEN = {"315": "AangevraagdProduct", "317": "Verzoek", "319": "Antwoord", "301": "ToegewezenProduct"}  # with a ref


class Ref(NamedTuple):
    standaard: str
    gemeente: str
    aanbieder: str
    referentie: str


@dataclass(frozen=True)
class Verzoek:
    """One accepted verzoek: a VOT product or a VOW as a whole."""

    soort: str  # VOT or VOW
    bsn: str
    dagtekening: dt.date
    bericht_id: str
    nummers: tuple[int, ...] = ()  # VOW: ToewijzingNummers of OngewijzigdProduct and TeWijzigenProduct
    nieuw: int = 0  # VOW: number of NieuwProduct classes


@dataclass
class Verzoeken:
    _verzoeken: dict[Ref, Verzoek] = field(default_factory=dict)
    _antwoorden: dict[Ref, list[str]] = field(default_factory=dict)
    _toegewezen: dict[Ref, str] = field(default_factory=dict)
    _per_client: dict[tuple[str, str, str, str], list[Ref]] = field(default_factory=dict)  # index for TR374

    def apply(self, b: Bericht, afgekeurd: frozenset[str], keten) -> None:
        handler = {"315": self._vot, "317": self._vow, "319": self._antwoord, "301": self._toewijzing}.get(b.number)
        if handler is not None:
            handler(b, afgekeurd)

    def _ref(self, b: Bericht, referentie: str) -> Ref:
        klant = klant_van(b)
        return Ref(b.standard, klant.gemeente, klant.aanbieder, referentie)

    def _nieuw(self, ref: Ref, verzoek: Verzoek) -> None:
        if ref not in self._verzoeken:  # a reused reference (TR347) never replaces the first verzoek
            self._verzoeken[ref] = verzoek
            self._per_client.setdefault((*ref[:3], verzoek.bsn), []).append(ref)

    def _vot(self, b: Bericht, afgekeurd: frozenset[str]) -> None:
        bsn = text(b.root, "Client/Bsn")
        for el in b.all("AangevraagdProduct"):
            if not afgewezen(el, afgekeurd):
                verzoek = Verzoek(VOT, bsn, b.dagtekening, b.identificatie)
                self._nieuw(self._ref(b, text(el, "ReferentieAanbieder")), verzoek)

    def _vow(self, b: Bericht, afgekeurd: frozenset[str]) -> None:
        for el in b.all("Verzoek"):
            if afgewezen(el, afgekeurd):
                continue
            nummers = tuple(integer(p, "ToewijzingNummer") for p in
                            findall(el, "OngewijzigdeProducten/OngewijzigdProduct")
                            + findall(el, "TeWijzigenProducten/TeWijzigenProduct"))
            verzoek = Verzoek(VOW, text(b.root, "Client/Bsn"), b.dagtekening, b.identificatie, nummers,
                              len(findall(el, "NieuweProducten/NieuwProduct")))
            self._nieuw(self._ref(b, text(el, "ReferentieAanbieder")), verzoek)

    def _antwoord(self, b: Bericht, afgekeurd: frozenset[str]) -> None:
        for el in b.all("Antwoord"):
            if not afgewezen(el, afgekeurd):
                ref = self._ref(b, text(el, "ReferentieAanbieder"))
                self._antwoorden.setdefault(ref, []).append(text(el, "VerzoekAntwoord"))

    def _toewijzing(self, b: Bericht, afgekeurd: frozenset[str]) -> None:
        for el in b.all("ToegewezenProduct"):
            referentie = text(el, "ReferentieAanbieder")
            if referentie and not afgewezen(el, afgekeurd):
                self._toegewezen.setdefault(self._ref(b, referentie), b.identificatie)

    # ------------------------------------------------------------------ withdrawing messages (``intrekken``)

    def eenheden(self, b: Bericht, afgekeurd: frozenset[str]) -> set[tuple]:
        """What a message may change: the verzoeken with its ReferentieAanbieders, and for a 315/317 the list of its
        client's verzoeken (which depends on whether a reference was known: both are its keys)."""
        klasse = KLASSEN.get(b.number)
        if klasse is None:
            return set()
        referenties = [text(el, "ReferentieAanbieder") for el in b.all(klasse)]
        if b.number == "301":  # a ToegewezenProduct without a reference honours no verzoek
            referenties = [r for r in referenties if r]
        out = {("verzoek", self._ref(b, r)) for r in referenties}
        if b.number in ("315", "317"):
            out.add(("verzoeken_van", (*self._ref(b, "")[:3], text(b.root, "Client/Bsn"))))
        return out

    def neem_over(self, bron: Verzoeken, eenheden) -> None:
        for soort, key in eenheden:
            if soort == "verzoek":
                for doel, van in ((self._verzoeken, bron._verzoeken), (self._antwoorden, bron._antwoorden),
                                  (self._toegewezen, bron._toegewezen)):
                    neem(doel, van, key)
            elif soort == "verzoeken_van":
                neem(self._per_client, bron._per_client, key)

    # ------------------------------------------------------------------ queries

    def verzoek(self, ref: Ref) -> Verzoek | None:
        """The accepted VOT product or VOW with this ReferentieAanbieder, or None."""
        return self._verzoeken.get(ref)

    def antwoorden(self, ref: Ref) -> list[str]:
        """VerzoekAntwoord of every accepted 319 for this ReferentieAanbieder, oldest first."""
        return list(self._antwoorden.get(ref, []))

    def toegewezen_in(self, ref: Ref) -> str | None:
        """BerichtIdentificatie of the first 301 that carried this ReferentieAanbieder, or None."""
        return self._toegewezen.get(ref)

    def afgehandeld(self, ref: Ref) -> bool:
        """Answered for good: honoured by a 301 or rejected by a 319 with VerzoekAntwoord 1."""
        return ref in self._toegewezen or AFGEWEZEN in self._antwoorden.get(ref, ())

    def openstaand(self, standaard: str, gemeente: str, aanbieder: str, bsn: str) -> list[tuple[Ref, Verzoek]]:
        """Pending verzoeken of one aanbieder for one client (TR374), oldest first."""
        refs = self._per_client.get((standaard, gemeente, aanbieder, bsn), ())
        return [(ref, self._verzoeken[ref]) for ref in refs if not self.afgehandeld(ref)]


Part = Verzoeken

__all__ = ["AFGEWEZEN", "IN_ONDERZOEK", "Part", "Ref", "VOT", "VOW", "Verzoek", "Verzoeken"]
