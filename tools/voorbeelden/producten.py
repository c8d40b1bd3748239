"""Write the example messages of the rule group ``producten`` (301/315/317 product rules).

For every rule one ``<RULE>_<MSG>_fail.xml`` that breaks that rule, a few valid ``<name>_<MSG>_ok.xml``
variants that exercise the "allowed" branches, and ``manifest.json`` with the exact rule ids the validator
must report for each file. Every message is a copy of ``ketenproef.basis`` with one small change.

CD077 and CD078 cannot be broken apart: an Omvang next to a Budget breaks both, so their examples list both.

    .venv/bin/python tools/voorbeelden/producten.py
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from _schrijf import basis_xml, schrijf

OUT = Path(__file__).resolve().parents[2] / "corpus" / "voorbeelden" / "producten"
HULPMIDDEL = {"Categorie": "12", "Code": "12X01"}  # scootmobiel (iWmo hulpmiddelen, categorie 12)


# ---------------------------------------------------------------- access to the product lines

def toegewezen(data: dict, i: int = 0) -> dict:
    return data["Client"]["ToegewezenProducten"][i]


def aangevraagd(data: dict, i: int = 0) -> dict:
    return data["Client"]["AangevraagdeProducten"][i]


def nieuw(data: dict, i: int = 0) -> dict:
    return data["Client"]["Verzoek"]["NieuweProducten"][i]


def te_wijzigen(data: dict, **velden) -> dict:
    """Replace the OngewijzigdProduct of the base 317 by a TeWijzigenProduct for the same toewijzing."""
    verzoek = data["Client"]["Verzoek"]
    del verzoek["OngewijzigdeProducten"]
    regel = {"ToewijzingNummer": 586955, "GewensteIngangsdatum": "2026-02-01", "Einddatum": "2026-06-30",
             "Omvang": {"Volume": 3, "Eenheid": "04", "Frequentie": "2"}}
    regel.update(velden)
    verzoek["TeWijzigenProducten"] = [{k: v for k, v in regel.items() if v is not None}]
    return data


def tweede(lijst: list, **velden) -> None:
    """Append a copy of the first line with some fields changed (a value None removes the field)."""
    kopie = dict(lijst[0], **velden)
    lijst.append({k: v for k, v in kopie.items() if v is not None})


def zet(regel: dict, **velden) -> None:
    """Change fields of one line; a value None removes the field."""
    for key, value in velden.items():
        if value is None:
            regel.pop(key, None)
        else:
            regel[key] = value


# ---------------------------------------------------------------- the cases: (file, message, change, rules)

def _tr302(data):
    tweede(data["Client"]["ToegewezenProducten"], ToewijzingNummer=586956, Ingangsdatum="2026-06-30",
           Einddatum="2026-12-31")


def _tr386(data):
    tweede(data["Client"]["AangevraagdeProducten"], ReferentieAanbieder="VOT-0002",
           ToewijzingIngangsdatum="2026-07-01", ToewijzingEinddatum=None,
           Omvang={"Volume": 4, "Eenheid": "04", "Frequentie": "4"})


def _tr410(data):
    tweede(data["Client"]["Verzoek"]["NieuweProducten"], GewensteIngangsdatum="2026-03-01", Einddatum="2026-03-31")


def _cd041(data):
    zet(toegewezen(data), Omvang=None)


def _cd075(data):
    te_wijzigen(data, Einddatum=None, Omvang=None, Budget=250000)


def _cd076(data):
    zet(aangevraagd(data), ToewijzingEinddatum=None)


def _cd077(data):
    zet(toegewezen(data), Budget=250000)


def _cd078(data):
    zet(nieuw(data), Budget=100000)


def _cd079(data):
    zet(aangevraagd(data), Product=None, Omvang=None)


def zonder_code(regel: dict) -> dict:
    """The line's Product without its Code: the same categorie (02 in iWmo, 45 in iJw), so the XSD still holds."""
    return {"Categorie": regel["Product"]["Categorie"]}


def _cd080(data):
    zet(toegewezen(data), Product=zonder_code(toegewezen(data)))


def _cd095(data):
    zet(aangevraagd(data), Product=zonder_code(aangevraagd(data)), ToewijzingEinddatum=None,
        Omvang={"Volume": 16, "Eenheid": "04", "Frequentie": "4"})


def _cd096(data):
    zet(nieuw(data), Product=zonder_code(nieuw(data)))


def _cs003(data):
    zet(toegewezen(data), Einddatum="2026-01-04")


def _cs003_contact(data):
    """A temporary address whose Periode has an Einddatum and no Begindatum: rejected, as the official validation
    does (issue 8 h)."""
    data["Client"]["Contactgegevens"].append({
        "Soort": "04", "Adres": {"Huis": {"Huisnummer": "3"}, "Postcode": "1011AC", "Straatnaam": "Logeerstraat",
                                 "Plaatsnaam": "Amsterdam", "LandCode": "NL"}, "Periode": {"Einddatum": "2026-01-31"}})


def _cs003_omgekeerd(data):
    """A second line of the same product that starts inside the first but ends before the first begins: CS003,
    and no overlap (TR302) as the official validation decides it (issue 8 e)."""
    tweede(data["Client"]["ToegewezenProducten"], ToewijzingNummer=586956, Ingangsdatum="2026-03-01",
           Einddatum="2025-12-31")


def _cs335(data):
    zet(toegewezen(data), RedenWijziging="13", Einddatum="2026-01-06")


