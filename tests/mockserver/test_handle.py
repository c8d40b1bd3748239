"""The synchronous handle the pytest-bdd steps use: a real server in a background thread."""

from __future__ import annotations

import threading

import pytest

from ketenproef import basis
from mockserver.handle import Ketenpartner, KetenpartnerError
from tests.mockserver.helpers import AGB, BSN, GEMEENTE, ReferenceSut, xml


def test_handle_drives_a_conversation():
    with Ketenpartner.start("gemeente", datum="2026-01-14") as kp:
        assert kp.url.startswith("http://127.0.0.1:") and kp.health()["rol"] == "gemeente"
        answer = kp.deliver(xml("JW315", "SUT0001"))
        assert answer["http_status"] == 202
        assert [m["id"] for m in kp.mailbox(AGB)] == [answer["retour_id"]]
        assert kp.mailbox(AGB, na=answer["retour_id"]) == []
        sent = kp.send("JW301", basis.basis("JW301"), deadline=5)
        kp.deliver(ReferenceSut().answer(kp.fetch(sent["id"])))
        assert {v["soort"] for v in kp.wait_for_verdict(sent["id"])} == {"op-tijd", "juiste-codes"}
        assert kp.deliver(b"<kapot")["code"] == "BRS14"
        kp.set_fault(BSN, "http500")
        assert kp.deliver(xml("JW315", "SUT0002"))["http_status"] == 500
        kp.clear_faults(BSN)
        kp.set_faults(BSN, [{"naam": "geen-retour"}])
        assert kp.deliver(xml("JW315", "SUT0003"))["retour_id"] is None
        assert len(kp.log(BSN)) >= 5 and kp.info(sent["id"])["message"] == "JW301"
        assert {f["naam"] for f in kp.catalogue()} >= {"http500", "geen-retour"}
        kp.set_datum(BSN, "2026-02-01")
        assert kp.reset(BSN)["ingetrokken_berichten"] >= 5 and kp.log(BSN) == []
        with pytest.raises(KetenpartnerError) as error:
            kp.send("JW305", basis.basis("JW305"))
        assert error.value.status == 400
        with pytest.raises(KetenpartnerError):
            kp.fetch(424242)
    with pytest.raises(OSError):
        kp.health()


def test_two_partners_side_by_side():
    with Ketenpartner.start("gemeente") as gemeente, Ketenpartner.start("aanbieder", datum="2026-01-14") as aanbieder:
        assert gemeente.url != aanbieder.url
        sent = aanbieder.send("WMO315", basis.basis("WMO315"))
        assert sent["voor"] == GEMEENTE and aanbieder.health()["rol"] == "aanbieder"


def test_in_process_control_gives_the_same_answers_as_http():
    """The suite's in-process control calls run the same operations as the HTTP routes: same JSON, same refusals."""
    with Ketenpartner.start("gemeente", datum="2026-01-14") as kp:
        over_http = Ketenpartner.connect(kp.url)
        sent = kp.send("JW301", basis.basis("JW301"), deadline=5)
        kp.deliver(ReferenceSut().answer(kp.fetch(sent["id"])))
        for call in (lambda h: h.log(BSN), lambda h: h.info(sent["id"]), lambda h: h.contract(),
                     lambda h: h.catalogue(), lambda h: h.set_datum(BSN, "2026-02-01"),
                     lambda h: h.set_fault(BSN, "http500"), lambda h: h.clear_faults(BSN)):
            assert call(kp) == call(over_http)
        assert kp.inhoud(sent["id"]) == over_http.inhoud(sent["id"]) == kp.fetch(sent["id"])
        for call in (lambda h: h.info(424242), lambda h: h.set_fault(BSN, "bestaat-niet"),
                     lambda h: h.send("JW305", basis.basis("JW305"))):
            with pytest.raises(KetenpartnerError) as in_process:
                call(kp)
            with pytest.raises(KetenpartnerError) as http:
                call(over_http)
            assert (in_process.value.status, in_process.value.body) == (http.value.status, http.value.body)


def test_waiting_for_a_verdict_ends_when_the_verdict_is_written():
    """No polling: with a poll interval of an hour the wait still ends as soon as the retour is judged (a
    polling wait would sleep the hour; the join below only guards against a hang)."""
    with Ketenpartner.start("gemeente", datum="2026-01-14") as kp:
        sent = kp.send("JW301", basis.basis("JW301"), deadline=3600)
        gevonden: list = []
        wachter = threading.Thread(target=lambda: gevonden.append(kp.wait_for_verdict(sent["id"], 3600, poll=3600)))
        wachter.start()
        kp.deliver(ReferenceSut().answer(kp.fetch(sent["id"])))
        wachter.join(timeout=120)
        assert not wachter.is_alive() and {v["soort"] for v in gevonden[0]} == {"op-tijd", "juiste-codes"}
