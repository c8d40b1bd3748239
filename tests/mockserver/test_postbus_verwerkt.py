"""A missing retour is judged when the system says it has processed its mailbox, not at a wall-clock deadline
(mockserver/oordelen.py ``sluit_na_postbus``): what it fetched and left unanswered is 'nooit' at once, what it
did not fetch keeps waiting, a heenbericht that needs no retour is 'geen-retour'."""

from __future__ import annotations

from ketenproef import basis, factory
from ketenproef.clock import FrozenClock
from ketenproef.retour import retour_for
from mockserver.oordelen import NA_POSTBUS
from tests.mockserver.api import Api, judged
from tests.mockserver.helpers import BSN, DATUM

LANG = 3600  # seconds: the deadline is never what decides here


async def verwerkt(client, bsn: str = BSN) -> list[int]:
    response = await client.post(f"/beheer/gesprekken/{bsn}/postbus-verwerkt")
    assert response.status == 200
    return (await response.json())["gesloten"]


async def test_a_fetched_unanswered_heenbericht_is_never_answered_once_the_mailbox_is_processed(gemeente):
    api = Api(gemeente)
    sent = await api.send("JW301", basis.basis("JW301", "T1"), deadline_seconden=LANG)
    await api.fetch(sent["id"])
    assert await verwerkt(gemeente) == [sent["id"]]
    oordelen = (await api.info(sent["id"]))["oordelen"]
    assert [(o["soort"], o["goed"]) for o in oordelen] == [("nooit", False)]
    assert NA_POSTBUS in oordelen[0]["detail"]
    assert await verwerkt(gemeente) == []  # closed once


async def test_a_heenbericht_the_system_did_not_fetch_keeps_waiting(gemeente):
    api = Api(gemeente)
    sent = await api.send("JW301", basis.basis("JW301", "T2"), deadline_seconden=LANG)
    assert await verwerkt(gemeente) == []
    assert (await api.info(sent["id"]))["oordelen"] == []


async def test_an_answered_heenbericht_is_not_closed(gemeente):
    api = Api(gemeente)
    sent = await api.send("JW301", basis.basis("JW301", "T3"), deadline_seconden=LANG)
    heen = await api.fetch(sent["id"])
    retour = factory.serialise(retour_for(judged(heen), clock=FrozenClock(DATUM), identificatie="R3"))
    assert (await api.deliver(retour))["http_status"] == 202
    assert await verwerkt(gemeente) == []
    soorten = {o["soort"] for o in (await api.info(sent["id"]))["oordelen"]}
    assert "op-tijd" in soorten and "nooit" not in soorten
