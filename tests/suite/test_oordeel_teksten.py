"""The suite's failure texts a vendor can act on: a retour the ketenpartner could not pair with its heenbericht is
named (not "geen retour ontvangen"), the ketenpartner's verdicts are shown, and a rejected message of the system
names the rule, the element and the line. The log entries are shaped as GET /beheer/gesprekken/{bsn}/log gives
them."""

from __future__ import annotations

import pytest

from suite import oordeel
from suite.dossier import Dossier
from suite.gesprek import Uitkomst

MOCK, SUT = "G0363", "12345678"
HEEN_ID, HEEN_IDENT = 10, "KAB120000010"


class Partner:
    def __init__(self, logs: dict[str, list[dict]]) -> None:
        self.logs = logs

    def log(self, bsn: str) -> list[dict]:
        return self.logs.get(bsn, [])

    def wait_for_verdict(self, bericht_id: int, timeout: float) -> list[dict]:
        entry = next(e for entries in self.logs.values() for e in entries if e["id"] == bericht_id)
        return entry["oordelen"]


class Gesprek:
    """What ``suite.oordeel`` reads of a conversation: its dossier, the ketenpartner, the other clients."""

    deadline = 0.1

    def __init__(self, log: list[dict], onbekend: list[dict] | None = None) -> None:
        self.partner = Partner({"999999999": log, "onbekend": onbekend or []})
        self.anderen: list[Gesprek] = []
        self._log = log

    def dossier(self) -> Dossier:
        return Dossier(self._log, lambda _id: None)

    def vergeet(self) -> None:
        pass

    def heen(self, uitkomst: Uitkomst):
        return [r for r in self.dossier().regels if r.id in uitkomst.heen_ids]


def oordeel_(soort: str, goed: bool, detail: str, heen_id: int | None = HEEN_ID,
             retour_id: int | None = None) -> dict:
    return {"soort": soort, "goed": goed, "detail": detail, "heen_id": heen_id, "retour_id": retour_id}


NOOIT = oordeel_("nooit", False, "Geen JW302 ontvangen binnen 0.1 seconden.")


def heen_van_ketenpartner(*oordelen: dict) -> dict:
    return {"id": HEEN_ID, "richting": "uit", "message": "JW301", "soort": "heen", "identificatie": HEEN_IDENT,
            "referentie": None, "van": MOCK, "voor": SUT, "status": "verzonden", "grootte": 0, "heen_id": None,
            "bevindingen": [], "oordelen": list(oordelen)}


def retour_van_systeem(bericht_id: int, referentie: str, *oordelen: dict, heen_id: int | None = None,
                       message: str = "JW302") -> dict:
    return {"id": bericht_id, "richting": "in", "message": message, "soort": "retour",
            "identificatie": f"SUTR{bericht_id:06d}", "referentie": referentie, "van": SUT, "voor": MOCK,
            "status": "geaccepteerd", "grootte": 0, "heen_id": heen_id, "bevindingen": [], "oordelen": list(oordelen)}


def door_ketenpartner() -> Uitkomst:
    return Uitkomst("toewijzen", False, [HEEN_ID])


ONBEKEND = oordeel_("onbekend-bericht", False, "De ketenpartner verstuurde geen heenbericht met identificatie "
                    "KAB12000001O; JW302 verwijst naar een onbekend bericht.", heen_id=None, retour_id=11)


# ------------------------------------------------------------------------------ (a) a retour that was not paired
def test_a_retour_with_a_wrong_reference_is_named_with_what_was_wrong():
    gesprek = Gesprek([heen_van_ketenpartner(NOOIT), retour_van_systeem(11, "KAB12000001O", ONBEKEND)])
    with pytest.raises(AssertionError) as fout:
        oordeel.niet_afgekeurd(gesprek, door_ketenpartner())
    tekst = str(fout.value)
    assert "geen retour ontvangen" not in tekst
    assert "nooit: Geen JW302 ontvangen binnen 0.1 seconden." in tekst
    assert "JW302 SUTR000011" in tekst and "verwijst naar KAB12000001O in plaats van KAB120000010" in tekst
    assert "onbekend-bericht: De ketenpartner verstuurde geen heenbericht" in tekst


def test_a_retour_without_a_client_of_the_conversation_is_found_in_the_unknown_log():
    gesprek = Gesprek([heen_van_ketenpartner(NOOIT)], onbekend=[retour_van_systeem(11, "KAB12000001O", ONBEKEND)])
    for controle in (lambda: oordeel.niet_afgekeurd(gesprek, door_ketenpartner()),
                     lambda: oordeel.niet_afgekeurd(gesprek, door_ketenpartner(), streng=False),
                     lambda: oordeel.afgekeurd_met(gesprek, door_ketenpartner(), "9063"),
                     lambda: oordeel.zoals_correcte_ontvanger(gesprek, door_ketenpartner())):
        with pytest.raises(AssertionError) as fout:
            controle()
        assert "SUTR000011" in str(fout.value) and "onbekend-bericht" in str(fout.value), str(fout.value)
        assert "geen retour ontvangen" not in str(fout.value)


def test_a_retour_on_another_heenbericht_is_named_but_an_unrelated_one_is_not():
    dubbel = oordeel_("dubbel", False, "Er was al een JW302 op KAB120000009 ontvangen.", heen_id=9, retour_id=12)
    andere_partij = {**retour_van_systeem(13, "X", oordeel_("onbekend-bericht", False, "...", None, 13)),
                     "voor": "G9999"}
    eerder = retour_van_systeem(8, "Y", oordeel_("onbekend-bericht", False, "...", None, 8))
    gesprek = Gesprek([eerder, heen_van_ketenpartner(NOOIT), retour_van_systeem(12, "KAB120000009", dubbel,
                                                                                heen_id=9), andere_partij])
    with pytest.raises(AssertionError) as fout:
        oordeel.niet_afgekeurd(gesprek, door_ketenpartner())
    tekst = str(fout.value)
    assert "SUTR000012" in tekst and "verwijst naar KAB120000009" in tekst and "dubbel: Er was al" in tekst
    assert "SUTR000013" not in tekst and "SUTR000008" not in tekst


