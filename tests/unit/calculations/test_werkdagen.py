"""Werkdagen and time limits: OP271 / OP272 (5 werkdagen), OP090 (3), OP090x4 (10), OP274 / OP346 (5)."""

from datetime import date, timedelta

import pytest

from ketenproef.calculations import (
    TERMIJN_ANTWOORD_VERZOEK,
    TERMIJN_DECLARATIEANTWOORD,
    TERMIJN_REGIEBERICHT,
    TERMIJN_RETOURBERICHT,
    feestdagen,
    is_feestdag,
    is_tijdig,
    is_werkdag,
    plus_werkdagen,
    regiebericht_deadline,
    werkdagen_tussen,
)


def test_termijnen_from_the_catalogue():
    assert TERMIJN_REGIEBERICHT == 5
    assert TERMIJN_RETOURBERICHT == 3
    assert TERMIJN_DECLARATIEANTWOORD == 10
    assert TERMIJN_ANTWOORD_VERZOEK == 5


@pytest.mark.parametrize(
    "dag",
    [
        date(2026, 1, 1),  # Nieuwjaarsdag (Thursday)
        date(2026, 4, 3),  # Goede Vrijdag (library: public)
        date(2026, 4, 6),  # Tweede paasdag
        date(2026, 4, 27),  # Koningsdag (Monday)
        date(2026, 5, 5),  # Bevrijdingsdag, not a lustrum year: counted anyway (Algemene termijnenwet)
        date(2025, 5, 5),  # Bevrijdingsdag, lustrum year
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2026, 5, 25),  # Tweede pinksterdag
        date(2025, 12, 25),  # Eerste kerstdag
        date(2025, 12, 26),  # Tweede kerstdag
        date(2027, 4, 27),  # Koningsdag 2027 (Tuesday)
    ],
)
def test_public_holidays_on_weekdays_are_not_werkdagen(dag):
    assert dag.weekday() < 5
    assert is_feestdag(dag)
    assert not is_werkdag(dag)


@pytest.mark.parametrize(
    "dag",
    [
        date(2026, 4, 2),  # Witte Donderdag
        date(2026, 4, 7),
        date(2026, 4, 28),
        date(2026, 5, 4),  # Dodenherdenking is a normal working day
        date(2026, 5, 15),  # Friday after Hemelvaart
        date(2026, 5, 26),
        date(2025, 12, 24),  # Kerstavond
        date(2025, 12, 31),  # Oudejaarsdag
        date(2025, 4, 25),  # Friday before Koningsdag 2025 (Sat 26 April)
    ],
)
def test_ordinary_weekdays_are_werkdagen(dag):
    assert not is_feestdag(dag)
    assert is_werkdag(dag)


def test_weekends_are_never_werkdagen():
    for dag in (date(2026, 4, 4), date(2026, 4, 5), date(2026, 5, 24), date(2025, 4, 26)):
        assert dag.weekday() >= 5
        assert not is_werkdag(dag)


def test_koningsdag_on_sunday_moves_to_saturday():
    assert date(2025, 4, 26) in feestdagen(2025)  # 27 April 2025 is a Sunday
    assert date(2025, 4, 27) not in feestdagen(2025)


def test_feestdagen_2026_is_exactly_the_expected_set():
    assert feestdagen(2026) == {
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 5),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 24),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    }


@pytest.mark.parametrize(
    ("gebeurtenis", "deadline"),
    [
        (date(2026, 4, 2), date(2026, 4, 13)),  # Easter: Goede Vrijdag and Tweede paasdag skipped
        (date(2026, 4, 24), date(2026, 5, 4)),  # Koningsdag Monday 27 April skipped
        (date(2026, 4, 30), date(2026, 5, 8)),  # Bevrijdingsdag Tuesday 5 May skipped
        (date(2026, 5, 13), date(2026, 5, 21)),  # Hemelvaartsdag 14 May skipped
        (date(2026, 5, 22), date(2026, 6, 1)),  # Tweede pinksterdag 25 May skipped
        (date(2025, 12, 24), date(2026, 1, 5)),  # both Kerstdagen and Nieuwjaarsdag skipped
        (date(2026, 3, 2), date(2026, 3, 9)),  # plain week: Monday -> next Monday
        (date(2026, 3, 7), date(2026, 3, 13)),  # event on a Saturday -> Friday
    ],
)
def test_regiebericht_deadline_around_holidays(gebeurtenis, deadline):
    assert regiebericht_deadline(gebeurtenis) == deadline
    assert werkdagen_tussen(gebeurtenis, deadline) == 5


