"""Isolation under load: 100 concurrent conversations over a real HTTP client; faults stay in their conversation."""

from __future__ import annotations

import asyncio
import random

import aiohttp

from ketenproef import basis, factory
from ketenproef.fake import bsns
from tests.mockserver.api import judged
from tests.mockserver.helpers import AGB, ReferenceSut, client_for, data

N = 100


async def conversation(http: aiohttp.ClientSession, url: str, i: int, bsn: str) -> dict:
    sut = ReferenceSut()
    request = factory.to_bytes("JW315", data("JW315", f"V{i:06d}", bsn))
    sut.sent(request)
    async with http.post(f"{url}/berichten", data=request, headers={"Content-Type": "application/xml"}) as response:
        status = response.status
    if status == 503:
        async with http.post(f"{url}/berichten", data=request, headers={"Content-Type": "application/xml"}) as response:
            assert response.status == 202
    answer = await (await http.get(f"{url}/beheer/gesprekken/{bsn}/log")).json()
    retour = await (await http.get(f"{url}/berichten/{answer[-1]['id']}")).read()
    toewijzing = basis.basis("JW301")
    toewijzing["Client"]["Bsn"] = bsn
    toewijzing["Client"]["ToegewezenProducten"][0]["ToewijzingNummer"] = 10_000 + i
    async with http.post(f"{url}/beheer/verzenden", json={"bericht": "JW301", "data": toewijzing}) as response:
        sent = await response.json()
    heen = await (await http.get(f"{url}/berichten/{sent['id']}")).read()
    async with http.post(f"{url}/berichten", data=sut.answer(heen),
                         headers={"Content-Type": "application/xml"}) as response:
        judged_retour = await response.json()
    return {"first_status": status, "retour": retour, "oordelen": judged_retour["oordelen"], "bsn": bsn}


async def test_hundred_concurrent_conversations_are_isolated():
    people = bsns(random.Random(7), N)
    async with client_for("gemeente") as client:
        url = str(client.make_url("")).rstrip("/")
        for i, bsn in enumerate(people):
            if i % 10 == 0:
                await client.put(f"/beheer/gesprekken/{bsn}/fouten", json="retourcode-extra")
            elif i % 10 == 5:
                await client.put(f"/beheer/gesprekken/{bsn}/fouten", json={"naam": "http503", "params": {"aantal": 1}})
        async with aiohttp.ClientSession() as http:
            results = await asyncio.gather(*(conversation(http, url, i, bsn) for i, bsn in enumerate(people)))
        for i, result in enumerate(results):
            spoiled = i % 10 == 0
            assert (b"9019" in result["retour"]) == spoiled, i
            assert judged(result["retour"]).message == "JW316"
            assert result["first_status"] == (503 if i % 10 == 5 else 202), i
            assert {v["soort"] for v in result["oordelen"]} == {"op-tijd", "juiste-codes"}, (i, result["oordelen"])
        mailbox = await (await client.get("/berichten", params={"voor": AGB, "limiet": "1000"})).json()
        assert len(mailbox) == 2 * N
        for bsn in people[:3]:
            log = await (await client.get(f"/beheer/gesprekken/{bsn}/log")).json()
            assert {e["bsns"][0] for e in log} == {bsn}
