from __future__ import annotations

import pytest

from mockserver.handle import Ketenpartner
from sut.base import Verbinding
from sut.registry import open_sut
from tests.sut.helpers import AGB, GEMEENTE, VANDAAG


@pytest.fixture(params=["iWmo", "iJw"])
def standaard(request) -> str:
    return request.param


@pytest.fixture
def kp_gemeente():
    """The ketenpartner as gemeente: the other side of an aanbieder SUT."""
    handle = Ketenpartner.start("gemeente", datum=VANDAAG)
    yield handle
    handle.stop()


@pytest.fixture
def kp_aanbieder():
    handle = Ketenpartner.start("aanbieder", datum=VANDAAG)
    yield handle
    handle.stop()


def aanbieder_sut(kp, naam: str = "referentie-aanbieder"):
    sut = open_sut(naam)
    sut.connect(Verbinding(kp.url, AGB, GEMEENTE))
    return sut


def gemeente_sut(kp, naam: str = "referentie-gemeente"):
    sut = open_sut(naam)
    sut.connect(Verbinding(kp.url, GEMEENTE, AGB))
    return sut
