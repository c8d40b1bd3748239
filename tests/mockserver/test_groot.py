"""A large message is judged in a worker thread: the event loop keeps answering meanwhile."""

from __future__ import annotations

import asyncio
import time

from ketenproef import basis, factory


def big_323(n: int) -> bytes:
    """A 323 of ``n`` prestaties, each on an unknown toewijzing: chain rules run and the 325 is large too."""
    d = basis.basis("JW323", "GROOT001")
    prestaties = []
    for i in range(n):
        prestatie = basis.prestatie("iJw", f"P{i:08d}")
        prestatie["ToewijzingNummer"] = 100_000 + i
        prestaties.append(prestatie)
    d["Declaratie"]["Clienten"][0]["Prestaties"] = prestaties
    d["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 20000 * n
    return factory.to_bytes("JW323", d)


async def test_large_message_does_not_block_the_loop(gemeente):
    body = big_323(3000)
    assert len(body) > 2_000_000
    start = time.monotonic()
    posting = asyncio.ensure_future(gemeente.post("/berichten", data=body, headers={"Content-Type": "application/xml"}))
    pings = []
    while not posting.done():
        sent = time.monotonic()
        assert (await gemeente.get("/beheer/gezondheid")).status == 200
        pings.append(time.monotonic() - sent)
        await asyncio.sleep(0.01)
    took = time.monotonic() - start
    assert len(pings) >= 3 and max(pings) < took / 2, (pings, took)
    response = await posting
    answer = await response.json()
    assert response.status == 202 and answer["retour_message"] == "JW325" and answer["status"] == "afgekeurd"
    assert await (await gemeente.get(f"/berichten/{answer['id']}")).read() == body
