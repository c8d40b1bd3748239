"""Withdrawing messages from the chain state without replaying all the others (a reset of one conversation).

The chain state is a fold over the applied messages in their order. Each part says which pieces of its state
("eenheden": (kind, key), e.g. one toewijzing history, the verzoeken of one client, one declaratie) applying a
message reads or changes (``Keten.eenheden``), and applying a message reads nothing outside its own pieces.
``IntrekbareKetens`` keeps per piece the messages that touch it. To withdraw some messages:

1. the pieces they touched;
2. the messages left that touch any of those pieces, and the pieces those touch, and so on until nothing is added
   (a closed set: no message outside it touches its pieces, and its messages read nothing outside them);
3. those messages replayed, in their order, into an empty Keten;
4. those pieces taken over from it (``Keten.neem_over``); a piece it lacks is gone.

Since the closed set's messages only read its own pieces, and no other message changes them, the replay gives
those pieces exactly the state a replay of every message left would give them; the pieces outside it are
untouched by the withdrawn messages. Where order shows (a toewijzing's place among others, declaraties in an
Administratie and their bookings in its indexes) parts put a piece in at the place of its messages' volgnummer,
which is the message's place in the store.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from ketenproef.bericht import Bericht
from ketenproef.keten import Keten, Ketens

# (volgnummer, Bericht, afgekeurd) of the messages with the given volgnummers, in that order
Lezer = Callable[[list[int]], Iterable[tuple[int, Bericht, Collection[str]]]]


class IntrekbareKetens(Ketens):
    """Ketens that know, per piece of chain state, which messages (by volgnummer) touch it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._van: dict[int, tuple[str, frozenset[tuple]]] = {}  # volgnummer -> (standard, its pieces)
        self._per_eenheid: dict[tuple[str, tuple], dict[int, None]] = {}  # (standard, piece) -> volgnummers
        self.intrekbaar = True  # False once a message was applied without a volgnummer or pieces

    def apply(self, b: Bericht, afgekeurd: Collection[str] = (), volgnummer: int | None = None) -> None:
        keten = self.voor(b.standard)
        eenheden = keten.eenheden(b, afgekeurd) if self.intrekbaar and volgnummer is not None else None
        keten.apply(b, afgekeurd, volgnummer)
        if eenheden is None or volgnummer in self._van:
            self.intrekbaar = False
            return
        self._van[volgnummer] = (b.standard, eenheden)
        for eenheid in eenheden:
            self._per_eenheid.setdefault((b.standard, eenheid), {})[volgnummer] = None

    def intrekken(self, volgnummers: Iterable[int], lees: Lezer) -> list[int] | None:
        """Withdraw these messages; returns the volgnummers of the messages replayed (in order), or None when this
        chain state cannot do it (then rebuild it whole)."""
        if not self.intrekbaar:
            return None
        per_standaard: dict[str, set[tuple]] = {}
        for nummer in volgnummers:
            if nummer not in self._van:
                continue
            standaard, eenheden = self._van.pop(nummer)
            per_standaard.setdefault(standaard, set()).update(eenheden)
            for eenheid in eenheden:
                self._vergeet(standaard, eenheid, nummer)
        opnieuw: list[int] = []
        for standaard, eenheden in per_standaard.items():
            nummers = self._gesloten(standaard, eenheden)
            bron = Keten(config=self.config, standaard=standaard)
            for nummer, b, afgekeurd in lees(nummers):
                bron.apply(b, afgekeurd, nummer)
            self.voor(standaard).neem_over(bron, eenheden)
            opnieuw += nummers
        return sorted(opnieuw)

    def _vergeet(self, standaard: str, eenheid: tuple, nummer: int) -> None:
        key = (standaard, eenheid)
        nummers = self._per_eenheid.get(key)
        if nummers is not None:
            nummers.pop(nummer, None)
            if not nummers:
                del self._per_eenheid[key]

    def _gesloten(self, standaard: str, eenheden: set[tuple]) -> list[int]:
        """The messages touching these pieces, closed over the pieces they touch (``eenheden`` grows to match)."""
        nummers: set[int] = set()
        todo = list(eenheden)
        while todo:
            for nummer in self._per_eenheid.get((standaard, todo.pop()), ()):
                if nummer in nummers:
                    continue
                nummers.add(nummer)
                for eenheid in self._van[nummer][1]:
                    if eenheid not in eenheden:
                        eenheden.add(eenheid)
                        todo.append(eenheid)
        return sorted(nummers)


__all__ = ["IntrekbareKetens", "Lezer"]
