"""The members of a folder, zip or tar, one at a time, each read up to the size cap and never written to disk.

A source yields ``Lid`` (a member's name and its bytes) or ``Melding`` (a member not read and why); a broken
archive ends with a Melding and keeps what came before it. Nothing here raises for bad input.
"""

from __future__ import annotations

import os
import stat
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ketenproef.archief.record import Melding
from ketenproef.parse import MAX_BYTES

# Names and first bytes of archives inside the archive: reported, not opened (no recursion, no bombs in bombs).
_ARCHIEF_NAMEN = (".zip", ".tar", ".tgz", ".tar.gz", ".gz", ".bz2", ".xz", ".7z", ".rar", ".jar")
_ARCHIEF_BEGIN = (b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!")
_TAR_MAGIC = b"ustar"
INDEX_NAMEN = ("index.csv", "index.jsonl")


@dataclass(slots=True)
class Lid:
    naam: str
    data: bytes


def _te_groot(naam: str, grootte: int, cap: int) -> Melding:
    return Melding(naam, f"Niet gelezen: het bestand is {grootte:,} bytes of meer; de grens is {cap:,} bytes (OP179).")


def naam_in_archief(naam: str) -> str:
    """A member name without leading './' (what `tar -czf a.tgz .` writes), so the index can name it plainly."""
    while naam.startswith("./"):
        naam = naam[2:]
    return naam


def _onveilige_naam(naam: str) -> str | None:
    """Why a member name is unsafe (absolute, a drive, or a '..' step), or None. Such members are not read: an
    archive that names them is not an export of a message system. Nothing is ever written, so this guards the
    report, not the disk."""
    pad = PurePosixPath(naam.replace("\\", "/"))
    if pad.is_absolute() or (len(naam) > 1 and naam[1] == ":"):
        return "absolute naam"
    if ".." in pad.parts:
        return "naam met '..'"
    return None


def _genest(naam: str, data: bytes) -> bool:
    lower = naam.lower()
    return (lower.endswith(_ARCHIEF_NAMEN) or data.startswith(_ARCHIEF_BEGIN)
            or data[257:262] == _TAR_MAGIC)


def _lid(naam: str, data: bytes) -> Lid | Melding:
    if _genest(naam, data):
        return Melding(naam, "Niet gelezen: een archief in het archief wordt niet uitgepakt; pak het apart aan.")
    return Lid(naam, data)


def _lees_begrensd(stream, naam: str, cap: int) -> bytes | Melding:
    """At most ``cap`` bytes: one more is read only to know the member is too big (a zip bomb stops here)."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        return _te_groot(naam, len(data), cap)
    return data


class Bron:
    """An archive on disk: ``leden()`` streams its members, ``lees(naam)`` reads one again later."""

    def __init__(self, pad: Path, cap: int = MAX_BYTES):
        self.pad = Path(pad)
        self.cap = cap

    def leden(self) -> Iterator[Lid | Melding]:
        raise NotImplementedError

    def lees(self, naam: str) -> bytes | Melding:
        """One member's bytes by name (capped), or why not. A tar is searched from its start."""
        for lid in self.leden():
            if lid.naam == naam:
                return lid.data if isinstance(lid, Lid) else lid
        return Melding(naam, "Niet gevonden in het archief.")

    def _voorcontrole(self, naam: str, gewoon: bool, anders: str, grootte: int, gezien: set[str]) -> Melding | None:
        """Why a member of a zip or tar is not read before its bytes are touched: an unsafe name, not a regular file
        (``anders`` says what it may be instead), a name seen before, a declared size over the cap. None: read it."""
        reden = _onveilige_naam(naam)
        if reden:
            return Melding(naam, f"Niet gelezen: {reden} in het archief.")
        if not gewoon:
            return Melding(naam, f"Niet gelezen: geen gewoon bestand ({anders}) in het archief.")
        if naam in gezien:
            return Melding(naam, "Niet gelezen: dezelfde naam staat al eerder in het archief.")
        gezien.add(naam)
        if grootte > self.cap:
            return _te_groot(naam, grootte, self.cap)
        return None


class MapBron(Bron):
    """A folder, walked in name order; symbolic links and special files are reported and not followed."""

    def leden(self) -> Iterator[Lid | Melding]:
        for dirpath, dirnames, filenames in os.walk(self.pad, onerror=None, followlinks=False):
            dirnames.sort()
            for entry in sorted(filenames) + sorted(d for d in dirnames if os.path.islink(os.path.join(dirpath, d))):
                full = Path(dirpath, entry)
                yield self._bestand(full, full.relative_to(self.pad).as_posix())

    def _bestand(self, full: Path, naam: str) -> Lid | Melding:
        try:
            info = full.lstat()
            if not stat.S_ISREG(info.st_mode):
                return Melding(naam, "Niet gelezen: geen gewoon bestand (symbolische link, apparaat of pipe).")
            if info.st_size > self.cap:
                return _te_groot(naam, info.st_size, self.cap)
            with open(full, "rb") as stream:
                data = _lees_begrensd(stream, naam, self.cap)
        except OSError as exc:
            return Melding(naam, f"Niet gelezen: {exc.strerror or exc}.")
        return data if isinstance(data, Melding) else _lid(naam, data)

    def lees(self, naam: str) -> bytes | Melding:
        if _onveilige_naam(naam):
            return Melding(naam, "Niet gelezen: onveilige naam.")
        found = self._bestand(self.pad / naam, naam)
        return found.data if isinstance(found, Lid) else found


class ZipBron(Bron):
    """A zip, read from its central directory; a member is checked on its declared size before it is opened
    and on its real size while it is read."""

    def leden(self) -> Iterator[Lid | Melding]:
        try:
            archive = zipfile.ZipFile(self.pad)
        except Exception as exc:  # noqa: BLE001 (zipfile raises many kinds on a hostile directory: never fatal)
            yield Melding(self.pad.name, f"Het zip-archief is niet te lezen ({exc}); er is niets uit gelezen.")
            return
        with archive:
            gezien: set[str] = set()
            for info in archive.infolist():
                if not info.is_dir():
                    yield self._lid(archive, info, gezien)

    def _lid(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, gezien: set[str]) -> Lid | Melding:
        naam = naam_in_archief(info.filename)
        gewoon = stat.S_IFMT(info.external_attr >> 16) in (0, stat.S_IFREG)  # a Unix file type, when one is given
        melding = self._voorcontrole(naam, gewoon, "symbolische link of apparaat", info.file_size, gezien)
        if melding is not None:
            return melding
        try:
            with archive.open(info) as stream:
                data = _lees_begrensd(stream, naam, self.cap)
        except Exception as exc:  # noqa: BLE001 (bad CRC, zlib, encryption, unknown method ...: one member lost)
            return Melding(naam, f"Niet gelezen: het lid is beschadigd of niet te openen ({exc}).")
        return data if isinstance(data, Melding) else _lid(naam, data)


class TarBron(Bron):
    """A tar, plain or compressed, read as a stream (never seeking, so a .tar.gz is decompressed once);
    only regular files are read: links, devices and pipes are reported."""

    def leden(self) -> Iterator[Lid | Melding]:
        try:
            archive = tarfile.open(self.pad, mode="r|*")
        except Exception as exc:  # noqa: BLE001 (tarfile and the decompressors raise many kinds: never fatal)
            yield Melding(self.pad.name, f"Het tar-archief is niet te lezen ({exc}); er is niets uit gelezen.")
            return
        with archive:
            yield from self._stroom(archive)

    def _stroom(self, archive: tarfile.TarFile) -> Iterator[Lid | Melding]:
        gezien: set[str] = set()
        try:
            for info in archive:
                if not info.isdir():
                    yield self._lid(archive, info, gezien)
                archive.members = []  # a stream keeps every TarInfo otherwise: memory would grow with the archive
        except Exception as exc:  # noqa: BLE001 (a broken header or stream ends the tar, not the audit)
            yield Melding(self.pad.name, f"Het tar-archief is beschadigd ({exc}); wat ervoor stond is gelezen, "
                                         "de rest niet.")

    def _lid(self, archive: tarfile.TarFile, info: tarfile.TarInfo, gezien: set[str]) -> Lid | Melding:
        naam = naam_in_archief(info.name)
        melding = self._voorcontrole(naam, info.isreg(), "link, apparaat of pipe", info.size, gezien)
        if melding is not None:
            return melding
        stream = archive.extractfile(info)
        data = _lees_begrensd(stream, naam, self.cap) if stream is not None else b""
        return data if isinstance(data, Melding) else _lid(naam, data)


def open_bron(pad: Path | str, cap: int = MAX_BYTES) -> Bron | Melding:
    """The source for a folder, a zip or a tar (by content, not by name), or why the path is none of them."""
    pad = Path(pad)
    if pad.is_dir():
        return MapBron(pad, cap)
    if not pad.is_file():
        return Melding(str(pad), "Het archief bestaat niet of is geen map of bestand.")
    if zipfile.is_zipfile(pad):
        return ZipBron(pad, cap)
    try:
        if tarfile.is_tarfile(pad):
            return TarBron(pad, cap)
    except Exception:  # noqa: BLE001, S110 (not a readable tar: decided by the name below)
        pass
    if pad.name.lower().endswith(".zip"):
        return ZipBron(pad, cap)  # a damaged zip: reported when read
    if pad.name.lower().endswith((".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz")):
        return TarBron(pad, cap)  # a damaged tar: read as far as it goes
    return Melding(str(pad), "Geen map, zip- of tar-archief.")