def test_without_any_retour_the_verdict_of_the_deadline_is_shown():
    gesprek = Gesprek([heen_van_ketenpartner(NOOIT)])
    with pytest.raises(AssertionError, match="niet zoals verwacht: nooit: Geen JW302 ontvangen"):
        oordeel.niet_afgekeurd(gesprek, door_ketenpartner())


# -------------------------------------------------------- (b), (d) the ketenpartner's verdicts on a paired retour
def test_a_wrong_dagtekening_fails_the_scenario_with_the_ketenpartners_text():
    tekst = "DagtekeningRetour 2027-12-07 in plaats van 2026-01-12 (de 'vandaag' van dit gesprek)"
    oordelen = [oordeel_("op-tijd", True, "Retour ontvangen binnen 5 seconden.", retour_id=11),
                oordeel_("juiste-codes", True, "De retourcodes per berichtklasse kloppen.", retour_id=11),
                oordeel_("verkeerde-dagtekening", False, tekst, retour_id=11)]
    gesprek = Gesprek([heen_van_ketenpartner(*oordelen), retour_van_systeem(11, HEEN_IDENT, *oordelen,
                                                                            heen_id=HEEN_ID)])
    with pytest.raises(AssertionError) as fout:
        oordeel.niet_afgekeurd(gesprek, door_ketenpartner())
    assert f"verkeerde-dagtekening: {tekst}" in str(fout.value)
    with pytest.raises(AssertionError, match="verkeerde-dagtekening"):
        oordeel.zoals_correcte_ontvanger(gesprek, door_ketenpartner())


# ---------------------------------------------------------------------- (c) a message of the system: element, line
BEVINDING = {"level": "keten", "rule": "TR063", "retourcode": "9063", "class": "StartProduct",
             "path": "/Bericht/Client/StartProducten/StartProduct[2]/ToewijzingNummer", "line": 41,
             "text": "StartProduct verwijdert een start die er niet is (TR063)."}


def heen_van_systeem(status: str, *bevindingen: dict) -> dict:
    return {"id": 20, "richting": "in", "message": "WMO305", "soort": "heen", "identificatie": "RA0000000001",
            "referentie": None, "van": SUT, "voor": MOCK, "status": status, "grootte": 0, "heen_id": None,
            "bevindingen": list(bevindingen), "oordelen": []}


def door_systeem() -> Uitkomst:
    return Uitkomst("start_zorg", True, [20])


def test_a_rejected_message_of_the_system_names_rule_element_and_line():
    advies = {**BEVINDING, "rule": "OP071", "retourcode": None, "level": "advies", "line": 7}
    gesprek = Gesprek([heen_van_systeem("afgekeurd", BEVINDING, advies)])
    with pytest.raises(AssertionError) as fout:
        oordeel.niet_afgekeurd(gesprek, door_systeem())
    assert ("de ketenpartner keurt WMO305 RA0000000001 van het systeem af: TR063 [9063] StartProduct verwijdert "
            "een start die er niet is (TR063). (bij /Bericht/Client/StartProducten/StartProduct[2]/ToewijzingNummer, "
            "regel 41)" in str(fout.value)), str(fout.value)
    assert "OP071" not in str(fout.value), "advice does not reject"


def test_a_message_that_must_be_refused_names_the_elements_the_ketenpartner_objected_to():
    gesprek = Gesprek([heen_van_systeem("afgekeurd", BEVINDING)])
    with pytest.raises(AssertionError) as fout:
        oordeel.voorkomen_of_afgekeurd(gesprek, door_systeem(), "9063")
    assert "bevindingen: TR063 [9063] StartProduct verwijdert een start die er niet is (TR063). (bij " \
           "/Bericht/Client/StartProducten/StartProduct[2]/ToewijzingNummer, regel 41)" in str(fout.value), \
        str(fout.value)
    zonder = Gesprek([heen_van_systeem("geaccepteerd")])
    with pytest.raises(AssertionError, match="niet af met 9063; retourcodes: geen; bevindingen: geen"):
        oordeel.afgekeurd_met(zonder, door_systeem(), "9063")


def test_a_message_that_must_not_go_through_fails_when_the_system_says_it_sent_it_elsewhere():
    """A sent message the ketenpartner filed under another conversation (or none) still went through."""
    gesprek = Gesprek([])
    verstuurd = Uitkomst("antwoord_verzoek", True, [], {"verstuurd": ["RA0000000009"]})
    with pytest.raises(AssertionError, match="meldt dat het RA0000000009 verstuurde, een bericht dat de ontvanger "
                                             "met 9355 moet afkeuren"):
        oordeel.voorkomen_of_afgekeurd(gesprek, verstuurd, "9355")
    oordeel.voorkomen_of_afgekeurd(gesprek, Uitkomst("antwoord_verzoek", True, [], {}), "9355")  # sent nothing
    oordeel.voorkomen_of_afgekeurd(gesprek, Uitkomst("antwoord_verzoek", True, geweigerd="TR355"), "9355")


def test_a_finding_without_an_element_still_reads():
    assert oordeel.bevinding({"rule": "XML", "retourcode": None, "path": None, "line": 3, "text": "kapot"}) == \
        "XML [-] kapot (bij regel 3)"
    assert oordeel.bevinding({"rule": "IDENT", "retourcode": None, "path": None, "line": None, "text": "x"}) == \
        "IDENT [-] x"
