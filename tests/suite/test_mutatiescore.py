"""``ketenproef zelftest`` (suite/zelftest.py): how a mutant's results become betrapt, gemist or equivalent, and a
real run of a few mutants as a vendor would start it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from suite import zelftest

ROOT = Path(__file__).resolve().parents[2]


def record(naam: str, tags: list[str], uitkomst: str, melding: str = "") -> dict:
    return {"naam": naam, "tags": tags, "uitkomst": uitkomst, "melding": melding}


def test_a_failing_scenario_of_its_rule_catches_a_mutant_and_a_failing_sample_is_reported_apart():
    plan = {"gemeente": ["mutant-gemeente-TR019"], "aanbieder": ["mutant-aanbieder-TR019", "mutant-aanbieder-TR063"]}
    resultaten = {
        "mutant-gemeente-TR019": [record("start onbekend", ["TR019", "iwmo"], "failed", "keurt niet af met 9019"),
                                  record("ander", ["TR302"], "failed")],
        "mutant-aanbieder-TR019": [record("start onbekend", ["TR019"], "passed")],
        "mutant-aanbieder-TR063": [],
    }
    uit = zelftest.beoordeel(plan, resultaten, {"TR063": {"aanbieder": "een reden"}})
    gemeente = uit["regels"]["TR019"]["gemeente"]
    assert gemeente == {"uitkomst": "betrapt", "scenarios": ["start onbekend"], "melding": "keurt niet af met 9019",
                        "breekt_ook": ["ander"]}
    assert uit["regels"]["TR019"]["aanbieder"]["uitkomst"] == "gemist"
    assert "slaagden toch" in uit["regels"]["TR019"]["aanbieder"]["reden"]
    assert uit["regels"]["TR063"]["aanbieder"] == {"uitkomst": "equivalent", "reden": "een reden", "breekt_ook": []}
    assert uit["score"] == {"betrapt": 1, "gemist": 1, "equivalent": 1}
    assert uit["per_familie"] == {"technische_regel": {"betrapt": 1, "gemist": 1, "equivalent": 1}}


def test_a_mutant_without_any_scenario_of_its_rule_is_gemist():
    uit = zelftest.beoordeel({"gemeente": ["mutant-gemeente-CS050"]}, {}, {})
    assert uit["regels"]["CS050"]["gemeente"]["reden"] == "geen scenario met deze regel voor deze rol"


def test_every_equivalence_reason_names_a_registered_rule_and_a_role():
    from sut import mutanten

    for regel, per_rol in zelftest.equivalent().items():
        for rol, reden in per_rol.items():
            assert regel in mutanten.regels(rol) and reden.strip(), (regel, rol)


@pytest.mark.skipif(os.environ.get("KETENPROEF_ZELFTEST") == "0", reason="KETENPROEF_ZELFTEST=0")
def test_a_zelftest_run_reports_per_rule_and_role(tmp_path):
    cmd = [sys.executable, "-m", "suite.cli", "zelftest", "--rol", "gemeente", "--regel", "TR019", "--json",
           "--rapport", str(tmp_path), "-n", "1"]
    proces = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    uit = json.loads(proces.stdout)
    assert uit == json.loads((tmp_path / "zelftest.json").read_text(encoding="utf-8"))
    gemeente = uit["regels"]["TR019"]["gemeente"]  # the gemeente must reject a start on an unknown toewijzing
    assert gemeente["uitkomst"] == "betrapt" and gemeente["scenarios"] and "9019" in gemeente["melding"]
    assert uit["score"] == {"betrapt": 1, "gemist": 0, "equivalent": 0} and proces.returncode == 0


def problemen() -> list[str]:
    """Every registered rule and role whose mutant is not caught in the last full zelftest and is neither
    equivalent (with a reason) nor a known open gap; and every listed gap that is caught by now."""
    from sut import mutanten

    score = zelftest.mutatiescore()
    if score is None:
        return ["suite/mutatiescore.json ontbreekt: draai ketenproef zelftest --leg-vast"]
    equiv, open_, uit = zelftest.equivalent(), zelftest.open_gaten(), []
    for rol in mutanten.ROLLEN:
        for regel in mutanten.regels(rol):
            uitkomst = score["regels"].get(regel, {}).get(rol)
            if uitkomst is None:
                uit.append(f"{mutanten.naam(rol, regel)} zit niet in de laatste zelftest: draai ketenproef zelftest "
                           "--leg-vast")
            elif uitkomst == "betrapt" and rol in open_.get(regel, []):
                uit.append(f"{regel} ({rol}) is betrapt: haal hem uit suite/mutanten_open.json")
            elif uitkomst != "betrapt" and rol not in equiv.get(regel, {}) and rol not in open_.get(regel, []):
                uit.append(f"{mutanten.naam(rol, regel)} wordt niet betrapt: geef de regel een scenario")
    return uit


def test_every_registered_rule_and_role_is_caught_equivalent_or_a_known_open_gap():
    """A newly registered rule fails the build until ``ketenproef zelftest --leg-vast`` shows its mutants caught
    (or equivalent, with a reason); a gap that got its scenario leaves the list of open gaps."""
    assert problemen() == []


def test_a_newly_registered_rule_without_a_zelftest_fails_the_build():
    from tests.sut.helpers import nieuwe_regel

    with nieuwe_regel("TR998"):
        assert any("mutant-gemeente-TR998 zit niet in de laatste zelftest" in p for p in problemen())
    assert problemen() == []


def test_the_score_file_counts_what_it_lists():
    score = zelftest.mutatiescore()
    geteld = {}
    for per_rol in score["regels"].values():
        for uitkomst in per_rol.values():
            geteld[uitkomst] = geteld.get(uitkomst, 0) + 1
    assert {k: v for k, v in score["score"].items() if v} == geteld


def test_the_coverage_page_shows_the_mutation_result_per_rule_and_the_score():
    from suite import coverage, dekking_pagina

    matrix = coverage.matrix([{**record("start onbekend", ["TR019", "iwmo"], "passed"), "nodeid": "f::x[iwmo]",
                               "sut": "referentie-gemeente"}])
    score = zelftest.mutatiescore()
    assert matrix["mutatiescore"]["score"] == score["score"]
    assert matrix["rules"]["TR019"]["mutatie"] == score["regels"]["TR019"]
    html = dekking_pagina.pagina(matrix)
    assert 'id="mutatiescore"' in html and f"{score['score']['betrapt']} van" in html
    assert "mutant: aanbieder " in html
