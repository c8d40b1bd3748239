"""A thin async wrapper around the ketenpartner's HTTP API for the tests (the synchronous one is mockserver.handle)."""

from __future__ import annotations

import asyncio

from ketenproef.clock import FrozenClock
from ketenproef.validate import validate
from tests.mockserver.helpers import DATUM


class Api:
    def __init__(self, client) -> None:
        self.client = client

    async def deliver(self, body: bytes) -> dict:
        response = await self.client.post("/berichten", data=body, headers={"Content-Type": "application/xml"})
        data = await response.json(content_type=None)
        data["http_status"] = response.status
        return data

    async def fetch(self, bericht_id: int) -> bytes:
        response = await self.client.get(f"/berichten/{bericht_id}")
        assert response.status == 200, await response.text()
        return await response.read()

    async def mailbox(self, voor: str, na: int | None = None) -> list[dict]:
        params = {"voor": voor, **({"na": str(na)} if na is not None else {})}
        return await (await self.client.get("/berichten", params=params)).json()

    async def send(self, bericht: str, data: dict | None = None, **extra) -> dict:
        response = await self.client.post("/beheer/verzenden", json={"bericht": bericht, "data": data, **extra})
        body = await response.json(content_type=None)
        assert response.status == 202, body
        return body

    async def info(self, bericht_id: int) -> dict:
        return await (await self.client.get(f"/beheer/berichten/{bericht_id}")).json()

    async def log(self, bsn: str) -> list[dict]:
        return await (await self.client.get(f"/beheer/gesprekken/{bsn}/log")).json()

    async def put_faults(self, bsn: str, faults) -> dict:
        response = await self.client.put(f"/beheer/gesprekken/{bsn}/fouten", json=faults)
        return {"http_status": response.status, **await response.json(content_type=None)}

    async def verdicts(self, bericht_id: int, timeout: float = 5) -> dict[str, dict]:
        """Verdicts on a mock heenbericht once a timing verdict exists, keyed by soort."""
        for _ in range(int(timeout / 0.02)):
            found = (await self.info(bericht_id))["oordelen"]
            if any(v["soort"] in ("op-tijd", "te-laat", "nooit", "geen-retour") for v in found):
                return {v["soort"]: v for v in found}
            await asyncio.sleep(0.02)
        raise TimeoutError(bericht_id)


def judged(message: bytes):
    """The core's own judgement of a message the mock produced."""
    return validate(message, clock=FrozenClock(DATUM))
