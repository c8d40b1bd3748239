"""docs/VERZENDREGELS.md: the rules a sending system keeps itself, generated from the features and the register,
and the OP288 table, checked against the feature file, the codelists and the reference aanbieder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ketenproef import corpus
from tools import verzendregels as vr

ROOT = Path(__file__).resolve().parents[2]


def test_page_is_current():
    assert (ROOT / "docs" / "VERZENDREGELS.md").read_text(encoding="utf-8") == vr.pagina(), \
        "docs/VERZENDREGELS.md is verouderd: voer .venv/bin/python tools/verzendregels.py uit"


def test_every_niet_door_step_is_found_once():
    regels = [r for f in sorted((ROOT / "features").glob("*.feature"))
              for r in f.read_text(encoding="utf-8").splitlines() if "gaat het bericht niet door:" in r]
    assert len(vr.weigeringen()) == len(regels) > 20


def test_the_rules_of_the_issue_are_listed_for_the_aanbieder():
    per_bericht = {(w.regel, w.bericht) for w in vr.weigeringen() if w.verzender == "aanbieder"}
    assert {("TR307", "323"), ("TR308", "323"), ("TR352", "317"), ("TR321", "323"), ("TR413", "307")} <= per_bericht


def test_each_rule_is_one_the_receiver_checks_with_that_code_on_a_message_the_sender_sends():
    register = corpus.rule_register()
    for w in vr.weigeringen():
        regel = register[w.regel]
        assert regel["retourcode"] == w.code, w
        assert vr.ontvanger(w.verzender) in regel["controleur"], w
        assert w.bericht in regel["berichten"] and w.bericht in vr.verstuurd_door(w.verzender), w
        retour = corpus.message_model(f"WMO{w.bericht}").get("retour_message") or "WMO325"
        assert w.klasse in vr.klassen(w.bericht) | vr.klassen(retour[3:]), w  # 325: DeclaratieAntwoord
        assert f"| {w.regel} | {w.code} | {w.klasse} |" in vr.pagina()


def test_a_code_that_no_tag_of_the_scenario_carries_is_an_error(tmp_path):
    (tmp_path / "x.feature").write_text(
        "# language: nl\nFunctionaliteit: x\n  @TR307\n  Regel: r\n    Scenario: s\n"
        '      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9308" '
        'op "Prestatie"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="9308"):
        vr.weigeringen(tmp_path)


def test_the_most_specific_tag_with_the_code_decides(tmp_path):
    stap = ('      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" '
            'op "Prestatie"\n')
    (tmp_path / "x.feature").write_text(
        "# language: nl\n@WMO323 @TR342\nFunctionaliteit: x\n  @TR315\n  Regel: r\n    Scenario: s\n" + stap,
        encoding="utf-8")
    assert [w.regel for w in vr.weigeringen(tmp_path)] == ["TR315"]
    (tmp_path / "x.feature").write_text(
        "# language: nl\n@WMO323\nFunctionaliteit: x\n  @TR315 @TR316\n  Regel: r\n    Scenario: s\n" + stap,
        encoding="utf-8")
    with pytest.raises(ValueError, match="TR315"):
        vr.weigeringen(tmp_path)


def feature_tabel() -> dict[str, dict[str, str]]:
    """{standaard: {RedenWijziging: RedenBeeindiging}} from the OP288 example tables of the feature."""
    out: dict[str, dict[str, str]] = {}
    std, kop = None, None
    for regel in (ROOT / "features" / "administratief_afsluiten.feature").read_text(encoding="utf-8").splitlines():
        s = regel.strip()
        if s in ("@iwmo", "@ijw"):
            std, kop = {"@iwmo": "iWmo", "@ijw": "iJw"}[s], None
        elif s.startswith("|"):
            cellen = [c.strip() for c in s.strip("|").split("|")]
            if kop is None:
                kop = cellen
            elif "reden wijziging" in kop and std:
                rij = dict(zip(kop, cellen, strict=True))
                out.setdefault(std, {})[rij["reden wijziging"]] = rij["reden beeindiging"]
        else:
            kop = None
    return out


def test_op288_table_agrees_with_the_feature_and_the_reference_aanbieder():
    from sut.referentie.aanbieder import reden_beeindiging_bij

    tabel = {code: {"iWmo": wmo, "iJw": jw} for code, _, wmo, jw in vr.reden_beeindiging()}
    feature = feature_tabel()
    assert set(feature) == {"iWmo", "iJw"} and all(len(v) >= 9 for v in feature.values())
    for std, rijen in feature.items():
        for wijziging, beeindiging in rijen.items():
            assert tabel[wijziging][std] == beeindiging, (std, wijziging)
    assert tabel["12"] == {"iWmo": "37", "iJw": "37"}  # the feature: an honoured VOW ends with reden 37
    for code, per_std in tabel.items():
        for std, beeindiging in per_std.items():
            assert (reden_beeindiging_bij(std, code) or "-") == beeindiging, (std, code)
    pagina = vr.pagina()
    for code, omschrijving, wmo, jw in vr.reden_beeindiging():
        assert re.search(rf"^\| {code} \| {re.escape(omschrijving)} \| {wmo} \| {jw} \|$", pagina, re.M)
