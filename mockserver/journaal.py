"""What changed in the Keten since a moment: the journal that lets a large message be judged outside the Keten lock.

Every message applied to the Keten is noted with its keys (its gemeente, its aanbieder and its clients, per
standard); a reset that withdraws messages (``JournaalKetens.intrekken``) with the keys of the messages withdrawn
and replayed; anything else that changes the chain state (a whole rebuild, new contract data) is noted as touching
everything. A large message judged against the Keten while others were applied is still judged right
when none of those shared a key with it: the chain rules read only the state of the message's own gemeente,
aanbieder and clients (and the configuration), so the messages in between could as well have come after it.
When one did share a key, the large message is judged again under the lock (``ontvangst``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from ketenproef.bericht import Bericht
from ketenproef.keten import partijen
from ketenproef.keten.declaraties import Samenvatting
from ketenproef.keten.intrekken import IntrekbareKetens
from mockserver.berichten import bsns

ALLES = frozenset({"*"})
BEWAREN = 100_000  # journal entries kept; a moment older than that counts as "everything changed"


def sleutels(b: Bericht) -> frozenset[str]:
    """The keys of a message: its standard's gemeente, aanbieder and clients (cached on the Bericht)."""
    found = b.__dict__.get("_journaal_sleutels")
    if found is None:
        gemeente, aanbieder = partijen(b)
        std = b.standard
        gegeven = Samenvatting.gegeven(b)  # a 325 the ketenpartner wrote: its Clienten are not in the tree
        clienten = bsns(b.root) if gegeven is None else gegeven.clienten
        found = frozenset([f"{std}/g/{gemeente}", f"{std}/a/{aanbieder}", *(f"{std}/c/{bsn}" for bsn in clienten)])
        b.__dict__["_journaal_sleutels"] = found
    return found


class Journaal:
    def __init__(self) -> None:
        self.stand = 0
        self._entries: deque[tuple[int, frozenset[str]]] = deque(maxlen=BEWAREN)

    def noteer(self, keys: frozenset[str]) -> None:
        self.stand += 1
        self._entries.append((self.stand, keys))

    def alles(self) -> None:
        """Something changed that every judgement may read (a rebuild, the configuration)."""
        self.noteer(ALLES)

    def sinds(self, stand: int) -> Iterable[frozenset[str]]:
        if stand < self.stand - len(self._entries):
            yield ALLES
        for at, keys in reversed(self._entries):
            if at <= stand:
                break
            yield keys

    def botst(self, stand: int, keys: frozenset[str]) -> bool:
        """Whether anything applied after ``stand`` shares a key with ``keys`` (or touched everything)."""
        return any(k is ALLES or "*" in k or not k.isdisjoint(keys) for k in self.sinds(stand))


class JournaalKetens(IntrekbareKetens):
    """The ketenpartner's Ketens: every apply is noted in the journal first; messages applied with their id in the
    store (``volgnummer``) can be withdrawn again, noted with the keys of what that changed."""

    def __init__(self, *args, journaal: Journaal | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.journaal = journaal or Journaal()
        self._sleutels: dict[int, frozenset[str]] = {}  # volgnummer -> its journal keys (shared objects)
        self._gedeeld: dict[frozenset[str], frozenset[str]] = {}

    def apply(self, b: Bericht, afgekeurd=(), volgnummer: int | None = None) -> None:
        keys = sleutels(b)
        self.journaal.noteer(keys)
        super().apply(b, afgekeurd, volgnummer)
        if volgnummer is not None:
            self._sleutels[volgnummer] = self._gedeeld.setdefault(keys, keys)

    def intrekken(self, volgnummers, lees) -> list[int] | None:
        volgnummers = list(volgnummers)
        opnieuw = super().intrekken(volgnummers, lees)
        if opnieuw is not None:
            keys = set().union(*(self._sleutels.pop(n, ALLES) for n in volgnummers),
                               *(self._sleutels.get(n, ALLES) for n in opnieuw))
            self.journaal.noteer(frozenset(keys))
        return opnieuw
