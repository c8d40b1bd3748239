"""Header- en externe-bronregels voor alle berichten: TR056 (unieke BerichtIdentificatie, ketenregel), TR135
(Dagtekening niet na de systeemdatum), TR378 (bestaande CBS-gemeentecode) en TR381 (productcode past bij de
categorie volgens de gehanteerde productcodelijst).

TR135, TR378 en TR381 hebben scope "external": hun oordeel vraagt alleen het bericht, "vandaag" (``b.clock``) en
referentiegegevens (de meegeleverde CBS-indeling met geldigheid, de gepubliceerde indeling hulpmiddelen iWmo, en
wat ``keten.config`` aan contractgegevens geeft). ``validate`` draait ze daarom altijd, ook zonder keten; dan is
``keten`` None en oordeelt de regel op wat hij heeft, zonder ooit af te keuren wat met de keten zou doorgaan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import cache

from lxml import etree

from ketenproef import corpus, gemeenten
from ketenproef.bericht import Bericht, date, find, text
from ketenproef.keten import Keten, partijen
from ketenproef.keten.config import KetenConfig
from ketenproef.rules.declaratie import prestaties as kolommen
from ketenproef.rules.registry import regel

HULPMIDDELEN_LIJST = frozenset({"11", "12", "13"})  # categorieen van de gepubliceerde indeling hulpmiddelen (iWmo)
PRODUCT_PADEN = {"301": ("ToegewezenProduct", "Product/Categorie", "Product/Code"),
                 "305": ("StartProduct", "Product/Categorie", "Product/Code"),
                 "307": ("StopProduct", "Product/Categorie", "Product/Code"),
                 "315": ("AangevraagdProduct", "Product/Categorie", "Product/Code"),
                 "317": ("NieuwProduct", "Product/Categorie", "Product/Code"),
                 "323": ("Prestatie", "ProductCategorie", "ProductCode")}
INGANGSDATUM = {"301": ("ToegewezenProduct", "Ingangsdatum"),
                "305": ("StartProduct", "ToewijzingIngangsdatum"),
                "307": ("StopProduct", "ToewijzingIngangsdatum"),
                "315": ("AangevraagdProduct", "ToewijzingIngangsdatum")}
VERWIJDEREN = "3"
GEEN_CONFIG = KetenConfig()


def config(keten) -> KetenConfig:
    """The configuration: of the chain, of a ``Referentie`` (no chain, validate --productcodelijst), or none."""
    return GEEN_CONFIG if keten is None else keten.config


def ketenstaat(keten) -> Keten | None:
    """The chain state, or None when the rule runs without a chain (``keten`` None or a ``Referentie``)."""
    return keten if isinstance(keten, Keten) else None


@cache
def hulpmiddelen() -> dict[str, str]:
    """Productcode -> categorie uit de indeling hulpmiddelen iWmo (2022)."""
    return {c["code"]: c["extra"]["productcategorie"] for c in corpus.codelists()["HULPMIDDELEN-2022"]["codes"]}


# ---------------------------------------------------------------- TR056

@regel("TR056", berichten=["301", "305", "307", "315", "317", "319", "323", "325"], retourcode="9056",
       scope="chain")
def TR056(b: Bericht, keten: Keten):
    """BerichtIdentificatie/Identificatie is per berichtsoort uniek voor de verzendende partij (over alle berichten
    die ooit van die afzender zijn ontvangen)."""
    from ketenproef.keten.regie import Regie

    afzender = text(b.header, "Afzender")
    if keten.part(Regie).identificatie_bekend(afzender, b.name, b.identificatie):
        yield find(b.header, "BerichtIdentificatie/Identificatie"), (
            f"Identificatie {b.identificatie} is al eerder gebruikt in een {b.name} van afzender {afzender}; iedere "
            f"berichtsoort heeft per afzender een unieke Identificatie (TR056).")


# ---------------------------------------------------------------- TR135

@regel("TR135", berichten=["301", "305", "307", "315", "317", "319", "323", "325"], retourcode="8848",
       scope="external")
def TR135(b: Bericht, keten: Keten | None):
    """Dagtekening (in een 325 ook DeclaratieIdentificatie/Dagtekening) ligt niet na de systeemdatum van de
    ontvanger (``b.clock.today()``: bij ``validate --datum`` die datum). Geen keten nodig."""
    vandaag = b.clock.today()
    if b.dagtekening > vandaag:
        pad = "BerichtIdentificatie/Dagtekening"
        el = find(b.header, pad)
        yield el, f"{pad} {el.text} ligt na de systeemdatum {vandaag} van de ontvanger (TR135)."
    if b.number == "325":
        pad = "DeclaratieIdentificatie/Dagtekening"
        el = find(b.header, pad)
        if el is not None and date(b.header, pad) > vandaag:
            yield el, f"{pad} {el.text} ligt na de systeemdatum {vandaag} van de ontvanger (TR135)."


# ---------------------------------------------------------------- TR378

def ingangsdata(b: Bericht) -> list[dt.date] | None:
    """De ingangsdatum van de toewijzing bij elk product: Ingangsdatum (301) of ToewijzingIngangsdatum (305, 307,
    315); None voor een bericht zonder zo'n datum (317, 319, 323, 325)."""
    if b.number not in INGANGSDATUM:
        return None
    klasse, pad = INGANGSDATUM[b.number]
    return [date(el, pad) for el in b.all(klasse)]


