"""Freeing a large judgement bit by bit (afbraak) and the garbage collection policy of serve (afval)."""

from __future__ import annotations

import gc

from mockserver.afbraak import afbreken
from mockserver.afval import BUITEN_BEREIK, Afvalbeheer


class Houder:
    pass


Houder.__module__ = "mockserver.test"  # treated like one of our own objects: its instance dict may be emptied


def test_afbreken_empties_only_what_it_alone_holds():
    gedeeld = [1, 2, 3]  # still referred to by the caller (as the Keten refers to the prestaties it applied)
    gedeelde_dict = {"a": gedeeld}
    eigen = [[10, 20], {"x": [30]}, gedeelde_dict]
    houder = Houder()
    houder.lijst = eigen
    houder.gedeeld = gedeeld
    bak = [houder]
    del houder, eigen
    afbreken(bak)
    assert bak == []
    assert gedeeld == [1, 2, 3]
    assert gedeelde_dict == {"a": [1, 2, 3]}


def test_afbreken_leaves_an_object_someone_else_holds_intact():
    houder = Houder()
    houder.waarden = [1, 2]
    bak = [houder]
    afbreken(bak)
    assert vars(houder) == {"waarden": [1, 2]}


def test_afbreken_breaks_a_deep_structure_without_recursion():
    diep: list = []
    for _ in range(200_000):  # afbreken works with a stack of its own, not by recursion
        diep = [diep]
    afbreken([diep])


def test_afvalbeheer_only_acts_in_serve():
    beheer = Afvalbeheer()
    drempels = gc.get_threshold()
    with beheer.groot():
        assert gc.get_threshold() == drempels
    assert gc.get_threshold() == drempels


def test_afvalbeheer_raises_old_thresholds_while_large_messages_are_judged_and_freezes_after():
    beheer = Afvalbeheer()
    beheer.inschakelen()
    drempels = gc.get_threshold()
    bevroren = gc.get_freeze_count()
    try:
        with beheer.groot():
            assert gc.get_threshold() == (drempels[0], BUITEN_BEREIK, BUITEN_BEREIK)
            with beheer.groot():  # a second large message at the same time
                pass
            assert gc.get_threshold() == (drempels[0], BUITEN_BEREIK, BUITEN_BEREIK)
            overleeft = [object() for _ in range(100)]
        assert gc.get_threshold() == drempels
        assert gc.get_freeze_count() >= bevroren + len(overleeft)
        with beheer.groot(False):  # a small message changes nothing
            assert gc.get_threshold() == drempels
    finally:
        gc.unfreeze()
        gc.set_threshold(*drempels)
