"""Typed shapes of the plain dicts used for a 323 Prestatie and of a toegewezen product.

The dict keys are the element names of the 323 Prestatie (``WMO323``/``JW323``); amounts are euro
cents, dates are ``datetime.date``.
"""

from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from .codes import (
    EENHEDEN,
    FREQUENTIE_PER_WEEK,
    FREQUENTIES,
    INSPANNINGSGERICHT,
    OUTPUTGERICHT,
    Uitvoeringsvariant,
)
from .perioden import Periode


class ProductReferentie(TypedDict):
    ReferentieNummer: str
    VorigReferentieNummer: str | None


class GeslotenPeriode(TypedDict):
    Begindatum: date
    Einddatum: date


class BedragMetDC(TypedDict):
    Bedrag: int
    DebetCredit: str


class Prestatie(TypedDict):
    """One Prestatie of a 323 declaratie."""

    ProductReferentie: ProductReferentie
    ToewijzingNummer: str
    ProductCategorie: str
    ProductCode: str
    ProductPeriode: GeslotenPeriode
    GeleverdVolume: int
    Eenheid: str
    ProductTarief: int | None
    IngediendBedrag: BedragMetDC


@dataclass(frozen=True)
class Toewijzing:
    """The parts of a ToegewezenProduct (301) that the volume rules need.

    ``volume``/``eenheid``/``frequentie`` form the Omvang (IV042). ``uitvoeringsvariant`` is not a
    message element: it follows from the contract (inspanningsgericht or outputgericht, OP263/OP264).
    """

    ingangsdatum: date
    einddatum: date | None
    volume: int
    eenheid: str
    frequentie: str
    productcategorie: str | None = None
    uitvoeringsvariant: Uitvoeringsvariant = INSPANNINGSGERICHT

    def __post_init__(self) -> None:
        if self.einddatum is not None and self.einddatum < self.ingangsdatum:
            raise ValueError(f"Einddatum {self.einddatum} lies before Ingangsdatum {self.ingangsdatum}")
        if self.volume < 0:
            raise ValueError(f"Volume must not be negative, got {self.volume}")
        if self.eenheid not in EENHEDEN:
            raise ValueError(f"unknown Eenheid {self.eenheid!r} (codelist WJ756)")
        if self.frequentie not in FREQUENTIES:
            raise ValueError(f"unknown Frequentie {self.frequentie!r} (codelist WMO757)")
        if self.uitvoeringsvariant not in (INSPANNINGSGERICHT, OUTPUTGERICHT):
            raise ValueError(f"unknown uitvoeringsvariant {self.uitvoeringsvariant!r}")

    @property
    def periode(self) -> Periode | None:
        """The toewijzing period, or ``None`` when the toewijzing is open-ended."""
        return None if self.einddatum is None else Periode(self.ingangsdatum, self.einddatum)

    @property
    def is_per_week(self) -> bool:
        return self.frequentie == FREQUENTIE_PER_WEEK

    @property
    def is_outputgericht(self) -> bool:
        return self.uitvoeringsvariant == OUTPUTGERICHT
