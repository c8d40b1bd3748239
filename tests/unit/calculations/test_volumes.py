"""IV077 / IV078 / TR321 / TR322 / TR341 / TR369: maximum declarable volumes (seed 001, lines 2440-2535)."""

from datetime import date, timedelta

import pytest

from ketenproef.calculations import (
    Periode,
    Toewijzing,
    eenheid_past,
    kalenderweken,
    max_volume_productperiode,
    max_volume_toewijzing,
    netto_geleverd_volume,
    past_binnen_budget,
    past_binnen_productperiode,
    past_binnen_toewijzing,
    productperioden,
    weken_productperiode,
    weken_toewijzing,
)

from .helpers import maak_prestatie


def P(b: date, e: date) -> Periode:
    return Periode(b, e)


# Casus 2 "Geertje" (iWmo, inspanningsgericht), seed 001 lines 1815-1880 and 2990-3060.
HH_445566 = Toewijzing(date(2025, 10, 6), date(2026, 1, 30), 1, "04", "2", "01")
HH_445566_VERLENGD = Toewijzing(date(2025, 10, 6), date(2026, 2, 28), 1, "04", "2", "01")
BEGELEIDING_445567 = Toewijzing(date(2025, 10, 6), date(2026, 9, 30), 2, "04", "2", "02")
BEGELEIDING_445567_BEEINDIGD = Toewijzing(date(2025, 10, 6), date(2026, 1, 6), 2, "04", "2", "02")
BEGELEIDING_455678 = Toewijzing(date(2026, 1, 7), date(2026, 9, 30), 1, "04", "2", "02")
# Casus 1 "Noor" (iJw, outputgericht), seed 001 lines 850-870.
NOOR_586955 = Toewijzing(date(2025, 10, 15), date(2026, 8, 14), 1, "82", "4", "01", "outputgericht")
NOOR_586956 = Toewijzing(date(2025, 10, 15), date(2026, 8, 14), 10, "82", "6", "02", "outputgericht")

OKTOBER_GEERTJE = P(date(2025, 10, 6), date(2025, 10, 31))


def test_geertje_begeleiding_october_max_is_8_hours_as_declared():
    assert weken_productperiode(BEGELEIDING_445567, OKTOBER_GEERTJE) == 4
    assert max_volume_productperiode(BEGELEIDING_445567, OKTOBER_GEERTJE) == 8
    # Declared: 4 Wednesdays x 2 uur = GeleverdVolume 8 (seed lines 2150-2170).
    assert past_binnen_productperiode(BEGELEIDING_445567, OKTOBER_GEERTJE, 8, "04")
    assert not past_binnen_productperiode(BEGELEIDING_445567, OKTOBER_GEERTJE, 9, "04")
    # Declared in minutes instead (toewijzing in uren, declaratie in minuten).
    assert past_binnen_productperiode(BEGELEIDING_445567, OKTOBER_GEERTJE, 480, "01")
    assert not past_binnen_productperiode(BEGELEIDING_445567, OKTOBER_GEERTJE, 481, "01")


def test_geertje_begeleiding_totals():
    assert weken_toewijzing(BEGELEIDING_445567) == 52  # 2025-W41 .. 2026-W40
    assert max_volume_toewijzing(BEGELEIDING_445567) == 104
    assert max_volume_toewijzing(BEGELEIDING_445567_BEEINDIGD) == 28  # 14 weeks (W41 .. 2026-W02)
    assert max_volume_toewijzing(BEGELEIDING_455678) == 39  # 2026-W02 .. W40 x 1 uur


def test_geertje_begeleiding_january_split_over_old_and_new_toewijzing():
    jan_oud = P(date(2026, 1, 1), date(2026, 1, 6))
    jan_nieuw = P(date(2026, 1, 7), date(2026, 1, 31))
    assert productperioden(BEGELEIDING_445567_BEEINDIGD.ingangsdatum, date(2026, 1, 6))[-1] == jan_oud
    assert max_volume_productperiode(BEGELEIDING_445567_BEEINDIGD, jan_oud) == 4  # W01 + W02 x 2
    assert max_volume_productperiode(BEGELEIDING_455678, jan_nieuw) == 4  # W02 .. W05 x 1
    # The whole month as ProductPeriode (TR307's error) is measured as declared, W01 .. W05 (TR321).
    assert max_volume_productperiode(BEGELEIDING_455678, P(date(2026, 1, 1), date(2026, 1, 31))) == 5


