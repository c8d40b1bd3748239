"""OP272 for a definitive stop that follows a temporary stop (issue 8, item b): the ketenpartner's timeliness
finding (mockserver/tijdigheid.py) on the chain the mock keeps."""

from __future__ import annotations

import datetime as dt

import pytest

from ketenproef import factory
from ketenproef.clock import FrozenClock
from ketenproef.validate import validate
from mockserver.tijdigheid import tijdigheid
from tests.unit.keten import DEFINITIEF, PREFIXES, TIJDELIJK, Proef, std

GEMELD = FrozenClock(dt.date(2026, 3, 2))  # weeks after the Einddatum 2026-01-09 of the basis stop


def stop(prefix: str, reden: str):
    def wijzig(data: dict) -> None:
        data["Client"]["StopProducten"][0]["RedenBeeindiging"] = reden
    return wijzig


def te_laat(proef: Proef, prefix: str, reden: str) -> list[dict]:
    """The OP272 findings on a stop with ``reden`` (Einddatum 2026-01-09) reported on 2026-03-02."""
    data = proef.bericht(f"{prefix}307", stop(prefix, reden))
    report = validate(factory.to_bytes(f"{prefix}307", data), clock=GEMELD, keten=proef.keten)
    assert report.valid, [(f.rule, f.text) for f in report.findings]
    return [f for f in tijdigheid(report.bericht, proef.keten, GEMELD) if f["rule"] == "OP272"]


def gestart(prefix: str) -> Proef:
    proef = Proef()
    proef.stuur(f"{prefix}301")
    proef.stuur(f"{prefix}305")
    return proef


@pytest.mark.parametrize("prefix", PREFIXES)
def test_op272_definitive_stop_after_a_temporary_stop_is_not_late(prefix):
    """OP272: "The aanbieder sends the stop message (307) within 5 werkdagen after the actual end of the support. A
    definitive stop following a temporary stop must be sent within 5 werkdagen after it became known that the
    delivery definitively ended (not necessarily within 5 days after delivery stopped)." The temporary stop per
    2026-01-09 went out in time; weeks later it becomes known that the care will not resume, and the definitive stop
    (same Einddatum, 3.2 keeps both under their RedenBeeindiging) is no late message."""
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(prefix, TIJDELIJK))
    assert te_laat(proef, prefix, DEFINITIEF[std(prefix)][0]) == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_op272_definitive_stop_without_a_temporary_stop_is_late(prefix):
    """OP272 (see above): without a temporary stop the 5 werkdagen count from the Einddatum: 2026-01-16."""
    (finding,) = te_laat(gestart(prefix), prefix, DEFINITIEF[std(prefix)][0])
    assert finding["retourcode"] is None and "uiterlijk 2026-01-16" in finding["text"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_op272_a_late_temporary_stop_is_late(prefix):
    """OP272 (see above): the temporary stop itself is due 5 werkdagen after the delivery stopped."""
    assert te_laat(gestart(prefix), prefix, TIJDELIJK)
