"""Hostile and broken archives: every bad member is reported in Dutch, the rest is still read, nothing raises."""

from __future__ import annotations

import stat
import struct
import tarfile
import zipfile

from ketenproef import generator
from ketenproef.archief import lees_archief
from tests.unit.archief.maken import als_map, als_tar, als_zip, berichten, tar_lid

GOED = {"goed/301.xml": generator.voorbeeld("WMO301", 1), "goed/302.xml": generator.voorbeeld("WMO302", 1)}
SLECHT = {
    "tekst.txt": b"dit is geen xml",
    "kapot.xml": b"<a><b></a>",
    "utf16.xml": '<?xml version="1.0" encoding="UTF-16"?><a/>'.encode("utf-16"),
    "latin1.xml": '<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>'.encode("latin-1"),
    "ander.xml": b"<?xml version='1.0' encoding='UTF-8'?><Factuur xmlns='urn:x'/>",
    "leeg.xml": b"",
    "doctype.xml": b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>",
    "binnen.zip": b"PK\x03\x04rest",
    "binnen.gz": b"\x1f\x8b\x08rest",
}


def _gemeld(archief) -> dict[str, str]:
    return {m.bestand: m.reden for m in archief.meldingen}


def _gelezen(archief) -> set[str]:
    return {r.bestand for r in archief.records}


def test_bad_members_reported_good_ones_read(tmp_path):
    for pad in (als_map(tmp_path / "m", {**GOED, **SLECHT}), als_zip(tmp_path / "a.zip", {**GOED, **SLECHT}),
                als_tar(tmp_path / "a.tar.gz", {**GOED, **SLECHT})):
        archief = lees_archief(pad)
        assert _gelezen(archief) == set(GOED), pad
        gemeld = _gemeld(archief)
        assert set(gemeld) == set(SLECHT), pad
        assert "archief in het archief" in gemeld["binnen.zip"] and "archief in het archief" in gemeld["binnen.gz"]
        assert "OP192" in gemeld["utf16.xml"] or "UTF-16" in gemeld["utf16.xml"]
        assert "Geen iWmo/iJw 3.2-bericht" in gemeld["ander.xml"]
        assert "DOCTYPE" in gemeld["doctype.xml"]


def test_tar_links_devices_and_unsafe_names_reported(tmp_path):
    extra = [tar_lid("link.xml", soort=tarfile.SYMTYPE, doel="/etc/passwd"),
             tar_lid("hard.xml", soort=tarfile.LNKTYPE, doel="goed/301.xml"),
             tar_lid("apparaat", soort=tarfile.CHRTYPE), tar_lid("pijp", soort=tarfile.FIFOTYPE),
             tar_lid("/etc/absoluut.xml", GOED["goed/301.xml"]), tar_lid("../buiten.xml", GOED["goed/301.xml"]),
             tar_lid("goed/301.xml", b"<tweede/>")]
    archief = lees_archief(als_tar(tmp_path / "a.tar", GOED, extra, mode="w"))
    assert _gelezen(archief) == set(GOED)
    gemeld = [(m.bestand, m.reden) for m in archief.meldingen]
    assert [b for b, _ in gemeld] == ["link.xml", "hard.xml", "apparaat", "pijp", "/etc/absoluut.xml",
                                      "../buiten.xml", "goed/301.xml"]
    assert "absolute naam" in gemeld[4][1] and "'..'" in gemeld[5][1] and "eerder" in gemeld[6][1]


def test_folder_symlink_reported_not_followed(tmp_path):
    buiten = tmp_path / "buiten.xml"
    buiten.write_bytes(GOED["goed/301.xml"])
    pad = als_map(tmp_path / "m", GOED)
    (pad / "link.xml").symlink_to(buiten)
    archief = lees_archief(pad)
    assert _gelezen(archief) == set(GOED)
    assert "symbolische link" in _gemeld(archief)["link.xml"]


def test_member_over_the_cap_reported_by_declared_size(tmp_path):
    groot = b"<a>" + b" " * 5000 + b"</a>"
    for pad in (als_zip(tmp_path / "a.zip", {**GOED, "groot.xml": groot}),
                als_tar(tmp_path / "a.tgz", {**GOED, "groot.xml": groot}),
                als_map(tmp_path / "m", {"groot.xml": groot})):
        archief = lees_archief(pad, cap=4096)
        assert "grens is 4,096 bytes" in _gemeld(archief)["groot.xml"], pad


