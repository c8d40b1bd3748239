"""The system's own error text reaches the failing step (issue "Bewijs", item 4).

A system that does not support an action (HTTP 501, exit code 3) fails the step with its own text, also where the
step allows a refusal; an unreachable system leaves the scenario "niet uitgevoerd" (skipped) instead of failing
it; a refusal the step allows is remembered, and a later step that fails for lack of its result quotes it."""

from __future__ import annotations

import itertools
import json
import random
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ketenproef import fake
from steps import verzoeken
from suite.gesprek import Gesprek, Partijen
from sut.adapters.command import CommandSut
from sut.adapters.http import HttpSut
from sut.base import SutError, SutNietOndersteund, SutOnbereikbaar, Verbinding
from tests.sut.helpers import AGB, GEMEENTE, VANDAAG

NIET_ONDERSTEUND = "actie 'verzoek_om_toewijzing' wordt niet ondersteund door Zorgsysteem X"
GEWEIGERD = "er staat nog een verzoek open voor deze client"


class Triggerserver:
    """A vendor's trigger endpoint on a real loopback port: answers every trigger with ``status`` and ``body``
    (the configuratie with 204)."""

    def __init__(self, status: int, body: bytes) -> None:
        antwoord = (status, body)

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                code, inhoud = (204, b"") if self.path.endswith("/configuratie") else antwoord
                self.send_response(code)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(inhoud)))
                self.end_headers()
                self.wfile.write(inhoud)

            def log_message(self, *args) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Triggerserver:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


