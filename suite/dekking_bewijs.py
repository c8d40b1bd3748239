"""Links from the coverage page to the evidence of one scenario run, relative to the report folder: its Allure
result (the ``allure-results/*-result.json`` with the test case uuid that ``suite.bewijs.identiteit`` records per
run), the sequence diagram and exchange log attached to it, and its page in ``allure-report/`` when generated."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS, REPORT = "allure-results", "allure-report"


def koppelingen(map_: Path, uuids: set[str]) -> dict[str, dict[str, str]]:
    """uuid -> {"resultaat": path, "diagram": path, "log": path, "allure": url}, each only when it exists. The
    uuid is the test case's (``"uuid"`` inside the result file; Allure names the file after another, random one)."""
    rapport = _allure_rapport(map_)
    out = {}
    for pad, result in _resultaten(map_):
        if result.get("uuid") not in uuids:
            continue
        links = {"resultaat": f"{RESULTS}/{pad.name}"}
        for bijlage in result.get("attachments", []):
            soort = {"volgordediagram": "diagram", "uitwisselingslog": "log"}.get(bijlage.get("name"))
            if soort and (map_ / RESULTS / bijlage.get("source", "")).is_file():
                links[soort] = f"{RESULTS}/{bijlage['source']}"
        uid = rapport.get((result.get("fullName"), _waarden(result.get("parameters", []))))
        if uid:
            links["allure"] = f"{REPORT}/index.html#testresult/{uid}"
        out[result["uuid"]] = links
    return out


def _resultaten(map_: Path):
    for pad in sorted((map_ / RESULTS).glob("*-result.json")):
        try:
            yield pad, json.loads(pad.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue


def _waarden(parameters: list[dict]) -> tuple[str, ...]:
    return tuple(sorted(str(p.get("value")) for p in parameters))


def _allure_rapport(map_: Path) -> dict[tuple, str]:
    """(fullName, parameter values) -> uid of the test case in a generated Allure report (Allure 2 writes one
    ``data/test-cases/<uid>.json`` per result; the page ``index.html#testresult/<uid>`` shows it)."""
    out = {}
    for pad in sorted((map_ / REPORT / "data" / "test-cases").glob("*.json")):
        try:
            case = json.loads(pad.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        waarden = tuple(sorted(map(str, case.get("parameterValues") or ()))) or _waarden(case.get("parameters", []))
        out[(case.get("fullName"), waarden)] = case.get("uid", pad.stem)
    return out
