"""HttpSut: a vendor's system behind an HTTP trigger endpoint (docs/SUT-TRIGGERS.md).

- ``POST {base}/ketenproef/configuratie`` with the Verbinding as JSON
  (``{"ketenpartner_url", "eigen_code", "tegenpartij_code", "rol"}``) before the first trigger and again whenever
  the suite connects with another Verbinding (every scenario by default, see suite/fixtures.py ``systeem``);
- ``POST {base}/ketenproef/trigger`` per action, with ``{"actie", "gegevens", "vandaag"}``; the answer is
  200 with a JSON object (e.g. ``{"verstuurd": ["..."]}``). Any other status, a body that is not a JSON object,
  or no answer within the timeout is a SutError carrying the body; 501 is SutNietOndersteund (the system does
  not support the action), and no connection at all (refused, unknown host, timeout while connecting) is
  SutOnbereikbaar.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import urllib.error
import urllib.request

from sut.adapters.common import check_actie, iso, json_object, sut_tekst, verbinding_json
from sut.base import SutError, SutNietOndersteund, SutOnbereikbaar, SystemUnderTest, Verbinding

NIET_ONDERSTEUND = 501


class HttpSut(SystemUnderTest):
    name = "http"

    def __init__(self, base_url: str, role: str, timeout: float = 60.0) -> None:
        self.base = base_url.rstrip("/")
        self.role = role
        self.timeout = timeout
        self.name = self.base

    def connect(self, verbinding: Verbinding) -> None:
        self._post("/ketenproef/configuratie", {**verbinding_json(verbinding), "rol": self.role})

    def trigger(self, actie: str, gegevens: dict, vandaag: dt.date) -> dict:
        check_actie(actie, self.role)
        return self._post("/ketenproef/trigger", {"actie": actie, "gegevens": gegevens, "vandaag": iso(vandaag)})

    def _post(self, path: str, payload: dict) -> dict:
        body = json.dumps(payload, default=str).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=body, method="POST",
                                         headers={"Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            detail = sut_tekst(lees_foutbody(exc))
            if exc.code == NIET_ONDERSTEUND:
                raise SutNietOndersteund(f"{self.base}{path} antwoordde {exc.code} (niet ondersteund): {detail}",
                                         f"HTTP {exc.code}", detail) from exc
            raise SutError(f"{self.base}{path} antwoordde {exc.code}: {detail}") from exc
        except urllib.error.URLError as exc:  # no HTTP status: the request never reached the system
            raise SutOnbereikbaar(f"{self.base}{path} is niet bereikbaar: {exc.reason} (time-out {self.timeout} s)") \
                from exc
        except (http.client.HTTPException, OSError) as exc:  # connected, but no (complete) answer in time
            raise SutError(f"{self.base}{path} gaf geen (volledig) antwoord (time-out {self.timeout} s): "
                           f"{exc or type(exc).__name__}") from exc
        return json_object(raw, f"{self.base}{path} antwoordde")


def lees_foutbody(exc: urllib.error.HTTPError) -> bytes:
    """The body of an error answer, or nothing when the connection breaks while it is read."""
    try:
        return exc.read()
    except (http.client.HTTPException, OSError):
        return b""
