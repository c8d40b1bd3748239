"""Counting weeks and attributing deliveries to a ProductPeriode with Frequentie per week (IV076, IV077).

Weeks are ISO calendar weeks, Monday to Sunday (the "weeknummers" of IV077). A broken week (only a
part of it within the period) counts as a whole week.
"""

from datetime import date, timedelta

from .perioden import Periode, productperiode_van_dag
from .prestatie import Toewijzing

ZONDAG = 6  # date.weekday() of a Sunday


def maandag_van_week(dag: date) -> date:
    """The Monday of the ISO week that contains ``dag``."""
    return dag - timedelta(days=dag.weekday())


def zondag_van_week(dag: date) -> date:
    """The Sunday of the ISO week that contains ``dag`` (IV076 outputgericht)."""
    return dag + timedelta(days=ZONDAG - dag.weekday())


def kalenderweken(periode: Periode) -> int:
    """Number of calendar weeks (distinct ISO week numbers) that the period touches, broken weeks included.

    IV077 inspanningsgericht: a whole calendar month touches 4, 5 or 6 weeks.
    """
    return (periode.einddatum - maandag_van_week(periode.begindatum)).days // 7 + 1


def zondagen(periode: Periode) -> int:
    """Number of Sundays within the period (IV077 outputgericht)."""
    eerste = zondag_van_week(periode.begindatum)
    if eerste > periode.einddatum:
        return 0
    return (periode.einddatum - eerste).days // 7 + 1


def laatste_zondag(periode: Periode) -> date | None:
    """The last Sunday within the period, or ``None`` when it contains none (IV076 last broken week)."""
    zondag = periode.einddatum - timedelta(days=(periode.einddatum.weekday() - ZONDAG) % 7)
    return zondag if zondag >= periode.begindatum else None


def anker_laatste_gebroken_week(toewijzing: Toewijzing) -> date | None:
    """The day whose ProductPeriode gets the last broken week of an outputgericht toewijzing (IV076, IV077).

    ``None`` when there is no broken last week: the toewijzing is open-ended or ends on a Sunday.
    Otherwise the last Sunday of the toewijzing (IV076; seed slide "Laatste zondag toewijzing bepaalt
    de productperiode"). When the toewijzing contains no Sunday at all, the sources give no rule; the
    toewijzing Einddatum is used then (the wording of the IV077 slide: "als einddatum toewijzing in
    productperiode valt").
    """
    periode = toewijzing.periode
    if periode is None or periode.einddatum.weekday() == ZONDAG:
        return None
    zondag = laatste_zondag(periode)
    return periode.einddatum if zondag is None else zondag


def productperiode_van_levering(leverdatum: date, toewijzing: Toewijzing) -> Periode:
    """The ProductPeriode in which a delivery must be declared (IV076).

    * inspanningsgericht (and any Frequentie other than per week): the ProductPeriode that contains
      the delivery date;
    * outputgericht with Frequentie 2 (per week): the ProductPeriode that contains the Sunday of the
      delivery's week; for the last broken week of a toewijzing that does not end on a Sunday, the
      ProductPeriode of the last Sunday of the toewijzing.
    """
    ingang, eind = toewijzing.ingangsdatum, toewijzing.einddatum
    if leverdatum < ingang or (eind is not None and leverdatum > eind):
        raise ValueError(f"delivery {leverdatum} lies outside the toewijzing {ingang} - {eind}")
    if not (toewijzing.is_outputgericht and toewijzing.is_per_week):
        return productperiode_van_dag(leverdatum, ingang, eind)
    zondag = zondag_van_week(leverdatum)
    if eind is not None and zondag > eind:
        anker = anker_laatste_gebroken_week(toewijzing)
        zondag = eind if anker is None else anker
    return productperiode_van_dag(zondag, ingang, eind)
