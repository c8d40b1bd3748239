"""The rule coverage matrix: for every rule of the register, the scenarios that carry its id as a tag and the
verdict over their outcomes in one or more runs (``resultaten/*.json`` in the report folder)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ketenproef import corpus
from suite import dekking_bewijs, dekking_pagina, dekking_uitleg, tags

GESLAAGD, GEFAALD, NIET_GEDEKT, NIET_TOETSBAAR = "geslaagd", "gefaald", "niet gedekt", "niet toetsbaar"
NIET_UITGEVOERD = "niet uitgevoerd"  # its scenarios were selected but could not be carried out (system unreachable)
VOLDOET, VOLDOET_NIET = "voldoet", "voldoet niet"
REDENEN = Path(__file__).with_name("niet_toetsbaar.json")


def niet_toetsbaar() -> dict[str, str]:
    """Rule id -> why the suite has no scenario for it (``suite/niet_toetsbaar.json``)."""
    return {k: v for k, v in json.loads(REDENEN.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def lees_runs(map_: Path) -> list[dict]:
    """The result files of the runs written into ``map_/resultaten``: per system its role, seed, time, selection
    (``-m``) and result records."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted((map_ / "resultaten").glob("*.json"))]


def lees_resultaten(map_: Path) -> list[dict]:
    """All result records of the runs written into ``map_/resultaten``."""
    return [res for run in lees_runs(map_) for res in run["resultaten"]]


def verdict(uitkomsten: Iterable[str]) -> str:
    uitkomsten = list(uitkomsten)
    if "failed" in uitkomsten:
        return GEFAALD
    return GESLAAGD if "passed" in uitkomsten else NIET_GEDEKT


SCENARIOVELDEN = ("titel", "standaard", "melding", "stap", "allure")


def matrix(resultaten: list[dict], register: dict | None = None, runs: list[dict] | None = None,
           bewijs: dict[str, dict] | None = None) -> dict:
    """``{"rules": {id: {..., "scenarios": [...], "verdict": ...}}, "per_soort": ..., "per_scope": ...}``, plus the
    run's verdict per system (``runs``, ``oordeel``) and, per rule, its processes, messages and why it is not
    covered; ``bewijs`` maps an Allure uuid to the links of that scenario run (``suite.dekking_bewijs``)."""
    register = register if register is not None else corpus.rule_register()
    runs = runs if runs is not None else _runs_uit(resultaten)
    per_regel: dict[str, list[dict]] = {rule_id: [] for rule_id in register}
    for res in resultaten:
        for rule_id in tags.regels_in(res.get("tags", [])):
            if rule_id in per_regel:
                per_regel[rule_id].append(_scenario(res, bewijs or {}))
    rules, redenen = {}, niet_toetsbaar()
    mutaties = _mutatiescore()
    for rule_id, rule in register.items():
        scen = per_regel[rule_id]
        oordeel = verdict(s["uitkomst"] for s in scen)
        rules[rule_id] = {"soort": rule["soort"], "scope": rule["scope"], "titel": rule["titel"],
                          "standaarden": rule["standaarden"], "scenarios": scen, "verdict": oordeel,
                          **_plaats(rule_id, rule, scen)}
        if mutaties and rule_id in mutaties["regels"]:
            rules[rule_id]["mutatie"] = mutaties["regels"][rule_id]
        reden = redenen.get(rule_id) or rule.get("niet_toetsbaar")
        niet_uitgevoerd = [s["melding"] for s in scen if s["uitkomst"] == "skipped"
                           and (s.get("melding") or "").startswith(NIET_UITGEVOERD)]
        if oordeel == NIET_GEDEKT and niet_uitgevoerd:
            rules[rule_id].update(verdict=NIET_UITGEVOERD, reden=niet_uitgevoerd[0])
        elif oordeel == NIET_GEDEKT and reden:
            rules[rule_id].update(verdict=NIET_TOETSBAAR, toelichting=reden)
        elif oordeel == NIET_GEDEKT:
            rules[rule_id]["reden"] = dekking_uitleg.reden_niet_gedekt(rule_id, scen, runs)
    return {"gegenereerd": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "suts": sorted({r.get("sut") for r in resultaten if r.get("sut")}),
            "scenarios": len(resultaten), "rules": rules,
            "per_soort": _tel(rules, "soort"), "per_scope": _tel(rules, "scope"),
            "per_uitkomst": dict(Counter(r["verdict"] for r in rules.values())),
            "uitvoeringen": _uitvoeringen(resultaten), **_oordeel(runs),
            **({"mutatiescore": {k: mutaties[k] for k in ("datum", "score", "per_familie")}} if mutaties else {})}


