"""The adapters end to end: HTTP (against a local aiohttp app wrapping a reference system), command (with
sut/voorbeeld_cmd.py) and handmatig (a person at stdin; none in CI)."""

from __future__ import annotations

import asyncio
import io
import os
import sys
import threading

import pytest
from aiohttp import web

from sut.adapters.command import CommandSut
from sut.adapters.handmatig import HandmatigSut
from sut.adapters.http import HttpSut
from sut.base import SutError, Verbinding
from sut.registry import open_sut
from sut.voorbeeld_http import make_app
from tests.sut.helpers import AGB, BSN, GEMEENTE, VANDAAG, afwijzend, bericht_301, ontvangen, oordelen, toegewezen


class Server:
    """An aiohttp app in a thread with its own event loop, on a free loopback port."""

    def __init__(self, app: web.Application) -> None:
        self.app, self.loop = app, asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.runner = web.AppRunner(self.app, access_log=None)
        self.loop.run_until_complete(self.runner.setup())
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        self.loop.run_until_complete(site.start())
        self.url = f"http://127.0.0.1:{self.runner.addresses[0][1]}"
        self.ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.runner.cleanup())

    def __enter__(self) -> Server:
        self.thread.start()
        self.ready.wait(10)
        return self

    def __exit__(self, *exc) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def drive_aanbieder(kp, sut) -> None:
    sut.connect(Verbinding(kp.url, AGB, GEMEENTE))
    kp.send("WMO301", bericht_301([toegewezen("iWmo", 586955)]))
    result = sut.trigger("verwerk_postbus", {}, VANDAAG)
    assert [r["bericht"] for r in result["ontvangen"]] == ["WMO301"]
    sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": 586955, "Begindatum": "2026-01-07"}, VANDAAG)
    start = ontvangen(kp, bericht="305")
    assert len(start) == 1 and afwijzend(start[0]) == []
    assert [o["goed"] for o in oordelen(kp)] == [True, True]


def test_http_adapter_end_to_end(kp_gemeente):
    with Server(make_app(open_sut("referentie-aanbieder"))) as server:
        sut = HttpSut(server.url, role="aanbieder")
        drive_aanbieder(kp_gemeente, sut)
        with pytest.raises(SutError, match="422.*nooit ontvangen"):
            sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": 1, "Begindatum": "2026-01-07"}, VANDAAG)
        with pytest.raises(SutError, match="bestaat niet"):
            sut.trigger("toewijzen", {}, VANDAAG)


def test_http_adapter_unreachable_or_not_json():
    with pytest.raises(SutError, match="niet bereikbaar"):
        HttpSut("http://127.0.0.1:9", role="gemeente", timeout=2).connect(Verbinding("http://x", GEMEENTE, AGB))

    async def not_json(request):
        return web.Response(text="<html>oeps</html>")

    app = web.Application()
    app.router.add_post("/ketenproef/trigger", not_json)
    with Server(app) as server, pytest.raises(SutError, match="geen JSON"):
        HttpSut(server.url, role="gemeente").trigger("verwerk_postbus", {}, VANDAAG)


def test_command_adapter_with_the_example_shim(kp_gemeente, tmp_path, monkeypatch):
    monkeypatch.setenv("KETENPROEF_CMD_STAAT", str(tmp_path / "staat.json"))
    monkeypatch.setenv("KETENPROEF_CMD_SYSTEEM", "referentie-aanbieder")
    sut = open_sut(f"cmd:{sys.executable} -m sut.voorbeeld_cmd", role="aanbieder")
    assert isinstance(sut, CommandSut)
    drive_aanbieder(kp_gemeente, sut)
    assert (tmp_path / "staat.json").stat().st_size > 0
    with pytest.raises(SutError, match="code 1.*nooit ontvangen"):
        sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": 1, "Begindatum": "2026-01-07"}, VANDAAG)


def test_command_adapter_errors(tmp_path):
    verbinding = Verbinding("http://127.0.0.1:9", AGB, GEMEENTE)
    script = tmp_path / "sut.py"
    script.write_text("import sys, time\nif sys.argv[1] == 'declareer': time.sleep(5)\nprint('geen json')\n")
    sut = CommandSut(f"{sys.executable} {script}", role="aanbieder", timeout=1)
    sut.connect(verbinding)
    with pytest.raises(SutError, match="geen JSON"):
        sut.trigger("verwerk_postbus", {}, VANDAAG)
    with pytest.raises(SutError, match="nog niet klaar"):
        sut.trigger("declareer", {}, VANDAAG)
    with pytest.raises(SutError, match="niet uit te voeren"):
        CommandSut(str(tmp_path / "bestaat-niet"), role="aanbieder").trigger("verwerk_postbus", {}, VANDAAG)


def test_handmatig_without_stdin_refuses_at_once():
    sut = open_sut("handmatig:gemeente")
    assert isinstance(sut, HandmatigSut)
    sut.uitvoer = io.StringIO()
    sut.invoer = io.StringIO("")  # end of input: nobody there (CI)
    with pytest.raises(SutError, match="geen tester"):
        sut.trigger("toewijzen", {"bsn": BSN}, VANDAAG)
    sut.invoer = None
    with pytest.raises(SutError, match="geen tester"):
        sut.trigger("verwerk_postbus", {}, VANDAAG)
    with pytest.raises(SutError, match="geen tester"):  # the real stdin, which pytest (like CI) does not provide
        open_sut("handmatig:aanbieder").trigger("verwerk_postbus", {}, VANDAAG)


def test_handmatig_prints_the_instruction_and_reads_the_answer():
    uit = io.StringIO()
    sut = HandmatigSut("gemeente", invoer=io.StringIO('{"ToewijzingNummers": [1234]}\n\nmislukt storing\n'),
                       uitvoer=uit)
    sut.connect(Verbinding("http://kp", GEMEENTE, AGB))
    assert sut.trigger("toewijzen", {"bsn": BSN}, VANDAAG) == {"handmatig": True, "ToewijzingNummers": [1234]}
    tekst = uit.getvalue()
    assert "Actie: toewijzen (bericht 301)" in tekst and "2026-02-02" in tekst and BSN in tekst
    assert "http://kp" in tekst
    assert sut.trigger("verwerk_postbus", {}, VANDAAG) == {"handmatig": True}
    with pytest.raises(SutError, match="storing"):
        sut.trigger("beantwoord_verzoek", {}, VANDAAG)
    with pytest.raises(SutError, match="bestaat niet"):
        sut.trigger("start_zorg", {}, VANDAAG)


def test_handmatig_asks_to_withdraw_a_start_or_stop_with_status_aanlevering_3():
    from sut.adapters.handmatig import instructie

    for actie, bericht in (("start_zorg", "305"), ("stop_zorg", "307")):
        registreren = instructie(actie, {"bsn": BSN, "ToewijzingNummer": "1"}, VANDAAG)
        verwijderen = instructie(actie, {"bsn": BSN, "ToewijzingNummer": "1", "StatusAanlevering": 3}, VANDAAG)
        assert "Registreer" in registreren and "Verwijder" not in registreren
        assert "Verwijder de eerder gestuurde" in verwijderen and f"({bericht}) met StatusAanlevering 3" in verwijderen
        assert "Registreer" not in verwijderen


def test_handmatig_deadline():
    lees, schrijf = os.pipe()
    with os.fdopen(lees) as invoer, os.fdopen(schrijf, "w"):
        sut = HandmatigSut("aanbieder", invoer=invoer, uitvoer=io.StringIO(), deadline=0.2)
        with pytest.raises(SutError, match="binnen"):
            sut.trigger("verwerk_postbus", {}, VANDAAG)
