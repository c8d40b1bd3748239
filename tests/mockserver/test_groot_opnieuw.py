"""A large 323 judged off the lock and then, because a message with the same keys came in between, judged again
under it (mockserver/voorrang.py): the second judgement reads the Keten as it is then, not values the chain rules
remembered on the Bericht during the first (``keten.vergeet``)."""

from __future__ import annotations

from ketenproef import basis, factory
from ketenproef.validate import validate
from mockserver import voorrang
from mockserver.beoordeling import enkel
from mockserver.ontvangst import judge, ontvang, run_judge
from tests.mockserver.test_groot import big_323
from tests.mockserver.test_voorrang import partner, verzoek

BIG = big_323(400)


def toewijzing_met_andere_code(p, clock) -> None:
    """The Keten gets toewijzing 100000 (the first prestatie's) for the 323's client, with another ProductCode."""
    d = basis.basis("JW301", "TOEW0001")
    product = d["Client"]["ToegewezenProducten"][0]
    product.update(ToewijzingNummer=100_000, Product={"Categorie": "45", "Code": "45A99"})
    report = validate(factory.to_bytes("JW301", d), clock=clock)
    assert report.bericht is not None and report.valid, [(f.rule, f.text) for f in report.findings]
    p.keten.apply(report.bericht, [], 999_999)


def regels(findings) -> list[tuple[str, str]]:
    return sorted((f.rule, f.path) for f in findings)


async def test_judged_again_under_the_lock_the_chain_rules_read_the_keten_as_it_is_then(tmp_path):
    p = partner(tmp_path, "opnieuw")
    clock = p.clock()
    report, _ = await p.beoordelaar.enkel(BIG, clock)
    vooraf = await voorrang.vooraf(p, report, BIG, clock)
    assert vooraf is not None
    assert "TR340" not in {f.rule for f in report.findings}  # no toewijzingen yet: TR338 for every prestatie
    assert (await ontvang(p, verzoek("KLEIN1", "999990019"), [], [])).status == 202  # same gemeente and aanbieder
    toewijzing_met_andere_code(p, clock)
    assert voorrang.gebruik(p, vooraf, report, p.store.next_id()) is None
    again = await run_judge(p, report, len(BIG), clock, p.store.next_id())
    fresh = judge(enkel(BIG, clock, p.config.max_bytes), clock, p.keten, "R")
    assert "TR340" in {f.rule for f in fresh.report.findings}  # the new toewijzing's code differs
    assert regels(again.report.findings) == regels(fresh.report.findings)
