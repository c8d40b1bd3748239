"""Ketenregels voor het toewijzingsbericht 301; de aanbieder controleert ze.

De aanbieder kent de toewijzingen die hij eerder ontving (``keten.toewijzingen``) en de verzoeken die hij zelf
stuurde (``keten.part(Verzoeken)``). Goedgekeurde prestaties (TR385) komen uit het declaratiedeel van de keten,
alleen via ``goedgekeurde_prestaties``.

Bedrijfsregels zonder technische regel die wel uit de keten te controleren zijn, staan hier als advies
(retourcode None): OP033x1 (toegestane wijzigingen), OP087 (alle actuele toewijzingen in de 301), OP380
(verlengen door oprekken) en OP344 (een VOW wordt als geheel gehonoreerd).
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from ketenproef.bericht import Bericht, date, find, integer, text
from ketenproef.keten import Keten, Toewijzing, partijen
from ketenproef.keten.verzoeken import AFGEWEZEN, VOW, Ref, Verzoeken
from ketenproef.rules.registry import gedekt_door, regel

VERWIJDERD, VERVALLEN = "13", "01"  # RedenWijziging (WMO002/JZ002)
TOTAAL = "6"  # Frequentie: totaal binnen geldigheidsduur toewijzing


def goedgekeurde_prestaties(keten: Keten, gemeente: str, aanbieder: str, nummer: int) -> bool | None:
    """Heeft de toewijzing goedgekeurde, niet gecrediteerde prestaties? Vraagt het declaratiedeel van de keten
    (``ketenproef.keten.declaraties``: ``keten.part(DeclaratiesPart).goedgekeurd(gemeente, aanbieder, nummer)``).
    None als dat deel (of die methode) er niet is: dan wordt TR385 niet beoordeeld."""
    try:
        from ketenproef.keten import declaraties
    except ModuleNotFoundError as exc:
        if exc.name != "ketenproef.keten.declaraties":
            raise
        return None
    soort = getattr(declaraties, "DeclaratiesPart", None) or getattr(declaraties, "Part", None)
    try:
        deel = keten.part(soort) if soort is not None else None
    except KeyError:
        return None
    vraag = getattr(deel, "goedgekeurd", None)
    return None if vraag is None else bool(vraag(gemeente, aanbieder, nummer))


def vervallen(t: Toewijzing) -> bool:
    """Verwijderd (13) of vervallen (01) met Einddatum gelijk aan Ingangsdatum: telt niet als toewijzing."""
    return t.reden_wijziging in (VERWIJDERD, VERVALLEN) and t.einddatum == t.ingangsdatum


def actueel(t: Toewijzing, op: dt.date) -> bool:
    """Geldig op of na ``op`` (of nog niet begonnen) en niet vervallen (OP087, TR349)."""
    return not vervallen(t) and (t.einddatum is None or t.einddatum >= op)


def client(b: Bericht) -> etree._Element:
    return b.all("Client")[0]


def producten(b: Bericht) -> list[etree._Element]:
    return b.all("ToegewezenProduct")


# ---------------------------------------------------------------- technische regels

@regel("TR332", berichten=["301"], retourcode="9332", scope="chain")
def TR332(b: Bericht, keten: Keten):
    """"Ieder ToegewezenProduct binnen een gemeente heeft een uniek nummer": een ToewijzingNummer wijst binnen een
    gemeente per wettelijk domein precies een toewijzing aan. Hetzelfde nummer voor een andere client, een andere
    aanbieder of een ander product (Categorie, Code) is een andere toewijzing: onder een nummer mogen alleen
    Einddatum, Omvang en Budget wijzigen (OP033x1)."""
    gemeente, aanbieder = partijen(b)
    bsn, bekend = text(b.root, "Client/Bsn"), keten.toewijzingen.nummers_van_gemeente(gemeente)
    for el in producten(b):
        t = bekend.get(integer(el, "ToewijzingNummer"))
        wie = None if t is None else andere_toewijzing(t, el, aanbieder, bsn)
        if wie:
            yield find(el, "ToewijzingNummer"), (
                f"ToewijzingNummer {t.nummer} is door gemeente {gemeente} al gebruikt voor een toewijzing aan {wie} "
                f"(bericht {t.bericht_id}); een nummer mag maar een toewijzing aanduiden (TR332).")


def andere_toewijzing(t: Toewijzing, el: etree._Element, aanbieder: str, bsn: str) -> str | None:
    """Waarin de bekende toewijzing ``t`` met hetzelfde nummer een andere is dan ``el`` (TR332), of None."""
    product = (text(el, "Product/Categorie"), text(el, "Product/Code"))
    if t.aanbieder != aanbieder:
        return f"aanbieder {t.aanbieder}"
    if t.bsn != bsn:
        return f"client met Bsn {t.bsn}"
    if (t.categorie, t.code) != product:
        return f"een ander product ({product_tekst(t.categorie, t.code)}, nu {product_tekst(*product)})"
    return None


def product_tekst(categorie: str | None, code: str | None) -> str:
    return "geen product" if categorie is None else f"categorie {categorie}" + (f", code {code}" if code else "")


@regel("TR379", berichten=["301"], retourcode="9379", scope="chain")
def TR379(b: Bericht, keten: Keten):
    """ReferentieAanbieder is alleen gevuld in de eerste 301 die een VOT of VOW honoreert, met de referentie van
    dat AangevraagdProduct (VOT) of van de VOW; bij een VOW dragen alle ToegewezenProducten die referentie."""
    gemeente, aanbieder = partijen(b)
    verzoeken, bsn = keten.part(Verzoeken), text(b.root, "Client/Bsn")
    vow = None
    for el in producten(b):
        referentie = text(el, "ReferentieAanbieder")
        if not referentie:
            continue
        ref = Ref(b.standard, gemeente, aanbieder, referentie)
        v, eerder = verzoeken.verzoek(ref), verzoeken.toegewezen_in(ref)
        fout = ("hoort niet bij een verzoek (315/317) van deze aanbieder" if v is None else
                f"hoort bij een verzoek voor een andere client (Bsn {v.bsn})" if v.bsn != bsn else
                f"is al gehonoreerd in toewijzingsbericht {eerder}; alleen de eerste keer wordt zij meegestuurd"
                if eerder else "hoort bij een verzoek dat met een 319 is afgewezen"
                if AFGEWEZEN in verzoeken.antwoorden(ref) else None)
        if fout:
            yield find(el, "ReferentieAanbieder"), f"ReferentieAanbieder {referentie} {fout} (TR379)."
        elif v.soort == VOW:
            vow = referentie
    for el in producten(b) if vow else ():
        if text(el, "ReferentieAanbieder") != vow:
            yield el, (f"ToegewezenProduct {text(el, 'ToewijzingNummer')} heeft ReferentieAanbieder "
                       f"{text(el, 'ReferentieAanbieder') or '(leeg)'}; bij het honoreren van VOW {vow} krijgen alle "
                       f"ToegewezenProducten die referentie (TR379).")


@regel("TR385", berichten=["301"], retourcode="9385", scope="chain")
def TR385(b: Bericht, keten: Keten):
    """Een toewijzing met goedgekeurde, niet gecrediteerde prestaties mag niet worden verwijderd (RedenWijziging
    13). Niet beoordeeld als het declaratiedeel van de keten ontbreekt (``goedgekeurde_prestaties``)."""
    gemeente, aanbieder = partijen(b)
    for el in producten(b):
        nummer = integer(el, "ToewijzingNummer")
        if text(el, "RedenWijziging") == VERWIJDERD and goedgekeurde_prestaties(keten, gemeente, aanbieder, nummer):
            yield find(el, "RedenWijziging"), (
                f"Toewijzing {nummer} wordt verwijderd (RedenWijziging 13), maar er zijn al goedgekeurde, niet "
                f"gecrediteerde prestaties op gedeclareerd (TR385).")


gedekt_door("OP275", ["TR332"], "Uniek ToewijzingNummer per gemeente per wettelijk domein is TR332.")


# ---------------------------------------------------------------- bedrijfsregels als advies

def wijzigingen(oud: Toewijzing, el: etree._Element) -> list[str]:
    """Wat er aan een bestaande toewijzing verandert buiten wat OP033x1 toestaat (een ander product is een andere
    toewijzing: dat keurt TR332 af)."""
    nieuw = {"Ingangsdatum": date(el, "Ingangsdatum"), "Eenheid": text(el, "Omvang/Eenheid"),
             "Frequentie": text(el, "Omvang/Frequentie")}
    was = {"Ingangsdatum": oud.ingangsdatum, "Eenheid": oud.eenheid, "Frequentie": oud.frequentie}
    out = [f"{k} van {was[k]} naar {nieuw[k]}" for k in nieuw if nieuw[k] != was[k]]
    volume = integer(el, "Omvang/Volume")
    if volume != oud.volume and nieuw["Frequentie"] != TOTAAL:
        out.append(f"Volume van {oud.volume} naar {volume} (mag alleen bij Frequentie 6)")
    return out


@regel("OP033x1", berichten=["301"], retourcode=None, scope="chain")
def OP033x1(b: Bericht, keten: Keten):
    """Een bestaande toewijzing (zelfde ToewijzingNummer) mag alleen wijzigen in Einddatum (intrekken, oprekken,
    verwijderen), Budget, en Volume als Frequentie 6 is; Ingangsdatum, Eenheid en Frequentie blijven gelijk (een
    ander Product onder hetzelfde nummer keurt TR332 af). Vergeleken wordt met de actuele versie (laatste
    Toewijzingsdatum + Toewijzingstijd). Advies."""
    gemeente, aanbieder = partijen(b)
    bsn = text(b.root, "Client/Bsn")
    for el in producten(b):
        oud = keten.toewijzingen.get(gemeente, aanbieder, integer(el, "ToewijzingNummer"))
        if oud is None or oud.bsn != bsn or (date(el, "Toewijzingsdatum"), text(el, "Toewijzingstijd")) < oud.volgorde:
            continue
        anders = wijzigingen(oud, el)
        if anders:
            yield el, (f"Toewijzing {oud.nummer} wijzigt op een manier die niet met hetzelfde ToewijzingNummer mag: "
                       f"{'; '.join(anders)}. Beeindig de toewijzing en geef een nieuwe af (OP033x1, OP257).")


@regel("OP087", berichten=["301"], retourcode=None, scope="chain")
def OP087(b: Bericht, keten: Keten):
    """Een 301 bevat alle toewijzingen van de client bij deze aanbieder die op of na de Dagtekening geldig zijn
    (verwijderde/vervallen toewijzingen met Einddatum = Ingangsdatum tellen niet mee). Advies."""
    gemeente, aanbieder = partijen(b)
    in_bericht = {integer(el, "ToewijzingNummer") for el in producten(b)}
    ontbreekt = [t for t in keten.toewijzingen.van_client(gemeente, aanbieder, text(b.root, "Client/Bsn"))
                 if actueel(t, b.dagtekening) and t.nummer not in in_bericht]
    if ontbreekt:
        lijst = ", ".join(f"{t.nummer} ({t.ingangsdatum} t/m {t.einddatum or 'open'})" for t in ontbreekt)
        yield client(b), (f"De 301 mist actuele toewijzingen van deze client bij deze aanbieder: {lijst}; een 301 "
                          f"bevat altijd alle actuele toewijzingen (OP087).")


def voorganger(el: etree._Element, bestaand: list[tuple[Toewijzing, etree._Element | None]],
               dagtekening: dt.date) -> Toewijzing | None:
    """De bestaande toewijzing die met oprekken had moeten worden verlengd in plaats van ``el`` (OP380)."""
    begin = date(el, "Ingangsdatum")
    for t, versie in bestaand:
        eind = t.einddatum if versie is None else date(versie, "Einddatum")
        if (eind is not None and eind + dt.timedelta(days=1) == begin and eind >= dagtekening and not vervallen(t)
                and (t.categorie, t.code) == (text(el, "Product/Categorie"), text(el, "Product/Code"))
                and (t.volume, t.eenheid, t.frequentie, t.budget) == (
                    integer(el, "Omvang/Volume"), text(el, "Omvang/Eenheid"), text(el, "Omvang/Frequentie"),
                    integer(el, "Budget")) and t.frequentie != TOTAAL):
            return t
    return None


@regel("OP380", berichten=["301"], retourcode=None, scope="chain")
def OP380(b: Bericht, keten: Keten):
    """Verlengen door de Einddatum van de bestaande toewijzing op te rekken is verplicht als Volume (en Budget)
    gelijk blijft of leeg is, Frequentie leeg of niet 6 is en gelijk blijft, en de Einddatum van de bestaande
    toewijzing nog niet verstreken is. Gemeld bij een nieuwe toewijzing (nieuw nummer) voor hetzelfde product die
    direct aansluit op zo'n toewijzing. Advies."""
    gemeente, aanbieder = partijen(b)
    in_bericht = {integer(el, "ToewijzingNummer"): el for el in producten(b)}
    bestaand = [(t, in_bericht.get(t.nummer))
                for t in keten.toewijzingen.van_client(gemeente, aanbieder, text(b.root, "Client/Bsn"))]
    for nummer, el in in_bericht.items():
        if keten.toewijzingen.get(gemeente, aanbieder, nummer) is not None:
            continue
        t = voorganger(el, bestaand, b.dagtekening)
        if t is not None:
            yield el, (f"Nieuwe toewijzing {nummer} sluit aan op toewijzing {t.nummer} met hetzelfde product en "
                       f"dezelfde omvang, waarvan de Einddatum nog niet verstreken is; verleng toewijzing {t.nummer} "
                       f"door de Einddatum op te rekken in plaats van een nieuwe af te geven (OP380).")


