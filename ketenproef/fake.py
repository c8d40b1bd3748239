"""Synthetic, reproducible parties and people for generated iWmo/iJw messages.

Every function takes a ``random.Random``; all randomness comes from it (Faker, locale nl_NL, is reseeded
from it on every use), so the same seed always gives the same output and nothing touches global random
state. Nobody here is a real person: names, addresses and numbers are drawn independently at random; a
BSN is any nine digits that pass the elfproef, never looked up anywhere.

The dicts returned use the message element names (plain data of ``ketenproef.factory``).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
from functools import cache

from faker import Faker

from ketenproef import corpus

IWMO, IJW = "iWmo", "iJw"
LANDNUMMER_NL = "0031"

_VOORVOEGSELS = ("van der", "van den", "van de", "van 't", "in 't", "in de", "op de", "op den", "uit de",
                 "van", "de", "den", "der", "ter", "ten", "te", "'t", "d'", "le", "la", "du")
_NAAM = re.compile(r"[A-Z][A-Za-zÀ-ỳ'-]+")
_VOORLETTER = re.compile(r"[a-zA-ZÀ-ỳ]")
_POSTCODE_LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"  # letters as used in Dutch postcodes (no I, O, Q, U, Y)
_GEEN_POSTCODE = frozenset({"SA", "SD", "SS"})

# Categories of the "(2015)" generation in JZ020 are still on the list but no longer used for new products.
_JZ020_VEROUDERD = frozenset({"31", "32", "33", "34", "35", "36", "37", "38"})

# The categories whose product codes come from the national hulpmiddelen list (iWmo).
HULPMIDDELEN = frozenset({"11", "12", "13", "14"})


# --------------------------------------------------------------------------------------------------------- Faker

@cache
def _faker() -> Faker:
    return Faker("nl_NL")


def faker_voor(rng: random.Random) -> Faker:
    """The (shared) nl_NL Faker, reseeded from ``rng``: its next draws depend on ``rng`` only."""
    fk = _faker()
    fk.seed_instance(rng.getrandbits(64))
    return fk


# ------------------------------------------------------------------------------------------------------ numbers

def elfproef(nummer: str) -> bool:
    """Whether a BSN passes the elfproef of CS002: 9 digits, 9*d1+8*d2+...+2*d8-1*d9 divisible by 11."""
    if len(nummer) != 9 or not nummer.isdigit():
        return False
    digits = [int(c) for c in nummer]
    total = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]
    return total % 11 == 0


def bsn(rng: random.Random) -> str:
    """A random BSN: nine digits, first digit not 0, passing the elfproef (never a looked-up number)."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        last = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True)) % 11
        if last <= 9:  # d9 = the weighted sum mod 11; a remainder of 10 has no digit, draw again
            return "".join(map(str, digits)) + str(last)


def bsns(rng: random.Random, aantal: int) -> list[str]:
    """``aantal`` different BSNs."""
    seen: dict[str, None] = {}
    while len(seen) < aantal:
        seen.setdefault(bsn(rng))
    return list(seen)


def agb_code(rng: random.Random) -> str:
    """A random AGB code: eight digits (two-digit zorgsoort prefix, not 00, and six digits)."""
    return f"{rng.randint(1, 99):02d}{rng.randint(0, 999999):06d}"


def gemeenten() -> list[tuple[str, str]]:
    """All (CBS gemeentecode, naam) pairs of the codelist CBS-GEMEENTE."""
    return [(c["code"], c["omschrijving"]) for c in corpus.codelists()["CBS-GEMEENTE"]["codes"]]


def gemeentecode(rng: random.Random) -> str:
    """A CBS gemeentecode (four digits) from the codelist."""
    return rng.choice(gemeenten())[0]


def gemeentenaam(code: str) -> str:
    return dict(gemeenten())[code]


def code(rng: random.Random, lengte: int = 10, alfabet: str = string.ascii_uppercase + string.digits) -> str:
    """A random identifier of letters and digits (Identificatie, DeclaratieNummer, references)."""
    return "".join(rng.choice(alfabet) for _ in range(lengte))


# ------------------------------------------------------------------------------------------------------ people

def _achternaam(fk: Faker) -> tuple[str | None, str]:
    """(Voorvoegsel, Achternaam) from Faker's Dutch surnames; odd historic names are skipped."""
    for _ in range(50):
        name = fk.last_name()
        voorvoegsel = None
        for prefix in _VOORVOEGSELS:
            if name.startswith(prefix + " "):
                voorvoegsel, name = prefix, name[len(prefix) + 1:]
                break
        if _NAAM.fullmatch(name):
            return voorvoegsel, name
    return None, "Jansen"


def _voornamen(fk: Faker, geslacht: str, aantal: int) -> list[str]:
    pick = {"1": fk.first_name_male, "2": fk.first_name_female}.get(geslacht, fk.first_name)
    names: list[str] = []
    while len(names) < aantal:
        name = pick()
        if name not in names and _VOORLETTER.match(name):
            names.append(name)
    return names


