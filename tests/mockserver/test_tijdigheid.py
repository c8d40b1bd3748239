"""Timeliness as evidence: a start or stop later than 5 werkdagen after the event is a 'proces' finding (OP271/2)."""

from __future__ import annotations

import pytest

from ketenproef import basis
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
