"""IV089 / IV090 / CS337 / CS340 / TR307 / TR308 / TR387 / TR388: DeclaratiePeriode and ProductPeriode."""

from datetime import date

import pytest

from ketenproef.calculations import (
    Periode,
    controleer_productperiode,
    declaratieperiode,
    declaratieperiode_toegestaan,
    is_declaratieperiode,
    ligt_binnen_toewijzing,
    ligt_in_een_kalendermaand,
    productperiode_past_in_declaratieperiode,
    productperiode_van_dag,
    productperioden,
)


def P(b: date, e: date) -> Periode:
    return Periode(b, e)


def test_iv089_catalogue_example_8_april_to_17_june():
    assert productperioden(date(2025, 4, 8), date(2025, 6, 17)) == [
        P(date(2025, 4, 8), date(2025, 4, 30)),
        P(date(2025, 5, 1), date(2025, 5, 31)),
        P(date(2025, 6, 1), date(2025, 6, 17)),
    ]


def test_iv089_geertje_begeleiding_445567_after_vow():
    # Toewijzing 445567 06-10-2025 t/m 06-01-2026 (einddatum after the VOW, seed line ~3060).
    assert productperioden(date(2025, 10, 6), date(2026, 1, 6)) == [
        P(date(2025, 10, 6), date(2025, 10, 31)),
        P(date(2025, 11, 1), date(2025, 11, 30)),
        P(date(2025, 12, 1), date(2025, 12, 31)),
        P(date(2026, 1, 1), date(2026, 1, 6)),
    ]


def test_iv089_toewijzing_within_one_month_and_single_day():
    assert productperioden(date(2025, 10, 15), date(2025, 10, 20)) == [
        P(date(2025, 10, 15), date(2025, 10, 20))
    ]
    # A deleted toewijzing has Einddatum = Ingangsdatum: one day.
    assert productperioden(date(2025, 10, 15), date(2025, 10, 15)) == [
        P(date(2025, 10, 15), date(2025, 10, 15))
    ]


def test_iv089_leap_february_and_year_boundary():
    assert productperioden(date(2023, 12, 31), date(2024, 3, 1)) == [
        P(date(2023, 12, 31), date(2023, 12, 31)),
        P(date(2024, 1, 1), date(2024, 1, 31)),
        P(date(2024, 2, 1), date(2024, 2, 29)),
        P(date(2024, 3, 1), date(2024, 3, 1)),
    ]


def test_iv089_open_toewijzing_needs_tot_and_runs_to_the_end_of_that_month():
    with pytest.raises(ValueError):
        productperioden(date(2025, 10, 15), None)
    assert productperioden(date(2025, 10, 15), None, tot=date(2025, 12, 3)) == [
        P(date(2025, 10, 15), date(2025, 10, 31)),
        P(date(2025, 11, 1), date(2025, 11, 30)),
        P(date(2025, 12, 1), date(2025, 12, 31)),  # not cut at 3 Dec (TR388)
    ]


def test_iv089_tot_limits_a_closed_toewijzing_but_never_beyond_its_einddatum():
    assert productperioden(date(2025, 4, 8), date(2025, 6, 17), tot=date(2025, 5, 2)) == [
        P(date(2025, 4, 8), date(2025, 4, 30)),
        P(date(2025, 5, 1), date(2025, 5, 31)),
    ]
    assert productperioden(date(2025, 4, 8), date(2025, 6, 17), tot=date(2026, 1, 1))[-1] == P(
        date(2025, 6, 1), date(2025, 6, 17)
    )
    assert productperioden(date(2025, 4, 8), None, tot=date(2025, 3, 1)) == []


def test_productperioden_rejects_einddatum_before_ingangsdatum():
    with pytest.raises(ValueError):
        productperioden(date(2025, 4, 8), date(2025, 4, 7))


def test_productperioden_are_contiguous_and_valid_over_many_toewijzingen():
    ingang = date(2024, 1, 17)
    for eind in (date(2024, 1, 17), date(2024, 2, 29), date(2024, 12, 31), date(2025, 3, 2)):
        perioden = productperioden(ingang, eind)
        assert perioden[0].begindatum == ingang
        assert perioden[-1].einddatum == eind
        assert sum(p.aantal_dagen for p in perioden) == (eind - ingang).days + 1
        for p in perioden:
            assert controleer_productperiode(p, ingang, eind) == []


def test_periode_rejects_reversed_dates_and_supports_membership():
    with pytest.raises(ValueError):
        Periode(date(2025, 2, 2), date(2025, 2, 1))
    p = P(date(2025, 2, 1), date(2025, 2, 3))
    assert date(2025, 2, 1) in p and date(2025, 2, 3) in p
    assert date(2025, 2, 4) not in p and date(2025, 1, 31) not in p
    assert "2025-02-02" not in p
    assert p.aantal_dagen == 3
    assert list(p.dagen()) == [date(2025, 2, 1), date(2025, 2, 2), date(2025, 2, 3)]


@pytest.mark.parametrize(
    ("maand", "verwacht"),
    [
        (date(2025, 10, 15), P(date(2025, 10, 1), date(2025, 10, 31))),  # seed: 01-10-2025 t/m 31-10-2025
        (date(2025, 10, 1), P(date(2025, 10, 1), date(2025, 10, 31))),
        (date(2024, 2, 10), P(date(2024, 2, 1), date(2024, 2, 29))),
        (date(2025, 2, 28), P(date(2025, 2, 1), date(2025, 2, 28))),
        (date(2025, 4, 30), P(date(2025, 4, 1), date(2025, 4, 30))),
        (date(2025, 12, 31), P(date(2025, 12, 1), date(2025, 12, 31))),
    ],
)
def test_declaratieperiode_is_the_whole_calendar_month(maand, verwacht):
    assert declaratieperiode(maand) == verwacht
    assert is_declaratieperiode(verwacht)


