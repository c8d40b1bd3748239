"""The SVG sequence diagram of a conversation."""

from lxml import etree

from suite import diagram

SVG = "{http://www.w3.org/2000/svg}"


def test_arrows_run_between_the_lifelines_with_type_and_codes():
    log = [{"richting": "uit", "message": "WMO301", "identificatie": "KP1", "soort": "heen", "status": "verzonden"},
           {"richting": "in", "message": "WMO302", "identificatie": "RA1", "soort": "retour", "status": "geaccepteerd",
            "oordelen": [{"soort": "juiste-codes", "goed": True}]}]
    retour = b"<a:Bericht xmlns:a='x'><a:RetourCode>0200</a:RetourCode><a:RetourCode>9019</a:RetourCode></a:Bericht>"
    pijlen = [diagram.pijl_uit_log(log[0]), diagram.pijl_uit_log(log[1], retour)]
    root = etree.fromstring(diagram.svg(pijlen, "titel & <meer>").encode())
    lijnen = [el for el in root.iter(f"{SVG}line") if el.get("marker-end")]
    assert len(lijnen) == 2
    assert float(lijnen[0].get("x1")) > float(lijnen[0].get("x2"))  # ketenpartner -> systeem
    assert float(lijnen[1].get("x1")) < float(lijnen[1].get("x2"))  # systeem -> ketenpartner
    teksten = [t.text for t in root.iter(f"{SVG}text")]
    assert "WMO302 RA1  [0200, 9019]" in teksten
    assert "titel & <meer>" in teksten


def test_rejected_messages_and_faults_are_marked():
    entry = {"richting": "in", "message": "JW307", "identificatie": "RA2", "soort": "heen", "status": "afgekeurd",
             "bevindingen": [{"rule": "TR413"}], "fouten": [{"naam": "geen-retour"}]}
    pijl = diagram.pijl_uit_log(entry)
    assert pijl.afgekeurd and pijl.van_systeem and not pijl.retour
    assert "TR413" in pijl.opmerking and "geen-retour" in pijl.opmerking
    assert "#b00020" in diagram.svg([pijl])


def test_retourcodes_in_document_order_without_repeats():
    xml = (b"<B><RetourCode>0200</RetourCode><x:RetourCode xmlns:x='n'>9413</x:RetourCode>"
           b"<RetourCode>0200</RetourCode></B>")
    assert diagram.retourcodes(xml) == ["0200", "9413"]
    assert diagram.retourcodes(None) == []


def test_an_empty_conversation_is_still_a_valid_svg():
    root = etree.fromstring(diagram.svg([], "leeg").encode())
    assert root.tag == f"{SVG}svg"
