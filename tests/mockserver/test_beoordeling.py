"""Judging in two steps (the message alone off the Keten lock, the chain rules under it) is exactly the core's
validation; the health check shows the load; an older database learns the SHA-256 of its messages."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3

import pytest

from ketenproef.clock import clock_for
from ketenproef.examples import examples
from ketenproef.keten import Ketens
from ketenproef.validate import validate
from mockserver import store as store_module
from mockserver.appkeys import PARTNER
from mockserver.beoordeling import enkel, keten_deel
from tests.mockserver.helpers import client_for, xml

VOORBEELDEN = examples()


def as_dicts(report) -> list[dict]:
    return [f.as_dict() for f in report.findings]


@pytest.mark.parametrize("example", VOORBEELDEN, ids=[e.path.name for e in VOORBEELDEN])
def test_two_steps_judge_exactly_as_validate(example):
    data, clock = example.path.read_bytes(), clock_for(example.datum)
    whole = validate(data, clock=clock, keten=Ketens())
    report = enkel(data, clock, len(data) + 1)
    keten_deel(report, Ketens())
    assert as_dicts(report) == as_dicts(whole)
    assert (report.message, report.valid) == (whole.message, whole.valid)


async def health(client) -> dict:
    return (await (await client.get("/beheer/gezondheid")).json())["beoordeling"]


async def test_health_shows_messages_waiting_for_the_keten():
    async with client_for("gemeente") as client:
        partner = client.server.app[PARTNER]
        assert await health(client) == {"wachtrij": 0, "bezig": 0, "wacht_op_keten": 0, "beoordeeld": 0,
                                        "opruimen": 0}
        async with partner.lock:  # the Keten is busy: the next message waits for it
            posting = asyncio.ensure_future(client.post("/berichten", data=xml("JW315", "SUT0001"),
                                                        headers={"Content-Type": "application/xml"}))
            for _ in range(3000):
                if (await health(client))["wacht_op_keten"] == 1:
                    break
                await asyncio.sleep(0.01)
            assert (await health(client))["wacht_op_keten"] == 1
            assert not posting.done()
        assert (await posting).status == 202
        assert await health(client) == {"wachtrij": 0, "bezig": 0, "wacht_op_keten": 0, "beoordeeld": 1,
                                        "opruimen": 0}
        body = await (await client.get("/beheer/gezondheid")).json()
        assert body["uptime_seconden"] >= 0


def test_an_older_database_gets_the_sha256_of_its_messages(tmp_path):
    path = str(tmp_path / "oud.sqlite")
    old = sqlite3.connect(path)
    old.executescript(store_module.SCHEMA.replace(", sha256 TEXT, herhaling_van INTEGER", ""))
    body = xml("JW315", "SUT0001")
    old.execute("INSERT INTO berichten (tijd, richting, bericht, soort, status, grootte, xml) "
                "VALUES ('t', 'in', 'JW315', 'heen', 'geaccepteerd', ?, ?)", (len(body), body))
    old.commit()
    old.close()
    store = store_module.Store(path)
    try:
        found = store.herhaling(hashlib.sha256(body).hexdigest())
        assert found is not None and found["id"] == 1 and found["herhaling_van"] is None
    finally:
        store.close()
