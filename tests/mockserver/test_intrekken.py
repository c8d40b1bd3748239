"""A reset of one conversation withdraws its messages from the chain state without replaying the others
(``ketenproef.keten.intrekken``): through HTTP the ketenpartner ends with exactly the state a replay of the store
gives, also for a 323 that covers several clients (the whole 323 and its 325 go with any of its conversations), and
the journal notes the keys of what changed instead of "everything"."""

from __future__ import annotations

import copy

from ketenproef import basis
from ketenproef.fake import bsns
from ketenproef.keten.declaraties import Part
from mockserver.appkeys import PARTNER
from mockserver.journaal import ALLES
from tests.mockserver.api import Api
from tests.mockserver.helpers import client_for, xml
from tests.unit.keten.toestand import toestand

CLIENTEN = bsns(__import__("random").Random(3), 4)


def toewijzing(bsn: str, nummer: int) -> dict:
    data = basis.basis("JW301")
    data["Client"]["Bsn"] = bsn
    product = data["Client"]["ToegewezenProducten"][0]
    product.update(ToewijzingNummer=nummer, Ingangsdatum="2025-11-01")
    return data


def declaratie(ident: str, clienten: list[tuple[str, int]]) -> dict:
    data = basis.basis("JW323", ident)
    data["Declaratie"]["DeclaratieNummer"] = ident
    data["Declaratie"]["Clienten"] = []
    for i, (bsn, nummer) in enumerate(clienten):
        prestatie = basis.prestatie("iJw", f"{ident}P{i}")
        prestatie["ToewijzingNummer"] = nummer
        data["Declaratie"]["Clienten"].append({"Bsn": bsn, "Prestaties": [prestatie]})
    data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 20000 * len(clienten)
    return data


async def test_a_reset_leaves_the_state_a_replay_gives():
    async with client_for("gemeente") as client:
        api, partner = Api(client), client.server.app[PARTNER]
        for i, bsn in enumerate(CLIENTEN):
            await api.send("JW301", toewijzing(bsn, 100 + i))
            start = copy.deepcopy(basis.basis("JW305", f"S{i}"))
            start["Client"]["Bsn"] = bsn
            start["Client"]["StartProducten"][0]["ToewijzingNummer"] = 100 + i
            assert (await api.deliver(api_bytes("JW305", start)))["status"] == "geaccepteerd"
            assert (await api.deliver(xml("JW315", f"V{i}", bsn)))["http_status"] == 202
        gedeeld = await api.deliver(api_bytes("JW323", declaratie("D1", [(CLIENTEN[0], 100), (CLIENTEN[1], 101)])))
        eigen = await api.deliver(api_bytes("JW323", declaratie("D2", [(CLIENTEN[2], 102), (CLIENTEN[3], 103)])))
        assert gedeeld["status"] == eigen["status"] == "geaccepteerd", (gedeeld["findings"], eigen["findings"])
        stand = partner.journaal.stand

        response = await client.post(f"/beheer/gesprekken/{CLIENTEN[1]}/reset")
        assert (await response.json())["ingetrokken_berichten"] == 7  # 301, 305 and 306, 315 and 316, 323 and 325

        assert toestand(partner.keten) == toestand(partner.rebuild())
        noted = list(partner.journaal.sinds(stand))
        assert len(noted) == 1 and noted[0] is not ALLES and "*" not in noted[0]
        assert {f"iJw/c/{CLIENTEN[0]}", f"iJw/c/{CLIENTEN[1]}"} <= noted[0]
        assert f"iJw/c/{CLIENTEN[2]}" not in noted[0]
        assert declaraties(partner) == ["D2"]
        # the other client of the withdrawn 323 may declare its prestatie again
        again = await api.deliver(api_bytes("JW323", declaratie("D3", [(CLIENTEN[0], 100)])))
        assert again["status"] == "geaccepteerd", again["findings"]
        assert declaraties(partner) == ["D2", "D3"]
        assert toestand(partner.keten) == toestand(partner.rebuild())


def declaraties(partner) -> list[str]:
    (adm,) = partner.keten.voor("iJw").part(Part).administraties.values()
    return list(adm.declaraties)


def api_bytes(name: str, data: dict) -> bytes:
    from ketenproef import factory

    return factory.to_bytes(name, data)
