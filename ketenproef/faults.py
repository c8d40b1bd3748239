"""The fault catalogue: named, documented ways for the ketenpartner to misbehave on purpose.

Message faults are pure transformations of a correct retour (or 325) or of the plain data of a heenbericht
the mock sends; transport faults are carried out by the server (ketenproef only names and documents them).
``python -m ketenproef.faults`` prints the reference page (docs/FOUTEN.md).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ketenproef import factory
from ketenproef.bericht import Bericht, find, findall, local
from ketenproef.clock import Clock

RETOUR, HEEN, TRANSPORT = "retour", "heen", "transport"


@dataclass(frozen=True)
class Fault:
    name: str
    level: str  # retour | heen | transport
    description: str
    params: dict[str, str] = field(default_factory=dict)
    messages: tuple[str, ...] = ()  # message numbers it applies to ('' = all)


_CATALOGUE: dict[str, Fault] = {}
_RETOUR: dict[str, Callable] = {}
_HEEN: dict[str, Callable] = {}


def _fault(name: str, level: str, description: str, params=None, messages=()):
    def register(func: Callable) -> Callable:
        _CATALOGUE[name] = Fault(name, level, description, dict(params or {}), tuple(messages))
        (_RETOUR if level == RETOUR else _HEEN)[name] = func
        return func

    return register


def catalogue() -> dict[str, Fault]:
    return dict(_CATALOGUE)


class FaultError(ValueError):
    """The fault does not exist or does not apply to this message."""


# ------------------------------------------------------------------ retour faults

def _header(tree: etree._Element) -> etree._Element:
    return tree[0]


def _codes(tree: etree._Element) -> list[etree._Element]:
    return tree.xpath("//*[local-name()='RetourCode']")


@_fault("geen-retour", RETOUR, "De ketenpartner stuurt geen retour (of 325) op het heenbericht.")
def _geen(tree, heen, clock, params):
    return []


@_fault("dubbele-retour", RETOUR, "De ketenpartner stuurt dezelfde retour twee keer.")
def _dubbel(tree, heen, clock, params):
    data = factory.serialise(tree)
    return [data, data]


@_fault("verkeerde-referentie", RETOUR, "De retour verwijst met BerichtIdentificatie (of DeclaratieIdentificatie "
        "in een 325) naar een bericht met een andere Identificatie dan het heenbericht.")
def _referentie(tree, heen, clock, params):
    header = _header(tree)
    ref = find(header, "DeclaratieIdentificatie/Identificatie") if heen.number == "323" else None
    ref = ref if ref is not None else find(header, "BerichtIdentificatie/Identificatie")
    ref.text = params.get("identificatie", "ONBEKEND" + ref.text[-4:])
    return [factory.serialise(tree)]


@_fault("retour-voor-onbekend-bericht", RETOUR, "Naast de juiste retour stuurt de ketenpartner een retour voor een "
        "bericht dat nooit is verstuurd.")
def _onbekend(tree, heen, clock, params):
    extra = copy.deepcopy(tree)
    return [factory.serialise(tree)] + _referentie(extra, heen, clock, {"identificatie": "NOOITVERSTUURD"})


@_fault("verkeerde-identificatie-retour", RETOUR, "IdentificatieRetour is gelijk aan de BerichtIdentificatie van het "
        "heenbericht in plaats van een eigen, unieke identificatie.",
        messages=("301", "305", "307", "315", "317", "319"))
def _identificatie_retour(tree, heen, clock, params):
    find(_header(tree), "IdentificatieRetour").text = heen.identificatie
    return [factory.serialise(tree)]


@_fault("retourcode-ontbreekt", RETOUR, "De retour keurt alles goed (alleen een Header zonder RetourCodes) terwijl "
        "een retourcode verplicht was.", messages=("301", "305", "307", "315", "317", "319"))
def _ontbreekt(tree, heen, clock, params):
    header = copy.deepcopy(_header(tree))
    codes = find(header, "RetourCodes")
    if codes is not None:
        header.remove(codes)
    xslt = find(header, "XsltVersie")
    if xslt is not None:
        header.remove(xslt)
    for body in list(tree)[1:]:
        tree.remove(body)
    tree.replace(_header(tree), header)
    return [factory.serialise(tree)]


@_fault("retourcode-extra", RETOUR, "De retour bevat een extra, onterechte retourcode (standaard 9019) op de eerste "
        "berichtklasse die een retourcode draagt, of in de Header.", params={"code": "retourcode, standaard 9019"})
def _extra(tree, heen, clock, params):
    code = params.get("code", "9019")
    codes = _codes(tree)
    if codes:
        new = etree.SubElement(codes[0].getparent(), codes[0].tag)
        new.text = code
    else:
        _append_header_code(tree, code)
    return [factory.serialise(tree)]


def _append_header_code(tree, code: str) -> None:
    header = _header(tree)
    ns = etree.QName(header).namespace
    holder = etree.SubElement(header, f"{{{ns}}}RetourCodes")
    etree.SubElement(holder, f"{{{ns}}}RetourCode").text = code


@_fault("retourcode-verkeerd", RETOUR, "De eerste retourcode is vervangen door een andere geldige code "
        "(0200 wordt 9019, elke andere code wordt 0200).")
def _verkeerd(tree, heen, clock, params):
    codes = _codes(tree)
    if not codes:
        _append_header_code(tree, params.get("code", "9019"))
    else:
        codes[0].text = "9019" if codes[0].text == "0200" else params.get("code", "0200")
    return [factory.serialise(tree)]


_WRONG_TYPE = {"302": "306", "306": "308", "308": "306", "316": "318", "318": "316", "320": "302", "325": "306"}


@_fault("verkeerd-retourtype", RETOUR, "De ketenpartner antwoordt met een retour van een ander berichttype "
        "(bijvoorbeeld een 308 op een 305).")
def _type(tree, heen, clock, params):
    own = etree.QName(tree).namespace
    number = own.rsplit("/", 2)[-2][-3:]
    other = _WRONG_TYPE[number]
    data = factory.serialise(tree).replace(f"{number}".encode(), other.encode())
    return [data]


@_fault("xsd-ongeldig", RETOUR, "De retour voldoet niet aan de XSD (een ongeldige datum in de Header).")
def _xsd(tree, heen, clock, params):
    field = find(_header(tree), "DagtekeningRetour")
    field = field if field is not None else find(_header(tree), "BerichtIdentificatie/Dagtekening")
    field.text = "2026-02-30"
    return [factory.serialise(tree)]


@_fault("totalen-kloppen-niet", RETOUR, "In de 325 is TotaalToegekendBedrag 1 eurocent hoger dan de goedgekeurde "
        "prestaties rechtvaardigen (TR342).", messages=("323",))
def _totalen(tree, heen, clock, params):
    bedrag = tree.xpath("//*[local-name()='TotaalToegekendBedrag']/*[local-name()='TotaalBedrag']")
    if not bedrag:
        raise FaultError("deze 325 heeft geen DeclaratieAntwoord")
    bedrag[0].text = str(int(bedrag[0].text) + int(params.get("cent", 1)))
    return [factory.serialise(tree)]


def apply_to_retour(name: str, retour: etree._Element | None, heen: Bericht, *, clock: Clock,
                    params: dict | None = None) -> list[bytes]:
    """The message(s) to deliver instead of the correct ``retour`` for ``heen`` ([] = nothing)."""
    fault = _check(name, RETOUR, heen.number)
    if retour is None:
        raise FaultError(f"{name}: er is geen retour om te bederven (het heenbericht kreeg er geen)")
    return _RETOUR[fault.name](copy.deepcopy(retour), heen, clock, dict(params or {}))


# ------------------------------------------------------------------ heen faults (data the mock sends)

def _products(data: dict) -> list[dict]:
    return data["Client"]["ToegewezenProducten"]


@_fault("afwijzing-zonder-reden", HEEN, "Een 319 wijst een verzoek af (VerzoekAntwoord 1) zonder "
        "RedenAfwijzingVerzoek (CD085).", messages=("319",))
def _zonder_reden(data, params):
    data["Antwoord"]["VerzoekAntwoord"] = "1"
    data["Antwoord"].pop("RedenAfwijzingVerzoek", None)
    data["Antwoord"].pop("Woonplaatsbeginsel", None)
    return data


@_fault("intrekking-terugwerkend", HEEN, "Een 301 trekt een toewijzing in met een Einddatum in het verleden "
        "(standaard 14 dagen voor de Dagtekening): intrekken met terugwerkende kracht.",
        params={"dagen": "hoeveel dagen voor de Dagtekening, standaard 14"}, messages=("301",))
def _terugwerkend(data, params):
    dagtekening = dt.date.fromisoformat(str(data["Header"]["BerichtIdentificatie"]["Dagtekening"]))
    product = _products(data)[int(params.get("index", 0))]
    product["Einddatum"] = dagtekening - dt.timedelta(days=int(params.get("dagen", 14)))
    product.setdefault("RedenWijziging", "03")
    return data


@_fault("einddatum-voor-ingangsdatum", HEEN, "Een 301 met een ToegewezenProduct waarvan de Einddatum voor de "
        "Ingangsdatum ligt (CS003).", messages=("301",))
def _einde_voor_begin(data, params):
    product = _products(data)[int(params.get("index", 0))]
    product["Einddatum"] = dt.date.fromisoformat(str(product["Ingangsdatum"])) - dt.timedelta(days=1)
    return data


@_fault("toewijzingnummer-hergebruikt", HEEN, "Een 301 gebruikt een ToewijzingNummer dat al voor een ander "
        "product is gebruikt (TR332).", params={"nummer": "het eerder gebruikte ToewijzingNummer"},
        messages=("301",))
def _hergebruikt(data, params):
    if "nummer" not in params:
        raise FaultError("toewijzingnummer-hergebruikt heeft de parameter 'nummer' nodig")
    _products(data)[int(params.get("index", 0))]["ToewijzingNummer"] = int(params["nummer"])
    return data


def apply_to_heen(name: str, message_name: str, data: dict, *, params: dict | None = None) -> dict:
    """A deliberately wrong copy of the plain data of a heenbericht the mock is about to send."""
    fault = _check(name, HEEN, message_name[-3:])
    return _HEEN[fault.name](copy.deepcopy(data), dict(params or {}))


# ------------------------------------------------------------------ transport faults (done by the server)

for _name, _text, _params in (
    ("vertraging", "De ketenpartner wacht voordat hij antwoordt of aflevert.", {"seconden": "standaard 5"}),
    ("http500", "De ketenpartner antwoordt met HTTP 500 en verwerkt het bericht niet.", {}),
    ("http503", "De ketenpartner antwoordt met HTTP 503 (tijdelijk niet beschikbaar) en verwerkt het bericht niet.",
     {}),
    ("verbinding-verbroken", "De ketenpartner verbreekt de verbinding zonder antwoord.", {}),
    ("geen-antwoord", "De ketenpartner houdt de verbinding open en antwoordt niet (tot de client opgeeft).",
     {"seconden": "hoe lang, standaard 60"}),
    ("trage-body", "De ketenpartner stuurt zijn antwoord in kleine stukjes met pauzes.", {"seconden": "standaard 5"}),
    ("antwoord-kwijt", "De ketenpartner verwerkt het bericht en verbreekt daarna de verbinding zonder antwoord; "
                       "dezelfde bytes opnieuw krijgen de oorspronkelijke uitkomst (200, Ketenproef-Herhaling).", {}),
):
    _CATALOGUE[_name] = Fault(_name, TRANSPORT, _text, _params)


def _check(name: str, level: str, number: str) -> Fault:
    fault = _CATALOGUE.get(name)
    if fault is None:
        raise FaultError(f"onbekende fout '{name}'; kies uit {', '.join(sorted(_CATALOGUE))}")
    if fault.level != level:
        raise FaultError(f"'{name}' is een {fault.level}-fout, geen {level}-fout")
    if fault.messages and number not in fault.messages:
        raise FaultError(f"'{name}' geldt voor berichten {', '.join(fault.messages)}, niet voor {number}")
    return fault


def reference_page() -> str:
    """The Markdown reference page of the catalogue (docs/FOUTEN.md)."""
    lines = ["# Foutencatalogus van de ketenpartner", "",
             "Gegenereerd uit `ketenproef/faults.py` met `python -m ketenproef.faults > docs/FOUTEN.md`; niet met "
             "de hand bewerken.", "",
             "Een fout geldt voor één gesprek (één client-BSN) en wordt gezet met "
             "`PUT /beheer/gesprekken/{bsn}/fouten` (zie docs/SUT-PROTOCOL.md).", ""]
    titles = {RETOUR: "Fouten in retourberichten en de 325", HEEN: "Fouten in heenberichten van de ketenpartner",
              TRANSPORT: "Transportfouten"}
    for level in (RETOUR, HEEN, TRANSPORT):
        lines += [f"## {titles[level]}", "", "| naam | wat er gebeurt | berichten | parameters |", "|---|---|---|---|"]
        for fault in sorted((f for f in _CATALOGUE.values() if f.level == level), key=lambda f: f.name):
            params = "; ".join(f"`{k}`: {v}" for k, v in fault.params.items()) or "-"
            lines.append(f"| `{fault.name}` | {fault.description} | {', '.join(fault.messages) or 'alle'} | "
                         f"{params} |")
        lines.append("")
    return "\n".join(lines)


__all__ = ["Fault", "FaultError", "apply_to_heen", "apply_to_retour", "catalogue", "findall", "local",
           "reference_page"]

if __name__ == "__main__":
    print(reference_page(), end="")
