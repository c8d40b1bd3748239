"""IV085 / IV086 / IV091 / TR316 / TR323 / TR358 / TR390 / TR416 / CS325: crediting (seed 001, 2550-2580)."""

import copy
from datetime import date

import pytest

from ketenproef.calculations import (
    controleer_creditprestatie,
    credits_met_debet_in_zelfde_bericht,
    dubbele_debetprestaties,
    goedgekeurde_referentienummers,
    is_creditprestatie,
    maak_creditprestatie,
    mag_credit_sturen,
    totaal_ingediend,
)

from .helpers import maak_prestatie

DEBET = maak_prestatie("972715", volume=8, tarief=20000)  # Geertje begeleiding October: 1600,00


def test_iv091_credit_equals_debet_except_reference_and_sign():
    origineel = copy.deepcopy(DEBET)
    credit = maak_creditprestatie(DEBET, "972800")
    assert credit["ProductReferentie"] == {"ReferentieNummer": "972800", "VorigReferentieNummer": "972715"}
    assert credit["IngediendBedrag"] == {"Bedrag": 160000, "DebetCredit": "C"}
    for sleutel in (
        "ToewijzingNummer",
        "ProductCategorie",
        "ProductCode",
        "ProductPeriode",
        "GeleverdVolume",
        "Eenheid",
        "ProductTarief",
    ):
        assert credit[sleutel] == DEBET[sleutel]
    assert set(credit) == set(DEBET)
    assert is_creditprestatie(credit)
    assert not is_creditprestatie(DEBET)
    # The debet is left untouched, and the credit shares no mutable parts with it.
    assert DEBET == origineel
    credit["ProductPeriode"]["Begindatum"] = date(2025, 10, 7)
    assert DEBET["ProductPeriode"]["Begindatum"] == date(2025, 10, 6)
    assert controleer_creditprestatie(maak_creditprestatie(DEBET, "972800"), DEBET) == []


def test_iv091_credit_needs_a_new_valid_reference():
    with pytest.raises(ValueError, match="IV091"):
        maak_creditprestatie(DEBET, "972715")
    with pytest.raises(ValueError):
        maak_creditprestatie(DEBET, "")
    with pytest.raises(ValueError):
        maak_creditprestatie(DEBET, "1" * 21)
    assert maak_creditprestatie(DEBET, "1" * 20)["ProductReferentie"]["ReferentieNummer"] == "1" * 20


def test_iv091_only_a_debet_can_be_credited():
    credit = maak_creditprestatie(DEBET, "972800")
    with pytest.raises(ValueError, match="IV091"):
        maak_creditprestatie(credit, "972801")


def test_cs325_zero_debet_cannot_be_credited():
    with pytest.raises(ValueError, match="CS325"):
        maak_creditprestatie(maak_prestatie("1", volume=0, bedrag=0), "2")


def test_controleer_creditprestatie_finds_each_error():
    goed = maak_creditprestatie(DEBET, "972800")
    zonder_vorig = copy.deepcopy(goed)
    zonder_vorig["ProductReferentie"]["VorigReferentieNummer"] = None
    assert controleer_creditprestatie(zonder_vorig, DEBET) == ["CD060"]
    verkeerd_vorig = copy.deepcopy(goed)
    verkeerd_vorig["ProductReferentie"]["VorigReferentieNummer"] = "111"
    assert controleer_creditprestatie(verkeerd_vorig, DEBET) == ["TR323"]
    ander_volume = copy.deepcopy(goed)
    ander_volume["GeleverdVolume"] = 7
    assert controleer_creditprestatie(ander_volume, DEBET) == ["IV091"]
    ander_bedrag = copy.deepcopy(goed)
    ander_bedrag["IngediendBedrag"]["Bedrag"] = 1
    assert controleer_creditprestatie(ander_bedrag, DEBET) == ["IV091"]
    geen_c = copy.deepcopy(goed)
    geen_c["IngediendBedrag"]["DebetCredit"] = "D"
    assert controleer_creditprestatie(geen_c, DEBET) == ["IV091"]
    zelfde_ref = copy.deepcopy(goed)
    zelfde_ref["ProductReferentie"]["ReferentieNummer"] = "972715"
    assert controleer_creditprestatie(zelfde_ref, DEBET) == ["IV091"]


