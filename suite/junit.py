"""JUnit for CI, written by pytest's own junitxml: a readable name and classname for every scenario run, and a
<testsuite> named after the system under test.

- name: the scenario's words with the example row filled in (``suite.plugin.titel_van``), then the standard and
  the system, e.g. ``De aanbieder stopt met reden 02 (Overleden) [iWmo, referentie-aanbieder]``; so no two runs
  share a name, not even across the two systems of ``ketenproef run --sut referentie``;
- classname: the feature file and the Regel, e.g. ``start_en_stop_zorg.Een tijdelijke stop laat de toewijzing
  ongemoeid`` (CI tools group by the part before the last dot).

The worker puts ``titel``, ``standaard``, ``sut``, ``feature`` and ``regel`` in the report's user properties
(``suite.plugin.pytest_runtest_setup``); the junitxml writer lives in the main process (also under xdist) and
takes the attributes set here before it records the report.
"""

from __future__ import annotations

import pytest
from _pytest.junitxml import xml_key  # pytest's LogXML: the only handle on a testcase's attributes under xdist


def naam(props: dict) -> str:
    """The JUnit name of one scenario run."""
    return f"{props['titel']} [{props['standaard']}, {props['sut']}]"


def klassenaam(props: dict) -> str:
    """``<feature file without .feature>.<Regel>`` (no dots inside the parts, they would split the class)."""
    feature = props["feature"].removesuffix(".feature").replace(".", "_")
    regel = props.get("regel", "").replace(".", ",").strip()
    return f"{feature}.{regel}" if regel else feature


class JunitNamen:
    """Sets name and classname on pytest's node reporter before junitxml records the report."""

    def __init__(self, xml) -> None:
        self.xml = xml

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        props = dict(report.user_properties)
        if "titel" not in props:
            return
        reporter = self.xml.node_reporter(report)
        reporter.add_attribute("name", naam(props))
        reporter.add_attribute("classname", klassenaam(props))


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    xml = config.stash.get(xml_key, None)
    if xml is None:
        return
    if config.getini("junit_suite_name") == "pytest":
        xml.suite_name = config.getoption("sut")
    config.pluginmanager.register(JunitNamen(xml), "ketenproef-junit-namen")
