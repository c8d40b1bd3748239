"""Deliberately broken variants of the reference systems: each has exactly ONE defect, so a scenario that
targets the rule in ``rules`` must catch it (and a scenario that does not must not care).

A broken variant does not check its own messages before sending (``zelfcontrole = False``): a real system with
this defect would not know it is wrong either. Everything else is the reference behaviour.
"""

from __future__ import annotations

import dataclasses

from ketenproef import factory
from ketenproef.bericht import findall, text
from ketenproef.keten.regie import TIJDELIJK
from ketenproef.validate import validate
from sut.base import AANBIEDER, GEMEENTE, SutError
from sut.referentie.aanbieder import ReferentieAanbieder
from sut.referentie.gemeente import ReferentieGemeente
from sut.referentie.transport import Ketenpartner
from sut.registry import SutInfo, register
from sut.verkeerd_325 import met_goedgekeurde_clienten


class Defect:
    zelfcontrole = False


# ---------------------------------------------------------------------------------------------- aanbieder


class StartOnbekendeToewijzing(Defect, ReferentieAanbieder):
    def toewijzing_van(self, gegevens):
        try:
            return super().toewijzing_van(gegevens)
        except SutError:
            gevraagd = int(gegevens["ToewijzingNummer"])
            for standaard in ("iWmo", "iJw"):
                for t in self.keten(standaard).toewijzingen.van_client(self.gemeente, self.aanbieder,
                                                                        str(gegevens["bsn"])):
                    return standaard, _met_nummer(t, gevraagd)
            raise


def _met_nummer(t, nummer):
    return dataclasses.replace(t, nummer=nummer)


class StartAlsVerwijdering(Defect, ReferentieAanbieder):
    def start_product(self, t, begindatum):
        return {**super().start_product(t, begindatum), "StatusAanlevering": "3"}


class TweedeTijdelijkeStop(Defect, ReferentieAanbieder):
    def reden_beeindiging(self, gevraagd, stops):
        return TIJDELIJK if any(k.tijdelijk for k in stops) else gevraagd


class StopMetIngangsdatum(Defect, ReferentieAanbieder):
    def stop_product(self, t, start, reden, einddatum):
        return {**super().stop_product(t, start, reden, einddatum), "Begindatum": t.ingangsdatum}


class VowZonderOngewijzigd(Defect, ReferentieAanbieder):
    def ongewijzigde_producten(self, actueel, te_wijzigen):
        return []


class VerzoekTerwijlOpenstaand(Defect, ReferentieAanbieder):
    def eis_geen_openstaand_verzoek(self, standaard, bsn):
        return None


class DeclaratieBovenToewijzing(Defect, ReferentieAanbieder):
    def controleer_volume(self, t, pp, volume, eenheid):
        return None


class UurtariefBijMinuten(Defect, ReferentieAanbieder):
    def bedrag(self, t, item, volume, eenheid):
        tarief, bedrag = super().bedrag(t, item, volume, eenheid)
        if t.eenheid == "04" and eenheid == "01":
            tarief = int(item.get("Uurtarief", item.get("ProductTarief")))  # the hourly tariff, not per minute
        return tarief, bedrag


class CreditZonderGoedkeuring(Defect, ReferentieAanbieder):
    def mag_crediteren(self, debet, goedgekeurd, gecrediteerd):
        return debet["ProductReferentie"]["ReferentieNummer"] not in gecrediteerd


class RetourEigenIdentificatie(Defect, ReferentieAanbieder):
    def maak_retour(self, report, identificatie):
        tree = super().maak_retour(report, identificatie)
        if tree is not None and report.bericht.number != "323":
            for el in findall(tree[0], "BerichtIdentificatie/Identificatie"):
                el.text = identificatie
        return tree


class RetourKeurtAllesGoed(Defect, ReferentieAanbieder):
    def maak_retour(self, report, identificatie):
        tree = super().maak_retour(report, identificatie)
        if tree is None:
            return None
        name = report.bericht.model["retour_message"]
        header = factory.to_data(tree, name)["Header"]
        header.pop("RetourCodes", None)
        header.pop("XsltVersie", None)
        return factory.build(name, {"Header": header})


class GeenStopNaIntrekking(Defect, ReferentieAanbieder):
    administratief_afsluiten = False


# ---------------------------------------------------------------------------------------------- gemeente


class RetourZonderKetencontrole(Defect, ReferentieGemeente):
    def beoordeel(self, naam, xml):
        return validate(xml, clock=self.clock)


