"""A declaratie-antwoord (325) enters the chain state: only an approved debet may be credited (TR323)."""

from __future__ import annotations

import copy
import datetime as dt

from ketenproef import basis, factory
from tests.mockserver.api import Api
from tests.mockserver.helpers import ReferenceSut, client_for

DATUM = dt.date(2026, 2, 2)
DAG = DATUM.isoformat()


def declaratie(ident: str, credit: bool = False) -> dict:
    prestatie = basis.prestatie("iJw", "PREST0001")
    prestatie["ProductPeriode"] = {"Begindatum": "2026-01-05", "Einddatum": "2026-01-31"}
    if credit:
        prestatie = copy.deepcopy(prestatie)
        prestatie["ProductReferentie"] = {"ReferentieNummer": "PREST0002", "VorigReferentieNummer": "PREST0001"}
        prestatie["IngediendBedrag"]["DebetCredit"] = "C"
    d = basis.basis("JW323", ident)
    d["Header"]["BerichtIdentificatie"]["Dagtekening"] = DAG
    d["Declaratie"].update(DeclaratieNummer=ident, DeclaratieDagtekening=DAG,
                           DeclaratiePeriode={"Begindatum": "2026-01-01", "Einddatum": "2026-01-31"},
                           TotaalIngediendBedrag={"TotaalBedrag": 20000, "DebetCredit": "C" if credit else "D"})
    d["Declaratie"]["Clienten"][0]["Prestaties"] = [prestatie]
    return d


async def test_gemeente_remembers_its_own_325():
    async with client_for("gemeente", datum=DATUM) as client:
        api = Api(client)
        await api.send("JW301", basis.basis("JW301"))
        debet = await api.deliver(factory.to_bytes("JW323", declaratie("DECL0001")))
        assert debet["status"] == "geaccepteerd"
        assert next(e for e in await api.log(basis.BSN) if e["id"] == debet["retour_id"])["toegepast"]
        credit = await api.deliver(factory.to_bytes("JW323", declaratie("DECL0002", credit=True)))
        assert credit["status"] == "geaccepteerd", credit["findings"]


async def test_gemeente_that_withholds_its_325_leaves_the_debet_unapproved():
    async with client_for("gemeente", datum=DATUM) as client:
        api = Api(client)
        await api.send("JW301", basis.basis("JW301"))
        await api.put_faults(basis.BSN, {"naam": "geen-retour", "params": {"aantal": 1}})
        await api.deliver(factory.to_bytes("JW323", declaratie("DECL0001")))
        credit = await api.deliver(factory.to_bytes("JW323", declaratie("DECL0002", credit=True)))
        assert [f["rule"] for f in credit["findings"]] == ["TR323"]


async def test_aanbieder_learns_from_the_suts_325():
    async with client_for("aanbieder", datum=DATUM) as client:
        api, sut = Api(client), ReferenceSut(DATUM)
        toewijzing = factory.to_bytes("JW301", basis.basis("JW301", "G0001"))
        sut.sent(toewijzing)
        await api.deliver(toewijzing)
        debet = await api.send("JW323", declaratie("DECL0001"))
        answer = await api.deliver(sut.answer(await api.fetch(debet["id"])))
        assert {v["soort"] for v in answer["oordelen"]} == {"op-tijd", "juiste-codes"}
        credit = await api.send("JW323", declaratie("DECL0002", credit=True))
        assert credit["valid"], credit["findings"]
