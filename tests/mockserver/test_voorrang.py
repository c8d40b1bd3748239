"""A large heenbericht is judged outside the Keten lock (mockserver/voorrang.py): the outcome is exactly the one the
lock path gives, a message with the same keys applied meanwhile makes it judge again under the lock, and one of
other parties does not."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest

from ketenproef import basis, factory
from mockserver import voorrang
from mockserver.bewaarvorm import Json, uitpakken
from mockserver.config import SMALL_BODY, Config
from mockserver.journaal import ALLES, Journaal
from mockserver.ontvangst import ontvang
from mockserver.partner import Partner
from mockserver.store import Store
from tests.mockserver.helpers import DATUM
from tests.mockserver.test_groot import big_323

BIG = big_323(400)


def partner(tmp_path, name: str) -> Partner:
    p = Partner(Config(rol="gemeente", datum=DATUM, db=str(tmp_path / f"{name}.sqlite")))
    p.load()
    return p


def verzoek(ident: str, bsn: str, gemeente: str = basis.GEMEENTE, agb: str = basis.AGB) -> bytes:
    d = basis.basis("JW315", ident)
    d["Header"].update(Afzender=agb, Ontvanger=gemeente)
    d["Client"]["Bsn"] = bsn
    return factory.to_bytes("JW315", d)


def normal(p: Partner, uitkomst) -> tuple:
    body = dict(uitkomst.body)
    retour = p.store.xml(body["retour_id"]).replace(p.identificatie(body["retour_id"]).encode(), b"ID")
    findings = body["findings"]
    findings = json.loads(findings.tekst) if isinstance(findings, Json) else findings  # made beforehand: JSON already
    return uitkomst.status, body["status"], body["message"], findings, retour


async def test_the_outcome_off_the_lock_is_the_lock_paths_outcome(tmp_path, monkeypatch):
    assert len(BIG) > SMALL_BODY
    used = []
    gebruik = voorrang.gebruik
    monkeypatch.setattr(voorrang, "gebruik", lambda *a: used.append(gebruik(*a)) or used[-1])
    fast = partner(tmp_path, "snel")
    off_lock = await ontvang(fast, BIG, [], [])
    assert used and used[0] is not None, "the large 323 was not judged off the lock"
    monkeypatch.setattr(voorrang, "geschikt", lambda report, size: False)
    slow = partner(tmp_path, "traag")
    under_lock = await ontvang(slow, BIG, [], [])
    assert normal(fast, off_lock) == normal(slow, under_lock)
    assert fast.store.xml(off_lock.body["id"]) == BIG  # stored compressed, given back as it came
    retour = fast.store.xml(off_lock.body["retour_id"])
    assert b"VOORLOPIG" not in retour and fast.identificatie(off_lock.body["retour_id"]).encode() in retour


async def test_a_message_with_the_same_keys_in_between_means_judging_again(tmp_path):
    p = partner(tmp_path, "botsing")
    clock = p.clock()
    report, _ = await p.beoordelaar.enkel(BIG, clock)
    vooraf = await voorrang.vooraf(p, report, BIG, clock)
    assert vooraf is not None and len(report.findings) > vooraf.enkel
    small = await ontvang(p, verzoek("KLEIN1", "999990019"), [], [])  # same gemeente and aanbieder
    assert small.status == 202
    assert p.journaal.botst(vooraf.stand, vooraf.keys)
    assert voorrang.gebruik(p, vooraf, report, p.store.next_id()) is None
    assert len(report.findings) == vooraf.enkel  # back to the message alone, for the lock path


async def test_other_parties_in_between_do_not_conflict(tmp_path):
    p = partner(tmp_path, "anders")
    clock = p.clock()
    report, _ = await p.beoordelaar.enkel(BIG, clock)
    vooraf = await voorrang.vooraf(p, report, BIG, clock)
    stand = p.journaal.stand
    small = await ontvang(p, verzoek("KLEIN2", "999990032", gemeente="0599", agb="87654321"), [], [])
    assert small.status == 202 and small.body["status"] == "geaccepteerd", small.body
    assert p.journaal.stand > stand  # it was applied ...
    assert not p.journaal.botst(vooraf.stand, vooraf.keys)  # ... and shares no key with the 323
    retour_id = p.store.next_id()
    judged = voorrang.gebruik(p, vooraf, report, retour_id)
    assert judged is not None and p.identificatie(retour_id).encode() in uitpakken(judged.retour_bytes)


async def test_a_rebuild_or_new_contract_conflicts_with_everything(tmp_path):
    p = partner(tmp_path, "alles")
    stand = p.journaal.stand
    await p.set_contract(None)
    assert p.journaal.botst(stand, frozenset({"iJw/g/0363"}))


def test_the_journal_forgets_nothing_it_still_needs():
    j = Journaal()
    j.noteer(frozenset({"a"}))
    stand = j.stand
    j.noteer(frozenset({"b"}))
    assert not j.botst(stand, frozenset({"a"})) and j.botst(stand, frozenset({"b", "c"}))
    j.noteer(ALLES)
    assert j.botst(stand, frozenset({"x"}))


def test_a_moment_older_than_the_journal_counts_as_everything(monkeypatch):
    monkeypatch.setattr("mockserver.journaal.BEWAREN", 3)
    j = Journaal()
    for key in "abcde":
        j.noteer(frozenset({key}))
    assert j.botst(0, frozenset({"zzz"}))


@pytest.mark.parametrize("size", [5 * 1024 * 1024])
def test_the_wal_is_checkpointed_off_the_main_connection(tmp_path, size):
    store = Store(str(tmp_path / "wal.sqlite"))
    store.insert({"richting": "in", "status": "geaccepteerd", "grootte": size, "xml": b"x" * size}, ["1"])
    store.commit()
    store._checkpoint.close()  # wait for the checkpoint thread the commit started
    assert store._checkpoint._thread is not None
    db = sqlite3.connect(str(tmp_path / "wal.sqlite"))
    busy, log, done = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and log == done  # nothing left to move: the checkpointer did it
    db.close()
    store.close()


async def test_a_judgement_that_fails_off_the_lock_is_made_again_under_it(tmp_path, monkeypatch):
    """E.g. another message changed a dict the worker thread was reading: the lock path judges it, same outcome."""
    import mockserver.ontvangst as ontvangst

    real = ontvangst.judge

    def flaky(report, clock, keten, ident):
        if ident.startswith("VOORLOPIG"):
            raise RuntimeError("dictionary changed size during iteration")
        return real(report, clock, keten, ident)

    monkeypatch.setattr(ontvangst, "judge", flaky)
    p, q = partner(tmp_path, "mislukt"), partner(tmp_path, "gewoon")
    first = await ontvang(p, BIG, [], [])
    monkeypatch.setattr(ontvangst, "judge", real)
    assert normal(p, first) == normal(q, await ontvang(q, BIG, [], []))


async def test_freeing_a_large_judgement_leaves_the_keten_as_a_rebuild_makes_it(tmp_path):
    p = partner(tmp_path, "afbraak")
    uitkomst = await ontvang(p, BIG, [], [])
    assert uitkomst.status == 202
    for _ in range(6000):  # the worker thread frees the judgement (afbraak); a generous limit, it takes ~0.1 s
        if p.beoordelaar.opruimen == 0:
            break
        await asyncio.sleep(0.01)
    assert p.beoordelaar.opruimen == 0
    keten = p.keten.voor("iJw")
    assert keten.parts and keten == p.rebuild().voor("iJw")
    again = await ontvang(p, BIG, [], [])  # the stored outcome is intact too
    assert again.status == 200 and again.body["id"] == uitkomst.body["id"]


def statussen(ketens) -> dict:
    """Per administratie the state of every booked prestatie."""
    from ketenproef.keten.declaraties import Part

    out = {}
    for std, keten in ketens.per_standaard.items():
        for key, adm in keten.part(Part).administraties.items():
            out[(std, *key)] = sorted((bk.prestatie.referentie, bk.status) for d in adm.declaraties.values()
                                      for bk in d.alle)
    return out


async def test_its_own_325_written_without_a_tree_leaves_the_chain_as_replaying_the_stored_325_does(tmp_path):
    p = partner(tmp_path, "toestand")
    uitkomst = await ontvang(p, BIG, [], [])
    assert uitkomst.status == 202 and uitkomst.body["retour_id"]
    live = statussen(p.keten)
    assert live and all(status == "afgewezen" for rows in live.values() for _, status in rows)
    assert statussen(p.rebuild()) == live