def _lieg_over_grootte(pad, naam: bytes, echte: int, gezegd: int) -> None:
    """Rewrite a zip's declared uncompressed size (local header and central directory), as a zip bomb does."""
    data = bytearray(pad.read_bytes())
    for handtekening, plek in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        begin = 0
        while (begin := data.find(handtekening, begin)) != -1:
            if struct.unpack_from("<I", data, begin + plek)[0] == echte:
                struct.pack_into("<I", data, begin + plek, gezegd)
            begin += 4
    pad.write_bytes(bytes(data))


def test_zip_bomb_member_reported_and_reading_stops(tmp_path):
    bom = b"<a>" + b" " * (30 * 1024 * 1024) + b"</a>"  # 30 MiB, a few KB compressed, over the 25 MB cap
    pad = als_zip(tmp_path / "bom.zip", {**GOED, "bom.xml": bom})
    archief = lees_archief(pad)
    assert _gelezen(archief) == set(GOED) and "grens" in _gemeld(archief)["bom.xml"]
    _lieg_over_grootte(pad, b"bom.xml", len(bom), 1000)  # now it claims 1,000 bytes
    archief = lees_archief(pad, cap=64 * 1024)
    assert _gelezen(archief) == set(GOED)
    assert "beschadigd" in _gemeld(archief)["bom.xml"]  # read only as far as it claimed, then the CRC fails


def test_truncated_tar_keeps_what_came_before(tmp_path):
    leden = berichten(seeds=range(2))
    pad = als_tar(tmp_path / "a.tar", leden, mode="w")
    data = pad.read_bytes()
    pad.write_bytes(data[: len(data) // 2 + 100])
    archief = lees_archief(pad)
    assert 0 < len(archief.records) < len(leden)
    assert any("beschadigd" in m.reden or "Niet gelezen" in m.reden for m in archief.meldingen)


def test_truncated_tar_gz_keeps_what_came_before(tmp_path):
    leden = berichten(seeds=range(2))
    pad = als_tar(tmp_path / "a.tar.gz", leden)
    data = pad.read_bytes()
    pad.write_bytes(data[: len(data) * 2 // 3])
    archief = lees_archief(pad)
    assert 0 < len(archief.records) < len(leden)
    assert any("beschadigd" in m.reden for m in archief.meldingen)


def test_corrupt_zip_member_and_truncated_zip(tmp_path):
    pad = als_zip(tmp_path / "a.zip", GOED)
    data = bytearray(pad.read_bytes())
    eerste = data.find(b"PK\x03\x04") + 30 + len("goed/301.xml")
    data[eerste + 20: eerste + 40] = b"\x00" * 20  # the first member's compressed data is damaged
    pad.write_bytes(bytes(data))
    archief = lees_archief(pad)
    assert _gelezen(archief) == {"goed/302.xml"} and "goed/301.xml" in _gemeld(archief)
    pad.write_bytes(bytes(data[:200]))
    archief = lees_archief(pad)
    assert archief.records == [] and "niet te lezen" in archief.meldingen[0].reden


def test_missing_path_and_not_an_archive(tmp_path):
    assert "bestaat niet" in lees_archief(tmp_path / "nergens").meldingen[0].reden
    (tmp_path / "los.bin").write_bytes(b"\x00\x01 geen archief")
    assert "Geen map, zip- of tar-archief" in lees_archief(tmp_path / "los.bin").meldingen[0].reden


def test_archives_cut_or_flipped_anywhere_never_raise(tmp_path):
    leden = berichten(seeds=range(1))
    for vorm, maak in (("zip", als_zip), ("tar.gz", als_tar), ("tar", lambda p, d: als_tar(p, d, mode="w"))):
        heel = maak(tmp_path / f"heel.{vorm}", leden).read_bytes()
        for i, plek in enumerate(range(0, len(heel), max(1, len(heel) // 25))):
            kapot = bytearray(heel)
            kapot[plek: plek + 8] = b"\xff" * 8
            for j, data in enumerate((heel[:plek], bytes(kapot))):
                pad = tmp_path / f"k{i}_{j}.{vorm}"
                pad.write_bytes(data)
                archief = lees_archief(pad)  # must not raise
                assert len(archief.records) <= len(leden)
                assert archief.records or archief.meldingen, (vorm, plek, j)


def test_zip_symlink_member_reported(tmp_path):
    pad = als_zip(tmp_path / "a.zip", GOED)
    with zipfile.ZipFile(pad, "a") as archive:
        link = zipfile.ZipInfo("link.xml")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    archief = lees_archief(pad)
    assert _gelezen(archief) == set(GOED) and "symbolische link" in _gemeld(archief)["link.xml"]
