"""``ketenproef run`` (the conformance suite against a system) and ``ketenproef suts`` (the built-in systems).

Registered through the entry-point group ``ketenproef.commands`` (one function per command name); also usable
as ``python -m suite.cli run ...``. ``run`` starts pytest in a subprocess, so every run has a fresh interpreter
(and xdist workers of its own); ``--sut referentie`` runs both reference systems in that one session (one
start-up, the workers shared). It leaves in the report folder: ``allure-results/``,
``junit.xml`` (all systems), ``coverage.json`` / ``coverage.html`` and, with the Allure command line on PATH,
``allure-report/`` and, last, the conformance statement ``verklaring.json`` / ``verklaring.html``
(``suite.verklaring``). Exit 0 when every scenario that applies to the system passed, 1 otherwise, 2 on misuse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

from ketenproef.cli_nl import DutchParser, UsageError, os_reason, report_usage_error

REFERENTIE = ("referentie-aanbieder", "referentie-gemeente")
ROLLEN = ("aanbieder", "gemeente")
EXIT_OK, EXIT_GEFAALD, EXIT_GEBRUIK = 0, 1, 2
GEEN_TESTS = 5  # pytest: nothing collected / everything deselected
NIET_UITGEVOERD = -1  # our own code for a run in which scenarios were selected but none was carried out
PYTEST_FOUTEN = {2: "afgebroken", 3: "interne fout", 4: "verkeerd gebruik van pytest"}


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
                       description="Speel de ketenpartner tegen het systeem onder test en leg het bewijs vast: exit 0 "
                                   "als het systeem voldoet, 1 als een scenario faalt of niets is uitgevoerd (bv. "
                                   "systeem niet bereikbaar), 2 bij verkeerd gebruik.")
    p.add_argument("--sut", default="referentie", metavar="SYSTEEM", help="naam uit 'ketenproef suts', 'referentie' "
                   "(beide referentiesystemen; de standaard), http://..., cmd:PAD of handmatig:aanbieder|gemeente")
    p.add_argument("--rol", choices=ROLLEN, help="rol van het systeem (nodig bij http:// en cmd:)")
    p.add_argument("--rapport", metavar="MAP", help="map voor het bewijs (standaard reports/run-JJJJMMDD-HHMMSS)")
    p.add_argument("-m", dest="markers", metavar="TAGS", help="alleen scenario's met deze tags, bv. 'TR413 and ijw'")
    p.add_argument("--seed", metavar="ZAAD", help="zaad voor de synthetische clienten (standaard 1; bij een systeem "
                   "van buiten, dat alles onthoudt, elke run een nieuw zaad uit de klok: het staat in de samenvatting)")
    p.add_argument("-n", dest="workers", type=_workers, metavar="AANTAL",
                   help="parallel met pytest-xdist: aantal workers of 'auto' (alleen ingebouwde systemen)")
    p.add_argument("--sut-versie", metavar="VERSIE", help="versie van het systeem onder test, voor de verklaring "
                   "(verklaring.json/.html); standaard bij een ingebouwd systeem de versie van Ketenproef")
    p.add_argument("-v", "--uitgebreid", action="store_true", help="toon de volledige uitvoer van pytest (met "
                   "tracebacks) in plaats van de voortgang; zonder -v staat die in pytest-SYSTEEM.log in de rapportmap")
    p.add_argument("pytest_args", nargs=argparse.REMAINDER, metavar="-- PYTEST-ARGUMENTEN",
                   help="verdere argumenten voor pytest, na --")
    p.set_defaults(func=cmd_run)


def _workers(value: str) -> str:
    if value == "auto" or (value.isascii() and value.isdigit() and int(value) >= 1):
        return value
    raise argparse.ArgumentTypeError(f"een aantal (minstens 1) of 'auto', niet {value!r}")


def check_sut(spec: str, rol: str | None) -> None:
    """Refuse a --sut that cannot run, before the report folder is touched (UsageError, exit 2)."""
    from sut import registry

    if spec == "referentie":
        for naam in REFERENTIE:
            check_sut(naam, rol)
        return
    specs = [s.strip() for s in spec.split(",")]
    rollen = {s: r for s in specs if (r := registry.rol(s)) is not None}
    if len(specs) > 1 or specs[0] in rollen:
        _check_built_in(specs, rol, rollen)
    elif spec.startswith(("http://", "https://", "cmd:")):
        _check_outside(spec, rol)
    elif spec.startswith("handmatig:"):
        if spec.split(":", 1)[1] not in ROLLEN:
            raise UsageError(f"--sut {spec}: handmatig:aanbieder of handmatig:gemeente")
    else:
        raise UsageError(f"{_onbekend([spec])}; van buiten: http://..., cmd:PAD of handmatig:aanbieder|gemeente")


def _check_built_in(specs: list[str], rol: str | None, rollen: dict[str, str]) -> None:
    onbekend = [s for s in specs if s not in rollen]
    if onbekend:
        raise UsageError(_onbekend(onbekend))
    eigen = {rollen[s] for s in specs}
    if len(eigen) > 1:
        raise UsageError("meerdere systemen (a,b,c) alleen van dezelfde rol")
    if rol and eigen != {rol}:
        raise UsageError(f"--rol {rol} past niet bij {', '.join(specs)} ({', '.join(sorted(eigen))}); laat --rol "
                         "weg bij een ingebouwd systeem")


def _onbekend(namen: list[str]) -> str:
    """"unknown system", a guess at the intended name, the reference systems and where to find the rest."""
    import difflib

    from sut.registry import systems

    bekend = systems()
    gissing = [g for naam in namen for g in difflib.get_close_matches(naam, [s.name for s in bekend], n=1)]
    referenties = ", ".join(["referentie", *(s.name for s in bekend if not s.broken)])
    kapot = sum(1 for s in bekend if s.broken)
    return (f"onbekend systeem {', '.join(map(repr, namen))}"
            + (f" (bedoelt u {', '.join(gissing)}?)" if gissing else "")
            + f"; ingebouwd: {referenties} en {kapot} kapotte varianten (alle namen: ketenproef suts)")


def _check_outside(spec: str, rol: str | None) -> None:
    if not rol:
        raise UsageError(f"geef --rol aanbieder of --rol gemeente bij --sut {spec}")
    if spec.startswith("cmd:"):
        try:
            argv = shlex.split(spec[4:])
        except ValueError as exc:
            raise UsageError(f"--sut {spec}: {exc}") from exc
        if not argv or not shutil.which(argv[0]):
            raise UsageError(f"--sut {spec}: programma {argv[0] if argv else '(leeg)'} niet gevonden of niet "
                             "uitvoerbaar")


def cmd_run(args) -> int:
    check_sut(args.sut, args.rol)
    specs = list(REFERENTIE) if args.sut == "referentie" else [args.sut]
    rapport = Path(args.rapport or f"reports/run-{dt.datetime.now():%Y%m%d-%H%M%S}")
    _rapportmap(rapport)
    from suite import coverage, samenvatting

    voorbereiding = Voorbereiding()
    try:
        # both reference systems in one session: one start-up
        code = _pytest(",".join(specs), args, rapport, bij_start=voorbereiding.start)
        resultaten = samenvatting.resultaten(rapport)
        codes = _niets_uitgevoerd(per_systeem(specs, code, resultaten), resultaten)
        mislukt = {spec: code for spec, code in codes.items() if code not in (0, 1, GEEN_TESTS, NIET_UITGEVOERD)}
        if mislukt:
            raise UsageError("pytest kon niet draaien voor " + ", ".join(
                f"{spec} (exit {code}: {PYTEST_FOUTEN.get(code, 'onbekende fout')})"
                for spec, code in mislukt.items()) + "; zie de melding van pytest hierboven")
        drukker = voorbereiding.klaar()
        samenvoegen_junit(rapport)
        _allure(rapport)  # first: the coverage page links each scenario into allure-report/ when it exists
        matrix = coverage.schrijf(rapport) if (rapport / "resultaten").is_dir() else None
        _verklaring(rapport, matrix, specs, args, drukker)  # last: its manifest covers every other file
    finally:
        voorbereiding.stop()  # after druk a no-op; after an error it closes chromium
    print("\n".join(samenvatting.regels(codes, rapport, matrix, resultaten)))
    if all(code == GEEN_TESTS for code in codes.values()):
        return EXIT_GEFAALD
    return EXIT_OK if all(code in (0, GEEN_TESTS) for code in codes.values()) else EXIT_GEFAALD


class Voorbereiding:
    """What writing the evidence needs that does not depend on the results, done while the scenarios run (this
    process only waits then, and the two workers leave part of the machine free): chromium started for the PDF
    (``suite.verklaring_pdf.Drukker``), the feature files parsed for the coverage page, the rule register read
    and the modules of the evidence imported. ``start`` is called when pytest reports its scenarios collected;
    without that call (pytest's own output, or it never got that far) everything happens afterwards, as it would
    have."""

    def __init__(self) -> None:
        self.drukker = None
        self._draad: threading.Thread | None = None

    def start(self) -> None:
        if self._draad is not None:
            return
        from suite.verklaring_pdf import Drukker

        self.drukker = Drukker()
        self._draad = threading.Thread(target=_voorbereiden, name="voorbereiding", daemon=True)
        self._draad.start()

    def klaar(self):
        """The started Drukker (started now when ``start`` never came), after the preparation finished."""
        self.start()
        self._draad.join()
        return self.drukker

    def stop(self) -> None:
        if self.drukker is not None:
            self.drukker.stop()


def _voorbereiden() -> None:
    """Fill the caches the coverage page and the statement read; a failure here is met again, and reported,
    when the evidence is written."""
    try:
        from ketenproef import corpus
        from suite import coverage, dekking_uitleg, verklaring  # noqa: F401
        from sut.registry import systems

        dekking_uitleg.scenarios_per_regel()
        corpus.rule_register()
        systems()  # the statement names the built-in systems
    except Exception:  # noqa: BLE001, S110
        pass


def per_systeem(specs: list[str], code: int, resultaten: list[dict]) -> dict[str, int]:
    """pytest's exit code of a session over several systems, per system: its own scenario runs decide (1 when
    one failed, GEEN_TESTS when it had none); a session that could not run at all failed for each."""
    if len(specs) == 1 or code not in (0, 1, GEEN_TESTS):
        return dict.fromkeys(specs, code)
    uit = {}
    for spec in specs:
        eigen = [r for r in resultaten if r.get("sut") == spec]
        uit[spec] = GEEN_TESTS if not eigen else 1 if any(r.get("uitkomst") == "failed" for r in eigen) else 0
    return uit


def _niets_uitgevoerd(codes: dict[str, int], resultaten: list[dict]) -> dict[str, int]:
    """A system of which every selected scenario was skipped (e.g. not reachable) did not pass: pytest says 0,
    the run says "niet uitgevoerd" and exits 1."""
    uit = dict(codes)
    for spec, code in codes.items():
        eigen = [r for r in resultaten if (r.get("sut") or spec) == spec]
        if code == 0 and eigen and not any(r.get("uitkomst") in ("passed", "failed") for r in eigen):
            uit[spec] = NIET_UITGEVOERD
    return uit


def zaad(spec: str, args) -> str:
    if args.seed:
        return str(args.seed)
    return "1" if _ingebouwd(spec) else dt.datetime.now().strftime("%Y%m%d%H%M%S")


def pytest_basis() -> list[str]:
    """pytest on the feature files with the suite's plugin, without plugins the suite does not use: the
    allure_pytest plugin (the suite reports through allure_pytest_bdd), the cache, and hypothesis's plugin, which
    imports hypothesis (a second of start-up per worker) for the unit tests' property tests only."""
    return [sys.executable, "-m", "pytest", str(features_dir()), "-p", "suite.plugin", "-p", "no:allure_pytest",
            "-p", "no:cacheprovider", "-p", "no:hypothesispytest"]


