"""Writing a message without a tree (ketenproef/schrijver.py) gives exactly the factory's bytes, and the 325 the
ketenpartner writes that way is the 325 ``retour_for`` builds, with what it lists equal to what reading it gives."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from ketenproef import factory, schrijver
from ketenproef.bericht import Bericht
from ketenproef.clock import FrozenClock
from ketenproef.examples import examples
from ketenproef.findings import KETEN, Finding
from ketenproef.generator import voorbeeld_data
from ketenproef.identify import identify
from ketenproef.keten.declaraties import Samenvatting
from ketenproef.parse import parse_bytes
from ketenproef.retour import retour_for, retour_stuk
from ketenproef.validate import validate

CLOCK = FrozenClock(dt.date(2026, 12, 31))
BUDGET = settings(derandomize=True, deadline=None, max_examples=60, database=None)


def corpus_messages() -> list[tuple[str, dict]]:
    out = []
    for example in examples():
        parsed = parse_bytes(example.path.read_bytes())
        if not parsed.ok or not hasattr(identify(parsed.root), "message"):
            continue
        name = identify(parsed.root).message
        try:
            data = factory.to_data(parsed.root, name)
            factory.build(name, data)
        except (factory.FactoryError, ValueError):
            continue  # an example the factory cannot rebuild (e.g. a missing mandatory element)
        out.append((name, data))
    return out


CORPUS = corpus_messages()


def test_every_corpus_message_is_written_byte_for_byte_as_the_factory_serialises_it():
    assert len(CORPUS) > 150
    for name, data in CORPUS:
        assert schrijver.schrijf(name, data) == factory.to_bytes(name, data), name


@BUDGET
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30))
def test_any_text_is_escaped_as_libxml2_escapes_it(tekst):
    data = voorbeeld_data("JW315", 1)
    data["Client"]["AangevraagdeProducten"][0]["ReferentieAanbieder"] = tekst
    try:
        expected = factory.to_bytes("JW315", data)
    except ValueError:  # not an XML character: lxml refuses it, the writer as well
        with pytest.raises(ValueError):
            schrijver.schrijf("JW315", data)
        return
    assert schrijver.schrijf("JW315", data) == expected


def test_pieces_are_bounded_and_a_lazy_list_is_checked_as_it_is_written():
    data = voorbeeld_data("JW323", 3, aantal_prestaties=3000)
    pieces = list(schrijver.stukken("JW323", data))
    assert b"".join(pieces) == factory.to_bytes("JW323", data)
    assert len(pieces) > 10 and max(map(len, pieces)) < 2 * schrijver.STUK
    clienten = data["Declaratie"]["Clienten"]
    data["Declaratie"]["Clienten"] = iter([*clienten[:1], {**clienten[1], "Onbekend": "x"}])
    with pytest.raises(factory.FactoryError, match="unknown element"):
        schrijver.schrijf("JW323", data)


def judged_323(seed: int, prestaties: int) -> tuple:
    data = voorbeeld_data("JW323", seed, aantal_prestaties=prestaties)
    report = validate(factory.to_bytes("JW323", data), clock=CLOCK)
    assert report.valid, [(f.rule, f.text) for f in report.findings]
    return report, report.bericht


def reject(report, element: etree._Element, code: str) -> None:
    b: Bericht = report.bericht
    report.findings.append(Finding(rule="TR338", retourcode=code, klasse=b.klasse_of(element), path=b.path_of(element),
                                   line=element.sourceline, text="proef", level=KETEN, element=element))


@BUDGET
@given(st.integers(1, 40), st.data())
def test_the_written_325_is_the_325_retour_for_builds_and_lists_what_reading_it_gives(seed, keuze):
    report, b = judged_323(seed, keuze.draw(st.integers(1, 40)))
    clients = b.all("Client")
    prestaties = b.all("Prestatie")
    for client in keuze.draw(st.lists(st.sampled_from(clients), max_size=2)):
        reject(report, client, "9304")
    for prestatie in keuze.draw(st.lists(st.sampled_from(prestaties), max_size=8)):
        reject(report, prestatie, keuze.draw(st.sampled_from(["9338", "9321", "9322"])))
    if keuze.draw(st.integers(0, 9)) == 0:
        reject(report, b.root[keuze.draw(st.sampled_from([0, 1]))], "9056")
    stuk = retour_stuk(report, clock=CLOCK, identificatie="R1")
    written = stuk.xml()
    assert written == factory.serialise(retour_for(report, clock=CLOCK, identificatie="R1"))
    read = Bericht(stuk.naam, parse_bytes(written, len(written)).root)
    given_ = Samenvatting.gegeven(stuk.bericht())
    from_tree = Samenvatting.van(read, frozenset())
    assert (given_.afgewezen, given_.bsns) == (from_tree.afgewezen, from_tree.bsns)
    assert set(given_.clienten) == {el.text for el in read.root.iter("{*}Bsn")}
    assert etree.tostring(stuk.skelet[0]) == etree.tostring(read.root[0])  # the same Header
