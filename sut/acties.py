"""The trigger actions a SUT must support, per role, with the data each carries (as data, so the
documentation page and the adapters' validation come from one place).

Data uses the standard's element names. Dates are ISO strings (JJJJ-MM-DD). ``bsn`` identifies the client.
"""

from __future__ import annotations

ACTIES: dict[str, dict] = {
    # ---------------------------------------------------------------- aanbieder
    "verzoek_om_toewijzing": {
        "rol": "aanbieder", "bericht": "315",
        "doel": "Vraag de gemeente om een toewijzing (verzoek om toewijzing, VOT).",
        "gegevens": {"client": "Client zoals in de 315: Bsn, Geboortedatum, Geslacht, Naam",
                     "producten": "lijst AangevraagdProduct: ReferentieAanbieder, Product (Categorie, Code), "
                                  "ToewijzingIngangsdatum, ToewijzingEinddatum, Omvang of Budget, Verwijzer"},
    },
    "verzoek_om_wijziging": {
        "rol": "aanbieder", "bericht": "317",
        "doel": "Vraag de gemeente om een wijziging (VOW). Het systeem neemt zelf alle actuele toewijzingen op "
                "die niet wijzigen (TR349).",
        "gegevens": {"bsn": "Bsn", "ReferentieAanbieder": "referentie van het verzoek",
                     "RedenVerzoek": "1 of 2", "TeWijzigenProducten": "lijst TeWijzigenProduct (optioneel)",
                     "NieuweProducten": "lijst NieuwProduct (optioneel)"},
    },
    "start_zorg": {
        "rol": "aanbieder", "bericht": "305",
        "doel": "Meld dat de levering onder een toewijzing is begonnen, of verwijder een eerder gestuurde start.",
        "gegevens": {"bsn": "Bsn", "ToewijzingNummer": "nummer uit de 301", "Begindatum": "eerste leverdag",
                     "StatusAanlevering": "optioneel: 1 (standaard) of 3 = de eerder gestuurde start met deze "
                                          "Begindatum verwijderen (IV008)"},
    },
    "stop_zorg": {
        "rol": "aanbieder", "bericht": "307",
        "doel": "Meld dat de levering (tijdelijk of definitief) is beeindigd, of verwijder een eerder gestuurde stop.",
        "gegevens": {"bsn": "Bsn", "ToewijzingNummer": "nummer uit de 301", "RedenBeeindiging": "code",
                     "Einddatum": "laatste leverdag",
                     "StatusAanlevering": "optioneel: 1 (standaard) of 3 = de eerder gestuurde stop met deze "
                                          "RedenBeeindiging en Einddatum verwijderen (IV008)"},
    },
    "declareer": {
        "rol": "aanbieder", "bericht": "323",
        "doel": "Declareer geleverde zorg over een maand (declaratieperiode).",
        "gegevens": {"DeclaratiePeriode": "Begindatum en Einddatum (een kalendermaand)",
                     "prestaties": "lijst: bsn, ToewijzingNummer, ProductPeriode (Begindatum, Einddatum), "
                                   "GeleverdVolume, Eenheid, ProductTarief (eurocent), ReferentieNummer; optioneel "
                                   "GeleverdeMinuten in plaats van GeleverdVolume: de minuten per levering, die het "
                                   "systeem als hele uren declareert (IV079); optioneel Leveringen (Datum, "
                                   "Volume) in plaats van GeleverdVolume: het systeem telt de leveringen die in de "
                                   "ProductPeriode vallen (IV076)"},
    },
    "crediteer": {
        "rol": "aanbieder", "bericht": "323",
        "doel": "Crediteer een eerder goedgekeurde prestatie (IV091), of meer prestaties in een declaratie; "
                "optioneel met de gecorrigeerde prestaties in dezelfde declaratie (IV086).",
        "gegevens": {"ReferentieNummer": "van de debetprestatie", "NieuwReferentieNummer": "van de credit",
                     "credits": "optioneel, in plaats van ReferentieNummer: lijst van ReferentieNummer en "
                                "NieuwReferentieNummer, alle credits in een declaratie",
                     "prestaties": "optioneel: nieuwe (debet)prestaties zoals bij declareer, in dezelfde declaratie "
                                   "als de credits",
                     "DeclaratiePeriode": "optioneel: Begindatum en Einddatum; standaard die van de laatst "
                                          "ingediende declaratie"},
    },
    # ---------------------------------------------------------------- gemeente
    "toewijzen": {
        "rol": "gemeente", "bericht": "301",
        "doel": "Wijs zorg toe. Het systeem kent zelf het ToewijzingNummer toe en stuurt alle actuele "
                "toewijzingen van de client bij deze aanbieder mee (OP087).",
        "gegevens": {"client": "Client zoals in de 301 (met Contactgegevens; Relaties zonder Nummer: het systeem "
                               "nummert ze, een persoon houdt zijn nummer, OP071)",
                     "producten": "lijst ToegewezenProduct zonder ToewijzingNummer: Product, Ingangsdatum, "
                                  "Einddatum, Omvang of Budget, optioneel ReferentieAanbieder"},
    },
    "wijzig_toewijzing": {
        "rol": "gemeente", "bericht": "301",
        "doel": "Wijzig een toewijzing (intrekken, oprekken, verwijderen, volume of budget).",
        "gegevens": {"bsn": "Bsn", "ToewijzingNummer": "nummer", "Einddatum": "nieuwe einddatum",
                     "RedenWijziging": "code", "Omvang": "optioneel; een ander Volume alleen bij Frequentie 6, "
                     "Eenheid en Frequentie blijven (OP033x1)", "Budget": "optioneel"},
    },
    "beantwoord_verzoek": {
        "rol": "gemeente", "bericht": "319",
        "doel": "Wijs een verzoek af of meld dat het in onderzoek is (antwoordbericht).",
        "gegevens": {"bsn": "Bsn", "ReferentieAanbieder": "van het verzoek", "VerzoekAntwoord": "1 of 2",
                     "RedenAfwijzingVerzoek": "bij 1", "Woonplaatsbeginsel": "iJw, bij reden 8: Gemeente"},
    },
    "honoreer_verzoek": {
        "rol": "gemeente", "bericht": "301",
        "doel": "Honoreer een verzoek om toewijzing of om wijziging in zijn geheel (OP344) met een 301.",
        "gegevens": {"bsn": "Bsn", "ReferentieAanbieder": "van het verzoek"},
    },
    # ---------------------------------------------------------------- both
    "contracttarieven": {
        "rol": "beide", "bericht": None,
        "doel": "Leg contracttarieven vast (zoals een beheerder dat in het systeem doet): de aanbieder declareert "
                "ertegen, de gemeente toetst het ProductTarief eraan (TR418, retourcode 0611). Komen erbij; een "
                "tarief voor dezelfde gemeente, aanbieder, ProductCode en Eenheid vervangt het oude.",
        "gegevens": {"tarieven": "lijst: gemeente, aanbieder, ProductCode, Eenheid, tarief (eurocent)"},
    },
    "productcodelijst": {
        "rol": "beide", "bericht": None,
        "doel": "Leg de productcodelijst vast die een gemeente en een aanbieder hanteren (IV075, bv. de eigen lijst "
                "van de gemeente in het contract): ProductCode en ProductCategorie worden ertegen getoetst (TR381, "
                "retourcode S329). Een nieuwe lijst voor hetzelfde paar vervangt de oude; productcodes null haalt "
                "de lijst weg (dan geldt er geen lijst meer tussen hen).",
        "gegevens": {"gemeente": "gemeentecode", "aanbieder": "AGB-code",
                     "productcodes": "object: ProductCategorie -> lijst ProductCodes, of null"},
    },
    "verwerk_postbus": {
        "rol": "beide", "bericht": None,
        "doel": "Haal alle wachtende berichten op bij de ketenpartner, verwerk ze en stuur de retourberichten "
                "(302/306/308/316/318/320) en declaratie-antwoorden (325) die daarbij horen.",
        "gegevens": {},
    },
}


def acties_voor(rol: str) -> dict[str, dict]:
    return {naam: a for naam, a in ACTIES.items() if a["rol"] in (rol, "beide")}
