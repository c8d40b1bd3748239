"""Bad input gets a clear technical finding, fast, in bounded memory, without a network fetch."""

import socket
import time
import tracemalloc

import pytest

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.findings import TECHNISCH
from ketenproef.parse import MAX_BYTES
from ketenproef.validate import validate

GOOD = factory.to_bytes("WMO305", basis("WMO305"))


def judge_quickly(data: bytes):
    """Judged without catastrophic (quadratic or worse) behaviour. The bound is generous on purpose: a loaded CI
    machine may take a second for what takes 0.1 s alone, while quadratic work on these inputs takes minutes."""
    start = time.perf_counter()
    report = validate(data)
    assert time.perf_counter() - start < 20.0
    return report


def only(report, rule):
    assert [f.rule for f in report.findings] == [rule], report.as_dict()
    assert report.findings[0].level == TECHNISCH
    assert report.findings[0].text
    return report.findings[0]


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_external_entity_is_refused_without_fetching(no_network):
    xxe = (b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
           b'<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">&x;</Bericht>')
    assert "DOCTYPE" in only(judge_quickly(xxe), "XML").text


def test_external_dtd_is_refused_without_fetching(no_network):
    ext = (b'<?xml version="1.0"?><!DOCTYPE Bericht SYSTEM "http://127.0.0.1:9/b.dtd">'
           b'<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema"/>')
    only(judge_quickly(ext), "XML")


def test_parameter_entity_is_refused(no_network):
    pe = b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><b/>'
    only(judge_quickly(pe), "XML")


def test_billion_laughs_is_refused_in_bounded_memory():
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY l0 "lol">{entities}]><b>&l9;</b>'.encode()
    tracemalloc.start()
    only(judge_quickly(bomb), "XML")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5_000_000


def test_utf8_bom_is_refused_by_op192():
    assert "Byte-Order-Mark" in only(judge_quickly(b"\xef\xbb\xbf" + GOOD), "OP192").text


def test_utf16_is_refused_by_op192():
    data = GOOD.decode().replace("UTF-8", "UTF-16").encode("utf-16")
    only(judge_quickly(data), "OP192")


def test_other_encoding_is_refused_by_op192():
    only(judge_quickly(GOOD.replace(b"encoding='UTF-8'", b"encoding='ISO-8859-1'")), "OP192")


def test_truncated_xml_names_the_line():
    finding = only(judge_quickly(GOOD[:-40]), "XML")
    assert finding.line is not None


@pytest.mark.parametrize("data, words", [
    (b"<Factuur xmlns='urn:x'/>", "Factuur"),
    (GOOD.replace(b"/iwmo/3_2/", b"/iwmo/3_1/"), "3.1"),
    (GOOD.replace(b"wmo305/schema", b"wmo304/schema"), "WMO304"),
    (GOOD.replace(b"http://www.istandaarden.nl/iwmo/3_2/wmo305/schema", b"urn:iets-anders"), "namespace"),
])
def test_wrong_root_namespace_release_or_message_is_named(data, words):
    assert words in only(judge_quickly(data), "IDENT").text


def test_empty_body():
    only(judge_quickly(b"  "), "XML")


def test_oversized_body_is_refused_before_parsing():
    big = GOOD + b" " * (MAX_BYTES + 1 - len(GOOD))
    finding = only(judge_quickly(big), "OP179")
    assert "25 MB" in finding.text


def test_line_feeds_are_advice_not_rejection():
    report = validate(GOOD.replace(b"\r\n", b"\n"))
    assert report.valid
    assert [f.rule for f in report.findings] == ["OP192"]


def test_catastrophic_whitespace_in_commentaar_is_fast():
    data = basis("WMO315")
    data["Client"]["Commentaar"] = " \t" * 200_000 + "x"
    report = judge_quickly(factory.to_bytes("WMO315", data))
    assert report.message == "WMO315"


def test_doctype_after_comments_and_processing_instructions_in_the_prolog_is_found():
    data = (b'<?xml version="1.0"?><!-- x --><?pi y?><!DOCTYPE b [<!ENTITY e "x">]>'
            b'<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">&e;</Bericht>')
    assert "DOCTYPE" in only(judge_quickly(data), "XML").text


def test_doctype_after_the_root_start_is_not_well_formed_and_not_expanded():
    data = GOOD.replace(b"<wmo305:Header>", b'<!DOCTYPE b [<!ENTITY e "x">]><wmo305:Header>')
    assert only(judge_quickly(data), "XML").rule == "XML"
