"""The 325 the ketenpartner writes from templates (``declaratie_antwoord.Schrijver``, ``schrijver.Sjabloon``) is byte
for byte the 325 ``retour_for`` builds as a tree, also for values that must be escaped, for prestaties without
their optional elements and for every mix of RetourCodes; and what it lists is what its prestaties say."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from ketenproef import factory, schrijver
from ketenproef.clock import FrozenClock
from ketenproef.keten.declaraties import RUW_ONTBREEKT, RUW_SCHEIDING, prestaties, ruwe_waarden
from ketenproef.parse import parse_bytes
from ketenproef.retour import retour_for, retour_stuk
from tests.unit.test_schrijver import judged_323, reject  # the same judged 323 and rejection as the writer tests

CLOCK = FrozenClock(dt.date(2026, 12, 31))
BUDGET = settings(derandomize=True, deadline=None, max_examples=40, database=None)
ODD = ["A&B", "<x>", "a>b", "regel\neen", "cr\rlf", "%s %%", "{0}", "\ue0001\ue001", "é ü ß", "  spatie  "]


def children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el.iter() if isinstance(c.tag, str) and etree.QName(c).localname == name]


@BUDGET
@given(st.integers(1, 30), st.data())
def test_the_templated_325_is_the_tree_325_with_odd_values_and_shapes(seed, keuze):
    report, b = judged_323(seed, keuze.draw(st.integers(1, 25)))
    alle = b.all("Prestatie")
    for prestatie in alle:  # the values are changed after validation: the writer must copy them, whatever they are
        for name in ("ReferentieNummer", "ProductCode", "Eenheid", "VorigReferentieNummer"):
            for el in children(prestatie, name):
                if keuze.draw(st.integers(0, 3)) == 0:
                    el.text = keuze.draw(st.sampled_from(ODD))
        for name in ("VorigReferentieNummer", "ProductTarief"):
            for el in children(prestatie, name):
                if keuze.draw(st.booleans()):
                    el.getparent().remove(el)
    for groep in keuze.draw(st.lists(st.sampled_from(children(b.root, "ProductPeriode")), max_size=3)):
        groep.insert(1, etree.Comment("opmerking"))  # no element: neither writer sees it
    if keuze.draw(st.integers(0, 5)) == 0:  # a number the chain's reader cannot read: the writer without templates
        children(keuze.draw(st.sampled_from(alle)), "GeleverdVolume")[0].text = "veel"
    for client in b.all("Client"):
        if keuze.draw(st.integers(0, 4)) == 0:
            client[0].text = keuze.draw(st.sampled_from(ODD))
    for client in keuze.draw(st.lists(st.sampled_from(b.all("Client")), max_size=2)):
        reject(report, client, keuze.draw(st.sampled_from(["9304", "9321"])))
    for prestatie in keuze.draw(st.lists(st.sampled_from(alle), max_size=12)):
        reject(report, prestatie, keuze.draw(st.sampled_from(["9338", "9321", "9322"])))
    stuk = retour_stuk(report, clock=CLOCK, identificatie="R&1")
    written = stuk.xml()
    assert written == factory.serialise(retour_for(report, clock=CLOCK, identificatie="R&1"))
    read = parse_bytes(written, len(written)).root
    referenties = {el.text for el in read.iter("{*}ReferentieNummer")}
    assert stuk.lijst.referenties == referenties
    assert stuk.lijst.bsns == [el.text for el in read.iter("{*}Bsn")]


def test_the_raw_values_are_the_prestaties_texts_in_field_order():
    report, b = judged_323(3, 12)
    ruw = ruwe_waarden(b)
    assert len(ruw) == len(prestaties(b)) == 12
    for waarden, item in zip(ruw, prestaties(b), strict=True):
        delen = waarden.split(RUW_SCHEIDING)
        assert len(delen) == 12
        assert delen[0] == item.prestatie.referentie
        assert (delen[1] == RUW_ONTBREEKT) == (item.prestatie.vorig is None)
        assert delen[10] == str(item.prestatie.bedrag)


def test_a_template_refuses_a_shape_whose_values_are_out_of_order_or_twice():
    item = {"Bsn": schrijver.marker(1), "Prestaties": [schrijver.Geschreven(schrijver.marker(0))],
            "RetourCodes": {"RetourCode": ["0200"]}}
    with pytest.raises(ValueError, match="volgorde"):
        schrijver.Sjabloon("JW325", "DeclaratieAntwoord/Clienten/Client", item, 2)


def test_a_value_that_is_no_xml_character_is_refused_as_the_writer_refuses_it():
    item = {"Bsn": schrijver.marker(0), "Prestaties": [schrijver.Geschreven(schrijver.marker(1))],
            "RetourCodes": {"RetourCode": ["0200"]}}
    sjabloon = schrijver.Sjabloon("JW325", "DeclaratieAntwoord/Clienten/Client", item, 2)
    assert "<jw325:Bsn>1&amp;2</jw325:Bsn>" in sjabloon.vul(["1&2", ""], gewoon=False)
    with pytest.raises(ValueError):
        sjabloon.vul(["1\x00", ""], gewoon=False)
