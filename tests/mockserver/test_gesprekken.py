"""Whole iJw and iWmo conversations through HTTP, with the ketenpartner in both roles and a correct SUT."""

from __future__ import annotations

import pytest

from ketenproef import basis
from tests.mockserver.api import Api, judged
from tests.mockserver.helpers import AGB, BSN, GEMEENTE, ReferenceSut, xml

STANDARDS = [pytest.param("JW", id="iJw"), pytest.param("WMO", id="iWmo")]


async def sut_delivers(api: Api, sut: ReferenceSut, name: str, ident: str, expect_retour: str) -> bytes:
    message = xml(name, ident)
    sut.sent(message)
    answer = await api.deliver(message)
    assert answer["http_status"] == 202 and answer["retour_message"] == expect_retour, answer
    retour = await api.fetch(answer["retour_id"])
    report = judged(retour)
    assert report.message == expect_retour and report.valid, report.findings
    return retour


async def mock_sends(api: Api, sut: ReferenceSut, name: str, voor: str, **extra) -> dict:
    sent = await api.send(name, basis.basis(name), **extra)
    assert sent["voor"] == voor and sent["bsn"] == BSN
    mailbox = await api.mailbox(voor)
    assert sent["id"] in [m["id"] for m in mailbox]
    answer = await api.deliver(sut.answer(await api.fetch(sent["id"])))
    assert answer["http_status"] == 202 and answer["heen_id"] == sent["id"], answer
    verdicts = await api.verdicts(sent["id"])
    assert {"op-tijd", "juiste-codes"} <= set(verdicts) and all(v["goed"] for v in verdicts.values()), verdicts
    return sent


@pytest.mark.parametrize("p", STANDARDS)
async def test_as_gemeente(gemeente, p):
    api, sut = Api(gemeente), ReferenceSut()
    await sut_delivers(api, sut, f"{p}315", "SUT0001", f"{p}316")
    await mock_sends(api, sut, f"{p}301", AGB)
    retour = await sut_delivers(api, sut, f"{p}305", "SUT0002", f"{p}306")
    assert b"RetourCode>" not in retour, "a correct start gets a Header without RetourCodes"
    assert b"RetourCode>" not in await sut_delivers(api, sut, f"{p}307", "SUT0003", f"{p}308")
    antwoord = await sut_delivers(api, sut, f"{p}323", "SUT0004", f"{p}325")
    assert b"DeclaratieAntwoord" in antwoord
    await mock_sends(api, sut, f"{p}319", AGB)
    log = await api.log(BSN)
    assert [e["message"] for e in log] == [f"{p}{n}" for n in
                                           (315, 316, 301, 302, 305, 306, 307, 308, 323, 325, 319, 320)]
    assert [e["richting"] for e in log[:4]] == ["in", "uit", "uit", "in"]


@pytest.mark.parametrize("p", STANDARDS)
async def test_as_aanbieder(aanbieder, p):
    api, sut = Api(aanbieder), ReferenceSut()
    await mock_sends(api, sut, f"{p}315", GEMEENTE)
    await sut_delivers(api, sut, f"{p}301", "SUT0001", f"{p}302")
    await sut_delivers(api, sut, f"{p}319", "SUT0002", f"{p}320")
    await mock_sends(api, sut, f"{p}305", GEMEENTE)
    await mock_sends(api, sut, f"{p}307", GEMEENTE)
    await mock_sends(api, sut, f"{p}317", GEMEENTE)
    sent = await mock_sends(api, sut, f"{p}323", GEMEENTE)
    assert sent["verwachte_retour"]["bericht"] == f"{p}325"
    log = await api.log(BSN)
    assert [e["message"] for e in log] == [f"{p}{n}" for n in
                                           (315, 316, 301, 302, 319, 320, 305, 306, 307, 308, 317, 318, 323, 325)]


async def test_chain_state_decides_the_retour(gemeente):
    api = Api(gemeente)
    await api.send("JW301", basis.basis("JW301"))
    ok = await api.deliver(xml("JW305", "SUT0001"))
    assert ok["status"] == "geaccepteerd" and ok["findings"] == []
    unknown = basis.basis("JW305", "SUT0002")
    unknown["Client"]["StartProducten"][0]["ToewijzingNummer"] = 999
    from ketenproef import factory

    answer = await api.deliver(factory.to_bytes("JW305", unknown))
    assert answer["status"] == "afgekeurd" and answer["findings"][0]["retourcode"] == "9019"
    assert b"<jw306:RetourCode>9019</jw306:RetourCode>" in await api.fetch(answer["retour_id"])


async def test_mock_may_only_send_its_own_messages(gemeente, aanbieder):
    for client, name in ((gemeente, "JW305"), (gemeente, "JW325"), (aanbieder, "WMO301"), (gemeente, "XX1")):
        response = await client.post("/beheer/verzenden", json={"bericht": name})
        assert response.status == 400, name
    response = await gemeente.post("/beheer/verzenden", json={"bericht": "JW301", "data": {"Client": {}}})
    assert response.status == 400 and "Ontvanger" in (await response.json())["detail"]
    bad = {"Header": {"Ontvanger": AGB}, "Client": {}}
    response = await gemeente.post("/beheer/verzenden", json={"bericht": "JW301", "data": bad})
    assert response.status == 400 and "past niet" in (await response.json())["detail"]
    response = await gemeente.post("/beheer/verzenden", data=b"{nope")
    assert response.status == 400


async def test_intrekking_is_a_301_with_earlier_einddatum(gemeente):
    api, sut = Api(gemeente), ReferenceSut()
    await mock_sends(api, sut, "JW301", AGB)
    intrekking = basis.basis("JW301")
    product = intrekking["Client"]["ToegewezenProducten"][0]
    product.update(Einddatum="2026-01-31", RedenWijziging="05", Toewijzingstijd="11:00:00")
    sent = await api.send("JW301", intrekking)
    assert sent["valid"], sent["findings"]
    await api.deliver(sut.answer(await api.fetch(sent["id"])))
    assert "juiste-codes" in await api.verdicts(sent["id"])
