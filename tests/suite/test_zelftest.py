"""The suite proves itself: it passes against both reference systems, and every deliberately broken variant
(``sut.registry.systems()``) fails the scenarios of the rules its defect breaks, and no others beyond those stated
and justified per variant (``ANDERE``).

Everything runs through ``python -m suite.cli run`` (a subprocess with two xdist workers), as a vendor would run
it; the broken variants of one role share a session (``--sut a,b,c``: every scenario once per variant) to save
the start-up cost. Results are read from the run's ``resultaten/*.json``. Set KETENPROEF_ZELFTEST=0 to skip.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sut.registry import systems
from tools.verzendregels import weigeringen

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.environ.get("KETENPROEF_ZELFTEST") == "0", reason="KETENPROEF_ZELFTEST=0")
# The variants need no Allure evidence; the reference run keeps the normal settings. No run waits on a retour
# deadline: the ketenpartner judges a missing retour as soon as the system says it has processed its mailbox
# (mockserver/oordelen.py ``sluit_na_postbus``), so a loaded machine cannot turn a correct retour into a late one.
SNEL = ["-p", "no:allure_pytest_bdd"]

# A defect in how a system builds every retour, or in a message every conversation needs, breaks nearly every
# scenario of its role: for these "only a few others" cannot hold, only "caught by the scenarios of its rules". So
# they run only those scenarios and a fixed sample (--alleen-eigen-regels), which keeps the self-test short.
DOORDRINGEND = {
    "aanbieder-retour-eigen-identificatie": "elke retour van het systeem verwijst naar een onbestaand bericht",
    "aanbieder-retour-keurt-alles-goed": "elke afkeur in een retour ontbreekt",
    "aanbieder-start-als-verwijdering": "elke start is een verwijdering",
    "aanbieder-stop-met-ingangsdatum": "elke stop verwijst naar een niet-bestaande start",
    "gemeente-retour-zonder-ketencontrole": "geen enkele ketenregel wordt nog toegepast",
    "gemeente-325-met-declaratieperiode": "elke afgekeurde prestatie komt verkeerd terug in het declaratie-antwoord",
}
# Broken variants skip their own validation before sending (sut/defecten.py), so they also send what the
# reference refuses only because it checks its messages itself: the rules of docs/VERZENDREGELS.md for their role
# (generated from the "gaat het bericht niet door" steps, tools/verzendregels.py). Those scenarios may fail too.
ZELF_WEIGEREN = {rol: {w.regel for w in weigeringen() if w.verzender == rol} for rol in ("aanbieder", "gemeente")}
# How many other scenario runs (both standards together) a variant may fail besides the scenarios of its own
# rules and of ZELF_WEIGEREN, and why. A variant not listed here may fail no other scenario at all: it has exactly
# one defect, and only the scenarios of that rule need the behaviour it breaks.
ANDERE = {
    "aanbieder-tweede-tijdelijke-stop": (2, "de definitieve stop na een tijdelijke stop (OP272) maakt deze variant "
                                            "tot een tweede tijdelijke stop, die de gemeente als dubbel weigert"),
    "aanbieder-vow-zonder-ongewijzigd": (2, "de gemeente kan een VOW pas in zijn geheel afwijzen als die VOW "
                                            "geldig is; deze variant laat de ongewijzigde producten weg (TR349)"),
    "gemeente-325-met-goedgekeurde-prestaties": (4, "in de casussen en bij de contracttarieven beoordeelt de "
                                                    "ketenpartner de 325 van het systeem; deze variant noemt "
                                                    "goedgekeurde prestaties erin"),
    "gemeente-toewijzingnummer-per-client": (4, "scenario's met twee clienten hebben per gemeente unieke "
                                                "ToewijzingNummers nodig (TR332); deze variant nummert per client"),
}
# The plain progress lines of ketenproef run (the summary after them stays in the run's log).
VOORTGANG = re.compile(r"  .+: (\d+/\d+ \(|\d+ scenario-uitvoeringen$|scenario's verzamelen)")
KAPOT = [s for s in systems() if s.broken]
PER_FAMILIE = 4  # mutants per rule family and role in the sample make test runs (all of them: ketenproef zelftest)


def steekproef() -> list[str]:
    """A fixed sample of mutants the last full zelftest caught (suite/mutatiescore.json), spread over the rule
    families: per role and family the first PER_FAMILIE by rule id. They run in the variants' sessions, each on
    the scenarios of its rule and a fixed sample of others (``--eigen-scenarios``)."""
    from ketenproef import corpus
    from suite.zelftest import mutatiescore
    from sut import mutanten

    score, register = mutatiescore() or {"regels": {}}, corpus.rule_register()
    gekozen: dict[tuple[str, str], list[str]] = {}
    for regel, per_rol in sorted(score["regels"].items()):
        for rol, uitkomst in sorted(per_rol.items()):
            groep = gekozen.setdefault((rol, register.get(regel, {}).get("soort", "")), [])
            if uitkomst == "betrapt" and len(groep) < PER_FAMILIE:
                groep.append(mutanten.naam(rol, regel))
    return [naam for groep in gekozen.values() for naam in groep]


MUTANTEN = steekproef()


def start(sut: str, rapport: Path, *extra: str) -> subprocess.Popen:
    """A run in the background; its progress lines (``ketenproef run`` into a file) land in ``<rapport>.log``."""
    cmd = [sys.executable, "-m", "suite.cli", "run", "--sut", sut, "--rapport", str(rapport), "-n", "2"]
    with open(rapport.with_suffix(".log"), "w", encoding="utf-8") as log:
        return subprocess.Popen([*cmd, "--", *extra] if extra else cmd, cwd=ROOT, stdout=log,
                                stderr=subprocess.STDOUT)


def volg(processen: dict[str, subprocess.Popen], basis: Path, toon, uiterlijk: float = 1800) -> dict[str, int]:
    """Wait for the runs (at most ``uiterlijk`` seconds, a safety net far above their minutes), passing on each of
    their progress lines (``toon``) so a CI log is never silent for long: ``ketenproef run`` writes one at every
    tenth of a run and after 20 s without one. Their exit codes."""
    gelezen = dict.fromkeys(processen, 0)
    einde = time.monotonic() + uiterlijk
    while True:
        klaar = all(p.poll() is not None for p in processen.values())
        for naam in processen:
            for regel in nieuwe_regels((basis / naam).with_suffix(".log"), gelezen, naam, alles=klaar):
                if VOORTGANG.match(regel):
                    toon(f"zelftest {naam}:{regel}")
        if klaar:
            return {naam: p.returncode for naam, p in processen.items()}
        if time.monotonic() > einde:
            for p in processen.values():
                p.kill()
            raise AssertionError(f"de zelftest-runs duurden langer dan {uiterlijk:.0f} s")
        time.sleep(1)


def nieuwe_regels(pad: Path, gelezen: dict[str, int], naam: str, alles: bool) -> list[str]:
    """The complete lines written to ``pad`` since the last call (everything once the writer is done)."""
    with open(pad, "rb") as log:
        log.seek(gelezen[naam])
        nieuw = log.read()
    if not alles:
        nieuw = nieuw[: nieuw.rfind(b"\n") + 1]
    gelezen[naam] += len(nieuw)
    return nieuw.decode("utf-8", errors="replace").splitlines()


def toon_buiten_capture(config: pytest.Config):
    """Print past pytest's capture: on an xdist worker that is the stderr it shares with the controller."""
    def toon(regel: str) -> None:
        with config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
            print(regel, file=sys.stderr, flush=True)
    return toon