def oude_lijst_mag(code: str, b: Bericht, keten: Keten | None, aanbieder: str) -> bool:
    """De uitzondering na een herindeling: een oudere CBS-lijst mag, als die actueel was op de ingangsdatum van
    de toewijzing. Draagt het bericht die datum (301, 305, 307, 315), dan moet elk product op zijn ingangsdatum
    onder de code vallen (voor 2014, het begin van de gegevens, is er geen oordeel); met of zonder keten gelijk.
    Draagt het bericht geen ingangsdatum (317, 319, 323, 325), dan geldt met keten een code waaronder deze
    aanbieder al een toewijzing ontving; zonder keten weet alleen de keten dat, dus wordt elke code die op of voor
    de Dagtekening in de CBS-indeling stond niet afgekeurd."""
    data = ingangsdata(b)
    if data is not None:
        return bool(data) and all(gemeenten.geldig_op(code, d) or d < gemeenten.BEGIN_GEGEVENS for d in data)
    if ketenstaat(keten) is not None:
        return any(g == code and a == aanbieder for g, a, _ in keten.toewijzingen.versies)
    return gemeenten.bestond_voor(code, b.dagtekening)


def geldige_code(code: str, b: Bericht, keten: Keten | None, aanbieder: str) -> bool:
    """In de CBS-indeling die actueel is op de Dagtekening, in ``keten.config.gemeentecodes`` (configuratie), of
    onder de uitzondering voor een oudere lijst (``oude_lijst_mag``)."""
    if gemeenten.geldig_op(code, b.dagtekening) or code in config(keten).gemeentecodes:
        return True
    return oude_lijst_mag(code, b, keten, aanbieder)


@regel("TR378", berichten=["301", "305", "307", "315", "317", "319", "323", "325"], retourcode="S300",
       scope="external")
def TR378(b: Bericht, keten: Keten | None):
    """De gemeentecode (Afzender van 301/319/325, Ontvanger van 305/307/315/317/323; in JW319 ook
    Woonplaatsbeginsel/Gemeente) bestaat in de CBS-gemeentelijke indeling die actueel is op de Dagtekening, of
    (na een herindeling) in een oudere lijst die actueel was op de ingangsdatum van de toewijzing
    (``geldige_code``). Woonplaatsbeginsel/Gemeente noemt de gemeente van nu: de indeling op de Dagtekening."""
    gemeente, aanbieder = partijen(b)
    if not geldige_code(gemeente, b, keten, aanbieder):
        veld = "Afzender" if b.model["sent_by"] == "gemeente" else "Ontvanger"
        yield find(b.header, veld), (f"Gemeentecode {gemeente} ({veld}) komt niet voor in de CBS-gemeentelijke "
                                     f"indeling op {_peildatum(b)} (TR378).")
    for el in b.iter("Antwoord/Woonplaatsbeginsel/Gemeente") if b.number == "319" else ():
        if not gemeenten.geldig_op(el.text, b.dagtekening) and el.text not in config(keten).gemeentecodes:
            yield el, (f"Woonplaatsbeginsel/Gemeente {el.text} komt niet voor in de CBS-gemeentelijke indeling op "
                       f"de Dagtekening {b.dagtekening} (TR378).")