def gesloten_poort() -> str:
    """The URL of a loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    return f"http://127.0.0.1:{poort}"


def json_body(tekst: str) -> bytes:
    return json.dumps({"fout": tekst}, ensure_ascii=False).encode("utf-8")


# ------------------------------------------------------------------------------------------------ adapters
def test_http_501_is_niet_ondersteund_with_the_systems_text():
    with Triggerserver(501, json_body(NIET_ONDERSTEUND)) as server:
        sut = HttpSut(server.url, role="aanbieder", timeout=5)
        with pytest.raises(SutNietOndersteund) as info:
            sut.trigger("verzoek_om_toewijzing", {}, VANDAAG)
    assert NIET_ONDERSTEUND in str(info.value) and "501" in str(info.value)
    assert info.value.signaal == "HTTP 501" and NIET_ONDERSTEUND in info.value.tekst


def test_http_other_error_status_stays_a_plain_refusal_with_its_text():
    with Triggerserver(422, json_body(GEWEIGERD)) as server:
        with pytest.raises(SutError) as info:
            HttpSut(server.url, role="aanbieder", timeout=5).trigger("verzoek_om_toewijzing", {}, VANDAAG)
    assert type(info.value) is SutError and GEWEIGERD in str(info.value)


def test_http_long_error_text_is_kept_on_one_line_and_trimmed():
    with Triggerserver(501, ("regel een\nregel twee " + "x" * 5000).encode()) as server:
        with pytest.raises(SutNietOndersteund) as info:
            HttpSut(server.url, role="aanbieder", timeout=5).trigger("verzoek_om_toewijzing", {}, VANDAAG)
    assert "regel een regel twee" in info.value.tekst and "\n" not in str(info.value)
    assert len(info.value.tekst) <= 1000


def test_http_closed_port_is_onbereikbaar():
    sut = HttpSut(gesloten_poort(), role="aanbieder", timeout=5)
    with pytest.raises(SutOnbereikbaar, match="niet bereikbaar"):
        sut.connect(Verbinding("http://127.0.0.1:9", AGB, GEMEENTE))
    with pytest.raises(SutOnbereikbaar, match="niet bereikbaar"):
        sut.trigger("verwerk_postbus", {}, VANDAAG)


def test_command_exit_code_3_is_niet_ondersteund_and_a_missing_program_onbereikbaar(tmp_path):
    script = tmp_path / "sut.py"
    script.write_text("import sys\nsys.stderr.write('actie ' + sys.argv[1] + ' kennen wij niet\\n')\n"
                      "sys.exit(3 if sys.argv[1] == 'declareer' else 1)\n")
    sut = CommandSut(f"{sys.executable} {script}", role="aanbieder", timeout=10)
    with pytest.raises(SutNietOndersteund) as info:
        sut.trigger("declareer", {}, VANDAAG)
    assert info.value.signaal == "exitcode 3" and info.value.tekst == "actie declareer kennen wij niet"
    with pytest.raises(SutError) as info:
        sut.trigger("start_zorg", {}, VANDAAG)
    assert type(info.value) is SutError and "kennen wij niet" in str(info.value)
    with pytest.raises(SutOnbereikbaar, match="niet uit te voeren"):
        CommandSut(str(tmp_path / "bestaat-niet"), role="aanbieder").trigger("verwerk_postbus", {}, VANDAAG)
    with pytest.raises(SutOnbereikbaar, match="127"):
        CommandSut("sh -c 'echo leverancier-sut: not found >&2; exit 127' sh", role="aanbieder").trigger(
            "verwerk_postbus", {}, VANDAAG)


# ------------------------------------------------------------------------------------------------- gesprek
def gesprek_met(kp, sut) -> Gesprek:
    """A conversation of the suite with an aanbieder system, as the ``gesprek`` fixture builds it."""
    rng = random.Random("fouttekst")
    client = {**fake.persoon(rng, peildatum=VANDAAG, leeftijd=(18, 90)), "Adres": fake.adres(rng)}
    g = Gesprek(kp, sut, "aanbieder", Partijen(GEMEENTE, AGB), client, "iWmo", itertools.count(5_000_001), 2.0)
    kp.reset(g.bsn)
    return g


def test_niet_ondersteund_fails_the_step_even_where_a_refusal_is_allowed(kp_gemeente):
    with Triggerserver(501, json_body(NIET_ONDERSTEUND)) as server:
        g = gesprek_met(kp_gemeente, HttpSut(server.url, role="aanbieder", timeout=5))
        with pytest.raises(AssertionError) as info:
            verzoeken.vot(g, VANDAAG, "2026-03-01", "2026-08-31")  # the step allows a refusal
    melding = str(info.value)
    assert melding.startswith("het systeem ondersteunt de actie 'verzoek_om_toewijzing' niet (HTTP 501): ")
    assert NIET_ONDERSTEUND in melding


def test_unreachable_system_leaves_the_scenario_niet_uitgevoerd(kp_gemeente):
    g = gesprek_met(kp_gemeente, HttpSut(gesloten_poort(), role="aanbieder", timeout=5))
    with pytest.raises(pytest.skip.Exception) as info:
        verzoeken.vot(g, VANDAAG, "2026-03-01", "2026-08-31")
    assert str(info.value).startswith("niet uitgevoerd: het systeem is niet bereikbaar: ")
    with pytest.raises(pytest.skip.Exception):  # without mag_weigeren as well
        g.verzoek_om_toewijzing(VANDAAG, [g.aanvraag(None, "2026-03-01", "2026-08-31")])
    with pytest.raises(pytest.skip.Exception, match="niet uitgevoerd"):  # the mailbox after the ketenpartner's 301
        g.toewijzing_afgeven(VANDAAG, begin="2026-02-02", eind="2026-06-30")


def test_allowed_refusal_passes_and_a_later_step_that_needs_its_result_quotes_it(kp_gemeente):
    with Triggerserver(422, json_body(GEWEIGERD)) as server:
        g = gesprek_met(kp_gemeente, HttpSut(server.url, role="aanbieder", timeout=5))
        uitkomst = verzoeken.vot(g, VANDAAG, "2026-03-01", "2026-08-31")
        assert GEWEIGERD in uitkomst.geweigerd
        with pytest.raises(AssertionError) as info:
            verzoeken.honoreren(g, VANDAAG)
    melding = str(info.value)
    assert melding.startswith("er is in dit gesprek nog geen verzoek ingediend")
    assert "het systeem weigerde eerder 'verzoek_om_toewijzing': " in melding and GEWEIGERD in melding


def test_without_an_earlier_refusal_the_message_is_unchanged(kp_gemeente):
    g = gesprek_met(kp_gemeente, HttpSut(gesloten_poort(), role="aanbieder", timeout=5))
    with pytest.raises(AssertionError) as info:
        g.laatste_verzoek()
    assert str(info.value) == "er is in dit gesprek nog geen verzoek ingediend"
    with pytest.raises(AssertionError, match="^geen toewijzing +in dit gesprek$"):
        g.toewijzing()


# ---------------------------------------------------------------------------------------- summary and coverage
ONBEREIKBAAR = ("niet uitgevoerd: het systeem is niet bereikbaar: http://127.0.0.1:1/ketenproef/trigger is niet "
                "bereikbaar: [Errno 111] Connection refused (time-out 60.0 s)")


def overgeslagen(naam: str, melding: str = ONBEREIKBAAR) -> dict:
    return {"nodeid": f"features/x.py::{naam}[iWmo]", "naam": naam, "titel": naam, "tags": ["TR019"],
            "uitkomst": "skipped", "melding": melding, "standaard": "iWmo", "sut": "s"}


def test_the_run_summary_gives_the_reason_scenarios_were_skipped():
    from pathlib import Path

    from suite import samenvatting

    records = [overgeslagen(f"scenario {i}") for i in range(4)] + [overgeslagen("tarief", "geen contracttarieven")]
    tekst = "\n".join(samenvatting.regels({"s": 0}, Path("/tmp/rapport"), None, records))
    assert "5 overgeslagen" in tekst and "0 gefaald" in tekst
    assert "overgeslagen (4): niet uitgevoerd: het systeem is niet bereikbaar: http://127.0.0.1:1/" in tekst
    assert "overgeslagen (1): geen contracttarieven" in tekst


def test_the_coverage_page_says_niet_uitgevoerd_with_the_reason():
    from suite import dekking_uitleg

    reden = dekking_uitleg.reden_niet_gedekt("TR019", [overgeslagen("a"), overgeslagen("b")], [])
    assert reden.startswith("scenario's niet uitgevoerd (2 overgeslagen): het systeem is niet bereikbaar: ")
    assert "wel uitgevoerd" not in reden
