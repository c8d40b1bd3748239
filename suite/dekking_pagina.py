"""The coverage page (``coverage.html``) from the matrix of ``suite.coverage``: the verdict, systems, date, seed and
counts on top; the failed rules first, each with all its failed scenario runs, the first line of each failure
and links to the evidence; then every rule grouped by process and message, with filters (soort, scope, proces,
bericht, uitkomst) and a text search in a little plain JavaScript that works from ``file://`` without network.
Markup, style and script are in ``dekking_pagina.html`` next to this module."""

from __future__ import annotations

import re
from collections import Counter
from html import escape
from pathlib import Path
from string import Template

from suite import dekking_uitleg, tags

SJABLOON = Path(__file__).with_name("dekking_pagina.html")
UITKOMSTEN = ("gefaald", "niet uitgevoerd", "niet gedekt", "geslaagd", "niet toetsbaar")  # order of the rows in a group
TELLERS = ("gefaald", "geslaagd", "niet uitgevoerd", "niet gedekt", "niet toetsbaar")
SCOPES = {"single": "binnen het bericht", "chain": "over berichten (keten)", "process": "proces",
          "external": "externe bron"}
SCENARIO_UITKOMST = {"passed": "geslaagd", "failed": "gefaald", "skipped": "overgeslagen",
                     "xfailed": "verwacht mislukt"}
BEWIJS = (("diagram", "diagram"), ("log", "log"), ("resultaat", "resultaat"), ("allure", "Allure"))


def pagina(data: dict) -> str:
    rules, sut = data["rules"], len(data.get("suts", [])) > 1
    return Template(SJABLOON.read_text(encoding="utf-8")).substitute(
        oordeel=escape(data.get("oordeel", "")), kop=_kop(data), filters=_filters(rules),
        gefaald=_gefaald(rules, sut), processen=_processen(rules, sut))


def slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")


def _kop(data: dict) -> str:
    oordeel = data.get("oordeel", "")
    systemen = "".join(_systeem(run) for run in data.get("runs", []))
    tel, uit = data.get("per_uitkomst", {}), data.get("uitvoeringen", {})
    tellers = "".join(f'<button type="button" class="teller {slug(u) if tel.get(u) else "nul"}" '
                      f'data-toon-uitkomst="{slug(u)}" '
                      f'title="toon alleen de regels die {u} zijn"><b>{tel.get(u, 0)}</b>regels {u}</button>'
                      for u in TELLERS)
    tellers += (f'<div class="teller uitvoeringen"><b>{uit.get("totaal", data.get("scenarios", 0))}</b>'
                f'scenario-uitvoeringen: {uit.get("geslaagd", 0)} geslaagd, {uit.get("gefaald", 0)} gefaald, '
                f'{uit.get("overgeslagen", 0)} overgeslagen</div>')
    return (f'<div class="kop"><h1>Regeldekking iWmo/iJw 3.2</h1><span class="oordeel {slug(oordeel)}" '
            f'id="oordeel">{escape(oordeel.upper())}</span></div><ul class="systemen">{systemen}</ul>'
            f'<div class="tellers">{tellers}</div><p class="uitleg">Een systeem voldoet als minstens een van zijn '
            f'scenario\'s slaagde en er geen faalde. Pagina gemaakt {escape(_tijd(data.get("gegenereerd", "")))} over '
            f'{len(data.get("rules", {}))} regels van het register.{_bewijsuitleg(data)}</p>{_mutatiekop(data)}')


def _mutatiekop(data: dict) -> str:
    """The mutation score of the last full ``ketenproef zelftest``: how many one-rule mutants the suite caught."""
    m = data.get("mutatiescore")
    if not m:
        return ""
    s = m["score"]
    beoordeeld = s.get("betrapt", 0) + s.get("gemist", 0)
    pct = f" ({100 * s.get('betrapt', 0) / beoordeeld:.0f} %)" if beoordeeld else ""
    return (f'<p class="uitleg" id="mutatiescore">Mutatiescore (ketenproef zelftest van {escape(m["datum"])}): '
            f'{s.get("betrapt", 0)} van {beoordeeld} mutanten betrapt{pct}, {s.get("equivalent", 0)} equivalent. Een '
            "mutant is het referentiesysteem van een rol met precies een regel uitgezet; betrapt betekent dat een "
            "scenario van die regel faalt.</p>")


