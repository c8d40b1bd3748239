"""Applying a 323 that was prepared beforehand (``declaraties.voorbereiden``, as the ketenpartner does for a large
message outside its lock) leaves exactly the ledger that applying it directly leaves."""

from __future__ import annotations

import copy

from ketenproef.keten import Keten
from ketenproef.keten.declaraties import Part, voorbereiden
from tests.unit.keten import credit
from tests.unit.keten.test_declaraties import afgekeurd, beoordeel, declaratie, dien_in, prestatie, toewijzing


def ledger(keten: Keten) -> dict:
    return keten.part(Part).administraties


def test_prepared_and_direct_application_leave_the_same_ledger():
    keten = Keten()
    toewijzing(keten)
    debet = prestatie("P1", m=10)
    dien_in(keten, debet, prestatie("P2", m=11))
    # a 323 with a credit on P1, a new debet, a duplicate reference (rejected) and one on an unknown toewijzing
    report = beoordeel(keten, *declaratie(credit(debet, "C1"), prestatie("P3", m=12), prestatie("P2", m=12),
                                           prestatie("P4", m=12, ToewijzingNummer=123456)))
    skipped = frozenset(afgekeurd(report))
    assert skipped, "some prestaties must be rejected, or the test shows little"
    direct, prepared = keten, copy.deepcopy(keten)
    direct.apply(report.bericht, skipped)
    voorbereiden(report.bericht, skipped)
    assert "_keten_voorbereid" in report.bericht.__dict__
    prepared.apply(report.bericht, skipped)
    assert "_keten_voorbereid" not in report.bericht.__dict__  # used once
    assert ledger(prepared) == ledger(direct)


def test_a_preparation_for_other_rejected_paths_is_not_used():
    keten = Keten()
    toewijzing(keten)
    report = beoordeel(keten, *declaratie(prestatie("P1", m=10), prestatie("P2", m=11)))
    other = copy.deepcopy(keten)
    voorbereiden(report.bericht, frozenset({"/Bericht/Declaratie"}))  # as if the whole 323 were rejected
    keten.apply(report.bericht, frozenset())
    other.apply(report.bericht, frozenset())
    assert ledger(keten) == ledger(other)
    assert all(d.vervallen is False for adm in ledger(keten).values() for d in adm.declaraties.values())
