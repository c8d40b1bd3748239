"""The chain rules remember values on a Bericht per Keten object, not per state: after ``keten.vergeet`` the same
Bericht judged again against a Keten that changed meanwhile gets the verdict a fresh copy of the message gets."""

from __future__ import annotations

from ketenproef import factory
from ketenproef.keten import Keten, vergeet
from ketenproef.parse import parse_bytes
from ketenproef.validate import judge_chain, judge_message
from tests.unit.keten.test_declaraties import CLOCK, declaratie, prestatie, toewijzing


def keten_regels(raw: bytes, keten: Keten, report=None) -> list[str]:
    report = report or judge_message(parse_bytes(raw).root, clock=CLOCK)
    enkel = len(report.findings)
    judge_chain(report, keten)
    regels = sorted(f.rule for f in report.findings[enkel:])
    del report.findings[enkel:]
    return regels


def test_a_bericht_judged_again_after_vergeet_reads_the_changed_keten():
    keten = Keten()
    raw = factory.to_bytes(*declaratie(prestatie("R1", ProductCode="02A99")))
    report = judge_message(parse_bytes(raw).root, clock=CLOCK)
    assert keten_regels(raw, keten, report) == ["TR338"]  # no toewijzing yet
    toewijzing(keten)  # now there is one, with ProductCode 02A16
    vergeet(report.bericht)
    assert keten_regels(raw, keten, report) == keten_regels(raw, keten) == ["TR340"]


# What the chain rules may keep on a Bericht about the message alone (the same whatever the Keten): these stay
# after ``vergeet``. Everything else they keep must be listed in KETEN_WAARDEN, or judging a message again against
# a changed Keten (mockserver.voorrang) reads an old state.
ALLEEN_BERICHT = {
    "_partijen",  # gemeente and aanbieder from the header
    "_keten_prestaties", "_keten_ruw", "_keten_paden",  # a 323's prestaties, their raw values and readable paths
    "_samenvatting_325",  # what a 325 lists
    "_klasse_van",  # the class element of a finding's element
}


def test_everything_the_chain_rules_keep_on_a_bericht_is_either_about_the_message_or_forgotten_by_vergeet():
    """A new memo a chain rule puts on a Bericht fails this test until it is classified: about the message alone
    (ALLEEN_BERICHT) or about the Keten (``keten.KETEN_WAARDEN``, forgotten by ``vergeet``)."""
    from ketenproef import bericht, corpus
    from ketenproef.generator import voorbeeld
    from ketenproef.keten import KETEN_WAARDEN, Ketens

    eigenschappen = {naam for naam, v in vars(bericht.Bericht).items() if isinstance(v, bericht._lazy)}  # the message's
    ketens, onbekend, gezien = Ketens(), {}, set()
    for seed in (1, 2, 3):
        for name in corpus.message_names():
            report = judge_message(parse_bytes(voorbeeld(name, seed)).root, clock=CLOCK)
            if report.bericht is None:
                continue
            voor = set(report.bericht.__dict__)
            judge_chain(report, ketens)
            nieuw = set(report.bericht.__dict__) - voor
            gezien |= nieuw
            for key in nieuw - ALLEEN_BERICHT - eigenschappen - set(KETEN_WAARDEN):
                onbekend.setdefault(key, name)
            if report.valid:
                ketens.apply(report.bericht, [])
    assert not onbekend, f"chain-rule memos neither in ALLEEN_BERICHT nor in KETEN_WAARDEN: {onbekend}"
    assert set(KETEN_WAARDEN) <= gezien, "KETEN_WAARDEN names a memo no chain rule keeps any more"