def _bewijsuitleg(data: dict) -> str:
    scenarios = [s for r in data.get("rules", {}).values() for s in r["scenarios"]]
    if not any(s.get("bewijs") for s in scenarios):
        return ""
    uitleg = (" Per scenario: het volgordediagram, het uitwisselingslog en het Allure-resultaat (JSON) uit "
              "allure-results/.")
    if any(s.get("bewijs", {}).get("allure") for s in scenarios):
        uitleg += (" De Allure-links openen het scenario in allure-report/; Allure laadt alleen via een webserver "
                   "(<code>allure open allure-report</code> of <code>python3 -m http.server</code> in deze map).")
    return uitleg


def _tijd(iso: str) -> str:
    """``2026-12-07T15:18:51+00:00`` -> ``2026-12-07 15:18 UTC``; anything else as it is."""
    return f"{iso[:10]} {iso[11:16]} UTC" if iso.endswith("+00:00") and len(iso) >= 16 else iso


def _systeem(run: dict) -> str:
    tel = run.get("uitvoeringen", {})
    delen = [f'<span class="u {slug(run.get("oordeel", ""))}">{escape(run.get("oordeel", ""))}</span> '
             f'<span class="label">{escape(run.get("sut") or "?")}</span>'
             + (f' ({escape(run["rol"])})' if run.get("rol") else "")]
    if run.get("datum"):
        delen.append(escape(run["datum"].replace("T", " ")[:16]))
    if run.get("seed"):
        delen.append(f'seed {escape(str(run["seed"]))}')
    if run.get("selectie"):
        delen.append(f'selectie -m "{escape(run["selectie"])}"')
    uitkomsten = ", ".join(f"{tel[k]} {k}" for k in ("geslaagd", "gefaald", "overgeslagen") if tel.get(k))
    delen.append(f'{tel.get("totaal", 0)} scenario-uitvoeringen' + (f" ({uitkomsten})" if uitkomsten else ""))
    return f"<li>{' &middot; '.join(delen)}</li>"


def _filters(rules: dict) -> str:
    processen = sorted({p for r in rules.values() for p in _processen_van(r)})
    berichten = sorted({b for r in rules.values() for b in _berichten_van(r)}, key=lambda b: (not b.isdigit(), b))
    keuzes = {"soort": [(s, s.replace("_", " ")) for s in sorted({r["soort"] for r in rules.values()})],
              "scope": [(s, SCOPES.get(s, s)) for s in sorted({r["scope"] for r in rules.values()})],
              "proces": [(slug(p), p) for p in processen],
              "bericht": [(b, _berichtlabel(b)) for b in berichten],
              "uitkomst": [(slug(u), u) for u in UITKOMSTEN]}
    return "\n".join(f'  <select id="f-{veld}" aria-label="{veld}"><option value="">{veld}: alle</option>'
                     + "".join(f'<option value="{escape(w)}">{escape(t)}</option>' for w, t in opties)
                     + "</select>" for veld, opties in keuzes.items())


def _processen_van(rule: dict) -> list[str]:
    return rule.get("processen") or [rule.get("proces") or dekking_uitleg.ZONDER_SCENARIO]


def _berichten_van(rule: dict) -> list[str]:
    return rule.get("berichten") or [dekking_uitleg.ZONDER_BERICHT]


def _berichtlabel(nummer: str) -> str:
    naam = dekking_uitleg.berichtnamen().get(nummer)
    return f"{nummer} {naam}" if naam else nummer


def _data(rule_id: str, rule: dict) -> str:
    """The attributes the filters read: space-separated values per field."""
    waarden = {"regel": rule_id, "soort": rule["soort"], "scope": rule["scope"],
               "proces": " ".join(slug(p) for p in _processen_van(rule)), "bericht": " ".join(_berichten_van(rule)),
               "uitkomst": slug(rule["verdict"])}
    return " ".join(f'data-{k}="{escape(v)}"' for k, v in waarden.items())