def pytest_argumenten(spec: str, args, rapport: Path) -> list[str]:
    cmd = [*pytest_basis(), "--strict-markers", "-q", "--sut", spec, "--rapport", str(rapport), "--geen-dekking",
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
    from sut.registry import rol

    return all(rol(s.strip()) is not None for s in spec.split(","))


def _pytest(spec: str, args, rapport: Path, bij_start=None) -> int:
    """pytest's exit code; ``bij_start`` is called once when its scenarios are collected and start to run."""
    cmd = pytest_argumenten(spec, args, rapport)
    print(f"ketenproef run: {spec} (seed {cmd[cmd.index('--seed') + 1]})", flush=True)
    if getattr(args, "uitgebreid", False) or spec.startswith("handmatig:"):  # a tester reads pytest's terminal
        return subprocess.run(cmd, check=False).returncode
    from suite import scherm

    return scherm.draai(cmd, spec, rapport / f"pytest-{_bestand(spec)}.log", bij_start=bij_start)


def _bestand(spec: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in spec)[:60]


def _rapportmap(rapport: Path) -> None:
    if rapport.exists() and not rapport.is_dir():
        raise UsageError(f"--rapport {rapport} is een bestand; geef een map")
    try:
        _leeg(rapport)
    except OSError as exc:
        raise UsageError(f"kan de rapportmap {rapport} niet leegmaken of maken: {os_reason(exc)}") from exc


def _leeg(rapport: Path) -> None:
    """A run owns its report folder: earlier results in it are removed first."""
    for naam in ("allure-results", "allure-report", "resultaten"):
        shutil.rmtree(rapport / naam, ignore_errors=True)
    for pad in [*rapport.glob("junit*.xml"), *rapport.glob("pytest-*.log"), *rapport.glob("verklaring.*")]:
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
            if suite.get("name", "pytest") == "pytest":  # suite.junit names it after the system already
                suite.set("name", pad.stem.removeprefix("junit-"))
            alles.extend(per_systeem_junit(suite))
    for attr in ("tests", "failures", "errors", "skipped"):
        alles.set(attr, str(sum(int(s.get(attr, 0)) for s in alles)))
    uit = rapport / "junit.xml"
    ET.ElementTree(alles).write(uit, encoding="utf-8", xml_declaration=True)
    return uit


def per_systeem_junit(suite: ET.Element) -> list[ET.Element]:
    """A <testsuite> of a session over several systems (``a,b``) as one <testsuite> per system, by each
    testcase's ``sut`` property, with its own counts; a suite of one system as it is."""
    if "," not in suite.get("name", ""):
        return [suite]
    groepen: dict[str, list[ET.Element]] = {}
    for case in suite.findall("testcase"):
        sut = next((p.get("value") for p in case.iter("property") if p.get("name") == "sut"), suite.get("name"))
        groepen.setdefault(sut, []).append(case)
    uit = []
    for sut, cases in sorted(groepen.items()):
        deel = ET.Element("testsuite", {k: v for k, v in suite.attrib.items() if k in ("timestamp", "hostname")})
        deel.set("name", sut)
        deel.set("tests", str(len(cases)))
        for attr, tag in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
            deel.set(attr, str(sum(1 for c in cases if c.find(tag) is not None)))
        deel.set("time", f"{sum(float(c.get('time') or 0) for c in cases):.3f}")
        deel.extend(cases)
        uit.append(deel)
    return uit


def _allure(rapport: Path) -> None:
    allure = shutil.which("allure")
    if allure and (rapport / "allure-results").is_dir():
        subprocess.run([allure, "generate", str(rapport / "allure-results"), "-o", str(rapport / "allure-report"),
                        "--clean"], check=False, stdout=subprocess.DEVNULL)


def _verklaring(rapport: Path, matrix: dict | None, specs: list[str], args, drukker=None) -> None:
    from suite import verklaring

    data = verklaring.schrijf(rapport, matrix, specs=specs, selectie=args.markers,
                              sut_versie=getattr(args, "sut_versie", None), drukker=drukker)
    pdf = f" en {verklaring.PDF_NAAM}" if data["pdf"] == verklaring.PDF_NAAM else ""
    print(f"ketenproef run: verklaring in {rapport / verklaring.HTML_NAAM}{pdf} (controle: ketenproef verklaring "
          f"controleer {rapport})", flush=True)


# ----------------------------------------------------------------------------------------------------- suts
def register_suts(sub) -> None:
    p = sub.add_parser("suts", help="de ingebouwde systemen (referentiesystemen en kapotte varianten)",
                       description="Toon de ingebouwde systemen voor --sut: naam, rol, soort en (bij een kapotte "
                                   "variant) het defect.")
    p.add_argument("--json", action="store_true",
                   help='als JSON: [{"name", "role", "broken", "defect"}, ...]')
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
    """All the suite's commands at once (for a single entry point)."""
    from suite import verklaring, zelftest

    register_run(sub)
    register_suts(sub)
    verklaring.register(sub)
    zelftest.register(sub)


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(prog="python -m suite.cli", description="De conformancesuite (zonder entry points).")
    register(parser.add_subparsers(title="opdrachten", dest="command", required=True, metavar="OPDRACHT"))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        return report_usage_error(f"{parser.prog} {args.command}", str(exc))


if __name__ == "__main__":
    sys.exit(main())