def test_inspanningsgericht_sum_over_periods_exceeds_total_because_weeks_cross_months():
    perioden = productperioden(date(2025, 10, 6), date(2026, 1, 6))
    per_periode = [weken_productperiode(BEGELEIDING_445567_BEEINDIGD, p) for p in perioden]
    assert per_periode == [4, 5, 5, 2]
    assert sum(per_periode) == 16
    assert weken_toewijzing(BEGELEIDING_445567_BEEINDIGD) == 14  # the TR322 total is the real cap


@pytest.mark.parametrize(
    ("maand", "weken"),
    [
        (P(date(2021, 2, 1), date(2021, 2, 28)), 4),
        (P(date(2025, 10, 1), date(2025, 10, 31)), 5),
        (P(date(2021, 5, 1), date(2021, 5, 31)), 6),
    ],
)
def test_iv077_full_month_gives_4_5_or_6_weeks(maand, weken):
    t = Toewijzing(date(2020, 1, 1), date(2026, 12, 31), 3, "04", "2", "02")
    assert max_volume_productperiode(t, maand) == 3 * weken


def test_iv077_hulp_bij_het_huishouden_always_6_weeks_per_productperiode():
    # October: only 4 calendar weeks in the toewijzing, but HH allows 6 (2-weekly delivery).
    assert weken_productperiode(HH_445566, OKTOBER_GEERTJE) == 6
    assert max_volume_productperiode(HH_445566, OKTOBER_GEERTJE) == 6
    # Seed: HH October prestatie GeleverdVolume 4 (Mon 6 and 20 Oct x 2 uur).
    assert past_binnen_productperiode(HH_445566, OKTOBER_GEERTJE, 4, "04")
    assert not past_binnen_productperiode(HH_445566, OKTOBER_GEERTJE, 7, "04")


def test_iv077_hh_december_three_biweekly_deliveries_fit_only_under_the_hh_rule():
    december = P(date(2025, 12, 1), date(2025, 12, 31))
    geleverd = 3 * 2  # Mondays 1, 15 and 29 December, 2 uur each
    assert past_binnen_productperiode(HH_445566, december, geleverd, "04")
    zelfde_niet_hh = Toewijzing(date(2025, 10, 6), date(2026, 1, 30), 1, "04", "2", "02")
    assert max_volume_productperiode(zelfde_niet_hh, december) == 5
    assert not past_binnen_productperiode(zelfde_niet_hh, december, geleverd, "04")


def test_iv077_hh_short_broken_period_still_6_also_outside_toewijzing():
    assert max_volume_productperiode(HH_445566, P(date(2026, 1, 1), date(2026, 1, 30))) == 6
    # outside the toewijzing is TR308's error; TR321 measures the ProductPeriode as declared
    assert max_volume_productperiode(HH_445566, P(date(2026, 2, 1), date(2026, 2, 28))) == 6


def test_iv077_hh_total_uses_calendar_weeks_of_the_toewijzing():
    assert max_volume_toewijzing(HH_445566) == 17  # 2025-W41 .. 2026-W05
    assert max_volume_toewijzing(HH_445566_VERLENGD) == 21  # extended to 28-02-2026 (2026-W09)


def test_tr322_hh_total_with_prestaties():
    prestaties = [
        maak_prestatie("1", toewijzingnummer="445566", categorie="01", volume=4, begin=date(2025, 10, 6)),
        maak_prestatie("2", toewijzingnummer="445566", categorie="01", volume=6, begin=date(2025, 11, 1)),
        maak_prestatie("3", toewijzingnummer="445566", categorie="01", volume=6, begin=date(2025, 12, 1)),
    ]
    assert past_binnen_toewijzing(HH_445566, prestaties)  # 16 <= 17
    te_veel = [*prestaties, maak_prestatie("4", volume=2, begin=date(2026, 1, 1))]
    assert not past_binnen_toewijzing(HH_445566, te_veel)  # 18 > 17
    assert past_binnen_toewijzing(HH_445566_VERLENGD, te_veel)  # 18 <= 21
    gecrediteerd = [*te_veel, maak_prestatie("5", vorig="3", volume=6, dc="C")]
    assert past_binnen_toewijzing(HH_445566, gecrediteerd)  # 12 <= 17


def test_tr322_mixing_hours_and_minutes_is_compared_in_minutes():
    prestaties = [
        maak_prestatie("1", volume=8),
        maak_prestatie("2", volume=480, eenheid="01", tarief=333),
        maak_prestatie("3", volume=8),
        maak_prestatie("4", volume=4),
    ]
    assert past_binnen_toewijzing(BEGELEIDING_445567_BEEINDIGD, prestaties)  # 1680 min == 28 h
    prestaties[1] = maak_prestatie("2", volume=481, eenheid="01", tarief=333)
    assert not past_binnen_toewijzing(BEGELEIDING_445567_BEEINDIGD, prestaties)


