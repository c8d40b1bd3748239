"""The worked cases of the webinar seed (corpus/casussen/noor.json, geertje.json) replayed through one chain:
every heenbericht gets exactly the answer the case expects, the written files are what the script makes, and
the chain ends with the toewijzingen the case describes."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from ketenproef import corpus, fake
from ketenproef.calculations import ingediend_bedrag_minuten, minuuttarief
from ketenproef.examples import Example, judge
from ketenproef.keten.declaraties import GOEDGEKEURD
from ketenproef.keten.declaraties import Part as Declaraties

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "voorbeelden" / "casussen.py"
GESCHREVEN = ROOT / "corpus" / "voorbeelden" / "casussen"


def _module():
    spec = importlib.util.spec_from_file_location("tools_voorbeelden_casussen", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


casussen = _module()
NAMEN = casussen.NAMEN


@pytest.fixture(scope="module")
def afspelingen():
    return {naam: casussen.speel(casussen.laad(naam)) for naam in NAMEN}


def stappen(naam: str) -> list[dict]:
    return casussen.laad(naam)["stappen"]


def test_both_cases_are_there():
    assert NAMEN == ("noor", "geertje")
    assert [s["bericht"] for s in stappen("noor")] == ["JW315", "JW301", "JW305", "JW305", "JW323", "JW307", "JW301"]
    assert [s["bericht"] for s in stappen("geertje")] == [
        "WMO301", "WMO305", "WMO323", "WMO307", "WMO305", "WMO317", "WMO301", "WMO307", "WMO305", "WMO323",
        "WMO307", "WMO307"]


# ---------------------------------------------------------------- the case data itself

@pytest.mark.parametrize("naam", NAMEN)
def test_steps_are_numbered_dated_and_directed(naam):
    casus = casussen.laad(naam)
    vorige = dt.date.min
    for i, stap in enumerate(casus["stappen"], 1):
        assert stap["stap"] == i
        header = stap["data"]["Header"]
        assert stap["wanneer"] == header["BerichtIdentificatie"]["Dagtekening"], stap["stap"]
        wanneer = dt.date.fromisoformat(stap["wanneer"])
        assert wanneer >= vorige, f"stap {i} ligt voor de vorige"
        vorige = wanneer
        model = corpus.message_model(stap["bericht"])
        assert model["standard"] == casus["standaard"]
        assert (stap["van"], stap["naar"]) == (model["sent_by"], model["sent_to"])
        partij = {"gemeente": casus["gemeente"], "aanbieder": casus["aanbieder"]}
        assert (header["Afzender"], header["Ontvanger"]) == (partij[stap["van"]], partij[stap["naar"]])
        assert stap["toelichting"].strip() and stap["verwacht"]["retour"]


@pytest.mark.parametrize("naam", NAMEN)
def test_people_and_parties_are_synthetic_but_valid_in_form(naam):
    casus = casussen.laad(naam)
    text = json.dumps(casus)
    bsns = {casus["client"]["Bsn"]} | {s["data"].get("Client", {}).get("Bsn") for s in casus["stappen"]} - {None}
    for stap in casus["stappen"]:
        for client in stap["data"].get("Declaratie", {}).get("Clienten", []):
            bsns.add(client["Bsn"])
    assert len(bsns) == 1
    bsn = bsns.pop()
    assert fake.elfproef(bsn) and bsn.startswith("99999"), bsn
    assert casus["gemeente"] in corpus.codes("CBS-GEMEENTE")
    assert len(casus["aanbieder"]) == 8 and casus["aanbieder"].isdigit()
    assert casus["client"]["naam"].split()[0] == {"noor": "Noor", "geertje": "Geertje"}[naam]
    assert text.count(bsn) >= len(casus["stappen"])


# ---------------------------------------------------------------- replay through one chain

@pytest.mark.parametrize("naam", NAMEN)
def test_every_step_gets_exactly_the_expected_answer(afspelingen, naam):
    for u in afspelingen[naam].uitkomsten:
        fouten = [(f.rule, f.retourcode, f.text) for f in u.report.findings if f.rejecting]
        assert not fouten, (u.heen_bestand, fouten)
        assert u.antwoord == u.stap["verwacht"], u.heen_bestand
        assert u.retour_report is not None and u.retour_report.valid, (u.heen_bestand, u.retour_report.as_dict())


@pytest.mark.parametrize("naam", NAMEN)
def test_no_advice_on_the_case(afspelingen, naam):
    """Bedrijfsregels (advies) have nothing to say about the case either."""
    for u in afspelingen[naam].uitkomsten:
        adviezen = [(f.rule, f.text) for f in u.report.findings + u.retour_report.findings]
        assert not adviezen, (u.heen_bestand, adviezen)


@pytest.mark.parametrize("naam", NAMEN)
def test_declaraties_are_fully_approved_with_the_declared_totals(afspelingen, naam):
    declaraties = [u for u in afspelingen[naam].uitkomsten if u.stap["bericht"].endswith("323")]
    assert declaraties
    for u in declaraties:
        declaratie = u.stap["data"]["Declaratie"]
        totaal = declaratie["TotaalIngediendBedrag"]["TotaalBedrag"]
        prestaties = [p for c in declaratie["Clienten"] for p in c["Prestaties"]]
        assert totaal == sum(p["IngediendBedrag"]["Bedrag"] for p in prestaties)
        assert u.antwoord["retour"] == u.stap["bericht"].replace("323", "325")
        assert u.antwoord["retourcodes"] == ["0200", "8001"]
        assert u.antwoord["TotaalIngediendBedrag"] == u.antwoord["TotaalToegekendBedrag"] == totaal


def test_noor_325_is_8001_with_the_totals_of_the_323(afspelingen):
    u = next(u for u in afspelingen["noor"].uitkomsten if u.stap["bericht"] == "JW323")
    assert u.retour_bestand == "noor_05_JW325.xml"
    assert u.antwoord == {"retour": "JW325", "retourcodes": ["0200", "8001"], "TotaalIngediendBedrag": 52950,
                          "TotaalToegekendBedrag": 52950}


def test_geertje_minutes_follow_iv079(afspelingen):
    """Toewijzing in uren, declaratie in minuten: (uurtarief x minuten) / 60, rounded only at the end."""
    stap = next(s for s in stappen("geertje") if "berekening" in s)
    berekening = stap["berekening"]
    minuten = sum(berekening["leveringen_minuten"].values())
    assert minuten == 130
    prestatie = next(p for c in stap["data"]["Declaratie"]["Clienten"] for p in c["Prestaties"]
                     if p["ToewijzingNummer"] == berekening["ToewijzingNummer"])
    assert (prestatie["Eenheid"], prestatie["GeleverdVolume"]) == ("01", minuten)
    assert prestatie["ProductTarief"] == minuuttarief(berekening["uurtarief"]) == 83
    assert prestatie["IngediendBedrag"]["Bedrag"] == ingediend_bedrag_minuten(berekening["uurtarief"], minuten) == 10833
    assert prestatie["IngediendBedrag"]["Bedrag"] != minuten * prestatie["ProductTarief"] == 10790
    u = next(u for u in afspelingen["geertje"].uitkomsten if u.stap["stap"] == stap["stap"])
    assert u.antwoord["retourcodes"] == ["0200", "8001"]
    assert u.antwoord["TotaalToegekendBedrag"] == stap["data"]["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"]


@pytest.mark.parametrize("naam", NAMEN)
def test_chain_ends_with_the_expected_toewijzingen(afspelingen, naam):
    afspeling = afspelingen[naam]
    casus = afspeling.casus
    gemeente, aanbieder, bsn = casus["gemeente"], casus["aanbieder"], casus["client"]["Bsn"]
    huidig = {t.nummer: t for t in afspeling.keten.toewijzingen.van_client(gemeente, aanbieder, bsn)}
    assert set(huidig) == {int(n) for n in casus["eindstand"]}
    for nummer, verwacht in casus["eindstand"].items():
        t = huidig[int(nummer)]
        gevonden = (t.ingangsdatum.isoformat(), t.einddatum.isoformat())
        assert gevonden == (verwacht["Ingangsdatum"], verwacht["Einddatum"]), nummer


def test_end_dates_of_the_cases():
    assert casussen.laad("noor")["eindstand"] == {
        "586955": {"Ingangsdatum": "2025-10-15", "Einddatum": "2026-07-28"},
        "586956": {"Ingangsdatum": "2025-10-15", "Einddatum": "2026-07-28"}}
    assert {n: e["Einddatum"] for n, e in casussen.laad("geertje")["eindstand"].items()} == {
        "445566": "2026-02-28", "445567": "2026-01-06", "455678": "2026-09-30"}


@pytest.mark.parametrize("naam", NAMEN)
def test_declared_prestaties_end_approved_in_the_chain(afspelingen, naam):
    afspeling = afspelingen[naam]
    casus = afspeling.casus
    adm = afspeling.keten.part(Declaraties).administratie(casus["gemeente"], casus["aanbieder"], casus["standaard"])
    referenties = [p["ProductReferentie"]["ReferentieNummer"] for s in casus["stappen"] if "Declaratie" in s["data"]
                   for c in s["data"]["Declaratie"]["Clienten"] for p in c["Prestaties"]]
    assert referenties and len(referenties) == len(set(referenties))
    assert [adm.boeking(r).status for r in referenties] == [GOEDGEKEURD] * len(referenties)


# ---------------------------------------------------------------- the written files

def test_written_files_equal_what_the_script_makes(tmp_path):
    manifest, _ = casussen.schrijf(tmp_path)
    fresh = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in GESCHREVEN.iterdir() if p.name != "README.md")
    assert fresh == committed
    for name in fresh:
        assert (tmp_path / name).read_bytes() == (GESCHREVEN / name).read_bytes(), name
    assert len(manifest) == 2 * sum(len(stappen(n)) for n in NAMEN)


def test_manifest_files_are_valid_on_their_own():
    """The manifest checker judges each file without chain state: all must be single-message valid."""
    entries = json.loads((GESCHREVEN / "manifest.json").read_text(encoding="utf-8"))
    names = {e["file"] for e in entries}
    assert names == {p.name for p in GESCHREVEN.glob("*.xml")}
    for e in entries:
        assert e["valid"] is True and e["rules"] == []
        outcome = judge(Example(GESCHREVEN / e["file"], e["message"], e["datum"], True, frozenset()))
        assert outcome.ok, outcome.line()


def test_file_names_follow_the_steps():
    entries = [e["file"] for e in json.loads((GESCHREVEN / "manifest.json").read_text(encoding="utf-8"))]
    assert entries[:4] == ["noor_01_JW315.xml", "noor_01_JW316.xml", "noor_02_JW301.xml", "noor_02_JW302.xml"]
    assert "geertje_06_WMO317.xml" in entries and "geertje_06_WMO318.xml" in entries
    assert entries[-2:] == ["geertje_12_WMO307.xml", "geertje_12_WMO308.xml"]
