"""TR321 for a ProductPeriode outside the toewijzing (issue 8, item d): the volume is measured over the ProductPeriode,
so a prestatie whose only error is its period gets 9308 (or 9307) alone, and the 325 the mock expects is the one the
standard gives."""

from __future__ import annotations

import pytest

from ketenproef.keten import Keten
from tests.unit.keten.test_declaraties import (
    OK,
    afgewezen,
    antwoord,
    beoordeel,
    declaratie,
    ids,
    prestatie,
    prestatie_codes,
    toewijzing,
)

INGETROKKEN = 586962  # 4 uur per week (the basis Omvang), 2025-09-01 t/m 2025-11-30


@pytest.fixture
def keten() -> Keten:
    k = Keten()
    toewijzing(k)
    toewijzing(k, nummer=INGETROKKEN, Einddatum="2025-11-30")
    return k


def test_tr321_productperiode_after_the_toewijzing_is_only_tr308(keten):
    """TR321: "If the ToegewezenProduct has an Omvang, the GeleverdVolume of one Prestatie must fit the allocated
    Volume, taking into account Eenheid and Frequentie of the toewijzing and the Eenheid and length of the
    ProductPeriode". December 2025 (5 calendar weeks) after a toewijzing of 4 uur per week that ended 30 November:
    16 uur fits the ProductPeriode, so the prestatie is rejected for TR308 alone ("ProductPeriode/Einddatum <=
    Einddatum of the toewijzing"): 9308, not 9308 and 9321."""
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=INGETROKKEN, volume=16)))
    afgewezen(report, "TR308", "9308", "P1", 20000)


def test_tr321_still_applies_over_the_length_of_the_productperiode(keten):
    """TR321 (see above): 21 uur is more than 5 weeks of 4 uur in the ProductPeriode: 9308 and 9321."""
    report = beoordeel(keten, *declaratie(OK, prestatie("P1", ToewijzingNummer=INGETROKKEN, volume=21)))
    assert ids(report) == {"TR308", "TR321"}
    assert prestatie_codes(antwoord(report)[1]) == {"P1": ["9308", "9321"]}
