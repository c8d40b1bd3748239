"""A retour written in pieces is kept as its head up to the placeholder and the rest compressed in a second thread
(mockserver/bewaarvorm.py ``inpakken_na``): together exactly the written bytes, and a failure on either side
reaches the caller."""

from __future__ import annotations

import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockserver import bewaarvorm
from mockserver.bewaarvorm import inpakken_na, uitpakken

BUDGET = settings(derandomize=True, deadline=None, max_examples=60, database=None)


@BUDGET
@given(st.lists(st.binary(max_size=300), max_size=40), st.binary(max_size=50), st.binary(max_size=300),
       st.integers(0, 40))
def test_head_and_compressed_rest_are_the_written_bytes(stukken, voor, na, waar):
    merk = b"VOORLOPIG0123"
    stukken = [s.replace(merk, b"") for s in stukken]
    waar = min(waar, len(stukken))
    alles = [*stukken[:waar], voor + merk + na, *stukken[waar:]]
    kop, rest = inpakken_na(iter(alles), merk)
    geheel = b"".join(alles)
    assert kop.endswith(merk) and kop == geheel[:geheel.find(merk) + len(merk)]
    assert kop + uitpakken(rest) == geheel
    assert rest.grootte == len(geheel) - len(kop)


def test_more_pieces_than_the_queue_holds_are_compressed_in_order():
    alles = [b"kop MERK"] + [bytes([i]) * 70_000 for i in range(4 * bewaarvorm.WACHTRIJ)]
    kop, rest = inpakken_na(alles, b"MERK")
    assert uitpakken(rest) == b"".join(alles)[len(kop):]


def test_without_the_placeholder_nothing_is_kept():
    with pytest.raises(ValueError, match="merk"):
        inpakken_na(iter([b"abc", b"def"]), b"MERK")


def test_a_writer_that_fails_midway_fails_the_caller():
    def stukken():
        yield b"<kop>MERK</kop>"
        yield b"x" * 100_000
        raise KeyError("kapot")

    with pytest.raises(KeyError, match="kapot"):
        inpakken_na(stukken(), b"MERK")


def test_a_compression_that_fails_fails_the_caller(monkeypatch):
    class Kapot:
        def compress(self, stuk):
            raise zlib.error("kapot")

        def flush(self):
            return b""

    monkeypatch.setattr(bewaarvorm.zlib, "compressobj", lambda level: Kapot())
    with pytest.raises(zlib.error, match="kapot"):
        inpakken_na([b"MERK", b"a", b"b"] + [b"c"] * 30, b"MERK")
