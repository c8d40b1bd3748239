"""Chain state ("keten"): what has been allocated, started, stopped, requested and declared, per gemeente,
aanbieder and client. Pure and in memory: the state is a fold over the accepted messages in the order they
were exchanged, so a store only has to keep the messages (and which classes were rejected) and replay them.

Chain rules read it: ``def TR019(b: Bericht, keten: Keten)``. ``Keten.apply`` records a message after it
was judged; classes listed in ``afgekeurd`` (readable paths of rejected berichtklassen) are left out.

One Keten holds the state of ONE standard: iWmo and iJw are separate legal domains, ToewijzingNummers and
references are unique only within a domain, and no rule compares messages across them. ``Ketens`` keeps one
Keten per standard and picks the right one for a message.

What a receiver records follows IV032 and IV087 (``Keten.verwerk``): a message rejected on any level is not
recorded at all, except a 323, whose prestaties are approved or rejected one by one.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ketenproef.bericht import Bericht, text
from ketenproef.findings import Report
from ketenproef.keten.config import KetenConfig
from ketenproef.keten.toewijzingen import Toewijzing, Toewijzingen


def partijen(b: Bericht) -> tuple[str, str]:
    """(gemeente, aanbieder) of a message, whichever way it travels. A technical retour (302 ... 320) carries
    the header of its heenbericht, so its Afzender is the heenbericht's sender. Worked out once per message."""
    found = b.__dict__.get("_partijen")
    if found is None:
        found = b.__dict__["_partijen"] = _partijen(b)
    return found


KETEN_WAARDEN = ("_keten_declaratie", "_keten_regie")  # what rules keep on a Bericht per Keten (cached, verloop)


def vergeet(b: Bericht) -> None:
    """Forget what the chain rules remembered on ``b`` about the Keten they judged it against. They keep it per Keten
    object, not per state, so before the same Bericht is judged again against a Keten that changed meanwhile
    (``mockserver.voorrang``: judged off the lock, then again under it), this must be called, or rules that read a
    remembered value (TR339, TR340, TR307 ... through ``debetten``) judge on the old state. What they keep about the
    message alone (its prestaties and paths) stays."""
    for naam in KETEN_WAARDEN:
        b.__dict__.pop(naam, None)


def _partijen(b: Bericht) -> tuple[str, str]:
    afzender, ontvanger = text(b.header, "Afzender"), text(b.header, "Ontvanger")
    model = b.model
    if model["kind"] == "retour" and model.get("retour_on") and not b.number == "325":
        from ketenproef import corpus

        model = corpus.message_model(model["retour_on"])
    return (afzender, ontvanger) if model["sent_by"] == "gemeente" else (ontvanger, afzender)


@dataclass
class Keten:
    config: KetenConfig = field(default_factory=KetenConfig)
    standaard: str | None = None  # set by the first message applied; a Keten never mixes standards
    toewijzingen: Toewijzingen = field(default_factory=Toewijzingen)
    parts: list = field(default_factory=list)
    volgnummer: int = field(default=0, compare=False)  # of the message applied last: its place in the order

    def __post_init__(self) -> None:
        from ketenproef.keten import parts

        self.parts = [self.toewijzingen] + [make() for make in parts.extra_parts()]

    def part(self, kind: type):
        """The ledger part of a type (e.g. ``keten.part(Regie)``)."""
        for p in self.parts:
            if isinstance(p, kind):
                return p
        raise KeyError(kind.__name__)

    def apply(self, b: Bericht, afgekeurd: Collection[str] = (), volgnummer: int | None = None) -> None:
        """Record a judged message; berichtklassen whose readable path is in ``afgekeurd`` are skipped.
        ``volgnummer``: its place in the order of the messages (increasing; by default the next one), which parts
        keep where order matters so that messages can be withdrawn (``intrekken``)."""
        if self.standaard is None:
            self.standaard = b.standard
        elif b.standard != self.standaard:
            raise ValueError(f"this Keten holds {self.standaard}; a {b.name} belongs in the {b.standard} Keten")
        self.volgnummer = self.volgnummer + 1 if volgnummer is None else volgnummer
        for p in self.parts:
            p.apply(b, frozenset(afgekeurd), self)

    def eenheden(self, b: Bericht, afgekeurd: Collection[str] = ()) -> frozenset[tuple] | None:
        """The pieces of chain state applying this message reads or changes, per part (``intrekken``); None when a
        part cannot tell."""
        out: set[tuple] = set()
        afgekeurd = frozenset(afgekeurd)
        for p in self.parts:
            if not hasattr(p, "eenheden"):
                return None
            out |= p.eenheden(b, afgekeurd)
        return frozenset(out)

    def neem_over(self, bron: Keten, eenheden: Collection[tuple]) -> None:
        """These pieces of chain state as ``bron`` has them (``intrekken``)."""
        for p, van in zip(self.parts, bron.parts, strict=True):
            p.neem_over(van, eenheden)

    def verwerk(self, report: Report) -> frozenset[str] | None:
        """Record a judged message as its receiver does (IV032/IV087) and return the rejected class paths that
        were left out, or None when nothing was recorded. Store that value to replay the chain later with
        ``apply(bericht, afgekeurd)``."""
        afgekeurd = afgekeurde_paden(report)
        if afgekeurd is not None:
            self.apply(report.bericht, afgekeurd)
        return afgekeurd