def _peildatum(b: Bericht) -> str:
    data = ingangsdata(b)
    if data:
        return f"de Dagtekening {b.dagtekening} noch op de ingangsdatum van elke toewijzing"
    return f"de Dagtekening {b.dagtekening}"


# ---------------------------------------------------------------- TR381

def past_niet(categorie: str, code: str, standaard: str, lijst: dict[str, frozenset[str]] | None) -> str | None:
    """Waarom de productcode niet bij de categorie past volgens de productcodelijst die geldt, of None. Met een
    afgesproken lijst (``KetenConfig.productcodes_voor``) die lijst. Zonder: alleen waar de standaard zelf een
    lijst publiceert, de indeling hulpmiddelen iWmo (categorie 11-13): een code uit die lijst hoort bij zijn eigen
    categorie. Andere codes zonder lijst: geen oordeel (IV075: een gemeente mag een eigen lijst gebruiken)."""
    if lijst is not None:
        return None if code in lijst.get(categorie, ()) else "staat niet bij deze categorie in de productcodelijst"
    if standaard == "iWmo":
        return buiten_hulpmiddelenlijst(categorie, code)
    return None


def buiten_hulpmiddelenlijst(categorie: str, code: str) -> str | None:
    """Tegen de gepubliceerde indeling hulpmiddelen iWmo: een code uit die lijst hoort bij zijn eigen categorie,
    en een code in haar vorm (categorie 11-13, derde teken X, hoofdgroep niet 9 'overig') staat erin."""
    eigen = hulpmiddelen().get(code)
    if eigen is not None and eigen != categorie:
        return f"hoort volgens de indeling hulpmiddelen iWmo bij categorie {eigen}"
    if eigen is None and categorie in HULPMIDDELEN_LIJST and code.startswith(categorie) and code[2:3] == "X" \
            and code[3:4] != "9":
        return "staat niet in de indeling hulpmiddelen iWmo"
    return None


def productregels(b: Bericht) -> Iterator[tuple[str, str, Callable[[], etree._Element]]]:
    """(ProductCategorie, ProductCode, element van de code) per product; in een 323 uit de gedeelde lezing van de
    prestaties (het element pas opgezocht bij een afkeur)."""
    if b.number == "323":  # the columns the single-message rules already read; each pair judged once
        k = kolommen(b)
        for i, (categorie, code) in enumerate(zip(k.cat, k.code, strict=True)):
            yield categorie, code, lambda i=i: k.element(i, "ProductCode")
        return
    klasse, cat_pad, code_pad = PRODUCT_PADEN[b.number]
    for el in b.all(klasse):
        code_el = find(el, code_pad)
        if code_el is not None and (b.number not in ("305", "307") or text(el, "StatusAanlevering") != VERWIJDEREN):
            yield text(el, cat_pad), code_el.text, lambda code_el=code_el: code_el


@regel("TR381", berichten=["301", "305", "307", "315", "317", "323"], retourcode="S329", scope="external")
def TR381(b: Bericht, keten: Keten | None):
    """ProductCode hoort volgens de gehanteerde productcodelijst bij de ProductCategorie (``past_niet``). Een
    start/stop met StatusAanlevering 3 wordt niet inhoudelijk beoordeeld. Geldt er geen lijst (iJw zonder
    afgesproken lijst), dan is er niets te beoordelen."""
    gemeente, aanbieder = partijen(b)
    lijst = config(keten).productcodes_voor(gemeente, aanbieder)
    if lijst is None and b.standard != "iWmo":
        return
    oordeel: dict[tuple[str, str], str | None] = {}
    for categorie, code, element in productregels(b):
        paar = (categorie, code)
        if paar not in oordeel:
            oordeel[paar] = past_niet(categorie, code, b.standard, lijst)
        reden = oordeel[paar]
        if reden:
            yield element(), f"Productcode {code} past niet bij categorie {categorie}: de code {reden} (TR381)."
