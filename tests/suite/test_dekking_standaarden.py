"""A rule that a role checks in the scenarios of one standard, and that the register says holds for both
standards, has a scenario for that role in each of them: otherwise a run of the other standard leaves the rule
"niet gedekt" although the suite could test it (CD005, CD009, CD034 and CS050 on an incoming 301 had only iWmo
scenarios). Read from the feature files as the coverage page reads them (``suite.dekking_uitleg``): each
Voorbeelden block counts as a scenario of its own; a scenario without a role tag holds for both roles."""

from __future__ import annotations

from ketenproef import corpus
from suite import dekking_uitleg, tags

# (rule, role) -> why the suite tests it in one standard only. Only tags on a whole casus (a worked case from the
# Zorginstituut's webinar, written for one standard) belong here; every single-message rule gets a _fail example
# in both standards (tools/voorbeelden/*.py, then `python -m suite.genereer`).
ALLEEN_EEN_STANDAARD = {
    # Casus Geertje (iWmo, inspanningsgericht) carries IV075 on the whole feature; the casus exists for iWmo only.
    ("IV075", "aanbieder"): "alleen in de casus Geertje (iWmo); de casus is er alleen voor iWmo",
    ("IV075", "gemeente"): "alleen in de casus Geertje (iWmo); de casus is er alleen voor iWmo",
    # Casus Noor (iJw, outputgericht) carries these process rules on the whole feature; the suite has no
    # outputgerichte iWmo casus, and the register calls them not technically testable in a message.
    ("OP263", "aanbieder"): "alleen in de casus Noor (iJw, outputgericht); geen outputgerichte iWmo-casus",
    ("OP263", "gemeente"): "alleen in de casus Noor (iJw, outputgericht); geen outputgerichte iWmo-casus",
    ("OP264", "aanbieder"): "alleen in de casus Noor (iJw, outputgericht); geen outputgerichte iWmo-casus",
    ("OP264", "gemeente"): "alleen in de casus Noor (iJw, outputgericht); geen outputgerichte iWmo-casus",
    # The timeliness of the 305 is the aanbieder's duty, tested for an aanbieder in both standards
    # (start_en_stop_zorg.feature); a gemeente system meets OP271 only in the casus Noor (iJw).
    ("OP271", "gemeente"): "voor een gemeente alleen in de casus Noor (iJw); de aanbieder wordt in beide getoetst",
}


def gaten() -> dict[tuple[str, str], list[str]]:
    """(rule, role) -> the register's standards that have no scenario for that role, where another has one."""
    register = corpus.rule_register()
    out = {}
    for rule_id, scenarios in dekking_uitleg.scenarios_per_regel().items():
        for rol in tags.ROLLEN:
            eigen = [s for s in scenarios if not s.rollen or rol in s.rollen]
            gedekt = {std for s in eigen for std in s.standaarden}
            mist = [std for std in register[rule_id]["standaarden"] if std not in gedekt]
            if gedekt and mist:
                out[(rule_id, rol)] = mist
    return out


def test_a_rule_a_role_checks_has_a_scenario_in_each_standard_that_has_it():
    open_ = {k: v for k, v in gaten().items() if k not in ALLEEN_EEN_STANDAARD}
    regels = [f"{rule_id} ({rol}): geen scenario voor {', '.join(mist)}"
              for (rule_id, rol), mist in sorted(open_.items())]
    assert not regels, "regel in de ene standaard wel, in de andere niet getoetst:\n" + "\n".join(regels)


def test_the_allow_list_names_only_real_gaps():
    """An entry whose gap has been closed (or whose rule left the register) must go."""
    verouderd = sorted(set(ALLEEN_EEN_STANDAARD) - set(gaten()))
    assert not verouderd, f"niet meer nodig in ALLEEN_EEN_STANDAARD: {verouderd}"


def test_the_ijw_301_rules_of_the_aanbieder_are_covered():
    """The defect that led to this check: CD005, CD009, CD034, CS050 had no iJw scenario for an aanbieder."""
    per_regel = dekking_uitleg.scenarios_per_regel()
    for rule_id in ("CD005", "CD009", "CD034", "CS050"):
        assert any("aanbieder" in s.rollen and "iJw" in s.standaarden for s in per_regel.get(rule_id, ())), rule_id
