"""The control API under /beheer/: make the mock send, set faults and dates per conversation, read the log."""

from __future__ import annotations

import datetime as dt
import json
import time

from aiohttp import web

from ketenproef import __version__
from mockserver import contract, fouten, invoer, problems, push
from mockserver.appkeys import PARTNER
from mockserver.oordelen import sluit_na_postbus
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


def guarded(handler):
    """Turn RefusedError and FaultError into problem+json answers."""

    async def wrapper(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except RefusedError as exc:
            return problems.response(exc.problem)
        except fouten.FaultError as exc:
            title = "Niet geimplementeerd" if exc.status == 501 else "Onbekende of ongeldige fout"
            return problems.response(problems.problem(exc.status, "fout", title, str(exc)))

    wrapper.__name__ = handler.__name__
    return wrapper


@guarded
async def post_verzenden(request: web.Request) -> web.Response:
    partner = request.app[PARTNER]
    body = await body_of(request)
    if not isinstance(body, dict) or not body.get("bericht"):
        raise RefusedError(problems.bad_request("Geef {\"bericht\": \"JW301\", \"data\": {...}}."))
    uitkomst = await verzend(partner, body)
    push.schedule(partner, uitkomst.push)
    return json_response(uitkomst.status, uitkomst.body)


@guarded
async def post_verzenden_ruw(request: web.Request) -> web.Response:
    partner = request.app[PARTNER]
    seconds = deadline_of(request.query.get("deadline_seconden"), partner.config.deadline_seconden)
    cap = partner.config.max_bytes
    data = None
    if (request.content_length or 0) <= cap:
        data = await invoer.body(request, cap, partner.config.body_timeout)
    if data is None:
        return problems.response(problems.too_large(request.content_length, cap))
    uitkomst = await verzend_ruw(partner, data, request.query.get("bsn") or None, request.query.get("voor") or None,
                                 seconds)
    push.schedule(partner, uitkomst.push)
    return json_response(uitkomst.status, uitkomst.body)


def deadline_of(raw: str | None, default: float) -> float:
    try:
        seconds = float(raw) if raw is not None else default
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise RefusedError(problems.bad_request(f"deadline_seconden is een aantal seconden (0 of meer), niet {raw!r}."))
    return seconds


async def get_bericht_info(request: web.Request) -> web.Response:
    partner = request.app[PARTNER]
    row = partner.store.bericht(bericht_nummer(request.match_info["id"]))
    if row is None:
        return problems.response(problems.not_found(f"Geen bericht {request.match_info['id']!r}."))
    return json_response(200, log_entry(partner, row))


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


async def get_log(request: web.Request) -> web.Response:
    partner = request.app[PARTNER]
    rows = partner.store.log(request.match_info["bsn"])
    return json_response(200, [log_entry(partner, row) for row in rows])


@guarded
async def put_fouten(request: web.Request) -> web.Response:
    partner, bsn = request.app[PARTNER], request.match_info["bsn"]
    faults = fouten.normalise(await body_of(request))
    partner.set_faults(bsn, faults)
    return json_response(200, {"bsn": bsn, "fouten": faults})


async def get_fouten(request: web.Request) -> web.Response:
    partner, bsn = request.app[PARTNER], request.match_info["bsn"]
    return json_response(200, {"bsn": bsn, "fouten": partner.gesprekken.get(bsn, {}).get("fouten", [])})


async def delete_fouten(request: web.Request) -> web.Response:
    partner, bsn = request.app[PARTNER], request.match_info["bsn"]
    partner.set_faults(bsn, [])
    return json_response(200, {"bsn": bsn, "fouten": []})


@guarded
async def put_datum(request: web.Request) -> web.Response:
    partner, bsn = request.app[PARTNER], request.match_info["bsn"]
    body = await body_of(request)
    raw = body.get("datum") if isinstance(body, dict) else None
    try:
        datum = dt.date.fromisoformat(raw) if raw else None
    except (TypeError, ValueError) as exc:
        raise RefusedError(problems.bad_request(f"Geen datum JJJJ-MM-DD: {raw!r}")) from exc
    partner.set_datum(bsn, datum)
    return json_response(200, {"bsn": bsn, "datum": datum})


async def post_postbus_verwerkt(request: web.Request) -> web.Response:
    """The SUT has processed its mailbox: what it fetched from this conversation and left unanswered is judged
    now (``oordelen.sluit_na_postbus``), not at the deadline."""
    partner, bsn = request.app[PARTNER], request.match_info["bsn"]
    async with partner.lock:
        gesloten = sluit_na_postbus(partner, bsn)
    await partner.settled()
    return json_response(200, {"bsn": bsn, "gesloten": gesloten})


async def post_reset(request: web.Request) -> web.Response:
    partner, bsn = request.app[PARTNER], request.match_info["bsn"]
    count = await partner.reset(bsn)
    return json_response(200, {"bsn": bsn, "ingetrokken_berichten": count})


@guarded
async def put_contract(request: web.Request) -> web.Response:
    partner = request.app[PARTNER]
    try:
        value = contract.normalise(await body_of(request))
    except contract.ContractError as exc:
        raise RefusedError(problems.bad_request(str(exc), slug="ongeldig-contract", title="Ongeldig contract")) from exc
    return json_response(200, await partner.set_contract(value))


async def get_contract(request: web.Request) -> web.Response:
    return json_response(200, request.app[PARTNER].contract)


async def delete_contract(request: web.Request) -> web.Response:
    return json_response(200, await request.app[PARTNER].set_contract(None))


async def get_gezondheid(request: web.Request) -> web.Response:
    partner = request.app[PARTNER]
    config = partner.config
    return json_response(200, {
        "status": "ok", "rol": config.rol, "sut_rol": config.sut_rol, "versie": __version__,
        "gemeente": config.gemeente, "agb": config.agb, "db": config.db, "serie": partner.store.serie,
        "datum": config.datum,
        "vandaag": partner.clock().today(), "push_url": config.push_url, "berichten": partner.store.count(),
        "uptime_seconden": round(time.time() - partner.started, 3),
        "beoordeling": partner.beoordelaar.stand(),
        "berichtfouten_beschikbaar": fouten.message_faults() is not None})


async def get_catalogus(request: web.Request) -> web.Response:
    return json_response(200, fouten.catalogue())


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_post("/beheer/verzenden", post_verzenden)
    r.add_post("/beheer/verzenden/ruw", post_verzenden_ruw)
    r.add_get("/beheer/berichten/{id}", get_bericht_info)
    r.add_get("/beheer/gesprekken/{bsn}/log", get_log)
    r.add_get("/beheer/gesprekken/{bsn}/fouten", get_fouten)
    r.add_put("/beheer/gesprekken/{bsn}/fouten", put_fouten)
    r.add_delete("/beheer/gesprekken/{bsn}/fouten", delete_fouten)
    r.add_put("/beheer/gesprekken/{bsn}/datum", put_datum)
    r.add_post("/beheer/gesprekken/{bsn}/reset", post_reset)
    r.add_post("/beheer/gesprekken/{bsn}/postbus-verwerkt", post_postbus_verwerkt)
    r.add_get("/beheer/contract", get_contract)
    r.add_put("/beheer/contract", put_contract)
    r.add_delete("/beheer/contract", delete_contract)
    r.add_get("/beheer/gezondheid", get_gezondheid)
    r.add_get("/beheer/fouten", get_catalogus)
