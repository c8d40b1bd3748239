"""Hostile input for the ketenpartner's HTTP surface (issue 8): the server stays up, answers every edge with a
clear problem (never a 500, never a traceback in the log), and a retry of the same bytes is not punished."""

from __future__ import annotations

import asyncio
import logging
import re

import pytest

from ketenproef import basis
from tests.mockserver.api import Api
from tests.mockserver.helpers import AGB, BSN, ReferenceSut, client_for, xml

PROBLEM = "application/problem+json"
XML = {"Content-Type": "application/xml"}
HUGE = "99999999999999999999"


async def post(client, body: bytes, headers=XML):
    response = await client.post("/berichten", data=body, headers=headers)
    return response, await response.json(content_type=None)


def no_traceback(caplog) -> None:
    assert "Traceback" not in caplog.text, caplog.text
    assert not [r for r in caplog.records if r.exc_info], [r.getMessage() for r in caplog.records]


# --- integers in paths and queries ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [f"/berichten/{HUGE}", f"/beheer/berichten/{HUGE}", f"/berichten/-{HUGE}",
                                  f"/berichten?voor={AGB}&na={HUGE}", f"/berichten?voor={AGB}&na=-1",
                                  f"/berichten?voor={AGB}&limiet={HUGE}", f"/berichten?voor={AGB}&na=" + "9" * 5000])
async def test_huge_integers_are_400_not_500(gemeente, path):
    response = await gemeente.get(path)
    body = await response.json(content_type=None)
    assert response.status == 400 and response.content_type == PROBLEM, body
    assert "geheel getal" in body["detail"] and len(body["detail"]) < 300


@pytest.mark.parametrize("limiet", ["0", "-1", "1001", "x"])
async def test_limiet_must_be_1_to_1000(gemeente, limiet):
    await post(gemeente, xml("JW315", "SUT0001"))
    response = await gemeente.get("/berichten", params={"voor": AGB, "limiet": limiet})
    assert response.status == 400 and response.content_type == PROBLEM
    assert "'limiet' moet een geheel getal van 1 tot en met 1000" in (await response.json(content_type=None))["detail"]


async def test_limiet_within_bounds_still_pages(gemeente):
    for i in range(3):
        await post(gemeente, xml("JW315", f"SUT000{i}"))
    for limiet, count in (("1", 1), ("1000", 3)):
        mailbox = await (await gemeente.get("/berichten", params={"voor": AGB, "limiet": limiet})).json()
        assert len(mailbox) == count


# --- Content-Type -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "application/octet-stream",
                                          "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])
async def test_a_message_that_is_not_xml_by_its_content_type_is_415(gemeente, content_type):
    response, body = await post(gemeente, xml("JW315", "SUT0001"), headers={"Content-Type": content_type})
    assert response.status == 415 and response.content_type == PROBLEM
    assert "application/xml" in body["detail"] and body["accepteert"] == ["application/xml", "text/xml"]
    assert (await (await gemeente.get("/beheer/gezondheid")).json())["berichten"] == 0, "nothing read or stored"


@pytest.mark.parametrize("content_type", ["application/xml", "text/xml", "application/xml; charset=utf-8",
                                          "Text/XML; charset=UTF-8"])
async def test_xml_content_types_are_taken(gemeente, content_type):
    response, body = await post(gemeente, xml("JW315", "SUT0001"), headers={"Content-Type": content_type})
    assert response.status == 202, body


# --- oversize headers and slow clients --------------------------------------------------------------------------

async def test_oversize_header_is_answered_without_a_traceback(gemeente, caplog):
    caplog.set_level(logging.DEBUG)
    response = await gemeente.get("/beheer/gezondheid", headers={"X-Groot": "a" * 10_000})
    assert response.status in (400, 431)
    assert (await gemeente.get("/beheer/gezondheid")).status == 200, "the server answers the next request"
    no_traceback(caplog)


