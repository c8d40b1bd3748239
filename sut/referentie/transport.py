"""The transport contract with the ketenpartner (docs/SUT-PROTOCOL.md), synchronous, with urllib only.

- ``POST {url}/berichten`` with an XML body: deliver a heenbericht or a retour (202 JSON, 400 problem+json);
- ``GET {url}/berichten?voor=CODE&na=CURSOR``: the mailbox of a party, oldest first;
- ``GET {url}/berichten/{id}``: one message, byte for byte.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from sut.base import SutError


class Ketenpartner:
    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout

    def post(self, xml: bytes) -> dict:
        """Deliver one message; the ketenpartner's JSON answer (``id``, ``message``, ``retour_id``)."""
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
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")
            raise SutError(f"ketenpartner antwoordde {exc.code} op {request.get_method()} "
                           f"{request.full_url}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise SutError(f"ketenpartner op {self.url} is niet bereikbaar: {exc}") from exc
