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
    """The SUT did not carry out a trigger: it refused (for a reason of content, which a scenario may expect),
    or it gave no usable answer. Its message carries the SUT's own text."""


class SutNietOndersteund(SutError):  # noqa: N818 - a kind of SutError
    """The SUT does not support the action at all (HTTP 501; exit code 3 of a program): never a refusal a
    scenario may expect, so the step fails with the SUT's text. ``signaal`` says how it said so ("HTTP 501"),
    ``tekst`` is what it said."""

    def __init__(self, melding: str, signaal: str = "", tekst: str = "") -> None:
        super().__init__(melding)
        self.signaal, self.tekst = signaal, tekst


class SutOnbereikbaar(SutError):  # noqa: N818 - a kind of SutError
    """The SUT could not be reached: no connection (refused, unknown host, timeout while connecting), or a
    program that cannot be started. The scenario is then not carried out ("niet uitgevoerd"), not failed."""


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
        ``{"verstuurd": ["<BerichtIdentificatie>", ...]}``. Raises SutError when it cannot (SutNietOndersteund,
        SutOnbereikbaar for those kinds)."""

    def close(self) -> None:
        """Called once after the last trigger (nothing to release by default)."""
        return None
