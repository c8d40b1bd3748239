"""``ketenproef run`` (the conformance suite against a system) and ``ketenproef suts`` (the built-in systems).

Registered through the entry-point group ``ketenproef.commands`` (one function per command name); also usable
as ``python -m suite.cli run ...``. ``run`` starts pytest in a subprocess per system, so every run has a fresh
interpreter (and xdist workers of its own), and leaves in the report folder: ``allure-results/``,
``junit.xml`` (all systems), ``coverage.json`` / ``coverage.html`` and, with the Allure command line on PATH,
``allure-report/``. Exit 0 when every scenario that applies to the system passed, 1 otherwise, 2 on misuse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REFERENTIE = ("referentie-aanbieder", "referentie-gemeente")
EXIT_OK, EXIT_GEFAALD, EXIT_GEBRUIK = 0, 1, 2
GEEN_TESTS = 5  # pytest: nothing collected / everything deselected


def features_dir() -> Path:
    """The feature files: the checkout's features/ or the copy packaged inside suite/_features."""
    hier = Path(__file__).resolve().parent
    for kandidaat in (hier.parent / "features", hier / "_features"):
        if kandidaat.is_dir():
            return kandidaat
    raise FileNotFoundError("geen features-map gevonden (features/ of suite/_features)")


# ------------------------------------------------------------------------------------------------------ run
def register_run(sub) -> None:
    p = sub.add_parser("run", help="voer de conformancesuite uit tegen een systeem",
                       description="Speel de ketenpartner tegen het systeem onder test en leg het bewijs vast.")
    p.add_argument("--sut", default="referentie", help="naam (ketenproef suts), 'referentie' (beide "
                   "referentiesystemen), http://..., cmd:PAD of handmatig:aanbieder|gemeente")
    p.add_argument("--rol", choices=("aanbieder", "gemeente"), help="rol van het systeem (nodig bij http/cmd)")
    p.add_argument("--rapport", help="map voor het bewijs (standaard reports/run-JJJJMMDD-HHMMSS)")
    p.add_argument("-m", dest="markers", metavar="TAGS", help="alleen scenario's met deze tags, bv. 'TR413 and ijw'")
    p.add_argument("--seed", help="zaad voor de synthetische clienten (standaard 1; bij een systeem van buiten, dat "
                                  "alles onthoudt, elke run een nieuw zaad uit de klok: het staat in de samenvatting)")
    p.add_argument("-n", dest="workers", metavar="WORKERS", help="parallel met pytest-xdist (aantal of 'auto')")
    p.add_argument("pytest_args", nargs=argparse.REMAINDER, help="verdere argumenten voor pytest (na --)")
    p.set_defaults(func=cmd_run)


def cmd_run(args) -> int:
    specs = list(REFERENTIE) if args.sut == "referentie" else [args.sut]
    rapport = Path(args.rapport or f"reports/run-{dt.datetime.now():%Y%m%d-%H%M%S}")
    _leeg(rapport)
    codes = {spec: _pytest(spec, args, rapport) for spec in specs}
    if any(code not in (0, 1, GEEN_TESTS) for code in codes.values()):
        print(f"ketenproef run: pytest kon niet draaien: {codes}", file=sys.stderr)
        return EXIT_GEBRUIK
    samenvoegen_junit(rapport)
    from suite import coverage

    matrix = coverage.schrijf(rapport) if (rapport / "resultaten").is_dir() else None
    _allure(rapport)
    _samenvatting(codes, rapport, matrix)
    if all(code == GEEN_TESTS for code in codes.values()):
        return EXIT_GEFAALD
    return EXIT_OK if all(code in (0, GEEN_TESTS) for code in codes.values()) else EXIT_GEFAALD


def zaad(spec: str, args) -> str:
    if args.seed:
        return str(args.seed)
    return "1" if _ingebouwd(spec) else dt.datetime.now().strftime("%Y%m%d%H%M%S")


def pytest_argumenten(spec: str, args, rapport: Path) -> list[str]:
    cmd = [sys.executable, "-m", "pytest", str(features_dir()), "-p", "suite.plugin", "-p", "no:allure_pytest",
           "-p", "no:cacheprovider", "--strict-markers", "-q", "--sut", spec, "--rapport", str(rapport),
           "--seed", zaad(spec, args), f"--junitxml={rapport / ('junit-' + _bestand(spec) + '.xml')}"]
    if args.rol:
        cmd += ["--rol", args.rol]
    if args.markers:
        cmd += ["-m", args.markers]
    if args.workers and _ingebouwd(spec):
        cmd += ["-n", str(args.workers)]
    extra = [a for a in (args.pytest_args or []) if a != "--"]
    return cmd + extra


