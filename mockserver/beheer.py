"""The control API under /beheer/: make the mock send, set faults and dates per conversation, read the log."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time

from aiohttp import web

from ketenproef import __version__
from mockserver import contract, fouten, invoer, problems, push
from mockserver.appkeys import PARTNER
from mockserver.oordelen import TIJDOORDELEN, sluit_na_postbus
from mockserver.routes import bericht_nummer
from mockserver.ruw import verzend_ruw
from mockserver.transport import json_response
from mockserver.verzenden import RefusedError, verzend


async def body_of(request: web.Request):
    if not request.can_read_body:
        return {}
    config = request.app[PARTNER].config
    raw = await invoer.body(request, config.max_bytes, config.body_timeout)
    if raw is None:
        raise RefusedError(problems.too_large(request.content_length, config.max_bytes))
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise RefusedError(problems.bad_request(f"De body is geen geldige JSON: {exc}")) from exc


def probleem_van(exc: Exception) -> dict:
    """The problem+json body of a refusal (RefusedError, FaultError), for HTTP and the in-process handle alike."""
    if isinstance(exc, RefusedError):
        return exc.problem
    title = "Niet geimplementeerd" if exc.status == 501 else "Onbekende of ongeldige fout"
    return problems.problem(exc.status, "fout", title, str(exc))


WEIGERINGEN = (RefusedError, fouten.FaultError)


# ---------------------------------------------------------------------------------------------------- operations
# Each operation of the control API as a plain coroutine on the partner: (HTTP status, JSON body). The routes
# below read the request and answer with the result; the suite's in-process handle (mockserver.handle) calls the
# same coroutines on the partner's event loop without a socket in between. One implementation, two doors.
async def verzenden(partner, body) -> tuple[int, object]:
    if not isinstance(body, dict) or not body.get("bericht"):
        raise RefusedError(problems.bad_request("Geef {\"bericht\": \"JW301\", \"data\": {...}}."))
    uitkomst = await verzend(partner, body)
    push.schedule(partner, uitkomst.push)
    return uitkomst.status, uitkomst.body


async def verzenden_ruw(partner, seconds: float, data: bytes, bsn: str | None, voor: str | None):
    """Raw bytes into the system's mailbox. The limits are checked here, for both doors (over HTTP the readers
    refuse a bad deadline or a body over the limit before it is read, with the same answers)."""
    geldige_deadline(seconds, str(seconds))
    if len(data) > partner.config.max_bytes:
        raise RefusedError(problems.too_large(len(data), partner.config.max_bytes))
    uitkomst = await verzend_ruw(partner, data, bsn or None, voor or None, seconds)
    push.schedule(partner, uitkomst.push)
    return uitkomst.status, uitkomst.body


async def bericht_info(partner, bericht_id: int) -> tuple[int, object]:
    row = partner.store.bericht(bericht_id)
    if row is None:
        raise RefusedError(problems.not_found(f"Geen bericht {str(bericht_id)!r}."))
    return 200, log_entry(partner, row)


def log_entry(partner, row: dict) -> dict:
    entry = {"id": row["id"], "tijd": row["tijd"], "richting": row["richting"], "message": row["bericht"],
             "soort": row["soort"], "identificatie": row["eigen_id"], "referentie": row["ref_id"],
             "van": row["van"], "voor": row["voor"], "status": row["status"], "grootte": row["grootte"],
             "heen_id": row["heen_id"], "bevindingen": row["bevindingen"], "fouten": row["fouten"],
             "toegepast": bool(row["toegepast"]), "afgekeurd": row["afgekeurd"], "verwachting": row["verwachting"],
             "bsns": partner.store.bsns(row["id"])}
    if row.get("herhaling_van") is not None:
        entry["herhaling_van"] = row["herhaling_van"]
    entry["oordelen"] = row.get("oordelen", partner.store.oordelen(row["id"]))
    entry["pushes"] = row.get("pushes", partner.store.pushes(row["id"]))
    for oordeel in entry["oordelen"]:
        oordeel["goed"] = bool(oordeel["goed"])
    return entry


HERCONTROLE = 1.0  # seconds: a waiter also looks again this often (a verdict written on another thread)


async def wacht_op_oordeel(partner, bericht_id: int, seconden: float) -> tuple[int, object]:
    """The log entry of the mock's heenbericht ``bericht_id`` as soon as its retour is judged (a timing verdict:
    on time, late, never, ...) or ``seconden`` passed: woken by the verdict itself, not by polling."""
    loop = asyncio.get_running_loop()
    einde = loop.time() + seconden
    while True:
        status, entry = await bericht_info(partner, bericht_id)
        rest = einde - loop.time()
        if rest <= 0 or any(v["soort"] in TIJDOORDELEN for v in entry["oordelen"]):
            return status, entry
        await partner.nieuw_oordeel(min(rest, HERCONTROLE))


async def log(partner, bsn: str) -> tuple[int, object]:
    return 200, [log_entry(partner, row) for row in partner.store.log(bsn)]


async def fouten_van(partner, bsn: str) -> tuple[int, object]:
    return 200, {"bsn": bsn, "fouten": partner.gesprekken.get(bsn, {}).get("fouten", [])}


async def zet_fouten(partner, bsn: str, body) -> tuple[int, object]:
    faults = fouten.normalise(body)
    partner.set_faults(bsn, faults)
    return 200, {"bsn": bsn, "fouten": faults}


async def wis_fouten(partner, bsn: str) -> tuple[int, object]:
    partner.set_faults(bsn, [])
    return 200, {"bsn": bsn, "fouten": []}


async def zet_datum(partner, bsn: str, body) -> tuple[int, object]:
    raw = body.get("datum") if isinstance(body, dict) else None
    try:
        datum = dt.date.fromisoformat(raw) if raw else None
    except (TypeError, ValueError) as exc:
        raise RefusedError(problems.bad_request(f"Geen datum JJJJ-MM-DD: {raw!r}")) from exc
    partner.set_datum(bsn, datum)
    return 200, {"bsn": bsn, "datum": datum}


async def postbus_verwerkt(partner, bsn: str) -> tuple[int, object]:
    """The SUT has processed its mailbox: what it fetched from this conversation and left unanswered is judged
    now (``oordelen.sluit_na_postbus``), not at the deadline."""
    async with partner.lock:
        gesloten = sluit_na_postbus(partner, bsn)
    await partner.settled()
    return 200, {"bsn": bsn, "gesloten": gesloten}


async def reset(partner, bsn: str) -> tuple[int, object]:
    count = await partner.reset(bsn)
    return 200, {"bsn": bsn, "ingetrokken_berichten": count}


async def zet_contract(partner, body) -> tuple[int, object]:
    try:
        value = contract.normalise(body)
    except contract.ContractError as exc:
        raise RefusedError(problems.bad_request(str(exc), slug="ongeldig-contract", title="Ongeldig contract")) from exc
    return 200, await partner.set_contract(value)


async def contract_van(partner) -> tuple[int, object]:
    return 200, partner.contract


async def wis_contract(partner) -> tuple[int, object]:
    return 200, await partner.set_contract(None)


async def gezondheid(partner) -> tuple[int, object]:
    config = partner.config
    return 200, {
        "status": "ok", "rol": config.rol, "sut_rol": config.sut_rol, "versie": __version__,
        "gemeente": config.gemeente, "agb": config.agb, "db": config.db, "serie": partner.store.serie,
        "datum": config.datum,
        "vandaag": partner.clock().today(), "push_url": config.push_url, "berichten": partner.store.count(),
        "uptime_seconden": round(time.time() - partner.started, 3),
        "beoordeling": partner.beoordelaar.stand(),
        "berichtfouten_beschikbaar": fouten.message_faults() is not None}


async def catalogus(partner) -> tuple[int, object]:
    return 200, fouten.catalogue()


async def inhoud(partner, bericht_id: int) -> bytes | None:
    """The stored bytes of a message, for the suite's evidence: unlike GET /berichten/{id} (the SUT's fetch) no
    transport fault applies and nothing counts as fetched by the system."""
    await partner.settled()
    return partner.store.xml(bericht_id)


# -------------------------------------------------------------------------------------------------------- routes
def route(operatie, *lezers):
    """An HTTP route over an operation: ``lezers`` read its arguments from the request (after the partner)."""

    async def handler(request: web.Request) -> web.StreamResponse:
        partner = request.app[PARTNER]
        try:
            args = [await lees(request) for lees in lezers]
            status, body = await operatie(partner, *args)
        except WEIGERINGEN as exc:
            return problems.response(probleem_van(exc))
        return json_response(status, body)

    handler.__name__ = f"http_{operatie.__name__}"
    return handler


async def _bsn(request: web.Request) -> str:
    return request.match_info["bsn"]


async def _id(request: web.Request) -> int:
    return bericht_nummer(request.match_info["id"])


async def _ruw(request: web.Request) -> bytes:
    config = request.app[PARTNER].config
    if (request.content_length or 0) > config.max_bytes:
        raise RefusedError(problems.too_large(request.content_length, config.max_bytes))
    data = await invoer.body(request, config.max_bytes, config.body_timeout)
    if data is None:
        raise RefusedError(problems.too_large(request.content_length, config.max_bytes))
    return data


def _query(naam: str):
    async def lees(request: web.Request):
        return request.query.get(naam)
    return lees


async def _deadline(request: web.Request) -> float:
    return deadline_of(request.query.get("deadline_seconden"), request.app[PARTNER].config.deadline_seconden)


def deadline_of(raw: str | None, default: float) -> float:
    try:
        seconds = float(raw) if raw is not None else default
    except ValueError:
        seconds = -1.0
    return geldige_deadline(seconds, raw)


def geldige_deadline(seconds: float, gegeven) -> float:
    """``seconds`` when it is a deadline (0 or more, finite), else a 400 that quotes what was ``gegeven``."""
    if not 0 <= seconds < float("inf"):
        raise RefusedError(problems.bad_request(f"deadline_seconden is een aantal seconden (0 of meer), niet "
                                                f"{gegeven!r}."))
    return seconds


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_post("/beheer/verzenden", route(verzenden, body_of))
    r.add_post("/beheer/verzenden/ruw", route(verzenden_ruw, _deadline, _ruw, _query("bsn"), _query("voor")))
    r.add_get("/beheer/berichten/{id}", route(bericht_info, _id))
    r.add_get("/beheer/gesprekken/{bsn}/log", route(log, _bsn))
    r.add_get("/beheer/gesprekken/{bsn}/fouten", route(fouten_van, _bsn))
    r.add_put("/beheer/gesprekken/{bsn}/fouten", route(zet_fouten, _bsn, body_of))
    r.add_delete("/beheer/gesprekken/{bsn}/fouten", route(wis_fouten, _bsn))
    r.add_put("/beheer/gesprekken/{bsn}/datum", route(zet_datum, _bsn, body_of))
    r.add_post("/beheer/gesprekken/{bsn}/reset", route(reset, _bsn))
    r.add_post("/beheer/gesprekken/{bsn}/postbus-verwerkt", route(postbus_verwerkt, _bsn))
    r.add_get("/beheer/contract", route(contract_van))
    r.add_put("/beheer/contract", route(zet_contract, body_of))
    r.add_delete("/beheer/contract", route(wis_contract))
    r.add_get("/beheer/gezondheid", route(gezondheid))
    r.add_get("/beheer/fouten", route(catalogus))
