"""The CBS gemeentecodes with their validity (corpus/codelijsten/cbs_gemeenten_historie.csv, for TR378) agree with
the published counts per date and with the current CBS list the corpus is built from."""

from __future__ import annotations

import datetime as dt

import pytest

from ketenproef import corpus, gemeenten

# Number of gemeenten per date as CBS published them (see corpus/codelijsten/README.md): 403 at the start of
# 2014, 393 on 2015-01-01, then 390, 388, 380, 355 (2019 and 2020, no herindeling in 2020), 352, 345 on
# 2022-01-01, 344 after Weesp joined Amsterdam on 2022-03-24, 342 from 2023 (Voorne aan Zee).
AANTALLEN = {"2014-12-31": 403, "2015-01-01": 393, "2016-01-01": 390, "2017-01-01": 388, "2018-01-01": 380,
             "2019-01-01": 355, "2020-01-01": 355, "2021-01-01": 352, "2022-01-01": 345, "2022-03-23": 345,
             "2022-03-24": 344, "2023-01-01": 342, "2024-01-01": 342, "2025-01-01": 342, "2026-01-01": 342}


@pytest.mark.parametrize(("dag", "aantal"), AANTALLEN.items())
def test_number_of_gemeenten_on_a_date(dag, aantal):
    assert len(gemeenten.indeling_op(dt.date.fromisoformat(dag))) == aantal


def test_the_current_indeling_is_the_cbs_list_of_the_corpus():
    """The codes valid now, with their names, are exactly the CBS-GEMEENTE codelist built from the spec."""
    huidig = {c["code"]: c["omschrijving"] for c in corpus.codelists()["CBS-GEMEENTE"]["codes"]}
    nu = gemeenten.indeling_op(dt.date(2026, 1, 1))
    assert nu == set(huidig)
    assert all(gemeenten.gemeenten()[code].naam == huidig[code] for code in nu)


def test_every_abolished_gemeente_went_into_gemeenten_valid_the_next_day():
    for g in gemeenten.gemeenten().values():
        if g.geldig_tot is not None:
            dag = g.geldig_tot + dt.timedelta(days=1)
            assert g.opgegaan_in and all(gemeenten.geldig_op(c, dag) for c in g.opgegaan_in), g
            assert g.geldig_van is None or g.geldig_van <= g.geldig_tot


@pytest.mark.parametrize(("code", "dag", "geldig"), [
    ("0370", "2021-12-31", True), ("0370", "2022-01-01", False),  # Beemster -> Purmerend
    ("0457", "2022-03-23", True), ("0457", "2022-03-24", False),  # Weesp -> Amsterdam
    ("1980", "2021-12-31", False), ("1980", "2022-01-01", True),  # Dijk en Waard
    ("0241", "2015-12-31", True), ("1945", "2015-12-31", False), ("1945", "2016-01-01", True),  # Berg en Dal
    ("9999", "2026-01-01", False)])
def test_validity_of_single_codes(code, dag, geldig):
    assert gemeenten.geldig_op(code, dt.date.fromisoformat(dag)) is geldig


def test_bestond_voor():
    assert gemeenten.bestond_voor("0370", dt.date(2026, 1, 1))
    assert not gemeenten.bestond_voor("1992", dt.date(2022, 12, 31)) and gemeenten.bestond_voor("1992",
                                                                                                 dt.date(2023, 1, 1))
