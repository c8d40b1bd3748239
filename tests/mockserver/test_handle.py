"""The synchronous handle the pytest-bdd steps use: a real server in a background thread."""

from __future__ import annotations

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
