"""The 325 declaratie-antwoord for a 323, as IV087, OP303 and OP304 describe it.

- XSD error: no 325. Single-message rule error: Header only with 0001 (the declaratie counts as not sent).
- Chain error in the Header: Header only with the code.
- Error in class Declaratie: Header 0200, DeclaratieAntwoord with the code, TotaalToegekendBedrag 0.
- Errors below Declaratie: Header 0200, DeclaratieAntwoord 0200, TotaalToegekendBedrag = sum of the
  approved prestaties; a Client in error carries its code and all its prestaties 0233; a Prestatie in error
  carries its codes and its Client 0200. Approved prestaties and clients without errors are left out.
- Nothing wrong: Header 0200, DeclaratieAntwoord 8001, both totals equal to the 323's total.
"""

from __future__ import annotations

from lxml import etree

from ketenproef import factory
from ketenproef.bericht import Bericht, findall, local
from ketenproef.clock import Clock
from ketenproef.findings import Report
from ketenproef.retour import GEEN_OPMERKING, NIET_BEOORDEELD, kop_of_codes

VOLLEDIG_TOEGEKEND = "8001"
PRESTATIE_FIELDS = ("ProductReferentie", "ToewijzingNummer", "ProductCategorie", "ProductCode", "ProductPeriode",
                    "GeleverdVolume", "Eenheid", "ProductTarief", "IngediendBedrag")


def name_325(bericht: Bericht) -> str:
    return bericht.name.replace("323", "325")


def header_325(bericht: Bericht, data_323: dict, clock: Clock, identificatie: str) -> dict:
    heen = data_323["Header"]
    return {"Afzender": heen["Ontvanger"], "Ontvanger": heen["Afzender"],
            "BerichtIdentificatie": {"Identificatie": identificatie, "Dagtekening": clock.today()},
            "DeclaratieIdentificatie": heen["BerichtIdentificatie"], "XsdVersieDeclaratie": heen["XsdVersie"]}


def signed(bedrag: dict, amount_key: str = "Bedrag") -> int:
    value = int(bedrag[amount_key])
    return -value if bedrag["DebetCredit"] == "C" else value


def totaal(cents: int) -> dict:
    return {"TotaalBedrag": abs(cents), "DebetCredit": "C" if cents < 0 else "D"}


def declaratie_antwoord(report: Report, *, clock: Clock, identificatie: str) -> etree._Element:
    bericht = report.bericht
    data = {"Header": factory.header_data(bericht.root, bericht.name),
            "Declaratie": declaratie_kop(bericht.root[1])}
    header = header_325(bericht, data, clock, identificatie)
    name = name_325(bericht)
    codes = kop_of_codes(report, header)
    if codes is None:
        return factory.build(name, {"Header": header})
    header["RetourCodes"] = {"RetourCode": [GEEN_OPMERKING]}
    declaratie = data["Declaratie"]
    antwoord = {"DeclaratieNummer": declaratie["DeclaratieNummer"],
                "TotaalIngediendBedrag": declaratie["TotaalIngediendBedrag"]}
    declaratie_el = bericht.root[1]
    if declaratie_el in codes:
        antwoord.update(TotaalToegekendBedrag=totaal(0), RetourCodes={"RetourCode": codes[declaratie_el]})
        return factory.build(name, {"Header": header, "DeclaratieAntwoord": antwoord})
    clienten, afgewezen = rejected_clients(bericht, codes)
    ingediend = signed(declaratie["TotaalIngediendBedrag"], "TotaalBedrag")
    antwoord["TotaalToegekendBedrag"] = totaal(ingediend - afgewezen)
    if clienten:
        antwoord["Clienten"] = clienten
        antwoord["RetourCodes"] = {"RetourCode": [GEEN_OPMERKING]}
    else:
        antwoord["RetourCodes"] = {"RetourCode": [VOLLEDIG_TOEGEKEND]}
    return factory.build(name, {"Header": header, "DeclaratieAntwoord": antwoord})


def rejected_clients(bericht: Bericht, codes: dict) -> tuple[list[dict], int]:
    """The clients with rejected prestaties (OP304) and the signed sum of the rejected IngediendBedrag."""
    clienten, afgewezen = [], 0
    for client in bericht.all("Client"):
        client_codes = codes.get(client)
        prestaties = []
        for prestatie in findall(client, "Prestaties/Prestatie"):
            own = codes.get(prestatie)
            if client_codes or own:
                item = prestatie_data(prestatie)
                item["RetourCodes"] = {"RetourCode": own or [NIET_BEOORDEELD]}
                prestaties.append(item)
                afgewezen += signed(item["IngediendBedrag"])
        if prestaties:
            clienten.append({"Bsn": client[0].text, "Prestaties": prestaties,
                             "RetourCodes": {"RetourCode": client_codes or [GEEN_OPMERKING]}})
    return clienten, afgewezen


def declaratie_kop(declaratie: etree._Element) -> dict:
    """DeclaratieNummer and TotaalIngediendBedrag of a 323 (without walking its prestaties)."""
    out: dict = {}
    for child in declaratie:
        name = local(child)
        if name == "DeclaratieNummer":
            out[name] = child.text
        elif name == "TotaalIngediendBedrag":
            out[name] = {local(g): g.text for g in child}
    return out


def prestatie_data(prestatie: etree._Element) -> dict:
    item: dict = {}
    for child in prestatie:
        name = local(child)
        if name in ("ProductReferentie", "ProductPeriode", "IngediendBedrag"):
            item[name] = {local(g): g.text for g in child}
        elif name in PRESTATIE_FIELDS:
            item[name] = child.text
    return item
