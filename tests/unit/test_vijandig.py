"""Hostile but plausible input to the core and the command line (issue 'onbedrieglijk'): comments and processing
instructions at every kind of position, DOCTYPE variants, encodings, absurd values, and a rule that raises. The
server side of the battery is tests/mockserver/test_vijandig.py; the random form of the same is
test_eigenschappen.py."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.clock import clock_for
from ketenproef.examples import examples
from ketenproef.findings import TECHNISCH
from ketenproef.retour import retour_for
from ketenproef.rules import registry
from ketenproef.validate import STRICT_ENV, validate

EXAMPLES = {e.path.name: e for e in examples()}
NAMED = ["TR002_WMO301_fail.xml", "TR134_WMO307_fail.xml"]  # the examples the issue saw turn GOED


def outcome(data: bytes, datum: str) -> tuple:
    clock = clock_for(datum)
    report = validate(data, clock=clock)
    tree = retour_for(report, clock=clock, identificatie="R1") if report.bericht is not None else None
    return (sorted((f.rule, f.retourcode, f.klasse, f.level) for f in report.findings),
            None if tree is None else factory.serialise(tree))


def _insert(data: bytes, pattern: bytes, piece: bytes, after: bool = False) -> bytes:
    match = re.search(pattern, data)
    assert match, pattern
    pos = match.end() if after else match.start()
    return data[:pos] + piece + data[pos:]


POSITIONS = {
    "na de XML-declaratie": (rb"\?>", True),
    "voor de Header": (rb"<[a-z0-9]+:Header>", False),
    "eerste kind van Client": (rb"<[a-z0-9]+:Client>", True),
    "laatste kind van Client": (rb"</[a-z0-9]+:Client>", False),
    "laatste kind van de root": (rb"</[a-z0-9]+:Bericht>", False),
    "na de root": (rb"</[a-z0-9]+:Bericht>", True),
    "midden in een waarde": (rb"<[a-z0-9]+:Bsn>\d{4}", True),
}
PIECES = [b"<!-- opmerking -->", b"<!--<Header>-->", b"<?verwerking x?>", b"<!---->"]


@pytest.mark.parametrize("piece", PIECES, ids=lambda p: p.decode())
@pytest.mark.parametrize("where", POSITIONS)
@pytest.mark.parametrize("name", NAMED + ["CS337_WMO323_fail.xml"])
def test_a_comment_or_pi_anywhere_changes_nothing(name, where, piece):
    example = EXAMPLES[name]
    data = example.path.read_bytes()
    pattern, after = POSITIONS[where]
    if not re.search(pattern, data):
        pytest.skip(f"{name} heeft geen {where}")
    before = outcome(data, example.datum)
    assert before[0], "the example must be rejected, or the test proves nothing"
    assert outcome(_insert(data, pattern, piece, after), example.datum) == before


def test_a_comment_inside_a_productperiode_of_a_323_changes_nothing():
    example = next(e for e in EXAMPLES.values() if e.message == "WMO323" and e.valid)
    data = example.path.read_bytes()
    noisy = _insert(data, rb"<[a-z0-9]+:ProductPeriode>", b"<!-- periode -->", after=True)
    noisy = _insert(noisy, rb"</[a-z0-9]+:ProductPeriode>", b"<?p?>")
    assert outcome(noisy, example.datum) == outcome(data, example.datum)


GOOD = factory.to_bytes("WMO305", basis("WMO305"))
BODY = GOOD.split(b"?>", 1)[1]
DOCTYPES = {
    "na commentaar met <": b'<?xml version="1.0"?><!--<--><!DOCTYPE a [<!ENTITY x "y">]>',
    "na commentaar met -- en >": b'<?xml version="1.0"?><!-- <! > --><!DOCTYPE Bericht>',
    "na een PI met <": b'<?xml version="1.0"?><?p <!DOCTYPE?><!DOCTYPE Bericht [<!ELEMENT Bericht ANY>]>',
    "zonder XML-declaratie": b'<!DOCTYPE Bericht SYSTEM "x.dtd">',
    "met spaties en commentaar ervoor": b'  <!-- a --> <!-- b --><!DOCTYPE Bericht PUBLIC "-//x//" "y">',
}


@pytest.mark.parametrize("prolog", DOCTYPES.values(), ids=list(DOCTYPES))
def test_any_doctype_in_the_prolog_is_refused(prolog):
    report = validate(prolog + BODY.replace(b"0363", b"&x;", 1) if b"ENTITY x" in prolog else prolog + BODY)
    assert [(f.rule, f.level) for f in report.findings] == [("XML", TECHNISCH)]
    assert "DOCTYPE" in report.findings[0].text


ENCODINGS = {
    "UTF-16 LE zonder BOM, gedeclareerd": GOOD.replace(b"UTF-8", b"UTF-16").decode().encode("utf-16-le"),
    "UTF-16 BE zonder BOM, gedeclareerd": GOOD.replace(b"UTF-8", b"UTF-16").decode().encode("utf-16-be"),
    "UTF-16 zonder declaratie": BODY.decode().encode("utf-16-le"),
    "UTF-16 met BOM": GOOD.replace(b"UTF-8", b"UTF-16").decode().encode("utf-16"),
    "UTF-32 met BOM": GOOD.replace(b"UTF-8", b"UTF-32").decode().encode("utf-32"),
    "UTF-32 zonder BOM": GOOD.replace(b"UTF-8", b"UTF-32").decode().encode("utf-32-be"),
    "Latin-1 zonder declaratie": BODY.replace(b"<wmo305:Header>", "<wmo305:Header>\xe9".encode("latin-1")),
    "Latin-1 gedeclareerd": GOOD.replace(b"UTF-8", b"ISO-8859-1"),
    "ongeldige UTF-8 met UTF-8-declaratie": GOOD.replace(b"0363", b"03\xc3\x28", 1),
    "windows-1252 gedeclareerd, alleen ASCII": GOOD.replace(b"UTF-8", b"windows-1252"),
}


@pytest.mark.parametrize("data", ENCODINGS.values(), ids=list(ENCODINGS))
def test_only_utf8_is_accepted(data):
    report = validate(data)
    assert [(f.rule, f.level) for f in report.findings] == [("OP192", TECHNISCH)], report.as_dict()


def test_utf8_declared_in_any_spelling_is_accepted():
    for spelling in (b"utf-8", b"UTF8", b"utf8"):
        assert validate(GOOD.replace(b"UTF-8", spelling), clock=clock_for("2026-01-12")).valid, spelling


ABSURD = ["99999999999999999999", "-99999999999999999999", "9999-12-31", "0001-01-01", "1e308", " 1 "]


@pytest.mark.parametrize("value", ABSURD)
@pytest.mark.parametrize("name", ["WMO301", "JW323", "WMO317", "JW319"])
def test_absurd_values_in_any_leaf_never_make_a_rule_raise(name, value):
    """Every leaf of a valid message replaced, one at a time, by an absurd value: a verdict, never an exception
    (KETENPROEF_STRIKT makes a raising rule fail here)."""
    data = factory.to_bytes(name, basis(name))
    leaves = list(re.finditer(rb">([^<>]+)</", data))
    for match in leaves:
        mutated = data[:match.start(1)] + value.encode() + data[match.end(1):]
        outcome(mutated, "2026-01-14")


def test_a_rule_that_raises_refuses_the_message_and_fails_the_tests(monkeypatch):
    rule = registry.get("TR002")

    def broken(b):
        raise KeyError("kapot")

    monkeypatch.setitem(registry._RULES, "TR002", registry.Rule(rule.id, rule.berichten, rule.retourcode,
                                                                 rule.scope, rule.standaarden, broken))
    data = factory.to_bytes("WMO301", basis("WMO301"))
    with pytest.raises(KeyError):
        validate(data, clock=clock_for("2026-01-12"))
    monkeypatch.delenv(STRICT_ENV)
    report = validate(data, clock=clock_for("2026-01-12"))
    assert not report.valid
    assert [(f.rule, f.level) for f in report.findings] == [("INTERN", TECHNISCH)]
    assert "TR002" in report.findings[0].text and "defect" in report.findings[0].text
    assert retour_for(report, clock=clock_for("2026-01-12"), identificatie="R1") is None


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ketenproef.cli", *args], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("command", ["validate", "retour"])
def test_the_command_line_refuses_a_hidden_doctype_without_a_traceback(tmp_path, command):
    path = tmp_path / "doctype.xml"
    path.write_bytes(DOCTYPES["na commentaar met <"] + BODY.replace(b"0363", b"&x;", 1))
    done = cli(command, str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "DOCTYPE" in done.stdout + done.stderr


def test_the_command_line_gives_the_same_retour_with_comments(tmp_path):
    example = EXAMPLES["TR002_WMO301_fail.xml"]
    data = example.path.read_bytes()
    plain, noisy = tmp_path / "a.xml", tmp_path / "b.xml"
    plain.write_bytes(data)
    noisy.write_bytes(_insert(data, rb"<[a-z0-9]+:Header>", b"<!-- c -->"))
    runs = [cli("retour", "--datum", example.datum, "--identificatie", "R1", str(p)) for p in (plain, noisy)]
    assert runs[0].stdout == runs[1].stdout and "0001" in runs[0].stdout
