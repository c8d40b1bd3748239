"""The transport contract with the ketenpartner (docs/SUT-PROTOCOL.md), synchronous, with urllib only.

- ``POST {url}/berichten`` with an XML body: deliver a heenbericht or a retour (202 JSON, 400 problem+json);
- ``GET {url}/berichten?voor=CODE&na=CURSOR``: the mailbox of a party, oldest first;
- ``GET {url}/berichten/{id}``: one message, byte for byte.

Delivery is retried as the protocol asks: after a 5xx, a dropped connection or a timeout the *identical* request
(the same bytes) goes again after a short, bounded back-off (a 503's Retry-After is honoured up to a cap). A 200
with ``Ketenproef-Herhaling`` means the ketenpartner had processed those bytes before (only its answer was lost):
that is a successful delivery with the original outcome. A 4xx is an answer, never retried.
"""

from __future__ import annotations

import http.client
import json
import select
import time
import urllib.parse

from sut.base import SutError

HERHALING = "Ketenproef-Herhaling"
WACHTTIJDEN = (0.05, 0.2, 0.5, 1.0)  # seconds before each retry: at most 4 retries, 5 attempts in all
MAX_RETRY_AFTER = 5.0  # a longer Retry-After is cut to this (the attempts stay bounded)
FOUTEN = (TimeoutError, OSError, http.client.HTTPException)  # the connection failed: no answer to go by


class Ketenpartner:
    """One keep-alive HTTP/1.1 connection to the ketenpartner, opened again when it was closed (by the
    ketenpartner, a fault, or an error on our side); every request waits for its whole answer."""

    def __init__(self, url: str, timeout: float = 30.0, wachttijden: tuple[float, ...] = WACHTTIJDEN,
                 slaap=time.sleep) -> None:
        self.url = url.rstrip("/")
        deel = urllib.parse.urlsplit(self.url)
        if deel.scheme != "http" or not deel.hostname:
            raise SutError(f"ketenpartner-url {url!r}: verwacht http://host:poort")
        self._host, self._poort, self._pad = deel.hostname, deel.port or 80, deel.path
        self.timeout = timeout
        self.wachttijden = tuple(wachttijden)  # () = every request once, never again
        self.slaap = slaap
        self.pogingen: list[str] = []  # what each failed attempt of the last request got (for diagnosis)
        self._verbinding: http.client.HTTPConnection | None = None

    def post(self, xml: bytes) -> dict:
        """Deliver one message (retried with the identical bytes, see above); the ketenpartner's JSON answer
        (``id``, ``message``, ``retour_id``; ``herhaald`` when an earlier attempt had already been processed)."""
        body = self._open("POST", "/berichten", xml, {"Content-Type": "application/xml"})
        return json.loads(body) if body else {}

    def postbus(self, voor: str, na: str | int | None = None) -> list[dict]:
        """Everything waiting for party ``voor`` after ``na`` (oldest first)."""
        query = {"voor": voor}
        if na is not None:
            query["na"] = str(na)
        body = self._open("GET", f"/berichten?{urllib.parse.urlencode(query)}")
        data = json.loads(body) if body else []
        if isinstance(data, dict):  # tolerate {"berichten": [...]}
            data = data.get("berichten", [])
        return list(data)

    def bericht(self, bericht_id: str | int) -> bytes:
        quoted = urllib.parse.quote(str(bericht_id), safe="")
        return self._open("GET", f"/berichten/{quoted}")

    def close(self) -> None:
        if self._verbinding is not None:
            self._verbinding.close()
            self._verbinding = None

    def _open(self, method: str, pad: str, body: bytes | None = None, headers: dict | None = None) -> bytes:
        """The body of a 2xx answer; a 5xx, a dropped connection or a timeout is tried again (the same request,
        the same bytes) until the back-off is used up; a 4xx or the last failure is a SutError."""
        self.pogingen = []
        for poging, wacht in enumerate((*self.wachttijden, None), start=1):
            try:
                status, kop, data = self._eens(method, pad, body, headers or {})
            except FOUTEN as exc:
                self.close()
                fout = SutError(f"ketenpartner op {self.url} is niet bereikbaar{_na(poging)}: {exc!r}")
                if wacht is None:
                    raise fout from exc
            else:
                if 200 <= status < 300:
                    return data
                detail = data.decode("utf-8", "replace")
                fout = SutError(f"ketenpartner antwoordde {status} op {method} {self.url}{pad}{_na(poging)}: "
                                f"{detail}")
                if status < 500 or wacht is None:
                    raise fout
                wacht = max(wacht, retry_after(kop.get("Retry-After")))
            self.pogingen.append(str(fout))
            self.slaap(wacht)
        raise AssertionError("unreachable")  # the last attempt returns or raises

    def _eens(self, method: str, pad: str, body: bytes | None, headers: dict):
        """One attempt: (status, headers, body). An error answer whose body breaks off keeps what it said (its
        status is the answer); a 2xx whose body breaks off is a failed attempt."""
        verbinding = self._open_verbinding()
        verbinding.request(method, self._pad + pad, body=body, headers=headers)
        antwoord = verbinding.getresponse()
        try:
            data = antwoord.read()
        except FOUTEN:
            self.close()
            if antwoord.status < 300:
                raise
            data = b""
        if antwoord.will_close:
            self.close()
        return antwoord.status, antwoord.headers, data

    def _open_verbinding(self) -> http.client.HTTPConnection:
        """The kept connection, unless the ketenpartner closed it while it was idle (then readable at EOF)."""
        if self._verbinding is not None and self._verbinding.sock is not None:
            leesbaar, _, _ = select.select([self._verbinding.sock], [], [], 0)
            if leesbaar:
                self.close()
        if self._verbinding is None:
            self._verbinding = http.client.HTTPConnection(self._host, self._poort, timeout=self.timeout)
        return self._verbinding


def retry_after(waarde: str | None) -> float:
    """A Retry-After in seconds (the HTTP-date form is not used by the ketenpartner), capped; 0 when absent."""
    try:
        seconden = float(waarde) if waarde else 0.0
    except ValueError:
        return 0.0
    return min(seconden, MAX_RETRY_AFTER) if seconden > 0 else 0.0  # also NaN: 0


def _na(poging: int) -> str:
    return f" (na {poging} pogingen)" if poging > 1 else ""
