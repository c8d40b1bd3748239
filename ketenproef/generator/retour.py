"""The retourberichten (302, 306, 308, 316, 318, 320) and the 325 of the example messages: the answer that
``ketenproef.retour.retour_for`` gives on the heenbericht of the same seed."""

from __future__ import annotations

import datetime as dt
import random

from ketenproef import factory, fake
from ketenproef.clock import FrozenClock
from ketenproef.generator.heen import _Generator
from ketenproef.generator.kern import RETOUR, dagtekening_van


def _retour_tree(name: str, seed: int, *, dagtekening: dt.date | None = None, aantal_prestaties: int | None = None):
    from ketenproef.parse import MAX_BYTES
    from ketenproef.retour import retour_for
    from ketenproef.validate import validate

    heen_name = name[:-3] + RETOUR[name[-3:]]
    heen = _Generator(heen_name, seed, dagtekening, aantal_prestaties).bericht()
    dag = dagtekening_van(heen)
    clock = FrozenClock(dag)
    body = factory.to_bytes(heen_name, heen)
    # A benchmark-sized 323 may pass the 25 MB of OP179; it is judged all the same (OP179 allows that).
    report = validate(body, clock=clock, max_bytes=max(MAX_BYTES, len(body) + 1))
    rng = random.Random(f"retour-{name}-{seed}")
    tree = retour_for(report, clock=clock, identificatie=fake.code(rng, 12))
    if tree is None:  # pragma: no cover - a generator bug: the heenbericht did not reach the rules
        raise RuntimeError(f"{heen_name} (seed {seed}) was rejected before the rules: "
                           f"{[f.text for f in report.findings][:3]}")
    return tree