class AntwoordMetGoedgekeurdePrestaties(Defect, ReferentieGemeente):
    def maak_retour(self, report, identificatie):
        tree = super().maak_retour(report, identificatie)
        b = report.bericht
        if tree is None or b.number != "323" or "8001" not in [c.text for c in findall(tree, "DeclaratieAntwoord/"
                                                                                             "RetourCodes/RetourCode")]:
            return tree
        return met_goedgekeurde_clienten(tree, b)


class AntwoordMetDeclaratiePeriode(Defect, ReferentieGemeente):
    def maak_retour(self, report, identificatie):
        tree = super().maak_retour(report, identificatie)
        b = report.bericht
        if tree is None or b.number != "323":
            return tree
        maand = {local: text(b.root, f"Declaratie/DeclaratiePeriode/{local}") for local in ("Begindatum", "Einddatum")}
        for periode in findall(tree, "DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie/ProductPeriode"):
            for el in periode:
                el.text = str(maand[el.tag.rsplit("}", 1)[-1]])
        return tree


class RelatiesOpVolgorde(Defect, ReferentieGemeente):
    def met_relatienummers(self, standaard, bsn, client):
        relaties = [{**r, "Nummer": i} for i, r in enumerate(client.get("Relaties") or [], start=1)]
        return {**client, "Relaties": relaties} if relaties else client


class ToewijzingZonderOverige(Defect, ReferentieGemeente):
    def overige_actuele(self, standaard, bsn, al):
        return []


class ToewijzingNummerPerClient(Defect, ReferentieGemeente):
    def nieuw_toewijzingnummer(self, standaard, bsn):
        self.tellers[f"toewijzing-{standaard}-{bsn}"] = self.tellers.get(f"toewijzing-{standaard}-{bsn}", 0) + 1
        return self.tellers[f"toewijzing-{standaard}-{bsn}"]


class VerwijderenMetReden01(Defect, ReferentieGemeente):
    def reden_wijziging(self, gevraagd):
        return "01" if gevraagd == "13" else gevraagd


class AntwoordNaToewijzing(Defect, ReferentieGemeente):
    def eis_beantwoordbaar(self, standaard, referentie, antwoord):
        return None


class ReferentieBlijftStaan(Defect, ReferentieGemeente):
    def overige_actuele(self, standaard, bsn, al):
        out = []
        for t in self.keten(standaard).toewijzingen.van_client(self.gemeente, self.aanbieder, bsn):
            if t.actueel(self.vandaag) and t.nummer not in al:
                out.append(self.product_data(t))  # keeps the ReferentieAanbieder of the honoured verzoek
        return out


# ---------------------------------------------------------------------------------------------- transport


class ZonderHerhaling(Defect, ReferentieAanbieder):
    def connect(self, verbinding):
        super().connect(verbinding)
        self.partner = Ketenpartner(verbinding.ketenpartner_url, wachttijden=())  # every request once


