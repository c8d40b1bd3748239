"""The suite's side of live progress and readable failures (a pytest plugin, loaded by ``suite.plugin``).

- Every scenario run that fails remembers its failing step (``pytest_bdd_step_error``, on the worker that ran it)
  in its user properties, so the report the controller receives carries it; ``uitleg`` turns a report into the
  fields the result records keep: the scenario's words, the first line of the failure (the Dutch explanation the
  steps raise, without ``AssertionError:``) and the failing step.
- When ``ketenproef run`` passes a pipe in ``KETENPROEF_VOORTGANG_FD``, the controlling process (the only one with
  xdist) writes one JSON line per event to it: ``{"totaal": N}`` once the scenarios are collected and
  ``{"uitkomst": "geslaagd|gefaald|overgeslagen", "titel": ..., "functionaliteit": ...}`` per finished scenario
  run. ``suite.scherm`` draws them.
"""

from __future__ import annotations

import json
import os

import pytest

ENV_FD = "KETENPROEF_VOORTGANG_FD"
STAP_FOUT = "stap_fout"
_GEEN_VOORVOEGSEL = ("AssertionError: ", "Failed: ")


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception) -> None:
    """Remember the first failing step of the scenario run (later steps do not run)."""
    props = request.node.user_properties
    if not any(naam == STAP_FOUT for naam, _ in props):
        props.append((STAP_FOUT, f"{step.keyword} {step.name}".strip()))


def uitleg(report: pytest.TestReport, eerder: dict | None = None) -> dict[str, str]:
    """Fields for the result record of a scenario run: its words, and for a failure its first line and step.
    What ``eerder`` (the record so far: a teardown failing after the call did) already says is kept."""
    props = dict(report.user_properties)
    velden = {"titel": props.get("titel", ""), "standaard": props.get("standaard", "")}
    if report.failed:
        velden.update(melding=eerste_regel(report), stap=props.get(STAP_FOUT, ""))
    elif report.skipped:
        velden.update(melding=skip_reden(report))
    return {k: (eerder or {}).get(k) or v for k, v in velden.items()}


def eerste_regel(report: pytest.TestReport) -> str:
    """The first line of what failed: the assertion's own text, not the frames around it."""
    crash = getattr(report.longrepr, "reprcrash", None)
    tekst = getattr(crash, "message", None) or str(report.longrepr or "")
    regel = next((r.strip() for r in tekst.splitlines() if r.strip()), "")
    for voorvoegsel in _GEEN_VOORVOEGSEL:
        regel = regel.removeprefix(voorvoegsel)
    return regel


def skip_reden(report: pytest.TestReport) -> str:
    """Why a scenario was skipped (pytest keeps it as ``(path, line, "Skipped: reason")``)."""
    longrepr = report.longrepr
    tekst = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr or "")
    return str(tekst).removeprefix("Skipped: ").strip()


def uitkomst_van(reports: list[pytest.TestReport]) -> str:
    """The outcome of a scenario run over its setup, call and teardown reports."""
    if any(r.failed for r in reports):
        return "gefaald"
    if any(r.skipped for r in reports):
        return "overgeslagen"  # also an expected failure (xfail) of a known gap
    return "geslaagd"


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    fd = os.environ.get(ENV_FD)
    if fd and fd.isdigit() and not hasattr(config, "workerinput"):
        try:
            stroom = os.fdopen(int(fd), "w", buffering=1, encoding="utf-8")
        except OSError:  # not our pipe (e.g. the variable leaked into a nested run)
            return
        config.pluginmanager.register(Melder(stroom), "ketenproef-voortgang")


class Melder:
    """Writes the progress events of the controlling process to the pipe of ``ketenproef run``."""

    def __init__(self, stroom) -> None:
        self.stroom = stroom
        self.lopend: dict[str, list[pytest.TestReport]] = {}
        self.totaal_gemeld = False

    def stuur(self, **gebeurtenis) -> None:
        if self.stroom is None:
            return
        try:
            self.stroom.write(json.dumps(gebeurtenis, ensure_ascii=False) + "\n")
        except (OSError, ValueError):  # ketenproef run is gone: keep running without progress
            self.stroom = None

    def totaal(self, aantal: int) -> None:
        if not self.totaal_gemeld:
            self.totaal_gemeld = True
            self.stuur(totaal=aantal)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.totaal(len(session.items))

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node, ids) -> None:
        self.totaal(len(ids))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        reports = self.lopend.setdefault(report.nodeid, [])
        reports.append(report)
        if report.when != "teardown":
            return
        del self.lopend[report.nodeid]
        props = dict(report.user_properties)
        self.stuur(uitkomst=uitkomst_van(reports), titel=props.get("titel") or report.nodeid.rsplit("::", 1)[-1],
                   functionaliteit=props.get("functionaliteit", ""))

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        if self.stroom is not None:
            try:
                self.stroom.close()
            except OSError:
                pass
            self.stroom = None
