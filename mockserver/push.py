"""Push delivery (``--push-url``): every message for the SUT is also POSTed to the SUT's own URL.

Bounded retries with exponential back-off; every attempt is a row in the exchange log. A message whose push
did not finish before a restart is pushed again after start-up. The mailbox stays the ordered truth.
"""

from __future__ import annotations

import aiohttp

OPGEGEVEN = "opgegeven"


async def open_session(partner) -> None:
    if partner.config.push_url:
        timeout = aiohttp.ClientTimeout(total=partner.config.push_timeout)
        partner.http = aiohttp.ClientSession(timeout=timeout)


def schedule(partner, ids: list[int]) -> None:
    if partner.config.push_url:
        for bericht_id in ids:
            partner.spawn(push(partner, bericht_id))


async def push(partner, bericht_id: int) -> bool:
    config, store = partner.config, partner.store
    row = store.bericht(bericht_id)
    xml = store.xml(bericht_id)
    if row is None or xml is None:
        return False
    headers = {"Content-Type": "application/xml", "X-Ketenproef-Id": str(bericht_id),
               "X-Ketenproef-Bericht": row["bericht"] or "", "X-Ketenproef-Voor": row["voor"] or ""}
    wait = config.push_wacht
    for poging in range(1, config.push_pogingen + 1):
        status, fout = await attempt(partner.http, config.push_url, xml, headers)
        ok = status is not None and 200 <= status < 300
        store.add_push(bericht_id, poging, status, fout, ok)
        if ok:
            return True
        if poging < config.push_pogingen and not await partner.sleep(wait):
            return False
        wait *= 2
    store.add_push(bericht_id, config.push_pogingen, None, OPGEGEVEN, False)
    return False


async def attempt(session: aiohttp.ClientSession, url: str, xml: bytes, headers: dict) -> tuple[int | None, str | None]:
    try:
        async with session.post(url, data=xml, headers=headers) as response:
            await response.read()
            return response.status, None if response.status < 300 else f"HTTP {response.status}"
    except (aiohttp.ClientError, TimeoutError) as exc:
        return None, f"{type(exc).__name__}: {exc}"[:500]


def resume(partner) -> None:
    """After a restart: push again what was not delivered (nor given up) before."""
    schedule(partner, partner.store.unpushed())