def voorletters(voornamen: str) -> str:
    """Voorletters contiguous, without dots or spaces (IV007): 'Jan Willem Hendrik' -> 'JWH' (at most 6)."""
    parts = [p for word in voornamen.split() for p in word.split("-") if p]
    return "".join(p[0].upper() for p in parts)[:6]


def geslachtsnaam(rng: random.Random) -> dict:
    """A CDT_Achternaam: Achternaam and, for about a third of the names, a Voorvoegsel."""
    voorvoegsel, achternaam = _achternaam(faker_voor(rng))
    naam = {"Achternaam": achternaam}
    if voorvoegsel:
        naam["Voorvoegsel"] = voorvoegsel
    return naam


def _jaren_terug(dag: dt.date, jaren: int) -> dt.date:
    try:
        return dag.replace(year=dag.year - jaren)
    except ValueError:  # 29 February
        return dag.replace(year=dag.year - jaren, day=28)


def geboortedatum(rng: random.Random, peildatum: dt.date, leeftijd: tuple[int, int]) -> dict:
    """A CDT_Geboortedatum for an age within ``leeftijd`` on ``peildatum``; sometimes partly unknown.

    DatumGebruik 1 (day unknown: day 01) or 2 (day and month unknown: 01-01) follows IV009/CS139; a fully
    unknown date (3, 1900-01-01) is left out: it only suits odd cases, and TR002 allows it anyway.
    """
    oudste = _jaren_terug(peildatum, leeftijd[1] + 1) + dt.timedelta(days=1)
    jongste = _jaren_terug(peildatum, leeftijd[0])
    datum = oudste + dt.timedelta(days=rng.randrange((jongste - oudste).days + 1))
    kans = rng.random()
    if kans < 0.06 and datum.replace(day=1) >= oudste:
        return {"Datum": datum.replace(day=1), "DatumGebruik": "1"}
    if kans < 0.09 and datum.replace(month=1, day=1) >= oudste:
        return {"Datum": datum.replace(month=1, day=1), "DatumGebruik": "2"}
    return {"Datum": datum}


def persoon(rng: random.Random, *, peildatum: dt.date = dt.date(2026, 1, 1), leeftijd: tuple[int, int] = (18, 95),
            geslacht: str | None = None, achternaam: dict | None = None, partner: bool | None = None) -> dict:
    """A synthetic person as plain data: Bsn, Geboortedatum, Geslacht and Naam (CDT_VolledigeNaam).

    Voornamen fit the Geslacht (1 male, 2 female, 0 unknown: either), Voorletters are the initials of the
    Voornamen, and the age on ``peildatum`` lies within ``leeftijd``. An adult sometimes has a Partnernaam;
    NaamGebruik is then 1-4, else 1 (CS050). ``achternaam`` (a CDT_Achternaam) gives a family name.
    """
    fk = faker_voor(rng)
    if geslacht is None:
        geslacht = rng.choices(("1", "2", "0"), weights=(49, 49, 2))[0]
    voornamen = " ".join(_voornamen(fk, geslacht, rng.choices((1, 2, 3), weights=(55, 35, 10))[0]))
    if achternaam is None:
        voorvoegsel, eigen = _achternaam(fk)
        achternaam = {"Achternaam": eigen, **({"Voorvoegsel": voorvoegsel} if voorvoegsel else {})}
    naam: dict = {"Geslachtsnaam": dict(achternaam)}
    if partner is None:
        partner = leeftijd[0] >= 18 and rng.random() < 0.25
    if partner:
        voorvoegsel, eigen = _achternaam(fk)
        naam["Partnernaam"] = {"Achternaam": eigen, **({"Voorvoegsel": voorvoegsel} if voorvoegsel else {})}
    naam["Voornamen"] = voornamen
    naam["Voorletters"] = voorletters(voornamen)
    naam["NaamGebruik"] = rng.choice("1234") if partner else "1"
    return {"Bsn": bsn(rng), "Geboortedatum": geboortedatum(rng, peildatum, leeftijd), "Geslacht": geslacht,
            "Naam": naam}


def verkorte_naam(naam: dict) -> dict:
    """CDT_VerkorteNaam (305/307/315) of a CDT_VolledigeNaam: without Partnernaam and NaamGebruik."""
    return {k: v for k, v in naam.items() if k in ("Geslachtsnaam", "Voornamen", "Voorletters")}


# ---------------------------------------------------------------------------------------------------- contacts

def postcode(rng: random.Random) -> str:
    """A Dutch postcode in message form (CS089): [1-9][0-9]{3}[A-Z]{2}, no space, not SA/SD/SS."""
    while True:
        letters = rng.choice(_POSTCODE_LETTERS) + rng.choice(_POSTCODE_LETTERS)
        if letters not in _GEEN_POSTCODE:
            return f"{rng.randint(1000, 9999)}{letters}"


