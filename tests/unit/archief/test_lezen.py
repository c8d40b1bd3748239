"""Reading a folder, zip or tar of generated messages: records, linking and the order without an index."""

from __future__ import annotations

import datetime as dt

import pytest

from ketenproef import generator
from ketenproef.archief import HEEN, RETOUR, Lid, lees_archief, open_bron
from tests.unit.archief.maken import PAREN, als_map, als_tar, als_zip, berichten


@pytest.fixture(scope="module")
def leden():
    return berichten()


@pytest.fixture(params=["map", "zip", "tar.gz"])
def archief_pad(request, tmp_path, leden):
    if request.param == "map":
        return als_map(tmp_path / "map", leden)
    if request.param == "zip":
        return als_zip(tmp_path / "a.zip", leden)
    return als_tar(tmp_path / "a.tar.gz", leden)


def _posities(archief) -> dict[str, int]:
    return {r.bestand: i for i, r in enumerate(archief.records)}


def test_every_message_read_in_every_format(archief_pad, leden):
    archief = lees_archief(archief_pad)
    assert archief.meldingen == []
    assert sorted(r.bestand for r in archief.records) == sorted(leden)
    assert {r.bericht for r in archief.records} == {n for paar in PAREN for n in paar}


def test_same_order_in_every_format(tmp_path, leden):
    orders = [[r.bestand for r in lees_archief(p).records] for p in
              (als_map(tmp_path / "m", leden), als_zip(tmp_path / "a.zip", leden), als_tar(tmp_path / "a.tgz", leden))]
    assert orders[0] == orders[1] == orders[2]


def test_retour_placed_before_its_heen_is_ordered_after_it(archief_pad):
    archief = lees_archief(archief_pad)
    plek = _posities(archief)
    for seed in range(3):
        for heen, retour in PAREN:
            assert plek[f"s{seed}/{heen}.xml"] < plek[f"s{seed}/{retour}.xml"], (seed, heen)


def test_ordered_by_dagtekening(archief_pad):
    records = lees_archief(archief_pad).records
    heen = [r.dagtekening for r in records if r.richting == HEEN]
    assert heen == sorted(heen)
    assert len(set(heen)) > 1  # three seeds, three days: the order is not trivially true


def test_record_fields_of_a_retour_and_a_325(tmp_path):
    leden = {"a/301.xml": generator.voorbeeld("WMO301", 4), "a/302.xml": generator.voorbeeld("WMO302", 4),
             "b/323.xml": generator.voorbeeld("JW323", 4), "b/325.xml": generator.voorbeeld("JW325", 4)}
    records = {r.bericht: r for r in lees_archief(als_zip(tmp_path / "a.zip", leden)).records}
    t301, t302, t323, t325 = records["WMO301"], records["WMO302"], records["JW323"], records["JW325"]
    assert (t301.richting, t302.richting, t325.richting) == (HEEN, RETOUR, RETOUR)
    assert (t302.heen_identificatie, t302.heen_dagtekening) == (t301.identificatie, t301.dagtekening)
    assert t302.identificatie not in (None, t301.identificatie)
    assert (t325.heen_identificatie, t325.heen_dagtekening) == (t323.identificatie, t323.dagtekening)
    assert t325.identificatie != t323.identificatie
    assert t301.bsns and t302.bsns == t301.bsns
    assert len(t323.bsns) > 1 and set(t325.bsns) == set(t323.bsns)
    assert {t301.afzender, t301.ontvanger} == {t302.afzender, t302.ontvanger}
    assert t323.standaard == "iJw" and t301.standaard == "iWmo"


def test_retour_with_earlier_own_dagtekening_still_after_its_heen(tmp_path):
    heen = generator.voorbeeld("WMO305", 2, dagtekening=dt.date(2026, 3, 10))
    retour = generator.voorbeeld("WMO306", 2, dagtekening=dt.date(2026, 3, 10))
    retour = retour.replace(b"<wmo306:DagtekeningRetour>2026-03-10", b"<wmo306:DagtekeningRetour>2026-03-01")
    ander = generator.voorbeeld("WMO301", 7, dagtekening=dt.date(2026, 3, 5))
    leden = {"r.xml": retour, "h.xml": heen, "x.xml": ander}
    archief = lees_archief(als_zip(tmp_path / "a.zip", leden))
    assert [r.bestand for r in archief.records] == ["x.xml", "h.xml", "r.xml"]
    assert archief.records[2].dagtekening == dt.date(2026, 3, 1)


def test_same_day_ordered_by_identificatie(tmp_path):
    dag = dt.date(2026, 4, 1)
    leden = {f"{seed}.xml": generator.voorbeeld("WMO301", seed, dagtekening=dag) for seed in range(6)}
    records = lees_archief(als_zip(tmp_path / "a.zip", leden)).records
    assert [r.identificatie for r in records] == sorted(r.identificatie for r in records)


def test_member_read_again_by_name(archief_pad, leden):
    bron = open_bron(archief_pad)
    assert bron.lees("s1/JW306.xml") == leden["s1/JW306.xml"]
    assert not isinstance(bron.lees("bestaat/niet.xml"), bytes)
    assert all(isinstance(lid, Lid) for lid in bron.leden())


def test_message_without_readable_dagtekening_kept_reported_and_last(tmp_path):
    heen = generator.voorbeeld("WMO315", 5, dagtekening=dt.date(2026, 6, 1))
    kapot = generator.voorbeeld("WMO317", 5, dagtekening=dt.date(2026, 1, 1)).replace(b">2026-01-01<", b">2026-02-30<")
    archief = lees_archief(als_zip(tmp_path / "a.zip", {"kapot.xml": kapot, "goed.xml": heen}))
    assert [r.bestand for r in archief.records] == ["goed.xml", "kapot.xml"]
    assert archief.records[1].dagtekening is None and archief.records[1].identificatie
    assert [m.bestand for m in archief.meldingen] == ["kapot.xml"] and "Dagtekening" in archief.meldingen[0].reden
