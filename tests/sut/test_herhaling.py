"""The reference systems deliver again by themselves after a transport fault: the identical bytes after a 5xx, a
dropped connection or a timeout, with a short bounded back-off; a 200 with Ketenproef-Herhaling (processed before,
only the answer was lost) is a delivery. A 4xx is an answer and is never retried."""

from __future__ import annotations

import socket
import threading

import pytest

from sut.base import SutError
from sut.referentie.transport import MAX_RETRY_AFTER, WACHTTIJDEN, Ketenpartner, retry_after
from tests.sut.conftest import aanbieder_sut, gemeente_sut
from tests.sut.helpers import BSN, PRODUCTEN, VANDAAG, bericht_301, client, naam, omvang, ontvangen, toegewezen

NUMMER = 586955
FOUTEN = {"http500": {}, "http503": {"retry_after": 2}, "verbinding-verbroken": {},
          "geen-antwoord": {"seconden": 0.2}, "antwoord-kwijt": {}}


def zonder_slapen(sut) -> list[float]:
    """The back-off the system waits, recorded instead of slept (the test does not depend on the clock)."""
    gewacht: list[float] = []
    sut.partner.slaap = gewacht.append
    return gewacht


def aanbieder_met_toewijzing(kp):
    sut = aanbieder_sut(kp)
    kp.send(naam("iWmo", "301"), bericht_301([toegewezen("iWmo", NUMMER)]))
    sut.trigger("verwerk_postbus", {}, VANDAAG)
    return sut


def start(sut) -> dict:
    return sut.trigger("start_zorg", {"bsn": BSN, "ToewijzingNummer": NUMMER, "Begindatum": "2026-01-07"}, VANDAAG)


def pogingen(kp, bericht: str = "305") -> list[dict]:
    """What the system delivered of ``bericht`` (every attempt, oldest first): the entries and their bytes."""
    return [{**e, "xml": kp.fetch(e["id"]) if e["status"] != "herhaald" else None}
            for e in ontvangen(kp, BSN) if (e["message"] or "").endswith(bericht)]


@pytest.mark.parametrize("fout", FOUTEN)
def test_aanbieder_delivers_the_same_bytes_again(kp_gemeente, fout):
    sut = aanbieder_met_toewijzing(kp_gemeente)
    gewacht = zonder_slapen(sut)
    kp_gemeente.set_fault(BSN, fout, aantal=1, **FOUTEN[fout])
    verstuurd = start(sut)["verstuurd"]
    eerste, tweede = pogingen(kp_gemeente)
    assert [f["naam"] for f in eerste["fouten"]] == [fout]
    if fout == "antwoord-kwijt":  # processed the first time: the retry is a repeat, answered 200 + Herhaling
        assert (eerste["status"], tweede["status"]) == ("geaccepteerd", "herhaald")
        assert tweede["herhaling_van"] == eerste["id"]
    else:
        assert (eerste["status"], tweede["status"]) == ("transportfout", "geaccepteerd")
        assert tweede["xml"] == eerste["xml"], "the identical bytes, no new message"
        assert tweede["identificatie"] == verstuurd[0]
    assert gewacht == [2.0 if fout == "http503" else WACHTTIJDEN[0]], "one retry (Retry-After honoured)"
    retouren = [e for e in kp_gemeente.log(BSN) if e["richting"] == "uit" and e["soort"] == "retour"]
    assert len(retouren) == 1, "processed exactly once"
    [retour] = sut.trigger("verwerk_postbus", {}, VANDAAG)["ontvangen"]
    assert retour.get("geaccepteerd") is True, f"the system knows its message as delivered: {retour}"


def test_gemeente_delivers_again_too(kp_aanbieder):
    sut = gemeente_sut(kp_aanbieder)
    gewacht = zonder_slapen(sut)
    kp_aanbieder.set_fault(BSN, "verbinding-verbroken", aantal=1)
    product = {"Product": PRODUCTEN["iWmo"][0], "Ingangsdatum": "2026-01-05", "Einddatum": "2026-06-30",
               "Omvang": omvang()}
    sut.trigger("toewijzen", {"client": client(), "producten": [product]}, VANDAAG)
    eerste, tweede = pogingen(kp_aanbieder, "301")
    assert (eerste["status"], tweede["status"]) == ("transportfout", "geaccepteerd")
    assert tweede["xml"] == eerste["xml"] and gewacht == [WACHTTIJDEN[0]]


def test_the_retries_are_bounded(kp_gemeente):
    sut = aanbieder_met_toewijzing(kp_gemeente)
    gewacht = zonder_slapen(sut)
    kp_gemeente.set_fault(BSN, "http500")  # every time
    with pytest.raises(SutError, match=f"500 .*na {len(WACHTTIJDEN) + 1} pogingen"):
        start(sut)
    assert gewacht == list(WACHTTIJDEN)
    kp_gemeente.clear_faults(BSN)  # the fault spoils fetching too
    assert [e["status"] for e in pogingen(kp_gemeente)] == ["transportfout"] * (len(WACHTTIJDEN) + 1)
    assert len({e["xml"] for e in pogingen(kp_gemeente)}) == 1, "always the same bytes"


def test_a_4xx_is_an_answer_and_not_retried(kp_gemeente):
    sut = aanbieder_met_toewijzing(kp_gemeente)
    gewacht = zonder_slapen(sut)
    with pytest.raises(SutError, match="antwoordde 400"):
        sut.partner.post(b"<geen-bericht/>")
    assert gewacht == [] and sut.partner.pogingen == []


@pytest.mark.parametrize(("waarde", "seconden"), [(None, 0.0), ("", 0.0), ("3", 3.0), ("0.5", 0.5),
                                                 ("3600", MAX_RETRY_AFTER), ("-1", 0.0), ("nan", 0.0),
                                                 ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after(waarde, seconden):
    assert retry_after(waarde) == seconden


def test_an_error_answer_whose_body_breaks_off_is_a_refusal_not_a_crash():
    """A 400 that promises more body than it sends, then closes: the reference transport reports a SutError
    with what it could say, instead of letting http.client's IncompleteRead escape."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        poort = server.getsockname()[1]

        def antwoord() -> None:
            verbinding, _ = server.accept()
            with verbinding:
                verbinding.recv(65536)
                verbinding.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n"
                                   b"Content-Length: 500\r\n\r\n{\"detail\": \"afgebro")

        draad = threading.Thread(target=antwoord)
        draad.start()
        try:
            with pytest.raises(SutError, match="ketenpartner antwoordde 400"):
                Ketenpartner(f"http://127.0.0.1:{poort}", timeout=30.0, wachttijden=()).post(b"<x/>")
        finally:
            draad.join()