def test_cs340_is_declaratieperiode():
    assert not is_declaratieperiode(P(date(2025, 10, 2), date(2025, 10, 31)))
    assert not is_declaratieperiode(P(date(2025, 10, 1), date(2025, 10, 30)))
    assert not is_declaratieperiode(P(date(2025, 10, 1), date(2025, 11, 30)))


def test_cs337_ligt_in_een_kalendermaand():
    assert ligt_in_een_kalendermaand(P(date(2025, 10, 15), date(2025, 10, 31)))
    assert not ligt_in_een_kalendermaand(P(date(2025, 10, 15), date(2025, 11, 1)))
    assert not ligt_in_een_kalendermaand(P(date(2024, 10, 15), date(2025, 10, 16)))  # same month, other year


def test_tr307_tr308_ligt_binnen_toewijzing():
    ingang, eind = date(2025, 10, 15), date(2026, 8, 14)  # Noor, toewijzing 586955
    assert ligt_binnen_toewijzing(P(date(2025, 10, 15), date(2025, 10, 31)), ingang, eind)
    assert not ligt_binnen_toewijzing(P(date(2025, 10, 14), date(2025, 10, 31)), ingang, eind)
    assert ligt_binnen_toewijzing(P(date(2026, 8, 1), date(2026, 8, 14)), ingang, eind)
    assert not ligt_binnen_toewijzing(P(date(2026, 8, 1), date(2026, 8, 15)), ingang, eind)
    assert ligt_binnen_toewijzing(P(date(2030, 1, 1), date(2030, 1, 31)), ingang, None)


@pytest.mark.parametrize(
    ("periode", "fouten"),
    [
        # Seed slide (lines 1370-1385) for toewijzingen starting 15-10 / ending 20-10:
        (P(date(2025, 10, 15), date(2025, 10, 31)), []),
        (P(date(2025, 10, 1), date(2025, 10, 31)), ["TR307", "TR387"]),
        (P(date(2025, 10, 20), date(2025, 10, 31)), ["TR387"]),
        (P(date(2025, 10, 15), date(2025, 10, 30)), ["TR388"]),
        (P(date(2025, 10, 15), date(2025, 11, 30)), ["CS337"]),
        (P(date(2025, 11, 2), date(2025, 11, 30)), ["TR387"]),
        (P(date(2026, 8, 1), date(2026, 8, 14)), []),
        (P(date(2026, 8, 1), date(2026, 8, 31)), ["TR308", "TR388"]),
        (P(date(2026, 8, 1), date(2026, 8, 13)), ["TR388"]),
    ],
)
def test_controleer_productperiode(periode, fouten):
    assert controleer_productperiode(periode, date(2025, 10, 15), date(2026, 8, 14)) == fouten


def test_controleer_productperiode_open_toewijzing():
    assert controleer_productperiode(P(date(2031, 5, 1), date(2031, 5, 31)), date(2025, 10, 15), None) == []
    assert controleer_productperiode(P(date(2031, 5, 1), date(2031, 5, 30)), date(2025, 10, 15), None) == [
        "TR388"
    ]


def test_productperiode_van_dag():
    assert productperiode_van_dag(date(2025, 10, 20), date(2025, 10, 15), None) == P(
        date(2025, 10, 15), date(2025, 10, 31)
    )
    assert productperiode_van_dag(date(2025, 6, 3), date(2025, 4, 8), date(2025, 6, 17)) == P(
        date(2025, 6, 1), date(2025, 6, 17)
    )
    with pytest.raises(ValueError):
        productperiode_van_dag(date(2025, 6, 18), date(2025, 4, 8), date(2025, 6, 17))
    with pytest.raises(ValueError):
        productperiode_van_dag(date(2025, 4, 7), date(2025, 4, 8), date(2025, 6, 17))


def test_iv090_declaratieperiode_may_not_lie_before_the_last_submitted_one():
    oktober = declaratieperiode(date(2025, 10, 1))
    september = declaratieperiode(date(2025, 9, 1))
    november = declaratieperiode(date(2025, 11, 1))
    assert declaratieperiode_toegestaan(oktober, None)
    assert declaratieperiode_toegestaan(oktober, oktober)  # second declaratie same (last) period
    assert declaratieperiode_toegestaan(november, oktober)
    assert not declaratieperiode_toegestaan(september, oktober)
    assert not declaratieperiode_toegestaan(P(date(2025, 11, 1), date(2025, 11, 15)), oktober)  # CS340


def test_iv090_productperiode_may_lie_in_the_past_but_not_after_the_declaratieperiode():
    oktober = declaratieperiode(date(2025, 10, 1))
    # Seed slide example: in declaratieperiode October 2025, productperiode September 2025 is fine.
    assert productperiode_past_in_declaratieperiode(P(date(2025, 9, 1), date(2025, 9, 30)), oktober)
    assert productperiode_past_in_declaratieperiode(P(date(2025, 10, 1), date(2025, 10, 20)), oktober)
    assert productperiode_past_in_declaratieperiode(P(date(2024, 1, 1), date(2024, 1, 31)), oktober)
    assert not productperiode_past_in_declaratieperiode(P(date(2025, 11, 1), date(2025, 11, 30)), oktober)
