"""How values are kept in the store: message bodies compressed (``Ingepakt``) and JSON made beforehand (``Json``),
both prepared outside the Keten lock for a large message (``voorrang``)."""

from __future__ import annotations

import json
import zlib


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


def uitpakken(blob: bytes) -> bytes:
    parts = []
    while blob:
        stream = zlib.decompressobj()
        parts.append(stream.decompress(blob))
        blob = stream.unused_data
    return b"".join(parts)


class Json(str):
    """A value already serialised as JSON (made outside the Keten lock for a large message); stored as it is."""


def json_lijst(items: list) -> Json:
    """A long list as JSON, one item at a time: ``json.dumps`` of the whole list is one C call that holds the GIL
    (about 50 ms for the findings of a 21,000-prestatie 323, in which the event loop cannot run); per item the
    worker thread hands the GIL over between items."""
    return Json("[" + ", ".join(json.dumps(item, ensure_ascii=False, default=str) for item in items) + "]")


def als_json(value) -> str:
    return value if isinstance(value, Json) else json.dumps(value, ensure_ascii=False, default=str)
