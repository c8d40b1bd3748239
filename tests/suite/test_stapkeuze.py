"""suite.stapkeuze: a step's definition remembered per step text gives exactly what pytest-bdd itself finds."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

from suite import stapkeuze

ROOT = Path(__file__).resolve().parents[2]


def test_pytest_bdd_still_has_the_lookup_that_is_remembered():
    """If pytest-bdd renames its lookup the suite still runs (with pytest-bdd's own), but this says so."""
    assert stapkeuze.installeer()
    assert importlib.import_module("pytest_bdd.scenario").find_fixturedefs_for_step._ketenproef


def test_every_remembered_step_definition_is_the_one_pytest_bdd_finds(tmp_path):
    """Part of the suite, both roles, with every remembered answer checked against pytest-bdd's own lookup."""
    cmd = [sys.executable, "-m", "pytest", str(ROOT / "features"), "-p", "suite.plugin", "-p", "no:cacheprovider",
           "-p", "no:allure_pytest", "-p", "no:hypothesispytest", "-q", "-n", "0", "--sut",
           "referentie-aanbieder,referentie-gemeente", "--rapport", str(tmp_path), "-k",
           "verwijder or productperiode"]
    env = {**os.environ, stapkeuze.CONTROLE: "controle"}
    proces = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert proces.returncode == 0, proces.stdout[-3000:]
    assert " passed" in proces.stdout and "StapkeuzeError" not in proces.stdout
