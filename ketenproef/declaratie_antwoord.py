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

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from lxml import etree

from ketenproef import factory, schrijver
from ketenproef.bericht import Bericht, find, findall, local
from ketenproef.clock import Clock
from ketenproef.findings import Report
from ketenproef.keten.declaraties import RUW_ONTBREEKT, RUW_SCHEIDING, VELDEN, prestaties, ruwe_waarden
from ketenproef.retour import GEEN_OPMERKING, NIET_BEOORDEELD, kop_of_codes

VOLLEDIG_TOEGEKEND = "8001"
PRESTATIE_VORM = (("ProductReferentie", ("ReferentieNummer", "VorigReferentieNummer")), ("ToewijzingNummer", ()),
                  ("ProductCategorie", ()), ("ProductCode", ()), ("ProductPeriode", ("Begindatum", "Einddatum")),
                  ("GeleverdVolume", ()), ("Eenheid", ()), ("ProductTarief", ()),
                  ("IngediendBedrag", ("Bedrag", "DebetCredit")))  # a 323's (and 325's) Prestatie, in order
_BIJZONDER = schrijver.bijzonder(RUW_SCHEIDING + RUW_ONTBREEKT)
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
    """The 325 as a tree (small messages, the CLI and the tests; the ketenpartner writes it from ``antwoord_data``
    without a tree: ``retour.retour_stuk``)."""
    name, data, _ = antwoord_data(report, clock=clock, identificatie=identificatie)
    return factory.build(name, data)


@dataclass
class Lijst:
    """What a 325 lists, noted while its Clienten are made: the ReferentieNummers of its prestaties and the Bsns of
    its clients (with or without a code of their own). The ketenpartner applies its own 325 to the Keten from this
    (``keten.declaraties.Samenvatting``) instead of reading it back."""

    referenties: set[str] = field(default_factory=set)
    bsns: list[str] = field(default_factory=list)
    afgewezen_bsns: set[str] = field(default_factory=set)


def antwoord_data(report: Report, *, clock: Clock, identificatie: str,
                  geschreven: bool = False) -> tuple[str, dict, Lijst]:
    """The 325's name, its plain data and what it lists. When prestaties are rejected, Clienten is an iterator that
    makes each Client as it is written and fills the ``Lijst`` while doing so (``schrijver``); the approved total is
    worked out beforehand from the rejected prestaties' amounts. ``geschreven``: each Prestatie comes already
    written (``schrijver.Sjabloon``), for ``schrijver.stukken`` only."""
    bericht = report.bericht
    data = {"Header": factory.header_data(bericht.root, bericht.name),
            "Declaratie": declaratie_kop(bericht.root[1])}
    header = header_325(bericht, data, clock, identificatie)
    name, lijst = name_325(bericht), Lijst()
    codes = kop_of_codes(report, header)
    if codes is None:
        return name, {"Header": header}, lijst
    header["RetourCodes"] = {"RetourCode": [GEEN_OPMERKING]}
    declaratie = data["Declaratie"]
    antwoord = {"DeclaratieNummer": declaratie["DeclaratieNummer"],
                "TotaalIngediendBedrag": declaratie["TotaalIngediendBedrag"]}
    declaratie_el = bericht.root[1]
    if declaratie_el in codes:
        antwoord.update(TotaalToegekendBedrag=totaal(0), RetourCodes={"RetourCode": codes[declaratie_el]})
        return name, {"Header": header, "DeclaratieAntwoord": antwoord}, lijst
    afgewezen = rejected_gelezen(bericht, codes) if geschreven else None
    if afgewezen is None:
        afgewezen, geschreven = rejected(bericht, codes), False
    ingediend = signed(declaratie["TotaalIngediendBedrag"], "TotaalBedrag")
    antwoord["TotaalToegekendBedrag"] = totaal(ingediend - sum(bedrag for _, _, bedrag, _ in afgewezen))
    if afgewezen:
        antwoord["Clienten"] = rejected_clients(afgewezen, codes, lijst, Schrijver(name) if geschreven else None)
        antwoord["RetourCodes"] = {"RetourCode": [GEEN_OPMERKING]}
    else:
        antwoord["RetourCodes"] = {"RetourCode": [VOLLEDIG_TOEGEKEND]}
    return name, {"Header": header, "DeclaratieAntwoord": antwoord}, lijst


def rejected(bericht: Bericht, codes: dict) -> list[tuple[etree._Element, etree._Element, int, None]]:
    """(Client, Prestatie, signed IngediendBedrag, None) of every rejected prestatie (OP304): its own codes, or its
    Client's."""
    out = []
    for client in bericht.all("Client"):
        client_codes = codes.get(client)
        for prestatie in findall(client, "Prestaties/Prestatie"):
            if client_codes or codes.get(prestatie):
                out.append((client, prestatie, signed(_bedrag(prestatie)), None))
    return out


def rejected_gelezen(bericht: Bericht, codes: dict) -> list[tuple[etree._Element, etree._Element, int, str]] | None:
    """``rejected`` from the prestaties the chain rules read (``keten.declaraties.prestaties``, one pass, usually read
    already), with each one's values as written (for ``Schrijver``): two dictionary lookups per prestatie instead
    of a walk through its elements. None when that reader cannot read a value (an XSD-valid date or number that
    Python does not take); ``rejected`` then."""
    try:
        gelezen = zip(prestaties(bericht), ruwe_waarden(bericht), strict=True)
    except ValueError:
        return None
    out = []
    for (p, prestatie, client), ruw in gelezen:
        if codes.get(client) or codes.get(prestatie):
            out.append((client, prestatie, -p.bedrag if p.credit else p.bedrag, ruw))
    return out


