"""POST /beheer/verzenden/ruw: the ketenpartner puts raw, possibly malformed bytes in the SUT's mailbox unchanged,
never resolves or fetches anything, logs its own findings, and expects no retour for what cannot be read."""

from __future__ import annotations

import socket
import threading

import pytest

from ketenproef import basis, factory
from mockserver.config import SMALL_BODY
from mockserver.handle import Ketenpartner
from tests.mockserver.api import Api
from tests.mockserver.helpers import AGB, BSN, DATUM, ReferenceSut, client_for, data, xml
from tests.mockserver.test_push import receiver, wait_for

NS = b"http://www.istandaarden.nl/ijw/3_2/jw301/schema"
GOED = xml("JW301", "RUW0001")
OTHER = "999990032"


class Kanarie:
    """A loopback listener that records every connection: a fetch of an entity or DTD by any means (a libxml2
    built with HTTP support, a Python resolver, a socket) would show up here."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        try:
            while True:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
        except OSError:
            return

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def kanarie():
    k = Kanarie()
    yield k
    k.close()


def met_doctype(doctype: bytes, body: bytes = GOED) -> bytes:
    """The message with a DOCTYPE after the XML declaration and ``&x;`` in the Achternaam."""
    head, rest = body.split(b"?>", 1)
    return head + b"?>" + doctype + rest.replace(b"Proefpersoon", b"&x;", 1)


def slechte(port: int) -> dict[str, tuple[bytes, str, str]]:
    """name -> (bytes, the mock's first finding rule, the message name it logs)."""
    url = f"http://127.0.0.1:{port}".encode()
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return {
        "xxe": (met_doctype(b'<!DOCTYPE b [<!ENTITY x SYSTEM "' + url + b'/x">]>'), "XML", "onbekend"),
        "externe-dtd": (met_doctype(b'<!DOCTYPE Bericht SYSTEM "' + url + b'/b.dtd">'), "XML", "onbekend"),
        "parameter-entiteit": (met_doctype(b'<!DOCTYPE b [<!ENTITY % p SYSTEM "' + url + b'/p"> %p;]>'), "XML",
                               "onbekend"),
        "billion-laughs": (met_doctype(f'<!DOCTYPE b [<!ENTITY l0 "lol">{entities}<!ENTITY x "&l9;">]>'.encode()),
                           "XML", "onbekend"),
        "bom": (b"\xef\xbb\xbf" + GOED, "OP192", "onbekend"),
        "latin-1": (GOED.replace(b"encoding='UTF-8'", b"encoding='ISO-8859-1'").replace(b"Proefpersoon", b"M\xfcller"),
                    "OP192", "onbekend"),
        "afgebroken": (GOED[: len(GOED) // 2], "XML", "onbekend"),
        "verkeerde-namespace": (GOED.replace(NS, b"http://example.org/jw301"), "IDENT", "onbekend"),
        "onbekend-bericht": (GOED.replace(NS, NS.replace(b"jw301", b"jw399")), "IDENT", "onbekend"),
        "xsd-ongeldig": (GOED.replace(b"<jw301:Geslacht>2<", b"<jw301:Geslacht>X<"), "XSD", "JW301"),
    }


async def ruw(client, body: bytes, content_type: str = "application/octet-stream", **query) -> tuple[int, dict]:
    query = {"bsn": BSN, "deadline_seconden": "0.2", **query}
    response = await client.post("/beheer/verzenden/ruw", data=body, params=query,
                                 headers={"Content-Type": content_type})
    return response.status, await response.json(content_type=None)


@pytest.fixture
def no_network(monkeypatch):
    """Python-level connections are allowed only to the test's own server; anything else is recorded and
    refused (libxml2 fetches without Python sockets: the Kanarie catches those)."""
    allowed: set[int] = set()
    attempts: list = []
    connect = socket.socket.connect

    def guarded(self, address):
        if isinstance(address, tuple) and address[1] in allowed:
            return connect(self, address)
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return allowed, attempts


def test_kanarie_sees_a_connection(kanarie):
    socket.create_connection(("127.0.0.1", kanarie.port)).close()
    for _ in range(100):
        if kanarie.connections:
            break
        threading.Event().wait(0.01)
    assert kanarie.connections == 1


@pytest.mark.parametrize("soort", list(slechte(9)))
async def test_bad_bytes_go_out_unchanged_and_no_retour_is_due(kanarie, no_network, soort):
    body, rule, name = slechte(kanarie.port)[soort]
    async with client_for("gemeente") as client:
        allowed, attempts = no_network
        allowed.add(client.server.port)
        api = Api(client)
        status, sent = await ruw(client, body, content_type="application/xml")
        assert status == 202, sent
        assert sent["message"] == name and sent["voor"] == AGB and sent["bsn"] == BSN
        assert sent["verwachte_retour"] == {"bericht": "JW302" if name == "JW301" else None, "codes": None}
        assert sent["valid"] is False and sent["findings"][0]["rule"] == rule, sent["findings"]
        assert [m["id"] for m in await api.mailbox(AGB)] == [sent["id"]]
        assert await api.fetch(sent["id"]) == body, "byte for byte"
        (entry,) = await api.log(BSN)
        assert (entry["id"], entry["richting"], entry["soort"], entry["status"]) == (sent["id"], "uit", "heen",
                                                                                      "verzonden")
        assert entry["message"] == name and entry["bevindingen"] == sent["findings"]
        assert entry["verwachting"]["ruw"] is True and entry["toegepast"] is False
        verdicts = await api.verdicts(sent["id"])
        assert set(verdicts) == {"geen-retour"} and verdicts["geen-retour"]["goed"], verdicts
        assert verdicts["geen-retour"]["detail"].startswith("Terecht geen retour: het heenbericht ")
    assert kanarie.connections == 0 and attempts == []


async def test_identificatie_of_unparseable_bytes_is_read_so_a_retour_is_recognised(gemeente):
    api = Api(gemeente)
    status, sent = await ruw(gemeente, b"\xef\xbb\xbf" + GOED, deadline_seconden="30")
    assert status == 202 and sent["identificatie"] == "RUW0001" and sent["voor"] == AGB
    retour = ReferenceSut().answer(GOED)  # a SUT that skips the BOM and answers anyway
    answer = await api.deliver(retour)
    assert answer["heen_id"] == sent["id"], answer
    verdicts = {v["soort"]: v for v in answer["oordelen"]}
    assert set(verdicts) == {"op-tijd", "verkeerde-codes"}, verdicts
    assert not verdicts["verkeerde-codes"]["goed"]
    assert "geen retour verwacht: het heenbericht is niet te lezen" in verdicts["verkeerde-codes"]["detail"]


async def test_a_retour_on_an_unidentifiable_message_is_wrong_whatever_its_type(gemeente):
    api = Api(gemeente)
    status, sent = await ruw(gemeente, GOED.replace(NS, b"urn:onbekend"), deadline_seconden="30")
    assert status == 202 and sent["message"] == "onbekend" and sent["identificatie"] == "RUW0001"
    answer = await api.deliver(ReferenceSut().answer(GOED))
    assert {v["soort"] for v in answer["oordelen"]} == {"op-tijd", "verkeerde-codes"}, answer["oordelen"]
    assert "geen iWmo- of iJw 3.2-bericht" in answer["oordelen"][-1]["detail"]


async def test_voor_is_needed_when_no_ontvanger_can_be_read(gemeente):
    utf16 = GOED.decode().replace("UTF-8", "UTF-16").encode("utf-16")
    status, problem = await ruw(gemeente, utf16)
    assert status == 400 and problem["type"].endswith("/ontvanger-onbekend") and "?voor=" in problem["detail"]
    status, sent = await ruw(gemeente, utf16, voor="55555555")
    assert status == 202 and sent["voor"] == "55555555" and sent["message"] == "onbekend"
    assert await Api(gemeente).fetch(sent["id"]) == utf16
    status, sent = await ruw(gemeente, b"", voor=AGB)
    assert status == 202 and sent["findings"][0]["text"] == "Het bestand is leeg."


async def test_bsn_defaults_to_the_message_and_then_to_onbekend(gemeente):
    status, sent = await ruw(gemeente, xml("JW301", "RUW0002", bsn=OTHER), bsn="")
    assert status == 202 and sent["bsn"] == OTHER
    status, sent = await ruw(gemeente, b"<kapot", bsn="", voor=AGB)
    assert status == 202 and sent["bsn"] == "onbekend"
    assert [e["id"] for e in await Api(gemeente).log("onbekend")] == [sent["id"]]


async def test_refusals(gemeente):
    status, problem = await ruw(gemeente, xml("JW305", "RUW0003"))
    assert status == 400 and problem["type"].endswith("/bericht-niet-toegestaan"), problem
    status, problem = await ruw(gemeente, GOED, deadline_seconden="morgen")
    assert status == 400 and "deadline_seconden" in problem["detail"]
    status, problem = await ruw(gemeente, GOED, deadline_seconden="-1")
    assert status == 400
    assert await Api(gemeente).mailbox(AGB) == [], "nothing refused went out"


async def test_too_large_is_413():
    async with client_for("gemeente", max_bytes=len(GOED) - 1) as client:
        status, problem = await ruw(client, GOED)
        assert status == 413 and problem["code"] == "BRS06"
        assert await Api(client).mailbox(AGB) == []


async def test_a_valid_message_sent_raw_is_treated_as_by_verzenden(gemeente):
    api = Api(gemeente)
    gewoon = await api.send("JW301", data("JW301", "X"), deadline_seconden=30)
    body = xml("JW301", "RUW0004", bsn=OTHER).replace(b">586955<", b">777001<")
    status, sent = await ruw(gemeente, body, bsn=OTHER, deadline_seconden="30")
    assert status == 202, sent
    for key in ("message", "voor", "valid", "findings", "fouten", "verwachte_retour"):
        assert sent[key] == gewoon[key], key
    assert sent["identificatie"] == "RUW0004" and sent["bsn"] == OTHER
    assert await api.fetch(sent["id"]) == body
    info, reference = await api.info(sent["id"]), await api.info(gewoon["id"])
    for key in ("richting", "soort", "status", "toegepast", "afgekeurd", "bevindingen", "van", "voor"):
        assert info[key] == reference[key], key
    expected = {k: v for k, v in info["verwachting"].items() if k not in ("deadline", "ruw")}
    assert expected == {k: v for k, v in reference["verwachting"].items() if k != "deadline"}
    sut = ReferenceSut(DATUM)
    for heen in (gewoon, sent):
        answer = await api.deliver(sut.answer(await api.fetch(heen["id"])))
        assert answer["heen_id"] == heen["id"]
        assert {v["soort"] for v in answer["oordelen"]} == {"op-tijd", "juiste-codes"}, answer["oordelen"]
    started = basis.basis("JW305", "SUTRUW05")
    started["Client"]["Bsn"] = OTHER
    started["Client"]["StartProducten"][0]["ToewijzingNummer"] = 777001
    assert (await api.deliver(factory.to_bytes("JW305", started)))["status"] == "geaccepteerd", \
        "the raw toewijzing is in the chain state"


def test_handle_send_raw():
    with Ketenpartner.start("gemeente", datum=DATUM) as kp:
        sent = kp.send_raw(b"\xef\xbb\xbf" + GOED, BSN, deadline=0.2)
        assert sent["message"] == "onbekend" and kp.fetch(sent["id"]) == b"\xef\xbb\xbf" + GOED
        assert [v["soort"] for v in kp.wait_for_verdict(sent["id"], timeout=10)] == ["geen-retour"]
        sent = kp.send_raw(b"\x00", BSN, voor="55555555")
        assert sent["voor"] == "55555555"


async def test_raw_bytes_are_pushed_unchanged():
    server, received = await receiver(fail_first=0)
    body = b"\xef\xbb\xbf" + GOED
    try:
        async with client_for("gemeente", push_url=str(server.make_url("/inbox")), push_wacht=0.01) as client:
            status, sent = await ruw(client, body)
            assert status == 202

            async def pushed():
                return bool(received)

            await wait_for(pushed)
            (headers, pushed_body), = received
            assert pushed_body == body and headers["X-Ketenproef-Bericht"] == "onbekend"
            assert headers["X-Ketenproef-Voor"] == AGB and headers["X-Ketenproef-Id"] == str(sent["id"])
    finally:
        await server.close()


async def test_a_large_raw_body_is_read_off_the_loop_and_goes_out_unchanged(gemeente):
    body = GOED.replace(b"Proefpersoon", b"P" * (SMALL_BODY + 1))[:-20]  # large and truncated
    status, sent = await ruw(gemeente, body)
    assert status == 202 and sent["voor"] == AGB and sent["findings"][0]["rule"] == "XML"
    assert await Api(gemeente).fetch(sent["id"]) == body
