"""The mock's own identificaties are unique across databases: K + a random series kept in the database + the
message id in 7 characters; a restart keeps the series, an old database (KP + 10 digits) gets one and keeps working."""

from __future__ import annotations

import re
import sqlite3

import pytest

from ketenproef import basis
from mockserver import berichten
from mockserver.berichten import eigen_identificatie, nieuwe_serie, volgnummer
from mockserver.handle import Ketenpartner
from mockserver.store import Store
from tests.mockserver.helpers import DATUM, ReferenceSut

FORMAAT = re.compile(r"K[0-9A-OQ-Z][0-9A-Z]{3}[0-9A-Z]{7}")


def test_volgnummer_decimal_then_base36_with_a_letter_first():
    assert volgnummer(1) == "0000001" and volgnummer(9_999_999) == "9999999"
    assert volgnummer(10_000_000) == "A000000" and volgnummer(10_000_001) == "A000001"
    assert volgnummer(10_000_036) == "A000010"
    last = 36 ** 7 - 1 - 10 * 36 ** 6 + 10_000_000
    assert volgnummer(last) == "ZZZZZZ" + "Z"
    with pytest.raises(ValueError):
        volgnummer(last + 1)
    ids = [1, 9_999_999, 10_000_000, 10_000_000 + 36 ** 6, last]
    assert len({volgnummer(i) for i in ids}) == len(ids)


def test_identificatie_is_12_characters():
    assert eigen_identificatie(18, "7Q2M") == "K7Q2M0000018"
    assert all(len(eigen_identificatie(i, "ABCD")) == 12 for i in (1, 10 ** 7, 10 ** 9))


def test_series_never_starts_with_p(monkeypatch):
    letters = iter("PAAA" + "QBCD")
    monkeypatch.setattr(berichten.secrets, "choice", lambda _: next(letters))
    assert nieuwe_serie() == "QBCD"


def test_store_makes_a_series_once(tmp_path):
    path = str(tmp_path / "k.sqlite")
    first = Store(path)
    serie = first.serie
    first.close()
    assert re.fullmatch(r"[0-9A-OQ-Z][0-9A-Z]{3}", serie)
    again = Store(path)
    assert again.serie == serie
    again.close()


def send_301(kp: Ketenpartner) -> dict:
    return kp.send("JW301", basis.basis("JW301"), deadline=30)


def test_two_fresh_databases_give_different_identificaties(tmp_path):
    seen = []
    for name in ("a.sqlite", "b.sqlite", ":memory:"):
        db = name if name == ":memory:" else str(tmp_path / name)
        with Ketenpartner.start("gemeente", db=db, datum=DATUM) as kp:
            sent = send_301(kp)
            assert sent["id"] == 1 and FORMAAT.fullmatch(sent["identificatie"]), sent["identificatie"]
            assert sent["identificatie"].endswith("0000001")
            assert sent["identificatie"][1:5] == kp.health()["serie"]
            seen.append(sent["identificatie"])
    assert len(set(seen)) == 3, seen


def test_restart_keeps_the_series(tmp_path):
    db = str(tmp_path / "k.sqlite")
    with Ketenpartner.start("gemeente", db=db, datum=DATUM) as kp:
        first = send_301(kp)
    with Ketenpartner.start("gemeente", db=db, datum=DATUM) as kp:
        second = send_301(kp)
        answer = kp.deliver(ReferenceSut().answer(kp.fetch(first["id"])))
        assert answer["heen_id"] == first["id"], "the message from before the restart is found by its identificatie"
    assert first["identificatie"][:5] == second["identificatie"][:5]
    assert second["identificatie"] == first["identificatie"][:5] + "0000002"


def test_old_database_without_series_gets_one_and_old_identificaties_stay_valid(tmp_path):
    db = str(tmp_path / "oud.sqlite")
    with Ketenpartner.start("gemeente", db=db, datum=DATUM) as kp:
        old = kp.send("JW301", basis.basis("JW301"), deadline=30, identificatie="KP0000000001")
        serie = kp.health()["serie"]
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE instellingen")  # as a database made before series existed
    with Ketenpartner.start("gemeente", db=db, datum=DATUM) as kp:
        assert kp.info(old["id"])["identificatie"] == "KP0000000001"
        new = send_301(kp)
        assert new["identificatie"] == "K" + kp.health()["serie"] + "0000002"
        retour = ReferenceSut().answer(kp.fetch(old["id"]))
        assert b"KP0000000001" in retour
        answer = kp.deliver(retour)
        assert answer["heen_id"] == old["id"]
        assert {v["soort"] for v in answer["oordelen"]} == {"op-tijd", "juiste-codes"}, answer["oordelen"]
    assert re.fullmatch(r"[0-9A-OQ-Z][0-9A-Z]{3}", serie)
