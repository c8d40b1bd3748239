"""Faults per conversation: transport faults done by the server, message faults from ketenproef.faults."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from ketenproef import basis
from tests.mockserver.api import Api, judged
from tests.mockserver.helpers import AGB, BSN, xml

OTHER = "999990032"  # another conversation (elfproef)


async def test_http503_once_then_processed(gemeente):
    api = Api(gemeente)
    answer = await api.put_faults(BSN, {"naam": "http503", "params": {"aantal": 1, "retry_after": 2}})
    assert answer["http_status"] == 200
    first = await gemeente.post("/berichten", data=xml("JW315", "SUT0001"), headers={"Content-Type": "application/xml"})
    assert first.status == 503 and first.headers["Retry-After"] == "2"
    assert first.content_type == "application/problem+json"
    second = await api.deliver(xml("JW315", "SUT0001"))
    assert second["http_status"] == 202 and second["retour_id"], "not processed the first time, so no BRS20"
    statuses = [e["status"] for e in await api.log(BSN)]
    assert statuses == ["transportfout", "geaccepteerd", "verzonden"]
    assert (await api.log(BSN))[0]["fouten"][0]["naam"] == "http503"


async def test_http500_and_clearing(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, "http500")
    assert (await gemeente.post("/berichten", data=xml("JW315", "SUT0001"),
                                headers={"Content-Type": "application/xml"})).status == 500
    assert (await gemeente.get(f"/beheer/gesprekken/{BSN}/fouten")).status == 200
    assert (await gemeente.delete(f"/beheer/gesprekken/{BSN}/fouten")).status == 200
    assert (await api.deliver(xml("JW315", "SUT0001")))["http_status"] == 202


async def test_vertraging_processes_then_answers_late(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, {"fouten": [{"naam": "vertraging", "params": {"seconden": 0.3}}]})
    start = time.monotonic()
    answer = await api.deliver(xml("JW315", "SUT0001"))
    assert answer["http_status"] == 202 and time.monotonic() - start >= 0.3


async def test_verbinding_verbroken(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, "verbinding-verbroken")
    with pytest.raises(aiohttp.ClientError):
        await gemeente.post("/berichten", data=xml("JW315", "SUT0001"), headers={"Content-Type": "application/xml"})
    assert [e["status"] for e in await api.log(BSN)] == ["transportfout"]


async def test_geen_antwoord_until_the_client_gives_up(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, {"naam": "geen-antwoord", "params": {"seconden": 2}})
    with pytest.raises(asyncio.TimeoutError):
        await gemeente.post("/berichten", data=xml("JW315", "SUT0001"), timeout=aiohttp.ClientTimeout(total=0.3),
                            headers={"Content-Type": "application/xml"})
    assert [e["status"] for e in await api.log(BSN)] == ["transportfout"]


async def test_trage_body(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, {"naam": "trage-body", "params": {"seconden": 0.3}})
    start = time.monotonic()
    answer = await api.deliver(xml("JW315", "SUT0001"))
    assert answer["retour_id"] and time.monotonic() - start >= 0.25


async def test_transport_faults_apply_to_fetching_too(gemeente):
    api = Api(gemeente)
    answer = await api.deliver(xml("JW315", "SUT0001"))
    await api.put_faults(BSN, {"naam": "http503", "params": {"aantal": 1}})
    assert (await gemeente.get(f"/berichten/{answer['retour_id']}")).status == 503
    assert (await gemeente.get(f"/berichten/{answer['retour_id']}")).status == 200


async def test_geen_retour_and_dubbele_retour(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, {"fouten": [{"naam": "geen-retour", "params": {"aantal": 1}}, "dubbele-retour"]})
    none = await api.deliver(xml("JW315", "SUT0001"))
    assert none["retour_id"] is None and none["retour_ids"] == []
    heen = next(e for e in await api.log(BSN) if e["id"] == none["id"])
    assert heen["fouten"][0]["naam"] == "geen-retour"
    twice = await api.deliver(xml("JW315", "SUT0002"))
    assert len(twice["retour_ids"]) == 2
    mailbox = await api.mailbox(AGB)
    assert [m["id"] for m in mailbox] == twice["retour_ids"]


async def test_retour_fault_spoils_only_its_own_conversation(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, "retourcode-extra")
    spoiled = await api.deliver(xml("JW315", "SUT0001"))
    clean = await api.deliver(xml("JW315", "SUT0002", bsn=OTHER))
    assert b"9019" in await api.fetch(spoiled["retour_id"])
    assert b"RetourCode" not in await api.fetch(clean["retour_id"])
    assert judged(await api.fetch(clean["retour_id"])).valid


async def test_fault_that_does_not_fit_is_logged_not_applied(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, "totalen-kloppen-niet")  # only for a 325
    answer = await api.deliver(xml("JW315", "SUT0001"))
    assert b"RetourCode" not in await api.fetch(answer["retour_id"])
    assert len(await api.mailbox(AGB)) == 1


async def test_heen_fault_from_the_conversation(gemeente):
    api = Api(gemeente)
    await api.put_faults(BSN, "einddatum-voor-ingangsdatum")
    sent = await api.send("JW301", basis.basis("JW301"))
    assert not sent["valid"] and sent["fouten"][0]["op"] == "heen"
    assert any(f["rule"] == "CS003" for f in sent["findings"])


async def test_unknown_and_misplaced_faults_are_refused(gemeente):
    api = Api(gemeente)
    assert (await api.put_faults(BSN, "bestaat-niet"))["http_status"] == 400
    assert (await api.put_faults(BSN, {"naam": 5}))["http_status"] == 400
    response = await gemeente.post("/beheer/verzenden", json={"bericht": "JW301", "fout": "http500"})
    assert response.status == 400 and response.content_type == "application/problem+json"


async def test_datum_per_conversation(gemeente):
    response = await gemeente.put(f"/beheer/gesprekken/{OTHER}/datum", json={"datum": "2026-02-02"})
    assert response.status == 200
    api = Api(gemeente)
    answer = await api.deliver(xml("JW315", "SUT0001", bsn=OTHER))
    assert b"<jw316:DagtekeningRetour>2026-02-02<" in await api.fetch(answer["retour_id"])
    answer = await api.deliver(xml("JW315", "SUT0002"))
    assert b"<jw316:DagtekeningRetour>2026-01-14<" in await api.fetch(answer["retour_id"])
    assert (await gemeente.put(f"/beheer/gesprekken/{OTHER}/datum", json={"datum": "gisteren"})).status == 400


async def test_reset_forgets_one_conversation(gemeente):
    api = Api(gemeente)
    await api.send("JW301", basis.basis("JW301"))
    await api.send("JW301", {**basis.basis("JW301"), "Client": {**basis.basis("JW301")["Client"], "Bsn": OTHER}})
    await api.put_faults(BSN, "http500")
    response = await gemeente.post(f"/beheer/gesprekken/{BSN}/reset")
    assert (await response.json())["ingetrokken_berichten"] == 1
    assert await api.log(BSN) == [] and len(await api.log(OTHER)) == 1
    assert [m["id"] for m in await api.mailbox(AGB)] == [2]
    answer = await api.deliver(xml("JW305", "SUT0001"))
    assert answer["http_status"] == 202, "faults were cleared"
    assert answer["findings"][0]["retourcode"] == "9019", "the toewijzing of the reset conversation is gone"


async def test_message_faults_without_the_catalogue_are_501(gemeente, monkeypatch):
    from mockserver import fouten

    monkeypatch.setattr(fouten, "message_faults", lambda: None)
    response = await gemeente.put(f"/beheer/gesprekken/{BSN}/fouten", json="geen-retour")
    assert response.status == 501 and "ketenproef.faults" in (await response.json())["detail"]
    assert (await Api(gemeente).put_faults(BSN, "http500"))["http_status"] == 200, "transport faults still work"
    assert {f["niveau"] for f in await (await gemeente.get("/beheer/fouten")).json()} == {"transport"}
