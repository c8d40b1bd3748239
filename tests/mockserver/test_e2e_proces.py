"""End to end: ``ketenproef serve`` as a real process, and a SUT that speaks to it only over plain HTTP (urllib),
exactly as docs/SUT-PROTOCOL.md describes it for a vendor.

Per role one server process (``--poort 0``, a temporary ``--db``, a frozen ``--datum``) carries a whole iJw and a
whole iWmo conversation, and then stops cleanly on SIGTERM (exit code 0):

- ``--rol gemeente`` against an aanbieder SUT: 315 -> 316; the ketenpartner's 301 (control API) -> the SUT takes it
  from its mailbox and posts a 302 -> verdicts "goed" in the log; 305 -> 306; 323 -> 325 with 8001; 307 -> 308.
- ``--rol aanbieder`` against a gemeente SUT: the ketenpartner's 315, 305, 323 and 307 (control API) -> the SUT
  posts 316, 306, 325 and 308; the SUT's own 319 ("in onderzoek") -> 320 and its 301 honouring the verzoek -> 302.

The SUT builds its messages with ``ketenproef.factory`` and decides its retours with the core (``ReferenceSut``:
its own chain state, ``retour_for``); everything between SUT and ketenpartner goes over HTTP.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from lxml import etree

from ketenproef import basis, factory
from tests.mockserver.helpers import ReferenceSut

DATUM = "2026-02-02"  # the ketenpartner's frozen "vandaag" (a Monday)
ROOT = Path(__file__).resolve().parents[2]
GESPREKKEN = {  # per standard its own client and parties, so the two conversations in one process stay apart
    "JW": {"bsn": "999990032", "agb": "87654321", "gemeente": "0599"},
    "WMO": {"bsn": "999990020", "agb": "12345678", "gemeente": "0363"},
}
REDEN_EINDE = {"WMO": "23", "JW": "34"}
GOED = {"op-tijd", "juiste-codes"}


# ---------------------------------------------------------------------- the server process


class Proces:
    """``ketenproef serve`` in a subprocess; ``url`` from the first line it prints."""

    def __init__(self, rol: str, db: Path) -> None:
        cmd = [sys.executable, "-m", "ketenproef.cli", "serve", "--rol", rol, "--poort", "0", "--db", str(db),
               "--datum", DATUM]
        self.proc = subprocess.Popen(cmd, cwd=db.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                         p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)})
        regels: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: regels.put(self.proc.stdout.readline()), daemon=True).start()
        try:
            eerste = regels.get(timeout=60)
        except queue.Empty:
            self.proc.kill()
            raise AssertionError("ketenproef serve meldde zich niet binnen 60 s") from None
        match = re.fullmatch(rf"ketenpartner \({rol}\) luistert op (http://127\.0\.0\.1:\d+)\n", eerste)
        if match is None:
            self.proc.kill()
            raise AssertionError(f"onverwachte eerste regel {eerste!r}; stderr: {self.proc.stderr.read()}")
        self.url = match.group(1)

    def stop(self) -> tuple[int, str, str]:
        """SIGTERM; exit code, rest of stdout, stderr."""
        self.proc.send_signal(signal.SIGTERM)
        out, err = self.proc.communicate(timeout=30)
        return self.proc.returncode, out, err

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate(timeout=30)


@pytest.fixture
def serve(tmp_path):
    started: list[Proces] = []

    def start(rol: str) -> Proces:
        proces = Proces(rol, tmp_path / f"{rol}.sqlite")
        started.append(proces)
        return proces

    yield start
    for proces in started:
        proces.kill()


# ---------------------------------------------------------------------- plain HTTP, as the SUT does it


class Http:
    def __init__(self, url: str) -> None:
        self.url = url

    def request(self, method: str, path: str, body: bytes | None = None, content_type: str | None = None):
        request = urllib.request.Request(self.url + path, data=body, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get_content_type(), exc.read()

    def json(self, method: str, path: str, payload=None, status: int = 200):
        body = json.dumps(payload).encode() if payload is not None else None
        got, content_type, raw = self.request(method, path, body, "application/json" if body else None)
        assert (got, content_type) == (status, "application/json"), (got, raw[:2000])
        return json.loads(raw)

    def xml(self, path: str) -> bytes:
        got, content_type, raw = self.request("GET", path)
        assert (got, content_type) == (200, "application/xml"), (got, raw[:2000])
        return raw


class Sut:
    """The system under test: posts its messages, works through its mailbox, answers the ketenpartner's
    heenberichten with the retour its own chain state decides."""

    def __init__(self, http: Http, code: str) -> None:
        self.http, self.code = http, code
        self.core = ReferenceSut(dt.date.fromisoformat(DATUM))
        self.cursor: int | None = None

    def post(self, xml: bytes) -> dict:
        status, content_type, raw = self.http.request("POST", "/berichten", xml, "application/xml")
        assert (status, content_type) == (202, "application/json"), (status, raw[:2000])
        return json.loads(raw)

    def stuur(self, xml: bytes, retour: str) -> dict:
        """Send a heenbericht of the SUT; it must be accepted, and its retour ``retour`` waits in the mailbox."""
        self.core.sent(xml)
        answer = self.post(xml)
        assert (answer["status"], answer["retour_message"], answer["findings"]) == ("geaccepteerd", retour, []), answer
        (entry,) = self.postbus()
        assert (entry["id"], entry["soort"], entry["message"], entry["voor"]) == (answer["retour_id"], "retour",
                                                                                 retour, self.code), entry
        return answer

    def postbus(self) -> list[dict]:
        query = {"voor": self.code, **({"na": self.cursor} if self.cursor is not None else {})}
        entries = self.http.json("GET", "/berichten?" + urllib.parse.urlencode(query))
        if entries:
            self.cursor = entries[-1]["cursor"]
        return entries

    def beantwoord(self, sent: dict, retour: str) -> tuple[bytes, dict]:
        """The ketenpartner sent a heenbericht (202 of /beheer/verzenden): take it from the mailbox, answer it."""
        assert sent["voor"] == self.code and sent["valid"] and sent["findings"] == [], sent
        (entry,) = self.postbus()
        assert (entry["id"], entry["soort"], entry["message"]) == (sent["id"], "heen", sent["message"]), entry
        heen = self.http.xml(entry["href"])
        assert etree.fromstring(heen).findtext("{*}Header/{*}BerichtIdentificatie/{*}Identificatie") == \
            sent["identificatie"]
        answer = self.post(self.core.answer(heen))
        assert (answer["message"], answer["heen_id"], answer["status"]) == (retour, sent["id"], "geaccepteerd"), answer
        assert {v["soort"]: v["goed"] for v in answer["oordelen"]} == dict.fromkeys(GOED, True), answer["oordelen"]
        return heen, answer


def verzend(http: Http, bericht: str, data: dict, retour: str) -> dict:
    """The ketenpartner sends its own heenbericht (control API); a correct SUT's retour carries no codes."""
    sent = http.json("POST", "/beheer/verzenden", {"bericht": bericht, "data": data, "deadline_seconden": 30},
                     status=202)
    assert sent["verwachte_retour"] == {"bericht": retour, "codes": {}}, sent
    return sent