DEFECTEN = (
    ("aanbieder-start-onbekende-toewijzing", AANBIEDER, StartOnbekendeToewijzing, ("TR019",),
     "Meldt een start met een ToewijzingNummer dat hij nooit ontving (neemt het nummer uit de invoer over en het "
     "product van een andere toewijzing van de client)."),
    ("aanbieder-start-als-verwijdering", AANBIEDER, StartAlsVerwijdering, ("TR063",),
     "Stuurt een nieuwe start met StatusAanlevering 3 (verwijderen) in plaats van 1: een verwijdering van een "
     "start die nooit is gemeld."),
    ("aanbieder-tweede-tijdelijke-stop", AANBIEDER, TweedeTijdelijkeStop, ("TR413",),
     "Meldt na een tijdelijke stop de definitieve stop opnieuw met RedenBeeindiging 20 (tijdelijk)."),
    ("aanbieder-stop-met-ingangsdatum", AANBIEDER, StopMetIngangsdatum, ("TR382",),
     "Vult in de stop de Ingangsdatum van de toewijzing als Begindatum, niet de Begindatum van de start."),
    ("aanbieder-vow-zonder-ongewijzigd", AANBIEDER, VowZonderOngewijzigd, ("TR349",),
     "Laat in een verzoek om wijziging de actuele toewijzingen die niet wijzigen weg (geen OngewijzigdProduct)."),
    ("aanbieder-verzoek-terwijl-openstaand", AANBIEDER, VerzoekTerwijlOpenstaand, ("TR374",),
     "Stuurt een nieuw verzoek terwijl een eerder verzoek voor dezelfde client nog openstaat."),
    ("aanbieder-declaratie-boven-toewijzing", AANBIEDER, DeclaratieBovenToewijzing, ("TR321",),
     "Declareert meer volume dan voor de productperiode is toegewezen (controleert het volume niet)."),
    ("aanbieder-uurtarief-bij-minuten", AANBIEDER, UurtariefBijMinuten, ("TR346",),
     "Vult bij uren die in minuten worden gedeclareerd het uurtarief in als ProductTarief in plaats van het "
     "minuuttarief (IV079, IV081): IngediendBedrag is dan niet GeleverdVolume x ProductTarief."),
    ("aanbieder-credit-zonder-goedkeuring", AANBIEDER, CreditZonderGoedkeuring, ("TR323",),
     "Crediteert een prestatie die (nog) niet in een declaratie-antwoord is goedgekeurd."),
    ("aanbieder-retour-eigen-identificatie", AANBIEDER, RetourEigenIdentificatie, ("IV028",),
     "Zet in de Header van het retourbericht zijn eigen identificatie als BerichtIdentificatie, in plaats van die "
     "van het heenbericht over te nemen: de retour verwijst naar een bericht dat niet bestaat."),
    ("aanbieder-retour-keurt-alles-goed", AANBIEDER, RetourKeurtAllesGoed, ("IV032", "CS335", "TR332"),
     "Stuurt op elke toewijzing een retour zonder retourcodes, ook als het bericht afgekeurd moet worden."),
    ("aanbieder-geen-stop-na-intrekking", AANBIEDER, GeenStopNaIntrekking, ("OP288",),
     "Meldt geen stop (307) als de gemeente een toewijzing met een lopende start intrekt (administratief "
     "afsluiten): de levering blijft open staan."),
    ("gemeente-retour-zonder-ketencontrole", GEMEENTE, RetourZonderKetencontrole, ("TR019",),
     "Controleert ontvangen berichten alleen op zichzelf, niet tegen eerdere berichten: een start op een "
     "onbekende toewijzing krijgt een retour zonder 9019."),
    ("gemeente-325-met-goedgekeurde-prestaties", GEMEENTE, AntwoordMetGoedgekeurdePrestaties, ("TR342", "OP304"),
     "Neemt in een volledig goedgekeurd declaratie-antwoord (8001) ook alle goedgekeurde prestaties op: de som "
     "van de teruggemelde prestaties klopt niet met ingediend min toegekend."),
    ("gemeente-325-met-declaratieperiode", GEMEENTE, AntwoordMetDeclaratiePeriode, ("TR367",),
     "Meldt afgekeurde prestaties in het declaratie-antwoord terug met de DeclaratiePeriode (de hele maand) als "
     "ProductPeriode in plaats van de ProductPeriode uit de declaratie."),
    ("gemeente-relaties-op-volgorde", GEMEENTE, RelatiesOpVolgorde, ("OP071",),
     "Nummert de relaties van de client in elk toewijzingsbericht opnieuw op volgorde (1, 2 ...): staan ze in een "
     "andere volgorde, dan krijgt een relatie een ander nummer."),
    ("gemeente-toewijzing-zonder-overige", GEMEENTE, ToewijzingZonderOverige, ("OP087",),
     "Stuurt in een toewijzingsbericht alleen de nieuwe of gewijzigde toewijzing, niet de andere actuele "
     "toewijzingen van de client bij de aanbieder."),
    ("gemeente-toewijzingnummer-per-client", GEMEENTE, ToewijzingNummerPerClient, ("TR332",),
     "Nummert toewijzingen per client vanaf 1: een ToewijzingNummer wordt voor een ander product hergebruikt."),
    ("gemeente-verwijderen-met-reden-01", GEMEENTE, VerwijderenMetReden01, ("CS336",),
     "Verwijdert een toewijzing met RedenWijziging 01 (administratieve correctie, vervallen) in plaats van 13."),
    ("gemeente-antwoord-na-toewijzing", GEMEENTE, AntwoordNaToewijzing, ("TR359",),
     "Stuurt een antwoordbericht (319) op een verzoek dat al met een toewijzing is gehonoreerd."),
    ("gemeente-referentie-blijft-staan", GEMEENTE, ReferentieBlijftStaan, ("TR379",),
     "Stuurt een eerder gehonoreerde toewijzing in een volgend toewijzingsbericht opnieuw mee met de "
     "ReferentieAanbieder van het verzoek (die hoort alleen in de eerste 301 na het honoreren, IV094/IV097)."),
    ("aanbieder-zonder-herhaling", AANBIEDER, ZonderHerhaling, ("OP090x2", "OP286"),
     "Levert elk bericht maar een keer af: na een 5xx, een verbroken verbinding of een time-out stuurt hij het "
     "niet opnieuw, ook niet als de ketenpartner het wel verwerkte en alleen het antwoord verloren ging."),
)

for _naam, _rol, _klasse, _regels, _defect in DEFECTEN:
    _klasse.name = _naam
    register(SutInfo(_naam, _rol, True, _defect, _klasse, _regels))
