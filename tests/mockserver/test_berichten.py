"""The transport contract: POST /berichten, the mailbox, fetching, and every refusal as problem+json."""

from __future__ import annotations

import asyncio
import re
import socket

from ketenproef.parse import MAX_BYTES
from tests.mockserver.helpers import AGB, BSN, GEMEENTE, client_for, xml

PROBLEM = "application/problem+json"


async def post(client, body: bytes, **kw):
    response = await client.post("/berichten", data=body, headers={"Content-Type": "application/xml"}, **kw)
    return response, await response.json(content_type=None)


async def log(client, bsn: str) -> list[dict]:
    return await (await client.get(f"/beheer/gesprekken/{bsn}/log")).json()


async def test_heenbericht_gets_its_retour_in_the_mailbox(gemeente):
    sent = xml("JW315", "SUT0001")
    response, body = await post(gemeente, sent)
    assert response.status == 202
    assert body["message"] == "JW315" and body["retour_message"] == "JW316" and body["retour_id"]
    mailbox = await (await gemeente.get("/berichten", params={"voor": AGB})).json()
    assert [m["id"] for m in mailbox] == [body["retour_id"]]
    assert mailbox[0]["message"] == "JW316" and mailbox[0]["cursor"] == body["retour_id"]
    stored = await gemeente.get(f"/berichten/{body['id']}")
    assert stored.content_type == "application/xml" and await stored.read() == sent
    retour = await (await gemeente.get(f"/berichten/{body['retour_id']}")).read()
    assert re.search(rb"<jw316:IdentificatieRetour>K[0-9A-Z]{4}%07d<" % body["retour_id"], retour), retour
    assert b"SUT0001" in retour


async def test_mailbox_cursor_acknowledges_and_parties_are_separate(gemeente):
    first = (await post(gemeente, xml("JW315", "SUT0001")))[1]["retour_id"]
    second = (await post(gemeente, xml("JW315", "SUT0002")))[1]["retour_id"]
    other = (await post(gemeente, xml("JW315", "SUT0003", Afzender="87654321")))[1]["retour_id"]
    ids = [m["id"] for m in await (await gemeente.get("/berichten", params={"voor": AGB})).json()]
    assert ids == [first, second]
    after = await (await gemeente.get("/berichten", params={"voor": AGB, "na": first})).json()
    assert [m["id"] for m in after] == [second]
    waiting = await (await gemeente.get("/berichten", params={"voor": AGB})).json()
    assert [m["id"] for m in waiting] == [second], "without 'na' the mailbox starts after the acknowledged cursor"
    assert [m["id"] for m in await (await gemeente.get("/berichten?voor=87654321")).json()] == [other]


async def test_mailbox_needs_voor_and_numbers(gemeente):
    assert (await gemeente.get("/berichten")).status == 400
    response = await gemeente.get("/berichten", params={"voor": AGB, "na": "x"})
    assert response.status == 400 and response.content_type == PROBLEM


async def test_unknown_routes_and_methods_are_problems_too(gemeente):
    response = await gemeente.get("/niets")
    assert response.status == 404 and response.content_type == PROBLEM
    response = await gemeente.delete("/berichten")
    assert response.status == 405 and response.content_type == PROBLEM and "POST" in response.headers["Allow"]


async def test_unknown_message_id_is_404(gemeente):
    for path in ("/berichten/999", "/berichten/abc", "/beheer/berichten/999"):
        response = await gemeente.get(path)
        assert response.status == 404 and response.content_type == PROBLEM


async def assert_refused(client, body: bytes, code: str, bsn: str = "onbekend") -> dict:
    response, problem = await post(client, body)
    assert response.status == 400 and response.content_type == PROBLEM
    assert problem["code"] == code and problem["status"] == 400
    assert {"type", "title", "detail", "findings"} <= set(problem)
    entries = await log(client, bsn)
    assert entries[-1]["id"] == problem["id"] and entries[-1]["status"] == "geweigerd"
    assert await (await client.get(f"/berichten/{problem['id']}")).read() == body, "input is never lost"
    return problem


async def test_malformed_xml_is_brs14(gemeente):
    problem = await assert_refused(gemeente, b"<Bericht><Header></Bericht>", "BRS14")
    assert problem["findings"][0]["rule"] == "XML"