gedekt_door("OP257", ["OP033x1", "OP380"],
            "Wijzigen van omvang (behalve Frequentie 6) of product met hetzelfde nummer meldt OP033x1; een nieuwe "
            "toewijzing waar oprekken verplicht is meldt OP380.")


@regel("OP344", berichten=["301", "319"], retourcode=None, scope="chain")
def OP344(b: Bericht, keten: Keten):
    """Een VOW wordt als geheel gehonoreerd: de 301 met de ReferentieAanbieder van de VOW bevat alle
    toewijzingen uit de VOW (OngewijzigdProduct, TeWijzigenProduct) en minstens zoveel nieuwe toewijzingen als
    er NieuweProducten waren. Dat ieder verzoek ooit een antwoord krijgt is proces (geen controle). Advies."""
    if b.number != "301":
        return
    gemeente, aanbieder = partijen(b)
    verzoeken = keten.part(Verzoeken)
    nummers = {integer(el, "ToewijzingNummer") for el in producten(b)}
    for referentie in sorted({r for r in (text(el, "ReferentieAanbieder") for el in producten(b)) if r}):
        ref = Ref(b.standard, gemeente, aanbieder, referentie)
        v = verzoeken.verzoek(ref)
        if v is None or v.soort != VOW or verzoeken.afgehandeld(ref):
            continue
        missend, nieuw = sorted(set(v.nummers) - nummers), len(nummers - set(v.nummers))
        if missend or nieuw < v.nieuw:
            yield client(b), (f"VOW {referentie} is niet als geheel gehonoreerd: " + "; ".join(
                ([f"toewijzing(en) {', '.join(map(str, missend))} uit de VOW ontbreken"] if missend else [])
                + ([f"{nieuw} nieuwe toewijzing(en) voor {v.nieuw} NieuweProducten"] if nieuw < v.nieuw else []))
                + " (OP344).")



