"""The public functions of the example generator: ``voorbeeld_data`` and ``voorbeeld``."""

from __future__ import annotations

import datetime as dt

from ketenproef import factory
from ketenproef.generator.heen import _Generator
from ketenproef.generator.kern import NAMEN, RETOUR
from ketenproef.generator.retour import _retour_tree


def _check_name(name: str) -> str:
    name = name.upper()
    if name not in NAMEN:
        raise ValueError(f"unknown message {name!r}; choose one of {', '.join(NAMEN)}")
    return name


def voorbeeld_data(name: str, seed: int, *, dagtekening: dt.date | None = None,
                   aantal_prestaties: int | None = None) -> dict:
    """Plain data of a realistic, valid message ``name`` (WMO301 ... JW325) for ``seed``.

    ``dagtekening`` overrides the Dagtekening derived from the seed; ``aantal_prestaties`` fixes the number
    of prestaties of a 323 (or of the 323 that a 325 answers), about 15 per client.
    """
    name = _check_name(name)
    if name[-3:] in RETOUR:
        tree = _retour_tree(name, seed, dagtekening=dagtekening, aantal_prestaties=aantal_prestaties)
        return factory.to_data(tree, name)
    gen = _Generator(name, seed, dagtekening, aantal_prestaties)
    return gen.bericht()


def voorbeeld(name: str, seed: int, **kw) -> bytes:
    """The XML (UTF-8, CR/LF) of :func:`voorbeeld_data`."""
    name = _check_name(name)
    if name[-3:] in RETOUR:
        return factory.serialise(_retour_tree(name, seed, **kw))
    return factory.to_bytes(name, voorbeeld_data(name, seed, **kw))
