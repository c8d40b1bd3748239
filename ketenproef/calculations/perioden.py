"""DeclaratiePeriode and ProductPeriode (IV089, IV090, CS337, CS340, TR307, TR308, TR387, TR388)."""

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, order=True)
class Periode:
    """A closed period (``CDT_GeslotenPeriode``): Begindatum up to and including Einddatum."""

    begindatum: date
    einddatum: date

    def __post_init__(self) -> None:
        if self.einddatum < self.begindatum:
            raise ValueError(f"Einddatum {self.einddatum} lies before Begindatum {self.begindatum}")

    def __contains__(self, dag: object) -> bool:
        return isinstance(dag, date) and self.begindatum <= dag <= self.einddatum

    @property
    def aantal_dagen(self) -> int:
        """Number of calendar days, both ends included."""
        return (self.einddatum - self.begindatum).days + 1

    def dagen(self) -> Iterator[date]:
        """All days of the period in order."""
        for i in range(self.aantal_dagen):
            yield self.begindatum + timedelta(days=i)


def eerste_dag_van_maand(dag: date) -> date:
    return dag.replace(day=1)


def laatste_dag_van_maand(dag: date) -> date:
    return dag.replace(day=calendar.monthrange(dag.year, dag.month)[1])


def declaratieperiode(maand: date) -> Periode:
    """The DeclaratiePeriode (always one whole calendar month, CS340) of the month that contains ``maand``."""
    return Periode(eerste_dag_van_maand(maand), laatste_dag_van_maand(maand))


def is_declaratieperiode(periode: Periode) -> bool:
    """Whether the period is exactly one whole calendar month (CS340)."""
    return periode == declaratieperiode(periode.begindatum)


def ligt_in_een_kalendermaand(periode: Periode) -> bool:
    """Whether Begindatum and Einddatum lie in the same calendar month and year (CS337, IV089)."""
    return (periode.begindatum.year, periode.begindatum.month) == (
        periode.einddatum.year,
        periode.einddatum.month,
    )


def doorsnede(periode: Periode, ingangsdatum: date, einddatum: date | None) -> Periode | None:
    """The part of ``periode`` that lies within the toewijzing (``None`` when they do not overlap)."""
    begin = max(periode.begindatum, ingangsdatum)
    eind = periode.einddatum if einddatum is None else min(periode.einddatum, einddatum)
    return Periode(begin, eind) if begin <= eind else None


def overlappen(begin_a: date, eind_a: date | None, begin_b: date, eind_b: date | None) -> bool:
    """Whether two periods overlap, as the official validation decides it for TR302, TR386 and TR410 (and Ketenproef
    for TR361, OP307): only when neither ends before the other begins. Both ends count (a period ending on the day
    the other begins overlaps it); an empty Einddatum is an open end. A period whose Einddatum lies before its own
    Begindatum (CS003's concern) is compared as given: it overlaps another only when it ends on or after the other's
    Begindatum, and that other ends on or after its Begindatum."""
    return (eind_a is None or eind_a >= begin_b) and (eind_b is None or eind_b >= begin_a)


def productperioden(ingangsdatum: date, einddatum: date | None, tot: date | None = None) -> list[Periode]:
    """Split a toewijzing into its ProductPerioden, one per calendar month (IV089).

    Begindatum = first day of the month, or the toewijzing Ingangsdatum when that lies later in the
    month; Einddatum = last day of the month, or the toewijzing Einddatum when that lies earlier:
    toewijzing 8 Apr - 17 Jun gives 8-30 Apr, 1-31 May, 1-17 Jun.

    ``tot`` (any day of a month) limits the result to the ProductPerioden up to and including that
    month; it is required for an open-ended toewijzing (``einddatum is None``). The last period is not
    cut at ``tot`` itself: a ProductPeriode always runs to the end of its month unless the toewijzing
    ends earlier (TR388).
    """
    if einddatum is not None and einddatum < ingangsdatum:
        raise ValueError(f"toewijzing Einddatum {einddatum} lies before Ingangsdatum {ingangsdatum}")
    if einddatum is None and tot is None:
        raise ValueError("an open-ended toewijzing needs 'tot' to know where to stop")
    grens = einddatum if tot is None else laatste_dag_van_maand(tot)
    if einddatum is not None:
        grens = min(grens, einddatum)
    perioden: list[Periode] = []
    begin = ingangsdatum
    while begin <= grens:
        eind = min(laatste_dag_van_maand(begin), grens)
        perioden.append(Periode(begin, eind))
        begin = eind + timedelta(days=1)
    return perioden


def productperiode_van_dag(dag: date, ingangsdatum: date, einddatum: date | None) -> Periode:
    """The ProductPeriode of the toewijzing that contains ``dag`` (IV089, IV076 inspanningsgericht)."""
    if dag < ingangsdatum or (einddatum is not None and dag > einddatum):
        raise ValueError(f"{dag} lies outside the toewijzing {ingangsdatum} - {einddatum}")
    begin = max(eerste_dag_van_maand(dag), ingangsdatum)
    eind = laatste_dag_van_maand(dag) if einddatum is None else min(laatste_dag_van_maand(dag), einddatum)
    return Periode(begin, eind)


def ligt_binnen_toewijzing(periode: Periode, ingangsdatum: date, einddatum: date | None) -> bool:
    """Whether the ProductPeriode lies within the toewijzing period (TR307, TR308)."""
    return periode.begindatum >= ingangsdatum and (einddatum is None or periode.einddatum <= einddatum)


def controleer_productperiode(periode: Periode, ingangsdatum: date, einddatum: date | None) -> list[str]:
    """Rule ids that a Prestatie/ProductPeriode violates against its toewijzing; empty when correct.

    Checks CS337 (one calendar month), TR307 (Begindatum >= Ingangsdatum), TR308 (Einddatum <=
    toewijzing Einddatum), TR387 (Begindatum = first of the month or the later Ingangsdatum) and
    TR388 (Einddatum = last of the month or the earlier toewijzing Einddatum), together IV089.
    """
    fouten: list[str] = []
    if not ligt_in_een_kalendermaand(periode):
        fouten.append("CS337")
    if periode.begindatum < ingangsdatum:
        fouten.append("TR307")
    if einddatum is not None and periode.einddatum > einddatum:
        fouten.append("TR308")
    verwacht_begin = max(eerste_dag_van_maand(periode.begindatum), ingangsdatum)
    if periode.begindatum != verwacht_begin:
        fouten.append("TR387")
    verwacht_eind = laatste_dag_van_maand(periode.einddatum)
    if einddatum is not None:
        verwacht_eind = min(verwacht_eind, einddatum)
    if periode.einddatum != verwacht_eind:
        fouten.append("TR388")
    return fouten


def declaratieperiode_toegestaan(nieuwe: Periode, laatst_ingediende: Periode | None) -> bool:
    """Whether a new DeclaratiePeriode may be used given the last one submitted (IV090).

    It must be a whole calendar month (CS340) and may not lie before the last submitted
    DeclaratiePeriode; a second declaratie over that same (last) DeclaratiePeriode is allowed.
    """
    if not is_declaratieperiode(nieuwe):
        return False
    return laatst_ingediende is None or nieuwe.begindatum >= laatst_ingediende.begindatum


def productperiode_past_in_declaratieperiode(productperiode: Periode, declaratie: Periode) -> bool:
    """Whether a ProductPeriode may be declared in a DeclaratiePeriode (IV089, IV090).

    Declared directly in its own month or later (late declaring): the ProductPeriode may lie in the
    past, never after the DeclaratiePeriode.
    """
    return productperiode.einddatum <= declaratie.einddatum
