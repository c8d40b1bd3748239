"""The order with an index (CSV or JSON lines): its tijd decides, ties keep the index's rows; problems reported."""

from __future__ import annotations

import json

import pytest

from ketenproef import generator
from ketenproef.archief import lees_archief
from ketenproef.archief.index import tijd
from tests.unit.archief.maken import als_map, als_tar, als_zip

LEDEN = {f"{n}.xml": generator.voorbeeld(n, 3) for n in ("WMO301", "WMO302", "WMO305", "WMO306", "WMO317")}
# The real order differs from the order by Dagtekening and Identificatie: 305 first, its retour last.
RIJEN = [("WMO305.xml", "ontvangen", "2026-05-01T09:00:00"), ("WMO301.xml", "verzonden", "2026-05-01T10:00:00+02:00"),
         ("WMO317.xml", "ontvangen", "2026-05-01T10:00:00"), ("WMO302.xml", "ontvangen", "2026-05-02"),
         ("WMO306.xml", "verzonden", "2026-05-03T08:00:00Z")]


def _csv(rijen) -> bytes:
    return ("bestand,richting,tijd\r\n" + "".join(f"{b},{r},{t}\r\n" for b, r, t in rijen)).encode()


def _jsonl(rijen) -> bytes:
    return "".join(json.dumps({"bestand": b, "richting": r, "tijd": t}) + "\n" for b, r, t in rijen).encode()


def _volgorde(archief) -> list[str]:
    return [r.bestand for r in archief.records]


@pytest.mark.parametrize("vorm", [_csv, _jsonl])
def test_index_gives_the_order_ties_by_row(tmp_path, vorm):
    index = tmp_path / "lijst"
    index.write_bytes(vorm(RIJEN))
    archief = lees_archief(als_zip(tmp_path / "a.zip", LEDEN), index=index)
    assert archief.met_index and archief.meldingen == []
    assert _volgorde(archief) == [b for b, _, _ in RIJEN]
    assert archief.records[0].verkeer == "ontvangen"
    assert archief.records[-1].tijd.isoformat() == "2026-05-03T10:00:00"  # Z converted to Dutch summer time


def test_index_inside_the_archive(tmp_path):
    for pad in (als_tar(tmp_path / "a.tgz", {**LEDEN, "index.csv": _csv(RIJEN)}),
                als_map(tmp_path / "m", {**LEDEN, "index.jsonl": _jsonl(RIJEN)})):
        archief = lees_archief(pad)
        assert _volgorde(archief) == [b for b, _, _ in RIJEN], pad


def test_without_index_the_dagtekening_order(tmp_path):
    archief = lees_archief(als_zip(tmp_path / "a.zip", LEDEN))
    assert not archief.met_index
    assert _volgorde(archief) != [b for b, _, _ in RIJEN]
    assert _volgorde(archief).index("WMO301.xml") + 1 == _volgorde(archief).index("WMO302.xml")


def test_index_problems_reported(tmp_path):
    rijen = [*RIJEN[:3], ("WMO302.xml", "ontvangen", "gisteren"), ("weg.xml", "heen", "2026-05-04"),
             ("WMO301.xml", "heen", "2026-05-05"), ("", "heen", "2026-05-06")]
    index = tmp_path / "index.csv"
    index.write_bytes(_csv(rijen))
    archief = lees_archief(als_zip(tmp_path / "a.zip", LEDEN), index=index)
    redenen = " | ".join(f"{m.bestand}: {m.reden}" for m in archief.meldingen)
    assert "geldige tijd" in redenen and "gisteren" in redenen
    assert "weg.xml staat niet in het archief" in redenen
    assert "al eerder in de index" in redenen and "zonder bestand" in redenen
    assert "WMO306.xml: Staat niet in de index" in redenen
    # rows with a valid time first in their order; the rest after them, by Dagtekening (302 after its 301)
    assert _volgorde(archief)[:3] == [b for b, _, _ in RIJEN[:3]]
    assert set(_volgorde(archief)[3:]) == {"WMO302.xml", "WMO306.xml"}


def test_index_richting_contradicting_the_message(tmp_path):
    index = tmp_path / "index.jsonl"
    index.write_bytes(_jsonl([("WMO302.xml", "heen", "2026-05-01"), ("WMO301.xml", "naar", "2026-05-01")]))
    archief = lees_archief(als_zip(tmp_path / "a.zip", LEDEN), index=index)
    redenen = {m.bestand: m.reden for m in archief.meldingen}
    assert "retourbericht" in redenen["WMO302.xml"] and "Onbekende richting" in redenen["index.jsonl:2"]


def test_bad_index_lines_and_missing_index(tmp_path):
    index = tmp_path / "index.jsonl"
    index.write_bytes(b'{"bestand": "WMO301.xml", "tijd": "2026-05-01"}\n[1, 2]\nnot json\n')
    archief = lees_archief(als_zip(tmp_path / "a.zip", LEDEN), index=index)
    assert [m.bestand for m in archief.meldingen if "JSON" in m.reden] == ["index.jsonl:2", "index.jsonl:3"]
    archief = lees_archief(als_zip(tmp_path / "b.zip", LEDEN), index=tmp_path / "nergens.csv")
    assert "niet te lezen" in archief.meldingen[0].reden and len(archief.records) == len(LEDEN)


@pytest.mark.parametrize("text", ["2026-05-01", "2026-05-01T10:00", "2026-05-01 10:00:00+01:00"])
def test_iso_times(text):
    assert tijd(text).year == 2026 and tijd(text).tzinfo is None


@pytest.mark.parametrize("text", ["", "01-05-2026", "gisteren", "2026-13-01"])
def test_bad_times(text):
    assert tijd(text) is None


def test_unreadable_csv_index_reported(tmp_path):
    index = tmp_path / "index.csv"
    index.write_bytes(b'bestand,richting,tijd\r\nWMO301.xml,heen,"' + b"x" * 200_000 + b'"\r\n')  # over csv's limit
    archief = lees_archief(als_zip(tmp_path / "a.zip", LEDEN), index=index)
    assert "geen leesbare CSV" in archief.meldingen[0].reden and len(archief.records) == len(LEDEN)


def test_dot_slash_names_match_the_index(tmp_path):
    pad = als_tar(tmp_path / "a.tgz", {f"./{naam}": data for naam, data in LEDEN.items()})
    index = tmp_path / "index.csv"
    index.write_bytes(_csv([(f"./{b}" if i % 2 else b, r, t) for i, (b, r, t) in enumerate(RIJEN)]))
    archief = lees_archief(pad, index=index)
    assert archief.meldingen == [] and _volgorde(archief) == [b for b, _, _ in RIJEN]
