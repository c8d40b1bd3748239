"""Chain state ("keten"): what has been allocated, started, stopped, requested and declared, per gemeente,
aanbieder and client. Pure and in memory: the state is a fold over the accepted messages in the order they
were exchanged, so a store only has to keep the messages (and which classes were rejected) and replay them.

Chain rules read it: ``def TR019(b: Bericht, keten: Keten)``. ``Keten.apply`` records a message after it
was judged; classes listed in ``afgekeurd`` (readable paths of rejected berichtklassen) are left out.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ketenproef.bericht import Bericht, text
from ketenproef.keten.config import KetenConfig
from ketenproef.keten.toewijzingen import Toewijzing, Toewijzingen


def partijen(b: Bericht) -> tuple[str, str]:
    """(gemeente, aanbieder) of a message, whichever way it travels."""
    afzender, ontvanger = text(b.header, "Afzender"), text(b.header, "Ontvanger")
    return (afzender, ontvanger) if b.model["sent_by"] == "gemeente" else (ontvanger, afzender)


@dataclass
class Keten:
    config: KetenConfig = field(default_factory=KetenConfig)
    toewijzingen: Toewijzingen = field(default_factory=Toewijzingen)
    parts: list = field(default_factory=list)

    def __post_init__(self) -> None:
        from ketenproef.keten import parts

        self.parts = [self.toewijzingen] + [make() for make in parts.extra_parts()]

    def part(self, kind: type):
        """The ledger part of a type (e.g. ``keten.part(Regie)``)."""
        for p in self.parts:
            if isinstance(p, kind):
                return p
        raise KeyError(kind.__name__)

    def apply(self, b: Bericht, afgekeurd: Collection[str] = ()) -> None:
        """Record a judged message; berichtklassen whose readable path is in ``afgekeurd`` are skipped."""
        for p in self.parts:
            p.apply(b, frozenset(afgekeurd), self)


__all__ = ["Keten", "KetenConfig", "Toewijzing", "Toewijzingen", "partijen"]
