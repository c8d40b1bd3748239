"""Rules on persons: client and relatie (naam, geboortedatum, BSN) and their contact data (adres, telefoon)."""

from __future__ import annotations

import datetime as dt
import operator
import re

from lxml import etree

from ketenproef.bericht import Bericht, date, find, findall, first_children, text
from ketenproef.rules.registry import gedekt_door, regel

POSTCODE_NL = re.compile(r"[1-9][0-9]{3}[a-zA-Z]{2}")
ELFPROEF_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)
ONBEKEND = dt.date(1900, 1, 1)  # Datum of a fully unknown Geboortedatum (DatumGebruik 3)
# DatumGebruik -> (the form Datum must have, what it ends with; for 3: what it is)
DATUMGEBRUIK = {"1": ("JJJJ-MM-01", "-01"), "2": ("JJJJ-01-01", "-01-01"), "3": ("1900-01-01", "1900-01-01")}


def _personen(b: Bericht, deel: str) -> list[etree._Element]:
    """``deel`` (e.g. ``Naam``) of the client and of every relatie, client first."""
    return b.vind(f"Client/{deel}") + b.vind(f"Client/Relaties/Relatie/{deel}")


def _contacten(b: Bericht) -> list[etree._Element]:
    """Every Contact of a 301: the client's Contactgegevens and each Relatie's Contact."""
    return b.vind("Client/Contactgegevens/Contact") + b.vind("Client/Relaties/Relatie/Contact")


def _adressen(b: Bericht) -> list[etree._Element]:
    return [adres for contact in _contacten(b) if (adres := find(contact, "Adres")) is not None]


