"""What the coverage page says about a rule beyond its verdict: which processes (feature files) and messages it
belongs to, and why a rule is "niet gedekt" in this run (its scenarios are for the other role, another standard,
were not selected, or were skipped)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from ketenproef import corpus
from suite import tags

# Generated features that touch many rules at once; a rule belongs to a hand-written process where it has one.
ALGEMENE_PROCESSEN = ("Berichten volgens de regels", "Retourberichten en technische afkeur")
ZONDER_SCENARIO = "Zonder scenario"
ZONDER_BERICHT = "algemeen"


@dataclass(frozen=True)
class Scenario:
    """A scenario of the feature files as written (before it runs per standard or system)."""

    proces: str
    rollen: frozenset[str]  # empty: both roles
    standaarden: frozenset[str]  # iWmo, iJw; empty: none named


@cache
def scenarios_per_regel() -> dict[str, tuple[Scenario, ...]]:
    """Rule id -> the scenarios in the feature files that carry its tag (on the feature, Regel or scenario, or
    on one examples block: each block counts as a scenario of its own, with its own role and standard tags)."""
    from pytest_bdd.feature import get_features

    from suite.cli import features_dir

    out: dict[str, list[Scenario]] = {}
    for feature in get_features([str(features_dir())]):
        for scen in feature.scenarios.values():
            basis = set(feature.tags) | set(scen.tags) | (set(scen.rule.tags) if scen.rule else set())
            for alle in [basis | set(blok.tags) for blok in scen.examples] or [basis]:
                info = Scenario(feature.name, frozenset(t[4:] for t in alle if t.startswith("rol-")),
                                frozenset(tags.STANDAARDEN[t] for t in alle if t in tags.STANDAARDEN))
                for rule_id in tags.regels_in(alle):
                    out.setdefault(rule_id, []).append(info)
    return {k: tuple(v) for k, v in out.items()}


def processen(rule_id: str) -> list[str]:
    """The processes with a scenario for the rule, the one with most scenarios first (hand-written before
    generated features); [] for a rule without scenario."""
    telling = Counter(s.proces for s in scenarios_per_regel().get(rule_id, ()))
    return sorted(telling, key=lambda p: (p in ALGEMENE_PROCESSEN, -telling[p], p))


@cache
def berichtnamen() -> dict[str, str]:
    """Message number -> its name without the standard ("301" -> "Toewijzing")."""
    out = {}
    for naam in tags.berichtnamen():
        if naam.startswith("JW"):
            out[naam[2:]] = corpus.message_model(naam)["title_nl"].removesuffix(" Jeugdhulp")
    return out


def berichten(rule: dict, gedraaid: list[dict]) -> list[str]:
    """The message numbers of a rule: the register's, else those its scenarios were tagged with."""
    nummers = list(rule.get("berichten") or [])
    if not nummers:
        nummers = sorted({b.removeprefix("WMO").removeprefix("JW") for s in gedraaid
                          for b in tags.berichten_in(s.get("tags", []))})
    return nummers


def reden_niet_gedekt(rule_id: str, gedraaid: list[dict], runs: list[dict]) -> str:
    """Why no scenario of the rule passed or failed in these runs, in one Dutch sentence."""
    if gedraaid:
        return _overgeslagen(gedraaid)
    geschreven = scenarios_per_regel().get(rule_id, ())
    if not geschreven:
        return "geen scenario in de suite voor deze regel"
    rollen = {r.get("rol") for r in runs if r.get("rol")}
    eigen = [s for s in geschreven if not s.rollen or s.rollen & rollen]
    if rollen and not eigen:
        ander = sorted({rol for s in geschreven for rol in s.rollen} - rollen)
        return (f"alleen te toetsen bij een {' of '.join(ander)}systeem; deze run toetste een "
                f"{' en een '.join(sorted(rollen))}systeem")
    selecties = sorted({r.get("selectie") for r in runs if r.get("selectie")})
    if selecties:
        return f"geen scenario in deze selectie (-m {' / '.join(selecties)}); de suite heeft er {len(eigen)}"
    standaarden = {s.get("standaard") for r in runs for s in r.get("resultaten", []) if s.get("standaard")}
    if standaarden and not any(not s.standaarden or s.standaarden & standaarden for s in eigen):
        return f"alleen scenario's voor {', '.join(sorted({x for s in eigen for x in s.standaarden}))}"
    if len(eigen) == 1:
        return "het enige scenario voor deze regel is in deze run niet uitgevoerd"
    return f"geen van de {len(eigen)} scenario's voor deze regel is in deze run uitgevoerd"


def _overgeslagen(gedraaid: list[dict]) -> str:
    telling = Counter(s["uitkomst"] for s in gedraaid)
    delen = []
    if telling["skipped"]:
        delen.append(f"{telling['skipped']} overgeslagen")
    if telling["xfailed"]:
        delen.append(f"{telling['xfailed']} verwacht mislukt (bekend gebrek)")
    rest = sum(telling.values()) - telling["skipped"] - telling["xfailed"]
    if rest:
        delen.append(f"{rest} zonder uitkomst")
    meldingen = sorted({s["melding"] for s in gedraaid if s.get("melding")})
    waarom = f": {meldingen[0]}" if meldingen else ""
    if meldingen and meldingen[0].startswith("niet uitgevoerd: "):  # the system could not be reached
        return f"scenario's niet uitgevoerd ({', '.join(delen)}): {meldingen[0].removeprefix('niet uitgevoerd: ')}"
    return f"scenario's wel uitgevoerd maar niet beslist ({', '.join(delen)}){waarom}"