@regel("OP071", berichten=["301"], retourcode=None, scope="chain")
def OP071(b: Bericht, keten: Keten):
    """Iedere Relatie heeft een Nummer dat per gemeente en client uniek is en niet verandert: een Nummer dat
    eerder voor iemand anders stond wordt niet hergebruikt, en een persoon (Soort en naam, met Geboortedatum als
    die er is) die eerder een Nummer kreeg, houdt dat. (Twee keer hetzelfde Nummer in een 301 is TR101.) Advies."""
    from ketenproef.keten.relaties import Part as Relaties
    from ketenproef.keten.relaties import gemeente_en_client, persoon

    eerder = keten.part(Relaties).bekend(*gemeente_en_client(b))
    nummer_van = {p: n for n, p in eerder.items()}
    for el in b.all("Relatie"):
        nummer, wie = text(el, "Nummer"), persoon(el)
        if nummer in eerder and eerder[nummer] != wie:
            yield el, (f"Relatie-Nummer {nummer} stond eerder voor {eerder[nummer]}, nu voor {wie}; een Nummer blijft "
                       f"bij dezelfde persoon (OP071).")
        elif wie in nummer_van and nummer_van[wie] != nummer:
            yield el, (f"Relatie {wie} had eerder Nummer {nummer_van[wie]}, nu {nummer}; het Nummer van een Relatie "
                       f"verandert niet (OP071).")
