"""Ketenregels voor het declaratie-antwoord (325): het antwoord op een verzonden 323 (TR337, TR371, TR376, TR366,
TR367, IV087, OP304).

De 325-regels gelden voor de aanbieder: de keten kent de verzonden 323. Is de 323 onbekend (TR337), dan worden de
andere niet beoordeeld.
"""

from __future__ import annotations

from collections import defaultdict

from ketenproef.bericht import Bericht, find, text
from ketenproef.keten import Keten
from ketenproef.keten.declaraties import GEEN_OPMERKING, body, clienten, codes, prestaties, signed
from ketenproef.rules._keten_declaratie import administratie, antwoord_op, kind, verschillen
from ketenproef.rules.registry import gedekt_door, regel


@regel("TR337", berichten=["325"], retourcode=None, scope="chain")
def TR337(b: Bericht, keten: Keten):
    """DeclaratieIdentificatie is de BerichtIdentificatie van een eerder verzonden 323."""
    if antwoord_op(b, keten) is None:
        el = find(b.header, "DeclaratieIdentificatie")
        yield el, (f"DeclaratieIdentificatie {text(el, 'Identificatie')} van {text(el, 'Dagtekening')} hoort niet bij "
                   f"een verzonden declaratie (323) (TR337).")


@regel("TR371", berichten=["325"], retourcode=None, scope="chain")
def TR371(b: Bericht, keten: Keten):
    """XsdVersieDeclaratie is de XsdVersie van de beantwoorde 323."""
    declaratie = antwoord_op(b, keten)
    el = find(b.header, "XsdVersieDeclaratie")
    versie = (text(el, "BasisschemaXsdVersie"), text(el, "BerichtXsdVersie"))
    if declaratie is not None and versie != declaratie.xsd_versie:
        yield el, (f"XsdVersieDeclaratie {'/'.join(versie)} wijkt af van de XsdVersie "
                   f"{'/'.join(map(str, declaratie.xsd_versie))} van de beantwoorde 323 (TR371).")


@regel("TR376", berichten=["325"], retourcode=None, scope="chain")
def TR376(b: Bericht, keten: Keten):
    """DeclaratieNummer is dat van de beantwoorde 323 (of, als die onbekend is, van een verzonden 323)."""
    antwoord, declaratie = body(b), antwoord_op(b, keten)
    nummer = None if antwoord is None else find(antwoord, "DeclaratieNummer")
    if nummer is None:
        return
    bekend = {declaratie.nummer} if declaratie is not None else administratie(b, keten).declaratienummers()
    if nummer.text not in bekend:
        yield nummer, (f"DeclaratieNummer {nummer.text} hoort niet bij de beantwoorde declaratie"
                       f"{f' ({declaratie.nummer})' if declaratie else ''} (TR376).")


@regel("TR366", berichten=["325"], retourcode="9366", scope="chain")
def TR366(b: Bericht, keten: Keten):
    """Iedere Prestatie in de 325 hoort via ProductReferentie bij een prestatie van de beantwoorde 323."""
    declaratie = antwoord_op(b, keten)
    for p, el, _ in prestaties(b) if declaratie is not None else ():
        if p.referentie not in declaratie.boekingen:
            yield kind(el, "ProductReferentie"), (f"ReferentieNummer {p.referentie} komt niet voor in declaratie "
                                                  f"{declaratie.nummer} ({declaratie.identificatie}) (TR366).")


@regel("TR367", berichten=["325"], retourcode="9367", scope="chain")
def TR367(b: Bericht, keten: Keten):
    """De gegevens van een Prestatie in de 325 zijn gelijk aan die van de prestatie in de 323."""
    declaratie = antwoord_op(b, keten)
    for p, el, _ in prestaties(b) if declaratie is not None else ():
        boeking = declaratie.boekingen.get(p.referentie)
        for naam, (nu, toen) in verschillen(p, boeking.prestatie).items() if boeking else ():
            if nu != toen and naam != "Bsn":
                yield kind(el, naam), (f"Prestatie {p.referentie}: {naam} {nu} wijkt af van {toen} in de "
                                       f"declaratie (TR367).")


@regel("IV087", berichten=["325"], retourcode=None, scope="chain")
def IV087(b: Bericht, keten: Keten):
    """Een 325 per 323, met TotaalIngediendBedrag gelijk aan dat van de 323 (advies: geen retourcode)."""
    declaratie = antwoord_op(b, keten)
    if declaratie is None:
        return
    if declaratie.beantwoord:
        yield find(b.header, "DeclaratieIdentificatie"), (
            f"Declaratie {declaratie.identificatie} is al eerder beantwoord; per 323 hoort een 325 (IV087).")
    totaal = None if body(b) is None else find(body(b), "TotaalIngediendBedrag")
    if totaal is not None and signed(totaal, "TotaalBedrag") != declaratie.totaal:
        yield totaal, (f"TotaalIngediendBedrag {signed(totaal, 'TotaalBedrag')} cent wijkt af van het "
                       f"TotaalIngediendBedrag {declaratie.totaal} cent van de declaratie (IV087).")


@regel("OP304", berichten=["325"], retourcode=None, scope="chain")
def OP304(b: Bericht, keten: Keten):
    """Een afgekeurde Client staat in de 325 met al zijn prestaties uit de 323 (advies: geen retourcode)."""
    declaratie = antwoord_op(b, keten)
    if declaratie is None:
        return
    in_323, in_325 = defaultdict(set), defaultdict(set)
    for referentie, boeking in declaratie.boekingen.items():
        in_323[boeking.prestatie.bsn].add(referentie)
    for p, _, client in prestaties(b):
        in_325[id(client)].add(p.referentie)
    for client in clienten(b):
        bsn = text(client, "Bsn")
        ontbreekt = sorted(in_323[bsn] - in_325[id(client)]) if set(codes(client)) - {GEEN_OPMERKING} else []
        if ontbreekt:
            yield client, (f"Client {bsn} is afgekeurd, maar prestatie(s) {', '.join(ontbreekt)} uit de "
                           f"declaratie ontbreken in de 325 (OP304).")


gedekt_door("OP303", ["TR342", "TR366", "TR367", "IV087"], "TR342 toetst de bedragen in de 325; TR366 en TR367 dat "
            "alleen prestaties uit de 323 ongewijzigd terugkomen; IV087 het TotaalIngediendBedrag.")
gedekt_door("OP355", ["TR337", "TR376"], "TR337 (DeclaratieIdentificatie) en TR376 (DeclaratieNummer).")