def _cs336(data):
    zet(toegewezen(data), RedenWijziging="01", Einddatum="2026-01-05")


def _cs338(data):
    te_wijzigen(data, Omvang={"Volume": 3, "Eenheid": "16", "Frequentie": "1"})


def _cs343(data):
    zet(aangevraagd(data), Omvang={"Volume": 5, "Eenheid": "14", "Frequentie": "1"})


# valid variants

def _aansluitend(data):
    tweede(data["Client"]["ToegewezenProducten"], ToewijzingNummer=586956, Ingangsdatum="2026-07-01",
           Einddatum=None, Omvang={"Volume": 4, "Eenheid": "04", "Frequentie": "4"})


def _verwijderd(data):
    tweede(data["Client"]["ToegewezenProducten"], ToewijzingNummer=586956, Einddatum="2026-01-05",
           RedenWijziging="13")


def _hulpmiddelen(data):
    omvang = {"Volume": 1, "Eenheid": "82", "Frequentie": "6"}
    zet(aangevraagd(data), Product=HULPMIDDEL, Omvang=omvang)
    tweede(data["Client"]["AangevraagdeProducten"], ReferentieAanbieder="VOT-0002",
           ToewijzingIngangsdatum="2026-03-01")


def _ander_product(data):
    tweede(data["Client"]["Verzoek"]["NieuweProducten"], Product={"Categorie": "45", "Code": "45A03"})


def _budget_generiek(data):
    zet(toegewezen(data), Product=None, Omvang=None, Budget=500000)


def _voor_2021(data):
    zet(toegewezen(data), Product={"Categorie": "45"}, Ingangsdatum="2020-07-01", Einddatum="2020-12-31",
        Omvang={"Volume": 2, "Eenheid": "14", "Frequentie": "1"})


def _einde_gelijk(data):
    zet(aangevraagd(data), ToewijzingEinddatum="2026-02-01", Omvang={"Volume": 4, "Eenheid": "04", "Frequentie": "6"})


CASES: list[tuple[str, str, Callable[[dict], None], list[str]]] = [
    ("TR302_WMO301_fail.xml", "WMO301", _tr302, ["TR302"]),
    ("TR302_JW301_fail.xml", "JW301", _tr302, ["TR302"]),
    ("TR386_JW315_fail.xml", "JW315", _tr386, ["TR386"]),
    ("TR386_WMO315_fail.xml", "WMO315", _tr386, ["TR386"]),
    ("TR410_WMO317_fail.xml", "WMO317", _tr410, ["TR410"]),
    ("TR410_JW317_fail.xml", "JW317", _tr410, ["TR410"]),
    ("CD041_JW301_fail.xml", "JW301", _cd041, ["CD041"]),
    ("CD075_WMO317_fail.xml", "WMO317", _cd075, ["CD075"]),
    ("CD076_JW315_fail.xml", "JW315", _cd076, ["CD076"]),
    ("CD077_WMO301_fail.xml", "WMO301", _cd077, ["CD077", "CD078"]),
    ("CD078_JW317_fail.xml", "JW317", _cd078, ["CD077", "CD078"]),
    ("CD079_WMO315_fail.xml", "WMO315", _cd079, ["CD079"]),
    ("CD080_JW301_fail.xml", "JW301", _cd080, ["CD080"]),
    ("CD080_WMO301_fail.xml", "WMO301", _cd080, ["CD080"]),
    ("CD095_WMO315_fail.xml", "WMO315", _cd095, ["CD095"]),
    ("CD095_JW315_fail.xml", "JW315", _cd095, ["CD095"]),
    ("CD096_JW317_fail.xml", "JW317", _cd096, ["CD096"]),
    ("CD096_WMO317_fail.xml", "WMO317", _cd096, ["CD096"]),
    ("CS003_WMO301_fail.xml", "WMO301", _cs003, ["CS003"]),
    ("CS003_contact_zonder_begindatum_JW301_fail.xml", "JW301", _cs003_contact, ["CS003"]),
    ("CS003_omgekeerd_niet_overlappend_WMO301_fail.xml", "WMO301", _cs003_omgekeerd, ["CS003"]),
    ("CS335_JW301_fail.xml", "JW301", _cs335, ["CS335"]),
    ("CS336_WMO301_fail.xml", "WMO301", _cs336, ["CS336"]),
    ("CS338_JW317_fail.xml", "JW317", _cs338, ["CS338"]),
    ("CS343_WMO315_fail.xml", "WMO315", _cs343, ["CS343"]),
    ("CS343_JW315_fail.xml", "JW315", _cs343, ["CS343"]),
    ("aansluitend_JW301_ok.xml", "JW301", _aansluitend, []),
    ("verwijderd_WMO301_ok.xml", "WMO301", _verwijderd, []),
    ("hulpmiddelen_WMO315_ok.xml", "WMO315", _hulpmiddelen, []),
    ("ander_product_JW317_ok.xml", "JW317", _ander_product, []),
    ("budget_generiek_WMO301_ok.xml", "WMO301", _budget_generiek, []),
    ("omvang_voor_2021_JW301_ok.xml", "JW301", _voor_2021, []),
    ("einde_gelijk_WMO315_ok.xml", "WMO315", _einde_gelijk, []),
]


def main() -> None:
    schrijf(OUT, ((file, name, basis_xml(name, change), rules) for file, name, change, rules in CASES))


if __name__ == "__main__":
    main()
