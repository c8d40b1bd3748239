"""Write the example messages of the rule group ``extern``: the rules on external sources that the message,
"vandaag" and bundled reference data decide without earlier messages (TR135, TR346, TR378, TR381).

Each example carries its own "vandaag" (the manifest's ``datum``): the Beemster examples (CBS 0370, opgegaan in
Purmerend on 2022-01-01) are judged in 2021 and in 2023.

    .venv/bin/python tools/voorbeelden/extern.py
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from _schrijf import basis_xml, schrijf

OUT = Path(__file__).resolve().parents[2] / "corpus" / "voorbeelden" / "extern"
BEEMSTER = "0370"  # CBS gemeentecode of Beemster, valid until 2021-12-31


def dagtekening(data: dict, dag: str) -> None:
    data["Header"]["BerichtIdentificatie"]["Dagtekening"] = dag


def _beemster_301(jaar: int) -> Callable[[dict], None]:
    def change(data):
        data["Header"]["Afzender"] = BEEMSTER
        dagtekening(data, f"{jaar}-03-01")
        data["Client"]["ToegewezenProducten"][0].update(
            Toewijzingsdatum=f"{jaar}-03-01", Ingangsdatum=f"{jaar}-03-08", Einddatum=f"{jaar}-09-30")
    return change


def _beemster_305_2023(data):
    """A start in 2023 on a toewijzing of 2021 that Beemster issued: the older list may be used."""
    data["Header"]["Ontvanger"] = BEEMSTER
    dagtekening(data, "2023-03-01")
    data["Client"]["StartProducten"][0].update(ToewijzingIngangsdatum="2021-06-07", Begindatum="2023-02-20")


def _beemster_woonplaats_2023(data):
    dagtekening(data, "2023-03-01")
    data["Antwoord"].update(RedenAfwijzingVerzoek="8", Woonplaatsbeginsel={"Gemeente": BEEMSTER})


def _tr135(data):
    dagtekening(data, "2026-01-13")


def _tr346(data):
    data["Declaratie"]["Clienten"][0]["Prestaties"][0]["IngediendBedrag"]["Bedrag"] = 20001
    data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 20001


def _product(categorie: str, code: str, klasse: str = "ToegewezenProducten") -> Callable[[dict], None]:
    def change(data):
        data["Client"][klasse][0]["Product"] = {"Categorie": categorie, "Code": code}
    return change


CASES: list[tuple[str, str, Callable[[dict], None], list[str], str]] = [
    ("TR378_beemster_2021_WMO301_ok.xml", "WMO301", _beemster_301(2021), [], "2021-03-01"),
    ("TR378_beemster_2023_WMO301_fail.xml", "WMO301", _beemster_301(2023), ["TR378"], "2023-03-01"),
    ("TR378_beemster_toewijzing_2021_WMO305_ok.xml", "WMO305", _beemster_305_2023, [], "2023-03-01"),
    ("TR378_woonplaatsbeginsel_JW319_fail.xml", "JW319", _beemster_woonplaats_2023, ["TR378"], "2023-03-01"),
    ("TR135_WMO315_fail.xml", "WMO315", _tr135, ["TR135"], "2026-01-12"),
    ("TR346_WMO323_fail.xml", "WMO323", _tr346, ["TR346"], "2026-01-12"),
    ("TR381_eigen_lijst_WMO315_ok.xml", "WMO315", _product("02", "ABCDE", "AangevraagdeProducten"), [], "2026-01-12"),
    ("TR381_hulpmiddel_WMO301_fail.xml", "WMO301", _product("12", "11X01"), ["TR381"], "2026-01-12"),
]


if __name__ == "__main__":
    schrijf(OUT, ((file, name, basis_xml(name, change), rules, datum) for file, name, change, rules, datum in CASES))
