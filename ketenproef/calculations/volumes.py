"""Maximum declarable volumes (IV076, IV077, IV078) and the volume checks TR321, TR322, TR341, TR369.

Maxima are expressed in the Eenheid of the toewijzing. When the toewijzing is in hours (04) and a
Prestatie is in minutes (01), the comparison is done in minutes (x 60, exact).
"""

from collections.abc import Iterable

from .afronding import omrekenen_volume
from .codes import (
    CREDIT,
    DEBET,
    EENHEID_MINUUT,
    EENHEID_UUR,
    FREQUENTIE_PER_DAG,
    FREQUENTIE_PER_MAAND,
    FREQUENTIE_PER_WEEK,
    FREQUENTIE_TOTAAL,
    PRODUCTCATEGORIE_HULP_BIJ_HET_HUISHOUDEN,
)
from .perioden import Periode
from .prestatie import Prestatie, Toewijzing
from .weken import ZONDAG, anker_laatste_gebroken_week, kalenderweken, zondagen

WEKEN_HULP_BIJ_HET_HUISHOUDEN = 6
"""IV077 (iWmo, ProductCategorie 01): fixed number of weeks per ProductPeriode "in verband met
2-wekelijkse zorglevering" (seed 001, lines 2441-2445)."""


def kalendermaanden(periode: Periode) -> int:
    """Number of calendar months that the period touches (a broken month counts whole, IV078)."""
    return (
        (periode.einddatum.year - periode.begindatum.year) * 12
        + (periode.einddatum.month - periode.begindatum.month)
        + 1
    )


def weken_productperiode(toewijzing: Toewijzing, productperiode: Periode) -> int:
    """Number of weeks that may be declared in a ProductPeriode with Frequentie 2 (per week) (IV077).

    * inspanningsgericht, ProductCategorie 01 (Hulp bij het huishouden, iWmo): always 6 weeks;
    * inspanningsgericht, other categories: the calendar weeks (ISO week numbers, broken weeks
      included) of the ProductPeriode;
    * outputgericht: the Sundays of the ProductPeriode, + 1 when the toewijzing Einddatum is not a
      Sunday and this ProductPeriode holds the toewijzing's last Sunday (the period to which IV076
      attributes the last broken week).

    Counted over the ProductPeriode as declared (TR321: "the Eenheid and length of the ProductPeriode"). A
    correct ProductPeriode lies within the toewijzing (IV089); one that does not is TR307/TR308's error, and
    TR321 does not add a second one by counting only the part within the toewijzing.
    """
    if not toewijzing.is_outputgericht:
        if toewijzing.productcategorie == PRODUCTCATEGORIE_HULP_BIJ_HET_HUISHOUDEN:
            return WEKEN_HULP_BIJ_HET_HUISHOUDEN
        return kalenderweken(productperiode)
    anker = anker_laatste_gebroken_week(toewijzing)
    extra = 1 if anker is not None and anker in productperiode else 0
    return zondagen(productperiode) + extra


def weken_toewijzing(toewijzing: Toewijzing) -> int:
    """Number of weeks over the whole toewijzing with Frequentie 2 (per week) (IV077, TR322).

    inspanningsgericht (all categories, Hulp bij het huishouden too): the calendar weeks of the
    toewijzing period, broken weeks included. outputgericht: the Sundays of the toewijzing + 1 for a
    broken last week (Einddatum not a Sunday), which equals the number of calendar weeks and the sum of
    ``weken_productperiode`` over all ProductPerioden. Frequentie 2 requires an Einddatum (CD075/CD076).
    """
    periode = toewijzing.periode
    if periode is None:
        raise ValueError("a toewijzing with Frequentie per week must have an Einddatum (CD075/CD076)")
    if toewijzing.is_outputgericht:
        return zondagen(periode) + (0 if periode.einddatum.weekday() == ZONDAG else 1)
    return kalenderweken(periode)


def max_volume_productperiode(toewijzing: Toewijzing, productperiode: Periode) -> int:
    """Maximum GeleverdVolume of one Prestatie in the ProductPeriode, in the toewijzing Eenheid (TR321).

    Per Frequentie (WMO757), measured over the ProductPeriode (TR321: "taking into account Eenheid and Frequentie
    of the toewijzing and the Eenheid and length of the ProductPeriode"; see ``weken_productperiode``):

    * 1 per dag: days x Volume;
    * 2 per week: ``weken_productperiode`` x Volume (IV077);
    * 4 per maand: Volume per calendar month; a broken month still allows the full monthly Volume (IV078);
    * 6 totaal binnen geldigheidsduur toewijzing: Volume (the whole toewijzing could be delivered in
      one period).
    """
    if toewijzing.frequentie == FREQUENTIE_PER_DAG:
        return productperiode.aantal_dagen * toewijzing.volume
    if toewijzing.frequentie == FREQUENTIE_PER_WEEK:
        return weken_productperiode(toewijzing, productperiode) * toewijzing.volume
    if toewijzing.frequentie == FREQUENTIE_PER_MAAND:
        return kalendermaanden(productperiode) * toewijzing.volume
    return toewijzing.volume  # FREQUENTIE_TOTAAL


