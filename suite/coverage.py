"""The rule coverage matrix: for every rule of the register, the scenarios that carry its id as a tag and the
verdict over their outcomes in one or more runs (``resultaten/*.json`` in the report folder)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from html import escape
from pathlib import Path

from ketenproef import corpus
from suite import tags

GESLAAGD, GEFAALD, NIET_GEDEKT, NIET_TOETSBAAR = "geslaagd", "gefaald", "niet gedekt", "niet toetsbaar"
REDENEN = Path(__file__).with_name("niet_toetsbaar.json")


def niet_toetsbaar() -> dict[str, str]:
    """Rule id -> why the suite has no scenario for it (``suite/niet_toetsbaar.json``)."""
    return {k: v for k, v in json.loads(REDENEN.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def lees_resultaten(map_: Path) -> list[dict]:
    """All result records of the runs written into ``map_/resultaten``."""
    out = []
    for path in sorted((map_ / "resultaten").glob("*.json")):
        out.extend(json.loads(path.read_text(encoding="utf-8"))["resultaten"])
    return out


def verdict(uitkomsten: Iterable[str]) -> str:
    uitkomsten = list(uitkomsten)
    if "failed" in uitkomsten:
        return GEFAALD
    return GESLAAGD if "passed" in uitkomsten else NIET_GEDEKT


def matrix(resultaten: list[dict], register: dict | None = None) -> dict:
    """``{"rules": {id: {..., "scenarios": [...], "verdict": ...}}, "per_soort": ..., "per_scope": ...}``."""
    register = register if register is not None else corpus.rule_register()
    per_regel: dict[str, list[dict]] = {rule_id: [] for rule_id in register}
    for res in resultaten:
        for rule_id in tags.regels_in(res.get("tags", [])):
            if rule_id in per_regel:
                per_regel[rule_id].append({"naam": res["naam"], "functionaliteit": res.get("functionaliteit"),
                                           "nodeid": res["nodeid"], "sut": res.get("sut"),
                                           "uitkomst": res["uitkomst"]})
    rules, redenen = {}, niet_toetsbaar()
    for rule_id, rule in register.items():
        scen = per_regel[rule_id]
        oordeel = verdict(s["uitkomst"] for s in scen)
        rules[rule_id] = {"soort": rule["soort"], "scope": rule["scope"], "titel": rule["titel"],
                          "standaarden": rule["standaarden"], "scenarios": scen, "verdict": oordeel}
        reden = redenen.get(rule_id) or rule.get("niet_toetsbaar")
        if oordeel == NIET_GEDEKT and reden:
            rules[rule_id].update(verdict=NIET_TOETSBAAR, toelichting=reden)
    return {"gegenereerd": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "suts": sorted({r.get("sut") for r in resultaten if r.get("sut")}),
            "scenarios": len(resultaten), "rules": rules,
            "per_soort": _tel(rules, "soort"), "per_scope": _tel(rules, "scope")}


def _tel(rules: dict, key: str) -> dict:
    out: dict[str, Counter] = {}
    for rule in rules.values():
        out.setdefault(rule[key], Counter())[rule["verdict"]] += 1
    return {k: {"totaal": sum(c.values()), GESLAAGD: c[GESLAAGD], GEFAALD: c[GEFAALD], NIET_GEDEKT: c[NIET_GEDEKT],
                NIET_TOETSBAAR: c[NIET_TOETSBAAR]} for k, c in sorted(out.items())}


def schrijf(map_: Path) -> dict:
    """Write coverage.json and coverage.html into ``map_`` from its result files; return the matrix."""
    data = matrix(lees_resultaten(map_))
    (map_ / "coverage.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (map_ / "coverage.html").write_text(html(data), encoding="utf-8")
    return data


_KLEUR = {GESLAAGD: "#d7f5dd", GEFAALD: "#f9d0d0", NIET_GEDEKT: "#eeeeee", NIET_TOETSBAAR: "#f4f0e0"}


def html(data: dict) -> str:
    """A readable page: counts per kind and scope, then one row per rule."""
    rijen = []
    for rule_id, r in data["rules"].items():
        namen = "<br>".join(escape(f"{s['sut']}: {s['naam']} ({s['uitkomst']})") for s in r["scenarios"][:12])
        if len(r["scenarios"]) > 12:
            namen += f"<br>... en nog {len(r['scenarios']) - 12}"
        if r.get("toelichting"):
            namen = f"<i>{escape(r['toelichting'])}</i>" + (f"<br>{namen}" if namen else "")
        url = tags.regel_url(rule_id, r["standaarden"][0])
        rijen.append(f'<tr style="background:{_KLEUR[r["verdict"]]}"><td><a href="{url}">{rule_id}</a></td>'
                     f'<td>{escape(r["soort"])}</td><td>{escape(r["scope"])}</td><td>{escape(r["titel"])}</td>'
                     f'<td>{"ja" if r["scenarios"] else "nee"}</td><td>{r["verdict"]}</td>'
                     f'<td>{len(r["scenarios"])}</td><td class="s">{namen}</td></tr>')
    return "\n".join([
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Regeldekking ketenproef</title>",
        "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
        "padding:3px 6px;vertical-align:top;font-size:13px}.s{font-size:11px;color:#333}</style></head><body>",
        "<h1>Regeldekking</h1>",
        f"<p>Gegenereerd {escape(data['gegenereerd'])} over {data['scenarios']} scenario-uitvoeringen; systemen: "
        f"{escape(', '.join(data['suts']) or '-')}.</p>",
        _telling("Per soort", data["per_soort"]), _telling("Per scope", data["per_scope"]),
        "<h2>Per regel</h2><table><tr><th>regel</th><th>soort</th><th>scope</th><th>titel</th><th>gedekt</th>"
        "<th>oordeel</th><th>#</th><th>scenario's / toelichting</th></tr>", *rijen, "</table></body></html>"])


def _telling(titel: str, tellingen: dict) -> str:
    rijen = "".join(f"<tr><td>{escape(k)}</td><td>{v['totaal']}</td><td>{v[GESLAAGD]}</td><td>{v[GEFAALD]}</td>"
                    f"<td>{v[NIET_GEDEKT]}</td><td>{v[NIET_TOETSBAAR]}</td></tr>" for k, v in tellingen.items())
    return (f"<h2>{titel}</h2><table><tr><th></th><th>regels</th><th>geslaagd</th><th>gefaald</th>"
            f"<th>niet gedekt</th><th>niet toetsbaar</th></tr>{rijen}</table>")
