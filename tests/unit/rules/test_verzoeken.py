"""Rules of the group ``verzoeken``: 315/317/319 (verzoeken.py) and the 305/307 regie rules (regie.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ketenproef import corpus, factory
from ketenproef.basis import basis
from ketenproef.clock import FrozenClock
from ketenproef.rules.registry import covered, get, rules
from ketenproef.validate import validate

MINE = ("TR018", "TR352", "TR353", "TR377", "TR380", "TR383", "TR409", "CD043", "CD066", "CD067", "CD068", "CD085",
        "CD086", "CS058")
GEDEKT = {"OP033x2": ("CS058",), "OP297": ("CD066", "CD067", "CD068")}
# Rules of other groups that a fail example of ours must also trip (TR383 duplicates the TR101 logical key of 315).
FOREIGN = {"TR101"}
VOORBEELDEN = Path(__file__).resolve().parents[3] / "corpus" / "voorbeelden" / "verzoeken"
VANDAAG = date(2026, 1, 12)
AGB = "01012345"


def registered() -> set[str]:
    return {r.id for r in rules()}


def run(name: str, data: dict):
    return validate(factory.to_bytes(name, data), clock=FrozenClock(VANDAAG))


def found(report) -> set[str]:
    return {f.rule for f in report.findings}


def expect(name: str, data: dict, *rule_ids: str, klasse: str | None = None):
    """Validate and assert the exact set of rule ids (foreign ones only when registered); return the report."""
    report = run(name, data)
    wanted = {r for r in rule_ids if r not in FOREIGN or r in registered()}
    assert found(report) == wanted, [(f.rule, f.text) for f in report.findings]
    for f in report.findings:
        if f.rule in MINE:
            assert f.retourcode == "0001"
            assert f.level == "bericht"
            if klasse:
                assert f.klasse == klasse
    return report


BOTH = pytest.mark.parametrize("prefix", ["WMO", "JW"])


# ---------------------------------------------------------------- registration


@pytest.mark.parametrize("rule_id", MINE)
def test_registration_matches_register(rule_id):
    rule, entry = get(rule_id), corpus.rule_register()[rule_id]
    assert rule.berichten == frozenset(entry["berichten"])
    assert rule.retourcode == entry["retourcode"]
    assert set(rule.standaarden) == set(entry["standaarden"])
    assert rule.scope == "single" == entry["scope"]


def test_bedrijfsregels_are_covered():
    gedekt = covered()
    for rule_id, door in GEDEKT.items():
        assert gedekt[rule_id][0] == door
        assert set(door) <= registered()


@pytest.mark.parametrize("name", ["WMO305", "JW305", "WMO307", "JW307", "WMO315", "JW315", "WMO317", "JW317",
                                  "WMO319", "JW319"])
def test_basis_messages_are_valid(name):
    expect(name, basis(name))


# ---------------------------------------------------------------- 307 / 305


@BOTH
@pytest.mark.parametrize(("einde", "rules_"), [("2026-01-06", {"TR018"}), ("2026-01-07", set()),
                                               ("2026-01-08", set())])
def test_tr018_stop_einddatum_not_before_begindatum(prefix, einde, rules_):
    data = basis(f"{prefix}307")
    data["Client"]["StopProducten"][0]["Einddatum"] = einde
    report = expect(f"{prefix}307", data, *rules_, klasse="StopProduct")
    if rules_:
        assert report.findings[0].path.endswith("StopProduct/Einddatum")
        assert "2026-01-06" in report.findings[0].text and "2026-01-07" in report.findings[0].text


@BOTH
@pytest.mark.parametrize("msg", ["305", "307"])
@pytest.mark.parametrize(("status", "rules_"), [("1", set()), ("3", set()), ("2", {"CS058"}), ("9", {"CS058"})])
def test_cs058_status_aanlevering_only_1_or_3(prefix, msg, status, rules_):
    data = basis(f"{prefix}{msg}")
    klasse = "StartProduct" if msg == "305" else "StopProduct"
    data["Client"][f"{klasse}en"][0]["StatusAanlevering"] = status
    expect(f"{prefix}{msg}", data, *rules_, klasse=klasse)


def test_cs058_reports_each_bad_product_once():
    data = basis("JW305")
    first = data["Client"]["StartProducten"][0]
    data["Client"]["StartProducten"] = [
        first, dict(first, Begindatum="2026-01-08", StatusAanlevering="2"),
        dict(first, Begindatum="2026-01-09", StatusAanlevering="9")]
    report = expect("JW305", data, "CS058", klasse="StartProduct")
    assert [f.path for f in report.findings] == [
        "/Bericht/Client/StartProducten/StartProduct[2]/StatusAanlevering",
        "/Bericht/Client/StartProducten/StartProduct[3]/StatusAanlevering"]


# ---------------------------------------------------------------- 315


def _aanvraag(data: dict) -> dict:
    return data["Client"]["AangevraagdeProducten"][0]


def _extra_aanvraag(data: dict, referentie: str, begin: str, einde: str) -> None:
    data["Client"]["AangevraagdeProducten"].append(
        dict(_aanvraag(data), ReferentieAanbieder=referentie, ToewijzingIngangsdatum=begin, ToewijzingEinddatum=einde))


@BOTH
def test_tr383_duplicate_referentie_aanbieder(prefix):
    data = basis(f"{prefix}315")
    _extra_aanvraag(data, "VOT-0002", "2026-08-01", "2026-09-30")
    _extra_aanvraag(data, "VOT-0001", "2026-10-01", "2026-12-31")
    report = expect(f"{prefix}315", data, "TR383", "TR101", klasse="AangevraagdProduct")
    mine = [f for f in report.findings if f.rule == "TR383"]
    assert len(mine) == 1
    assert mine[0].path == "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[3]/ReferentieAanbieder"
    assert "VOT-0001" in mine[0].text


@BOTH
def test_tr383_distinct_referenties_pass(prefix):
    data = basis(f"{prefix}315")
    _extra_aanvraag(data, "VOT-0002", "2026-08-01", "2026-12-31")
    expect(f"{prefix}315", data)


@BOTH
@pytest.mark.parametrize(("velden", "rules_"), [
    ({"BeschikkingNummer": 2026017}, {"CD043"}),
    ({"BeschikkingIngangsdatum": "2026-01-01"}, {"CD043"}),
    ({"BeschikkingNummer": 2026017, "BeschikkingIngangsdatum": "2026-01-01"}, set()),
    ({}, set()),
])
def test_cd043_beschikking_ingangsdatum_iff_nummer(prefix, velden, rules_):
    data = basis(f"{prefix}315")
    _aanvraag(data).update(velden)
    expect(f"{prefix}315", data, *rules_, klasse="AangevraagdProduct")


VERWIJZERS = [
    # CD066: type 02-05 with a code must not carry a name
    ({"Type": "02", "Naam": "Dr. Proef", "ZorgverlenerCode": AGB}, {"CD066"}),
    ({"Type": "05", "Naam": "Dr. Proef", "ZorgverlenerCode": AGB}, {"CD066"}),
    ({"Type": "02", "ZorgverlenerCode": AGB}, set()),
    # CD067: type 02-05 without a code needs a name
    ({"Type": "02"}, {"CD067"}),
    ({"Type": "03"}, {"CD067"}),
    ({"Type": "04"}, {"CD067"}),
    ({"Type": "05"}, {"CD067"}),
    ({"Type": "04", "Naam": "GI Proefstad"}, set()),
    # CD068: other types never carry a code (a name is free)
    ({"Type": "01", "ZorgverlenerCode": AGB}, {"CD068"}),
    ({"Type": "06", "ZorgverlenerCode": AGB}, {"CD068"}),
    ({"Type": "08", "Naam": "Rechtbank", "ZorgverlenerCode": AGB}, {"CD068"}),
    ({"Type": "01"}, set()),
    ({"Type": "06", "Naam": "Zelf"}, set()),
    ({"Type": "08", "Naam": "Rechtbank Proefstad"}, set()),
]


@BOTH
@pytest.mark.parametrize(("verwijzer", "rules_"), VERWIJZERS)
def test_cd066_cd067_cd068_verwijzer(prefix, verwijzer, rules_):
    data = basis(f"{prefix}315")
    _aanvraag(data)["Verwijzer"] = verwijzer
    report = expect(f"{prefix}315", data, *rules_, klasse="AangevraagdProduct")
    paths = {f.rule: f.path.rsplit("/", 1)[-1] for f in report.findings}
    assert paths == {r: {"CD066": "Naam", "CD067": "Verwijzer", "CD068": "ZorgverlenerCode"}[r] for r in rules_}


# ---------------------------------------------------------------- 317


def _verzoek(data: dict) -> dict:
    return data["Client"]["Verzoek"]


TE_WIJZIGEN = {"ToewijzingNummer": 586955, "GewensteIngangsdatum": "2026-02-01", "Einddatum": "2026-12-31",
               "Omvang": {"Volume": 6, "Eenheid": "04", "Frequentie": "2"}}


@BOTH
@pytest.mark.parametrize(("weg", "extra", "rules_"), [
    (("OngewijzigdeProducten",), {}, {"TR352"}),
    (("NieuweProducten",), {}, {"TR353"}),
    (("OngewijzigdeProducten", "NieuweProducten"), {}, {"TR352", "TR353"}),
    (("OngewijzigdeProducten", "NieuweProducten"), {"TeWijzigenProducten": [TE_WIJZIGEN]}, set()),
    ((), {}, set()),
])
def test_tr352_tr353_verzoek_content(prefix, weg, extra, rules_):
    data = basis(f"{prefix}317")
    for key in weg:
        del _verzoek(data)[key]
    _verzoek(data).update(extra)
    report = expect(f"{prefix}317", data, *rules_, klasse="Verzoek")
    assert all(f.path == "/Bericht/Client/Verzoek" for f in report.findings)


@BOTH
@pytest.mark.parametrize(("gewenst", "rules_"), [("2026-01-11", {"TR380"}), ("2026-01-12", {"TR380"}),
                                                 ("2026-01-13", set())])
def test_tr380_gewenste_ingangsdatum_after_dagtekening(prefix, gewenst, rules_):
    data = basis(f"{prefix}317")
    nieuw = _verzoek(data)["NieuweProducten"][0]
    nieuw.update(GewensteIngangsdatum=gewenst, Einddatum="2026-07-31")
    expect(f"{prefix}317", data, *rules_, klasse="NieuwProduct")


def test_tr380_does_not_apply_to_te_wijzigen_product():
    data = basis("JW317")
    _verzoek(data)["TeWijzigenProducten"] = [dict(TE_WIJZIGEN, ToewijzingNummer=586956,
                                                  GewensteIngangsdatum="2026-01-05")]
    expect("JW317", data)


# ---------------------------------------------------------------- 319


def _319(prefix: str, **velden) -> dict:
    data = basis(f"{prefix}319")
    for key, value in velden.items():
        if value is None:
            data["Antwoord"].pop(key, None)
        else:
            data["Antwoord"][key] = value
    return data


@BOTH
@pytest.mark.parametrize(("antwoord", "reden", "rules_"), [
    ("1", None, {"CD085"}), ("1", "3", set()), ("2", "3", {"CD086"}), ("2", None, set())])
def test_cd085_cd086_reden_afwijzing(prefix, antwoord, reden, rules_):
    data = _319(prefix, VerzoekAntwoord=antwoord, RedenAfwijzingVerzoek=reden)
    report = expect(f"{prefix}319", data, *rules_, klasse="Antwoord")
    for f in report.findings:
        assert f.path.endswith({"CD085": "VerzoekAntwoord", "CD086": "RedenAfwijzingVerzoek"}[f.rule])


WOONPLAATS = {"Gemeente": "0599"}


@pytest.mark.parametrize(("velden", "rules_", "klasse"), [
    ({"RedenAfwijzingVerzoek": "8"}, {"TR377"}, "Antwoord"),
    ({"RedenAfwijzingVerzoek": "8", "Woonplaatsbeginsel": WOONPLAATS}, set(), None),
    ({"RedenAfwijzingVerzoek": "5", "Woonplaatsbeginsel": WOONPLAATS}, {"TR409"}, "Woonplaatsbeginsel"),
    ({"RedenAfwijzingVerzoek": "2"}, set(), None),
])
def test_tr377_tr409_woonplaatsbeginsel_ijw(velden, rules_, klasse):
    report = expect("JW319", _319("JW", **velden), *rules_, klasse=klasse)
    if "TR409" in rules_:
        assert "0599" in report.findings[0].text


def test_tr377_is_ijw_only():
    expect("WMO319", _319("WMO", RedenAfwijzingVerzoek="8"))


def test_woonplaatsbeginsel_does_not_exist_in_iwmo():
    with pytest.raises(factory.FactoryError):
        factory.to_bytes("WMO319", _319("WMO", RedenAfwijzingVerzoek="8", Woonplaatsbeginsel=WOONPLAATS))


# ---------------------------------------------------------------- examples


def _manifest() -> list[dict]:
    return json.loads((VOORBEELDEN / "manifest.json").read_text(encoding="utf-8"))


def test_manifest_covers_every_rule_with_a_fail_example():
    entries = _manifest()
    failing = {rule for e in entries if not e["valid"] for rule in e["rules"]}
    assert set(MINE) <= failing
    for e in entries:
        assert e["valid"] == (not e["rules"])
        assert e["file"].endswith(f"_{e['message']}_{'ok' if e['valid'] else 'fail'}.xml")
    for rule_id in MINE:
        assert any(e["file"].startswith(f"{rule_id}_") for e in entries), rule_id


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: e["file"])
def test_manifest_entry(entry):
    assert set(entry["rules"]) - set(MINE) <= FOREIGN
    report = validate((VOORBEELDEN / entry["file"]).read_bytes(),
                      clock=FrozenClock(date.fromisoformat(entry["datum"])))
    assert report.message == entry["message"]
    wanted = {r for r in entry["rules"] if r not in FOREIGN or r in registered()}
    assert found(report) == wanted, [(f.rule, f.text) for f in report.findings]
    assert report.valid == entry["valid"]