def max_volume_toewijzing(toewijzing: Toewijzing) -> int | None:
    """Maximum sum of GeleverdVolume over the whole toewijzing, in the toewijzing Eenheid (IV077, TR322).

    1 per dag: days x Volume; 2 per week: ``weken_toewijzing`` x Volume; 4 per maand: calendar months
    (broken ones whole, IV078) x Volume; 6 totaal: Volume. ``None`` (no maximum) for an open-ended
    toewijzing with Frequentie 1 or 4.
    """
    if toewijzing.frequentie == FREQUENTIE_TOTAAL:
        return toewijzing.volume
    if toewijzing.frequentie == FREQUENTIE_PER_WEEK:
        return weken_toewijzing(toewijzing) * toewijzing.volume
    periode = toewijzing.periode
    if periode is None:
        return None
    if toewijzing.frequentie == FREQUENTIE_PER_DAG:
        return periode.aantal_dagen * toewijzing.volume
    return kalendermaanden(periode) * toewijzing.volume  # FREQUENTIE_PER_MAAND


def eenheid_past(eenheid_prestatie: str, eenheid_toewijzing: str) -> bool:
    """Whether the Prestatie Eenheid fits the toewijzing Eenheid (TR341, IV079).

    Equal Eenheid, or a toewijzing in uren (04) declared in minuten (01).
    """
    return eenheid_prestatie == eenheid_toewijzing or (
        eenheid_toewijzing == EENHEID_UUR and eenheid_prestatie == EENHEID_MINUUT
    )


def _vergelijkingseenheid(toewijzing: Toewijzing, eenheden: Iterable[str]) -> str:
    lijst = list(eenheden)
    for eenheid in lijst:
        if not eenheid_past(eenheid, toewijzing.eenheid):
            raise ValueError(f"TR341: Eenheid {eenheid} does not fit toewijzing Eenheid {toewijzing.eenheid}")
    return EENHEID_MINUUT if EENHEID_MINUUT in lijst else toewijzing.eenheid


def past_binnen_productperiode(
    toewijzing: Toewijzing, productperiode: Periode, geleverd_volume: int, eenheid: str
) -> bool:
    """TR321: whether a Prestatie's GeleverdVolume fits the maximum of its ProductPeriode.

    Raises ``ValueError`` when the Eenheid does not fit the toewijzing (that is TR341, not TR321).
    """
    doel = _vergelijkingseenheid(toewijzing, [eenheid])
    maximum = omrekenen_volume(
        max_volume_productperiode(toewijzing, productperiode), toewijzing.eenheid, doel
    )
    return geleverd_volume <= maximum


def netto_geleverd_volume(prestaties: Iterable[Prestatie], eenheid: str | None = None) -> int:
    """Sum of GeleverdVolume of debet Prestaties minus that of credit Prestaties (TR322, TR369).

    A credit Prestatie equals its debet (IV091), so a credited debet drops out. With ``eenheid`` given,
    every volume is first converted to it with ``omrekenen_volume`` (uur -> minuut exact); without it the
    volumes are summed as they are.
    """
    totaal = 0
    for prestatie in prestaties:
        volume = prestatie["GeleverdVolume"]
        if eenheid is not None and prestatie["Eenheid"] != eenheid:
            volume = omrekenen_volume(volume, prestatie["Eenheid"], eenheid)
        teken = prestatie["IngediendBedrag"]["DebetCredit"]
        if teken not in (DEBET, CREDIT):
            raise ValueError(f"unknown DebetCredit {teken!r} (codelist COD043)")
        totaal += volume if teken == DEBET else -volume
    return totaal


def past_binnen_toewijzing(toewijzing: Toewijzing, prestaties: Iterable[Prestatie]) -> bool:
    """TR322: whether the net GeleverdVolume of all Prestaties on the toewijzing fits its total maximum.

    Pass all submitted, not rejected Prestaties (debet and credit) of this ToewijzingNummer, including the
    new ones. An open-ended toewijzing with Frequentie 1 or 4 has no maximum.
    """
    lijst = list(prestaties)
    maximum = max_volume_toewijzing(toewijzing)
    if maximum is None:
        return True
    doel = _vergelijkingseenheid(toewijzing, (p["Eenheid"] for p in lijst))
    return netto_geleverd_volume(lijst, doel) <= omrekenen_volume(maximum, toewijzing.eenheid, doel)


def past_binnen_budget(budget: int, prestaties: Iterable[Prestatie]) -> bool:
    """TR369: whether the net sum of GeleverdVolume of the Prestaties fits the toewijzing Budget (cents).

    The catalogue states the check on GeleverdVolume; with a Budget the declaration is in Eenheid 83
    (euro's), where GeleverdVolume is the amount in cents (IV042).
    """
    if budget < 0:
        raise ValueError(f"Budget must not be negative, got {budget}")
    return netto_geleverd_volume(prestaties) <= budget
