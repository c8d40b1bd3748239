"""Archives for the tests, built from generated messages (synthetic people only: ketenproef.fake via the generator)."""

from __future__ import annotations

import datetime as dt
import io
import tarfile
import zipfile
from pathlib import Path

from ketenproef import generator

PAREN = (("WMO301", "WMO302"), ("JW305", "JW306"), ("WMO323", "WMO325"), ("JW319", "JW320"))


def berichten(seeds=range(3), dagtekening: dt.date | None = None) -> dict[str, bytes]:
    """Per seed a heenbericht and its retour for each pair, the retour listed first (so archive order is wrong)."""
    kw = {"dagtekening": dagtekening} if dagtekening else {}
    found = {}
    for seed in seeds:
        for heen, retour in PAREN:
            found[f"s{seed}/{retour}.xml"] = generator.voorbeeld(retour, seed, **kw)
            found[f"s{seed}/{heen}.xml"] = generator.voorbeeld(heen, seed, **kw)
    return found


def als_map(pad: Path, leden: dict[str, bytes]) -> Path:
    for naam, data in leden.items():
        (pad / naam).parent.mkdir(parents=True, exist_ok=True)
        (pad / naam).write_bytes(data)
    return pad


def als_zip(pad: Path, leden: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as archive:
        for naam, data in leden.items():
            archive.writestr(naam, data)
    return pad


def tar_lid(naam: str, data: bytes = b"", soort: bytes = tarfile.REGTYPE, doel: str = "") -> tuple:
    info = tarfile.TarInfo(naam)
    info.type, info.size, info.linkname = soort, len(data), doel
    return info, (io.BytesIO(data) if soort == tarfile.REGTYPE else None)


def als_tar(pad: Path, leden: dict[str, bytes], extra: list[tuple] = (), mode: str = "w:gz") -> Path:
    with tarfile.open(pad, mode) as archive:
        for naam, data in leden.items():
            archive.addfile(*tar_lid(naam, data))
        for info, stream in extra:
            archive.addfile(info, stream)
    return pad