async def raw(client, data: bytes):
    reader, writer = await asyncio.open_connection(client.host, client.port)
    writer.write(data)
    await writer.drain()
    return reader, writer


async def until_closed(reader) -> bytes:
    """Everything the server sends until it closes the connection (generous bound: never a tight deadline)."""
    return await asyncio.wait_for(reader.read(), timeout=30)


async def test_stalled_headers_are_closed_after_the_kop_timeout(caplog):
    caplog.set_level(logging.DEBUG)
    async with client_for("gemeente", kop_timeout=0.5) as client:
        reader, writer = await raw(client, b"POST /berichten HTTP/1.1\r\nHost: x\r\nContent-Ty")
        assert await until_closed(reader) == b""
        writer.close()
        assert (await client.get("/beheer/gezondheid")).status == 200
    no_traceback(caplog)


async def test_a_trickling_body_gets_408_and_the_connection_is_closed(caplog):
    caplog.set_level(logging.DEBUG)
    async with client_for("gemeente", body_timeout=0.5) as client:
        head = (b"POST /berichten HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
                b"Content-Length: 5000\r\n\r\n<?xml version='1.0'?>")
        reader, writer = await raw(client, head)
        answer = await until_closed(reader)
        writer.close()
        assert answer.startswith(b"HTTP/1.1 408") and b"te-traag" in answer, answer[:300]
        assert (await post(client, xml("JW315", "SUT0001")))[0].status == 202
    no_traceback(caplog)


async def test_a_stalled_control_body_gets_408_too():
    async with client_for("gemeente", body_timeout=0.5) as client:
        head = (b"PUT /beheer/contract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 100\r\n\r\n{")
        reader, writer = await raw(client, head)
        answer = await until_closed(reader)
        writer.close()
        assert answer.startswith(b"HTTP/1.1 408"), answer[:300]


# --- idempotent delivery ----------------------------------------------------------------------------------------

async def test_identical_bytes_again_get_the_original_outcome(gemeente):
    sent = xml("JW315", "SUT0001")
    first, original = await post(gemeente, sent)
    again, repeat = await post(gemeente, sent)
    assert first.status == 202 and again.status == 200
    assert again.headers["Ketenproef-Herhaling"] == "ja" and repeat["herhaald"] is True
    for key in ("id", "retour_id", "retour_ids", "retour_message", "message", "status", "findings"):
        assert repeat[key] == original[key], key
    mailbox = await (await gemeente.get("/berichten", params={"voor": AGB})).json()
    assert [m["id"] for m in mailbox] == [original["retour_id"]], "no second retour"
    log = await (await gemeente.get(f"/beheer/gesprekken/{BSN}/log")).json()
    assert [e["status"] for e in log] == ["geaccepteerd", "verzonden", "herhaald"]
    assert log[-1]["herhaling_van"] == original["id"]


async def test_another_message_with_the_same_identificatie_is_still_brs20(gemeente):
    assert (await post(gemeente, xml("JW315", "SUT0001")))[0].status == 202
    response, problem = await post(gemeente, xml("JW315", "SUT0001") + b"\n")
    assert (response.status, problem["code"]) == (400, "BRS20"), "one byte more is another message"


async def test_a_refused_message_sent_again_is_judged_again(gemeente):
    body = xml("JW301", "SUT0001")  # the wrong role: refused, nothing processed, so nothing to repeat
    for _ in range(2):
        response, problem = await post(gemeente, body)
        assert (response.status, problem["code"]) == (400, "BRS02")


async def test_a_retour_sent_again_is_a_repeat_not_a_second_retour(gemeente):
    api = Api(gemeente)
    sent = await api.send("JW301", basis.basis("JW301"))
    retour = ReferenceSut().answer(await api.fetch(sent["id"]))
    first, original = await post(gemeente, retour)
    again, repeat = await post(gemeente, retour)
    assert (first.status, again.status) == (202, 200) and repeat["herhaald"]
    assert repeat["oordelen"] == original["oordelen"] and repeat["heen_id"] == sent["id"]
    soorten = [v["soort"] for v in (await api.info(sent["id"]))["oordelen"]]
    assert "dubbel" not in soorten and soorten.count("op-tijd") == 1


