"""The conformance statement (``verklaring.json`` / ``verklaring.html``) and ``ketenproef verklaring controleer``.

The manifest, hashes and the check are tested on a temporary folder; one small real run (``ketenproef run`` on a
selection against a reference system) proves the statement is written last and that one changed byte of evidence
is found. KETENPROEF_ZELFTEST=0 skips that run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ketenproef import cli as ketenproef_cli
from ketenproef import corpus
from suite import cli as suite_cli
from suite import verklaring, verklaring_pdf

ROOT = Path(__file__).resolve().parents[2]
suiterun = pytest.mark.skipif(os.environ.get("KETENPROEF_ZELFTEST") == "0", reason="KETENPROEF_ZELFTEST=0")
SYSTEEM, SELECTIE = "referentie-gemeente", "TR413 and iwmo"


def scenario(naam: str, uitkomst: str, melding: str = "") -> dict:
    return {"naam": naam, "titel": naam, "sut": SYSTEEM, "uitkomst": uitkomst, "melding": melding}


MATRIX = {
    "oordeel": "voldoet niet",
    "runs": [{"sut": SYSTEEM, "rol": "gemeente", "seed": "7", "selectie": "TR413", "datum": "2026-12-07T10:00:00",
              "oordeel": "voldoet niet", "uitvoeringen": {"totaal": 3, "geslaagd": 2, "gefaald": 1,
                                                          "overgeslagen": 0}}],
    "rules": {"TR413": {"verdict": "gefaald", "titel": "Verzoek <om> toewijzing", "retourcode": "9413",
                        "scenarios": [scenario("goed", "passed"), scenario("fout", "failed", "keurde niet af")]},
              "TR019": {"verdict": "geslaagd", "titel": "x", "scenarios": [scenario("ok", "passed")]},
              "OP001": {"verdict": "niet toetsbaar", "titel": "y", "scenarios": []}},
    "per_uitkomst": {"gefaald": 1, "geslaagd": 1, "niet toetsbaar": 1},
    "uitvoeringen": {"totaal": 3, "geslaagd": 2, "gefaald": 1, "overgeslagen": 0},
}


@pytest.fixture
def map_(tmp_path: Path) -> Path:
    """A small report folder with a statement written over it."""
    m = tmp_path / "rapport"
    (m / "allure-results").mkdir(parents=True)
    (m / "junit.xml").write_bytes(b"<testsuites/>")
    (m / "allure-results" / "a-result.json").write_text('{"name": "a"}', encoding="utf-8")
    (m / "coverage.json").write_text("{}", encoding="utf-8")
    verklaring.schrijf(m, MATRIX, specs=[SYSTEEM], selectie="TR413", pdf=False)
    return m


def controleer(m: Path, capsys) -> tuple[int, list[str], str]:
    code = ketenproef_cli.main(["verklaring", "controleer", str(m)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


# ----------------------------------------------------------------------------------------------- manifest
def test_the_manifest_names_every_evidence_file_sorted_with_its_sha256_but_not_the_statement(map_):
    data = json.loads((map_ / "verklaring.json").read_text(encoding="utf-8"))
    assert list(data["manifest"]) == ["allure-results/a-result.json", "coverage.json", "junit.xml"]
    assert data["manifest"]["junit.xml"] == hashlib.sha256(b"<testsuites/>").hexdigest()
    assert data["eigen_sha256"] == {"verklaring.html": hashlib.sha256((map_ / "verklaring.html").read_bytes())
                                    .hexdigest()}
    assert data["pdf"] == "geen PDF gevraagd" and not (map_ / "verklaring.pdf").exists()


def test_the_report_folder_of_another_run_inside_is_not_evidence_of_this_one(map_, capsys):
    for naam in ("run-1/resultaten/s.json", "run-1/junit.xml", "run-2/verklaring.json", "run-2/coverage.json"):
        (map_ / naam).parent.mkdir(parents=True, exist_ok=True)
        (map_ / naam).write_text("{}", encoding="utf-8")
    (map_ / "los" / "resultaten.txt").parent.mkdir()
    (map_ / "los" / "resultaten.txt").write_text("x", encoding="utf-8")
    assert verklaring.bestanden(map_) == ["allure-results/a-result.json", "coverage.json", "junit.xml",
                                          "los/resultaten.txt"]
    code, regels, _ = controleer(map_, capsys)
    assert code == 1 and regels[:-1] == ["toegevoegd: los/resultaten.txt"]


def test_a_folder_hash_depends_on_names_and_contents_not_on_creation_order(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for m, volgorde in ((a, ("x", "y/z")), (b, ("y/z", "x"))):
        for naam in volgorde:
            (m / naam).parent.mkdir(parents=True, exist_ok=True)
            (m / naam).write_text(naam, encoding="utf-8")
    assert verklaring.map_hash(a) == verklaring.map_hash(b)
    (b / "x").write_text("X", encoding="utf-8")
    assert verklaring.map_hash(a) != verklaring.map_hash(b)
    (b / "x").write_text("x", encoding="utf-8")
    (b / "x").rename(b / "w")
    assert verklaring.map_hash(a) != verklaring.map_hash(b)


def test_the_statement_carries_the_facts_counts_and_failed_rules(map_):
    data = json.loads((map_ / "verklaring.json").read_text(encoding="utf-8"))
    assert data["oordeel"] == "voldoet niet"
    assert data["ketenproef"] == verklaring.ketenproef_versie() != ""
    assert data["corpus"]["sha256"] == verklaring.map_hash(corpus.corpus_dir())
    assert data["corpus"]["register_sha256"] == verklaring.sha256_bestand(
        corpus.corpus_dir() / "regels" / "register.json")
    assert data["selectie"] == "TR413" and data["datum"][:4].isdigit()
    [systeem] = data["systemen"]
    assert systeem["naam"] == SYSTEEM and systeem["seed"] == "7" and systeem["rol"] == "gemeente"
    assert systeem["versie"] == f"ketenproef {verklaring.ketenproef_versie()} (ingebouwd systeem)"
    assert data["regels"] == {"totaal": 3, "geslaagd": 1, "gefaald": 1, "niet uitgevoerd": 0, "niet gedekt": 0,
                              "niet toetsbaar": 1}
    [gefaald] = data["gefaalde_regels"]
    assert gefaald["id"] == "TR413" and gefaald["retourcode"] == "9413" and gefaald["gefaalde_uitvoeringen"] == 1
    assert gefaald["scenarios"] == [{"sut": SYSTEEM, "titel": "fout", "melding": "keurde niet af"}]


def test_the_version_of_a_system_from_outside_is_the_one_given_or_marked_missing(tmp_path):
    matrix = {"runs": [{"sut": "http://localhost:9000", "rol": "aanbieder"}], "rules": {}}
    gegeven = verklaring.verklaring(tmp_path, matrix, specs=["http://localhost:9000"], selectie=None,
                                    sut_versie="Zorgsys 4.2.1")
    assert gegeven["systemen"][0]["versie"] == "Zorgsys 4.2.1"
    zonder = verklaring.verklaring(tmp_path, matrix, specs=["http://localhost:9000"], selectie=None)
    assert zonder["systemen"][0]["versie"].startswith("niet opgegeven")
    assert zonder["oordeel"] == "voldoet niet"  # no verdict from the matrix is no conformance


def test_a_run_without_results_still_names_its_system_and_does_not_conform(tmp_path):
    data = verklaring.verklaring(tmp_path, None, specs=["cmd:/bin/true"], selectie=None)
    assert [s["naam"] for s in data["systemen"]] == ["cmd:/bin/true"]
    assert data["oordeel"] == "voldoet niet" and data["regels"]["totaal"] == 0


def test_a_system_of_the_run_without_results_makes_the_whole_run_not_conform(tmp_path):
    matrix = {"oordeel": "voldoet", "rules": {}, "runs": [{"sut": "referentie-aanbieder", "oordeel": "voldoet"}]}
    beide = ["referentie-aanbieder", "referentie-gemeente"]
    data = verklaring.verklaring(tmp_path, matrix, specs=beide, selectie=None)
    assert [(s["naam"], s["oordeel"]) for s in data["systemen"]] == [
        ("referentie-aanbieder", "voldoet"), ("referentie-gemeente", "voldoet niet")]
    assert data["oordeel"] == "voldoet niet"
    assert verklaring.verklaring(tmp_path, matrix, specs=beide[:1], selectie=None)["oordeel"] == "voldoet"


def test_the_page_puts_the_verdict_on_top_prints_on_a4_and_needs_no_script(map_):
    pagina = (map_ / "verklaring.html").read_text(encoding="utf-8")
    assert pagina.index("Oordeel: voldoet niet") < pagina.index("Gegevens van de run") < pagina.index("TR413")
    assert "@media print" in pagina and "size: A4" in pagina and "<script" not in pagina
    assert "Verzoek &lt;om&gt; toewijzing" in pagina and "keurde niet af" in pagina
    assert "allure-results/a-result.json" in pagina and verklaring.sha256_bestand(map_ / "junit.xml") in pagina
    assert '<html lang="nl">' in pagina


# -------------------------------------------------------------------------------------------------- check
def test_an_untouched_folder_passes_the_check(map_, capsys):
    code, regels, err = controleer(map_, capsys)
    assert code == 0 and err == ""
    assert len(regels) == 1 and regels[0].endswith("in orde, alle 3 bewijsbestanden, verklaring.html komen "
                                                   "overeen met verklaring.json (oordeel: voldoet niet)")


def test_one_changed_byte_is_reported_and_exits_1(map_, capsys):
    pad = map_ / "allure-results" / "a-result.json"
    inhoud = bytearray(pad.read_bytes())
    inhoud[2] ^= 1
    pad.write_bytes(bytes(inhoud))
    code, regels, _ = controleer(map_, capsys)
    assert code == 1
    assert regels[:-1] == ["gewijzigd: allure-results/a-result.json"] and "1 afwijking(en)" in regels[-1]


def test_a_removed_and_an_added_file_are_reported(map_, capsys):
    (map_ / "coverage.json").unlink()
    (map_ / "allure-results" / "extra.txt").write_text("erbij", encoding="utf-8")
    code, regels, _ = controleer(map_, capsys)
    assert code == 1
    assert regels[:-1] == ["toegevoegd: allure-results/extra.txt", "ontbreekt: coverage.json"]


def test_a_changed_or_removed_page_is_reported_too(map_, capsys):
    pagina = map_ / "verklaring.html"
    pagina.write_text(pagina.read_text(encoding="utf-8").replace("voldoet niet", "voldoet"), encoding="utf-8")
    code, regels, _ = controleer(map_, capsys)
    assert code == 1 and regels[:-1] == ["gewijzigd: verklaring.html"]
    pagina.unlink()
    code, regels, _ = controleer(map_, capsys)
    assert code == 1 and regels[:-1] == ["ontbreekt: verklaring.html"]


def test_a_pdf_the_statement_does_not_name_is_an_added_file(map_, capsys):
    (map_ / "verklaring.pdf").write_bytes(b"%PDF-1.4 nagemaakt")
    code, regels, _ = controleer(map_, capsys)
    assert code == 1 and regels[:-1] == ["toegevoegd: verklaring.pdf"]


def test_without_a_browser_there_is_no_pdf_and_the_statement_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("KETENPROEF_CHROMIUM", str(tmp_path / "geen-chromium"))
    (tmp_path / "junit.xml").write_bytes(b"<testsuites/>")
    data = verklaring.schrijf(tmp_path, MATRIX, specs=[SYSTEEM], selectie=None)
    assert data["pdf"].startswith("geen PDF: ") and "druk verklaring.html af" in data["pdf"]
    assert not (tmp_path / "verklaring.pdf").exists() and list(data["eigen_sha256"]) == ["verklaring.html"]


def test_the_pdf_is_a4_from_the_page_and_its_hash_is_checked(tmp_path, capsys):
    pytest.importorskip("playwright.sync_api", reason="Playwright ontbreekt: pip install -e '.[dev]'")
    if verklaring_pdf.chromium() is None:
        pytest.skip("geen chromium (apt-get install chromium): geen PDF te maken")
    (tmp_path / "junit.xml").write_bytes(b"<testsuites/>")
    data = verklaring.schrijf(tmp_path, MATRIX, specs=[SYSTEEM], selectie=None)
    pdf = tmp_path / "verklaring.pdf"
    assert data["pdf"] == "verklaring.pdf" and pdf.read_bytes().startswith(b"%PDF-")
    vakken = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert vakken and all(round(float(b)) == 595 and round(float(h)) == 842 for b, h in vakken)  # A4 in points
    assert data["eigen_sha256"]["verklaring.pdf"] == verklaring.sha256_bestand(pdf)
    assert controleer(tmp_path, capsys)[0] == 0
    inhoud = bytearray(pdf.read_bytes())
    inhoud[-10] ^= 1
    pdf.write_bytes(bytes(inhoud))
    code, regels, _ = controleer(tmp_path, capsys)
    assert code == 1 and regels[:-1] == ["gewijzigd: verklaring.pdf"]


@pytest.mark.parametrize("geval, melding", [
    ("bestaat niet", "bestaat niet; geef een rapportmap"),
    ("bestand", "is geen map; geef een rapportmap"),
    ("zonder verklaring", "geen verklaring.json in"),
    ("kapotte json", "is geen leesbaar JSON-bestand"),
    ("zonder manifest", "is geen verklaring van ketenproef"),
])
def test_wrong_usage_is_one_dutch_line_and_exit_2(tmp_path, capsys, geval, melding):
    m = tmp_path / "m"
    if geval == "bestand":
        m.write_text("x", encoding="utf-8")
    elif geval != "bestaat niet":
        m.mkdir()
        if geval == "kapotte json":
            (m / "verklaring.json").write_text('{"manifest": ', encoding="utf-8")
        elif geval == "zonder manifest":
            (m / "verklaring.json").write_text('{"oordeel": "voldoet"}', encoding="utf-8")
    code, regels, err = controleer(m, capsys)
    assert code == 2 and regels == []
    assert err.count("\n") == 1 and err.startswith("ketenproef verklaring: ") and melding in err, err
    assert "Traceback" not in err


def test_a_new_run_removes_an_earlier_statement_first(tmp_path):
    (tmp_path / "verklaring.json").write_text("{}", encoding="utf-8")
    (tmp_path / "verklaring.html").write_text("", encoding="utf-8")
    suite_cli._rapportmap(tmp_path)
    assert not list(tmp_path.glob("verklaring.*"))


# ---------------------------------------------------------------------------------------------- a real run
def ketenproef(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ketenproef.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    rapport = tmp_path_factory.mktemp("verklaring") / "rapport"
    return rapport, ketenproef("run", "--sut", SYSTEEM, "-m", SELECTIE, "--rapport", str(rapport),
                               "--sut-versie", "proef 1.0")


@suiterun
def test_a_run_writes_a_statement_of_its_own_evidence(run):
    rapport, proces = run
    assert proces.returncode == 0, proces.stdout[-3000:] + proces.stderr[-3000:]
    assert f"verklaring in {rapport / 'verklaring.html'}" in proces.stdout
    data = json.loads((rapport / "verklaring.json").read_text(encoding="utf-8"))
    assert data["oordeel"] == "voldoet" and data["selectie"] == SELECTIE
    assert [(s["naam"], s["versie"], s["seed"], s["oordeel"]) for s in data["systemen"]] == [
        (SYSTEEM, "proef 1.0", "1", "voldoet")]
    assert data["regels"]["geslaagd"] > 0 and data["regels"]["gefaald"] == 0 and data["gefaalde_regels"] == []
    coverage = json.loads((rapport / "coverage.json").read_text(encoding="utf-8"))
    assert data["regels"]["totaal"] == len(coverage["rules"])
    assert {"junit.xml", "coverage.json", "coverage.html", f"pytest-{SYSTEEM}.log"} <= set(data["manifest"])
    assert any(p.startswith("allure-results/") for p in data["manifest"])
    assert any(p.startswith("resultaten/") for p in data["manifest"])
    assert (rapport / "verklaring.pdf").is_file() == (data["pdf"] == "verklaring.pdf")


@suiterun
def test_the_check_accepts_a_fresh_run_and_finds_one_changed_byte(run, tmp_path):
    rapport, _ = run
    proces = ketenproef("verklaring", "controleer", str(rapport))
    assert proces.returncode == 0, proces.stdout + proces.stderr
    assert proces.stdout.count("\n") == 1 and "in orde" in proces.stdout
    kopie = tmp_path / "kopie"
    shutil.copytree(rapport, kopie)
    bewijs = kopie / "coverage.json"
    inhoud = bytearray(bewijs.read_bytes())
    inhoud[len(inhoud) // 2] ^= 1
    bewijs.write_bytes(bytes(inhoud))
    proces = ketenproef("verklaring", "controleer", str(kopie))
    assert proces.returncode == 1
    assert proces.stdout.splitlines()[0] == "gewijzigd: coverage.json"


# ---------------------------------------------------------------------------------------------- the command
def test_the_command_is_registered_with_dutch_help_and_the_run_knows_sut_versie(capsys):
    with pytest.raises(SystemExit) as exc:
        ketenproef_cli.main(["-h"])
    assert exc.value.code == 0 and "    verklaring" in capsys.readouterr().out
    for argv, begin in ((["verklaring", "-h"], "gebruik: ketenproef verklaring"),
                        (["verklaring", "controleer", "-h"], "gebruik: ketenproef verklaring controleer")):
        with pytest.raises(SystemExit) as exc:
            ketenproef_cli.main(argv)
        tekst = capsys.readouterr().out
        assert exc.value.code == 0 and tekst.startswith(begin) and "toon deze hulp en stop" in tekst, tekst
        assert not [w for w in ("usage:", "options:", "positional arguments") if w in tekst], tekst
    with pytest.raises(SystemExit) as exc:
        ketenproef_cli.main(["verklaring"])
    assert exc.value.code == 2
    assert "verplicht maar niet opgegeven: OPDRACHT" in capsys.readouterr().err
    args = ketenproef_cli.parser().parse_args(["run", "--sut", SYSTEEM, "--sut-versie", "Zorgsys 4.2"])
    assert args.sut_versie == "Zorgsys 4.2"
