"""Push delivery to the SUT's own URL, with bounded retries and back-off, recorded in the exchange log."""

from __future__ import annotations

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestServer

from ketenproef import basis
from tests.mockserver.api import Api
from tests.mockserver.helpers import BSN, client_for, xml


async def receiver(fail_first: int):
    received: list[tuple[dict, bytes]] = []

    async def inbox(request: web.Request) -> web.Response:
        received.append((dict(request.headers), await request.read()))
        return web.Response(status=500 if len(received) <= fail_first else 204)

    app = web.Application()
    app.router.add_post("/inbox", inbox)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server, received


async def wait_for(predicate, timeout: float = 5) -> None:
    for _ in range(int(timeout / 0.02)):
        if await predicate():
            return
        await asyncio.sleep(0.02)
    raise TimeoutError


async def test_push_retries_until_delivered():
    server, received = await receiver(fail_first=2)
    try:
        async with client_for("gemeente", push_url=str(server.make_url("/inbox")), push_wacht=0.01) as client:
            api = Api(client)
            answer = await api.deliver(xml("JW315", "SUT0001"))
            sent = await api.send("JW301", basis.basis("JW301"))

            async def both_pushed():
                pushes = [(await api.info(i))["pushes"] for i in (answer["retour_id"], sent["id"])]
                return all(any(p["gelukt"] for p in attempts) for attempts in pushes)

            await wait_for(both_pushed)
            stored = await api.fetch(answer["retour_id"])
            bodies = [body for headers, body in received if headers["X-Ketenproef-Id"] == str(answer["retour_id"])]
            assert stored in bodies and all(b == stored for b in bodies)
            log = {e["id"]: e for e in await api.log(BSN)}
            attempts = log[answer["retour_id"]]["pushes"] + log[sent["id"]]["pushes"]
            assert sum(1 for a in attempts if not a["gelukt"]) == 2 and sum(a["gelukt"] for a in attempts) == 2
            assert {a["status"] for a in attempts} == {500, 204}
    finally:
        await server.close()


async def test_push_gives_up_after_bounded_attempts():
    async with client_for("gemeente", push_url="http://127.0.0.1:9/weg", push_wacht=0.01, push_pogingen=3) as client:
        api = Api(client)
        answer = await api.deliver(xml("JW315", "SUT0001"))

        async def given_up():
            return any(p["fout"] == "opgegeven" for p in (await api.info(answer["retour_id"]))["pushes"])

        await wait_for(given_up)
        pushes = (await api.info(answer["retour_id"]))["pushes"]
        assert [p["poging"] for p in pushes] == [1, 2, 3, 3] and not any(p["gelukt"] for p in pushes)
        assert len(await api.mailbox(basis.AGB)) == 1, "the mailbox still holds it"
