"""Every bundled example is judged exactly as its manifest says, and agrees with the retour builder."""

import datetime as dt

import pytest

from ketenproef import factory
from ketenproef.clock import clock_for
from ketenproef.examples import examples, judge
from ketenproef.retour import retour_for
from ketenproef.validate import validate

EXAMPLES = examples()


def test_there_are_examples_for_every_group():
    groups = {e.path.parent.name for e in EXAMPLES}
    assert {"technisch", "personen", "producten", "verzoeken", "declaratie"} <= groups


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.path.parent.name}/{e.path.name}")
def test_example_is_judged_as_the_manifest_says(example):
    outcome = judge(example)
    assert outcome.ok, outcome.line()


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.message and not e.message.endswith(("302", "306", "308",
                                     "316", "318", "320", "325"))], ids=lambda e: e.path.name)
def test_retour_of_every_heen_example_is_valid_and_matches_the_verdict(example):
    clock = clock_for(example.datum)
    report = validate(example.path.read_bytes(), clock=clock)
    tree = retour_for(report, clock=clock, identificatie="RETOUR1")
    if "XSD" in example.rules:
        assert tree is None
        return
    retour = validate(factory.serialise(tree), clock=clock_for(dt.date.fromisoformat(example.datum)))
    assert retour.valid, retour.as_dict()
    codes = tree.xpath("//*[local-name()='RetourCode']/text()")
    rejecting = [f for f in report.findings if f.rejecting]
    if rejecting:
        assert codes[:1] == ["0001"] or "8001" not in codes
    elif example.message.endswith("323"):
        assert "8001" in codes
    else:
        assert codes == []
