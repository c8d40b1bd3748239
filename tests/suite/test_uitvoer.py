"""What ``ketenproef run`` prints: progress while it runs and a compact summary that names the rule.

The summary logic (first failed check per scenario, likely cause, rules that only failed on another rule) is
tested on records; the whole command runs twice as a vendor runs it, output piped (as in CI): against a broken
variant on a small selection and against a reference system. KETENPROEF_ZELFTEST=0 skips those runs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ketenproef import corpus
from suite import samenvatting, scherm
from sut.registry import systems

ROOT = Path(__file__).resolve().parents[2]
suiterun = pytest.mark.skipif(os.environ.get("KETENPROEF_ZELFTEST") == "0", reason="KETENPROEF_ZELFTEST=0")
# Every new start of this variant is a removal (TR063): the ketenpartner refuses it, so every scenario that needs
# a start fails on TR063 first, whatever rule it is about (OP288: the aanbieder stops after an intrekking).
VARIANT, SELECTIE, OORZAAK = "aanbieder-start-als-verwijdering", "TR063 or OP288", "TR063"
PYTEST_INTERN = ("Traceback", "_pytest", "def test_", "::", ".py:", "test_functionaliteiten", "[iwmo", "[ijw")
MAX_SAMENVATTING = 40


def record(naam: str, tags: list[str], melding: str, stap: str = "Dan keurt de ontvanger het bericht niet af",
           uitkomst: str = "failed", standaard: str = "iWmo") -> dict:
    return {"nodeid": f"features/x.py::{naam}[{standaard}]", "naam": naam, "titel": naam, "tags": tags,
            "uitkomst": uitkomst, "melding": melding, "stap": stap, "standaard": standaard, "sut": "s"}


KEURT_AF = "de ketenpartner keurt WMO305 RA1 van het systeem af: TR063 [9063] StartProduct verwijdert ... (TR063)."


def test_the_first_failed_check_is_the_rule_the_failure_names_then_own_retourcode_then_step():
    register = corpus.rule_register()
    assert samenvatting.oorzaak(record("a", ["OP288"], KEURT_AF), register) == "TR063"
    eigen = record("b", ["TR413", "OP155"], "het systeem keurde JW307 RA4 niet af met 9413; retourcodes: geen")
    assert samenvatting.oorzaak(eigen, register) == "TR413"
    stap = record("c", ["OP288"], "er is nog geen verzoek ingediend", stap="Als de gemeente trekt de toewijzing in")
    assert samenvatting.oorzaak(stap, register) == "stap: Als de gemeente trekt de toewijzing in"


def test_a_likely_cause_needs_most_of_several_failures():
    assert samenvatting.waarschijnlijke_oorzaak(["TR063"] * 3 + ["TR019"] * 2) == ("TR063", 3)
    assert samenvatting.waarschijnlijke_oorzaak(["TR063", "TR019", "TR413"]) is None
    assert samenvatting.waarschijnlijke_oorzaak(["TR063"] * 2) is None


def test_rules_that_only_failed_on_another_rule_are_grouped_under_it():
    gefaald = [record(f"stop {i}", ["OP288", "OP186"], KEURT_AF) for i in range(30)]
    gefaald += [record("start", ["TR063"], KEURT_AF), record("verzoek", ["TR374"], "het systeem keurde JW315 RA9 "
                                                                           "niet af met 9374; retourcodes: geen")]
    tekst = "\n".join(samenvatting.Mislukkingen(gefaald, meerdere=False).regels())
    assert "waarschijnlijke oorzaak: TR063 (retourcode 9063) - faalde als eerste controle in 31 van 32" in tekst
    assert "- TR063 (retourcode 9063): 1 gefaald: start (iWmo)" in tekst
    assert "- TR374 (retourcode 9374): 1 gefaald: verzoek (iWmo)" in tekst and "niet af met 9374" in tekst
    assert "ook gefaald, op TR063 (2 regels, met hun gefaalde scenario-uitvoeringen): OP186 (30), OP288 (30)" in tekst
    assert "stop 0 (iWmo); stop 1 (iWmo) en 28 meer" not in tekst  # the dragged-along rules get no detail block


def test_the_summary_stays_short_however_many_rules_fail():
    gefaald = [record(f"scenario {i}", [regel], f"de ketenpartner keurt iets af: {regel} [0001] fout {i}")
               for i, regel in enumerate(sorted(corpus.rule_register())[:120])]
    regels = samenvatting.regels({"s": 1}, Path("/tmp/rapport"), None, gefaald)
    assert len(regels) <= MAX_SAMENVATTING
    assert "en nog 114 gefaalde regels" in "\n".join(regels)


def test_events_come_line_by_line_and_silence_is_reported(tmp_path):
    lees, schrijf = os.pipe()
    try:
        stil = next(scherm.gebeurtenissen(lees, 0))
        os.write(schrijf, b'{"totaal": 2}\n{"uitkomst": "geslaagd", "tit')
        os.write(schrijf, b'el": "a"}\n')
    finally:
        os.close(schrijf)
    assert stil is None
    assert [g for g in scherm.gebeurtenissen(lees, 5) if g] == [{"totaal": 2}, {"uitkomst": "geslaagd", "titel": "a"}]
    os.close(lees)


def test_plain_progress_prints_a_line_per_tenth_with_counts(capsys):
    weergave = scherm.Regels("s")
    weergave.verwerk({"totaal": 20})
    for i in range(20):
        weergave.verwerk({"uitkomst": "gefaald" if i % 4 == 0 else "geslaagd", "titel": f"scenario {i}"})
    regels = capsys.readouterr().out.splitlines()
    assert regels[0] == "  s: 20 scenario-uitvoeringen"
    assert len(regels) == 11 and regels[-1].startswith("  s: 20/20 (15 geslaagd, 5 gefaald, 0 overgeslagen)")


def run(sut: str, rapport: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "suite.cli", "run", "--sut", sut, "--rapport", str(rapport), "-n", "2", *extra]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)  # stdout is a pipe, as in CI


def summary_of(stdout: str) -> list[str]:
    regels = stdout.splitlines()
    return regels[regels.index("Samenvatting"):]


@suiterun
def test_a_broken_variant_gets_a_short_summary_that_names_the_rule(tmp_path):
    assert OORZAAK in next(s for s in systems() if s.name == VARIANT).rules
    proces = run(VARIANT, tmp_path / "r", "-m", SELECTIE)
    assert proces.returncode == 1, proces.stdout[-3000:] + proces.stderr[-3000:]
    regels = summary_of(proces.stdout)
    tekst = "\n".join(regels)
    assert len(regels) <= MAX_SAMENVATTING, tekst
    assert f"{VARIANT}: VOLDOET NIET" in tekst
    assert re.search(rf"^  waarschijnlijke oorzaak: {OORZAAK} \(retourcode 9063\) - faalde als eerste controle in "
                     r"(\d+) van \1 gefaalde", tekst, re.M), tekst
    assert re.search(rf"^  - {OORZAAK} \(retourcode 9063\): \d+ gefaald: ", tekst, re.M), tekst
    assert re.search(r"^  ook gefaald, op TR063 \(\d+ regels.*OP288 \(\d+\)", tekst, re.M), tekst
    assert "van het systeem af: TR063 [9063] StartProduct" in tekst  # the first line of the failure, in Dutch
    assert not [woord for woord in PYTEST_INTERN if woord in proces.stdout + proces.stderr]
    assert "pytest-aanbieder-start-als-verwijdering.log" in tekst
    assert "suite/oordeel.py" in (tmp_path / "r" / "pytest-aanbieder-start-als-verwijdering.log").read_text()
    voortgang = [r for r in proces.stdout.splitlines() if re.match(rf"  {VARIANT}: \d+/\d+ \(", r)]
    assert voortgang and re.match(rf"  {VARIANT}: (\d+)/\1 \(\d+ geslaagd, \d+ gefaald, \d+ overgeslagen\)",
                                  voortgang[-1])


@suiterun
def test_a_reference_system_gets_a_passing_summary(tmp_path):
    proces = run("referentie-gemeente", tmp_path / "r", "-m", "TR413")
    assert proces.returncode == 0, proces.stdout[-3000:] + proces.stderr[-3000:]
    tekst = "\n".join(summary_of(proces.stdout))
    assert re.search(r"^  referentie-gemeente: voldoet - (\d+) scenario-uitvoeringen: \1 geslaagd, 0 gefaald", tekst,
                     re.M), tekst
    assert "gefaalde regels" not in tekst and "waarschijnlijke oorzaak" not in tekst
    assert not [woord for woord in PYTEST_INTERN if woord in proces.stdout + proces.stderr]


@suiterun
def test_an_unreachable_system_is_not_carried_out_rather_than_failed(tmp_path):
    import json
    import socket

    with socket.socket() as s:  # a port nobody listens on once this socket is closed
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    proces = run(f"http://127.0.0.1:{poort}", tmp_path / "r", "--rol", "gemeente", "-m", "TR413")
    assert proces.returncode == 1, proces.stdout[-3000:] + proces.stderr[-3000:]
    tekst = "\n".join(summary_of(proces.stdout))
    assert re.search(r": NIET UITGEVOERD .* (\d+) scenario-uitvoeringen: 0 geslaagd, 0 gefaald, \1 overgeslagen", tekst)
    assert "overgeslagen (" in tekst and "niet uitgevoerd: het systeem is niet bereikbaar" in tekst
    assert not [woord for woord in PYTEST_INTERN if woord in proces.stdout + proces.stderr]
    matrix = json.loads((tmp_path / "r" / "coverage.json").read_text(encoding="utf-8"))
    assert matrix["rules"]["TR413"]["verdict"] == "niet uitgevoerd"
    assert matrix["oordeel"] == "voldoet niet"
