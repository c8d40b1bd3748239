"""The rule coverage matrix: every rule of the register, its scenarios and one verdict."""

import json

from suite import coverage

REGISTER = {
    "TR019": {"soort": "technische_regel", "scope": "chain", "titel": "Start hoort bij toewijzing",
              "standaarden": ["iWmo", "iJw"]},
    "OP359": {"soort": "bedrijfsregel", "scope": "process", "titel": "Woonplaatsbeginsel", "standaarden": ["iJw"]},
    "CD085": {"soort": "conditie", "scope": "single", "titel": "Reden afwijzing", "standaarden": ["iWmo", "iJw"]},
}


def res(naam, uitkomst, *tags, sut="referentie-aanbieder"):
    return {"nodeid": f"f.py::{naam}", "naam": naam, "functionaliteit": "F", "uitkomst": uitkomst,
            "tags": list(tags), "sut": sut}


def test_verdict_per_rule():
    m = coverage.matrix([res("a", "passed", "TR019", "iwmo"), res("b", "failed", "TR019", "ijw"),
                         res("c", "passed", "OP359", "ijw")], REGISTER)
    assert m["rules"]["TR019"]["verdict"] == "gefaald"
    assert m["rules"]["OP359"]["verdict"] == "geslaagd"
    assert m["rules"]["CD085"]["verdict"] == "niet gedekt"
    assert [s["naam"] for s in m["rules"]["TR019"]["scenarios"]] == ["a", "b"]


def test_skipped_and_xfailed_do_not_cover():
    m = coverage.matrix([res("a", "skipped", "CD085"), res("b", "xfailed", "CD085")], REGISTER)
    assert m["rules"]["CD085"]["verdict"] == "niet gedekt"
    assert len(m["rules"]["CD085"]["scenarios"]) == 2


def test_every_rule_of_the_register_is_in_the_matrix_with_counts():
    m = coverage.matrix([res("a", "passed", "TR019")], REGISTER)
    assert set(m["rules"]) == set(REGISTER)
    assert m["per_soort"]["technische_regel"] == {"totaal": 1, "geslaagd": 1, "gefaald": 0, "niet gedekt": 0,
                                                  "niet toetsbaar": 0}
    assert m["per_scope"]["process"]["niet gedekt"] == 1


def test_tags_that_are_not_rules_are_ignored():
    m = coverage.matrix([res("a", "failed", "iwmo", "WMO305", "rol-aanbieder", "release-3.2")], REGISTER)
    assert all(r["verdict"] == "niet gedekt" for r in m["rules"].values())


def test_schrijf_merges_runs_into_json_and_html(tmp_path):
    (tmp_path / "resultaten").mkdir()
    for sut, uitkomst in (("referentie-aanbieder", "passed"), ("referentie-gemeente", "passed")):
        (tmp_path / "resultaten" / f"{sut}.json").write_text(json.dumps(
            {"sut": sut, "resultaten": [res(f"s-{sut}", uitkomst, "TR019", sut=sut)]}), encoding="utf-8")
    m = coverage.schrijf(tmp_path)
    assert m["suts"] == ["referentie-aanbieder", "referentie-gemeente"]
    assert len(m["rules"]["TR019"]["scenarios"]) == 2
    data = json.loads((tmp_path / "coverage.json").read_text(encoding="utf-8"))
    assert data["rules"]["TR019"]["verdict"] == "geslaagd"
    html = (tmp_path / "coverage.html").read_text(encoding="utf-8")
    assert "technische-regel/tr019/" in html and "niet gedekt" in html


def test_a_rule_without_scenario_by_design_shows_its_reason():
    register = {**REGISTER, "UP019": {"soort": "uitgangspunt", "scope": "process", "titel": "Client centraal",
                                      "standaarden": ["iWmo", "iJw"]}}
    m = coverage.matrix([], register)
    assert m["rules"]["UP019"]["verdict"] == "niet toetsbaar"
    assert m["rules"]["UP019"]["toelichting"] == coverage.niet_toetsbaar()["UP019"]
    assert m["rules"]["CD085"]["verdict"] == "niet gedekt" and "toelichting" not in m["rules"]["CD085"]
    assert m["per_scope"]["process"]["niet toetsbaar"] == 1 and "Client centraal" in coverage.html(m)


def test_reasons_name_only_register_rules_without_a_scenario():
    """A rule that has a reason must not also have a scenario in the feature files (then the reason is stale)."""
    from ketenproef import corpus
    from suite import tags
    from suite.cli import features_dir

    redenen = coverage.niet_toetsbaar()
    assert set(redenen) <= set(corpus.rule_register()), set(redenen) - set(corpus.rule_register())
    getagd = set()
    for feature in features_dir().glob("*.feature"):
        for regel in feature.read_text(encoding="utf-8").splitlines():
            if regel.strip().startswith("@"):
                getagd |= set(tags.regels_in([t.lstrip("@") for t in regel.split()]))
    assert not set(redenen) & getagd, sorted(set(redenen) & getagd)