def _mutatiescore() -> dict | None:
    from suite.zelftest import mutatiescore

    return mutatiescore()


def _scenario(res: dict, bewijs: dict[str, dict]) -> dict:
    out = {"naam": res["naam"], "functionaliteit": res.get("functionaliteit"), "nodeid": res["nodeid"],
           "sut": res.get("sut"), "uitkomst": res["uitkomst"]}
    out.update({k: res[k] for k in SCENARIOVELDEN if res.get(k)})
    if res.get("allure") in bewijs:
        out["bewijs"] = bewijs[res["allure"]]
    return out


def _plaats(rule_id: str, rule: dict, scen: list[dict]) -> dict:
    processen = dekking_uitleg.processen(rule_id)
    return {"processen": processen, "proces": processen[0] if processen else dekking_uitleg.ZONDER_SCENARIO,
            "berichten": dekking_uitleg.berichten(rule, scen), "retourcode": rule.get("retourcode")}


def _uitvoeringen(resultaten: list[dict]) -> dict:
    telling = Counter(r["uitkomst"] for r in resultaten)
    return {"totaal": len(resultaten), "geslaagd": telling["passed"], "gefaald": telling["failed"],
            "overgeslagen": len(resultaten) - telling["passed"] - telling["failed"]}


def _runs_uit(resultaten: list[dict]) -> list[dict]:
    """Runs without their result files (a matrix from records only): one per system."""
    per_sut: dict[str, list[dict]] = {}
    for res in resultaten:
        per_sut.setdefault(res.get("sut") or "", []).append(res)
    return [{"sut": sut, "resultaten": eigen} for sut, eigen in sorted(per_sut.items())]


def _oordeel(runs: list[dict]) -> dict:
    """Per system: voldoet when a scenario ran, passed and none failed (as ``ketenproef run`` exits 0)."""
    systemen = []
    for run in runs:
        tel = _uitvoeringen(run.get("resultaten", []))
        ok = tel["gefaald"] == 0 and tel["geslaagd"] > 0
        tijd = run.get("tijd")
        systemen.append({"sut": run.get("sut"), "rol": run.get("rol"), "seed": run.get("seed"),
                         "selectie": run.get("selectie") or "", "uitvoeringen": tel,
                         "datum": dt.datetime.fromtimestamp(tijd).isoformat(timespec="seconds") if tijd else None,
                         "oordeel": VOLDOET if ok else VOLDOET_NIET})
    alles = bool(systemen) and all(s["oordeel"] == VOLDOET for s in systemen)
    return {"runs": systemen, "oordeel": VOLDOET if alles else VOLDOET_NIET}


def _tel(rules: dict, key: str) -> dict:
    out: dict[str, Counter] = {}
    for rule in rules.values():
        out.setdefault(rule[key], Counter())[rule["verdict"]] += 1
    return {k: {"totaal": sum(c.values()), GESLAAGD: c[GESLAAGD], GEFAALD: c[GEFAALD], NIET_GEDEKT: c[NIET_GEDEKT],
                NIET_TOETSBAAR: c[NIET_TOETSBAAR]} for k, c in sorted(out.items())}


def schrijf(map_: Path) -> dict:
    """Write coverage.json and coverage.html into ``map_`` from its result files; return the matrix."""
    runs = lees_runs(map_)
    resultaten = [res for run in runs for res in run["resultaten"]]
    bewijs = dekking_bewijs.koppelingen(map_, {r["allure"] for r in resultaten if r.get("allure")})
    data = matrix(resultaten, runs=runs, bewijs=bewijs)
    (map_ / "coverage.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (map_ / "coverage.html").write_text(html(data), encoding="utf-8")
    return data


def html(data: dict) -> str:
    """The coverage page (``suite.dekking_pagina``): verdict on top, failed rules first, filters and search."""
    return dekking_pagina.pagina(data)
