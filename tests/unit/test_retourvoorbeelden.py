"""The rejecting-retour examples (corpus/voorbeelden/retouren/, docs/RETOUREN.md): current with their generator, and
each retour really has the shape of its kind (IV028, IV087), read from the file itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from ketenproef.clock import clock_for
from ketenproef.validate import validate
from tools.voorbeelden import retouren

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "corpus" / "voorbeelden" / "retouren"
MANIFEST = json.loads((MAP / "gesprekken.json").read_text(encoding="utf-8"))
RETOUREN = {e["voorbeeld"]: e for e in MANIFEST if e["soort"] == "retour"}
NIVEAU3 = {"TeWijzigenProduct", "OngewijzigdProduct", "NieuwProduct", "Prestatie"}  # Client / ... / klasse


def boom(voorbeeld: str) -> etree._Element:
    return etree.parse(str(MAP / RETOUREN[voorbeeld]["file"])).getroot()


def codes(root: etree._Element) -> list[tuple[str, list[str]]]:
    return [(etree.QName(rc.getparent()).localname, [c.text for c in rc]) for rc in root.iter("{*}RetourCodes")]


def body(root: etree._Element) -> list[etree._Element]:
    return [el for el in root if etree.QName(el).localname != "Header"]


def klasse_met(root: etree._Element, code: str) -> etree._Element:
    gevonden = [rc.getparent() for rc in root.iter("{*}RetourCodes") if code in [c.text for c in rc]]
    assert len(gevonden) == 1, codes(root)
    return gevonden[0]


def test_files_and_page_are_what_the_generator_writes():
    bestanden, pagina = retouren.bouw()
    assert sorted(f for f, _, _ in bestanden) == sorted(p.name for p in MAP.glob("*.xml")), \
        "voer .venv/bin/python tools/voorbeelden/retouren.py uit"
    for file, xml, _ in bestanden:
        assert (MAP / file).read_bytes() == xml, f"{file} is niet actueel: voer tools/voorbeelden/retouren.py uit"
    assert [e for _, _, e in bestanden] == MANIFEST
    assert (MAP / "manifest.json").read_text(encoding="utf-8") == retouren.manifest_tekst(bestanden)
    assert (ROOT / "docs" / "RETOUREN.md").read_text(encoding="utf-8") == pagina


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_every_file_is_judged_on_its_own_as_described(entry):
    report = validate((MAP / entry["file"]).read_bytes(), clock=clock_for(entry["datum"]))
    assert report.message == entry["message"]
    assert report.valid == entry["valid"]
    assert sorted({f.rule for f in report.findings if f.rejecting}) == entry["rules"]


def test_the_corpus_manifest_lists_the_retours():
    corpus_manifest = json.loads((MAP / "manifest.json").read_text(encoding="utf-8"))
    assert [e["file"] for e in corpus_manifest] == [e["file"] for e in RETOUREN.values()]


def test_every_kind_has_an_example():
    assert set(RETOUREN) == {"technisch", "klasse", "onderliggend", "header", "declaratie_afgewezen",
                             "declaratie_toegekend"}
    for entry in RETOUREN.values():
        assert entry["valid"] and entry["rules"] == [], entry


@pytest.mark.parametrize("voorbeeld", sorted(RETOUREN))
def test_manifest_codes_are_those_in_the_file(voorbeeld):
    assert [list(c) for c in codes(boom(voorbeeld))] == [[k, c] for k, c in RETOUREN[voorbeeld]["retourcodes"]]


def test_technical_reject_is_header_only_with_0001_and_xslt_versie():
    root = boom("technisch")
    assert body(root) == []
    assert codes(root) == [("Header", ["0001"])]
    assert root.find("{*}Header/{*}XsltVersie").text
    heen = [e for e in MANIFEST if e["voorbeeld"] == "technisch" and e["soort"] == "heen"][-1]
    assert not heen["valid"] and heen["rules"] == RETOUREN["technisch"]["regels"] == ["TR018"]


def test_header_reject_is_header_only_with_the_rule_code():
    root = boom("header")
    assert body(root) == []
    assert codes(root) == [("Header", ["9056"])]
    assert root.find("{*}Header/{*}XsltVersie") is None


def test_level_3_reject_has_its_code_and_0200_on_every_other_class():
    root = boom("klasse")
    afgekeurd = klasse_met(root, "9351")
    naam = etree.QName(afgekeurd).localname
    assert naam in NIVEAU3
    diepte = len([a for a in afgekeurd.iterancestors() if a.find("{*}RetourCodes") is not None])
    assert diepte == 2, "TeWijzigenProduct hangt onder Verzoek onder Client: niveau 3"
    assert root.find("{*}Header/{*}XsltVersie") is None
    overige = [(k, c) for k, c in codes(root) if k != naam]
    assert ("Header", ["0200"]) in overige and len(overige) >= 3
    assert all(c == ["0200"] for _, c in overige), overige


def test_reject_of_a_parent_class_gives_0233_below_and_0200_above():
    root = boom("onderliggend")
    afgekeurd = klasse_met(root, "9361")
    onder = {etree.QName(rc.getparent()).localname: [c.text for c in rc] for rc in afgekeurd.iter("{*}RetourCodes")
             if rc.getparent() is not afgekeurd}
    assert onder and all(c == ["0233"] for c in onder.values()), onder
    boven = [a for a in afgekeurd.iterancestors() if a.find("{*}RetourCodes") is not None] + [root.find("{*}Header")]
    assert all([c.text for c in a.find("{*}RetourCodes")] == ["0200"] for a in boven)


def bedrag(el: etree._Element) -> int:
    waarde = int(el.find("{*}TotaalBedrag").text)
    return -waarde if el.find("{*}DebetCredit").text == "C" else waarde


def heen_323(voorbeeld: str) -> etree._Element:
    entry = [e for e in MANIFEST if e["voorbeeld"] == voorbeeld and e["message"].endswith("323")][0]
    return etree.parse(str(MAP / entry["file"])).getroot()


def prestaties(root: etree._Element) -> dict[str, etree._Element]:
    return {p.find("{*}ProductReferentie/{*}ReferentieNummer").text: p for p in root.iter("{*}Prestatie")}


def test_325_lists_only_the_rejected_prestatie_and_grants_the_approved_sum():
    root, heen = boom("declaratie_afgewezen"), heen_323("declaratie_afgewezen")
    ingediend = prestaties(heen)
    afgewezen = prestaties(root)
    assert afgewezen and set(afgewezen) < set(ingediend)
    for ref, p in afgewezen.items():
        assert [c.text for c in p.find("{*}RetourCodes")] == ["9341"], ref
        client = p.getparent().getparent()
        assert [c.text for c in client.find("{*}RetourCodes")] == ["0200"]
    goedgekeurd = sum(int(p.find("{*}IngediendBedrag/{*}Bedrag").text) for ref, p in ingediend.items()
                      if ref not in afgewezen)
    antwoord = root.find("{*}DeclaratieAntwoord")
    assert [c.text for c in antwoord.find("{*}RetourCodes")] == ["0200"]
    toegekend = bedrag(antwoord.find("{*}TotaalToegekendBedrag"))
    ingediend = bedrag(antwoord.find("{*}TotaalIngediendBedrag"))
    assert toegekend == goedgekeurd == RETOUREN["declaratie_afgewezen"]["TotaalToegekendBedrag"]
    assert ingediend == bedrag(heen.find("{*}Declaratie/{*}TotaalIngediendBedrag"))
    assert 0 < goedgekeurd < ingediend


def test_fully_approved_325_has_8001_equal_totals_and_no_prestaties():
    root, heen = boom("declaratie_toegekend"), heen_323("declaratie_toegekend")
    antwoord = root.find("{*}DeclaratieAntwoord")
    assert codes(root) == [("Header", ["0200"]), ("DeclaratieAntwoord", ["8001"])]
    assert prestaties(root) == {}
    ingediend = bedrag(heen.find("{*}Declaratie/{*}TotaalIngediendBedrag"))
    assert bedrag(antwoord.find("{*}TotaalToegekendBedrag")) == bedrag(antwoord.find("{*}TotaalIngediendBedrag")) \
        == ingediend > 0


def test_docs_link_the_examples():
    pagina = (ROOT / "docs" / "RETOUREN.md").read_text(encoding="utf-8")
    for entry in MANIFEST:
        assert f"(../corpus/voorbeelden/retouren/{entry['file']})" in pagina
    assert "(RETOUREN.md)" in (ROOT / "docs" / "SUT-PROTOCOL.md").read_text(encoding="utf-8")
