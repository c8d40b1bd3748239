"""Verdicts a vendor can act on: a wrong retourcode names the rule it comes from and the line in the retour, a
retour dated by the machine's clock instead of the conversation's "vandaag" fails, and the findings on a message
of the system name its element and line."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from ketenproef import basis, factory, faults
from ketenproef.clock import FrozenClock
from ketenproef.retour import retour_for
from ketenproef.validate import validate
from tests.mockserver.api import Api
from tests.mockserver.helpers import BSN, DATUM, ReferenceSut, retour_tree, set_text

LATER = dt.date(2026, 1, 20)


async def send(api: Api, name: str, **extra) -> tuple[dict, bytes]:
    sent = await api.send(name, basis.basis(name), deadline_seconden=5, **extra)
    return sent, await api.fetch(sent["id"])


def verdicts(answer: dict) -> dict[str, dict]:
    return {v["soort"]: v for v in answer["oordelen"]}


# ---------------------------------------------------------------------------------------- (b) codes with rules
async def test_a_wrong_header_code_names_the_rule_behind_the_expected_code_and_the_line(gemeente):
    api = Api(gemeente)
    sent, heen = await send(api, "JW301", fout="einddatum-voor-ingangsdatum")
    assert sent["verwachte_retour"]["codes"] == {"/Bericht/Header": ["0001"]}
    bericht, tree = retour_tree(heen)
    wrong = faults.apply_to_retour("retourcode-verkeerd", tree, bericht, clock=FrozenClock(DATUM))[0]
    detail = verdicts(await api.deliver(wrong))["verkeerde-codes"]["detail"]
    regel = etree.fromstring(wrong)[0].sourceline  # the berichtklasse Header in the SUT's retour
    assert regel > 1 and f"/Bericht/Header (regel {regel}): verwacht 0001 (CS003), ontvangen 0200" in detail, detail


async def test_a_missing_code_on_a_body_class_names_its_rule(aanbieder):
    api = Api(aanbieder)
    _, heen = await send(api, "JW323")  # no toewijzing in the chain: the gemeente rejects the Prestatie (TR338)
    bericht, tree = retour_tree(heen, keten=ReferenceSut().keten)
    code = tree.xpath("//*[local-name()='Prestatie']/*[local-name()='RetourCodes']/*[local-name()='RetourCode']")
    assert [c.text for c in code] == ["9338"]
    code[0].text = "0200"
    wrong = factory.serialise(tree)
    detail = verdicts(await api.deliver(wrong))["verkeerde-codes"]["detail"]
    assert "Prestatie (regel" in detail and "verwacht 9338 (TR338), ontvangen 0200" in detail, detail
    assert "0200 (" not in detail, "a code no finding gives names no rule"


# ------------------------------------------------------------------------------- (d) DagtekeningRetour = vandaag
async def test_a_retour_dated_by_the_machine_clock_fails(gemeente):
    api = Api(gemeente)
    _, heen = await send(api, "JW301")
    _, tree = retour_tree(heen)
    answer = await api.deliver(set_text(tree, "Header/DagtekeningRetour", "2027-12-07"))
    wrong = verdicts(answer)["verkeerde-dagtekening"]
    assert not wrong["goed"]
    assert wrong["detail"] == ("DagtekeningRetour 2027-12-07 in plaats van 2026-01-14 (de 'vandaag' van dit "
                               "gesprek)")


async def test_the_conversations_own_date_counts_not_the_servers(gemeente):
    api = Api(gemeente)
    assert (await gemeente.put(f"/beheer/gesprekken/{BSN}/datum", json={"datum": LATER.isoformat()})).status == 200
    _, heen = await send(api, "JW301")
    report = validate(heen, clock=FrozenClock(LATER))
    right = factory.serialise(retour_for(report, clock=FrozenClock(LATER), identificatie="SUTR000001"))
    assert set(verdicts(await api.deliver(right))) == {"op-tijd", "juiste-codes"}
    _, heen = await send(api, "JW301")
    report = validate(heen, clock=FrozenClock(LATER))
    server_date = factory.serialise(retour_for(report, clock=FrozenClock(DATUM), identificatie="SUTR000002"))
    detail = verdicts(await api.deliver(server_date))["verkeerde-dagtekening"]["detail"]
    assert detail.startswith(f"DagtekeningRetour {DATUM} in plaats van {LATER}"), detail


async def test_a_325_is_judged_on_its_own_dagtekening(aanbieder):
    api = Api(aanbieder)
    _, heen = await send(api, "JW323")
    sut = ReferenceSut()
    right = sut.answer(heen)
    assert "verkeerde-dagtekening" not in verdicts(await api.deliver(right))
    _, heen = await send(api, "JW323")
    _, tree = retour_tree(heen, keten=sut.keten)
    wrong = verdicts(await api.deliver(set_text(tree, "Header/BerichtIdentificatie/Dagtekening", "2027-12-07")))
    assert wrong["verkeerde-dagtekening"]["detail"].startswith("Dagtekening 2027-12-07 in plaats van 2026-01-14")


# ------------------------------------------------------------------------ (c) findings: element and line number
async def test_findings_on_a_message_of_the_system_carry_the_element_and_its_line(gemeente):
    api = Api(gemeente)
    data = basis.basis("JW315", "SUT0315")
    product = data["Client"]["AangevraagdeProducten"][0]
    product["ToewijzingIngangsdatum"], product["ToewijzingEinddatum"] = dt.date(2026, 3, 1), dt.date(2026, 2, 1)
    xml = factory.to_bytes("JW315", data)
    answer = await api.deliver(xml)
    entry = next(e for e in await api.log(BSN) if e["id"] == answer["id"])
    rejecting = [b for b in entry["bevindingen"] if b["retourcode"]]
    assert rejecting, entry["bevindingen"]
    lines = xml.decode().splitlines()
    for b in rejecting:
        element = b["path"].rsplit("/", 1)[-1].split("[", 1)[0]
        assert b["path"].startswith("/Bericht/Client/AangevraagdeProducten") and b["line"], b
        assert f"{element}>" in lines[b["line"] - 1], (b, lines[b["line"] - 1])


# ------------------------------------------------ (a) the suite's text, on the ketenpartner's own exchange log
async def test_the_suite_names_the_retour_the_ketenpartner_could_not_pair(gemeente):
    from suite import oordeel
    from suite.gesprek import Uitkomst
    from tests.suite.test_oordeel_teksten import Gesprek

    api = Api(gemeente)
    sent = await api.send("JW301", basis.basis("JW301"), deadline_seconden=0.1)
    _, tree = retour_tree(await api.fetch(sent["id"]), identificatie="SUTR000777")
    answer = await api.deliver(set_text(tree, "Header/BerichtIdentificatie/Identificatie", "ONBEKEND0001"))
    assert answer["heen_id"] is None
    await api.verdicts(sent["id"])  # the deadline passed: 'nooit'
    gesprek = Gesprek(await api.log(BSN), await api.log("onbekend"))
    try:
        oordeel.niet_afgekeurd(gesprek, Uitkomst("toewijzen", False, [sent["id"]]))
    except AssertionError as exc:
        tekst = str(exc)
    else:
        raise AssertionError("a retour that answers nothing passed")
    assert "geen retour ontvangen" not in tekst and "nooit: Geen JW302 ontvangen" in tekst, tekst
    assert (f"wel ontving de ketenpartner JW302 SUTR000777 van het systeem, maar die verwijst naar ONBEKEND0001 in "
            f"plaats van {sent['identificatie']} (onbekend-bericht: ") in tekst, tekst