def resultaten(rapport: Path) -> dict[str, list[dict]]:
    per_sut = {}
    for pad in (rapport / "resultaten").glob("*.json"):
        data = json.loads(pad.read_text(encoding="utf-8"))
        per_sut[data["sut"]] = data["resultaten"]
    return per_sut


def alle_runs(basis: Path, toon=print) -> dict[str, tuple[int, dict[str, list[dict]]]]:
    """All runs at once (the variants of a role share a session); they wait on sockets and deadlines a lot."""
    plannen = {"referentie": ("referentie", ())}
    for rol in ("aanbieder", "gemeente"):
        namen = ",".join([s.name for s in KAPOT if s.role == rol] + [m for m in MUTANTEN if f"-{rol}-" in m])
        if namen:
            doordringend = ",".join(s.name for s in KAPOT if s.role == rol and s.name in DOORDRINGEND)
            plannen[rol] = (namen, [*SNEL, "--eigen-scenarios", "--alleen-eigen-regels", doordringend])
    processen = {k: start(sut, basis / k, *extra) for k, (sut, extra) in plannen.items()}
    codes = volg(processen, basis, toon)
    return {k: (code, resultaten(basis / k)) for k, code in codes.items()}


@pytest.fixture(scope="session")
def runs(tmp_path_factory, worker_id, pytestconfig) -> dict[str, tuple[int, dict[str, list[dict]]]]:
    """Once per test session, also under xdist: the first worker runs the suite, the others read its results."""
    toon = toon_buiten_capture(pytestconfig)
    if worker_id == "master":
        return alle_runs(tmp_path_factory.mktemp("zelftest"), toon)
    gedeeld = tmp_path_factory.getbasetemp().parent / "zelftest"
    gedeeld.mkdir(exist_ok=True)
    uitkomst = gedeeld / "runs.json"
    with open(gedeeld / "slot", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if not uitkomst.exists():
            uitkomst.write_text(json.dumps(alle_runs(gedeeld, toon)), encoding="utf-8")
    return {k: (code, per_sut) for k, (code, per_sut) in json.loads(uitkomst.read_text(encoding="utf-8")).items()}


@pytest.fixture(scope="session")
def kapotte_runs(runs) -> dict[str, list[dict]]:
    return {sut: res for k, (_, per_sut) in runs.items() if k != "referentie" for sut, res in per_sut.items()}


def test_de_referentiesystemen_voldoen(runs):
    code, per_sut = runs["referentie"]
    gefaald = [r["naam"] for res in per_sut.values() for r in res if r["uitkomst"] == "failed"]
    assert code == 0 and not gefaald, f"de referentiesystemen falen: {gefaald[:10]}"
    assert set(per_sut) == {"referentie-aanbieder", "referentie-gemeente"}
    assert all(len(res) > 200 for res in per_sut.values())


@pytest.mark.parametrize("variant", KAPOT, ids=[s.name for s in KAPOT])
def test_een_kapotte_variant_wordt_betrapt(variant, kapotte_runs):
    resultaten = kapotte_runs.get(variant.name)
    assert resultaten, f"geen resultaten voor {variant.name}"
    gefaald = [r for r in resultaten if r["uitkomst"] == "failed"]
    for regel in variant.rules:
        raak = [r["naam"] for r in gefaald if regel in r["tags"]]
        assert raak, f"{variant.name}: geen falend scenario met @{regel}; gefaald: {[r['naam'] for r in gefaald]}"
    if variant.name in DOORDRINGEND:
        return
    verklaard = set(variant.rules) | ZELF_WEIGEREN[variant.role]
    overig = [f"{r['naam']}: {(r.get('melding') or '')[:200]}" for r in gefaald if not verklaard & set(r["tags"])]
    toegestaan, reden = ANDERE.get(variant.name, (0, "een enkel defect"))
    assert len(overig) <= toegestaan, (f"{variant.name} laat {len(overig)} andere scenario's falen (toegestaan "
                                       f"{toegestaan}: {reden}): {overig}")


@pytest.mark.parametrize("mutant", MUTANTEN)
def test_een_mutant_uit_de_steekproef_wordt_betrapt(mutant, kapotte_runs):
    """The sample of the mutation score in make test: caught by a scenario of its rule, and nothing else fails."""
    from sut import mutanten

    _, regel = mutanten.ontleed(mutant)
    resultaten = kapotte_runs.get(mutant)
    assert resultaten, f"geen resultaten voor {mutant}"
    gefaald = [r for r in resultaten if r["uitkomst"] == "failed"]
    assert [r for r in gefaald if regel in r["tags"]], f"{mutant} wordt niet betrapt: {len(resultaten)} scenario's"
    assert not [r["naam"] for r in gefaald if regel not in r["tags"]], f"{mutant} breekt ook andere scenario's"


def test_the_sample_spans_the_rule_families():
    from ketenproef import corpus

    register = corpus.rule_register()
    assert len(MUTANTEN) >= 20
    assert len({register[m.rsplit("-", 1)[1]]["soort"] for m in MUTANTEN}) >= 3


def test_every_stated_tolerance_belongs_to_a_variant():
    assert set(ANDERE) <= {s.name for s in KAPOT} - set(DOORDRINGEND)
