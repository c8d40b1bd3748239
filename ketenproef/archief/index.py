"""The optional index: per file its richting and its time (sent or received), as CSV or JSON lines.

CSV has a header row with at least ``bestand`` and ``tijd`` (``richting`` optional); JSON lines hold one object per
line with the same keys. ``tijd`` is ISO 8601: a date (taken as 00:00) or a date and time; a time with an offset
is converted to Dutch time (the receipt day is a Dutch day), one without is taken as Dutch time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ketenproef.archief.bronnen import naam_in_archief
from ketenproef.archief.record import Melding

RICHTINGEN = frozenset({"heen", "retour", "verzonden", "ontvangen"})
_NL = ZoneInfo("Europe/Amsterdam")


@dataclass(slots=True)
class Regel:
    rij: int
    tijd: dt.datetime
    richting: str | None


def tijd(text: str) -> dt.datetime | None:
    """An ISO 8601 date or datetime as a naive Dutch local time, or None."""
    text = (text or "").strip()
    try:
        found = dt.datetime.fromisoformat(text)
        if found.tzinfo is not None:
            found = found.astimezone(_NL).replace(tzinfo=None)
    except (ValueError, OverflowError):  # not ISO 8601, or a zone that pushes it past year 1 or 9999
        return None
    return found


def _rijen(naam: str, data: bytes) -> tuple[list[dict], list[Melding]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Melding(naam, "De index is geen UTF-8; hij is niet gebruikt.")]
    if naam.lower().endswith(".jsonl") or text.lstrip().startswith("{"):
        return _json_rijen(naam, text)
    try:
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as exc:  # e.g. a field over the csv module's size limit
        return [], [Melding(naam, f"De index is geen leesbare CSV ({exc}); hij is niet gebruikt.")]
    return [{str(k).strip().lower(): v for k, v in row.items() if k is not None} for row in rows], []


def _json_rijen(naam: str, text: str) -> tuple[list[dict], list[Melding]]:
    rows, meldingen = [], []
    for nummer, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if not isinstance(row, dict):
            meldingen.append(Melding(f"{naam}:{nummer}", "Geen JSON-object op deze regel; overgeslagen."))
            row = {}
        rows.append({str(k).lower(): v for k, v in row.items()})
    return rows, meldingen


def lees_index(naam: str, data: bytes) -> tuple[dict[str, Regel], list[Melding]]:
    """Per file its index row; rows without a file or with a bad time, unknown richting or a second row for the same
    file are reported (the first row of a file counts)."""
    rows, meldingen = _rijen(naam, data)
    regels: dict[str, Regel] = {}
    for nummer, row in enumerate(rows, 1):
        plek = f"{naam}:{nummer}"
        bestand, moment = naam_in_archief(str(row.get("bestand") or "").strip()), tijd(str(row.get("tijd") or ""))
        richting = str(row.get("richting") or "").strip().lower() or None
        if not row:
            continue
        if not bestand:
            meldingen.append(Melding(plek, "Indexregel zonder bestand; overgeslagen."))
        elif moment is None:
            meldingen.append(Melding(plek, f"Indexregel voor {bestand} zonder geldige tijd (ISO 8601) "
                                           f"'{row.get('tijd')}'; het bestand wordt geordend als zonder index."))
        elif richting is not None and richting not in RICHTINGEN:
            meldingen.append(Melding(plek, f"Onbekende richting '{richting}' voor {bestand}; verwacht heen, retour, "
                                           "verzonden of ontvangen. De tijd telt wel."))
            regels.setdefault(bestand, Regel(nummer, moment, None))
        elif bestand in regels:
            meldingen.append(Melding(plek, f"{bestand} staat al eerder in de index; deze regel telt niet."))
        else:
            regels[bestand] = Regel(nummer, moment, richting)
    return regels, meldingen