def test_op272_geertje_stop_begeleiding_sent_on_friday_9_january_is_on_time():
    # Einddatum 06-01-2026, Stop zorg sent Friday 9 January (seed 001, lines 3138-3160).
    assert regiebericht_deadline(date(2026, 1, 6)) == date(2026, 1, 13)
    assert is_tijdig(date(2026, 1, 6), date(2026, 1, 9))
    assert is_tijdig(date(2026, 1, 6), date(2026, 1, 13))
    assert not is_tijdig(date(2026, 1, 6), date(2026, 1, 14))


def test_op272_geertje_definitive_stops():
    assert is_tijdig(date(2026, 2, 25), date(2026, 2, 26))  # HH: einddatum 25-02, sent 26-02
    assert regiebericht_deadline(date(2026, 6, 10)) == date(2026, 6, 17)  # begeleiding: einddatum 10-06
    assert is_tijdig(date(2026, 6, 10), date(2026, 6, 12))


def test_op271_start_within_5_werkdagen_and_retroactive_toewijzing():
    assert regiebericht_deadline(date(2025, 10, 8)) == date(2025, 10, 15)  # Geertje begeleiding start
    # Toewijzing received later than the start: count from the receipt of the 301.
    assert regiebericht_deadline(date(2025, 10, 8), ontvangst_toewijzing=date(2025, 10, 20)) == date(
        2025, 10, 27
    )
    # Received before the start: the start counts.
    assert regiebericht_deadline(date(2025, 10, 8), ontvangst_toewijzing=date(2025, 10, 1)) == date(
        2025, 10, 15
    )
    assert not is_tijdig(date(2025, 10, 8), date(2025, 10, 24))
    assert is_tijdig(date(2025, 10, 8), date(2025, 10, 24), ontvangst_toewijzing=date(2025, 10, 20))


def test_other_time_limits_reuse_the_same_counting():
    assert regiebericht_deadline(date(2025, 11, 4), TERMIJN_DECLARATIEANTWOORD) == date(
        2025, 11, 18
    )  # OP090x4
    assert regiebericht_deadline(date(2025, 12, 23), TERMIJN_RETOURBERICHT) == date(2025, 12, 30)  # OP090
    assert regiebericht_deadline(date(2025, 12, 23), 0) == date(2025, 12, 23)
    with pytest.raises(ValueError):
        regiebericht_deadline(date(2025, 12, 23), -1)


def test_sending_before_the_event_is_on_time():
    assert is_tijdig(date(2026, 1, 6), date(2026, 1, 5))


def test_werkdagen_tussen():
    assert werkdagen_tussen(date(2026, 1, 6), date(2026, 1, 9)) == 3
    assert werkdagen_tussen(date(2026, 1, 6), date(2026, 1, 6)) == 0
    assert werkdagen_tussen(date(2026, 1, 9), date(2026, 1, 6)) == -3
    assert werkdagen_tussen(date(2026, 4, 7), date(2026, 4, 2)) == -1  # only Thu 2 April counts
    assert werkdagen_tussen(date(2026, 4, 6), date(2026, 4, 2)) == -1
    assert werkdagen_tussen(date(2026, 4, 2), date(2026, 4, 7)) == 1  # Fri 3, Sat, Sun, Mon 6 not counted
    assert (
        werkdagen_tussen(date(2025, 12, 31), date(2026, 12, 31)) == 253
    )  # 261 weekdays - 8 weekday holidays


def test_plus_werkdagen_negative_and_zero():
    assert plus_werkdagen(date(2026, 4, 7), -1) == date(2026, 4, 2)
    assert plus_werkdagen(date(2026, 4, 28), -1) == date(2026, 4, 24)
    assert plus_werkdagen(date(2026, 4, 5), 0) == date(2026, 4, 5)  # not moved, even on a holiday
    assert plus_werkdagen(date(2026, 4, 5), 1) == date(2026, 4, 7)


def test_plus_werkdagen_and_werkdagen_tussen_are_inverse():
    start = date(2025, 12, 15)
    for offset in range(0, 200, 7):
        dag = start + timedelta(days=offset)
        for n in (-7, -1, 1, 3, 5, 10, 23):
            doel = plus_werkdagen(dag, n)
            assert werkdagen_tussen(dag, doel) == n
            assert is_werkdag(doel)
