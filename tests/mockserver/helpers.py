"""Shared helpers for the ketenpartner tests: messages from ketenproef.basis and a correct reference SUT."""

from __future__ import annotations

import contextlib
import datetime as dt

from aiohttp.test_utils import TestClient, TestServer

from ketenproef import basis, factory
from ketenproef.clock import FrozenClock
from ketenproef.keten import Keten
from ketenproef.retour import retour_for
from ketenproef.validate import validate
from mockserver.app import make_app
from mockserver.berichten import afgekeurd
from mockserver.config import Config

DATUM = dt.date(2026, 1, 14)
GEMEENTE, AGB, BSN = basis.GEMEENTE, basis.AGB, basis.BSN


@contextlib.asynccontextmanager
async def client_for(rol: str, **settings):
    settings.setdefault("datum", DATUM)
    server = TestServer(make_app(Config(rol=rol, **settings)), host="127.0.0.1")
    client = TestClient(server)
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()


def data(name: str, ident: str, bsn: str | None = None, **header) -> dict:
    """The basis message with identificatie ``ident``; another BSN also gets its own references."""
    d = basis.basis(name, ident)
    d["Header"].update(header)
    if bsn:
        set_bsn(d, bsn)
        for product in (d.get("Client") or {}).get("AangevraagdeProducten") or []:
            product["ReferentieAanbieder"] = f"VOT-{bsn}"
    return d


def set_bsn(d: dict, bsn: str) -> None:
    if "Client" in d:
        d["Client"]["Bsn"] = bsn
    for client in (d.get("Declaratie") or {}).get("Clienten") or []:
        client["Bsn"] = bsn


def xml(name: str, ident: str, bsn: str | None = None, **header) -> bytes:
    return factory.to_bytes(name, data(name, ident, bsn, **header))


class ReferenceSut:
    """A correct SUT in a few lines: judges what it receives with its own Keten and answers with the core."""

    def __init__(self, datum: dt.date = DATUM) -> None:
        self.clock = FrozenClock(datum)
        self.keten = Keten()
        self.count = 0

    def sent(self, message: bytes) -> None:
        """Record a heenbericht the SUT itself sent (its chain state includes it)."""
        report = validate(message, clock=self.clock)
        self.keten.apply(report.bericht, afgekeurd(report) or [])

    def answer(self, message: bytes) -> bytes:
        report = validate(message, clock=self.clock, keten=self.keten)
        skipped = afgekeurd(report)
        if skipped is not None:
            self.keten.apply(report.bericht, skipped)
        self.count += 1
        return factory.serialise(retour_for(report, clock=self.clock, identificatie=f"SUTR{self.count:06d}"))


def retour_tree(message: bytes, identificatie: str = "SUTR999999", keten=None):
    clock = FrozenClock(DATUM)
    report = validate(message, clock=clock, keten=keten)
    return report.bericht, retour_for(report, clock=clock, identificatie=identificatie)


def set_text(tree, path: str, value: str) -> bytes:
    """Change one element (local-name path below the root) and serialise."""
    el = tree
    for part in path.split("/"):
        el = el.find("{*}" + part)
    el.text = value
    return factory.serialise(tree)
