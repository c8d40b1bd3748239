"""Ketenregels voor de verzoeken: 315 (VOT) en 317 (VOW) controleert de gemeente, 319 (antwoord) de aanbieder.

De gemeente kent de toewijzingen die zij afgaf (``keten.toewijzingen``) en de verzoeken en antwoorden tot nu toe
(``keten.part(Verzoeken)``); de aanbieder kent de verzoeken die hij zelf stuurde en de 301/319 die hij ontving.
"Actueel" (TR349-TR351) is: op of na de Dagtekening van het bericht geldig of nog niet begonnen, en niet
verwijderd/vervallen (RedenWijziging 13 of 01 met Einddatum = Ingangsdatum).

TR304 staat hier voor 317, 323 en 325 (een keer geregistreerd); het deel voor 323/325 levert de
declaratieregels via ``keten_declaratie_toewijzing.tr304_declaratie(b, keten)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree

from ketenproef.bericht import Bericht, date, find, integer, text
from ketenproef.calculations.perioden import overlappen
from ketenproef.keten import Keten, Toewijzing, partijen
from ketenproef.keten.verzoeken import AFGEWEZEN, IN_ONDERZOEK, VOT, Ref, Verzoeken
from ketenproef.rules.keten_toewijzing import actueel, vervallen
from ketenproef.rules.registry import gedekt_door, regel

GRENS_2020 = dt.date(2020, 12, 31)  # TR375/TR412: alleen voor toewijzingen met einddatum na deze dag of leeg
TOTAAL = "6"  # Frequentie: totaal binnen geldigheidsduur toewijzing
WOONPLAATSBEGINSEL = "8"  # RedenAfwijzingVerzoek (WJ759)
TERMIJN_WOONPLAATSBEGINSEL = dt.timedelta(weeks=2)
HULPMIDDELEN = frozenset({"11", "12", "13", "14"})  # iWmo: buiten de stapelingscontrole, zoals TR302/TR386/TR410


class Regel(NamedTuple):
    """Een product met zijn periode, voor de stapelingscontrole (TR361, OP307)."""

    el: etree._Element | None
    categorie: str | None  # None: geen Product (generiek)
    code: str | None
    begin: dt.date
    eind: dt.date | None  # None: open einde


def zelfde_product(a: Regel, b: Regel) -> bool:
    """Zelfde product als bij TR302/TR410: bij twee codes gelijke categorie en code, anders gelijke categorie; een
    regel zonder Product is gelijk aan elk ander product."""
    if a.categorie is None or b.categorie is None:
        return True
    return a.categorie == b.categorie and (a.code is None or b.code is None or a.code == b.code)


def overlapt(a: Regel, b: Regel) -> bool:
    """Perioden overlappen (grensdagen tellen mee; een lege einddatum is open): ``overlappen``, zoals TR302/TR410."""
    return overlappen(a.begin, a.eind, b.begin, b.eind)


def periode_tekst(r: Regel) -> str:
    return f"{r.begin} t/m {r.eind}" if r.eind else f"vanaf {r.begin} (open einde)"


def product_tekst(r: Regel) -> str:
    if r.categorie is None:
        return "geen product (generiek)"
    return f"categorie {r.categorie}, code {r.code}" if r.code else f"categorie {r.categorie}, zonder code"


def ref(b: Bericht, referentie: str) -> Ref:
    gemeente, aanbieder = partijen(b)
    return Ref(b.standard, gemeente, aanbieder, referentie)


def gewezen(b: Bericht, keten: Keten, klasse: str) -> Iterator[tuple[etree._Element, int, Toewijzing | None]]:
    """Elke OngewijzigdProduct/TeWijzigenProduct van een 317 met zijn nummer en de toewijzing (of None)."""
    gemeente, aanbieder = partijen(b)
    for el in b.all(klasse):
        nummer = integer(el, "ToewijzingNummer")
        yield el, nummer, keten.toewijzingen.get(gemeente, aanbieder, nummer)


def omschrijf(t: Toewijzing | None, nummer: int, op: dt.date) -> str:
    if t is None:
        return f"toewijzing {nummer} is niet door deze gemeente aan deze aanbieder afgegeven"
    if vervallen(t):
        return f"toewijzing {nummer} is verwijderd (RedenWijziging {t.reden_wijziging})"
    return f"toewijzing {nummer} is geeindigd op {t.einddatum}, voor de Dagtekening {op}"


def omvang_zonder_code(b: Bericht, keten: Keten, rule: str, zonder_product: bool) -> Iterator[tuple]:
    """TR375 (toewijzing zonder Product) en TR412 (toewijzing met categorie maar zonder code): dan geen Omvang in
    het TeWijzigenProduct, als de toewijzing na 2020-12-31 eindigt of open is."""
    for el, nummer, t in gewezen(b, keten, "TeWijzigenProduct"):
        omvang = find(el, "Omvang")
        if (omvang is None or t is None or t.code is not None or (t.categorie is None) != zonder_product
                or (t.einddatum is not None and t.einddatum <= GRENS_2020)):
            continue
        wat = "geen Product" if zonder_product else f"categorie {t.categorie} zonder productcode"
        yield omvang, (f"TeWijzigenProduct {nummer} heeft een Omvang, maar toewijzing {nummer} heeft {wat} "
                       f"(Einddatum {t.einddatum or 'leeg'}); laat Omvang dan leeg ({rule}).")


# ---------------------------------------------------------------- 315 en 317: verzoeken

@regel("TR347", berichten=["315", "317"], retourcode="9347", scope="chain")
def TR347(b: Bericht, keten: Keten):
    """ReferentieAanbieder (315: per AangevraagdProduct, 317: Verzoek) is uniek voor de aanbieder binnen het
    wettelijk domein, over al zijn verzoeken aan deze gemeente."""
    verzoeken = keten.part(Verzoeken)
    for el in b.all("AangevraagdProduct" if b.number == "315" else "Verzoek"):
        referentie = find(el, "ReferentieAanbieder")
        eerder = verzoeken.verzoek(ref(b, referentie.text))
        if eerder is not None:
            yield referentie, (f"ReferentieAanbieder {referentie.text} is al gebruikt voor een eerder verzoek "
                               f"({eerder.soort}, bericht {eerder.bericht_id}); gebruik een nieuwe referentie (TR347).")


@regel("TR374", berichten=["315", "317"], retourcode="9374", scope="chain")
def TR374(b: Bericht, keten: Keten):
    """Een nieuw verzoek mag alleen als er voor de client geen verzoek van dezelfde aanbieder meer in behandeling
    is: een verzoek loopt tot een 319 met VerzoekAntwoord 1 of een 301 met dezelfde ReferentieAanbieder."""
    gemeente, aanbieder = partijen(b)
    open_ = keten.part(Verzoeken).openstaand(b.standard, gemeente, aanbieder, text(b.root, "Client/Bsn"))
    if open_:
        lijst = ", ".join(f"{r.referentie} ({v.soort}, bericht {v.bericht_id})" for r, v in open_)
        yield b.all("Client")[0], (f"Voor deze client loopt nog een verzoek van deze aanbieder: {lijst}; wacht op "
                                   f"de toewijzing of de afwijzing voor een nieuw verzoek te sturen (TR374).")


gedekt_door("OP350", ["TR374"], "Geen nieuw verzoek zolang er een in behandeling is: TR374.")
gedekt_door("OP361", ["TR347"], "Unieke ReferentieAanbieder per aanbieder per wettelijk domein: TR347.")


@regel("OP307", berichten=["315"], retourcode=None, scope="chain")
def OP307(b: Bericht, keten: Keten):
    """Een VOT is niet voor een product en periode waarvoor de client al een actuele toewijzing bij deze
    aanbieder heeft (daarvoor is de VOW). Zelfde product als TR302; in iWmo niet voor hulpmiddelen (11-14).
    Dat er een verwijzing of open beschikking is, is proces. Advies."""
    gemeente, aanbieder = partijen(b)
    bestaand = [t for t in keten.toewijzingen.van_client(gemeente, aanbieder, text(b.root, "Client/Bsn"))
                if not vervallen(t)]
    for el in b.all("AangevraagdProduct"):
        r = Regel(el, text(el, "Product/Categorie"), text(el, "Product/Code"), date(el, "ToewijzingIngangsdatum"),
                  date(el, "ToewijzingEinddatum"))
        if b.standard == "iWmo" and r.categorie in HULPMIDDELEN:
            continue
        for t in bestaand:
            s = Regel(None, t.categorie, t.code, t.ingangsdatum, t.einddatum)
            if zelfde_product(r, s) and overlapt(r, s):
                yield el, (f"AangevraagdProduct {text(el, 'ReferentieAanbieder')} ({product_tekst(r)}, "
                           f"{periode_tekst(r)}) overlapt met de actuele toewijzing {t.nummer} "
                           f"({product_tekst(s)}, {periode_tekst(s)}); gebruik een VOW (OP307).")
                break


# ---------------------------------------------------------------- 317: verzoek om wijziging

@regel("TR349", berichten=["317"], retourcode="9349", scope="chain")
def TR349(b: Bericht, keten: Keten):
    """Een VOW bevat alle actuele toewijzingen van de client bij deze aanbieder, als OngewijzigdProduct of als
    TeWijzigenProduct."""
    gemeente, aanbieder = partijen(b)
    genoemd = {integer(el, "ToewijzingNummer") for k in ("OngewijzigdProduct", "TeWijzigenProduct")
               for el in b.all(k)}
    ontbreekt = [t for t in keten.toewijzingen.van_client(gemeente, aanbieder, text(b.root, "Client/Bsn"))
                 if actueel(t, b.dagtekening) and t.nummer not in genoemd]
    if ontbreekt:
        lijst = ", ".join(f"{t.nummer} ({t.ingangsdatum} t/m {t.einddatum or 'open'})" for t in ontbreekt)
        yield b.all("Verzoek")[0], (f"De VOW mist actuele toewijzingen van de client: {lijst}; neem ze op als "
                                    f"OngewijzigdProduct of TeWijzigenProduct (TR349).")


@regel("TR350", berichten=["317"], retourcode="9350", scope="chain")
def TR350(b: Bericht, keten: Keten):
    """Ieder OngewijzigdProduct verwijst met ToewijzingNummer naar een actuele toewijzing."""
    for el, nummer, t in gewezen(b, keten, "OngewijzigdProduct"):
        if t is None or not actueel(t, b.dagtekening):
            yield el, f"OngewijzigdProduct {nummer}: {omschrijf(t, nummer, b.dagtekening)} (TR350)."


@regel("TR351", berichten=["317"], retourcode="9351", scope="chain")
def TR351(b: Bericht, keten: Keten):
    """Ieder TeWijzigenProduct verwijst met ToewijzingNummer naar een actuele toewijzing."""
    for el, nummer, t in gewezen(b, keten, "TeWijzigenProduct"):
        if t is None or not actueel(t, b.dagtekening):
            yield el, f"TeWijzigenProduct {nummer}: {omschrijf(t, nummer, b.dagtekening)} (TR351)."


gedekt_door("OP306", ["TR349", "TR350", "TR351", "TR352"],
            "Een VOW bevat het complete gewenste pakket met alle actuele toewijzingen (TR349), verwijst alleen naar "
            "actuele toewijzingen (TR350, TR351) en kan niet zonder actuele toewijzing (TR352).")
gedekt_door("OP308", ["TR349", "TR361"], "Het samenhangende pakket: alle actuele toewijzingen zitten erin (TR349) "
                                         "en hetzelfde product overlapt niet (TR361).")


@regel("TR357", berichten=["317"], retourcode="9357", scope="chain")
def TR357(b: Bericht, keten: Keten):
    """Ligt GewensteIngangsdatum van een TeWijzigenProduct op of voor de Dagtekening, dan is die gelijk aan de
    Ingangsdatum van de oorspronkelijke toewijzing (een wijziging over de hele looptijd)."""
    for el, nummer, t in gewezen(b, keten, "TeWijzigenProduct"):
        gewenst = date(el, "GewensteIngangsdatum")
        if t is not None and gewenst <= b.dagtekening and gewenst != t.ingangsdatum:
            yield find(el, "GewensteIngangsdatum"), (
                f"TeWijzigenProduct {nummer}: GewensteIngangsdatum {gewenst} ligt niet na de Dagtekening "
                f"{b.dagtekening} en is niet de Ingangsdatum {t.ingangsdatum} van de toewijzing (TR357).")


def totaal_of_budget(el: etree._Element, t: Toewijzing) -> str | None:
    """Wat het TeWijzigenProduct wijzigt aan Budget of aan het totaal over de looptijd (Frequentie 6)."""
    budget = integer(el, "Budget")
    if budget is not None and budget != t.budget:
        return f"het Budget ({t.budget} naar {budget})"
    omvang = (integer(el, "Omvang/Volume"), text(el, "Omvang/Eenheid"), text(el, "Omvang/Frequentie"))
    if omvang[2] == TOTAAL and omvang != (t.volume, t.eenheid, t.frequentie):
        return f"het totaal over de looptijd ({t.volume} naar {omvang[0]}, Frequentie 6)"
    return None


@regel("TR373", berichten=["317"], retourcode="9373", scope="chain")
def TR373(b: Bericht, keten: Keten):
    """Wijzigt een TeWijzigenProduct het Budget of het totaal over de toewijzingsperiode (Frequentie 6), dan is
    GewensteIngangsdatum de Ingangsdatum van de actuele toewijzing."""
    for el, nummer, t in gewezen(b, keten, "TeWijzigenProduct"):
        wat = totaal_of_budget(el, t) if t is not None else None
        gewenst = date(el, "GewensteIngangsdatum")
        if wat and gewenst != t.ingangsdatum:
            yield find(el, "GewensteIngangsdatum"), (
                f"TeWijzigenProduct {nummer} wijzigt {wat}; dat geldt voor de hele looptijd, dus GewensteIngangsdatum "
                f"moet {t.ingangsdatum} zijn, niet {gewenst} (TR373).")


@regel("TR375", berichten=["317"], retourcode="9375", scope="chain")
def TR375(b: Bericht, keten: Keten):
    """Heeft de toewijzing van een TeWijzigenProduct geen Product en eindigt zij na 2020-12-31 (of is zij open),
    dan blijft Omvang leeg. (Met categorie maar zonder code: TR412.)"""
    yield from omvang_zonder_code(b, keten, "TR375", zonder_product=True)


@regel("TR411", berichten=["317"], retourcode="9411", scope="chain")
def TR411(b: Bericht, keten: Keten):
    """Heeft de toewijzing van een TeWijzigenProduct een productcode, dan is Omvang verplicht."""
    for el, nummer, t in gewezen(b, keten, "TeWijzigenProduct"):
        if t is not None and t.code and find(el, "Omvang") is None:
            yield el, (f"TeWijzigenProduct {nummer} heeft geen Omvang, maar toewijzing {nummer} heeft productcode "
                       f"{t.code}; Omvang is dan verplicht (TR411).")


@regel("TR412", berichten=["317"], retourcode="9412", scope="chain")
def TR412(b: Bericht, keten: Keten):
    """Heeft de toewijzing van een TeWijzigenProduct een categorie maar geen productcode en eindigt zij na
    2020-12-31 (of is zij open), dan blijft Omvang leeg. (Zonder Product helemaal: TR375.)"""
    yield from omvang_zonder_code(b, keten, "TR412", zonder_product=False)


def regels_317(b: Bericht, keten: Keten) -> list[tuple[str, Regel]]:
    """Product en periode van elk product in de VOW: bij Ongewijzigd/TeWijzigen uit de toewijzing."""
    out = []
    for klasse in ("OngewijzigdProduct", "TeWijzigenProduct"):
        for el, nummer, t in gewezen(b, keten, klasse):
            if t is None or vervallen(t):
                continue
            if klasse == "OngewijzigdProduct":
                out.append((f"{klasse} {nummer}", Regel(el, t.categorie, t.code, t.ingangsdatum, t.einddatum)))
            else:
                out.append((f"{klasse} {nummer}", Regel(el, t.categorie, t.code, date(el, "GewensteIngangsdatum"),
                                                        date(el, "Einddatum"))))
    for i, el in enumerate(b.all("NieuwProduct"), 1):
        out.append((f"NieuwProduct {i}", Regel(el, text(el, "Product/Categorie"), text(el, "Product/Code"),
                                               date(el, "GewensteIngangsdatum"), date(el, "Einddatum"))))
    return out


@regel("TR361", berichten=["317"], retourcode="9361", scope="chain")
def TR361(b: Bericht, keten: Keten):
    """Hetzelfde product mag alleen vaker in een VOW voorkomen als de perioden niet overlappen; voor
    Ongewijzigd/TeWijzigenProduct komt het product uit de toewijzing. Zelfde product: productcode, anders
    categorie; zonder categorie overlapt niets. In iWmo vallen hulpmiddelen (11-14) erbuiten, zoals bij TR410."""
    regels = [(n, r) for n, r in regels_317(b, keten)
              if not (b.standard == "iWmo" and r.categorie in HULPMIDDELEN)]
    for i, (naam, r) in enumerate(regels):
        for ander, s in regels[:i]:
            if zelfde_product(r, s) and overlapt(r, s):
                yield b.all("Verzoek")[0], (
                    f"{naam} ({product_tekst(r)}, {periode_tekst(r)}) en {ander} ({product_tekst(s)}, "
                    f"{periode_tekst(s)}) zijn hetzelfde product met overlappende perioden (TR361).")


# ---------------------------------------------------------------- TR304: Bsn van de client

@regel("TR304", berichten=["317", "323", "325"], retourcode="8187", scope="chain")
def TR304(b: Bericht, keten: Keten):
    """Client/Bsn is de Bsn van de client waar het verwezen object bij hoort: in een 317 de client van de
    toewijzingen (Ongewijzigd/TeWijzigenProduct). Voor 323/325 levert
    ``keten_declaratie_toewijzing.tr304_declaratie``."""
    if b.number != "317":
        try:
            from ketenproef.rules.keten_declaratie_toewijzing import tr304_declaratie
        except ImportError:
            return
        yield from tr304_declaratie(b, keten)
        return
    bsn = text(b.root, "Client/Bsn")
    ander = [(nummer, t.bsn) for k in ("OngewijzigdProduct", "TeWijzigenProduct")
             for _, nummer, t in gewezen(b, keten, k) if t is not None and t.bsn != bsn]
    if ander:
        lijst = ", ".join(f"{nummer} (Bsn {andere})" for nummer, andere in ander)
        yield find(b.root, "Client/Bsn"), (f"Bsn {bsn} is niet de client van de toewijzing(en) in de VOW: {lijst} "
                                           f"(TR304).")


# ---------------------------------------------------------------- 319: antwoord

def antwoord(b: Bericht) -> tuple[etree._Element, Ref, str]:
    el = b.all("Antwoord")[0]
    return el, ref(b, text(el, "ReferentieAanbieder")), text(el, "VerzoekAntwoord")


@regel("TR355", berichten=["319"], retourcode="9355", scope="chain")
def TR355(b: Bericht, keten: Keten):
    """Antwoord/ReferentieAanbieder is de ReferentieAanbieder van een eerder ontvangen VOT (AangevraagdProduct)
    of VOW (Verzoek) van deze aanbieder."""
    el, r, _ = antwoord(b)
    if keten.part(Verzoeken).verzoek(r) is None:
        yield find(el, "ReferentieAanbieder"), (f"ReferentieAanbieder {r.referentie} hoort niet bij een verzoek "
                                                f"(315 of 317) dat deze aanbieder aan gemeente {r.gemeente} "
                                                f"stuurde (TR355).")


@regel("TR359", berichten=["319"], retourcode="9359", scope="chain")
def TR359(b: Bericht, keten: Keten):
    """Er mag geen antwoordbericht komen als er al een toewijzing (301) met dezelfde ReferentieAanbieder is."""
    el, r, _ = antwoord(b)
    toegewezen = keten.part(Verzoeken).toegewezen_in(r)
    if toegewezen:
        yield el, (f"Verzoek {r.referentie} is al gehonoreerd met toewijzingsbericht {toegewezen}; daarna komt er "
                   f"geen antwoordbericht meer (TR359).")


@regel("TR360", berichten=["319"], retourcode="9360", scope="chain")
def TR360(b: Bericht, keten: Keten):
    """Een 319 met VerzoekAntwoord 2 (aanvraag in onderzoek) mag alleen als er voor deze ReferentieAanbieder nog
    geen antwoordbericht is."""
    el, r, waarde = antwoord(b)
    eerder = keten.part(Verzoeken).antwoorden(r)
    if waarde == IN_ONDERZOEK and eerder:
        yield el, (f"Voor verzoek {r.referentie} is al een antwoordbericht gestuurd (VerzoekAntwoord {eerder[0]}); "
                   f"'in onderzoek' kan maar een keer, daarna volgt een toewijzing of een afwijzing (TR360).")


@regel("TR365", berichten=["319"], retourcode="9365", scope="chain")
def TR365(b: Bericht, keten: Keten):
    """Is er al een 319 met deze ReferentieAanbieder, dan had die VerzoekAntwoord 2 (aanvraag in onderzoek)."""
    el, r, _ = antwoord(b)
    eerder = [w for w in keten.part(Verzoeken).antwoorden(r) if w != IN_ONDERZOEK]
    if eerder:
        yield el, (f"Verzoek {r.referentie} is al beantwoord met VerzoekAntwoord {eerder[0]} (afgewezen); alleen "
                   f"na 'aanvraag in onderzoek' (2) mag nog een antwoordbericht volgen (TR365).")


@regel("OP359", berichten=["319"], retourcode=None, scope="chain", standaarden=["iJw"])
def OP359(b: Bericht, keten: Keten):
    """Een VOT die wordt afgewezen op het woonplaatsbeginsel (RedenAfwijzingVerzoek 8) wordt binnen de wettelijke
    termijn van 2 weken afgewezen (hier: Dagtekening 319 uiterlijk 14 dagen na de Dagtekening van de 315). Dat de
    verantwoordelijke gemeente is meegegeven, is een controle binnen het bericht. Advies."""
    el, r, waarde = antwoord(b)
    v = keten.part(Verzoeken).verzoek(r)
    if (waarde == AFGEWEZEN and text(el, "RedenAfwijzingVerzoek") == WOONPLAATSBEGINSEL and v is not None
            and v.soort == VOT and b.dagtekening > v.dagtekening + TERMIJN_WOONPLAATSBEGINSEL):
        yield el, (f"VOT {r.referentie} van {v.dagtekening} is pas op {b.dagtekening} afgewezen op het "
                   f"woonplaatsbeginsel; dat moet binnen 2 weken (OP359).")
