"""The pytest plugin of the suite: options, markers from the rule register, one standard per scenario, the role
filter, and the result records the coverage matrix is built from. Fixtures live in ``suite.fixtures``."""

from __future__ import annotations

import functools
import gc
import json
import os
import time
from pathlib import Path

import pytest

from suite import stapkeuze, tags

pytest_plugins = ["suite.junit", "suite.voortgang"]
# Fixtures and step definitions: only where scenarios run. The xdist controller of ``-n`` runs none, and importing
# them there (the ketenpartner, aiohttp, the reference systems: about half a second) would delay starting the
# workers; ``pytest_configure`` registers them everywhere else.
SCENARIO_PLUGINS = ("suite.fixtures", "steps.berichten", "steps.tegenpartij", "steps.systeem", "steps.controles",
                    "steps.verzoeken", "steps.declareren", "steps.extern")

STANDAARD_IDS = {"iWmo": "iwmo", "iJw": "ijw"}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("ketenproef", "ketenproef: conformance van iWmo 3.2 / iJw 3.2")
    group.addoption("--sut", default=os.environ.get("KETENPROEF_SUT", "referentie-aanbieder"),
                    help="systeem onder test: naam (ketenproef suts), http://..., cmd:PAD of handmatig:ROL")
    group.addoption("--rol", choices=tags.ROLLEN, default=None, help="rol van het systeem (nodig bij http/cmd)")
    group.addoption("--seed", default="1", help="zaad voor de synthetische clienten (zelfde zaad = zelfde run)")
    group.addoption("--rapport", default=None, help="map voor bewijs: allure-results, junit.xml, coverage")
    group.addoption("--vaste-tegenpartij", action="store_true",
                    help="een systeem van buiten houdt de hele run dezelfde tegenpartij (standaard speelt de "
                         "ketenpartner per scenario een andere gemeente of aanbieder; de configuratie gaat dan per "
                         "scenario opnieuw naar het systeem)")
    group.addoption("--retour-deadline", type=float, default=None,
                    help="seconden die de ketenpartner hoogstens op een retour van het systeem wacht (standaard 30; "
                         "wat het systeem ophaalde en niet beantwoordde, telt al zodra zijn postbus verwerkt is)")
    group.addoption("--geen-dekking", action="store_true",
                    help="schrijf aan het eind alleen de resultaten (resultaten/*.json), niet coverage.json/.html: "
                         "ketenproef run schrijft die zelf, een keer, na het samenvoegen van het bewijs")
    group.addoption("--eigen-scenarios", action="store_true",
                    help="bij mutanten (mutant-ROL-REGEL, ketenproef zelftest): elke mutant alleen met de scenario's "
                         "van zijn regel en een vaste steekproef van andere")
    group.addoption("--alleen-eigen-regels", default="", metavar="NAMEN",
                    help="met --eigen-scenarios: ook deze ingebouwde systemen (komma's) alleen met de scenario's van "
                         "hun eigen regels en de steekproef, zoals een mutant")


def sut_specs(config: pytest.Config) -> list[str]:
    """--sut as a list: one system, or several built-in systems (``a,b,c``) that each run every scenario of their
    role in one session (both reference systems in ``ketenproef run --sut referentie``; the mutants of the
    self-test)."""
    return [s.strip() for s in config.getoption("sut").split(",") if s.strip()]


def rol_van(config: pytest.Config, spec: str) -> str:
    """The role of one system under test: --rol, the registry, or a handmatig: spec."""
    rol = config.getoption("rol")
    if rol:
        return rol
    if spec.startswith("handmatig:"):
        return spec.split(":", 1)[1]
    from sut.registry import rol as ingebouwde_rol

    gevonden = ingebouwde_rol(spec)
    if gevonden is None:
        raise pytest.UsageError(f"geef --rol aanbieder of --rol gemeente bij --sut {config.getoption('sut')} "
                                f"({spec} is geen ingebouwd systeem)")
    return gevonden


def sut_rol(config: pytest.Config) -> str:
    """The role of the system under test when the session has one (a system from outside, or built-in systems of
    one role); with built-in systems of both roles, each scenario run has the role of its own (``rol_van``)."""
    rollen = {rol_van(config, spec) for spec in sut_specs(config)}
    if len(rollen) != 1:
        raise pytest.UsageError(f"--sut {config.getoption('sut')} heeft systemen van beide rollen: hier hoort een rol")
    return rollen.pop()


