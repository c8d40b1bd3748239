"""``ketenproef serve``: run the ketenpartner (mock gemeente or aanbieder) until SIGTERM or SIGINT."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import signal
import sys

from mockserver import contract
from mockserver.config import BODY_TIMEOUT, KOP_TIMEOUT, ROLLEN, Config

DEFAULT_POORT = 8470
DEFAULT_DB = "ketenpartner.sqlite"


def _datum(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"geen datum in de vorm JJJJ-MM-DD: {value!r}") from exc


def _contract(path: str) -> dict:
    try:
        return contract.lees(path)
    except contract.ContractError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def register(sub) -> None:
    p = sub.add_parser("serve", help="run the ketenpartner (mock gemeente or aanbieder)",
                       description="Speel gemeente of aanbieder voor iWmo 3.2 en iJw 3.2 (zie docs/SUT-PROTOCOL.md).")
    p.add_argument("--rol", choices=ROLLEN, required=True, help="de rol van de ketenpartner zelf")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--poort", type=int, default=DEFAULT_POORT, help="0 = een vrije poort")
    p.add_argument("--db", default=DEFAULT_DB, help="SQLite-bestand (':memory:' = niets bewaren)")
    p.add_argument("--datum", type=_datum, help="bevries 'vandaag' (JJJJ-MM-DD)")
    p.add_argument("--push-url", help="POST elk bericht voor de SUT ook naar deze URL")
    p.add_argument("--push-pogingen", type=int, default=5)
    p.add_argument("--push-wacht", type=float, default=0.5, help="eerste wachttijd tussen pogingen (s), verdubbelt")
    p.add_argument("--gemeente", help="speel alleen deze gemeentecode (rol gemeente)")
    p.add_argument("--agb", help="speel alleen deze AGB-code (rol aanbieder)")
    p.add_argument("--deadline", type=float, default=30.0, help="standaard wachttijd op een retour (s)")
    p.add_argument("--contract", type=_contract, metavar="BESTAND.json",
                   help="contractgegevens (tarieven, gemeentecodes, productcodes) voor de ketenregels; vervangt het "
                        "contract in de db (zie PUT /beheer/contract)")
    p.add_argument("--kop-timeout", type=float, default=KOP_TIMEOUT,
                   help="seconden voor de verzoekregel en headers; een tragere verbinding wordt gesloten")
    p.add_argument("--body-timeout", type=float, default=BODY_TIMEOUT,
                   help="seconden voor een hele body; daarna 408 en de verbinding wordt gesloten")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_serve)


def config_from(args) -> Config:
    return Config(rol=args.rol, db=args.db, datum=args.datum, gemeente=args.gemeente, agb=args.agb,
                  push_url=args.push_url, push_pogingen=args.push_pogingen, push_wacht=args.push_wacht,
                  deadline_seconden=args.deadline, contract=args.contract, kop_timeout=args.kop_timeout,
                  body_timeout=args.body_timeout)


def cmd_serve(args) -> int:
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        config = config_from(args)
    except ValueError as exc:
        print(f"ketenproef serve: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(serve(config, args.host, args.poort))
    except OSError as exc:
        print(f"ketenproef serve: {exc}", file=sys.stderr)
        return 2
    return 0


async def serve(config: Config, host: str, port: int) -> None:
    from aiohttp import web

    from mockserver.app import make_app
    from mockserver.verbinding import meer_bestanden

    meer_bestanden()
    runner = web.AppRunner(make_app(config), handle_signals=False, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        bound = runner.addresses[0][1]
        print(f"ketenpartner ({config.rol}) luistert op http://{host}:{bound}", flush=True)
        await stop.wait()
        print("ketenpartner stopt", flush=True)
    finally:
        await runner.cleanup()