def _regel_link(rule_id: str, rule: dict) -> str:
    try:
        url = tags.regel_url(rule_id, rule["standaarden"][0])
    except KeyError:  # a rule outside the bundled register (a matrix over another register)
        return escape(rule_id)
    return f'<a href="{escape(url)}" title="de regel in het informatiemodel">{escape(rule_id)}</a>'


OPEN_TOT = 10  # up to this many failed rules every block is open; with more, one line per rule until opened


def _gefaald(rules: dict, sut: bool) -> str:
    fouten = sorted(((k, r) for k, r in rules.items() if r["verdict"] == "gefaald"),
                    key=lambda kr: (-_aantal(kr[1], "failed"), kr[0]))
    if not fouten:
        return ""
    open_ = " open" if len(fouten) <= OPEN_TOT else ""
    blokken = [_foutblok(rule_id, r, sut, open_) for rule_id, r in fouten]
    uitleg = ("" if open_ else f'<p class="uitleg">De meest gefaalde regels eerst, met de eerste fout; klik een regel '
                               f"open voor al zijn gefaalde scenario's (met minder dan {OPEN_TOT + 1} regels in beeld "
                               "staan ze open).</p>")
    return (f'<h2>Gefaalde regels (<span id="n-fouten">{len(fouten)}</span>)</h2>{uitleg}<div id="fouten" '
            f'data-open-tot="{OPEN_TOT}">' + "\n".join(blokken) + "</div>")


def _foutblok(rule_id: str, r: dict, sut: bool, open_: str) -> str:
    """A failed rule: one line (id, title, kind, messages, counts, the first failure), then every failed run."""
    mis = [s for s in r["scenarios"] if s["uitkomst"] == "failed"]
    meta = [r["soort"].replace("_", " "), SCOPES.get(r["scope"], r["scope"])]
    if r.get("retourcode"):
        meta.append(f"retourcode {r['retourcode']}")
    berichten = _berichten_van(r)
    meta.append(", ".join(_berichtlabel(b) for b in berichten) if len(berichten) <= 2 else ", ".join(berichten))
    eerste = next((s["melding"] for s in mis if s.get("melding")), "")
    return (f'<details class="fout" id="fout-{escape(rule_id)}" {_data(rule_id, r)}{open_}><summary>'
            f'<span class="kop3">{_regel_link(rule_id, r)} {escape(r["titel"])}</span> '
            f'<span class="meta">{escape(" · ".join(meta))}</span> <span class="u gefaald">{len(mis)} gefaald</span> '
            f'<span class="meta">{_aantal(r, "passed")} geslaagd</span>'
            f'<span class="eerste">{escape(eerste)}</span></summary>'
            f'<ol>{"".join(_fout_item(s, sut) for s in mis)}</ol></details>')


def _aantal(rule: dict, uitkomst: str) -> int:
    return sum(s["uitkomst"] == uitkomst for s in rule["scenarios"])


def _fout_item(s: dict, sut: bool) -> str:
    melding = f'<div class="melding">{escape(s["melding"])}</div>' if s.get("melding") else ""
    stap = f'<div class="stap">bij stap: {escape(s["stap"])}</div>' if s.get("stap") else ""
    return f"<li>{_scenario_regel(s, sut)}{melding}{stap}</li>"


def _scenario_regel(s: dict, sut: bool) -> str:
    """Standard, system (when the page has more than one), the scenario's words and the evidence links."""
    links = "".join(f'<a href="{escape(s["bewijs"][k])}">{naam}</a>' for k, naam in BEWIJS
                    if s.get("bewijs", {}).get(k))
    std = f'<span class="tag">{escape(s["standaard"])}</span>' if s.get("standaard") else ""
    std += f'<span class="tag">{escape(s.get("sut") or "")}</span>' if sut else ""
    return (f'{std}{escape(s.get("titel") or s["naam"])}'
            f'<span class="bewijs">{links}</span>')


def _processen(rules: dict, sut: bool) -> str:
    groepen: dict[str, list[str]] = {}
    for rule_id, r in rules.items():
        groepen.setdefault(r.get("proces") or dekking_uitleg.ZONDER_SCENARIO, []).append(rule_id)
    volgorde = sorted(groepen, key=lambda p: (p == dekking_uitleg.ZONDER_SCENARIO, p))
    return "\n".join(_proces(p, groepen[p], rules, sut) for p in volgorde)


