"""HttpSut: a vendor's system behind an HTTP trigger endpoint (docs/SUT-TRIGGERS.md).

- ``POST {base}/ketenproef/configuratie`` with the Verbinding as JSON
  (``{"ketenpartner_url", "eigen_code", "tegenpartij_code", "rol"}``) before the first trigger and again whenever
  the suite connects with another Verbinding (every scenario by default, see suite/fixtures.py ``systeem``);
- ``POST {base}/ketenproef/trigger`` per action, with ``{"actie", "gegevens", "vandaag"}``; the answer is
  200 with a JSON object (e.g. ``{"verstuurd": ["..."]}``). Any other status, a body that is not a JSON object,
  or no answer within the timeout is a SutError carrying the body.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request

from sut.adapters.common import check_actie, iso, json_object, verbinding_json
from sut.base import SutError, SystemUnderTest, Verbinding


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
            detail = exc.read().decode("utf-8", "replace")
            raise SutError(f"{self.base}{path} antwoordde {exc.code}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise SutError(f"{self.base}{path} is niet bereikbaar of antwoordt niet binnen {self.timeout} s: "
                           f"{exc}") from exc
        return json_object(raw, f"{self.base}{path} antwoordde")