# --- comments, processing instructions and DOCTYPEs in a posted message -----------------------------------------

def inject(body: bytes, pattern: bytes, where: str) -> bytes:
    """Put a comment and a processing instruction just inside (``in``) or just before (``voor``) the first match."""
    extra = b"<!-- opmerking <met> tekens --><?ketenproef iets?>"
    match = re.search(pattern, body)
    assert match, pattern
    at = match.end() if where == "in" else match.start()
    return body[:at] + extra + body[at:]


def kern(answer: dict) -> tuple:
    return (answer["status"], answer["retour_message"],
            sorted((f["rule"], f.get("retourcode")) for f in answer["findings"]))


@pytest.mark.parametrize(("name", "pattern", "where"), [
    ("JW315", rb"<\w+:Client>", "in"),
    ("JW315", rb"</\w+:Bericht>", "voor"),
    ("WMO315", rb"<\w+:Header>", "voor"),
    ("WMO323", rb"<\w+:ProductPeriode>", "in"),
    ("WMO323", rb"</\w+:ProductPeriode>", "voor"),
])
async def test_comments_and_pis_give_the_normal_retour(name, pattern, where):
    clean = xml(name, "SUT0001")
    async with client_for("gemeente") as plain, client_for("gemeente") as noisy:
        expected = (await post(plain, clean))[1]
        sent = inject(clean, pattern, where)
        response, answer = await post(noisy, sent)
        assert response.status == 202, answer
        assert kern(answer) == kern(expected)
        stored = await (await noisy.get(f"/berichten/{answer['id']}")).read()
        assert stored == sent and b"<?ketenproef iets?>" in stored, "the bytes are stored as sent, byte for byte"


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><!--<--><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    b'<?xml version="1.0"?><!--<--><!DOCTYPE a [<!ENTITY x "y">]><a/>',
    b'<?xml version="1.0"?><!-- <!DOCTYPE --><?pi <x?><!DOCTYPE Bericht SYSTEM "http://127.0.0.1:9/x.dtd"><a/>',
])
async def test_a_doctype_after_a_comment_is_brs14(gemeente, body):
    response, problem = await post(gemeente, body)
    assert (response.status, problem["code"]) == (400, "BRS14"), problem


async def test_a_doctype_before_a_real_message_is_brs14(gemeente):
    body = xml("JW315", "SUT0001").replace(b"?>", b'?><!--<--><!DOCTYPE a [<!ENTITY x "y">]>', 1)
    response, problem = await post(gemeente, body)
    assert (response.status, problem["code"]) == (400, "BRS14"), problem


# --- the conversation 'onbekend' keeps its own date -------------------------------------------------------------

async def test_a_message_in_conversation_onbekend_uses_its_frozen_date(aanbieder):
    """A 319 whose ReferentieAanbieder names no known verzoek belongs to the conversation 'onbekend'; a date frozen
    for that conversation is its "vandaag" (TR135, the DagtekeningRetour), not the server's --datum."""
    assert (await aanbieder.put("/beheer/gesprekken/onbekend/datum", json={"datum": "2025-03-03"})).status == 200
    response, answer = await post(aanbieder, xml("JW319", "GEM0001"))
    assert response.status == 202, answer
    retour = await (await aanbieder.get(f"/berichten/{answer['retour_id']}")).read()
    assert b"<jw320:DagtekeningRetour>2025-03-03<" in retour
    assert "TR135" in {f["rule"] for f in answer["findings"]}, "Dagtekening 2026-01-12 lies after 2025-03-03"
    log = await (await aanbieder.get("/beheer/gesprekken/onbekend/log")).json()
    assert answer["id"] in [e["id"] for e in log]