def rejected_clients(afgewezen: list, codes: dict, lijst: Lijst, schrijver: Schrijver | None = None) -> Iterator:
    """The Clients of the 325, one at a time, each with its rejected prestaties; notes them in ``lijst``. With a
    ``schrijver`` each Client comes written already (``schrijver.Geschreven``)."""
    for client, groep in groupby(afgewezen, key=itemgetter(0)):
        eigen = codes.get(client)
        client_codes = eigen or [GEEN_OPMERKING]
        prestaties = []
        for _, prestatie, _, ruw in groep:
            retourcodes = codes.get(prestatie) or [NIET_BEOORDEELD]
            if schrijver is None:
                item = prestatie_data(prestatie)
                item["RetourCodes"] = {"RetourCode": retourcodes}
                referentie = item["ProductReferentie"]["ReferentieNummer"]
            else:
                item, referentie = schrijver.prestatie(ruw, retourcodes)
            prestaties.append(item)
            lijst.referenties.add(referentie)
        bsn = client[0].text
        lijst.bsns.append(bsn)
        if eigen:
            lijst.afgewezen_bsns.add(bsn)
        if schrijver is None:
            yield {"Bsn": bsn, "Prestaties": prestaties, "RetourCodes": {"RetourCode": client_codes}}
        else:
            yield schrijver.client(bsn, prestaties, client_codes)


class Schrijver:
    """The 325's Clients written from the values the 323's pass read (``keten.declaraties.ruwe_waarden``) into a
    ``schrijver.Sjabloon`` per shape (for a Prestatie: which optional elements are present and its RetourCodes;
    for a Client: its RetourCodes): one join per element instead of a dict walked by the writer. The bytes are
    those of ``prestatie_data`` and the Client's dict written by ``schrijver.stukken`` (a test compares them, odd
    values included)."""

    PAD = "DeclaratieAntwoord/Clienten/Client"

    def __init__(self, name: str) -> None:
        self.name = name
        self.sjablonen: dict[tuple, schrijver.Sjabloon] = {}

    def prestatie(self, ruw: str, codes: list[str]) -> tuple[str, str]:
        """The Prestatie's text, and its ReferentieNummer."""
        waarden = ruw.split(RUW_SCHEIDING)
        aanwezig = tuple(map(RUW_ONTBREEKT.__ne__, waarden))
        sleutel = (aanwezig, *codes)
        sjabloon = self.sjablonen.get(sleutel)
        if sjabloon is None:
            sjabloon = self.sjablonen[sleutel] = self._prestatie_sjabloon(aanwezig, codes)
        return sjabloon.vul(waarden, _BIJZONDER.search(ruw) is None), waarden[0]

    def client(self, bsn: str | None, prestaties: list[str], codes: list[str]) -> schrijver.Geschreven | dict:
        """The Client with its Prestaties' texts (a dict for the writer when its Bsn is absent)."""
        if bsn is None:
            return {"Bsn": bsn, "Prestaties": list(map(schrijver.Geschreven, prestaties)),
                    "RetourCodes": {"RetourCode": codes}}
        sleutel = ("Client", *codes)
        sjabloon = self.sjablonen.get(sleutel)
        if sjabloon is None:
            item = {"Bsn": schrijver.marker(0), "Prestaties": [schrijver.Geschreven(schrijver.marker(1))],
                    "RetourCodes": {"RetourCode": list(codes)}}
            sjabloon = self.sjablonen[sleutel] = schrijver.Sjabloon(self.name, self.PAD, item, 2)
        waarde = bsn if _BIJZONDER.search(bsn) is None else schrijver.tekst(bsn)  # the Prestaties are written already
        return schrijver.Geschreven(sjabloon.vul([waarde, "".join(prestaties)], True))

    def _prestatie_sjabloon(self, aanwezig: tuple[bool, ...], codes: list[str]) -> schrijver.Sjabloon:
        """The shape's Prestatie as ``prestatie_data`` gives it, value ``i`` of ``VELDEN`` as marker ``i``."""
        markers = {veld: schrijver.marker(i) for i, (veld, er) in enumerate(zip(VELDEN, aanwezig, strict=True)) if er}
        item: dict = {}
        for naam, velden in PRESTATIE_VORM:
            if velden:
                item[naam] = {v: markers[v] for v in velden if v in markers}
            elif naam in markers:
                item[naam] = markers[naam]
        item["RetourCodes"] = {"RetourCode": list(codes)}
        return schrijver.Sjabloon(self.name, f"{self.PAD}/Prestaties/Prestatie", item, len(VELDEN))


def _bedrag(prestatie: etree._Element) -> dict:
    el = find(prestatie, "IngediendBedrag")
    return _velden(el)


def _velden(groep: etree._Element) -> dict:
    """The values of a group (ProductPeriode, IngediendBedrag ...) by element name; a comment or processing
    instruction in it is no element (it made the 325 fail to be written before)."""
    return {local(g): g.text for g in groep if isinstance(g.tag, str)}


def declaratie_kop(declaratie: etree._Element) -> dict:
    """DeclaratieNummer and TotaalIngediendBedrag of a 323 (without walking its prestaties)."""
    out: dict = {}
    for child in declaratie:
        name = local(child)
        if name == "DeclaratieNummer":
            out[name] = child.text
        elif name == "TotaalIngediendBedrag":
            out[name] = _velden(child)
    return out


def prestatie_data(prestatie: etree._Element) -> dict:
    item: dict = {}
    for child in prestatie:
        name = local(child)
        if name in ("ProductReferentie", "ProductPeriode", "IngediendBedrag"):
            item[name] = _velden(child)
        elif name in PRESTATIE_FIELDS:
            item[name] = child.text
    return item
