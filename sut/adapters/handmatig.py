"""HandmatigSut: a person carries out each trigger in the system under test.

Per action it prints a Dutch instruction (what to do, with which data, as of which date) and waits until the
tester presses Enter, optionally after typing a JSON object with what the system showed (for example
``{"ToewijzingNummers": [1234]}``), which becomes the result. Typing ``mislukt`` (with an optional reason) or
passing the deadline is a SutError. Without a tester (no stdin, end of input: CI) it refuses at once.
"""

from __future__ import annotations

import datetime as dt
import json
import select
import sys
from typing import TextIO

from sut.acties import ACTIES
from sut.adapters.common import check_actie, iso
from sut.base import SutError, SystemUnderTest, Verbinding

GEEN_TESTER = ("handmatig: er is geen tester om de actie uit te voeren (geen invoer op stdin, zoals in CI). "
               "Gebruik een ingebouwd systeem, http://... of cmd:... voor een onbemande run.")
UITLEG = {
    "verzoek_om_toewijzing": "Maak in uw systeem een verzoek om toewijzing (315) met deze client en producten en "
                             "verstuur het naar de gemeente.",
    "verzoek_om_wijziging": "Maak een verzoek om wijziging (317) voor deze client; het systeem neemt zelf alle "
                            "actuele toewijzingen op die niet wijzigen.",
    "start_zorg": "Registreer de start van de zorg onder deze toewijzing en verstuur het startbericht (305).",
    "stop_zorg": "Registreer het einde van de zorg onder deze toewijzing en verstuur het stopbericht (307).",
    "declareer": "Declareer deze prestaties over de declaratieperiode (323).",
    "crediteer": "Crediteer deze eerder goedgekeurde prestatie (323 met een creditprestatie).",
    "toewijzen": "Wijs deze producten toe aan de client (301). Noteer de ToewijzingNummers die het systeem geeft.",
    "wijzig_toewijzing": "Wijzig deze toewijzing zoals aangegeven en verstuur het toewijzingsbericht (301).",
    "beantwoord_verzoek": "Beantwoord dit verzoek met een antwoordbericht (319).",
    "honoreer_verzoek": "Honoreer dit verzoek in zijn geheel met een toewijzingsbericht (301).",
    "verwerk_postbus": "Haal alle berichten op bij de ketenpartner en verwerk ze, zodat de retourberichten en "
                       "declaratie-antwoorden verstuurd worden.",
}
# StatusAanlevering 3: the action withdraws an earlier start or stop instead of registering one (IV008)
UITLEG_VERWIJDEREN = {
    "start_zorg": "Verwijder de eerder gestuurde start met deze Begindatum onder deze toewijzing en verstuur het "
                  "startbericht (305) met StatusAanlevering 3.",
    "stop_zorg": "Verwijder de eerder gestuurde stop met deze RedenBeeindiging en Einddatum onder deze toewijzing en "
                 "verstuur het stopbericht (307) met StatusAanlevering 3.",
}


class HandmatigSut(SystemUnderTest):
    name = "handmatig"

    def __init__(self, role: str, invoer: TextIO | None = None, uitvoer: TextIO | None = None,
                 deadline: float | None = None) -> None:
        if role not in ("aanbieder", "gemeente"):
            raise ValueError("handmatig:aanbieder of handmatig:gemeente")
        self.role = role
        self.name = f"handmatig:{role}"
        self.invoer = invoer if invoer is not None else sys.stdin
        self.uitvoer = uitvoer if uitvoer is not None else sys.stdout
        self.deadline = deadline

    def connect(self, verbinding: Verbinding) -> None:
        self._print(f"\n=== Ketenproef: u speelt de {self.role} ===\n"
                    f"Stel uw systeem zo in dat het berichten uitwisselt met de ketenpartner op "
                    f"{verbinding.ketenpartner_url} (zie docs/SUT-PROTOCOL.md).\n"
                    f"Uw eigen code: {verbinding.eigen_code}; de code van de ketenpartner: "
                    f"{verbinding.tegenpartij_code}.\n")

    def trigger(self, actie: str, gegevens: dict, vandaag: dt.date) -> dict:
        check_actie(actie, self.role)
        self._print(instructie(actie, gegevens, vandaag))
        return antwoord(self._lees(), actie)

    def _print(self, tekst: str) -> None:
        self.uitvoer.write(tekst + "\n")
        self.uitvoer.flush()

    def _lees(self) -> str:
        stream = self.invoer
        if stream is None or getattr(stream, "closed", False):
            raise SutError(GEEN_TESTER)
        try:
            if self.deadline is not None and _heeft_fileno(stream):
                klaar, _, _ = select.select([stream], [], [], self.deadline)
                if not klaar:
                    raise SutError(f"handmatig: geen reactie van de tester binnen {self.deadline:.0f} seconden")
            regel = stream.readline()
        except (OSError, ValueError) as exc:  # e.g. stdin captured or not readable
            raise SutError(GEEN_TESTER) from exc
        if regel == "":
            raise SutError(GEEN_TESTER)
        return regel.strip()


def _heeft_fileno(stream) -> bool:
    try:
        stream.fileno()
    except (OSError, ValueError, AttributeError):
        return False
    return True


def instructie(actie: str, gegevens: dict, vandaag: dt.date | str) -> str:
    spec = ACTIES[actie]
    bericht = f" (bericht {spec['bericht']})" if spec["bericht"] else ""
    velden = "\n".join(f"  - {naam}: {uitleg}" for naam, uitleg in spec["gegevens"].items()) or "  (geen)"
    uitleg = UITLEG_VERWIJDEREN if str(gegevens.get("StatusAanlevering", "1")) == "3" else UITLEG
    return (f"\n--- Actie: {actie}{bericht} ---\n"
            f"{spec['doel']}\n{uitleg.get(actie, UITLEG.get(actie, ''))}\n"
            f"Werk met {iso(vandaag)} als datum van vandaag (Dagtekening, Toewijzingsdatum ...).\n"
            f"Gegevens:\n{json.dumps(gegevens, indent=2, ensure_ascii=False, default=str)}\n"
            f"Betekenis van de velden:\n{velden}\n"
            "Druk op Enter als het gedaan is. Typ eventueel eerst wat het systeem teruggaf als JSON "
            '(bijv. {"ToewijzingNummers": [1234]}), of typ "mislukt <reden>" als het niet lukte.')


def antwoord(regel: str, actie: str) -> dict:
    if regel.lower().startswith("mislukt"):
        raise SutError(f"handmatig: de tester meldt dat {actie} mislukte: {regel[7:].strip() or '(geen reden)'}")
    result: dict = {"handmatig": True}
    if regel:
        try:
            extra = json.loads(regel)
        except ValueError as exc:
            raise SutError(f"handmatig: '{regel}' is geen JSON-object; druk alleen op Enter of typ JSON") from exc
        if not isinstance(extra, dict):
            raise SutError(f"handmatig: '{regel}' is geen JSON-object")
        result.update(extra)
    return result
