"""Evidence of one scenario in the Allure report: labels (standard, release, role, process, message, rule), a
link per rule to the informatiemodel, every exchanged XML, the exchange log and a sequence diagram."""

from __future__ import annotations

import json

import allure
import pytest

from suite import diagram, tags
from suite.gesprek import Gesprek


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
                                          f"({wie})", attachment_type=allure.attachment_type.XML)
    titel = f"{gesprek.sut.name} ({gesprek.sut_rol}) - {request.node.name}"
    allure.attach(diagram.svg(pijlen, titel, systeem=f"systeem ({gesprek.sut_rol})",
                              partner=f"ketenpartner ({gesprek.partner_rol})"),
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