# Outputgericht, Frequentie per week: toewijzing Wed 15 Oct - Tue 2 Dec 2025, 3 per week.
OUTPUT = Toewijzing(date(2025, 10, 15), date(2025, 12, 2), 3, "82", "2", None, "outputgericht")


def test_iv077_outputgericht_per_week():
    okt, nov, dec = productperioden(OUTPUT.ingangsdatum, OUTPUT.einddatum)
    assert weken_productperiode(OUTPUT, okt) == 2  # Sundays 19 and 26 Oct
    assert weken_productperiode(OUTPUT, nov) == 6  # 5 Sundays + the broken last week (last Sunday 30 Nov)
    assert weken_productperiode(OUTPUT, dec) == 0
    assert [max_volume_productperiode(OUTPUT, p) for p in (okt, nov, dec)] == [6, 18, 0]
    assert weken_toewijzing(OUTPUT) == 8
    assert max_volume_toewijzing(OUTPUT) == 24


def test_iv077_outputgericht_ending_on_sunday_has_no_extra_week():
    t = Toewijzing(date(2025, 10, 15), date(2025, 11, 30), 1, "82", "2", None, "outputgericht")
    assert weken_productperiode(t, P(date(2025, 11, 1), date(2025, 11, 30))) == 5
    assert weken_toewijzing(t) == 7


def test_iv077_outputgericht_extra_week_in_the_month_of_the_einddatum_when_it_holds_the_last_sunday():
    t = Toewijzing(date(2025, 10, 15), date(2025, 11, 19), 1, "82", "2", None, "outputgericht")  # Wed
    assert weken_productperiode(t, P(date(2025, 11, 1), date(2025, 11, 19))) == 3 + 1  # 2, 9, 16 Nov + 1


def test_iv077_outputgericht_open_toewijzing_has_no_extra_week():
    t = Toewijzing(date(2025, 10, 15), None, 1, "82", "2", None, "outputgericht")
    assert weken_productperiode(t, P(date(2025, 11, 1), date(2025, 11, 30))) == 5
    with pytest.raises(ValueError, match="CD075"):
        weken_toewijzing(t)


def test_iv077_outputgericht_periods_add_up_to_the_total_for_many_toewijzingen():
    ingang = date(2025, 9, 24)
    for begin_offset in range(7):
        for lengte in range(0, 100, 4):
            begin = ingang + timedelta(days=begin_offset)
            t = Toewijzing(begin, begin + timedelta(days=lengte), 2, "82", "2", None, "outputgericht")
            perioden = productperioden(t.ingangsdatum, t.einddatum)
            som = sum(max_volume_productperiode(t, p) for p in perioden)
            assert som == max_volume_toewijzing(t), t
            assert weken_toewijzing(t) == kalenderweken(Periode(t.ingangsdatum, t.einddatum)), t


def test_iv077_outputgericht_toewijzing_without_sunday():
    t = Toewijzing(date(2025, 9, 29), date(2025, 10, 3), 1, "82", "2", None, "outputgericht")
    sep, okt = productperioden(t.ingangsdatum, t.einddatum)
    assert (weken_productperiode(t, sep), weken_productperiode(t, okt)) == (0, 1)
    assert weken_toewijzing(t) == 1


def test_iv078_frequentie_per_maand_broken_month_allows_the_full_volume():
    # Noor 586955: 1 stuks per maand from 15-10-2025; ProductPeriode 15-31 Oct, GeleverdVolume 1.
    okt = P(date(2025, 10, 15), date(2025, 10, 31))
    assert max_volume_productperiode(NOOR_586955, okt) == 1
    assert past_binnen_productperiode(NOOR_586955, okt, 1, "82")
    assert not past_binnen_productperiode(NOOR_586955, okt, 2, "82")
    assert max_volume_toewijzing(NOOR_586955) == 11  # Oct 2025 .. Aug 2026, broken months whole
    # Catalogue IV078: 15 uur per maand, broken first month -> 15.
    t = Toewijzing(date(2025, 3, 20), None, 15, "04", "4")
    assert max_volume_productperiode(t, P(date(2025, 3, 20), date(2025, 3, 31))) == 15
    assert max_volume_toewijzing(t) is None


def test_iv078_broken_first_week_counts_as_a_full_week():
    # 3 uur per week from Thursday 27 March 2025: 27-30 March (W13) and Monday 31 March (W14).
    t = Toewijzing(date(2025, 3, 27), date(2025, 6, 30), 3, "04", "2", "02")
    assert max_volume_productperiode(t, P(date(2025, 3, 27), date(2025, 3, 31))) == 6


