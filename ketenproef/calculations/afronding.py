"""Rounding and amounts in a Prestatie (IV079, IV081, TR346, CS339).

All amounts are integers in euro cents, as in the messages (``LDT_Bedrag``). Rounding is done with
integer arithmetic only, so there are no floating point surprises.
"""

from collections.abc import Iterable

from .codes import EENHEID_EUROS, EENHEID_MINUUT, EENHEID_UUR

MINUTEN_PER_UUR = 60


def rond_half_op(teller: int, noemer: int) -> int:
    """Round the fraction ``teller / noemer`` half up to a whole number (both non-negative).

    This is the "rekenkundig afronden" used by IV079 and IV081 (1,455 -> 1,46; 2,5 -> 3).
    """
    if noemer <= 0:
        raise ValueError(f"noemer must be positive, got {noemer}")
    if teller < 0:
        raise ValueError(f"teller must not be negative, got {teller}")
    return (2 * teller + noemer) // (2 * noemer)


def minuuttarief(uurtarief: int) -> int:
    """ProductTarief (cents per minute) when the tariff is per hour but declared in minutes (IV081, IV079).

    ProductTarief = uurtarief / 60, rounded half up to whole cents: EUR 50,00 per uur -> 0,83.
    This rounded tariff is only filled in the Prestatie; it is never used to compute the
    IngediendBedrag (see ``ingediend_bedrag_minuten``).
    """
    _niet_negatief(uurtarief=uurtarief)
    return rond_half_op(uurtarief, MINUTEN_PER_UUR)


def ingediend_bedrag_minuten(uurtarief: int, minuten: int) -> int:
    """IngediendBedrag (cents) for a toewijzing in uren declared in minuten (IV079, IV081, TR346).

    IngediendBedrag = (uurtarief * minuten) / 60, rounded half up to whole cents only at the end:
    EUR 50,00 per uur and 130 minuten gives 108,33 (10833 cents), NOT 130 * 0,83 = 107,90.
    """
    _niet_negatief(uurtarief=uurtarief, minuten=minuten)
    return rond_half_op(uurtarief * minuten, MINUTEN_PER_UUR)


def ingediend_bedrag(geleverd_volume: int, product_tarief: int | None, eenheid: str | None = None) -> int:
    """IngediendBedrag (cents) = GeleverdVolume x ProductTarief (TR346; CS339 and CD087 for Eenheid 83).

    With Eenheid 83 (euro's) the GeleverdVolume already is the amount in cents (IV042), the
    ProductTarief must be empty (CD087) and IngediendBedrag = GeleverdVolume (CS339). For every other
    Eenheid a ProductTarief is required. For hours declared in minutes use ``ingediend_bedrag_minuten``
    with the contract hourly tariff instead (TR346 / IV081).
    """
    _niet_negatief(geleverd_volume=geleverd_volume)
    if eenheid == EENHEID_EUROS:
        if product_tarief is not None:
            raise ValueError("CD087: ProductTarief must be empty when Eenheid is 83 (euro's)")
        return geleverd_volume
    if product_tarief is None:
        raise ValueError("CD087: ProductTarief is required when Eenheid is not 83 (euro's)")
    _niet_negatief(product_tarief=product_tarief)
    return geleverd_volume * product_tarief


def afronden_op_hele_uren(minuten: int) -> int:
    """GeleverdVolume in whole hours for care delivered in minutes (IV079).

    Round arithmetically: a remainder below 30 minutes goes down, 30 minutes or more goes up, with a
    minimum of 1 hour as soon as any care was delivered: 380 min (6 h 20 min) -> 6; 130 -> 2;
    20 -> 1; 0 -> 0.
    """
    _niet_negatief(minuten=minuten)
    if minuten == 0:
        return 0
    return max(1, rond_half_op(minuten, MINUTEN_PER_UUR))


def geleverd_volume_uren(leveringen_minuten: Iterable[int]) -> int:
    """GeleverdVolume in hours for one Prestatie from the deliveries in minutes of its ProductPeriode (IV079).

    The minutes are first summed over the whole ProductPeriode and only then rounded
    (4 x 95 minutes = 380 minutes -> 6 hours; rounding each delivery first would give 8).
    """
    leveringen = list(leveringen_minuten)
    _niet_negatief(**{f"levering_{i}": m for i, m in enumerate(leveringen)})
    return afronden_op_hele_uren(sum(leveringen))


def omrekenen_volume(volume: int, van_eenheid: str, naar_eenheid: str) -> int:
    """Convert a volume between Eenheid 04 (uur) and 01 (minuut) (TR341, IV079).

    uur -> minuut is exact (x 60); minuut -> uur rounds to whole hours as IV079 prescribes
    (minimum 1 hour when the volume is not 0). Same Eenheid returns the volume unchanged; any other
    combination cannot be converted and raises ``ValueError``.
    """
    _niet_negatief(volume=volume)
    if van_eenheid == naar_eenheid:
        return volume
    if (van_eenheid, naar_eenheid) == (EENHEID_UUR, EENHEID_MINUUT):
        return volume * MINUTEN_PER_UUR
    if (van_eenheid, naar_eenheid) == (EENHEID_MINUUT, EENHEID_UUR):
        return afronden_op_hele_uren(volume)
    raise ValueError(f"cannot convert Eenheid {van_eenheid} to Eenheid {naar_eenheid}")


def _niet_negatief(**waarden: int) -> None:
    for naam, waarde in waarden.items():
        if waarde < 0:
            raise ValueError(f"{naam} must not be negative, got {waarde}")