def _extern(config: pytest.Config) -> bool:
    from sut.registry import rol

    return any(rol(spec) is None for spec in sut_specs(config))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    if _extern(config) and (getattr(config.option, "numprocesses", None) or 0) not in (0, 1) \
            and not hasattr(config, "workerinput"):
        raise pytest.UsageError("-n (xdist) alleen met ingebouwde systemen: een systeem van buiten heeft een "
                                "configuratie, dus een ketenpartner; draai het zonder -n")
    for naam, uitleg in tags.alle_markers().items():
        config.addinivalue_line("markers", f"{naam}: {uitleg}")
    if not _xdist_controller(config):
        for naam in SCENARIO_PLUGINS:
            config.pluginmanager.import_plugin(naam)  # as pytest_plugins would (assertion rewriting included)
    stapkeuze.installeer()  # a step's definition looked up once per step text, not once per scenario run
    rapport = config.getoption("rapport", None)
    if rapport and not hasattr(config, "workerinput"):
        map_ = Path(rapport)
        map_.mkdir(parents=True, exist_ok=True)
        if getattr(config.option, "allure_report_dir", None) is None:
            config.option.allure_report_dir = str(map_ / "allure-results")
        if not getattr(config.option, "xmlpath", None):
            config.option.xmlpath = str(map_ / f"junit-{_bestandsnaam(config.getoption('sut'))}.xml")
    elif rapport and getattr(config.option, "allure_report_dir", None) is None:
        config.option.allure_report_dir = str(Path(rapport) / "allure-results")
    config.stash[_RESULTATEN] = []


def _xdist_controller(config: pytest.Config) -> bool:
    """This process hands the scenarios to xdist workers (``-n``) and runs none itself."""
    return getattr(config.option, "dist", "no") != "no" and not hasattr(config, "workerinput")


def _bestandsnaam(spec: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in spec)[:60]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A scenario tagged with both @iwmo and @ijw runs once per standard."""
    namen = {m.name for m in metafunc.definition.iter_markers()}
    if {"iwmo", "ijw"} <= namen and "standaard" not in metafunc.fixturenames:
        metafunc.fixturenames.append("standaard")
        metafunc.parametrize("standaard", [pytest.param(s, id=i) for s, i in STANDAARD_IDS.items()])
    specs = sut_specs(metafunc.config)
    if metafunc.config.getoption("eigen_scenarios") and scenario_van(metafunc.definition) is not None:
        scen = scenario_van(metafunc.definition)
        alle_tags = namen | {t for ex in getattr(scen, "examples", None) or [] for t in getattr(ex, "tags", ())}
        specs = eigen_mutanten(specs, alle_tags, metafunc.definition.nodeid, metafunc.config) or [GEEN_SYSTEEM]
        metafunc.fixturenames.append("sut_naam")
        metafunc.parametrize("sut_naam", specs, ids=specs)
    elif len(specs) > 1 and scenario_van(metafunc.definition) is not None:
        metafunc.fixturenames.append("sut_naam")
        metafunc.parametrize("sut_naam", specs, ids=specs)


GEEN_SYSTEEM = "geen-mutant"  # a scenario no mutant of the run needs: deselected
STEEKPROEF = 150  # about one scenario in this many is also run by a mutant whose rule it does not carry


def _voor_deze_mutant(item: pytest.Item) -> bool:
    """False for an item no mutant needs: the placeholder, or an example row without the mutant's rule that is
    not in its sample (``eigen_mutanten`` chose per scenario, the rule may sit on one block of examples)."""
    spec = getattr(getattr(item, "callspec", None), "params", {}).get("sut_naam")
    if spec is None or not item.config.getoption("eigen_scenarios"):
        return True
    if spec == GEEN_SYSTEEM:
        return False
    return _draait(spec, {m.name for m in item.iter_markers()}, item.nodeid.split("[")[0], item.config)


def _draait(spec: str, namen: set[str], nodeid: str, config: pytest.Config) -> bool:
    """Whether ``spec`` runs the scenario ``nodeid`` with tags ``namen``: a mutant (or a system of
    --alleen-eigen-regels) when the scenario carries one of its rules or is in its fixed sample of others (to show
    it breaks nothing unrelated); any other system always."""
    from sut import mutanten
    from sut.registry import info

    gevonden = mutanten.ontleed(spec)
    if gevonden is not None:
        regels, sleutel = frozenset({gevonden[1]}), gevonden[1]  # a mutant's sample follows its rule
    elif spec in _namen(config.getoption("alleen_eigen_regels")):
        regels, sleutel = frozenset(info(spec).rules), spec
    else:
        return True
    return bool(regels & namen) or _in_steekproef(sleutel, nodeid)


@functools.cache
def _namen(optie: str) -> frozenset[str]:
    return frozenset(s.strip() for s in optie.split(",") if s.strip())


def _in_steekproef(sleutel: str, nodeid: str) -> bool:
    import zlib

    return zlib.crc32(f"{sleutel}|{nodeid}".encode()) % STEEKPROEF == 0


def eigen_mutanten(specs: list[str], namen: set[str], nodeid: str, config: pytest.Config) -> list[str]:
    """The systems among ``specs`` that run this scenario (``_draait``)."""
    return [spec for spec in specs if _draait(spec, namen, nodeid, config)]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep one standard tag per item, and deselect scenarios written for the other role."""
    keep, weg = [], []
    for item in items:
        rol = rol_van(config, sut_van(item)) if _is_scenario(item) else None
        _een_standaard(item)
        for naam in {m.name for m in item.iter_markers()} & set(tags.BEKENDE_GEBREKEN):
            item.add_marker(pytest.mark.xfail(reason=tags.BEKENDE_GEBREKEN[naam], strict=False))
        rollen = {m.name for m in item.iter_markers() if m.name.startswith("rol-")}
        geen = not _voor_deze_mutant(item)
        (weg if geen or (rol and rollen and f"rol-{rol}" not in rollen) else keep).append(item)
    if weg:
        config.hook.pytest_deselected(items=weg)
        items[:] = keep


