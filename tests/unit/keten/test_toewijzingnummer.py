"""TR332 on a 301 that reuses a ToewijzingNummer of the same client for another product (issue 8, item a)."""

from __future__ import annotations

import pytest

from ketenproef.findings import KETEN
from ketenproef.keten import partijen
from tests.unit.keten import ANDER_PRODUCT, PREFIXES, Proef, assert_retour, std

NUMMER = 586955  # the basis toewijzing


def ander_product(prefix: str):
    """A later version of toewijzing 586955 of the same client with another product (and the allowed changes)."""
    def wijzig(data: dict) -> None:
        t = data["Client"]["ToegewezenProducten"][0]
        t.update(Product=ANDER_PRODUCT[std(prefix)], Toewijzingstijd="11:00:00", RedenWijziging="14",
                 Einddatum="2026-03-31")
    return wijzig


@pytest.mark.parametrize("prefix", PREFIXES)
def test_tr332_same_number_same_client_another_product_is_rejected(prefix):
    """TR332: "Ieder ToegewezenProduct binnen een gemeente heeft een uniek nummer" (register: "Each ToegewezenProduct
    of a gemeente has a number unique within the legal domain: a ToewijzingNummer identifies exactly one
    toewijzing"). OP033x1 says what may change under a number: "Allowed: (a) intrekken = earlier Einddatum, (b)
    oprekken = later Einddatum, (c) verwijderen ..., (d) Volume may change only when Frequentie = 6 ...; (e) Budget may
    change"; any other product "requires ending the toewijzing and issuing a new one with a new ToewijzingNummer".
    So a 301 that gives the client's toewijzing 586955 another product is another toewijzing under a number already
    used: 9332 on the ToegewezenProduct, and the receiver records nothing of it (IV032): the ledger keeps the
    product."""
    proef = Proef()
    eerste = proef.stuur(f"{prefix}301")
    report = proef.verwacht(f"{prefix}301", ander_product(prefix), "TR332", klasse="ToegewezenProduct")
    (finding,) = report.findings
    assert (finding.retourcode, finding.level) == ("9332", KETEN)
    assert finding.path.endswith("/ToewijzingNummer") and "ander product" in finding.text
    assert_retour(report, "ToegewezenProduct", "9332")
    assert proef.keten.verwerk(report) is None  # rejected as a whole: nothing recorded
    gemeente, aanbieder = partijen(eerste.bericht)
    t = proef.keten.toewijzingen.get(gemeente, aanbieder, NUMMER)
    assert (t.categorie, t.code, t.einddatum.isoformat()) == ("02" if prefix == "WMO" else "45",
                                                             "02A16" if prefix == "WMO" else "45A02", "2026-06-30")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_tr332_same_number_same_product_may_change_einddatum(prefix):
    """TR332/OP033x1 (see above): the same product under the same number with another Einddatum (intrekken) is the
    same toewijzing: accepted and recorded."""
    proef = Proef()
    proef.stuur(f"{prefix}301")
    proef.stuur(f"{prefix}301", lambda d: d["Client"]["ToegewezenProducten"][0].update(
        Toewijzingstijd="11:00:00", RedenWijziging="05", Einddatum="2026-03-31"))
