"""Write the example messages of the rule group ``personen`` (client, relatie, contact, BSN, logical keys, dates).

For every rule one ``<RULE>_<MSG>_fail.xml`` that breaks that rule, a few valid ``<name>_<MSG>_ok.xml``
variants that exercise the "allowed" branches, and ``manifest.json`` with the exact rule ids the validator
must report for each file. Every message is a copy of ``ketenproef.basis`` with a small change.

    .venv/bin/python tools/voorbeelden/personen.py
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from _schrijf import basis_xml, schrijf

from ketenproef.basis import prestatie

OUT = Path(__file__).resolve().parents[2] / "corpus" / "voorbeelden" / "personen"
TELEFOON = {"Telefoon01": {"Telefoonnummer": "0201234567", "Landnummer": "0031"}}


# ---------------------------------------------------------------- building blocks

def client(data: dict) -> dict:
    return data["Client"]


def contact(soort: str = "01", **velden) -> dict:
    """A Contact with a Dutch address (Huis, Postcode, LandCode NL); a value None removes a field."""
    adres = {"Huis": {"Huisnummer": "12"}, "Postcode": "1011AB", "Straatnaam": "Proefstraat",
             "Plaatsnaam": "Amsterdam", "LandCode": "NL"}
    result = {"Soort": soort, "Adres": adres}
    for key, value in velden.items():
        target = adres if key in adres or key in ("Huis", "Postcode", "LandCode") else result
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return result


def relatie(nummer: str = "REL-1", **velden) -> dict:
    result = {"Nummer": nummer, "Soort": "09", "Naam": {"Geslachtsnaam": {"Achternaam": "Contactpersoon"},
                                                      "Voorletters": "J", "NaamGebruik": "1"},
              "Contact": {"Soort": "02", "Telefoon": TELEFOON}}
    result.update(velden)
    return result


def geboortedatum(datum: str, gebruik: str | None = None) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        client(data)["Geboortedatum"] = {"Datum": datum, **({"DatumGebruik": gebruik} if gebruik else {})}

    return change


# ---------------------------------------------------------------- the cases

def _tr002(data):
    geboortedatum("1906-01-11")(data)  # 120 years and one day before the Dagtekening 2026-01-12


def _tr006(data):
    client(data)["Relaties"] = [relatie(Contact={"Soort": "02", "Emailadres": "relatie@example.org"})]


def _tr061(data):
    client(data)["Contactgegevens"] = [contact("04", Periode={"Begindatum": "2026-01-01", "Einddatum": "2026-03-31"})]


def _tr101_305(data):
    producten = client(data)["StartProducten"]
    producten.append(copy.deepcopy(producten[0]))


def _tr101_323(data):
    clienten = data["Declaratie"]["Clienten"]
    tweede = prestatie("iWmo")  # same ReferentieNummer as the first, for the month before
    tweede["ProductPeriode"] = {"Begindatum": "2025-11-01", "Einddatum": "2025-11-30"}
    clienten[0]["Prestaties"].append(tweede)
    data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 40000


def _tr134(data):
    client(data)["StopProducten"][0]["Einddatum"] = "2026-01-13"


def _cs002(data):
    client(data)["Bsn"] = "123456789"


def _cs050(data):
    client(data)["Naam"]["NaamGebruik"] = "2"  # partner's name, but no Partnernaam


def _cs089(data):
    client(data)["Contactgegevens"][0]["Adres"]["Postcode"] = "1011 AB"


def _cs139(data):
    geboortedatum("2012-05-03", "1")(data)  # day unknown, so the date must be the 1st


def _cs318(data):
    client(data)["Naam"]["NaamGebruik"] = "6"


def _cd005(data):
    del client(data)["Contactgegevens"][0]["Adres"]["LandCode"]


def _cd007(data):
    client(data)["Communicatie"] = {"Vorm": "1"}


def _cd009(data):
    client(data)["Contactgegevens"][0]["Periode"] = {"Begindatum": "2026-01-01"}


def _cd025(data):
    client(data)["Contactgegevens"][0] = contact("01", Huis=None, Telefoon=TELEFOON)


def _cd034(data):
    client(data)["Contactgegevens"][0] = contact("03", Postcode=None, LandCode=None, Telefoon=TELEFOON)


def _onbekend(data):
    geboortedatum("1900-01-01", "3")(data)


def _grens_120(data):
    geboortedatum("1906-01-12")(data)


def _relaties(standaard: str) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        c = client(data)
        c["Naam"] = {"Geslachtsnaam": {"Achternaam": "Proefpersoon"}, "Partnernaam": {"Achternaam": "Partner"},
                     "Voorletters": "N", "NaamGebruik": "4"}
        c["Geboortedatum"] = {"Datum": "2012-01-01", "DatumGebruik": "2"}
        c["Communicatie"] = {"Vorm": "1", "Taal": "Pools"}
        c["Contactgegevens"] = [contact("01"), contact("04", Periode={"Begindatum": "2026-01-01"}),
                                contact("02", Huis=None, Postcode="B-1000", LandCode="BE", Telefoon=TELEFOON)]
        organisatie = relatie("REL-2", Soort="07")
        organisatie["Naam"] = {"Geslachtsnaam": {"Achternaam": "Zorgbureau"},
                               "NaamGebruik": "6" if standaard == "iJw" else "1"}
        c["Relaties"] = [relatie(Geboortedatum={"Datum": "1980-07-01", "DatumGebruik": "1"},
                                 Contact=contact("01")), organisatie]
    return change


def _twee_starts(data):
    producten = client(data)["StartProducten"]
    producten.append(dict(copy.deepcopy(producten[0]), Begindatum="2026-01-09"))


def _twee_clienten(data):
    clienten = data["Declaratie"]["Clienten"]
    clienten.append({"Bsn": "999990019", "Prestaties": [prestatie("iJw", referentie="PREST0002")]})
    data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 40000


CASES: list[tuple[str, str, Callable[[dict], None], list[str]]] = [
    ("TR002_WMO301_fail.xml", "WMO301", _tr002, ["TR002"]),
    ("TR006_JW301_fail.xml", "JW301", _tr006, ["TR006"]),
    ("TR006_WMO301_fail.xml", "WMO301", _tr006, ["TR006"]),
    ("TR061_WMO301_fail.xml", "WMO301", _tr061, ["TR061"]),
    ("TR061_JW301_fail.xml", "JW301", _tr061, ["TR061"]),
    ("TR101_JW305_fail.xml", "JW305", _tr101_305, ["TR101"]),
    ("TR101_WMO323_fail.xml", "WMO323", _tr101_323, ["TR101"]),
    ("TR134_WMO307_fail.xml", "WMO307", _tr134, ["TR134"]),
    ("CS002_JW317_fail.xml", "JW317", _cs002, ["CS002"]),
    ("CS050_WMO301_fail.xml", "WMO301", _cs050, ["CS050"]),
    ("CS050_JW301_fail.xml", "JW301", _cs050, ["CS050"]),
    ("CS089_JW301_fail.xml", "JW301", _cs089, ["CS089"]),
    ("CS089_WMO301_fail.xml", "WMO301", _cs089, ["CS089"]),
    ("CS139_WMO315_fail.xml", "WMO315", _cs139, ["CS139"]),
    ("CS318_JW301_fail.xml", "JW301", _cs318, ["CS318"]),
    ("CD005_WMO301_fail.xml", "WMO301", _cd005, ["CD005"]),
    ("CD005_JW301_fail.xml", "JW301", _cd005, ["CD005"]),
    ("CD007_JW301_fail.xml", "JW301", _cd007, ["CD007"]),
    ("CD007_WMO301_fail.xml", "WMO301", _cd007, ["CD007"]),
    ("CD009_WMO301_fail.xml", "WMO301", _cd009, ["CD009"]),
    ("CD009_JW301_fail.xml", "JW301", _cd009, ["CD009"]),
    ("CD025_JW301_fail.xml", "JW301", _cd025, ["CD025"]),
    ("CD025_WMO301_fail.xml", "WMO301", _cd025, ["CD025"]),
    ("CD034_WMO301_fail.xml", "WMO301", _cd034, ["CD034"]),
    ("CD034_JW301_fail.xml", "JW301", _cd034, ["CD034"]),
    ("onbekende_geboortedatum_JW305_ok.xml", "JW305", _onbekend, []),
    ("geboortedatum_120_jaar_WMO307_ok.xml", "WMO307", _grens_120, []),
    ("relaties_en_adressen_JW301_ok.xml", "JW301", _relaties("iJw"), []),
    ("relaties_en_adressen_WMO301_ok.xml", "WMO301", _relaties("iWmo"), []),
    ("twee_starts_WMO305_ok.xml", "WMO305", _twee_starts, []),
    ("twee_clienten_JW323_ok.xml", "JW323", _twee_clienten, []),
]


def main() -> None:
    schrijf(OUT, ((file, name, basis_xml(name, change), rules) for file, name, change, rules in CASES))


if __name__ == "__main__":
    main()
