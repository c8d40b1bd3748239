from __future__ import annotations

import pytest

from tests.mockserver.helpers import client_for


@pytest.fixture
async def gemeente():
    async with client_for("gemeente") as client:
        yield client


@pytest.fixture
async def aanbieder():
    async with client_for("aanbieder") as client:
        yield client
