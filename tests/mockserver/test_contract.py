"""Contract data at runtime: PUT/GET/DELETE /beheer/contract, `serve --contract`, kept over a restart, and TR418
(ProductTarief is the contract tariff, retourcode 0611) played over HTTP."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mockserver.handle import Ketenpartner
from tests.mockserver.ketenregels import GEMEENTE, Gesprek, assert_iv087, codes_325, toewijzing_301
from tests.mockserver.test_herstart import serve
from tests.unit.keten import PRODUCT_323, UUR, declaratie, prestatie

DECLAREREN = "2026-02-16"
LEEG = {"tarieven": [], "gemeentecodes": [], "productcodes": None, "productcodelijsten": []}
TARIEF = {"gemeente": "0363", "aanbieder": "12345678", "ProductCode": "02A16", "Eenheid": "04", "tarief": 5000}
CONTRACT = {
    "tarieven": [{**TARIEF, "aanbieder": "87654321"}, TARIEF, {**TARIEF, "Eenheid": "01", "tarief": 0}],
    "gemeentecodes": ["0999", "0001", "0999"],
    "productcodes": {"45": ["45A02", "45A01"], "02": ["02A16"]},
    "productcodelijsten": [{"gemeente": "0363", "aanbieder": "12345678", "productcodes": {"02": ["XXXXX"]}},
                           {"gemeente": "0363", "aanbieder": "12345678", "productcodes": {"02": ["ABCDE", "02A16"]}}],
}
CANONIEK = {
    "tarieven": [{**TARIEF, "Eenheid": "01", "tarief": 0}, TARIEF, {**TARIEF, "aanbieder": "87654321"}],
    "gemeentecodes": ["0001", "0999"],
    "productcodes": {"02": ["02A16"], "45": ["45A01", "45A02"]},
    "productcodelijsten": [{"gemeente": "0363", "aanbieder": "12345678", "productcodes": {"02": ["02A16", "ABCDE"]}}],
}


async def put(client, body) -> tuple[int, dict]:
    response = await client.put("/beheer/contract", json=body)
    return response.status, await response.json(content_type=None)


async def get(client) -> dict:
    response = await client.get("/beheer/contract")
    assert response.status == 200
    return await response.json()


# ---------------------------------------------------------------------- the routes


async def test_contract_round_trip(gemeente):
    assert await get(gemeente) == LEEG
    assert await put(gemeente, CONTRACT) == (200, CANONIEK)
    assert await get(gemeente) == CANONIEK
    assert await put(gemeente, {"gemeentecodes": ["0999"]}) == (200, {**LEEG, "gemeentecodes": ["0999"]}), \
        "PUT replaces the whole contract"
    response = await gemeente.delete("/beheer/contract")
    assert (response.status, await response.json()) == (200, LEEG)
    assert await get(gemeente) == LEEG


async def test_contract_is_the_ketenconfig_of_both_standards(gemeente):
    from mockserver.appkeys import PARTNER

    partner = gemeente.server.app[PARTNER]
    before = partner.keten.voor("iWmo")
    await put(gemeente, CONTRACT)
    for standaard in ("iWmo", "iJw"):
        config = partner.keten.voor(standaard).config
        assert config.tarieven[("0363", "12345678", "02A16", "04")] == 5000
        assert config.gemeentecodes == frozenset({"0001", "0999"})
        assert config.productcodes == {"02": frozenset({"02A16"}), "45": frozenset({"45A01", "45A02"})}
        assert config.productcodes_voor("0363", "12345678") == {"02": frozenset({"02A16", "ABCDE"})}
        assert config.productcodes_voor("0363", "87654321") == config.productcodes
    assert partner.keten.voor("iWmo") is before, "the chain state itself is kept"
    await gemeente.delete("/beheer/contract")
    assert partner.keten.voor("iJw").config.tarieven == {} and partner.keten.voor("iJw").config.productcodes is None


def tarief(**velden) -> dict:
    return {"tarieven": [{**TARIEF, **velden}]}


ONGELDIG = [
    pytest.param([TARIEF], "JSON-object", id="geen-object"),
    pytest.param({"tarief": []}, "Onbekend veld in het contract: tarief", id="onbekend-veld"),
    pytest.param({"tarieven": TARIEF}, "tarieven: verwacht een lijst", id="tarieven-geen-lijst"),
    pytest.param({"tarieven": ["5000"]}, "tarieven[0]: een tarief is een object", id="tarief-geen-object"),
    pytest.param(tarief(prijs=1), "Onbekend veld in tarieven[0]: prijs", id="onbekend-tariefveld"),
    pytest.param({"tarieven": [{k: v for k, v in TARIEF.items() if k != "tarief"}]}, "tarieven[0]: tarief ontbreekt",
                 id="tarief-ontbreekt"),
    pytest.param(tarief(gemeente="363"), "tarieven[0].gemeente: verwacht een gemeentecode van 4 cijfers",
                 id="gemeente-3-cijfers"),
    pytest.param(tarief(gemeente=363), "gemeentecode van 4 cijfers (als tekst), niet 363", id="gemeente-getal"),
    pytest.param(tarief(aanbieder="1234567X"), "AGB-code van 8 cijfers", id="agb"),
    pytest.param(tarief(ProductCode="02A 16"), "ProductCode van 1 tot 5 tekens", id="productcode"),
    pytest.param(tarief(Eenheid="4"), "tarieven[0].Eenheid: verwacht een Eenheid-code van 2 cijfers", id="eenheid-1"),
    pytest.param(tarief(Eenheid=4), "Eenheid-code van 2 cijfers", id="eenheid-getal"),
    pytest.param(tarief(Eenheid="uur"), "Eenheid-code van 2 cijfers", id="eenheid-tekst"),
    pytest.param(tarief(tarief=-1), "tarieven[0].tarief: het tarief ligt tussen 0 en 99999999 eurocent, niet -1",
                 id="negatief"),
    pytest.param(tarief(tarief=100_000_000), "tussen 0 en 99999999", id="te-groot"),
    pytest.param(tarief(tarief=50.5), "geheel aantal eurocent, niet 50.5", id="breuk"),
    pytest.param(tarief(tarief="5000"), "geheel aantal eurocent", id="tarief-tekst"),
    pytest.param(tarief(tarief=True), "geheel aantal eurocent", id="tarief-bool"),
    pytest.param({"tarieven": [TARIEF, {**TARIEF, "tarief": 1}]}, "tarieven[1]: er is al een tarief voor gemeente "
                 "0363, aanbieder 12345678, ProductCode 02A16 en Eenheid 04", id="dubbel"),
    pytest.param({"gemeentecodes": "0363"}, "gemeentecodes: verwacht een lijst", id="gemeentecodes-tekst"),
    pytest.param({"gemeentecodes": ["36"]}, "gemeentecodes[0]: verwacht een gemeentecode", id="gemeentecode"),
    pytest.param({"productcodes": ["02A16"]}, "productcodes: een object van ProductCategorie", id="productcodes"),
    pytest.param({"productcodes": {"2": ["02A16"]}}, "een ProductCategorie van 2 cijfers", id="categorie"),
    pytest.param({"productcodes": {"02": "02A16"}}, "verwacht een lijst", id="codes-geen-lijst"),
    pytest.param({"productcodes": {"02": [216]}}, "productcodes['02'][0]: verwacht een ProductCode", id="code-getal"),
]


@pytest.mark.parametrize(("body", "detail"), ONGELDIG)
async def test_bad_contract_is_a_400_problem_and_changes_nothing(gemeente, body, detail):
    await put(gemeente, CONTRACT)
    status, problem = await put(gemeente, body)
    assert status == 400 and problem["title"] == "Ongeldig contract", problem
    assert detail in problem["detail"], problem["detail"]
    assert await get(gemeente) == CANONIEK


async def test_contract_body_must_be_json(gemeente):
    response = await gemeente.put("/beheer/contract", data=b"{tarieven", headers={"Content-Type": "application/json"})
    problem = await response.json(content_type=None)
    assert response.status == 400 and "geen geldige JSON" in problem["detail"]
    assert response.content_type == "application/problem+json"


# ---------------------------------------------------------------------- durable: restart and `serve --contract`


def test_serve_contract_option_and_restart_keep_the_contract(tmp_path):
    db, bestand = str(tmp_path / "k.sqlite"), tmp_path / "contract.json"
    bestand.write_text(json.dumps(CONTRACT), encoding="utf-8")
    with (tmp_path / "serve.err").open("w") as stderr:
        for extra, verwacht in (([], LEEG), (["--contract", str(bestand)], CANONIEK), ([], CANONIEK)):
            proc, kp = serve(db, stderr, *extra)
            try:
                assert kp.contract() == verwacht, extra
            finally:
                proc.kill()
                proc.wait(timeout=10)
        bestand.write_text(json.dumps({"gemeentecodes": ["0998"]}), encoding="utf-8")
        proc, kp = serve(db, stderr, "--contract", str(bestand))
        try:
            assert kp.contract() == {**LEEG, "gemeentecodes": ["0998"]}, "--contract replaces the stored contract"
            kp.clear_contract()
        finally:
            proc.kill()
            proc.wait(timeout=10)
        proc, kp = serve(db, stderr)
        try:
            assert kp.contract() == LEEG, "a cleared contract stays cleared"
        finally:
            proc.kill()
            proc.wait(timeout=10)


@pytest.mark.parametrize(("inhoud", "melding"), [
    ('{"tarieven": [{"Eenheid": "4"}]}', "tarieven[0]: gemeente, aanbieder, ProductCode, tarief ontbreekt"),
    ("{tarieven", "geen leesbaar JSON-bestand"),
])
def test_serve_refuses_a_bad_contract_file(tmp_path, inhoud, melding):
    bestand = tmp_path / "contract.json"
    bestand.write_text(inhoud, encoding="utf-8")
    cmd = [sys.executable, "-m", "ketenproef.cli", "serve", "--rol", "gemeente", "--poort", "0",
           "--db", ":memory:", "--contract", str(bestand)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and melding in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_replay_after_a_restart_uses_the_stored_contract(tmp_path):
    """The toewijzing is replayed into a Keten that has the contract: TR418 still rejects after the restart."""
    db = str(tmp_path / "k.sqlite")
    with Ketenpartner.start("gemeente", db=db, datum=DECLAREREN) as kp:
        g = Gesprek(kp, "WMO")
        g.stuur("301", data=toewijzing_301("WMO"))
        kp.set_contract(contract_voor(g))
    with Ketenpartner.start("gemeente", db=db, datum=DECLAREREN) as kp:
        g.kp = kp
        xml = g.xml("323", data=declaratie("WMO", prestatie("WMO", "P1", tarief=6000)))
        answer = kp.deliver(xml)
        assert answer["status"] == "afgekeurd", answer
        assert_iv087(kp.fetch(answer["retour_id"]), xml, "Prestatie", "0611", "P1")


# ---------------------------------------------------------------------- TR418 over HTTP


def contract_voor(g: Gesprek, tarief_: int = UUR) -> dict:
    """The conversation's aanbieder has a contract tariff for the 323's product in Eenheid 04 (uur)."""
    return {"tarieven": [{"gemeente": GEMEENTE, "aanbieder": g.agb, "ProductCode": PRODUCT_323[g.prefix][1],
                          "Eenheid": "04", "tarief": tarief_}]}


@pytest.fixture(scope="module")
def kp_gemeente():
    with Ketenpartner.start("gemeente", datum=DECLAREREN) as kp:
        yield kp


@pytest.mark.parametrize("prefix", ["WMO", "JW"])
def test_tr418_other_product_tarief_gets_0611(kp_gemeente, prefix):
    g = Gesprek(kp_gemeente, prefix)
    g.stuur("301", data=toewijzing_301(prefix))
    kp_gemeente.set_contract(contract_voor(g))
    xml = g.xml("323", data=declaratie(prefix, prestatie(prefix, "OK1", m=11), prestatie(prefix, "P1", tarief=6000),
                                       nummer="DNTR418"))
    answer = kp_gemeente.deliver(xml)
    assert answer["http_status"] == 202 and answer["status"] == "afgekeurd", answer
    rejecting = [(f["rule"], f["retourcode"], f["class"]) for f in answer["findings"] if f["level"] == "keten"]
    assert rejecting == [("TR418", "0611", "Prestatie")], answer["findings"]
    assert "contracttarief 5000 cent" in next(f["text"] for f in answer["findings"] if f["rule"] == "TR418")
    retour = kp_gemeente.fetch(answer["retour_id"])
    assert answer["retour_id"] in [m["id"] for m in kp_gemeente.mailbox(g.agb)]
    assert_iv087(retour, xml, "Prestatie", "0611", "P1")


@pytest.mark.parametrize("prefix", ["WMO", "JW"])
def test_tr418_contract_tarief_is_approved(kp_gemeente, prefix):
    g = Gesprek(kp_gemeente, prefix)
    g.stuur("301", data=toewijzing_301(prefix))
    kp_gemeente.set_contract(contract_voor(g, 6000))
    xml = g.xml("323", data=declaratie(prefix, prestatie(prefix, "P1", tarief=6000)))
    answer = kp_gemeente.deliver(xml)
    assert answer["status"] == "geaccepteerd" and not answer["findings"], answer
    codes = codes_325(kp_gemeente.fetch(answer["retour_id"]))
    assert not any("0611" in c for c in codes.values()), codes


def test_without_contract_tr418_is_not_assessed(kp_gemeente):
    g = Gesprek(kp_gemeente, "WMO")
    g.stuur("301", data=toewijzing_301("WMO"))
    kp_gemeente.clear_contract()
    answer = kp_gemeente.deliver(g.xml("323", data=declaratie("WMO", prestatie("WMO", "P1", tarief=6000))))
    assert answer["status"] == "geaccepteerd" and not answer["findings"], answer
