"""Ketenregels voor de declaratie (323): crediteren (IV085, IV086, IV091): een credit hoort bij een goedgekeurde
debet (TR323), een debet wordt een keer gecrediteerd (TR390), een nieuwe debet pas na de credit van de eerdere
(TR389), en een credit is een kopie van de debet (IV091).

Een creditprestatie wordt volgens IV085 alleen om technische redenen afgewezen: een credit toetsen TR314, TR323,
TR390 en IV091 (en TR304 op de Client). Creditprestaties in hetzelfde bericht worden voor de debetprestaties
verwerkt (OP366): een geldige credit telt mee voor TR389.
"""

from __future__ import annotations

from ketenproef.bericht import Bericht
from ketenproef.calculations import controleer_creditprestatie
from ketenproef.keten import Keten
from ketenproef.keten.declaraties import Administratie, prestaties

# De volgorde van de controles (en dus van de bevindingen en RetourCodes): toewijzing, volume, nummers, credit.
from ketenproef.rules import keten_declaratie_nummers  # noqa: F401
from ketenproef.rules._keten_declaratie import (
    administratie,
    credits,
    geldige_credits,
    kind,
    periode_tekst,
    verschillen,
)
from ketenproef.rules.registry import gedekt_door, regel


def staat(adm: Administratie, referentie: str) -> str:
    """How the ledger knows a ReferentieNummer, for the texts of TR323."""
    boeking = adm.boeking(referentie)
    if boeking is None:
        return "is niet bekend als eerder ingediende prestatie"
    if boeking.prestatie.credit:
        return "is zelf een creditprestatie"
    return {"ingediend": "is nog niet beoordeeld (er is nog geen 325)",
            "afgewezen": "is afgewezen; een afgewezen prestatie wordt niet gecrediteerd"}.get(boeking.status, "")


@regel("TR323", berichten=["323"], retourcode="8017", scope="chain")
def TR323(b: Bericht, keten: Keten):
    """Een creditprestatie verwijst met VorigReferentieNummer naar een ingediende, goedgekeurde debetprestatie."""
    adm = administratie(b, keten)
    for p, el, _ in credits(b):
        if adm.goedgekeurd_debet(p.vorig) is None:
            yield kind(el, "ProductReferentie/VorigReferentieNummer"), (
                f"Creditprestatie {p.referentie}: VorigReferentieNummer {p.vorig} {staat(adm, p.vorig)}; een credit "
                f"hoort bij een goedgekeurde debetprestatie (TR323, IV085).")


@regel("TR390", berichten=["323"], retourcode="9390", scope="chain")
def TR390(b: Bericht, keten: Keten):
    """Een prestatie wordt maar een keer gecrediteerd: er is nog geen (niet afgewezen) credit voor dezelfde debet."""
    adm = administratie(b, keten)
    for p, el, _ in credits(b):
        if adm.gecrediteerd(p.vorig):
            yield kind(el, "ProductReferentie/VorigReferentieNummer"), (
                f"Creditprestatie {p.referentie}: prestatie {p.vorig} is al eerder gecrediteerd (TR390).")


@regel("TR389", berichten=["323"], retourcode="9389", scope="chain")
def TR389(b: Bericht, keten: Keten):
    """Een nieuwe debet voor dezelfde ToewijzingNummer, ProductCategorie, ProductCode en ProductPeriode mag alleen als
    de eerdere debet gecrediteerd is (eerder, of met een geldige credit in dit bericht: OP366)."""
    adm, geldig = administratie(b, keten), geldige_credits(b, keten)
    for p, el, _ in prestaties(b):
        eerder = [] if p.credit else adm.debetten(p.combinatie)
        open_ = [q.referentie for q in eerder if not adm.gecrediteerd(q.referentie) and q.referentie not in geldig]
        if open_:
            yield kind(el, "ProductReferentie/ReferentieNummer"), (
                f"Debetprestatie {p.referentie}: voor toewijzing {p.toewijzing}, product {p.categorie}/{p.code} en "
                f"{periode_tekst(p)} is prestatie {', '.join(open_)} al gedeclareerd en niet gecrediteerd (TR389).")


@regel("IV091", berichten=["323"], retourcode=None, scope="chain")
def IV091(b: Bericht, keten: Keten):
    """Een creditprestatie is gelijk aan de gecrediteerde debetprestatie, behalve ReferentieNummer,
    VorigReferentieNummer en DebetCredit (advies: de standaard kent er geen retourcode voor)."""
    adm = administratie(b, keten)
    for p, el, _ in credits(b):
        debet = adm.goedgekeurd_debet(p.vorig)
        if debet is None:
            continue  # TR323
        if "IV091" in controleer_creditprestatie(p.als_dict(), debet.als_dict()) or p.bsn != debet.bsn:
            anders = [n for n, (x, y) in verschillen(p, debet).items() if x != y]
            yield el, (f"Creditprestatie {p.referentie} wijkt af van debetprestatie {p.vorig} in "
                       f"{', '.join(anders)}; een credit is een kopie van de debet (IV091).")


gedekt_door("OP360", ["TR390"], "TR390 keurt een tweede credit voor dezelfde debetprestatie af.")
gedekt_door("OP366", ["TR389", "TR416"], "TR389 eist dat een eerdere debet gecrediteerd is voor een nieuwe debet; "
            "credits in hetzelfde bericht worden eerst verwerkt. TR416 doet dit binnen een bericht.")
gedekt_door("IV085", ["TR323"], "TR323 eist dat een credit naar een debet verwijst die in een 325 is goedgekeurd.")
