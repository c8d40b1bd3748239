"""The coverage page (coverage.html) as a release manager uses it, in a real headless browser: the verdict on top,
failed rules first with every failed scenario, filters, search, "niet gedekt" explained, links to the evidence.

The page comes from the real generator (``suite.coverage.schrijf``) over a report folder with result records and
Allure results shaped as a run writes them; one more test makes a small real run and follows its links. The
browser is Debian's chromium driven by Playwright (``make test`` installs both, see the Makefile); without them
the browser tests skip and say why."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from suite import coverage, dekking_bewijs

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KETENPROEF_CHROMIUM", "/usr/bin/chromium")
SUT = "referentie-aanbieder"
AANTAL_FOUTEN = 14  # more than the old page showed (12), so a hidden failure would show here


def record(titel: str, uitkomst: str, *tags: str, melding: str = "") -> dict:
    res = {"nodeid": f"features/test_functionaliteiten.py::test_{uuid.uuid4().hex[:8]}", "naam": titel,
           "titel": titel, "functionaliteit": "Declareren", "tags": [*tags, "iwmo"], "uitkomst": uitkomst,
           "sut": SUT, "standaard": "iWmo", "allure": str(uuid.uuid4())}
    return {**res, "melding": melding} if melding else res


def schrijf_run(map_: Path, resultaten: list[dict]) -> None:
    """The files a run leaves: its result records, and per scenario run an Allure result with a diagram and an
    exchange log (Allure names each file after a fresh uuid; the test case uuid is inside)."""
    (map_ / "resultaten").mkdir(parents=True)
    (map_ / "resultaten" / f"{SUT}.json").write_text(json.dumps(
        {"sut": SUT, "rol": "aanbieder", "seed": "7", "tijd": 1796650000.0, "selectie": "",
         "resultaten": resultaten}), encoding="utf-8")
    allure = map_ / "allure-results"
    allure.mkdir()
    for res in resultaten:
        svg, log = f"{uuid.uuid4()}-attachment.svg", f"{uuid.uuid4()}-attachment.json"
        (allure / svg).write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><text y="20">{res["titel"]}</text>'
                                  "</svg>", encoding="utf-8")
        (allure / log).write_text("[]", encoding="utf-8")
        (allure / f"{uuid.uuid4()}-result.json").write_text(json.dumps(
            {"uuid": res["allure"], "name": res["titel"], "fullName": f"declareren.feature:{res['titel']}",
             "parameters": [{"name": "standaard", "value": "iWmo"}, {"name": "systeem", "value": SUT}],
             "attachments": [{"name": "volgordediagram", "source": svg, "type": "image/svg+xml"},
                             {"name": "uitwisselingslog", "source": log, "type": "application/json"}]}),
            encoding="utf-8")


@pytest.fixture
def rapport(tmp_path: Path) -> Path:
    """TR342 fails in 14 scenario runs and passes in 3, TR019 passes, CD085 was only skipped, and TR337 (checked
    by a gemeente) has no scenario run in this aanbieder run."""
    resultaten = [record(f"Declaratie met fout {i}", "failed", "TR342", "WMO323", melding=f"bedrag {i} klopt niet")
                  for i in range(1, AANTAL_FOUTEN + 1)]
    resultaten += [record(f"Correcte declaratie {i}", "passed", "TR342", "WMO323") for i in range(3)]
    resultaten += [record("Start op een toewijzing", "passed", "TR019", "WMO305"),
                   record("Afwijzing met reden", "skipped", "CD085", "WMO317")]
    schrijf_run(tmp_path, resultaten)
    coverage.schrijf(tmp_path)
    return tmp_path


def test_the_matrix_keeps_its_fields_and_adds_verdict_reasons_and_evidence(rapport: Path):
    data = json.loads((rapport / "coverage.json").read_text(encoding="utf-8"))
    assert {"gegenereerd", "suts", "scenarios", "rules", "per_soort", "per_scope"} <= set(data)
    assert data["oordeel"] == "voldoet niet" and data["runs"][0]["seed"] == "7"
    assert data["uitvoeringen"] == {"totaal": 19, "geslaagd": 4, "gefaald": 14, "overgeslagen": 1}
    tr342 = data["rules"]["TR342"]
    assert tr342["verdict"] == "gefaald" and tr342["processen"][0] == "Declareren" and tr342["berichten"] == ["325"]
    for scen in tr342["scenarios"]:
        for pad in scen["bewijs"].values():
            assert (rapport / pad).is_file(), pad
    assert "overgeslagen" in data["rules"]["CD085"]["reden"]
    assert "gemeentesysteem" in data["rules"]["TR337"]["reden"], data["rules"]["TR337"]["reden"]


def test_a_generated_allure_report_gets_a_link_per_scenario_run(rapport: Path):
    """Allure 2 writes data/test-cases/<uid>.json with the fullName and parameter values of each result."""
    res = next((rapport / "allure-results").glob("*-result.json"))
    result = json.loads(res.read_text(encoding="utf-8"))
    cases = rapport / "allure-report" / "data" / "test-cases"
    cases.mkdir(parents=True)
    (cases / "4f2a9c.json").write_text(json.dumps({"uid": "4f2a9c", "fullName": result["fullName"],
                                                   "parameterValues": [SUT, "iWmo"]}), encoding="utf-8")
    links = dekking_bewijs.koppelingen(rapport, {result["uuid"]})
    assert links[result["uuid"]]["allure"] == "allure-report/index.html#testresult/4f2a9c"
    assert links[result["uuid"]]["resultaat"] == f"allure-results/{res.name}"


# ---------------------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright ontbreekt: pip install -e '.[dev]'")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"geen chromium op {CHROMIUM}: 'make test' installeert het als root met apt-get "
                    "(apt-get install chromium); zonder browser kan de dekkingspagina niet getest worden")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(java_script_enabled=True, offline=True)  # file:// only, no network
    page = context.new_page()
    fouten: list[str] = []
    page.on("pageerror", lambda exc: fouten.append(str(exc)))
    yield page
    context.close()
    assert not fouten, fouten


def zichtbare_regels(page) -> list[str]:
    return [r.get_attribute("data-regel") for r in page.locator("#alle-regels tr[data-regel]:visible").all()]


def test_verdict_on_top_and_every_failed_scenario_first(page, rapport: Path):
    page.goto((rapport / "coverage.html").as_uri())
    assert page.locator("#oordeel").inner_text() == "VOLDOET NIET"
    assert "seed 7" in page.locator(".systemen").inner_text()
    eerste = page.locator("section:visible h2").first
    assert eerste.inner_text() == "Gefaalde regels (1)"
    fout = page.locator("#fout-TR342")
    assert fout.locator("li").count() == AANTAL_FOUTEN
    for i in range(1, AANTAL_FOUTEN + 1):
        assert fout.locator("li .melding").get_by_text(f"bedrag {i} klopt niet", exact=True).is_visible()


def test_filters_and_search(page, rapport: Path):
    page.goto((rapport / "coverage.html").as_uri())
    alle = len(json.loads((rapport / "coverage.json").read_text(encoding="utf-8"))["rules"])
    assert page.locator("#aantal").inner_text() == f"{alle} van {alle} regels"
    assert page.locator("details.proces[open]").count() == 1  # only the process with a failure is open

    page.select_option("#f-uitkomst", "gefaald")
    assert zichtbare_regels(page) == ["TR342"]
    assert page.locator("#aantal").inner_text() == f"1 van {alle} regels"

    page.click("#wis")
    page.fill("#zoek", "cd085")
    assert zichtbare_regels(page) == ["CD085"]
    assert "overgeslagen" in page.locator("tr[data-regel=CD085] td.reden").inner_text()
    assert page.locator("#gefaalde-regels").is_hidden()

    page.fill("#zoek", "TR337")
    assert "gemeentesysteem" in page.locator("tr[data-regel=TR337] td.reden").inner_text()

    page.click("#wis")
    page.select_option("#f-bericht", "305")
    page.select_option("#f-soort", "technische_regel")
    assert "TR019" in zichtbare_regels(page) and "TR342" not in zichtbare_regels(page)


def test_a_scenario_links_to_its_evidence(page, rapport: Path):
    page.goto((rapport / "coverage.html").as_uri())
    link = page.locator("#fout-TR342 li").first.get_by_role("link", name="diagram")
    link.click()
    page.wait_for_url("**/allure-results/*-attachment.svg")
    doel = Path(unquote(urlparse(page.url).path))
    assert doel.is_file() and doel.parent == rapport / "allure-results"
    assert "Declaratie met fout 1" in page.locator("svg").inner_html()


suiterun = pytest.mark.skipif(os.environ.get("KETENPROEF_ZELFTEST") == "0", reason="KETENPROEF_ZELFTEST=0")


@pytest.fixture(scope="module")
def echte_run(tmp_path_factory) -> Path:
    """A small real run: referentie-gemeente, the iWmo scenarios of TR413."""
    map_ = tmp_path_factory.mktemp("rapport")
    uit = subprocess.run([sys.executable, "-m", "suite.cli", "run", "--sut", "referentie-gemeente", "-m",
                          "TR413 and iwmo", "--rapport", str(map_)], cwd=ROOT, capture_output=True, text=True)
    assert uit.returncode == 0, uit.stdout[-2000:] + uit.stderr[-2000:]
    return map_


@suiterun
def test_a_real_run_records_the_allure_result_of_each_scenario_run(echte_run: Path):
    data = json.loads((echte_run / "coverage.json").read_text(encoding="utf-8"))
    runs = data["rules"]["TR413"]["scenarios"]
    assert runs and data["oordeel"] == "voldoet"
    for scen in runs:
        result = json.loads((echte_run / scen["bewijs"]["resultaat"]).read_text(encoding="utf-8"))
        assert result["uuid"] == scen["allure"] and result["name"] == scen["titel"]
        assert (echte_run / scen["bewijs"]["diagram"]).is_file() and (echte_run / scen["bewijs"]["log"]).is_file()


@suiterun
def test_the_page_of_a_real_run_opens_a_scenario_result(page, echte_run: Path):
    runs = json.loads((echte_run / "coverage.json").read_text(encoding="utf-8"))["rules"]["TR413"]["scenarios"]
    page.goto((echte_run / "coverage.html").as_uri())
    assert page.locator("#oordeel").inner_text() == "VOLDOET"
    page.fill("#zoek", "TR413")
    page.locator("tr[data-regel=TR413] button.toon-scenarios").click()
    lijst = page.locator("tr[data-regel=TR413] + tr.scenarios")
    assert lijst.locator("li").count() == len(runs)
    lijst.get_by_role("link", name="resultaat").first.click()
    page.wait_for_url("**/allure-results/*-result.json")
    assert Path(unquote(urlparse(page.url).path)).is_file()
