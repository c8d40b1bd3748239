"""The reference systems: a correct aanbieder and a correct gemeente, for iWmo 3.2 and iJw 3.2."""

from __future__ import annotations

from sut.base import AANBIEDER, GEMEENTE
from sut.referentie.aanbieder import ReferentieAanbieder
from sut.referentie.gemeente import ReferentieGemeente
from sut.registry import SutInfo, register

register(SutInfo("referentie-aanbieder", AANBIEDER, False, None, ReferentieAanbieder))
register(SutInfo("referentie-gemeente", GEMEENTE, False, None, ReferentieGemeente))

__all__ = ["ReferentieAanbieder", "ReferentieGemeente"]