def test_frequentie_totaal_binnen_geldigheidsduur():
    # Noor 586956: 10 stuks in total.
    okt = P(date(2025, 10, 15), date(2025, 10, 31))
    assert max_volume_productperiode(NOOR_586956, okt) == 10
    assert max_volume_toewijzing(NOOR_586956) == 10
    assert max_volume_productperiode(NOOR_586956, P(date(2026, 9, 1), date(2026, 9, 30))) == 10  # TR308's error
    open_totaal = Toewijzing(date(2025, 10, 15), None, 10, "82", "6")
    assert max_volume_toewijzing(open_totaal) == 10
    prestaties = [maak_prestatie(str(i), volume=1, eenheid="82", tarief=31750) for i in range(10)]
    assert past_binnen_toewijzing(NOOR_586956, prestaties)
    assert not past_binnen_toewijzing(NOOR_586956, [*prestaties, maak_prestatie("x", volume=1, eenheid="82")])


def test_frequentie_per_dag():
    t = Toewijzing(date(2025, 10, 15), date(2026, 8, 14), 1, "14", "1")
    assert max_volume_productperiode(t, P(date(2025, 10, 15), date(2025, 10, 31))) == 17
    assert max_volume_productperiode(t, P(date(2025, 10, 1), date(2025, 10, 31))) == 31  # as declared (TR307)
    assert max_volume_productperiode(t, P(date(2026, 2, 1), date(2026, 2, 28))) == 28
    assert max_volume_productperiode(t, P(date(2026, 8, 15), date(2026, 8, 31))) == 17  # as declared (TR308)
    assert max_volume_toewijzing(t) == 304
    dagdelen = Toewijzing(date(2025, 10, 15), None, 2, "16", "1")
    assert max_volume_productperiode(dagdelen, P(date(2025, 11, 1), date(2025, 11, 30))) == 60
    assert max_volume_toewijzing(dagdelen) is None


def test_tr341_eenheid_past():
    assert eenheid_past("04", "04")
    assert eenheid_past("01", "04")  # toewijzing in uren, declaratie in minuten
    assert eenheid_past("82", "82")
    assert not eenheid_past("04", "01")
    assert not eenheid_past("16", "04")
    assert not eenheid_past("84", "82")


def test_volume_checks_refuse_an_eenheid_that_does_not_fit():
    with pytest.raises(ValueError, match="TR341"):
        past_binnen_productperiode(BEGELEIDING_445567, OKTOBER_GEERTJE, 1, "16")
    with pytest.raises(ValueError, match="TR341"):
        past_binnen_toewijzing(BEGELEIDING_445567, [maak_prestatie(eenheid="14")])


def test_tr369_budget():
    prestaties = [
        maak_prestatie("1", volume=15000, eenheid="83", tarief=None, bedrag=15000),
        maak_prestatie("2", volume=5000, eenheid="83", tarief=None, bedrag=5000),
    ]
    assert past_binnen_budget(20000, prestaties)
    extra = maak_prestatie("3", volume=1, eenheid="83", tarief=None, bedrag=1)
    assert not past_binnen_budget(20000, [*prestaties, extra])
    credit = maak_prestatie("4", vorig="2", volume=5000, eenheid="83", tarief=None, bedrag=5000, dc="C")
    assert past_binnen_budget(20000, [*prestaties, extra, credit])
    assert past_binnen_budget(0, [])
    with pytest.raises(ValueError):
        past_binnen_budget(-1, [])


def test_netto_geleverd_volume():
    prestaties = [maak_prestatie("1", volume=8), maak_prestatie("2", vorig="1", volume=8, dc="C")]
    assert netto_geleverd_volume(prestaties) == 0
    assert (
        netto_geleverd_volume(
            [maak_prestatie("1", volume=2), maak_prestatie("2", volume=30, eenheid="01")], "01"
        )
        == 150
    )
    with pytest.raises(ValueError, match="COD043"):
        netto_geleverd_volume([maak_prestatie("1", dc="X")])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"eenheid": "05"},
        {"frequentie": "3"},
        {"volume": -1},
        {"einddatum": date(2025, 10, 5)},
        {"uitvoeringsvariant": "trajectgericht"},
    ],
)
def test_toewijzing_rejects_invalid_values(kwargs):
    waarden = {
        "ingangsdatum": date(2025, 10, 6),
        "einddatum": date(2026, 1, 30),
        "volume": 1,
        "eenheid": "04",
        "frequentie": "2",
    }
    waarden.update(kwargs)
    with pytest.raises(ValueError):
        Toewijzing(**waarden)
