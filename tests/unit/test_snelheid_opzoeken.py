"""The speed work on single-message validation (issue snelheid) changes how rules find their elements, never what
they find: the remembered lookups inside ``onthouden`` give what plain lxml gives, and TR134 reads the places the
message model lists instead of searching the tree, which must be every place where its dates stand."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from ketenproef import corpus
from ketenproef.bericht import Bericht, find, findall, first_children, local, onthouden
from ketenproef.examples import examples
from ketenproef.generator import voorbeeld
from ketenproef.identify import Identity, identify
from ketenproef.parse import parse_bytes
from ketenproef.rules.datums import TR134_DATUMS, _paden
from tests.unit.rules import judge, of
from tests.unit.rules.test_personen import geboortedatum, relatie, relaties

NAMEN = [n for n in corpus.message_names() if n[-3:] in TR134_DATUMS]


def _berichten() -> list[tuple[str, etree._Element]]:
    """Parsed corpus examples that identify, and a generated message of every type (several seeds)."""
    found = []
    for example in examples():
        parsed = parse_bytes(Path(example.path).read_bytes())
        if parsed.ok and isinstance(identity := identify(parsed.root), Identity):
            found.append((identity.message, parsed.root))
    for name in corpus.message_names():
        for seed in range(3):
            kw = {"aantal_prestaties": 12} if name.endswith(("323", "325")) else {}
            found.append((name, parse_bytes(voorbeeld(name, seed, **kw)).root))
    return found


BERICHTEN = _berichten()


def _paden_onder(node: dict, boven: str = "") -> list[str]:
    pad = f"{boven}{node['name']}"
    return [pad] + [p for kind in node.get("children", ()) for p in _paden_onder(kind, f"{pad}/")]


@pytest.mark.parametrize("index", range(0, len(BERICHTEN), 7))
def test_remembered_lookups_find_what_lxml_finds(index):
    """Every path of the model, from the root and from each element of each berichtklasse, looked up twice inside
    one ``onthouden`` block (the second time from memory) against the lookup outside it (lxml per step)."""
    name, root = BERICHTEN[index]
    paden = [p for node in corpus.message_model(name)["tree"] for p in _paden_onder(node)]
    bericht = Bericht(name, root)
    starts = [(root, p) for p in paden]
    for klasse_pad in bericht.klassen.values():
        onder = [p[len(klasse_pad) + 1:] for p in paden if p.startswith(klasse_pad + "/")]
        starts += [(el, p) for el in findall(root, klasse_pad) for p in onder]
    plain = [(find(el, p), findall(el, p)) for el, p in starts]
    with onthouden():
        for _ in range(2):
            assert [(find(el, p), findall(el, p)) for el, p in starts] == plain
    assert any(hit is not None for hit, _ in plain)


@pytest.mark.parametrize("index", range(3, len(BERICHTEN), 7))
def test_first_children_are_what_find_gives(index):
    """``first_children`` (CS002 on a 323/325) against ``find`` per element, for every path below every class."""
    name, root = BERICHTEN[index]
    paden = [p for node in corpus.message_model(name)["tree"] for p in _paden_onder(node)]
    bericht = Bericht(name, root)
    for klasse_pad in bericht.klassen.values():
        elements = findall(root, klasse_pad)
        for pad in [p[len(klasse_pad) + 1:] for p in paden if p.startswith(klasse_pad + "/")] + ["Bestaat/Niet"]:
            assert first_children(elements, pad) == [find(el, pad) for el in elements]


@pytest.mark.parametrize("name", NAMEN)
def test_tr134_places_are_every_place_of_its_dates(name):
    """The places TR134 reads (``_paden``) hold exactly the dates a search of the whole tree finds."""
    datums = TR134_DATUMS[name[-3:]]
    for message, root in [b for b in BERICHTEN if b[0] == name]:
        bericht = Bericht(message, root)
        for naam, paden in _paden(name):
            gelezen = {el for pad, _ in paden for el in bericht.vind(pad)}
            gezocht = {el for el in root.iter("{*}" + naam) if local(el.getparent()) in datums[naam]}
            assert gelezen == gezocht


def test_tr134_late_dates_at_two_places_are_reported_in_document_order():
    report = judge("WMO301", lambda d: (geboortedatum("2026-03-01")(d),
                                        relaties(relatie(Geboortedatum={"Datum": "2026-02-01", "DatumGebruik": "1"}),
                                                 relatie("REL-2", Geboortedatum={"Datum": "2026-04-01",
                                                                                 "DatumGebruik": "1"}))(d)))
    hits = of(report, "TR134")
    assert [f.klasse for f in hits] == ["Client", "Relatie", "Relatie"]
    assert [f.line for f in hits] == sorted(f.line for f in hits)
    assert ["2026-03-01" in hits[0].text, "2026-02-01" in hits[1].text, "2026-04-01" in hits[2].text] == [True] * 3