def straatnaam(rng: random.Random) -> str:
    """A Dutch street name that fits LDT_Straatnaam (at most 24 characters)."""
    fk = faker_voor(rng)
    for _ in range(50):
        name = fk.street_name()
        if len(name) <= 24:
            return name
    return "Dorpsstraat"


def plaatsnaam(rng: random.Random) -> str:
    return faker_voor(rng).city()[:80]


def adres(rng: random.Random, plaats: str | None = None) -> dict:
    """A Dutch CDT_Adres: Huis (Huisnummer, sometimes Huisletter or toevoeging), Postcode, Straatnaam,
    Plaatsnaam and LandCode NL (CD005, CD025, CS089)."""
    huis: dict = {"Huisnummer": rng.choice((rng.randint(1, 40), rng.randint(1, 250), rng.randint(1, 999)))}
    kans = rng.random()
    if kans < 0.10:
        huis["Huisletter"] = rng.choice("ABCD")
    elif kans < 0.18:
        huis["HuisnummerToevoeging"] = rng.choice(("1", "2", "3", "hs", "bis", "A01", "II"))
    return {"Huis": huis, "Postcode": postcode(rng), "Straatnaam": straatnaam(rng),
            "Plaatsnaam": plaats or plaatsnaam(rng), "LandCode": "NL"}


def telefoon(rng: random.Random) -> dict:
    """A CDT_Telefoon: a Dutch number (06 mobile or a geographic number), digits only, Landnummer 0031."""
    if rng.random() < 0.55:
        nummer = "06" + "".join(rng.choice(string.digits) for _ in range(8))
    else:
        netnummer = rng.choice(("010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036",
                                "038", "040", "043", "045", "046", "050", "053", "055", "058", "070", "071",
                                "072", "073", "074", "075", "076", "077", "078", "079", "0111", "0180",
                                "0224", "0313", "0345", "0413", "0492", "0513", "0546", "0591"))
        rest = 10 - len(netnummer)
        nummer = netnummer + str(rng.randint(2, 9)) + "".join(rng.choice(string.digits) for _ in range(rest - 1))
    return {"Telefoonnummer": nummer, "Landnummer": LANDNUMMER_NL}


def emailadres(rng: random.Random, naam: dict | None = None) -> str:
    fk = faker_voor(rng)
    if naam:
        local = ".".join(p.lower() for p in (naam.get("Voorletters", ""), naam["Geslachtsnaam"]["Achternaam"]) if p)
        local = re.sub(r"[^a-z0-9.]", "", local.encode("ascii", "ignore").decode()) or "post"
        return f"{local}{rng.randint(1, 99)}@{fk.free_email_domain()}"[:80]
    return fk.free_email()[:80]


def organisatie(rng: random.Random) -> str:
    """A name for an institution (LDT_Organisatienaam, at most 35 characters)."""
    soort = rng.choice(("Zorgcentrum", "Woonzorgcentrum", "Woongroep", "Logeerhuis", "Zorgboerderij", "Hospice",
                        "Revalidatiecentrum", "Jeugdhuis"))
    return f"{soort} {straatnaam(rng).split()[0]}"[:35]


# ---------------------------------------------------------------------------------------------------- products

def productcategorieen(standaard: str) -> list[str]:
    """The product categories in use: WMO020 for iWmo, JZ020 without the 2015 generation for iJw."""
    if standaard == IWMO:
        return [c["code"] for c in corpus.codelists()["WMO020"]["codes"]]
    return [c["code"] for c in corpus.codelists()["JZ020"]["codes"] if c["code"] not in _JZ020_VEROUDERD]


def productcategorie(standaard: str, rng: random.Random) -> str:
    """A product category valid for the standard (iWmo: WMO020, iJw: JZ020)."""
    return rng.choice(productcategorieen(standaard))


@cache
def _hulpmiddelen() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for entry in corpus.codelists()["HULPMIDDELEN-2022"]["codes"]:
        out.setdefault(entry["extra"]["productcategorie"], []).append(entry["code"])
    return {k: tuple(v) for k, v in out.items()}


def productcode(categorie: str, rng: random.Random) -> str:
    """A product code that fits its category: the two-digit category followed by three characters.

    Hulpmiddelen categories (iWmo 11, 12, 13) take a code of the national list HULPMIDDELEN-2022
    (e.g. 11X02); other categories get a code in the common form category + letter + two digits (02A16,
    45A02). Product codes are agreed regionally; only their form is fixed by the standard (max 5).
    """
    lijst = _hulpmiddelen().get(categorie)
    if lijst:
        return rng.choice(lijst)
    letter = "X" if categorie in HULPMIDDELEN else rng.choice("AAAABBC")
    return f"{categorie}{letter}{rng.randint(1, 99):02d}"


def past_bij_categorie(code_: str, categorie: str) -> bool:
    """Whether a product code fits its category in the sense of :func:`productcode`."""
    return len(code_) == 5 and code_.startswith(categorie)
