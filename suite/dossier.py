"""What one conversation (one client BSN) looks like from the ketenpartner's exchange log: the messages as plain
data, and the chain state (the core's Keten) folded from the messages that were applied."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ketenproef import corpus, factory
from ketenproef.bericht import Bericht
from ketenproef.keten import Keten
from ketenproef.parse import parse_bytes


@dataclass
class Regel:
    """One entry of the exchange log with its XML and (when it could be read) its plain data."""

    entry: dict
    xml: bytes | None
    data: dict | None = field(default=None, repr=False)

    @property
    def id(self) -> int:
        return self.entry["id"]

    @property
    def naam(self) -> str | None:
        return self.entry.get("message")

    @property
    def nummer(self) -> str:
        return (self.naam or "")[-3:]

    @property
    def van_systeem(self) -> bool:
        return self.entry.get("richting") == "in"

    @property
    def heen(self) -> bool:
        return self.entry.get("soort") == "heen"


class Dossier:
    def __init__(self, log: list[dict], xml_van: Callable[[int], bytes | None]) -> None:
        self.regels = [_lees(entry, xml_van) for entry in log]

    def berichten(self, *nummers: str, heen: bool | None = None, van_systeem: bool | None = None) -> list[Regel]:
        return [r for r in self.regels if (not nummers or r.nummer in nummers) and (heen is None or r.heen == heen)
                and (van_systeem is None or r.van_systeem == van_systeem)]

    def laatste(self, *nummers: str, **kw) -> Regel | None:
        found = self.berichten(*nummers, **kw)
        return found[-1] if found else None

    def retour_op(self, heen: Regel) -> list[Regel]:
        return [r for r in self.regels if r.entry.get("heen_id") == heen.id and not r.heen]

    @cached_property
    def keten(self) -> Keten:
        keten = Keten()
        for r in self.regels:
            if r.entry.get("toegepast") and r.xml is not None and r.naam:
                root = parse_bytes(r.xml, max(len(r.xml), 1)).root
                keten.apply(Bericht(r.naam, root), r.entry.get("afgekeurd") or ())
        return keten

    def toegewezen(self) -> dict[int, dict]:
        """The latest version (Toewijzingsdatum + tijd) of every ToegewezenProduct in the 301s, by nummer."""
        out: dict[int, dict] = {}
        for r in self.berichten("301", heen=True):
            if r.entry.get("status") == "geweigerd" or r.data is None:
                continue
            for p in r.data["Client"].get("ToegewezenProducten", []):
                nummer = int(p["ToewijzingNummer"])
                if nummer not in out or _volgorde(p) >= _volgorde(out[nummer]):
                    out[nummer] = p
        return out

    def starts(self) -> list[dict]:
        """StartProducten (StatusAanlevering 1) the receiver accepted, oldest first."""
        return self._leveringen("305", "StartProducten")

    def stops(self) -> list[dict]:
        return self._leveringen("307", "StopProducten")

    def _leveringen(self, nummer: str, container: str) -> list[dict]:
        out = []
        for r in self.berichten(nummer, heen=True):
            if r.entry.get("status") != "geaccepteerd" and r.van_systeem or r.data is None:
                continue
            out.extend(p for p in r.data["Client"][container] if p.get("StatusAanlevering") == "1")
        return out


def _volgorde(p: dict) -> tuple[str, str]:
    return str(p.get("Toewijzingsdatum")), str(p.get("Toewijzingstijd"))


def _lees(entry: dict, xml_van: Callable[[int], bytes | None]) -> Regel:
    xml = xml_van(entry["id"]) if entry.get("grootte") else None
    data = None
    if xml is not None and entry.get("message") in corpus.message_names():
        root = parse_bytes(xml, max(len(xml), 1)).root
        if root is not None:
            try:
                data = factory.to_data(root, entry["message"])
            except (factory.FactoryError, KeyError, ValueError):
                data = None
    return Regel(entry, xml, data)