async def test_wrong_namespace_and_unknown_message_are_brs13(gemeente):
    wrong = xml("JW315", "SUT0001").replace(b"istandaarden.nl/ijw/3_2/jw315", b"example.org/jw315")
    await assert_refused(gemeente, wrong, "BRS13", bsn=BSN)
    unknown = xml("JW315", "SUT0002").replace(b"/jw315/schema", b"/jw399/schema")
    problem = await assert_refused(gemeente, unknown, "BRS13", bsn=BSN)
    assert "JW399" in problem["detail"]


async def test_xsd_invalid_is_brs13_and_logged_in_its_conversation(gemeente):
    invalid = xml("JW315", "SUT0001").replace(b">2012-05-01<", b">2012-13-01<")
    problem = await assert_refused(gemeente, invalid, "BRS13", bsn=BSN)
    assert problem["findings"][0]["level"] == "xsd"
    assert (await (await gemeente.get("/berichten", params={"voor": AGB})).json()) == [], "no retour on XSD errors"


async def test_external_entity_is_refused_without_any_connection(gemeente):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    evil = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:{port}/x">]>'
            '<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw315/schema">&e;</Bericht>').encode()
    try:
        await assert_refused(gemeente, evil, "BRS14")
        await asyncio.sleep(0.05)
        try:
            listener.accept()
            connected = True
        except BlockingIOError:
            connected = False
    finally:
        listener.close()
    assert not connected, "the parser must never fetch an external entity"


async def test_billion_laughs_is_refused(gemeente):
    lol = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    bomb = f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(lol)}]><lolz>&lol9;</lolz>'.encode()
    bomb = bomb.replace(b"&lol0;", b"&lol;")
    await assert_refused(gemeente, bomb, "BRS14")


async def test_utf8_bom_is_refused(gemeente):
    problem = await assert_refused(gemeente, b"\xef\xbb\xbf" + xml("JW315", "SUT0001"), "BRS14")
    assert problem["findings"][0]["rule"] == "OP192"


async def test_oversized_body_is_413_and_logged(gemeente):
    response, problem = await post(gemeente, b" " * (MAX_BYTES + 1))
    assert response.status == 413 and problem["code"] == "BRS06" and response.content_type == PROBLEM
    assert (await log(gemeente, "onbekend"))[-1]["status"] == "te-groot"


async def test_oversized_chunked_body_is_cut_off_at_the_cap():
    async def chunks():
        for _ in range(64):
            yield b"x" * 1024

    async with client_for("gemeente", max_bytes=10_000) as client:
        response = await client.post("/berichten", data=chunks(), headers={"Content-Type": "application/xml"})
        assert response.status == 413
        assert (await log(client, "onbekend"))[-1]["grootte"] == 10_001


async def test_message_of_the_wrong_role_is_brs02(gemeente):
    await assert_refused(gemeente, xml("JW301", "SUT0001"), "BRS02", bsn=BSN)


async def test_identificatie_must_be_unique_per_sender_brs20(gemeente):
    assert (await post(gemeente, xml("JW315", "SUT0001")))[0].status == 202
    other = "999990032"  # another message with the same Identificatie (identical bytes are a repeat)
    await assert_refused(gemeente, xml("JW315", "SUT0001", bsn=other), "BRS20", bsn=other)
    assert (await post(gemeente, xml("JW317", "SUT0001")))[0].status == 202, "unique per berichtsoort"


async def test_fixed_party_code_refuses_other_addressees_brs04():
    async with client_for("gemeente", gemeente="0599") as client:
        await assert_refused(client, xml("JW315", "SUT0001"), "BRS04", bsn=BSN)
        response, _ = await post(client, xml("JW315", "SUT0002", Ontvanger="0599"))
        assert response.status == 202


async def test_health_and_catalogue(gemeente):
    health = await (await gemeente.get("/beheer/gezondheid")).json()
    assert health["status"] == "ok" and health["rol"] == "gemeente" and health["vandaag"] == "2026-01-14"
    names = {f["naam"]: f["niveau"] for f in await (await gemeente.get("/beheer/fouten")).json()}
    assert names["http503"] == "transport" and names["geen-retour"] == "retour"
    assert names["einddatum-voor-ingangsdatum"] == "heen"
    assert GEMEENTE == "0363"
