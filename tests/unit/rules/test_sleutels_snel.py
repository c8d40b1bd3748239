"""TR101's shortcuts (a field that must differ, read once; siblings compared by their own key) decide exactly as
the full comparison of combined logical keys does, on messages with random copies of their classes."""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from ketenproef.bericht import Bericht
from ketenproef.clock import FrozenClock
from ketenproef.factory import to_bytes
from ketenproef.generator import voorbeeld_data
from ketenproef.parse import parse_bytes
from ketenproef.rules import sleutels

CLOCK = FrozenClock(dt.date(2026, 12, 31))
BERICHTEN = ("WMO301", "JW301", "WMO305", "JW307", "WMO315", "JW317", "JW323")


def volledig(b: Bericht) -> list[tuple[int, str]]:
    """TR101 without shortcuts: every class through ``sleutels``."""
    out = []
    for sk in sleutels.sleutelklassen(b):
        eerste: dict[tuple, etree._Element] = {}
        for el, sleutel in sleutels.sleutels(b)[sk.pad].items():
            if sleutel in eerste:
                out.append((el.sourceline, sleutels._melding(sk, sleutel, eerste[sleutel])))
            else:
                eerste[sleutel] = el
    return out


@settings(derandomize=True, deadline=None, max_examples=120, database=None)
@given(st.sampled_from(BERICHTEN), st.integers(0, 50), st.data())
def test_the_shortcuts_find_what_the_full_comparison_finds(name, seed, keuze):
    data = voorbeeld_data(name, seed, **({"aantal_prestaties": 6} if name.endswith("323") else {}))
    root = parse_bytes(to_bytes(name, data)).root
    b = Bericht(name, root, CLOCK)
    klassen = [el for sk in sleutels.sleutelklassen(b) for el in b.vind(sk.pad) if sk.ouder is not None]
    for el in keuze.draw(st.lists(st.sampled_from(klassen), max_size=3)) if klassen else []:
        el.addnext(copy.deepcopy(el))  # a copy next to it: same key, same parent
    b = Bericht(name, etree.fromstring(etree.tostring(root)), CLOCK)  # fresh caches, real source lines
    gevonden = [(el.sourceline, tekst) for el, tekst in sleutels.TR101(b)]
    assert sorted(gevonden) == sorted(volledig(Bericht(name, b.root, CLOCK)))