def retourcodes(xml: bytes) -> dict[str, list[str]]:
    return {etree.QName(rc.getparent()).localname: [c.text for c in rc]
            for rc in etree.fromstring(xml).iter("{*}RetourCodes")}


# ---------------------------------------------------------------------- one conversation's messages


class Berichten:
    """A consistent conversation (vandaag 2026-02-02): a VOT for 2026-01-05 t/m 2026-06-30, a toewijzing honouring
    it (retroactive, Toewijzingsdatum vandaag), a start on 2026-01-05, a declaratie of January, a stop on 31 January."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.bsn, self.agb, self.gemeente = (GESPREKKEN[prefix][k] for k in ("bsn", "agb", "gemeente"))
        self.teller = 0

    def data(self, nummer: str) -> dict:
        name = self.prefix + nummer
        self.teller += 1
        d = basis.basis(name, f"SUT{self.prefix}{self.teller:04d}")
        van_gemeente = nummer in ("301", "319")
        d["Header"].update(Afzender=self.gemeente if van_gemeente else self.agb,
                           Ontvanger=self.agb if van_gemeente else self.gemeente)
        d["Header"]["BerichtIdentificatie"]["Dagtekening"] = DATUM
        if "Client" in d:
            d["Client"]["Bsn"] = self.bsn
        return d

    def xml(self, nummer: str, data: dict) -> bytes:
        return factory.to_bytes(self.prefix + nummer, data)

    def vot(self) -> dict:
        d = self.data("315")
        d["Client"]["AangevraagdeProducten"][0].update(ToewijzingIngangsdatum="2026-01-05",
                                                       ToewijzingEinddatum="2026-06-30")
        return d

    def toewijzing(self) -> dict:
        d = self.data("301")
        d["Client"]["ToegewezenProducten"][0].update(Toewijzingsdatum=DATUM, ReferentieAanbieder="VOT-0001")
        return d

    def in_onderzoek(self) -> dict:
        d = self.data("319")
        d["Antwoord"] = {"ReferentieAanbieder": "VOT-0001", "VerzoekAntwoord": "2"}
        return d

    def start(self) -> dict:
        d = self.data("305")
        d["Client"]["StartProducten"][0]["Begindatum"] = "2026-01-05"
        return d

    def stop(self) -> dict:
        d = self.data("307")
        d["Client"]["StopProducten"][0].update(Begindatum="2026-01-05", Einddatum="2026-01-31",
                                               RedenBeeindiging=REDEN_EINDE[self.prefix])
        return d

    def declaratie(self) -> dict:
        d = self.data("323")
        prestatie = basis.prestatie("iWmo" if self.prefix == "WMO" else "iJw", f"{self.prefix}P1")
        prestatie["ProductPeriode"] = {"Begindatum": "2026-01-05", "Einddatum": "2026-01-31"}
        d["Declaratie"].update(DeclaratieNummer=f"{self.prefix}202601", DeclaratieDagtekening=DATUM,
                               DeclaratiePeriode={"Begindatum": "2026-01-01", "Einddatum": "2026-01-31"},
                               TotaalIngediendBedrag={"TotaalBedrag": 20000, "DebetCredit": "D"})
        d["Declaratie"]["Clienten"] = [{"Bsn": self.bsn, "Prestaties": [prestatie]}]
        return d


def assert_log_goed(http: Http, bsn: str, berichten: list[str]) -> None:
    """The exchange log of the conversation: these messages in this order, nothing refused or rejected, no
    rejecting finding, and every heenbericht of the ketenpartner answered in time with the right codes."""
    log = http.json("GET", f"/beheer/gesprekken/{bsn}/log")
    assert [e["message"] for e in log] == berichten, [e["message"] for e in log]
    for e in log:
        assert e["status"] in ("geaccepteerd", "verzonden"), e
        assert [b for b in e["bevindingen"] if b["level"] not in ("advies",)] == [], e
        if e["richting"] == "uit" and e["soort"] == "heen":
            assert {v["soort"]: v["goed"] for v in e["oordelen"]} == dict.fromkeys(GOED, True), e
    assert all(e["toegepast"] for e in log if e["soort"] == "heen"), log


# ---------------------------------------------------------------------- the conversations


def aanbieder_sut_gesprek(http: Http, prefix: str) -> None:
    """An aanbieder SUT against ``ketenproef serve --rol gemeente``."""
    b = Berichten(prefix)
    sut = Sut(http, b.agb)
    p = prefix
    assert sut.postbus() == []
    # the SUT asks for care: 315 -> 316 without RetourCodes (accepted)
    answer = sut.stuur(b.xml("315", b.vot()), f"{p}316")
    assert retourcodes(http.xml(f"/berichten/{answer['retour_id']}")) == {}
    # the gemeente (ketenpartner) allocates; the SUT takes the 301 from its mailbox and answers with a 302
    sent = verzend(http, f"{p}301", b.toewijzing(), f"{p}302")
    heen, _ = sut.beantwoord(sent, f"{p}302")
    assert etree.fromstring(heen).findtext(".//{*}ToegewezenProduct/{*}ReferentieAanbieder") == "VOT-0001"
    verdicts = http.json("GET", f"/beheer/berichten/{sent['id']}")["oordelen"]
    assert {v["soort"]: v["goed"] for v in verdicts} == dict.fromkeys(GOED, True), verdicts
    # start, declaratie (325 with 8001: fully approved), stop
    sut.stuur(b.xml("305", b.start()), f"{p}306")
    answer = sut.stuur(b.xml("323", b.declaratie()), f"{p}325")
    antwoord = http.xml(f"/berichten/{answer['retour_id']}")
    assert retourcodes(antwoord) == {"Header": ["0200"], "DeclaratieAntwoord": ["8001"]}
    assert etree.fromstring(antwoord).findtext(".//{*}TotaalToegekendBedrag/{*}TotaalBedrag") == "20000"
    sut.stuur(b.xml("307", b.stop()), f"{p}308")
    assert sut.postbus() == []
    assert_log_goed(http, b.bsn, [f"{p}315", f"{p}316", f"{p}301", f"{p}302", f"{p}305", f"{p}306", f"{p}323",
                                  f"{p}325", f"{p}307", f"{p}308"])


def gemeente_sut_gesprek(http: Http, prefix: str) -> None:
    """A gemeente SUT against ``ketenproef serve --rol aanbieder``."""
    b = Berichten(prefix)
    sut = Sut(http, b.gemeente)
    p = prefix
    assert sut.postbus() == []
    # the aanbieder (ketenpartner) asks for care; the SUT answers 316, then "in onderzoek" (319 -> 320)
    sent = verzend(http, f"{p}315", b.vot(), f"{p}316")
    sut.beantwoord(sent, f"{p}316")
    sut.stuur(b.xml("319", b.in_onderzoek()), f"{p}320")
    # the SUT allocates, honouring the verzoek: 301 -> 302 without RetourCodes
    answer = sut.stuur(b.xml("301", b.toewijzing()), f"{p}302")
    assert retourcodes(http.xml(f"/berichten/{answer['retour_id']}")) == {}
    # the ketenpartner starts, declares and stops; the SUT answers each (the 325 approves the declaratie in full)
    sut.beantwoord(verzend(http, f"{p}305", b.start(), f"{p}306"), f"{p}306")
    sent = http.json("POST", "/beheer/verzenden", {"bericht": f"{p}323", "data": b.declaratie()}, status=202)
    assert sent["verwachte_retour"] == {"bericht": f"{p}325",
                                        "codes": {"/Bericht/Header": ["0200"],
                                                  "/Bericht/DeclaratieAntwoord": ["8001"]}}, sent
    _, answer = sut.beantwoord(sent, f"{p}325")
    antwoord = http.json("GET", f"/beheer/berichten/{answer['id']}")
    assert antwoord["toegepast"], antwoord  # the approval entered the ketenpartner's chain state
    sut.beantwoord(verzend(http, f"{p}307", b.stop(), f"{p}308"), f"{p}308")
    assert sut.postbus() == []
    assert_log_goed(http, b.bsn, [f"{p}315", f"{p}316", f"{p}319", f"{p}320", f"{p}301", f"{p}302", f"{p}305",
                                  f"{p}306", f"{p}323", f"{p}325", f"{p}307", f"{p}308"])


@pytest.mark.parametrize(("rol", "gesprek"), [("gemeente", aanbieder_sut_gesprek), ("aanbieder", gemeente_sut_gesprek)],
                         ids=["aanbieder-sut", "gemeente-sut"])
def test_heel_gesprek_tegen_ketenproef_serve(serve, tmp_path, rol, gesprek):
    proces = serve(rol)
    http = Http(proces.url)
    gezondheid = http.json("GET", "/beheer/gezondheid")
    assert gezondheid["rol"] == rol, gezondheid
    for prefix in ("JW", "WMO"):
        gesprek(http, prefix)
    code, out, err = proces.stop()
    assert code == 0, (out, err)
    assert "ketenpartner stopt" in out
    assert (tmp_path / f"{rol}.sqlite").stat().st_size > 0