def _een_standaard(item: pytest.Item) -> None:
    """Drop the other standard's tag and its message tags (WMO305 on an iJw run) from the item."""
    standaard = getattr(getattr(item, "callspec", None), "params", {}).get("standaard")
    standaard = standaard or tags.standaard_in({m.name for m in item.iter_markers()})
    if not standaard:
        return
    ander, prefix = ("ijw", "JW") if standaard == "iWmo" else ("iwmo", "WMO")
    item.own_markers[:] = [m for m in item.own_markers if m.name != ander and not
                           (m.name.startswith(prefix) and m.name[len(prefix):].isdigit())]


def _is_scenario(item: pytest.Item) -> bool:
    return scenario_van(item) is not None


def scenario_van(item):
    """The pytest-bdd scenario of a test item (or of a test definition during collection), else None."""
    from pytest_bdd.scenario import scenario_wrapper_template_registry

    return scenario_wrapper_template_registry.get(getattr(item, "function", None))


def voorbeeld_van(item: pytest.Item) -> dict[str, str]:
    """The example row of a scenario outline run ({} for a plain scenario)."""
    return dict(getattr(getattr(item, "callspec", None), "params", {}).get("_pytest_bdd_example", {}))


def standaard_van(item: pytest.Item) -> str:
    """iWmo or iJw of this run (after ``_een_standaard``), as the ``standaard`` fixture decides it."""
    param = getattr(getattr(item, "callspec", None), "params", {}).get("standaard")
    return param or tags.standaard_in({m.name for m in item.iter_markers()}) or "iWmo"


def titel_van(item: pytest.Item) -> str:
    """The scenario's own words with the example row filled in. Where other rows of the outline get the same
    words, the values that tell them apart follow in brackets (the standard is shown elsewhere)."""
    from pytest_bdd.parser import render_string

    scen, voorbeeld = scenario_van(item), voorbeeld_van(item)
    naam = render_string(scen.name, voorbeeld)
    zelfde = [rij for rij in _rijen(scen) if render_string(scen.name, rij) == naam]
    rest = [f"{k}: {v}" for k, v in voorbeeld.items()
            if k not in ("standaard", "rol") and len({rij.get(k) for rij in zelfde}) > 1]
    return f"{naam} ({', '.join(rest)})" if rest else naam


