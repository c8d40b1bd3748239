"""Rules the catalogue leaves unlinked but gives an xsd_facet: their derived links agree with the generated XSDs.

tools/build_corpus.py derives the links from the spec facts; this test checks them independently against the
committed schemas in corpus/schemas (both standards), so a wrong derivation or a stale register shows up here.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ketenproef import corpus

XS = "{http://www.w3.org/2001/XMLSchema}"
SCHEMAS = Path(__file__).resolve().parents[2] / "corpus" / "schemas"
REGISTER = corpus.rule_register()
AFGELEID = {rid: e for rid, e in REGISTER.items() if "afgeleid" in e}
NIET_TOETSBAAR = {rid: e for rid, e in REGISTER.items() if "niet_toetsbaar" in e}
FACET = re.compile(r"xsd_facet (\w+)=([^\s;]+)")


def facet_of(text: str) -> tuple[str, str]:
    match = FACET.search(text)
    assert match, text
    return match.group(1), match.group(2)


def local(qname: str) -> str:
    return qname.split(":", 1)[-1]


def basis_types(std: str, facet: str, value: str) -> tuple[set[str], dict[str, set[str]]]:
    """Simple types of the basisschema with the facet and value; the types each complex type refers to."""
    root = ET.parse(SCHEMAS / std / "3.2" / "basisschema.xsd").getroot()
    carrying = {st.get("name") for st in root.iter(f"{XS}simpleType")
                if any(f.get("value") == value for f in st.iter(f"{XS}{facet}"))}
    refs = {ct.get("name"): {local(el.get("type")) for el in ct.iter(f"{XS}element")}
            for ct in root.iter(f"{XS}complexType")}
    return carrying, refs


def message_uses(path: Path, basis_refs: dict[str, set[str]]) -> tuple[set[str], set[tuple[str, str]]]:
    """Every type a message schema refers to (through basisschema complex types too) and its inline facets."""
    root = ET.parse(path).getroot()
    used = {local(el.get("type")) for el in root.iter(f"{XS}element") if el.get("type")}
    used |= {local(r.get("base")) for r in root.iter(f"{XS}restriction")}
    todo = list(used)
    while todo:
        for ref in basis_refs.get(todo.pop(), ()):
            if ref not in used:
                used.add(ref)
                todo.append(ref)
    inline = {(f.tag.removeprefix(XS), f.get("value")) for r in root.iter(f"{XS}restriction") for f in r}
    return used, inline


def linked_numbers(std: str, facet: str, value: str) -> tuple[set[str], set[str]]:
    carrying, refs = basis_types(std, facet, value)
    numbers, used_types = set(), set()
    for path in sorted((SCHEMAS / std / "3.2").glob("*.xsd")):
        if path.stem == "basisschema":
            continue
        used, inline = message_uses(path, refs)
        if used & carrying or (facet, value) in inline:
            numbers.add(path.stem[-3:])
            used_types |= used & carrying
    return numbers, used_types


def test_the_expected_rules_are_derived_or_marked():
    assert set(AFGELEID) == {"RS007"}
    assert set(NIET_TOETSBAAR) == {"RS003", "RS039"}
    assert not set(AFGELEID) & set(NIET_TOETSBAAR)


@pytest.mark.parametrize("rule_id", sorted(AFGELEID))
def test_derived_links_match_the_schemas(rule_id):
    entry = AFGELEID[rule_id]
    facet, value = facet_of(entry["afgeleid"])
    per_std = {std: linked_numbers(std, facet, value) for std in ("iwmo", "ijw")}
    assert per_std["iwmo"] == per_std["ijw"], "the standards differ; the register links by number only"
    numbers, used_types = per_std["iwmo"]
    assert entry["berichten"] == sorted(numbers)
    assert f"{len(used_types)} datatypes" in entry["afgeleid"]
    assert all(name in entry["afgeleid"] for name in used_types)
    assert entry["controleur"] == ["aanbieder", "gemeente"]


@pytest.mark.parametrize("rule_id", sorted(NIET_TOETSBAAR))
def test_unlinkable_rules_really_have_no_element_with_the_facet(rule_id):
    entry = NIET_TOETSBAAR[rule_id]
    facet, value = facet_of(entry["niet_toetsbaar"])
    assert entry["berichten"] == [] and entry["controleur"] == []
    for std in ("iwmo", "ijw"):
        numbers, used_types = linked_numbers(std, facet, value)
        assert numbers == set() and used_types == set(), (std, numbers, used_types)
        for path in (SCHEMAS / std / "3.2").glob("*.xsd"):
            root = ET.parse(path).getroot()
            assert not [f for f in root.iter(f"{XS}{facet}") if f.get("value") == value], path.name


def test_every_unlinked_restriction_says_why():
    for rule_id, entry in REGISTER.items():
        if entry["soort"] == "restrictie" and not entry["berichten"]:
            assert "niet_toetsbaar" in entry, rule_id
