"""IV076 / IV077: counting calendar weeks and Sundays, and attributing deliveries to a ProductPeriode."""

from datetime import date, timedelta

import pytest

from ketenproef.calculations import (
    Periode,
    Toewijzing,
    kalenderweken,
    laatste_zondag,
    productperiode_van_levering,
    zondagen,
)


def P(b: date, e: date) -> Periode:
    return Periode(b, e)


def iso_weken(p: Periode) -> int:
    return len({d.isocalendar()[:2] for d in p.dagen()})


def aantal_zondagen(p: Periode) -> int:
    return sum(1 for d in p.dagen() if d.weekday() == 6)


@pytest.mark.parametrize(
    ("periode", "weken"),
    [
        (P(date(2021, 2, 1), date(2021, 2, 28)), 4),  # Mon-Sun, exactly 4 ISO weeks
        (P(date(2025, 10, 1), date(2025, 10, 31)), 5),
        (P(date(2021, 5, 1), date(2021, 5, 31)), 6),  # Sat 1 May (W17) .. Mon 31 May (W22)
        (P(date(2025, 10, 6), date(2025, 10, 31)), 4),  # Geertje October: W41..W44
        (P(date(2025, 10, 5), date(2025, 10, 6)), 2),  # Sunday + Monday: two broken weeks
        (P(date(2025, 10, 8), date(2025, 10, 8)), 1),
        (P(date(2025, 12, 29), date(2026, 1, 4)), 1),  # one ISO week (2026-W01) across the year boundary
        (P(date(2025, 12, 28), date(2026, 1, 4)), 2),
        (P(date(2025, 10, 6), date(2026, 1, 30)), 17),  # HH toewijzing 445566
    ],
)
def test_kalenderweken(periode, weken):
    assert kalenderweken(periode) == weken
    assert iso_weken(periode) == weken


def test_kalenderweken_and_zondagen_match_brute_force_for_many_periods():
    start = date(2025, 12, 1)
    for begin_offset in range(0, 14):
        for lengte in range(0, 70, 3):
            begin = start + timedelta(days=begin_offset)
            p = P(begin, begin + timedelta(days=lengte))
            assert kalenderweken(p) == iso_weken(p), p
            assert zondagen(p) == aantal_zondagen(p), p


@pytest.mark.parametrize(
    ("periode", "aantal"),
    [
        (P(date(2025, 10, 15), date(2025, 10, 31)), 2),  # Noor October: 19 and 26 Oct
        (P(date(2021, 2, 1), date(2021, 2, 28)), 4),
        (P(date(2025, 11, 1), date(2025, 11, 30)), 5),
        (P(date(2025, 12, 1), date(2025, 12, 2)), 0),
        (P(date(2025, 10, 5), date(2025, 10, 5)), 1),
    ],
)
def test_zondagen(periode, aantal):
    assert zondagen(periode) == aantal


def test_laatste_zondag():
    assert laatste_zondag(P(date(2025, 10, 15), date(2025, 10, 31))) == date(2025, 10, 26)
    assert laatste_zondag(P(date(2025, 10, 15), date(2025, 10, 26))) == date(2025, 10, 26)
    assert laatste_zondag(P(date(2025, 10, 15), date(2025, 12, 2))) == date(2025, 11, 30)
    assert laatste_zondag(P(date(2025, 9, 29), date(2025, 10, 4))) is None  # Mon-Sat


OUTPUT = Toewijzing(date(2025, 10, 15), date(2025, 12, 2), 3, "82", "2", None, "outputgericht")
INSPANNING = Toewijzing(date(2025, 10, 15), date(2025, 12, 2), 3, "04", "2", "02")

OKT = P(date(2025, 10, 15), date(2025, 10, 31))
NOV = P(date(2025, 11, 1), date(2025, 11, 30))
DEC = P(date(2025, 12, 1), date(2025, 12, 2))


@pytest.mark.parametrize(
    ("leverdatum", "output", "inspanning"),
    [
        (date(2025, 10, 15), OKT, OKT),  # first broken week, Sunday 19 Oct
        (date(2025, 10, 26), OKT, OKT),  # a Sunday itself
        (date(2025, 10, 29), NOV, OKT),  # Wed 29 Oct: its Sunday is 2 Nov
        (date(2025, 10, 31), NOV, OKT),
        (date(2025, 11, 30), NOV, NOV),
        (date(2025, 12, 1), NOV, DEC),  # last broken week -> last Sunday of toewijzing (30 Nov)
        (date(2025, 12, 2), NOV, DEC),
    ],
)
def test_iv076_attribution(leverdatum, output, inspanning):
    assert productperiode_van_levering(leverdatum, OUTPUT) == output
    assert productperiode_van_levering(leverdatum, INSPANNING) == inspanning


def test_iv076_toewijzing_ending_on_sunday_uses_the_sunday_of_the_week():
    t = Toewijzing(date(2025, 10, 15), date(2025, 11, 30), 1, "82", "2", None, "outputgericht")
    assert productperiode_van_levering(date(2025, 11, 24), t) == NOV
    assert productperiode_van_levering(date(2025, 10, 27), t) == NOV


def test_iv076_week_53_of_2020_is_declared_in_january_2021():
    # Seed 003 (lines 1455-1505): "De zondag is bepalend"; the Sunday of week 53 falls in January 2021.
    t = Toewijzing(date(2020, 12, 1), date(2021, 3, 31), 1, "82", "2", None, "outputgericht")
    for dag in (date(2020, 12, 28), date(2020, 12, 31), date(2021, 1, 3)):
        assert productperiode_van_levering(dag, t) == P(date(2021, 1, 1), date(2021, 1, 31))
    assert productperiode_van_levering(date(2020, 12, 27), t) == P(date(2020, 12, 1), date(2020, 12, 31))


def test_iv076_toewijzing_without_any_sunday_falls_back_to_the_einddatum():
    t = Toewijzing(date(2025, 9, 29), date(2025, 10, 3), 1, "82", "2", None, "outputgericht")
    assert productperiode_van_levering(date(2025, 9, 30), t) == P(date(2025, 10, 1), date(2025, 10, 3))


def test_iv076_open_outputgericht_toewijzing_uses_the_sunday():
    t = Toewijzing(date(2025, 10, 15), None, 1, "82", "2", None, "outputgericht")
    assert productperiode_van_levering(date(2025, 10, 29), t) == NOV


def test_iv076_sunday_rule_only_for_frequentie_per_week():
    t = Toewijzing(date(2025, 10, 15), date(2026, 8, 14), 1, "82", "4", None, "outputgericht")
    assert productperiode_van_levering(date(2025, 10, 29), t) == OKT


def test_iv076_delivery_outside_toewijzing_is_rejected():
    with pytest.raises(ValueError):
        productperiode_van_levering(date(2025, 10, 14), OUTPUT)
    with pytest.raises(ValueError):
        productperiode_van_levering(date(2025, 12, 3), INSPANNING)
