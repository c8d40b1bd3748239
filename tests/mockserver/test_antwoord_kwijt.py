"""The transport fault ``antwoord-kwijt``: the ketenpartner processes the message (stored durably, judged, its
retour in the mailbox) and then drops the connection without an answer. The identical bytes sent again are a
repeat: 200, ``Ketenproef-Herhaling: ja`` and the original outcome; nothing is processed twice."""

from __future__ import annotations

import aiohttp
import pytest

from mockserver.berichten import ONBEKEND
from tests.mockserver.api import Api
from tests.mockserver.helpers import AGB, BSN, ReferenceSut, client_for, xml

XML = {"Content-Type": "application/xml"}


async def kwijt(api: Api, client, body: bytes, gesprek: str = BSN) -> None:
    """Post ``body`` under the fault (set once on ``gesprek``): the connection is dropped, no answer arrives."""
    answer = await api.put_faults(gesprek, {"naam": "antwoord-kwijt", "params": {"aantal": 1}})
    assert answer["http_status"] == 200 and answer["fouten"][0]["niveau"] == "transport"
    with pytest.raises(aiohttp.ClientError):
        await client.post("/berichten", data=body, headers=XML)


async def test_in_the_catalogue_as_a_transport_fault_that_processes(gemeente):
    fault = next(f for f in await (await gemeente.get("/beheer/fouten")).json() if f["naam"] == "antwoord-kwijt")
    assert fault["niveau"] == "transport" and fault["verwerken"] is True
    assert "verwerkt" in fault["beschrijving"] and "Ketenproef-Herhaling" in fault["beschrijving"]


async def test_processed_then_the_answer_is_lost_and_the_repeat_gets_the_original_outcome(gemeente):
    api, body = Api(gemeente), xml("JW315", "SUT0001")
    await kwijt(api, gemeente, body)
    log = await api.log(BSN)
    assert [e["status"] for e in log] == ["geaccepteerd", "verzonden"], "processed although the answer was lost"
    assert [f["naam"] for f in log[0]["fouten"]] == ["antwoord-kwijt"]
    heen, retour = log
    assert retour["heen_id"] == heen["id"]
    assert [m["id"] for m in await api.mailbox(AGB)] == [retour["id"]], "the retour is in the mailbox"

    response = await gemeente.post("/berichten", data=body, headers=XML)
    repeat = await response.json()
    assert response.status == 200 and response.headers["Ketenproef-Herhaling"] == "ja"
    assert repeat["herhaald"] is True and repeat["status"] == "geaccepteerd"
    assert (repeat["id"], repeat["retour_id"], repeat["retour_ids"]) == (heen["id"], retour["id"], [retour["id"]])

    log = await api.log(BSN)
    assert [e["status"] for e in log] == ["geaccepteerd", "verzonden", "herhaald"]
    assert log[-1]["herhaling_van"] == heen["id"] and log[-1]["fouten"] == []
    assert [m["id"] for m in await api.mailbox(AGB)] == [retour["id"]], "no second retour"


async def test_the_fault_is_used_up_after_one_message(gemeente):
    api = Api(gemeente)
    await kwijt(api, gemeente, xml("JW315", "SUT0001"))
    other = await api.deliver(xml("JW315", "SUT0002", bsn="999990032"))
    assert other["http_status"] == 202  # another conversation never had the fault
    again = await api.deliver(xml("JW317", "SUT0003"))
    assert again["http_status"] == 202 and again["retour_id"], "aantal 1: the next message is answered normally"


async def test_a_new_message_with_the_same_identificatie_is_still_brs20(gemeente):
    """A retry is the identical bytes; a sender that builds the message again gets BRS20 for the Identificatie."""
    api, body = Api(gemeente), xml("JW315", "SUT0001")
    await kwijt(api, gemeente, body)
    refused = await api.deliver(body + b"\n")
    assert (refused["http_status"], refused["code"]) == (400, "BRS20")


async def test_a_retour_whose_answer_was_lost_is_judged_once(gemeente):
    api = Api(gemeente)
    sent = await api.send("JW301", None, deadline_seconden=30)
    retour = ReferenceSut().answer(await api.fetch(sent["id"]))
    await kwijt(api, gemeente, retour, ONBEKEND)  # a 302 names no client: the conversation of the unknown
    response = await gemeente.post("/berichten", data=retour, headers=XML)
    repeat = await response.json()
    assert response.status == 200 and response.headers["Ketenproef-Herhaling"] == "ja"
    assert repeat["heen_id"] == sent["id"]
    soorten = [v["soort"] for v in (await api.info(sent["id"]))["oordelen"]]
    assert soorten.count("op-tijd") == 1 and "dubbel" not in soorten


async def test_the_answer_is_lost_only_after_the_message_is_durable(tmp_path):
    """The fault acts after the commit: a ketenpartner started again on the same database still knows the
    message, so the retry is a repeat there too."""
    db, body = str(tmp_path / "ketenpartner.sqlite"), xml("JW315", "SUT0001")
    async with client_for("gemeente", db=db) as first:
        await kwijt(Api(first), first, body)
    async with client_for("gemeente", db=db) as second:
        response = await second.post("/berichten", data=body, headers=XML)
        assert response.status == 200 and response.headers["Ketenproef-Herhaling"] == "ja"
        assert [e["status"] for e in await Api(second).log(BSN)] == ["geaccepteerd", "verzonden", "herhaald"]
