"""What a request brings in, checked before anything else: bounded integers in paths and queries, the
Content-Type of a message, and a body that arrives within its time and its size.

Every refusal is a ``InvoerError`` carrying a problem (RFC 9457) with a Dutch ``detail``: never a 500.
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from mockserver import problems

GROOTSTE = 2 ** 63 - 1  # SQLite's INTEGER
CHUNK = 64 * 1024
XML_TYPES = ("application/xml", "text/xml")

log = logging.getLogger("mockserver")


class InvoerError(Exception):
    def __init__(self, problem: dict) -> None:
        super().__init__(problem["detail"])
        self.problem = problem


def geheel(raw: str | None, naam: str, minimum: int = 0, maximum: int = GROOTSTE, standaard: int | None = None) -> int:
    """``raw`` as an integer within minimum..maximum (400 otherwise); ``standaard`` when absent."""
    if raw is None and standaard is not None:
        return standaard
    try:
        value = int(raw) if raw is not None and len(raw) <= 40 else None
    except ValueError:
        value = None
    if value is None or not minimum <= value <= maximum:
        shown = raw if raw is None or len(raw) <= 40 else raw[:40] + "..."
        raise InvoerError(problems.bad_request(f"'{naam}' moet een geheel getal van {minimum} tot en met {maximum} "
                                             f"zijn, niet {shown!r}.", slug="ongeldig-getal", title="Ongeldig getal"))
    return value


def xml_type(request: web.Request) -> None:
    """415 for a message body that says it is something else than XML (a charset parameter is fine; no
    Content-Type at all is taken as XML)."""
    if "Content-Type" not in request.headers or request.content_type in XML_TYPES:
        return
    raise InvoerError(problems.problem(
        415, "verkeerd-type", "Verkeerd Content-Type",
        f"Een bericht heeft Content-Type application/xml (of text/xml), niet {request.content_type!r}.",
        accepteert=list(XML_TYPES)))


async def body(request: web.Request, cap: int, seconds: float) -> bytes | None:
    """The body within ``seconds``, or None as soon as it is longer than ``cap`` (never more than cap + 1
    bytes in memory). A body that takes longer is refused with 408 (``te_traag`` closes the connection)."""
    content = request.content
    if content.is_eof() and request.content_length is not None and request.content_length <= cap:
        return content.read_nowait()  # it came whole with the headers (a small message): nothing to wait for
    try:
        async with asyncio.timeout(seconds):
            return await _capped(request, cap)
    except TimeoutError:
        log.info("body van %s niet binnen %s s ontvangen; verbinding wordt gesloten", request.remote, seconds)
        raise InvoerError(problems.problem(408, "te-traag", "Body te traag",
                                         f"De body kwam niet binnen {seconds:g} seconden binnen.")) from None


async def _capped(request: web.Request, cap: int) -> bytes | None:
    chunks, size = [], 0
    while True:
        chunk = await request.content.read(min(CHUNK, cap + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            return None


async def weigering(request: web.Request, exc: InvoerError) -> web.StreamResponse:
    """The problem answer; after a 408 the connection is closed (the client stalls, nothing more is read)."""
    response = problems.response(exc.problem)
    if exc.problem["status"] != 408:
        return response
    response.force_close()
    await response.prepare(request)
    await response.write_eof()
    if request.transport is not None:
        request.transport.close()
    return response
