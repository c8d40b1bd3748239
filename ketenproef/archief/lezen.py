"""An archive read: records in chain order and the report of what was not read.

The order (docs/KETENAUDIT.md, "Een archief lezen"): with an index, its tijd (ties: the index's row order);
without one, Dagtekening, then a retour after the heenbericht it answers, then Identificatie.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ketenproef.archief.bronnen import INDEX_NAMEN, Bron, open_bron
from ketenproef.archief.index import Regel, lees_index
from ketenproef.archief.record import HEEN, RETOUR, Melding, Record, lees_record
from ketenproef.parse import MAX_BYTES

_HEEN_VAN = {"302": "301", "306": "305", "308": "307", "316": "315", "318": "317", "320": "319", "325": "323"}
_INDEX_RICHTING = {"heen": HEEN, "retour": RETOUR}


@dataclass
class Archief:
    """``records`` in chain order, ``meldingen`` in the order they were found, ``bron`` to read a member again."""

    bron: Bron | None
    records: list[Record] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)
    met_index: bool = False


def lees_archief(pad: Path | str, index: Path | str | None = None, cap: int = MAX_BYTES) -> Archief:
    """Read every member once; never raises for a bad archive, member or index (each is a Melding)."""
    bron = open_bron(pad, cap)
    if isinstance(bron, Melding):
        return Archief(None, meldingen=[bron])
    archief = Archief(bron)
    index_data = _lees_leden(bron, archief)
    if index is not None:
        index_data = _lees_indexbestand(Path(index), cap, archief)
    regels = _index(index_data, archief)
    orden(archief, regels)
    return archief


def _lees_leden(bron: Bron, archief: Archief) -> tuple[str, bytes] | None:
    """Records and meldingen of every member; an index.csv/index.jsonl at the top is kept aside, not a message."""
    index_data = None
    for lid in bron.leden():
        if isinstance(lid, Melding):
            archief.meldingen.append(lid)
        elif lid.naam.lower() in INDEX_NAMEN and index_data is None:
            index_data = (lid.naam, lid.data)
        else:
            _voeg_toe(archief, lees_record(lid.naam, lid.data, len(archief.records)))
    return index_data


def _voeg_toe(archief: Archief, found: Record | Melding) -> None:
    (archief.records if isinstance(found, Record) else archief.meldingen).append(found)


def _lees_indexbestand(pad: Path, cap: int, archief: Archief) -> tuple[str, bytes] | None:
    try:
        if pad.stat().st_size > cap:
            archief.meldingen.append(Melding(pad.name, f"De index is groter dan {cap:,} bytes; niet gebruikt."))
            return None
        return pad.name, pad.read_bytes()
    except OSError as exc:
        archief.meldingen.append(Melding(str(pad), f"De index is niet te lezen ({exc.strerror or exc})."))
        return None


def _index(index_data: tuple[str, bytes] | None, archief: Archief) -> dict[str, Regel] | None:
    if index_data is None:
        return None
    regels, meldingen = lees_index(*index_data)
    archief.meldingen.extend(meldingen)
    archief.met_index = True
    return regels


def orden(archief: Archief, regels: dict[str, Regel] | None) -> None:
    """Link every retour to its heenbericht (it inherits the heen's Bsn when it names none), then sort."""
    heen_van = _koppel(archief.records)
    for r in archief.records:
        if r.dagtekening is None:
            archief.meldingen.append(Melding(r.bestand, f"{r.bericht} zonder geldige Dagtekening; zonder index "
                                                        "achteraan geplaatst."))
    if regels is None:
        archief.records.sort(key=lambda r: _sleutel(r, heen_van))
        return
    _pas_index_toe(archief, regels)
    archief.records.sort(key=lambda r: _index_sleutel(r, heen_van, regels))


def _partijen(r: Record) -> frozenset:
    return frozenset((r.afzender, r.ontvanger))


def _koppel(records: list[Record]) -> dict[int, Record]:
    """Per retour (by volgnummer) the heenbericht it answers: same standard, party pair, heen message,
    Identificatie and Dagtekening. The first heenbericht with that key counts (a duplicate is judged later)."""
    heenberichten: dict[tuple, Record] = {}
    for r in records:
        if r.richting == HEEN:
            heenberichten.setdefault((r.bericht, _partijen(r), r.identificatie, r.dagtekening), r)
    gekoppeld: dict[int, Record] = {}
    for r in records:
        if r.richting == RETOUR:
            heen_bericht = r.bericht[:-3] + _HEEN_VAN[r.bericht[-3:]]
            heen = heenberichten.get((heen_bericht, _partijen(r), r.heen_identificatie, r.heen_dagtekening))
            if heen is not None:
                gekoppeld[r.volgnummer] = heen
                if not r.bsns:
                    r.bsns = heen.bsns
    return gekoppeld


def _dag(d: dt.date | None) -> dt.date:
    return d if d is not None else dt.date.max  # a message without a readable Dagtekening goes last


def _sleutel(r: Record, heen_van: dict[int, Record]) -> tuple:
    """Without an index: (day, Identificatie of the heenbericht, heen before retour, Identificatie, position).
    A retour sorts under the Identificatie of the heenbericht it answers, so on the heen's day it follows it
    directly; it is never placed before its heen, even when its own Dagtekening is earlier."""
    if r.richting == HEEN:
        return _dag(r.dagtekening), r.identificatie or "", 0, "", r.volgnummer
    heen = heen_van.get(r.volgnummer)
    dag = _dag(r.dagtekening)
    if heen is not None:
        dag = max(dag, _dag(heen.dagtekening))
    return dag, r.heen_identificatie or "", 1, r.identificatie or "", r.volgnummer


def _pas_index_toe(archief: Archief, regels: dict[str, Regel]) -> None:
    """Give each record its index time; report index rows without a message and messages without a row."""
    namen = set()
    for r in archief.records:
        namen.add(r.bestand)
        regel = regels.get(r.bestand)
        if regel is None:
            archief.meldingen.append(Melding(r.bestand, "Staat niet in de index; geordend na alle berichten uit de "
                                                        "index, op Dagtekening."))
            continue
        r.tijd, r.verkeer = regel.tijd, regel.richting
        if _INDEX_RICHTING.get(regel.richting or "", r.richting) != r.richting:
            archief.meldingen.append(Melding(r.bestand, f"De index noemt het {regel.richting}, maar het is een "
                                                        f"{r.richting}bericht ({r.bericht}); het bericht telt."))
    gemeld = {m.bestand for m in archief.meldingen}
    for bestand, regel in regels.items():
        if bestand not in namen:
            reden = "is niet gelezen (zie de melding daarvan)" if bestand in gemeld else "staat niet in het archief"
            archief.meldingen.append(Melding(f"index:{regel.rij}", f"{bestand} {reden}."))


def _index_sleutel(r: Record, heen_van: dict[int, Record], regels: dict[str, Regel]) -> tuple:
    """With an index: its time, then its row; a record without a (valid) row after all others, in the order
    without an index. A retour is not moved before its heen: the index is the evidence of the real order."""
    if r.tijd is None:
        return (1, dt.datetime.max, 0, _sleutel(r, heen_van))
    return (0, r.tijd, regels[r.bestand].rij, ())
