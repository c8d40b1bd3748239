"""The reference systems take a product code list per gemeente and aanbieder (action ``productcodelijst``) and
judge TR381 against it: "ProductCode moet voorkomen in de gehanteerde productcodelijst" (IV075)."""

from __future__ import annotations

import pytest

from sut.base import SutError
from tests.sut.test_referentie_aanbieder import VANDAAG, aanbieder_sut


def test_the_list_is_kept_per_pair_and_removed_with_null(kp_gemeente):
    sut = aanbieder_sut(kp_gemeente)
    paar = {"gemeente": sut.gemeente, "aanbieder": sut.aanbieder}
    sut.trigger("productcodelijst", {**paar, "productcodes": {"02": ["02A16"]}}, VANDAAG)
    config = sut.archief.config
    assert config.productcodes_voor(sut.gemeente, sut.aanbieder) == {"02": frozenset({"02A16"})}
    assert config.productcodes_voor("0599", sut.aanbieder) is None
    sut.trigger("productcodelijst", {**paar, "productcodes": None}, VANDAAG)
    assert config.productcodes_voor(sut.gemeente, sut.aanbieder) is None


def test_a_list_that_is_no_object_is_refused(kp_gemeente):
    sut = aanbieder_sut(kp_gemeente)
    with pytest.raises(SutError, match="ProductCategorie"):
        sut.trigger("productcodelijst", {"gemeente": sut.gemeente, "aanbieder": sut.aanbieder,
                                         "productcodes": ["02A16"]}, VANDAAG)
