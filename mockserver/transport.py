"""How an HTTP answer is given: normally, or spoiled by the conversation's transport faults."""

from __future__ import annotations

import asyncio

from aiohttp import web

from mockserver import problems
from mockserver.bewaarvorm import dumps

# Faults that spoil the answer: the client gets an error, a dropped connection or nothing. ``antwoord-kwijt`` acts
# on the answer only, after the message was processed and committed (``ontvangst.ontvang`` awaits ``durable``).
BAD = ("http500", "http503", "verbinding-verbroken", "geen-antwoord", "antwoord-kwijt")


def json_response(status: int, body, content_type: str = "application/json") -> web.Response:
    return web.Response(status=status, text=dumps(body), content_type=content_type)


async def answer(request: web.Request, partner, response: web.Response, faults: list[dict]) -> web.StreamResponse:
    """``response`` as it should be, or what the faults make of it (delay, error, reset, silence, slow body)."""
    for fault in faults:
        if fault["naam"] == "vertraging":
            await partner.sleep(float(fault["params"].get("seconden", 2)))
    bad = next((f for f in faults if f["naam"] in BAD), None)
    if bad is not None:
        return await bad_answer(request, partner, bad)
    slow = next((f for f in faults if f["naam"] == "trage-body"), None)
    if slow is not None:
        return await slow_body(request, partner, response, float(slow["params"].get("seconden", 3)))
    return response


async def bad_answer(request: web.Request, partner, fault: dict) -> web.StreamResponse:
    name, params = fault["naam"], fault["params"]
    if name == "http500":
        return problems.response(problems.problem(500, "storing", "Interne fout (opzettelijk)",
                                                  "Transportfout http500 voor dit gesprek."))
    if name == "http503":
        retry = str(params.get("retry_after", 1))
        return problems.response(problems.problem(503, "niet-beschikbaar", "Tijdelijk niet beschikbaar (opzettelijk)",
                                                  "Transportfout http503 voor dit gesprek."),
                                 headers={"Retry-After": retry})
    if name == "geen-antwoord":
        await partner.sleep(float(params.get("seconden", 60)))  # the default the catalogue documents
    # verbinding-verbroken, antwoord-kwijt (the message is processed, its answer lost) and geen-antwoord at its end
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=500)


async def slow_body(request: web.Request, partner, response: web.Response, seconds: float) -> web.StreamResponse:
    body = response.body if isinstance(response.body, bytes) else b""
    content_type = response.headers.get("Content-Type", "application/json")
    stream = web.StreamResponse(status=response.status, headers={"Content-Type": content_type})
    stream.content_length = len(body)
    await stream.prepare(request)
    pieces = max(1, min(len(body), 20))
    size = -(-len(body) // pieces) if body else 1
    for start in range(0, len(body), size):
        await stream.write(body[start:start + size])
        await asyncio.sleep(seconds / pieces)
    await stream.write_eof()
    return stream