@functools.cache
def _rijen(scen) -> tuple[dict, ...]:
    return tuple(rij for voorbeelden in scen.examples for rij in voorbeelden.as_contexts())


def sut_van(item: pytest.Item) -> str:
    """The system under test of this run (one of ``--sut a,b,c``, or --sut)."""
    return getattr(getattr(item, "callspec", None), "params", {}).get("sut_naam") or item.config.getoption("sut")


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """An xdist worker keeps what start-up and collection built (modules, corpus, rule register, the items) for
    its whole life: frozen, the garbage collector stops walking those objects in every full collection of the run
    and in the one pytest does at the end, which runs while the other worker and the report wait."""
    if hasattr(session.config, "workerinput"):
        gc.freeze()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    scen = scenario_van(item)
    if scen is None:
        return
    naam = scen.name + (f" [{item.callspec.id}]" if hasattr(item, "callspec") else "")
    item.user_properties.extend([("functionaliteit", scen.feature.name), ("scenario", naam), ("sut", sut_van(item)),
                                 ("regel", scen.rule.name if scen.rule else ""),
                                 ("tags", " ".join(sorted(m.name for m in item.iter_markers()))),
                                 ("titel", titel_van(item)), ("standaard", standaard_van(item)),
                                 ("feature", Path(scen.feature.rel_filename).name)])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """An unreachable system (``SutOnbereikbaar``, wherever it surfaces: connecting in a fixture, reading the
    mailbox, a trigger) means the scenario was not carried out: skipped with the reason, never failed."""
    from sut.base import SutOnbereikbaar

    outcome = yield
    report = outcome.get_result()
    if call.excinfo is not None and call.excinfo.errisinstance(SutOnbereikbaar) and report.failed:
        report.outcome = "skipped"
        report.longrepr = (str(item.path), item.location[1] or 0,
                           f"Skipped: niet uitgevoerd: het systeem is niet bereikbaar: {call.excinfo.value}")


@pytest.hookimpl(trylast=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature, scenario) -> None:
    """After allure-pytest-bdd opened the test case: give it the identity of this run (see ``suite.bewijs``)."""
    from suite import bewijs

    bewijs.identiteit(request.node, feature)


_RESULTATEN = pytest.StashKey[list]()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    from suite import voortgang  # registered through pytest_plugins: imported there first (assertion rewriting)

    props = dict(report.user_properties)
    if "scenario" not in props:
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        _config().stash[_RESULTATEN].append({
            "nodeid": report.nodeid, "naam": props["scenario"], "functionaliteit": props["functionaliteit"],
            "regel": props.get("regel", ""), "tags": props["tags"].split(), "uitkomst": _uitkomst(report),
            "sut": props.get("sut"), "allure": props.get("allure"), **voortgang.uitleg(report),
            "duur": round(report.duration, 3)})
    elif report.when == "teardown" and report.outcome == "failed":
        for res in _config().stash[_RESULTATEN]:
            if res["nodeid"] == report.nodeid:
                res.update(voortgang.uitleg(report, res), uitkomst="failed")


def _uitkomst(report: pytest.TestReport) -> str:
    if hasattr(report, "wasxfail"):
        return "xfailed" if report.skipped else "passed"
    return report.outcome


_CONFIG: list[pytest.Config] = []


def _config() -> pytest.Config:
    return _CONFIG[-1]


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    _CONFIG.append(session.config)


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    rapport = config.getoption("rapport", None)
    if not rapport or hasattr(config, "workerinput") or _RESULTATEN not in config.stash:
        return
    resultaten = config.stash[_RESULTATEN]
    if not resultaten:
        return
    map_ = Path(rapport)
    (map_ / "resultaten").mkdir(parents=True, exist_ok=True)
    for spec in sut_specs(config):
        eigen = [r for r in resultaten if (r.get("sut") or spec) == spec]
        data = {"sut": spec, "rol": rol_van(config, spec), "seed": config.getoption("seed"), "tijd": time.time(),
                "selectie": config.getoption("markexpr", "") or "",
                "resultaten": eigen}
        (map_ / "resultaten" / f"{_bestandsnaam(spec)}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    if not config.getoption("geen_dekking"):  # a plain pytest run leaves the coverage page; ketenproef run writes it
        from suite import coverage

        coverage.schrijf(map_)
