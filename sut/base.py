"""The one interface through which the suite drives a system under test (SUT).

A SUT is an aanbieder system or a gemeente system. The suite never builds the SUT's messages: it asks the
SUT, with a trigger (an action plus its data, in the standard's own element names), to do what a user of
that system would do, and then watches what the SUT sends to the ketenpartner (the mock counterparty).
The SUT talks to the ketenpartner only through the transport contract in docs/SUT-PROTOCOL.md.

The actions and their data are listed in ``sut.acties`` and documented for vendors in docs/SUT-TRIGGERS.md.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass

AANBIEDER, GEMEENTE = "aanbieder", "gemeente"


@dataclass(frozen=True)
class Verbinding:
    """What a SUT needs to know to take part: where the ketenpartner is and who is who."""

    ketenpartner_url: str  # base URL of the ketenpartner's transport API (POST /berichten, GET /berichten ...)
    eigen_code: str  # the SUT's own party code: AGB code (aanbieder) or gemeentecode (gemeente)
    tegenpartij_code: str  # the ketenpartner's party code


class SutError(RuntimeError):
    """The SUT could not carry out a trigger (it said so, timed out, or could not be reached)."""


class SystemUnderTest(ABC):
    """A system under test, driven by triggers."""

    name: str = "sut"
    role: str = AANBIEDER

    @abstractmethod
    def connect(self, verbinding: Verbinding) -> None:
        """Called once before the first trigger."""

    @abstractmethod
    def trigger(self, actie: str, gegevens: dict, vandaag: dt.date) -> dict:
        """Carry out one action (see ``sut.acties``). ``vandaag`` is the date the SUT must use as "today"
        for this action (Dagtekening, Toewijzingsdatum ...). Returns a small JSON-able result, e.g.
        ``{"verstuurd": ["<BerichtIdentificatie>", ...]}``. Raises SutError when it cannot."""

    def close(self) -> None:
        """Called once after the last trigger (nothing to release by default)."""
        return None