def test_iv086_totaal_ingediend_debet_minus_credit():
    hh = maak_prestatie("972715", toewijzingnummer="445566", categorie="01", volume=4, tarief=4000)
    begeleiding = maak_prestatie("972716", volume=8, tarief=20000)
    assert totaal_ingediend([hh, begeleiding]) == (176000, "D")
    credit = maak_creditprestatie(begeleiding, "972800")
    correctie = maak_prestatie("972801", volume=6, tarief=20000)
    # 1200,00 - 1600,00 = -400,00
    assert totaal_ingediend([credit, correctie]) == (40000, "C")
    assert totaal_ingediend([credit]) == (160000, "C")
    # -1600,00 + 1200,00 + 160,00 = -240,00
    assert totaal_ingediend([credit, correctie, hh]) == (24000, "C")
    # 160,00 + 1600,00 - 1600,00 + 1200,00 = 1360,00
    assert totaal_ingediend([hh, begeleiding, credit, correctie]) == (136000, "D")


def test_cs325_zero_total_is_debet():
    begeleiding = maak_prestatie("972716", volume=8, tarief=20000)
    assert totaal_ingediend([begeleiding, maak_creditprestatie(begeleiding, "972800")]) == (0, "D")
    assert totaal_ingediend([]) == (0, "D")


def test_totaal_ingediend_rejects_unknown_sign():
    with pytest.raises(ValueError, match="COD043"):
        totaal_ingediend([maak_prestatie("1", dc="X")])


def test_iv086_tr316_debet_and_its_own_credit_in_one_message():
    credit = maak_creditprestatie(DEBET, "972800")
    assert credits_met_debet_in_zelfde_bericht([DEBET, credit]) == ["972800"]
    assert credits_met_debet_in_zelfde_bericht([credit, DEBET]) == ["972800"]


def test_iv086_credit_with_a_new_corrected_debet_is_allowed():
    credit = maak_creditprestatie(DEBET, "972800")
    correctie = maak_prestatie("972801", volume=6)
    assert credits_met_debet_in_zelfde_bericht([credit, correctie]) == []
    assert credits_met_debet_in_zelfde_bericht([DEBET]) == []


def test_tr316_credit_referring_to_itself():
    zelf = maak_prestatie("5", vorig="5", dc="C")
    assert credits_met_debet_in_zelfde_bericht([zelf]) == ["5"]


def test_tr416_two_debets_for_the_same_combination():
    eerste = maak_prestatie("1")
    tweede = maak_prestatie("2")
    andere_periode = maak_prestatie("3", begin=date(2025, 11, 1), eind=date(2025, 11, 30))
    andere_code = maak_prestatie("4", code="02A17")
    assert dubbele_debetprestaties([eerste, tweede, andere_periode, andere_code]) == ["2"]
    assert dubbele_debetprestaties([eerste, maak_creditprestatie(eerste, "9"), andere_periode]) == []
    assert dubbele_debetprestaties([eerste, tweede, maak_prestatie("5")]) == ["2", "5"]


def test_iv087_goedgekeurde_referentienummers_are_the_not_rejected_debets():
    ingediend = [maak_prestatie("1"), maak_prestatie("2"), maak_prestatie("3", vorig="0", dc="C")]
    assert goedgekeurde_referentienummers(ingediend, {"2"}) == {"1"}
    assert goedgekeurde_referentienummers(ingediend, set()) == {"1", "2"}
    assert goedgekeurde_referentienummers(ingediend, {"1", "2", "3"}) == set()


def test_iv085_credit_only_after_approval_and_only_once():
    assert mag_credit_sturen(DEBET, goedgekeurd={"972715"})
    assert not mag_credit_sturen(DEBET, goedgekeurd=set())  # no 325 yet, or rejected
    assert not mag_credit_sturen(DEBET, goedgekeurd={"972715"}, gecrediteerd={"972715"})  # OP360/TR390
    assert mag_credit_sturen(DEBET, goedgekeurd={"972715"}, gecrediteerd={"111"})
    credit = maak_creditprestatie(DEBET, "972800")
    assert not mag_credit_sturen(credit, goedgekeurd={"972715", "972800"})


def test_iv085_flow_with_a_325():
    ingediend = [DEBET, maak_prestatie("972716")]
    goedgekeurd = goedgekeurde_referentienummers(ingediend, afgewezen_referentienummers={"972716"})
    assert mag_credit_sturen(ingediend[0], goedgekeurd)
    assert not mag_credit_sturen(ingediend[1], goedgekeurd)  # a rejected prestatie is never credited
