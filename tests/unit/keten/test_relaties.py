"""OP071 (ketenproef/rules/keten_toewijzing.py, ledger ketenproef/keten/relaties.py): a Relatie keeps its Nummer,
and a Nummer keeps its person, per gemeente and client. Advice: no retourcode."""

from __future__ import annotations

import pytest

from ketenproef.keten.relaties import Part as Relaties
from ketenproef.rules.registry import get
from tests.unit.keten import ANDERE_BSN, PREFIXES, Proef, register_entry

BOTH = pytest.mark.parametrize("prefix", PREFIXES)


def relatie(nummer: int, achternaam: str = "Jansen", soort: str = "10", voorletters: str = "J") -> dict:
    return {"Nummer": nummer, "Soort": soort,
            "Naam": {"Geslachtsnaam": {"Achternaam": achternaam}, "Voorletters": voorletters, "NaamGebruik": "1"},
            "Contact": {"Soort": "02", "Telefoon": {"Telefoon01": {"Telefoonnummer": "0612345678",
                                                                  "Landnummer": "0031"}}}}


def met_relaties(*relaties: dict, bsn: str | None = None):
    def wijzig(data: dict) -> None:
        data["Client"]["Relaties"] = list(relaties)
        if bsn:
            data["Client"]["Bsn"] = bsn
    return wijzig


def test_registration_matches_register():
    rule, entry = get("OP071"), register_entry("OP071")
    assert (rule.retourcode, rule.scope, set(rule.berichten)) == (entry["retourcode"], "chain", {"301"})


@BOTH
def test_same_person_same_number_is_fine(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}301", met_relaties(relatie(1), relatie(2, "Pietersen", "12", "P")))
    proef.stuur(f"{prefix}301", met_relaties(relatie(2, "Pietersen", "12", "P"), relatie(1)))


@BOTH
def test_a_person_keeps_its_number(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}301", met_relaties(relatie(1)))
    report = proef.verwacht(f"{prefix}301", met_relaties(relatie(2)), "OP071", klasse="Relatie")
    assert "had eerder Nummer 1, nu 2" in report.findings[0].text


@BOTH
def test_a_number_keeps_its_person(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}301", met_relaties(relatie(1)))
    report = proef.verwacht(f"{prefix}301", met_relaties(relatie(1, "Pietersen")), "OP071")
    assert "stond eerder voor J Jansen" in report.findings[0].text


@BOTH
def test_one_number_for_two_people_in_one_message_is_tr101(prefix):
    proef = Proef()
    report = proef.beoordeel(f"{prefix}301", proef.bericht(f"{prefix}301", met_relaties(relatie(1),
                                                                                       relatie(1, "Pietersen"))))
    assert {f.rule for f in report.findings} == {"TR101"}


@BOTH
def test_numbers_are_per_client(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}301", met_relaties(relatie(1)))
    proef.stuur(f"{prefix}301", lambda d: (met_relaties(relatie(1, "Pietersen"), bsn=ANDERE_BSN)(d),
                                           d["Client"]["ToegewezenProducten"][0].update(ToewijzingNummer=586999)))


@BOTH
def test_a_rejected_client_is_not_recorded(prefix):
    proef = Proef()
    report = proef.beoordeel(f"{prefix}301", proef.bericht(f"{prefix}301", met_relaties(relatie(1))))
    proef.keten.apply(report.bericht, {"/Bericht/Client"})
    assert proef.keten.part(Relaties).bekend(report.bericht.header.findtext("{*}Afzender"), "999999990") == {}
    proef.stuur(f"{prefix}301", met_relaties(relatie(1, "Pietersen")))