def elfproef(bsn: str) -> bool:
    """True when a 9-digit BSN passes the 11-proef (weights 9..2 and -1)."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    return sum(map(operator.mul, ELFPROEF_GEWICHTEN, map(int, bsn))) % 11 == 0  # len 9: pairs every digit


# --- BSN ---------------------------------------------------------------------------------------------------------

@regel("CS002", berichten=["301", "305", "307", "315", "317", "323", "325"])
def CS002(b: Bericht):
    """Iedere Bsn in het bericht voldoet aan de 11-proef."""
    if b.number in ("323", "325"):  # only Client/Bsn: the clients, not a pass over thousands of prestaties
        bsns = first_children(b.all("Client"), "Bsn")
    else:
        bsns = b.root.iter("{*}Bsn")
    for bsn in bsns:
        if not elfproef(bsn.text or ""):
            yield bsn, f"Bsn {bsn.text} voldoet niet aan de 11-proef (CS002)."


gedekt_door("OP079", ["CS002"], "Bsn is in ieder bericht met een Client verplicht volgens het XSD (9 cijfers); "
                                "CS002 controleert dat het een geldig BSN is (11-proef).")


# --- Geboortedatum -----------------------------------------------------------------------------------------------

@regel("TR002", berichten=["301", "305", "307", "315"])
def TR002(b: Bericht):
    """Een Geboortedatum ligt niet meer dan 120 jaar voor de Dagtekening, tenzij de datum onbekend is
    (DatumGebruik 3 met Datum 1900-01-01)."""
    dag = b.dagtekening
    for geboorte in _personen(b, "Geboortedatum"):
        datum = date(geboorte, "Datum")
        if (datum.year + 120, datum.month, datum.day) >= (dag.year, dag.month, dag.day):
            continue
        if text(geboorte, "DatumGebruik") == "3" and datum == ONBEKEND:
            continue
        yield find(geboorte, "Datum"), (f"Geboortedatum {datum} ligt meer dan 120 jaar voor de Dagtekening "
                                        f"{dag} (TR002).")


@regel("CS139", berichten=["301", "305", "307", "315"])
def CS139(b: Bericht):
    """DatumGebruik en Datum van een Geboortedatum stemmen overeen: 3 -> 1900-01-01, 2 -> JJJJ-01-01,
    1 -> JJJJ-MM-01."""
    for geboorte in _personen(b, "Geboortedatum"):
        gebruik, datum = find(geboorte, "DatumGebruik"), text(geboorte, "Datum")
        if gebruik is None or gebruik.text not in DATUMGEBRUIK:
            continue
        vorm, einde = DATUMGEBRUIK[gebruik.text]
        if not (datum == einde if gebruik.text == "3" else datum.endswith(einde)):
            yield gebruik, f"Geboortedatum {datum} past niet bij DatumGebruik {gebruik.text}: verwacht {vorm} (CS139)."


gedekt_door("OP252", ["CS139"], "Welk deel van een (deels) onbekende geboortedatum betrouwbaar is, staat in "
                                "DatumGebruik; CS139 controleert dat Datum daarmee overeenstemt.")


# --- Naam --------------------------------------------------------------------------------------------------------

@regel("CS050", berichten=["301"])
def CS050(b: Bericht):
    """Met Partnernaam is NaamGebruik 1, 2, 3 of 4; zonder Partnernaam is NaamGebruik 1 (iJw: ook 6,
    niet-natuurlijk persoon)."""
    zonder_partner = ("1", "6") if b.standard == "iJw" else ("1",)
    for naam in _personen(b, "Naam"):
        gebruik = find(naam, "NaamGebruik")
        partner = find(naam, "Partnernaam") is not None
        toegestaan = ("1", "2", "3", "4") if partner else zonder_partner
        if gebruik.text not in toegestaan:
            yield gebruik, (f"NaamGebruik {gebruik.text} is niet toegestaan {'met' if partner else 'zonder'} "
                            f"Partnernaam; toegestaan: {', '.join(toegestaan)} (CS050).")


@regel("CS318", berichten=["301"], standaarden=["iJw"])
def CS318(b: Bericht):
    """De Client is een natuurlijk persoon: Client/Naam/NaamGebruik is niet 6."""
    gebruik = find(b.root, "Client/Naam/NaamGebruik")
    if gebruik is not None and gebruik.text == "6":
        yield gebruik, "NaamGebruik 6 (niet-natuurlijk persoon) is niet toegestaan voor de Client (CS318)."


# --- Contact en adres --------------------------------------------------------------------------------------------

@regel("TR006", berichten=["301"])
def TR006(b: Bericht):
    """Ieder Contact bevat een Telefoon en/of een Adres met zowel Huis als Postcode."""
    for contact in _contacten(b):
        if find(contact, "Telefoon") is None:
            ontbreekt = [deel for deel in ("Huis", "Postcode") if find(contact, f"Adres/{deel}") is None]
            if ontbreekt:
                adres = "geen Adres" if find(contact, "Adres") is None else f"een Adres zonder {' en '.join(ontbreekt)}"
                yield contact, f"Contact (Soort {text(contact, 'Soort')}) heeft geen Telefoon en {adres} (TR006)."


@regel("TR061", berichten=["301"])
def TR061(b: Bericht):
    """Client/Contactgegevens bevat minstens een Contact met Soort 01 (BRP), 02 (correspondentie) of 03 (verblijf)."""
    gegevens = find(b.root, "Client/Contactgegevens")
    soorten = [soort.text for soort in findall(gegevens, "Contact/Soort")]
    if not {"01", "02", "03"} & set(soorten):
        yield gegevens, (f"De Client heeft geen BRP-, correspondentie- of verblijfadres (Soort 01, 02 of 03); "
                         f"gevonden Soort: {', '.join(soorten)} (TR061).")


gedekt_door("OP091", ["TR006", "TR061"], "Contact/Soort is verplicht volgens het XSD; TR006 en TR061 werken de "
                                         "eisen aan de aanvullende contactgegevens uit.")
gedekt_door("OP130", ["TR006"], "De naam van een Relatie is verplicht volgens het XSD; TR006 eist een Telefoon "
                                "en/of een adres met Huis en Postcode.")
gedekt_door("OP076", ["XSD"], "Relatie/Soort (COD472) is verplicht volgens het XSD; dat een contactpersoon alleen "
                              "wordt opgenomen als dat nodig is, is niet in een bericht te controleren.")


@regel("CD005", berichten=["301"])
def CD005(b: Bericht):
    """In een Adres is LandCode gevuld als Postcode gevuld is, en leeg als Postcode leeg is."""
    for adres in _adressen(b):
        postcode, land = find(adres, "Postcode"), find(adres, "LandCode")
        if land is None and postcode is not None:
            yield postcode, f"Adres heeft Postcode {postcode.text} maar geen LandCode (CD005)."
        elif land is not None and postcode is None:
            yield land, f"Adres heeft LandCode {land.text} maar geen Postcode (CD005)."


@regel("CD007", berichten=["301"])
def CD007(b: Bericht):
    """Client/Communicatie/Taal is gevuld als Vorm 1 (tolk taal) is, en anders leeg."""
    communicatie = find(b.root, "Client/Communicatie")
    if communicatie is None:
        return
    vorm, taal = text(communicatie, "Vorm"), find(communicatie, "Taal")
    if vorm == "1" and taal is None:
        yield communicatie, "Communicatie/Vorm is 1 (tolk taal) maar Taal ontbreekt (CD007)."
    elif vorm != "1" and taal is not None:
        yield taal, f"Taal ({taal.text}) mag alleen gevuld zijn bij Communicatie/Vorm 1; Vorm is {vorm} (CD007)."


@regel("CD009", berichten=["301"])
def CD009(b: Bericht):
    """Contact/Periode is alleen gevuld als Contact/Soort 04 (tijdelijk verblijfadres) is."""
    for contact in _contacten(b):
        periode, soort = find(contact, "Periode"), text(contact, "Soort")
        if periode is not None and soort != "04":
            yield periode, f"Contact met Soort {soort} heeft een Periode; dat mag alleen bij Soort 04 (CD009)."


@regel("CD025", berichten=["301"])
def CD025(b: Bericht):
    """Bij Adres/LandCode NL is Huis/Huisnummer verplicht."""
    for adres in _adressen(b):
        if text(adres, "LandCode") == "NL" and text(adres, "Huis/Huisnummer") is None:
            yield adres, "Adres in Nederland (LandCode NL) zonder Huis/Huisnummer (CD025)."


@regel("CD034", berichten=["301"])
def CD034(b: Bericht):
    """Bij Contact/Soort 01 (BRP-adres) of 03 (verblijfadres) is Adres/Postcode verplicht."""
    for contact in _contacten(b):
        soort = text(contact, "Soort")
        if soort in ("01", "03") and find(contact, "Adres/Postcode") is None:
            yield contact, f"Contact met Soort {soort} heeft geen Adres/Postcode (CD034)."


@regel("CS089", berichten=["301"])
def CS089(b: Bericht):
    """Bij LandCode NL heeft Postcode het Nederlandse formaat: 4 cijfers (niet beginnend met 0) en 2 letters,
    zonder spatie."""
    for adres in _adressen(b):
        if text(adres, "LandCode") == "NL":
            postcode = find(adres, "Postcode")
            if postcode is None or not POSTCODE_NL.fullmatch(postcode.text):
                waarde = "ontbreekt" if postcode is None else f"'{postcode.text}'"
                yield postcode if postcode is not None else adres, (
                    f"Postcode {waarde} is geen Nederlandse postcode (formaat 1234AB) bij LandCode NL (CS089).")
