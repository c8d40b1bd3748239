"""The evidence of a run, read the way its readers read it: Allure (one test case per scenario run, attachments
that no Allure reader takes for a result, readable parameters, diagram titles in the scenario's words) and JUnit
for CI (the scenario's words with the example filled in, classname per feature and Regel, a testsuite per
system, no duplicate names).

One small run of ``ketenproef run`` against both reference systems: both standards, outline rows whose iWmo and
iJw blocks hold the same values (IV099), rows whose title names no column (TR321) and rows with a ``standaard``
column (TR018 in berichtregels). KETENPROEF_ZELFTEST=0 skips it, like the other suite runs.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from suite import diagram

ROOT = Path(__file__).resolve().parents[2]
SELECTIE = "TR018 or TR321 or IV099"
SYSTEMEN = {"referentie-aanbieder", "referentie-gemeente"}
SVG = "{http://www.w3.org/2000/svg}"
# The files Allure 2 reads from a results folder as results (allure2 and allure1 readers, and the junit-xml,
# xunit-xml, trx and xctest plugins of the command line); anything else is only an attachment.
ALLURE_RESULTAATBESTANDEN = ("*-result.json", "*-container.json", "*-testsuite.json", "*-testsuite.xml", "*.xml",
                             "*.trx", "*.xcresult")
PLACEHOLDER = re.compile(r"<[^<>\s][^<>]*>")

suiterun = pytest.mark.skipif(os.environ.get("KETENPROEF_ZELFTEST") == "0", reason="KETENPROEF_ZELFTEST=0")


def allure_leest_als_resultaat(naam: str) -> bool:
    return any(fnmatch.fnmatch(naam, patroon) for patroon in ALLURE_RESULTAATBESTANDEN)


@pytest.fixture(scope="module")
def rapport(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("bewijs")
    cmd = [sys.executable, "-m", "suite.cli", "run", "--sut", "referentie", "--rapport", str(map_), "-n", "2",
           "-m", SELECTIE]
    proces = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    assert proces.returncode == 0, proces.stdout[-3000:] + proces.stderr[-3000:]
    return map_


def scenario_runs(rapport: Path) -> list[dict]:
    runs = []
    for pad in (rapport / "resultaten").glob("*.json"):
        runs += json.loads(pad.read_text(encoding="utf-8"))["resultaten"]
    return runs


def allure_resultaten(rapport: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in (rapport / "allure-results").glob("*-result.json")]


def test_the_reader_patterns_catch_what_allure_took_for_a_result():
    assert allure_leest_als_resultaat("0b1c-attachment.xml")
    assert allure_leest_als_resultaat("0b1c-result.json")
    assert not allure_leest_als_resultaat("0b1c-attachment.xml.txt")
    assert not allure_leest_als_resultaat("0b1c-attachment.json")


def test_a_long_diagram_title_is_wrapped_not_cut_off():
    titel = "De ketenpartner legt vast of een verzoek om wijziging op tijd is beantwoord (beantwoord: 2026-01-20, " \
            "antwoord: afwijst met reden 2, oordeel: te laat, toelichting: ook een afwijzing valt onder de termijn)"
    root = ET.fromstring(diagram.svg([], titel, ondertitel="referentie-gemeente (gemeente), iJw 3.2"))
    regels = [t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert len(regels) > 1 and all(len(r) <= diagram.TEKENS_PER_REGEL for r in regels)
    assert " ".join(regels) == titel
    assert "referentie-gemeente (gemeente), iJw 3.2" in [t.text for t in root.iter(f"{SVG}text")]


@suiterun
def test_every_scenario_run_is_its_own_allure_test_case(rapport):
    runs, resultaten = scenario_runs(rapport), allure_resultaten(rapport)
    assert {r["sut"] for r in runs} == SYSTEMEN
    assert len(resultaten) == len(runs) > 40
    for sleutel in ("historyId", "testCaseId", "fullName"):
        dubbel = [k for k, n in Counter(r[sleutel] for r in resultaten).items() if n > 1]
        assert not dubbel, f"{sleutel} gedeeld: {dubbel[:3]}"


@suiterun
def test_parameters_are_readable_and_name_system_standard_and_row(rapport):
    for res in allure_resultaten(rapport):
        params = {p["name"]: p["value"] for p in res["parameters"]}
        assert params["systeem"] in SYSTEMEN and params["standaard"] in ("iWmo", "iJw"), params
        assert params["rol"] in ("aanbieder", "gemeente"), params
        for waarde in params.values():
            assert not re.fullmatch(r"(['\"]).*\1", waarde), f"Python-quotes in {params}"
    rijen = [r for r in allure_resultaten(rapport) if "reden wijziging" in {p["name"] for p in r["parameters"]}]
    assert {p["value"] for r in rijen for p in r["parameters"] if p["name"] == "standaard"} == {"iWmo", "iJw"}


@suiterun
def test_no_attachment_is_read_as_a_result(rapport):
    map_ = rapport / "allure-results"
    bijlagen = [a for res in allure_resultaten(rapport) for a in res.get("attachments", [])]
    assert any(a["type"] == "application/xml" for a in bijlagen)
    for bijlage in bijlagen:
        assert (map_ / bijlage["source"]).is_file(), bijlage
        assert not allure_leest_als_resultaat(bijlage["source"]), bijlage
    bijlagebestanden = {a["source"] for a in bijlagen}
    for pad in map_.iterdir():
        if allure_leest_als_resultaat(pad.name):
            assert pad.name not in bijlagebestanden and pad.name.endswith("-result.json"), pad.name


@suiterun
def test_the_diagram_title_is_the_scenario_in_its_own_words(rapport):
    for res in allure_resultaten(rapport):
        [svg] = [a["source"] for a in res["attachments"] if a["name"] == "volgordediagram"]
        root = ET.parse(rapport / "allure-results" / svg).getroot()
        titel = " ".join(t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold")
        assert titel == res["name"] and not PLACEHOLDER.search(titel)
        assert not titel.startswith("test_")


def junit_testcases(rapport: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(rapport / "junit.xml").getroot()
    return [(suite.get("name"), case) for suite in root.iter("testsuite") for case in suite.iter("testcase")]


def eigenschappen(case: ET.Element) -> dict[str, str]:
    return {p.get("name"): p.get("value") for p in case.iter("property")}


@suiterun
def test_junit_has_a_testsuite_per_system_and_no_duplicate_names(rapport):
    root = ET.parse(rapport / "junit.xml").getroot()
    assert sorted(s.get("name") for s in root.iter("testsuite")) == sorted(SYSTEMEN)
    cases = junit_testcases(rapport)
    assert len(cases) == len(scenario_runs(rapport))
    dubbel = [n for n, k in Counter(c.get("name") for _, c in cases).items() if k > 1]
    assert not dubbel, dubbel[:5]


@suiterun
def test_junit_names_are_the_scenario_words_with_the_example_filled_in(rapport):
    ingevuld = 0
    for systeem, case in junit_testcases(rapport):
        props = eigenschappen(case)
        naam = case.get("name")
        assert not PLACEHOLDER.search(naam) and not naam.startswith("test_"), naam
        assert naam.endswith(f" [{props['standaard']}, {systeem}]"), naam
        ingevuld += "<" in props["scenario"]
    assert ingevuld > 10  # the selection has outlines whose title names example columns
    namen = {c.get("name") for _, c in junit_testcases(rapport)}
    assert "De gemeente trekt in met reden wijziging 09 (Overstap naar andere aanbieder) " \
           "[iJw, referentie-gemeente]" in namen


@suiterun
def test_junit_classname_is_feature_and_regel(rapport):
    klassen = set()
    for _, case in junit_testcases(rapport):
        props = eigenschappen(case)
        feature, _, regel = case.get("classname").partition(".")
        assert f"{feature}.feature" == props["feature"] and regel == props["regel"], case.attrib
        klassen.add(case.get("classname"))
    assert len(klassen) >= 4
