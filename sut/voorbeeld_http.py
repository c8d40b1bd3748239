"""Example vendor shim for the HTTP adapter: a built-in system behind the trigger endpoint (aiohttp).

    python -m sut.voorbeeld_http referentie-gemeente 8765   # then --sut http://127.0.0.1:8765 --rol gemeente

``POST /ketenproef/configuratie`` (the Verbinding as JSON) and ``POST /ketenproef/trigger`` (``{"actie",
"gegevens", "vandaag"}`` -> 200 with the result; 422 with ``{"fout": ...}`` when the system refuses).
The system is synchronous; a lock keeps one action at a time.
"""

from __future__ import annotations

import asyncio
import json
import sys

from aiohttp import web

from sut.base import SutError, SystemUnderTest, Verbinding
from sut.registry import open_sut

SYSTEEM = web.AppKey("systeem", SystemUnderTest)
SLOT = web.AppKey("slot", asyncio.Lock)


async def configuratie(request: web.Request) -> web.Response:
    data = await request.json()
    velden = {k: data[k] for k in ("ketenpartner_url", "eigen_code", "tegenpartij_code")}
    request.app[SYSTEEM].connect(Verbinding(**velden))
    return web.json_response({"ok": True})


async def trigger(request: web.Request) -> web.Response:
    data = await request.json()
    async with request.app[SLOT]:
        try:
            result = await asyncio.to_thread(request.app[SYSTEEM].trigger, data["actie"], data.get("gegevens") or {},
                                             data["vandaag"])
        except SutError as exc:
            return web.json_response({"fout": str(exc)}, status=422)
    return web.json_response(result, dumps=_dumps)


def _dumps(value) -> str:
    return json.dumps(value, default=str)


def make_app(systeem: SystemUnderTest) -> web.Application:
    app = web.Application()
    app[SYSTEEM], app[SLOT] = systeem, asyncio.Lock()
    app.router.add_post("/ketenproef/configuratie", configuratie)
    app.router.add_post("/ketenproef/trigger", trigger)
    return app


if __name__ == "__main__":
    naam = sys.argv[1] if len(sys.argv) > 1 else "referentie-aanbieder"
    web.run_app(make_app(open_sut(naam)), host="127.0.0.1", port=int(sys.argv[2]) if len(sys.argv) > 2 else 8765)
