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
import time
import urllib.error
import urllib.parse
import urllib.request

from sut.adapters.http import lees_foutbody
from sut.base import SutError

HERHALING = "Ketenproef-Herhaling"
WACHTTIJDEN = (0.05, 0.2, 0.5, 1.0)  # seconds before each retry: at most 4 retries, 5 attempts in all
MAX_RETRY_AFTER = 5.0  # a longer Retry-After is cut to this (the attempts stay bounded)


class Ketenpartner:
    def __init__(self, url: str, timeout: float = 30.0, wachttijden: tuple[float, ...] = WACHTTIJDEN,
                 slaap=time.sleep) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.wachttijden = tuple(wachttijden)  # () = every request once, never again
        self.slaap = slaap
        self.pogingen: list[str] = []  # what each failed attempt of the last request got (for diagnosis)

    def post(self, xml: bytes) -> dict:
        """Deliver one message (retried with the identical bytes, see above); the ketenpartner's JSON answer
        (``id``, ``message``, ``retour_id``; ``herhaald`` when an earlier attempt had already been processed)."""
        request = urllib.request.Request(f"{self.url}/berichten", data=xml, method="POST",
                                         headers={"Content-Type": "application/xml"})
        body = self._open(request)
        return json.loads(body) if body else {}

    def postbus(self, voor: str, na: str | int | None = None) -> list[dict]:
        """Everything waiting for party ``voor`` after ``na`` (oldest first)."""
        query = {"voor": voor}
        if na is not None:
            query["na"] = str(na)
        body = self._open(urllib.request.Request(f"{self.url}/berichten?{urllib.parse.urlencode(query)}"))
        data = json.loads(body) if body else []
        if isinstance(data, dict):  # tolerate {"berichten": [...]}
            data = data.get("berichten", [])
        return list(data)

    def bericht(self, bericht_id: str | int) -> bytes:
        quoted = urllib.parse.quote(str(bericht_id), safe="")
        return self._open(urllib.request.Request(f"{self.url}/berichten/{quoted}"))

    def _open(self, request: urllib.request.Request) -> bytes:
        """The body of a 2xx answer; a 5xx, a dropped connection or a timeout is tried again (the same request,
        the same bytes) until the back-off is used up; a 4xx or the last failure is a SutError."""
        self.pogingen = []
        for poging, wacht in enumerate((*self.wachttijden, None), start=1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                detail = lees_foutbody(exc).decode("utf-8", "replace")  # a body cut off is no crash
                fout = SutError(f"ketenpartner antwoordde {exc.code} op {request.get_method()} "
                                f"{request.full_url}{_na(poging)}: {detail}")
                if exc.code < 500 or wacht is None:
                    raise fout from exc
                wacht = max(wacht, retry_after(exc.headers.get("Retry-After")))
            except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as exc:
                fout = SutError(f"ketenpartner op {self.url} is niet bereikbaar{_na(poging)}: {exc!r}")
                if wacht is None:
                    raise fout from exc
            self.pogingen.append(str(fout))
            self.slaap(wacht)
        raise AssertionError("unreachable")  # the last attempt returns or raises


def retry_after(waarde: str | None) -> float:
    """A Retry-After in seconds (the HTTP-date form is not used by the ketenpartner), capped; 0 when absent."""
    try:
        seconden = float(waarde) if waarde else 0.0
    except ValueError:
        return 0.0
    return min(seconden, MAX_RETRY_AFTER) if seconden > 0 else 0.0  # also NaN: 0


def _na(poging: int) -> str:
    return f" (na {poging} pogingen)" if poging > 1 else ""
