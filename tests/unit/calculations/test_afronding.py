"""IV079 / IV081 / TR346 / CS339: amounts and rounding (seed 001, lines 2240-2390)."""

import pytest

from ketenproef.calculations import (
    afronden_op_hele_uren,
    geleverd_volume_uren,
    ingediend_bedrag,
    ingediend_bedrag_minuten,
    minuuttarief,
    omrekenen_volume,
    rond_half_op,
)


def test_seed_iv079_minutes_with_hourly_tariff_gives_108_33_not_107_90():
    # Uurtarief EUR 50,-; 35 + 40 + 20 + 35 = 130 minuten geleverd.
    minuten = sum([35, 40, 20, 35])
    assert minuten == 130
    assert ingediend_bedrag_minuten(5000, minuten) == 10833
    # The wrong way (rounded minute tariff x minutes) gives 107,90.
    assert minuuttarief(5000) * minuten == 10790
    assert ingediend_bedrag_minuten(5000, minuten) != minuuttarief(5000) * minuten


def test_seed_iv079_product_tarief_per_minute_is_0_83():
    assert minuuttarief(5000) == 83


def test_iv081_minute_tariff_rounds_half_up():
    # 87,30 / 60 = 1,455 -> 1,46 (half up, not banker's rounding to 1,46/1,45).
    assert minuuttarief(8730) == 146
    # 87,24 / 60 = 1,454 -> 1,45
    assert minuuttarief(8724) == 145


@pytest.mark.parametrize(
    ("uurtarief", "minuten", "verwacht"),
    [
        (5000, 0, 0),
        (5000, 60, 5000),
        (5000, 1, 83),  # 83,33 -> 83
        (5000, 2, 167),  # 166,67 -> 167
        (6000, 1, 100),
        (4500, 1, 75),
        (100, 3, 5),  # 5,0 exactly
        (30, 1, 1),  # 0,5 cent -> up to 1
        (29, 1, 0),  # 0,483 cent -> 0
    ],
)
def test_ingediend_bedrag_minuten_rounds_only_at_the_end(uurtarief, minuten, verwacht):
    assert ingediend_bedrag_minuten(uurtarief, minuten) == verwacht


@pytest.mark.parametrize(
    ("teller", "noemer", "verwacht"),
    [(0, 7, 0), (5, 2, 3), (3, 2, 2), (7, 2, 4), (1, 3, 0), (2, 3, 1), (149, 60, 2), (150, 60, 3)],
)
def test_rond_half_op(teller, noemer, verwacht):
    assert rond_half_op(teller, noemer) == verwacht


@pytest.mark.parametrize(("teller", "noemer"), [(1, 0), (1, -3), (-1, 2)])
def test_rond_half_op_rejects_invalid_input(teller, noemer):
    with pytest.raises(ValueError):
        rond_half_op(teller, noemer)


@pytest.mark.parametrize(
    ("minuten", "uren"),
    [
        (0, 0),
        (1, 1),  # minimum 1 hour when any care was given
        (20, 1),
        (29, 1),
        (30, 1),
        (59, 1),
        (60, 1),
        (89, 1),  # 1 h 29 min -> down
        (90, 2),  # 1 h 30 min -> up
        (130, 2),  # seed: 2 uur en 10 minuten -> 2 uur
        (149, 2),
        (150, 3),
        (380, 6),  # catalogue IV079: 4 x 95 = 380 = 6 h 20 -> 6
        (390, 7),
    ],
)
def test_iv079_afronden_op_hele_uren(minuten, uren):
    assert afronden_op_hele_uren(minuten) == uren


def test_iv079_geleverd_volume_uren_sums_before_rounding():
    # 4 x 95 minutes: rounding each delivery (2 h each) would give 8 hours.
    assert geleverd_volume_uren([95, 95, 95, 95]) == 6
    assert sum(afronden_op_hele_uren(m) for m in [95, 95, 95, 95]) == 8


def test_iv079_seed_weekly_minutes_give_2_hours():
    assert geleverd_volume_uren([35, 40, 20, 35]) == 2


def test_iv079_seed_29_minutes_or_less_gives_1_hour():
    assert geleverd_volume_uren([10, 19]) == 1
    assert geleverd_volume_uren([]) == 0
    assert geleverd_volume_uren([0, 0]) == 0


def test_negative_minutes_are_rejected():
    with pytest.raises(ValueError):
        afronden_op_hele_uren(-1)
    with pytest.raises(ValueError):
        geleverd_volume_uren([30, -5])
    with pytest.raises(ValueError):
        ingediend_bedrag_minuten(5000, -1)


def test_tr346_ingediend_bedrag_seed_geertje_and_noor():
    assert ingediend_bedrag(4, 4000) == 16000  # HH: 4 uur x 40,00 = 160,00
    assert ingediend_bedrag(8, 20000) == 160000  # begeleiding: 8 uur x 200,00 = 1600,00
    assert ingediend_bedrag(1, 21200, "82") == 21200  # Noor 45A02: 1 stuks x 212,00
    assert ingediend_bedrag(1, 31750, "82") == 31750  # Noor 45A34: 1 stuks x 317,50
    assert ingediend_bedrag(0, 31750) == 0


def test_cs339_eenheid_83_amount_equals_volume_and_tariff_must_be_empty():
    assert ingediend_bedrag(20000, None, "83") == 20000
    with pytest.raises(ValueError, match="CD087"):
        ingediend_bedrag(20000, 100, "83")


def test_cd087_tariff_required_for_other_units():
    with pytest.raises(ValueError, match="CD087"):
        ingediend_bedrag(3, None, "04")
    with pytest.raises(ValueError, match="CD087"):
        ingediend_bedrag(3, None)


def test_ingediend_bedrag_rejects_negative_values():
    with pytest.raises(ValueError):
        ingediend_bedrag(-1, 100)
    with pytest.raises(ValueError):
        ingediend_bedrag(1, -100)


@pytest.mark.parametrize(
    ("volume", "van", "naar", "verwacht"),
    [
        (2, "04", "01", 120),
        (0, "04", "01", 0),
        (130, "01", "04", 2),
        (20, "01", "04", 1),
        (0, "01", "04", 0),
        (380, "01", "04", 6),
        (7, "16", "16", 7),
        (7, "04", "04", 7),
    ],
)
def test_omrekenen_volume(volume, van, naar, verwacht):
    assert omrekenen_volume(volume, van, naar) == verwacht


@pytest.mark.parametrize(("van", "naar"), [("04", "16"), ("14", "04"), ("83", "82"), ("01", "14")])
def test_omrekenen_volume_refuses_other_units(van, naar):
    with pytest.raises(ValueError):
        omrekenen_volume(1, van, naar)