def _proces(proces: str, ids: list[str], rules: dict, sut: bool) -> str:
    tel = Counter(rules[i]["verdict"] for i in ids)
    samenvatting = ", ".join(f"{tel[u]} {u}" for u in UITKOMSTEN if tel[u])
    open_ = " open data-open" if tel["gefaald"] else ""
    rijen, vorige = [], None
    sleutel = {u: n for n, u in enumerate(UITKOMSTEN)}
    for rule_id in sorted(ids, key=lambda i: (_hoofdbericht(rules[i]), sleutel[rules[i]["verdict"]], i)):
        bericht = _hoofdbericht(rules[rule_id])
        if bericht != vorige:
            rijen.append(f'<tr class="bericht"><td colspan="7">{escape(_berichtlabel(bericht))}</td></tr>')
            vorige = bericht
        rijen.append(_rij(rule_id, rules[rule_id], sut))
    regels = "regel" if len(ids) == 1 else "regels"
    return (f'<details class="proces" id="proces-{slug(proces)}"{open_}><summary>{escape(proces)}'
            f'<span class="tel">{len(ids)} {regels}: {samenvatting}</span></summary><table><thead><tr><th>regel</th>'
            f"<th>titel</th><th>soort</th><th>scope</th><th>uitkomst</th><th>scenario's</th><th>toelichting</th>"
            f'</tr></thead><tbody>{"".join(rijen)}</tbody></table></details>')


def _hoofdbericht(rule: dict) -> str:
    return _berichten_van(rule)[0]


def _rij(rule_id: str, r: dict, sut: bool) -> str:
    """The rule's row, and beneath it (opened by the button in the column "scenario's") its scenario runs."""
    if r["verdict"] == "gefaald":
        uitleg = f'<a href="#fout-{escape(rule_id)}">gefaalde scenario\'s bovenaan</a>'
    else:
        uitleg = escape(r.get("toelichting") or r.get("reden") or "")
    rij = (f'<tr {_data(rule_id, r)}><td class="id">{_regel_link(rule_id, r)}</td><td>{escape(r["titel"])}</td>'
           f'<td>{escape(r["soort"].replace("_", " "))}</td><td>{escape(SCOPES.get(r["scope"], r["scope"]))}</td>'
           f'<td><span class="u {slug(r["verdict"])}">{escape(r["verdict"])}</span>{_mutatie(r)}</td>'
           f'<td class="scen">{_scenarioknop(r["scenarios"])}</td><td class="reden">{uitleg}</td></tr>')
    if not r["scenarios"]:
        return rij
    volgorde = sorted(r["scenarios"], key=lambda s: (s["uitkomst"] != "failed", s.get("titel") or s["naam"]))
    items = "".join(f'<li><span class="u {slug(_uitkomst(s))}">{escape(_uitkomst(s))}</span> '
                    f"{_scenario_regel(s, sut)}</li>" for s in volgorde)
    return f'{rij}<tr class="scenarios" hidden><td colspan="7"><ol>{items}</ol></td></tr>'


def _mutatie(r: dict) -> str:
    if not r.get("mutatie"):
        return ""
    tekst = ", ".join(f"{rol} {uitkomst}" for rol, uitkomst in sorted(r["mutatie"].items()))
    return (f'<div class="mutatie" title="mutant met deze regel uitgezet (ketenproef zelftest)">mutant: '
            f"{escape(tekst)}</div>")


def _scenarioknop(scenarios: list[dict]) -> str:
    if not scenarios:
        return '<span class="leeg">geen</span>'
    tel = Counter(_uitkomst(s) for s in scenarios)
    samenvatting = ", ".join(f"{n} {u}" for u, n in tel.most_common())
    return (f'<button type="button" class="toon-scenarios" aria-expanded="false" title="toon de scenario\'s">'
            f"{len(scenarios)}: {escape(samenvatting)}</button>")


def _uitkomst(scenario: dict) -> str:
    return SCENARIO_UITKOMST.get(scenario["uitkomst"], scenario["uitkomst"])
