"""One small, valid plain-data message per heenbericht type and for the 325: the documented example of
the factory's data format, and the base that tests and ``_fail`` examples mutate.

All people here are synthetic (the BSNs pass the elfproef and are not issued to anyone we know of).
The Dagtekening of every base message is 2026-01-12; judge them with "vandaag" on or after that date.
"""

from __future__ import annotations

import copy

DAGTEKENING = "2026-01-12"
GEMEENTE = "0363"
AGB = "12345678"
BSN = "999990020"  # elfproef: 9*9+8*9+7*9+6*9+5*9+4*0+3*0+2*2-1*0 = 319 = 29*11

REDEN_EINDE = {"iWmo": "23", "iJw": "34"}  # voortijdig beeindigd in overeenstemming
PRODUCT = {"iWmo": {"Categorie": "02", "Code": "02A16"}, "iJw": {"Categorie": "45", "Code": "45A02"}}


def _standard(name: str) -> str:
    return "iWmo" if name.startswith("WMO") else "iJw"


def header(name: str, identificatie: str = "BERICHT0001", afzender: str | None = None,
           ontvanger: str | None = None) -> dict:
    from_gemeente = name[-3:] in ("301", "319", "325")
    return {"Afzender": afzender or (GEMEENTE if from_gemeente else AGB),
            "Ontvanger": ontvanger or (AGB if from_gemeente else GEMEENTE),
            "BerichtIdentificatie": {"Identificatie": identificatie, "Dagtekening": DAGTEKENING}}


def _client() -> dict:
    return {"Bsn": BSN, "Geboortedatum": {"Datum": "2012-05-01", "DatumGebruik": "1"}, "Geslacht": "2",
            "Naam": {"Geslachtsnaam": {"Achternaam": "Proefpersoon"}, "Voorletters": "N"}}


def _contact() -> dict:
    return {"Soort": "01", "Adres": {"Huis": {"Huisnummer": "12"}, "Postcode": "1011AB",
                                     "Straatnaam": "Proefstraat", "Plaatsnaam": "Amsterdam", "LandCode": "NL"}}


def _omvang(volume: int = 4, eenheid: str = "04", frequentie: str = "2") -> dict:
    return {"Volume": volume, "Eenheid": eenheid, "Frequentie": frequentie}


def _301(std: str) -> dict:
    client = _client()
    client["Naam"] = {"Geslachtsnaam": {"Achternaam": "Proefpersoon"}, "Voorletters": "N", "NaamGebruik": "1"}
    client["Contactgegevens"] = [_contact()]
    client["ToegewezenProducten"] = [{
        "ToewijzingNummer": 586955, "Product": PRODUCT[std], "Toewijzingsdatum": DAGTEKENING,
        "Toewijzingstijd": "10:00:00", "Ingangsdatum": "2026-01-05", "Einddatum": "2026-06-30",
        "Omvang": _omvang()}]
    return {"Client": client}


def _305(std: str) -> dict:
    client = _client()
    client["StartProducten"] = [{"ToewijzingNummer": 586955, "Product": PRODUCT[std],
                                 "ToewijzingIngangsdatum": "2026-01-05", "Begindatum": "2026-01-07",
                                 "StatusAanlevering": "1"}]
    return {"Client": client}


def _307(std: str) -> dict:
    client = _client()
    client["StopProducten"] = [{"ToewijzingNummer": 586955, "Product": PRODUCT[std],
                                "ToewijzingIngangsdatum": "2026-01-05", "Begindatum": "2026-01-07",
                                "RedenBeeindiging": REDEN_EINDE[std], "Einddatum": "2026-01-09",
                                "StatusAanlevering": "1"}]
    return {"Client": client}


def _315(std: str) -> dict:
    client = _client()
    client["AangevraagdeProducten"] = [{
        "ReferentieAanbieder": "VOT-0001", "Product": PRODUCT[std], "ToewijzingIngangsdatum": "2026-02-01",
        "ToewijzingEinddatum": "2026-07-31", "Omvang": _omvang(), "Verwijzer": {"Type": "01"}}]
    return {"Client": client}


def _317(std: str) -> dict:
    return {"Client": {"Bsn": BSN, "Verzoek": {
        "ReferentieAanbieder": "VOW-0001", "RedenVerzoek": "1",
        "OngewijzigdeProducten": [{"ToewijzingNummer": 586955}],
        "NieuweProducten": [{"Product": PRODUCT[std], "GewensteIngangsdatum": "2026-02-01",
                             "Einddatum": "2026-07-31", "Omvang": _omvang(2)}]}}}


def _319(std: str) -> dict:
    return {"Antwoord": {"ReferentieAanbieder": "VOT-0001", "VerzoekAntwoord": "1", "RedenAfwijzingVerzoek": "2"}}


def prestatie(std: str, referentie: str = "PREST0001", bedrag: int = 20000) -> dict:
    return {"ProductReferentie": {"ReferentieNummer": referentie}, "ToewijzingNummer": 586955,
            "ProductCategorie": PRODUCT[std]["Categorie"], "ProductCode": PRODUCT[std]["Code"],
            "ProductPeriode": {"Begindatum": "2025-12-01", "Einddatum": "2025-12-31"},
            "GeleverdVolume": 4, "Eenheid": "04", "ProductTarief": bedrag // 4,
            "IngediendBedrag": {"Bedrag": bedrag, "DebetCredit": "D"}}


def _323(std: str) -> dict:
    return {"Declaratie": {
        "DeclaratieNummer": "DECL0001", "DeclaratiePeriode": {"Begindatum": "2025-12-01", "Einddatum": "2025-12-31"},
        "DeclaratieDagtekening": DAGTEKENING, "TotaalIngediendBedrag": {"TotaalBedrag": 20000, "DebetCredit": "D"},
        "Clienten": [{"Bsn": BSN, "Prestaties": [prestatie(std)]}]}}


def _325(std: str) -> dict:
    return {"Header": {"DeclaratieIdentificatie": {"Identificatie": "BERICHT0001", "Dagtekening": DAGTEKENING},
                       "XsdVersieDeclaratie": None, "RetourCodes": {"RetourCode": ["0200"]}},
            "DeclaratieAntwoord": {
                "DeclaratieNummer": "DECL0001",
                "TotaalIngediendBedrag": {"TotaalBedrag": 20000, "DebetCredit": "D"},
                "TotaalToegekendBedrag": {"TotaalBedrag": 20000, "DebetCredit": "D"},
                "RetourCodes": {"RetourCode": ["8001"]}}}


_BUILDERS = {"301": _301, "305": _305, "307": _307, "315": _315, "317": _317, "319": _319, "323": _323,
             "325": _325}


def basis(name: str, identificatie: str = "BERICHT0001") -> dict:
    """A fresh, valid plain-data message ``name`` (WMO301, JW323, ...); mutate it freely."""
    from ketenproef.factory import header_defaults

    std = _standard(name)
    data = copy.deepcopy(_BUILDERS[name[-3:]](std))
    head = header(name, identificatie)
    head.update(data.pop("Header", {}))
    if name.endswith("325"):
        head["XsdVersieDeclaratie"] = header_defaults(name.replace("325", "323"))["XsdVersie"]
    data["Header"] = head
    return data


HEEN = ("301", "305", "307", "315", "317", "319", "323")
