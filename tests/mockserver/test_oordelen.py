"""Verdicts on the SUT's retours: in time, late, never, twice, unknown message, wrong type/reference/codes."""

from __future__ import annotations

import asyncio
import copy

from ketenproef import basis, factory, faults
from ketenproef.clock import FrozenClock
from tests.mockserver.api import Api
from tests.mockserver.helpers import DATUM, ReferenceSut, retour_tree, set_text


async def send_301(api: Api, deadline: float = 5, **extra) -> tuple[dict, bytes]:
    sent = await api.send("JW301", basis.basis("JW301"), deadline_seconden=deadline, **extra)
    return sent, await api.fetch(sent["id"])


async def test_in_time_and_right_codes(gemeente):
    api = Api(gemeente)
    sent, heen = await send_301(api)
    answer = await api.deliver(ReferenceSut().answer(heen))
    assert {v["soort"]: v["goed"] for v in answer["oordelen"]} == {"op-tijd": True, "juiste-codes": True}


async def test_never(gemeente):
    api = Api(gemeente)
    sent, _ = await send_301(api, deadline=0.1)
    verdicts = await api.verdicts(sent["id"])
    assert list(verdicts) == ["nooit"] and not verdicts["nooit"]["goed"]


async def test_late_after_never(gemeente):
    api = Api(gemeente)
    sent, heen = await send_301(api, deadline=0.1)
    await asyncio.sleep(0.3)
    answer = await api.deliver(ReferenceSut().answer(heen))
    soorten = {v["soort"] for v in answer["oordelen"]}
    assert "te-laat" in soorten and "juiste-codes" in soorten
    assert {"nooit", "te-laat"} <= set(await api.verdicts(sent["id"]))


async def test_twice(gemeente):
    api, sut = Api(gemeente), ReferenceSut()
    sent, heen = await send_301(api)
    first = await api.deliver(sut.answer(heen))
    second = await api.deliver(sut.answer(heen))
    assert "op-tijd" in {v["soort"] for v in first["oordelen"]}
    assert "dubbel" in {v["soort"] for v in second["oordelen"]}


async def test_retour_for_an_unknown_message(gemeente):
    api = Api(gemeente)
    _, heen = await send_301(api)
    _, tree = retour_tree(heen)
    answer = await api.deliver(set_text(tree, "Header/BerichtIdentificatie/Identificatie", "ONBEKEND0001"))
    assert [v["soort"] for v in answer["oordelen"]] == ["onbekend-bericht"] and answer["heen_id"] is None


async def test_wrong_reference_dagtekening(gemeente):
    api = Api(gemeente)
    sent, heen = await send_301(api)
    _, tree = retour_tree(heen)
    answer = await api.deliver(set_text(tree, "Header/BerichtIdentificatie/Dagtekening", "2026-01-13"))
    wrong = [v for v in answer["oordelen"] if v["soort"] == "verkeerde-referentie"]
    assert wrong and "Dagtekening 2026-01-13" in wrong[0]["detail"] and answer["heen_id"] == sent["id"]


async def test_wrong_type(gemeente):
    api, sut = Api(gemeente), ReferenceSut()
    await api.deliver(_315())
    sent_319 = await api.send("JW319", basis.basis("JW319"))
    sent_301, _ = await send_301(api)
    _, tree = retour_tree(await api.fetch(sent_319["id"]))
    tree_320 = set_text(tree, "Header/BerichtIdentificatie/Identificatie", sent_301["identificatie"])
    answer = await api.deliver(tree_320)
    assert [v["soort"] for v in answer["oordelen"]] == ["verkeerd-type"]
    assert sut.count == 0


async def test_wrong_codes(gemeente):
    api = Api(gemeente)
    _, heen = await send_301(api)
    bericht, tree = retour_tree(heen)
    wrong = faults.apply_to_retour("retourcode-extra", tree, bericht, clock=FrozenClock(DATUM))[0]
    answer = await api.deliver(wrong)
    verdict = next(v for v in answer["oordelen"] if v["soort"] == "verkeerde-codes")
    assert "/Bericht/Header" in verdict["detail"] and "9019" in verdict["detail"]


async def test_expected_codes_come_from_the_mocks_own_judgement(gemeente):
    api = Api(gemeente)
    sent, heen = await send_301(api, fout={"naam": "einddatum-voor-ingangsdatum"})
    assert sent["verwachte_retour"]["codes"] == {"/Bericht/Header": ["0001"]}
    assert sent["fouten"][0]["naam"] == "einddatum-voor-ingangsdatum" and not sent["valid"]
    correct = await api.deliver(ReferenceSut().answer(heen))
    assert "juiste-codes" in {v["soort"] for v in correct["oordelen"]}
    sent2, heen2 = await send_301(api, fout="einddatum-voor-ingangsdatum")
    _, tree = retour_tree(heen2)
    lenient = faults.apply_to_retour("retourcode-ontbreekt", tree, retour_tree(heen2)[0], clock=FrozenClock(DATUM))
    answer = await api.deliver(lenient[0])
    assert "verkeerde-codes" in {v["soort"] for v in answer["oordelen"]}


async def test_every_verdict_is_in_the_exchange_log(gemeente):
    api = Api(gemeente)
    sent, heen = await send_301(api)
    await api.deliver(ReferenceSut().answer(heen))
    entries = {e["id"]: e for e in await api.log(basis.BSN)}
    assert {v["soort"] for v in entries[sent["id"]]["oordelen"]} == {"op-tijd", "juiste-codes"}
    retour = next(e for e in entries.values() if e["heen_id"] == sent["id"])
    assert retour["richting"] == "in" and retour["oordelen"] == entries[sent["id"]]["oordelen"]


def _315() -> bytes:
    return factory.to_bytes("JW315", copy.deepcopy(basis.basis("JW315", "SUT0315")))


async def test_the_retour_itself_is_judged_too(aanbieder):
    api, sut = Api(aanbieder), ReferenceSut()
    toewijzing = factory.to_bytes("JW301", basis.basis("JW301", "G0001"))
    sut.sent(toewijzing)
    assert (await api.deliver(toewijzing))["status"] == "geaccepteerd"
    sent = await api.send("JW323", basis.basis("JW323"))
    bericht, tree = retour_tree(await api.fetch(sent["id"]), keten=sut.keten)
    wrong = faults.apply_to_retour("totalen-kloppen-niet", tree, bericht, clock=FrozenClock(DATUM))[0]
    answer = await api.deliver(wrong)
    verdicts = {v["soort"]: v for v in answer["oordelen"]}
    assert answer["status"] == "afgekeurd" and "TR342" in verdicts["ongeldig"]["detail"]
    assert verdicts["juiste-codes"]["goed"], "the codes are right, the totals are not"
