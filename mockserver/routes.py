"""The transport contract for the SUT: POST /berichten, GET /berichten (mailbox), GET /berichten/{id}."""

from __future__ import annotations

from aiohttp import web

from ketenproef.identify import identify
from ketenproef.parse import parse_bytes
from mockserver import fouten, herhaling, invoer, problems, push
from mockserver.appkeys import PARTNER
from mockserver.berichten import ONBEKEND, bsns
from mockserver.ontvangst import ontvang
from mockserver.transport import answer, json_response

MAILBOX_MAX = 1000


async def post_bericht(request: web.Request) -> web.StreamResponse:
    partner = request.app[PARTNER]
    cap = partner.config.max_bytes
    invoer.xml_type(request)
    data = None
    if request.content_length is None or request.content_length <= cap:
        data = await invoer.body(request, cap, partner.config.body_timeout)
    if data is None:
        return too_large(partner, request.content_length, cap)
    hint = await partner.hint(data)
    transport = partner.faults(hint, fouten.TRANSPORT) if hint else []
    if any(not fouten.verwerken(f) for f in transport):
        bericht_id = store_unprocessed(partner, data, hint, transport)
        body = {"id": bericht_id, "message": None, "status": "transportfout", "retour_id": None}
        return await answer(request, partner, json_response(202, body), transport)
    uitkomst = await ontvang(partner, data, hint, transport)
    push.schedule(partner, uitkomst.push)
    if uitkomst.status >= 400:
        response = problems.response(uitkomst.body)
    else:
        response = json_response(uitkomst.status, uitkomst.body)
    if uitkomst.body.get("herhaald"):
        response.headers[herhaling.HEADER] = "ja"
    return await answer(request, partner, response, transport)


def too_large(partner, size: int | None, cap: int) -> web.Response:
    body = problems.too_large(size, cap)
    rec = {"richting": "in", "status": "te-groot", "grootte": size or cap + 1, "xml": None,
           "bevindingen": [{"level": "technisch", "rule": "OP179", "text": body["detail"]}], "fouten": []}
    body["id"] = partner.store.insert(rec, [ONBEKEND])
    partner.store.commit()
    return problems.response(body)


def store_unprocessed(partner, data: bytes, hint: list[str], transport: list[dict]) -> int:
    """A message a transport fault keeps from being processed: logged (never lost), not judged, not applied."""
    root = parse_bytes(data, partner.config.max_bytes).root
    identity = identify(root) if root is not None else None
    rec = {"richting": "in", "status": "transportfout", "grootte": len(data), "xml": data, "fouten": transport,
           "bericht": getattr(identity, "message", None)}
    bericht_id = partner.store.insert(rec, hint or bsns(root) or [ONBEKEND])
    partner.store.commit()
    return bericht_id


async def get_mailbox(request: web.Request) -> web.Response:
    partner = request.app[PARTNER]
    voor = request.query.get("voor")
    if not voor:
        return problems.response(problems.bad_request("Geef ?voor=CODE: de AGB-code of gemeentecode van de ontvanger."))
    na = invoer.geheel(request.query["na"], "na") if "na" in request.query else None
    limiet = invoer.geheel(request.query.get("limiet"), "limiet", 1, MAILBOX_MAX, standaard=100)
    await partner.settled()
    rows = partner.store.mailbox(voor, na, limiet)
    return json_response(200, [mailbox_item(row) for row in rows])


def mailbox_item(row: dict) -> dict:
    return {"id": row["id"], "message": row["bericht"], "cursor": row["cursor"], "soort": row["soort"],
            "identificatie": row["identificatie"], "van": row["van"], "voor": row["voor"],
            "heen_id": row["heen_id"], "tijd": row["tijd"], "grootte": row["grootte"],
            "href": f"/berichten/{row['id']}"}


async def get_bericht(request: web.Request) -> web.StreamResponse:
    partner = request.app[PARTNER]
    bericht_id = bericht_nummer(request.match_info["id"])
    await partner.settled()
    xml = partner.store.xml(bericht_id)
    if xml is None:
        return problems.response(problems.not_found(f"Geen bericht {bericht_id} (of het had geen inhoud)."))
    row = partner.store.bericht(bericht_id)
    response = web.Response(body=xml, content_type="application/xml",
                            headers={"X-Ketenproef-Bericht": row["bericht"] or ""})
    faults = partner.faults(partner.store.bsns(bericht_id), fouten.TRANSPORT) if partner.gesprekken else []
    gegeven = await answer(request, partner, response, faults)
    if gegeven is response and row["richting"] == "uit" and row["soort"] == "heen" and not row["beantwoord"]:
        partner.opgehaald.add(bericht_id)  # the SUT has it: its postbus run decides (oordelen.sluit_na_postbus)
    return gegeven


def bericht_nummer(raw: str) -> int:
    """The id in a path: 404 when it is no number, 400 when it is a number no message can have."""
    if not raw.lstrip("-").isdigit():
        raise invoer.InvoerError(problems.not_found(f"Geen bericht {raw[:40]!r}."))
    return invoer.geheel(raw, "id", 1)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/berichten", post_bericht)
    app.router.add_get("/berichten", get_mailbox)
    app.router.add_get("/berichten/{id}", get_bericht)
