"""Evidence of one scenario in the Allure report: its identity (one test case per run: system, standard,
example row), labels (standard, release, role, process, message, rule), a link per rule to the informatiemodel,
every exchanged XML, the exchange log and a sequence diagram."""

from __future__ import annotations

import json
import os

import allure
import pytest
from allure_commons.model2 import Parameter
from allure_commons.utils import md5
from allure_pytest_bdd.pytest_bdd_listener import PytestBDDListener

from suite import diagram, tags
from suite.gesprek import Gesprek

# Allure reads every *.xml in a results folder as a JUnit/xUnit result: an exchanged message is attached as
# text with the XML media type (shown as XML, never parsed as a result).
XML_EXTENSIE = "xml.txt"


def identiteit(item: pytest.Item, feature) -> None:
    """Make this run its own Allure test case. allure-pytest-bdd names a case after the feature file and the
    scenario (``fullName``, ``testCaseId`` = md5 of it) and derives ``historyId`` from that and the parameters;
    the runs against two systems, and an iWmo and an iJw row of one table, would share it (Allure then files
    one as a retry of the other). Here the name, ``fullName`` and parameters carry system, standard and row."""
    from suite.plugin import rol_van, standaard_van, sut_van, titel_van

    listener = _allure_listener(item.config)
    if listener is None or item.nodeid not in listener.nodeid_to_uuid:
        return
    titel, standaard, sut = titel_van(item), standaard_van(item), sut_van(item)
    rol = rol_van(item.config, sut)
    item.user_properties.append(("allure", listener.nodeid_to_uuid[item.nodeid]))  # the page links its result
    with listener.lifecycle.update_test_case(uuid=listener.nodeid_to_uuid[item.nodeid]) as test_result:
        if test_result is None:
            return
        test_result.name = titel
        test_result.fullName = f"{os.path.normpath(feature.rel_filename)}:{titel} [{standaard}, {sut}]"
        test_result.testCaseId = md5(test_result.fullName)
        test_result.parameters = parameters(item, standaard, sut, rol)


def parameters(item: pytest.Item, standaard: str, sut: str, rol: str) -> list[Parameter]:
    """The example row as written, then standard, role and system: plain text, no Python quotes."""
    from suite.plugin import voorbeeld_van

    rij = voorbeeld_van(item)
    for naam, waarde in (("standaard", standaard), ("rol", rol), ("systeem", sut)):
        rij.setdefault(naam, waarde)  # a table with a column "standaard" or "rol" says the same
    return [Parameter(name=naam, value=str(waarde)) for naam, waarde in rij.items()]


def _allure_listener(config: pytest.Config) -> PytestBDDListener | None:
    for plugin in config.pluginmanager.get_plugins():
        if isinstance(plugin, PytestBDDListener):
            return plugin
    return None


def leg_vast(request: pytest.FixtureRequest, gesprek: Gesprek) -> None:
    labels(request, gesprek)
    gesprek.vergeet()
    dossier = gesprek.dossier()
    pijlen = []
    for i, regel in enumerate(dossier.regels, 1):
        e = regel.entry
        pijlen.append(diagram.pijl_uit_log(e, regel.xml))
        if regel.xml is not None:
            wie = "systeem -> ketenpartner" if regel.van_systeem else "ketenpartner -> systeem"
            allure.attach(regel.xml, name=f"{i:02d} {e.get('message') or 'bericht'} {e.get('identificatie') or ''} "
                                          f"({wie})", attachment_type="application/xml", extension=XML_EXTENSIE)
    allure.attach(diagram.svg(pijlen, _diagramtitel(request.node), systeem=f"systeem ({gesprek.sut_rol})",
                              partner=f"ketenpartner ({gesprek.partner_rol})",
                              ondertitel=f"{gesprek.sut.name} ({gesprek.sut_rol}), {gesprek.standaard} 3.2"),
                  name="volgordediagram", attachment_type=allure.attachment_type.SVG)
    samenvatting = [{k: e.get(k) for k in ("id", "richting", "message", "identificatie", "status", "bevindingen",
                                           "oordelen", "fouten")} for e in (r.entry for r in dossier.regels)]
    allure.attach(json.dumps(samenvatting, ensure_ascii=False, indent=1, default=str), name="uitwisselingslog",
                  attachment_type=allure.attachment_type.JSON)


def labels(request: pytest.FixtureRequest, gesprek: Gesprek) -> None:
    namen = sorted({m.name for m in request.node.iter_markers()})
    allure.dynamic.label("standaard", gesprek.standaard)
    allure.dynamic.label("release", "3.2")
    allure.dynamic.label("rol", gesprek.sut_rol)
    allure.dynamic.label("systeem", gesprek.sut.name)
    allure.dynamic.parent_suite(f"{gesprek.standaard} 3.2")
    allure.dynamic.sub_suite(gesprek.sut_rol)
    for bericht in tags.berichten_in(namen):
        allure.dynamic.label("bericht", bericht)
    for regel in tags.regels_in(namen):
        allure.dynamic.label("regel", regel)
        allure.dynamic.link(tags.regel_url(regel, gesprek.standaard), name=regel)
    from suite.plugin import scenario_van

    scen = scenario_van(request.node)
    if scen is not None:
        allure.dynamic.label("proces", scen.feature.name)
        if scen.rule is not None:
            allure.dynamic.story(scen.rule.name)


def _diagramtitel(item: pytest.Item) -> str:
    from suite.plugin import scenario_van, titel_van

    return titel_van(item) if scenario_van(item) is not None else item.name
