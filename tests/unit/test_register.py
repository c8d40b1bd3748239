"""The registered checks agree with the rule register, and every single-message rule has one."""

import pytest

from ketenproef import corpus
from ketenproef.rules.registry import covered, rules
from ketenproef.schemas import XSD_CONSTRAINTS

REGISTER = corpus.rule_register()
CHECKED_BY_XSD = set(XSD_CONSTRAINTS.values())


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.id)
def test_registered_rule_matches_the_register(rule):
    entry = REGISTER[rule.id]
    assert set(rule.berichten) == set(entry["berichten"])
    assert rule.retourcode == entry["retourcode"]
    assert set(rule.standaarden) == set(entry["standaarden"])
    assert rule.func.__name__ == rule.id
    if entry["scope"] in ("single", "external") or rule.scope == "single":
        assert rule.scope == entry["scope"], "the check runs in another phase than its control level says"


def test_every_single_message_tr_cd_cs_has_a_check():
    registered = {r.id for r in rules()} | set(covered()) | CHECKED_BY_XSD
    wanted = {rid for rid, e in REGISTER.items()
              if e["scope"] == "single" and e["soort"] in ("technische_regel", "conditie", "constraint")}
    assert wanted - registered == set()


def test_every_single_message_tr_cd_cs_has_a_fail_example():
    from ketenproef.examples import examples

    triggered = set()
    for example in examples():
        triggered |= set(example.rules)
        if example.text_contains in CHECKED_BY_XSD:
            triggered.add(example.text_contains)
    wanted = {rid for rid, e in REGISTER.items()
              if e["scope"] == "single" and e["soort"] in ("technische_regel", "conditie", "constraint")}
    assert wanted - triggered == set()


def test_coverage_records_point_at_registered_rules():
    ids = {r.id for r in rules()}
    for rule_id, (by, _) in covered().items():
        assert rule_id in REGISTER
        assert set(by) <= ids | CHECKED_BY_XSD | {"XSD"}, rule_id
