"""Mutants (sut/mutanten.py): derived from the rule registry, each the reference system of a role with exactly
one rule switched off, found by name like any built-in system but not listed by ``ketenproef suts``."""

from __future__ import annotations

import pytest

from ketenproef import corpus
from ketenproef.rules import registry
from sut import mutanten
from sut.registry import info, open_sut, systems
from tests.sut.helpers import nieuwe_regel

FAIL = corpus.corpus_dir() / "voorbeelden" / "personen" / "CS050_WMO301_fail.xml"


def test_every_registered_check_has_a_mutant_for_each_role_that_sends_or_receives_its_messages():
    ids = {r.id for r in registry.rules()}
    berekeningen = {i for i, e in corpus.rule_register().items() if e.get("berekening")}  # calculations, no check
    for rol in mutanten.ROLLEN:
        assert set(mutanten.regels(rol)) <= ids | berekeningen
    beide = set(mutanten.regels("aanbieder")) | set(mutanten.regels("gemeente"))
    assert beide == ids | berekeningen  # every message has a sender and a receiver among the two roles
    assert len(mutanten.alle()) == len(mutanten.regels("aanbieder")) + len(mutanten.regels("gemeente"))


def test_a_newly_registered_rule_gets_its_mutants_by_itself():
    with nieuwe_regel("TR999"):
        assert "TR999" in mutanten.regels("aanbieder") and "TR999" in mutanten.regels("gemeente")
        assert info("mutant-gemeente-TR999").rules == ("TR999",)
    assert "TR999" not in mutanten.regels("gemeente")


def test_a_register_entry_marked_as_calculation_yields_a_mutant_for_the_role_that_sends_its_message(monkeypatch):
    """IV079 and the like are no registered check; ``"berekening": true`` in the register gives them a mutant of the
    sender only (the receiver does not calculate them)."""
    register = dict(corpus.rule_register())
    register["IV998"] = {**register["IV079"], "id": "IV998", "berichten": ["301"]}  # a 301 is sent by the gemeente
    monkeypatch.setattr(corpus, "rule_register", lambda: register)
    mutanten._regels_per_rol.cache_clear()
    try:
        assert "IV998" in mutanten.regels("gemeente") and "IV998" not in mutanten.regels("aanbieder")
        mutant = info("mutant-gemeente-IV998")
        assert mutant.rules == ("IV998",) and "verkeerd berekent" in mutant.defect
        assert open_sut("mutant-gemeente-IV998").zonder_regels == frozenset({"IV998"})
        register["IV998"] = {k: v for k, v in register["IV998"].items() if k != "berekening"}
        mutanten._regels_per_rol.cache_clear()
        assert "IV998" not in mutanten.regels("gemeente")  # unmarked and unregistered: no mutant
    finally:
        mutanten._regels_per_rol.cache_clear()
    assert {"IV077", "IV079", "IV089", "IV090"} <= set(mutanten.regels("aanbieder"))
    assert not {"IV077", "IV079", "IV089", "IV090"} & set(mutanten.regels("gemeente"))


def test_a_mutant_drops_exactly_its_rule_from_its_judgement():
    referentie, mutant = open_sut("referentie-aanbieder"), open_sut("mutant-aanbieder-CS050")
    assert mutant.zonder_regels == frozenset({"CS050"}) and mutant.name == "mutant-aanbieder-CS050"
    data = FAIL.read_bytes()
    voor = referentie.valideer(data)
    na = mutant.valideer(data)
    assert "CS050" in {f.rule for f in voor.findings} and not voor.valid
    assert [f for f in voor.findings if f.rule != "CS050"] == na.findings
    assert na.valid


def test_mutants_are_found_by_name_but_not_listed():
    assert info("mutant-aanbieder-TR019").role == "aanbieder"
    assert info("mutant-aanbieder-XX999") is None and info("mutant-schrijver-TR019") is None
    assert not [s for s in systems() if s.name.startswith(mutanten.PREFIX)]
    with pytest.raises(ValueError, match="onbekend systeem"):
        open_sut("mutant-aanbieder-XX999")


def test_a_gemeente_mutant_of_a_325_rule_gets_a_wrong_variant_of_its_325_and_nothing_else():
    from lxml import etree

    from sut.verkeerd_325 import VERKEERD, MutantGemeente325

    assert isinstance(open_sut("mutant-gemeente-TR342"), MutantGemeente325)
    assert not isinstance(open_sut("mutant-gemeente-TR019"), MutantGemeente325)
    assert not isinstance(open_sut("mutant-aanbieder-TR342"), MutantGemeente325)
    assert set(VERKEERD) <= set(mutanten.regels("gemeente"))
    from ketenproef.bericht import text

    bron = corpus.corpus_dir() / "voorbeelden" / "casussen" / "geertje_03_WMO325.xml"  # fully approved (8001)
    assert VERKEERD["IV087"](etree.fromstring(bron.read_bytes()), None, None) is None  # then no 325 at all
    fout = VERKEERD["TR337"](etree.fromstring(bron.read_bytes()), None, None)
    assert text(fout[0], "DeclaratieIdentificatie/Identificatie") == "GEERTJE-03-R"  # its own identificatie
