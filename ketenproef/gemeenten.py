"""CBS gemeentecodes with their validity (TR378): which code was in the CBS gemeentelijke indeling on a date.

The data is ``corpus/codelijsten/cbs_gemeenten_historie.csv`` (our own restatement, source in the README of that
folder): every gemeente that existed on or after 2014-01-01, with ``geldig_van`` (empty: already on 2014-01-01,
the start of the data) and ``geldig_tot`` (last day, inclusive; empty: still valid). Loaded once; a lookup is a
dict access.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from typing import NamedTuple

from ketenproef import corpus

BEGIN_GEGEVENS = dt.date(2014, 1, 1)  # the data holds every gemeente that existed on or after this day
BESTAND = "cbs_gemeenten_historie.csv"


class Gemeente(NamedTuple):
    code: str
    naam: str
    geldig_van: dt.date | None  # None: already valid on BEGIN_GEGEVENS
    geldig_tot: dt.date | None  # None: still valid
    opgegaan_in: tuple[str, ...]

    def geldig_op(self, datum: dt.date) -> bool:
        return (self.geldig_van is None or self.geldig_van <= datum) and (
            self.geldig_tot is None or datum <= self.geldig_tot)


def _datum(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@cache
def gemeenten() -> dict[str, Gemeente]:
    with (corpus.corpus_dir() / "codelijsten" / BESTAND).open(encoding="utf-8", newline="") as f:
        return {r["code"]: Gemeente(r["code"], r["naam"], _datum(r["geldig_van"]), _datum(r["geldig_tot"]),
                                    tuple(c for c in r["opgegaan_in"].split(";") if c))
                for r in csv.DictReader(f)}


def geldig_op(code: str, datum: dt.date) -> bool:
    """The code is in the CBS gemeentelijke indeling that is actual on ``datum``."""
    g = gemeenten().get(code)
    return g is not None and g.geldig_op(datum)


def bestond_voor(code: str, datum: dt.date) -> bool:
    """The code was in the CBS indeling on some day up to and including ``datum`` (since BEGIN_GEGEVENS)."""
    g = gemeenten().get(code)
    return g is not None and (g.geldig_van is None or g.geldig_van <= datum)


def indeling_op(datum: dt.date) -> frozenset[str]:
    """All codes of the CBS indeling actual on ``datum`` (for counts and tests; not on the hot path)."""
    return frozenset(c for c, g in gemeenten().items() if g.geldig_op(datum))
