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
