"""The aiohttp application: a thin HTTP shell over the core (``make_app(Config)``)."""

from __future__ import annotations

import logging

from aiohttp import web

from mockserver import afval, beheer, invoer, problems, push, routes, verbinding
from mockserver.appkeys import PARTNER
from mockserver.config import Config
from mockserver.oordelen import watch
from mockserver.partner import Partner

log = logging.getLogger("mockserver")


@web.middleware
async def problems_middleware(request: web.Request, handler):
    """Unknown routes, wrong methods and unexpected errors answer in problem+json too."""
    try:
        return await handler(request)
    except invoer.InvoerError as exc:
        return await invoer.weigering(request, exc)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        body = problems.problem(exc.status, "http", exc.reason, f"{request.method} {request.path}: {exc.reason}")
        return problems.response(body, headers={k: v for k, v in exc.headers.items() if k == "Allow"})
    except Exception as exc:  # logged; the client gets a problem, not a stack trace
        log.exception("interne fout bij %s %s", request.method, request.path)
        return problems.response(problems.problem(500, "interne-fout", "Interne fout", repr(exc)))


def make_app(config: Config) -> web.Application:
    app = web.Application(client_max_size=config.max_bytes + 1, middlewares=[problems_middleware],
                          handler_args=verbinding.handler_args(config))
    app[PARTNER] = Partner(config)
    routes.add_routes(app)
    beheer.add_routes(app)
    app.on_startup.append(start)
    app.on_shutdown.append(shutdown)
    app.on_cleanup.append(cleanup)
    return app


async def start(app: web.Application) -> None:
    """Rebuild the Keten from the store, watch the deadlines still open, finish unfinished pushes."""
    partner = app[PARTNER]
    partner.load()
    afval.beheer.bevries()  # corpus, register and Keten live as long as the process (serve only; see afval)
    for row in partner.store.pending():
        partner.spawn(watch(partner, row["id"], row["verwachting"]["deadline"]))
    await push.open_session(partner)
    push.resume(partner)


async def shutdown(app: web.Application) -> None:
    app[PARTNER].stopping.set()


async def cleanup(app: web.Application) -> None:
    await app[PARTNER].close()
