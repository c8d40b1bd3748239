"""The register says per rule what its verdict needs (``bron``) and why (``toelichting``), and the registry agrees:
a rule registered with scope "external" needs only the message, "vandaag" and reference data and runs without a
chain; a "chain" rule needs earlier messages and runs only with one."""

from __future__ import annotations

import pytest

from ketenproef import corpus
from ketenproef.clock import clock_for
from ketenproef.examples import examples
from ketenproef.rules.registry import rules
from ketenproef.validate import validate

REGISTER = corpus.rule_register()
BRON = {"single": "bericht", "external": "referentie", "chain": "keten", "process": "proces"}


@pytest.mark.parametrize("rule_id", sorted(REGISTER))
def test_every_rule_says_what_it_needs_and_why(rule_id):
    entry = REGISTER[rule_id]
    assert entry["bron"] == BRON[entry["scope"]]
    assert len(entry["toelichting"]) > 20


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.id)
def test_registry_scope_matches_the_bron_in_the_register(rule):
    assert BRON[rule.scope] == REGISTER[rule.id]["bron"] or (
        rule.scope == "chain" and REGISTER[rule.id]["bron"] in ("keten", "proces"))


def test_without_a_chain_no_chain_rule_and_every_external_rule_can_report():
    """Over the corpus, validate without a chain reports rules of scope single and external only, and the
    external ones do report (TR135, TR346, TR378, TR381 each have a _fail example)."""
    chain = {r.id for r in rules("chain")}
    found = set()
    for example in examples():
        found |= {f.rule for f in validate(example.path.read_bytes(), clock=clock_for(example.datum)).findings}
    assert not found & chain
    assert {"TR135", "TR346", "TR378", "TR381"} <= found
