"""How values are kept in the store: message bodies compressed (``Ingepakt``) and JSON made beforehand (``Json``),
both prepared outside the Keten lock for a large message (``voorrang``)."""

from __future__ import annotations

import json
import queue
import threading
import zlib
from collections.abc import Iterable


class Ingepakt(bytes):
    """A message body kept zlib-compressed (``inpakken``), made outside the Keten lock for a large message: 2 MB
    to write under the lock instead of 20. ``grootte`` is the length of the XML itself. The store gives it back
    as the XML (``xml``, ``replay``)."""

    grootte: int = 0


def inpakken(*delen: bytes) -> Ingepakt:
    """Each part compressed on its own (so a small head can be changed and compressed again later), one after
    the other."""
    out = Ingepakt(b"".join(zlib.compress(deel, 1) for deel in delen))
    out.grootte = sum(map(len, delen))
    return out


def inpakken_na(stukken: Iterable[bytes], merk: bytes) -> tuple[bytes, Ingepakt]:
    """A message written in pieces, split after ``merk`` (a placeholder in its head): the head as it is, the rest
    compressed as it comes (one zlib stream; ``uitpakken`` reads it), so the whole XML is never in memory at once.
    The rest is compressed in a thread of its own while the next pieces are written (zlib lets go of the GIL: for
    a 325 of 20 MB some 60 ms off the serial path when a second core is free); at most ``WACHTRIJ`` pieces wait."""
    kop = b""
    stukken = iter(stukken)
    for stuk in stukken:
        kop += stuk
        einde = kop.find(merk)
        if einde >= 0:
            einde += len(merk)
            kop, eerste = kop[:einde], kop[einde:]
            break
    else:
        raise ValueError("het merk staat niet in het bericht")
    pakker = _Pakker()
    try:
        pakker.geef(eerste)
        for stuk in stukken:
            pakker.geef(stuk)
    finally:
        pakker.sluit()
    return kop, pakker.uitkomst()


WACHTRIJ = 8  # pieces written but not yet compressed (``inpakken_na``), about 64 kB each


class _Pakker:
    """One zlib stream fed from this thread and compressed in another."""

    def __init__(self) -> None:
        self.rij: queue.Queue = queue.Queue(WACHTRIJ)
        self.delen: list[bytes] = []
        self.grootte = 0
        self.fout: BaseException | None = None
        self.draad = threading.Thread(target=self._pak, name="inpakken", daemon=True)
        self.draad.start()

    def geef(self, stuk: bytes) -> None:
        self.grootte += len(stuk)
        self.rij.put(stuk)

    def sluit(self) -> None:
        self.rij.put(None)
        self.draad.join()

    def _pak(self) -> None:
        stroom = zlib.compressobj(1)
        try:
            while (stuk := self.rij.get()) is not None:
                self.delen.append(stroom.compress(stuk))
            self.delen.append(stroom.flush())
        except BaseException as exc:  # handed to the writing thread (uitkomst); the queue is still emptied
            self.fout = exc
            while self.rij.get() is not None:
                pass

    def uitkomst(self) -> Ingepakt:
        if self.fout is not None:
            raise self.fout
        out = Ingepakt(b"".join(self.delen))
        out.grootte = self.grootte
        return out


def uitpakken(blob: bytes) -> bytes:
    parts = []
    while blob:
        stream = zlib.decompressobj()
        parts.append(stream.decompress(blob))
        blob = stream.unused_data
    return b"".join(parts)


JSON_STUK = 200  # items per json.dumps call in ``json_lijst`` (about 1 ms each for findings)


class Json:
    """A value already serialised as JSON (made outside the Keten lock for a large message); stored and answered as it
    is. Not a ``str`` subclass: making one copies the text, and for the findings of a large 323 that is megabytes."""

    __slots__ = ("tekst",)

    def __init__(self, tekst: str) -> None:
        self.tekst = tekst


def json_lijst(items: list) -> Json:
    """A long list as JSON, a chunk of items at a time: ``json.dumps`` of the whole list is one C call that holds the
    GIL (about 50 ms for the findings of a 21,000-prestatie 323, in which the event loop cannot run); per chunk the
    worker thread hands the GIL over in between, at nearly the speed of one call (one ``dumps`` per item costs
    twice as much). The same text as ``json.dumps(items)``; one join, so the text is made once."""
    delen = ["["]
    for begin in range(0, len(items), JSON_STUK):
        if len(delen) > 1:
            delen.append(", ")
        delen.append(json.dumps(items[begin:begin + JSON_STUK], ensure_ascii=False, default=str)[1:-1])
    delen.append("]")
    return Json("".join(delen))


def als_json(value) -> str:
    return value.tekst if isinstance(value, Json) else json.dumps(value, ensure_ascii=False, default=str)


def dumps(body) -> str:
    """JSON text of a response body; a top-level value that is already JSON (``Json``, made off the event
    loop for a large message) is put in as it is, in one join (its text is copied once)."""
    if not isinstance(body, dict) or not any(isinstance(v, Json) for v in body.values()):
        return json.dumps(body, ensure_ascii=False, default=str)
    delen = ["{"]
    for k, v in body.items():
        if len(delen) > 1:
            delen.append(", ")
        delen += [json.dumps(k, ensure_ascii=False), ": ",
                  v.tekst if isinstance(v, Json) else json.dumps(v, ensure_ascii=False, default=str)]
    delen.append("}")
    return "".join(delen)