def afgekeurde_paden(report: Report) -> frozenset[str] | None:
    """None when the receiver records nothing of the message: unreadable, rejected on level 1 or 2, or rejected
    on level 3/4 (IV032: the whole message). For a 323 (IV087) the rejected Client and Prestatie paths; a
    rejected Header or Declaratie rejects it whole."""
    b = report.bericht
    if b is None or report.technically_rejected:
        return None
    from ketenproef.retour import klasse_van

    classes = {klasse_van(b, f.element) for f in report.findings if f.rejecting and f.element is not None}
    classes.discard(None)
    if not classes:
        return frozenset()
    if b.number != "323" or b.header in classes or b.root[1] in classes:
        return None
    return frozenset(_paden_323(b, classes))


def _paden_323(b: Bericht, classes: set) -> list[str]:
    """The readable paths of rejected Clients and Prestaties of a 323 and the Prestaties within a rejected Client,
    from the paths the declaratie ledger works out in one pass (``declaraties.paden``; ``path_of`` per element
    costs about 20 us, for a 323 that rejects 21,000 prestaties 0.4 s)."""
    from ketenproef.keten.declaraties import paden, prestaties

    binnen: dict = {}  # a Client or Prestatie element -> the paths of it and the classes within it
    for item, (client_pad, pad) in zip(prestaties(b), paden(b), strict=True):
        binnen[item.el] = (pad,)
        binnen.setdefault(item.client, [client_pad]).append(pad)
    names = set(b.klassen)
    out = []
    for klasse in classes:
        found = binnen.get(klasse)
        if found is None:
            out += [b.path_of(el) for el in klasse.iter()
                    if isinstance(el.tag, str) and el.tag.rpartition("}")[2] in names]
        else:
            out += found
    return out


@dataclass
class Ketens:
    """One Keten per standard, sharing one configuration."""

    config: KetenConfig = field(default_factory=KetenConfig)
    per_standaard: dict[str, Keten] = field(default_factory=dict)

    def voor(self, standaard: str) -> Keten:
        if standaard not in self.per_standaard:
            self.per_standaard[standaard] = Keten(config=self.config, standaard=standaard)
        return self.per_standaard[standaard]

    def apply(self, b: Bericht, afgekeurd: Collection[str] = (), volgnummer: int | None = None) -> None:
        self.voor(b.standard).apply(b, afgekeurd, volgnummer)

    def verwerk(self, report: Report) -> frozenset[str] | None:
        if report.bericht is None:
            return None
        return self.voor(report.bericht.standard).verwerk(report)


__all__ = ["Keten", "KetenConfig", "Ketens", "Toewijzing", "Toewijzingen", "afgekeurde_paden", "partijen"]
