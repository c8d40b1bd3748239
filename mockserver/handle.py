"""A synchronous handle on a ketenpartner for the test suite (pytest-bdd steps are synchronous).

``Ketenpartner.start("gemeente")`` runs the aiohttp app in a background thread with its own event loop on a
free loopback port. The system under test talks to it over that port (docs/SUT-PROTOCOL.md): exactly what a
vendor's system sees. The suite's own control calls (send, set a date or fault, read the log) on a partner it
started itself run the control API's operations (``mockserver.beheer``) on the partner's event loop directly,
without HTTP in between: the same code, the same answers (JSON-encoded and decoded as over HTTP), no socket and
no request parsing per call. A handle on a partner elsewhere (``connect``) uses HTTP for everything.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from mockserver.config import Config
from mockserver.oordelen import TIJDOORDELEN as TIMING


class KetenpartnerError(RuntimeError):
    def __init__(self, status: int, body) -> None:
        super().__init__(f"HTTP {status}: {body}")
        self.status, self.body = status, body


class Ketenpartner:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.url: str | None = None
        self.app = None
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"ketenpartner-{config.rol}", daemon=True)

    @classmethod
    def start(cls, rol: str, db: str = ":memory:", datum: str | dt.date | None = None, **settings) -> Ketenpartner:
        if isinstance(datum, str):
            datum = dt.date.fromisoformat(datum)
        handle = cls(Config(rol=rol, db=db, datum=datum, **settings))
        handle._thread.start()
        handle._ready.wait(timeout=60)
        if handle._error is not None:
            raise handle._error
        return handle

    @classmethod
    def connect(cls, url: str, rol: str = "gemeente") -> Ketenpartner:
        """A handle on a ketenpartner that already runs elsewhere (``ketenproef serve``); stop() does nothing."""
        handle = cls(Config(rol=rol))
        handle.url = url.rstrip("/")
        return handle

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._setup())
        except BaseException as exc:  # reported to the starting thread
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    async def _setup(self) -> None:
        from aiohttp import web

        from mockserver.app import make_app

        self.app = make_app(self.config)
        self._runner = web.AppRunner(self.app, handle_signals=False, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"

    def stop(self) -> None:
        if self._thread.is_alive() and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=30)

    def __enter__(self) -> Ketenpartner:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- HTTP ---------------------------------------------------------------------------------------------------
    def _request(self, method: str, path: str, body: bytes | None = None, content_type: str | None = None,
                 timeout: float = 30):
        request = urllib.request.Request(self.url + path, data=body, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get_content_type(), exc.read()

    def _direct(self, operatie, *args, ok=(200, 202)):
        """Run a control operation (``mockserver.beheer``) on the partner's loop; its answer as over HTTP."""
        from mockserver import beheer
        from mockserver.appkeys import PARTNER
        from mockserver.bewaarvorm import dumps

        async def call():
            try:
                return await operatie(self.app[PARTNER], *args)
            except beheer.WEIGERINGEN as exc:
                problem = beheer.probleem_van(exc)
                return problem["status"], problem

        status, body = self._op_de_lus(call())
        data = json.loads(dumps(body))
        if status not in ok:
            raise KetenpartnerError(status, data)
        return data

    def _op_de_lus(self, coro):
        """Run ``coro`` on the partner's event loop and wait for it; a stopped partner refuses like a closed port."""
        if self._loop.is_closed() or not self._thread.is_alive():
            coro.close()
            raise ConnectionRefusedError(f"de ketenpartner op {self.url} is gestopt")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def _control(self, naam: str, method: str, path: str, *args, body=None, ok=(200, 202)):
        """Control call ``naam`` (an operation of ``mockserver.beheer``, taking ``args`` and then ``body`` when one
        is given): in-process on a partner started here, with the body as JSON would carry it (dates as text);
        else ``method path`` over HTTP with ``body`` as JSON."""
        if self.app is None:
            return self._json(method, path, body, ok=ok)
        from mockserver import beheer

        if body is not None:
            args = (*args, json.loads(json.dumps(body, default=str)))
        return self._direct(getattr(beheer, naam), *args, ok=ok)

    def _json(self, method: str, path: str, payload=None, ok=(200, 202)):
        body = json.dumps(payload, default=str).encode() if payload is not None else None
        status, _, raw = self._request(method, path, body, "application/json" if body is not None else None)
        data = json.loads(raw) if raw else None
        if status not in ok:
            raise KetenpartnerError(status, data)
        return data

    # --- the SUT's side -------------------------------------------------------------------------------------------
    def deliver(self, xml: bytes) -> dict:
        """POST /berichten as the SUT would; the JSON answer (a problem dict with 'status' for 4xx/5xx)."""
        status, _, raw = self._request("POST", "/berichten", xml, "application/xml")
        data = json.loads(raw) if raw else {}
        data["http_status"] = status
        return data

    def mailbox(self, voor: str, na: int | None = None) -> list[dict]:
        query = {"voor": voor, **({"na": na} if na is not None else {})}
        return self._json("GET", "/berichten?" + urllib.parse.urlencode(query))

    def fetch(self, bericht_id: int) -> bytes:
        status, _, raw = self._request("GET", f"/berichten/{bericht_id}")
        if status != 200:
            raise KetenpartnerError(status, raw.decode(errors="replace"))
        return raw

    # --- control ----------------------------------------------------------------------------------------------
    def send(self, bericht: str, data: dict | None = None, deadline: float = 30, fout=None, **extra) -> dict:
        payload = {"bericht": bericht, "data": data, "deadline_seconden": deadline, **extra}
        if fout is not None:
            payload["fout"] = fout
        return self._control("verzenden", "POST", "/beheer/verzenden", body=payload)

    def send_raw(self, xml: bytes, bsn: str, deadline: float = 30, voor: str | None = None) -> dict:
        """POST /beheer/verzenden/ruw: these bytes go to the SUT unchanged (``voor``: its code, when the bytes do
        not show their Ontvanger)."""
        if self.app is not None:
            from mockserver import beheer

            return self._direct(beheer.verzenden_ruw, float(deadline), xml, bsn, voor, ok=(202,))
        query = {"bsn": bsn, "deadline_seconden": deadline, **({"voor": voor} if voor else {})}
        status, _, raw = self._request("POST", "/beheer/verzenden/ruw?" + urllib.parse.urlencode(query), xml,
                                       "application/octet-stream")
        data = json.loads(raw) if raw else None
        if status != 202:
            raise KetenpartnerError(status, data)
        return data

    def set_contract(self, contract: dict) -> dict:
        """PUT /beheer/contract: replace the contract data (tarieven, gemeentecodes, productcodes); the canonical
        contract now in force."""
        return self._control("zet_contract", "PUT", "/beheer/contract", body=contract)

    def contract(self) -> dict:
        return self._control("contract_van", "GET", "/beheer/contract")

    def clear_contract(self) -> dict:
        return self._control("wis_contract", "DELETE", "/beheer/contract")

    def set_fault(self, bsn: str, name: str, **params) -> dict:
        return self._control("zet_fouten", "PUT", f"/beheer/gesprekken/{bsn}/fouten", bsn,
                             body={"naam": name, "params": params})

    def set_faults(self, bsn: str, faults: list[dict]) -> dict:
        return self._control("zet_fouten", "PUT", f"/beheer/gesprekken/{bsn}/fouten", bsn, body={"fouten": faults})

    def clear_faults(self, bsn: str) -> dict:
        return self._control("wis_fouten", "DELETE", f"/beheer/gesprekken/{bsn}/fouten", bsn)

    def set_datum(self, bsn: str, datum: str | dt.date | None) -> dict:
        return self._control("zet_datum", "PUT", f"/beheer/gesprekken/{bsn}/datum", bsn, body={"datum": datum})

    def reset(self, bsn: str) -> dict:
        return self._control("reset", "POST", f"/beheer/gesprekken/{bsn}/reset", bsn)

    def postbus_verwerkt(self, bsn: str) -> list[int]:
        """The system has processed its mailbox: its unanswered fetched heenberichten of ``bsn`` are judged now."""
        return self._control("postbus_verwerkt", "POST", f"/beheer/gesprekken/{bsn}/postbus-verwerkt", bsn)["gesloten"]

    def log(self, bsn: str) -> list[dict]:
        return self._control("log", "GET", f"/beheer/gesprekken/{bsn}/log", bsn)

    def info(self, bericht_id: int) -> dict:
        return self._control("bericht_info", "GET", f"/beheer/berichten/{bericht_id}", int(bericht_id))

    def inhoud(self, bericht_id: int) -> bytes:
        """The stored bytes of a message, for evidence. In-process: straight from the store (no transport fault,
        nothing marked as fetched by the system); elsewhere: GET /berichten/{id} as the system would."""
        if self.app is None:
            return self.fetch(bericht_id)
        from mockserver import beheer
        from mockserver.appkeys import PARTNER

        xml = self._op_de_lus(beheer.inhoud(self.app[PARTNER], int(bericht_id)))
        if xml is None:
            raise KetenpartnerError(404, f"Geen bericht {bericht_id} (of het had geen inhoud).")
        return xml

    def health(self) -> dict:
        return self._control("gezondheid", "GET", "/beheer/gezondheid")

    def catalogue(self) -> list[dict]:
        return self._control("catalogus", "GET", "/beheer/fouten")

    def wait_for_verdict(self, bericht_id: int, timeout: float = 30, poll: float = 0.05) -> list[dict]:
        """The verdicts on the mock's heenbericht ``bericht_id`` once it was answered or its deadline passed. On a
        partner started here the wait ends when the verdict is written; elsewhere the log is read every ``poll``."""
        if self.app is not None:
            from mockserver import beheer

            verdicts = self._direct(beheer.wacht_op_oordeel, int(bericht_id), float(timeout))["oordelen"]
            if any(v["soort"] in TIMING for v in verdicts):
                return verdicts
            raise TimeoutError(f"geen oordeel over bericht {bericht_id} binnen {timeout} s")
        end = time.monotonic() + timeout
        while True:
            verdicts = self.info(bericht_id)["oordelen"]
            if any(v["soort"] in TIMING for v in verdicts):
                return verdicts
            if time.monotonic() > end:
                raise TimeoutError(f"geen oordeel over bericht {bericht_id} binnen {timeout} s")
            time.sleep(poll)

