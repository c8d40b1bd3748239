"""Every chain and external rule with a retourcode has a scenario in which a violating message must be rejected
with exactly that code (or answered as a correct receiver does): not only a scenario where a correct system
passes. Read from the feature files as text, so a new rule without such a scenario fails here."""

from __future__ import annotations

from ketenproef import corpus
from suite.cli import features_dir


def scenarios() -> list[tuple[set[str], str]]:
    """(all tags that apply, the steps' text) per scenario and Voorbeelden block."""
    out = []
    for feature in sorted(features_dir().glob("*.feature")):
        feat, regel, wachtend, huidig = set(), set(), set(), None
        for regel_tekst in feature.read_text(encoding="utf-8").splitlines():
            s = regel_tekst.strip()
            if s.startswith("@"):
                wachtend |= {t[1:] for t in s.split()}
            elif s.startswith("Functionaliteit"):
                feat, wachtend = wachtend, set()
            elif s.startswith("Regel:"):
                regel, wachtend = wachtend, set()
            elif s.startswith(("Scenario", "Abstract Scenario")):
                huidig = {"tags": feat | regel | wachtend, "tekst": "", "blokken": []}
                out.append(huidig)
                wachtend = set()
            elif s.startswith("Voorbeelden") and huidig is not None:
                huidig["blokken"].append(wachtend)
                wachtend = set()
            elif huidig is not None:
                huidig["tekst"] += s + "\n"
    return [(sc["tags"] | blok, sc["tekst"]) for sc in out for blok in (sc["blokken"] or [set()])]


def test_every_chain_rule_with_a_retourcode_has_a_rejection_scenario():
    alle = scenarios()
    ontbreekt = []
    for rule_id, rule in corpus.rule_register().items():
        if rule["scope"] not in ("chain", "external") or not rule.get("retourcode"):
            continue
        code = rule["retourcode"]
        if not any(rule_id in tags and (f'"{code}"' in tekst or "correcte ontvanger" in tekst)
                   for tags, tekst in alle):
            ontbreekt.append(f"{rule_id} ({code})")
    assert not ontbreekt, f"geen afkeurscenario met de eigen retourcode voor: {', '.join(ontbreekt)}"


def test_the_reader_sees_tags_of_feature_rule_and_examples():
    alle = scenarios()
    assert any({"release-3.2", "TR346", "rol-gemeente"} <= tags for tags, _ in alle)
    assert any({"technische-afkeur", "OP192", "iwmo"} <= tags for tags, _ in alle)
