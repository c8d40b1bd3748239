"""Timeliness as evidence: a start or stop later than 5 werkdagen after the event is a 'proces' finding (OP271/2)."""

from __future__ import annotations

import pytest

from ketenproef import basis, factory
from tests.mockserver.api import Api
from tests.mockserver.helpers import BSN, xml


async def findings_on(client, datum: str, name: str) -> list[dict]:
    await client.put(f"/beheer/gesprekken/{BSN}/datum", json={"datum": datum})
    answer = await Api(client).deliver(xml(name, f"SUT{datum[-2:]}{name[-3:]}"))
    assert answer["http_status"] == 202
    entry = next(e for e in await Api(client).log(BSN) if e["id"] == answer["id"])
    return [f for f in entry["bevindingen"] if f["level"] == "proces"]


@pytest.mark.parametrize(("name", "datum", "late"), [
    ("JW305", "2026-01-14", False),  # Begindatum Wed 2026-01-07 + 5 werkdagen = Wed 2026-01-14
    ("JW305", "2026-01-15", True),  # (no toewijzing known: the Begindatum counts)
    ("WMO307", "2026-01-16", False),  # Einddatum Fri 2026-01-09 + 5 werkdagen = Fri 2026-01-16
    ("WMO307", "2026-01-19", True),
])
async def test_late_start_or_stop_is_recorded(gemeente, name, datum, late):
    found = await findings_on(gemeente, datum, name)
    assert bool(found) == late
    if late:
        assert found[0]["rule"] == ("OP271" if name.endswith("305") else "OP272")
        assert found[0]["retourcode"] is None and "5 werkdagen" in found[0]["text"]


async def test_late_start_is_not_a_retourcode(gemeente):
    await Api(gemeente).send("JW301", basis.basis("JW301"))
    assert await findings_on(gemeente, "2026-03-02", "JW305")
    retour = [e for e in await Api(gemeente).log(BSN) if e["message"] == "JW306"][-1]
    assert b"RetourCode" not in await Api(gemeente).fetch(retour["id"])


async def test_retroactive_toewijzing_moves_the_limit(gemeente):
    await Api(gemeente).send("JW301", basis.basis("JW301"))  # Toewijzingsdatum 2026-01-12, after the start
    assert await findings_on(gemeente, "2026-01-19", "JW305") == []  # 2026-01-12 + 5 werkdagen
    assert await findings_on(gemeente, "2026-01-20", "JW305")


# ---------------------------------------------------------------- OP346: the answer to a verzoek om wijziging

async def vow_on_12_january(aanbieder) -> None:
    """The SUT (gemeente) allocated 586955; the mock (aanbieder) asks on Mon 2026-01-12 to extend it."""
    await aanbieder.put(f"/beheer/gesprekken/{BSN}/datum", json={"datum": "2026-01-12"})
    assert (await Api(aanbieder).deliver(xml("JW301", "SUT301")))["status"] == "geaccepteerd"
    vow = basis.basis("JW317")
    vow["Client"]["Verzoek"] = {"ReferentieAanbieder": "VOW-0001", "RedenVerzoek": "1", "TeWijzigenProducten": [
        {"ToewijzingNummer": 586955, "GewensteIngangsdatum": "2026-01-05", "Einddatum": "2026-12-31",
         "Omvang": {"Volume": 2, "Eenheid": "04", "Frequentie": "2"}}]}
    sent = await Api(aanbieder).send("JW317", vow)
    assert sent["valid"], sent["findings"]


async def answer_on(aanbieder, datum: str, antwoord: str = "1", ident: str = "SUT319",
                    status: str = "geaccepteerd") -> list[dict]:
    await aanbieder.put(f"/beheer/gesprekken/{BSN}/datum", json={"datum": datum})
    d = basis.basis("JW319", ident)
    d["Header"]["BerichtIdentificatie"]["Dagtekening"] = datum
    d["Antwoord"] = {"ReferentieAanbieder": "VOW-0001", "VerzoekAntwoord": antwoord,
                     **({"RedenAfwijzingVerzoek": "2"} if antwoord == "1" else {})}
    answer = await Api(aanbieder).deliver(factory.to_bytes("JW319", d))
    assert answer["status"] == status, answer
    entry = next(e for e in await Api(aanbieder).log(BSN) if e["id"] == answer["id"])
    return [f for f in entry["bevindingen"] if f["level"] == "proces"]


@pytest.mark.parametrize(("datum", "late"), [("2026-01-19", False), ("2026-01-20", True)])
async def test_answer_to_a_vow_within_5_werkdagen(aanbieder, datum, late):
    await vow_on_12_january(aanbieder)
    found = await answer_on(aanbieder, datum)
    assert [f["rule"] for f in found] == (["OP346"] if late else [])
    if late:
        assert "uiterlijk 2026-01-19" in found[0]["text"] and found[0]["retourcode"] is None


@pytest.mark.parametrize(("datum", "late"), [("2026-03-09", False), ("2026-03-10", True)])
async def test_after_in_onderzoek_the_answer_within_8_weeks(aanbieder, datum, late):
    await vow_on_12_january(aanbieder)
    assert await answer_on(aanbieder, "2026-01-14", antwoord="2") == []
    found = await answer_on(aanbieder, datum, ident="SUT319B")
    assert [f["rule"] for f in found] == (["OP346"] if late else [])


async def test_an_answered_vow_is_not_judged_again(aanbieder):
    await vow_on_12_january(aanbieder)
    await answer_on(aanbieder, "2026-01-13")  # rejected for good
    second = await answer_on(aanbieder, "2026-03-02", ident="SUT319B", status="afgekeurd")  # TR365's concern
    assert second == []