def _ingebouwd(spec: str) -> bool:
    """Built-in systems run in parallel; a vendor's system has one configuration, so one ketenpartner."""
    from sut.registry import systems

    return {s.strip() for s in spec.split(",")} <= {s.name for s in systems()}


def _pytest(spec: str, args, rapport: Path) -> int:
    cmd = pytest_argumenten(spec, args, rapport)
    print(f"ketenproef run: {spec} (seed {cmd[cmd.index('--seed') + 1]})", flush=True)
    return subprocess.run(cmd, check=False).returncode


def _bestand(spec: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in spec)[:60]


def _leeg(rapport: Path) -> None:
    """A run owns its report folder: earlier results in it are removed first."""
    for naam in ("allure-results", "allure-report", "resultaten"):
        shutil.rmtree(rapport / naam, ignore_errors=True)
    for pad in rapport.glob("junit*.xml"):
        pad.unlink()
    rapport.mkdir(parents=True, exist_ok=True)


def samenvoegen_junit(rapport: Path) -> Path | None:
    """One junit.xml with a <testsuite> per system (CI tools read the lot)."""
    delen = sorted(rapport.glob("junit-*.xml"))
    if not delen:
        return None
    alles = ET.Element("testsuites")
    for pad in delen:
        root = ET.parse(pad).getroot()
        for suite in ([root] if root.tag == "testsuite" else list(root)):
            suite.set("name", pad.stem.removeprefix("junit-"))
            alles.append(suite)
    for attr in ("tests", "failures", "errors", "skipped"):
        alles.set(attr, str(sum(int(s.get(attr, 0)) for s in alles)))
    uit = rapport / "junit.xml"
    ET.ElementTree(alles).write(uit, encoding="utf-8", xml_declaration=True)
    return uit


def _allure(rapport: Path) -> None:
    allure = shutil.which("allure")
    if allure and (rapport / "allure-results").is_dir():
        subprocess.run([allure, "generate", str(rapport / "allure-results"), "-o", str(rapport / "allure-report"),
                        "--clean"], check=False, stdout=subprocess.DEVNULL)


def _samenvatting(codes: dict[str, int], rapport: Path, matrix: dict | None) -> None:
    for spec, code in codes.items():
        oordeel = {0: "voldoet", 1: "VOLDOET NIET", GEEN_TESTS: "geen scenario's van toepassing"}.get(code, code)
        print(f"  {spec}: {oordeel}")
    if matrix:
        telling = {v: sum(1 for r in matrix["rules"].values() if r["verdict"] == v)
                   for v in ("geslaagd", "gefaald", "niet gedekt", "niet toetsbaar")}
        print(f"  regels: {telling['geslaagd']} geslaagd, {telling['gefaald']} gefaald, "
              f"{telling['niet gedekt']} niet gedekt, {telling['niet toetsbaar']} niet toetsbaar (coverage.html)")
    print(f"  bewijs: {rapport}")


# ----------------------------------------------------------------------------------------------------- suts
def register_suts(sub) -> None:
    p = sub.add_parser("suts", help="de ingebouwde systemen (referentiesystemen en kapotte varianten)")
    p.add_argument("--json", action="store_true", help='[{"name", "role", "broken", "defect"}]')
    p.set_defaults(func=cmd_suts)


def cmd_suts(args) -> int:
    from sut.registry import systems

    lijst = [{"name": s.name, "role": s.role, "broken": s.broken, "defect": s.defect} for s in systems()]
    if args.json:
        print(json.dumps(lijst, ensure_ascii=False, indent=1))
        return EXIT_OK
    for s in lijst:
        soort = "kapot" if s["broken"] else "referentie"
        print(f"{s['name']:45} {s['role']:9} {soort:10} {s['defect'] or ''}")
    return EXIT_OK


def register(sub) -> None:
    """Both commands at once (for a single entry point)."""
    register_run(sub)
    register_suts(sub)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m suite.cli")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
