"""Header- en externe-bronregels voor alle berichten: TR056 (unieke BerichtIdentificatie), TR135 (Dagtekening
niet na de systeemdatum), TR378 (bestaande CBS-gemeentecode) en TR381 (productcode past bij de categorie).

TR135, TR378 en TR381 zijn in het register "external" (controleniveau 4, externe bron). De registry draait in de
ketenfase alleen scope "chain", dus zijn ze met scope="chain" geregistreerd: ze lopen alleen als ``validate`` een
keten krijgt, en lezen de externe gegevens uit ``keten.config`` (KetenConfig), de meegeleverde codelijsten en de
klok van het bericht (``b.clock``, de systeemdatum van de ontvanger).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from lxml import etree

from ketenproef import corpus
from ketenproef.bericht import Bericht, date, find, text
from ketenproef.keten import Keten, partijen
from ketenproef.rules.registry import regel

HULPMIDDELEN_LIJST = frozenset({"11", "12", "13"})  # categorieen van de gepubliceerde indeling hulpmiddelen (iWmo)
PRODUCT_PADEN = {"301": ("ToegewezenProduct", "Product/Categorie", "Product/Code"),
                 "305": ("StartProduct", "Product/Categorie", "Product/Code"),
                 "307": ("StopProduct", "Product/Categorie", "Product/Code"),
                 "315": ("AangevraagdProduct", "Product/Categorie", "Product/Code"),
                 "317": ("NieuwProduct", "Product/Categorie", "Product/Code"),
                 "323": ("Prestatie", "ProductCategorie", "ProductCode")}
VERWIJDEREN = "3"


@cache
def cbs_codes() -> frozenset[str]:
    return corpus.codes("CBS-GEMEENTE")


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
def TR135(b: Bericht, keten: Keten):
    """Dagtekening (in een 325 ook DeclaratieIdentificatie/Dagtekening) ligt niet na de systeemdatum van de
    ontvanger (``b.clock.today()``). Externe bron; draait in de ketenfase."""
    vandaag = b.clock.today()
    for pad in ("BerichtIdentificatie/Dagtekening", "DeclaratieIdentificatie/Dagtekening"):
        el = find(b.header, pad)
        if el is not None and date(b.header, pad) > vandaag:
            yield el, f"{pad} {el.text} ligt na de systeemdatum {vandaag} van de ontvanger (TR135)."


# ---------------------------------------------------------------- TR378

def geldige_code(code: str, keten: Keten, aanbieder: str) -> bool:
    """In de CBS-lijst, in ``keten.config.gemeentecodes`` (bv. oude codes na een herindeling), of een code waaronder
    deze aanbieder al een toewijzing ontving: die code was actueel op de Ingangsdatum van die toewijzing, en na
    een herindeling mag de oude lijst voor die toewijzingen blijven gelden."""
    if code in cbs_codes() or code in keten.config.gemeentecodes:
        return True
    return any(g == code and a == aanbieder for g, a, _ in keten.toewijzingen.versies)


@regel("TR378", berichten=["301", "305", "307", "315", "317", "319", "323", "325"], retourcode="S300",
       scope="external")
def TR378(b: Bericht, keten: Keten):
    """De gemeentecode (Afzender van 301/319/325, Ontvanger van 305/307/315/317/323; in JW319 ook
    Woonplaatsbeginsel/Gemeente) bestaat in de CBS-gemeentelijke indeling. Na een herindeling blijven oude codes
    geldig voor toewijzingen die ze al droegen, en codes uit ``keten.config.gemeentecodes``. Externe bron."""
    gemeente, aanbieder = partijen(b)
    if not geldige_code(gemeente, keten, aanbieder):
        veld = "Afzender" if b.model["sent_by"] == "gemeente" else "Ontvanger"
        yield find(b.header, veld), (f"Gemeentecode {gemeente} ({veld}) komt niet voor in de CBS-gemeentelijke "
                                     f"indeling (TR378).")
    for el in b.iter("Antwoord/Woonplaatsbeginsel/Gemeente") if b.number == "319" else ():
        if el.text not in cbs_codes() and el.text not in keten.config.gemeentecodes:
            yield el, (f"Woonplaatsbeginsel/Gemeente {el.text} komt niet voor in de CBS-gemeentelijke indeling "
                       f"(TR378).")


# ---------------------------------------------------------------- TR381

def past_niet(categorie: str, code: str, standaard: str, keten: Keten) -> str | None:
    """Waarom de productcode niet bij de categorie past, of None. Met ``keten.config.productcodes`` de afgesproken
    lijst; zonder die lijst alleen wat zeker is: een productcode begint met zijn categorie (landelijke lijst,
    regionale lijsten en de indeling hulpmiddelen), en in iWmo staat een code volgens de indeling hulpmiddelen
    (categorie 11-13, derde teken X, hoofdgroep niet 9 'overig') in die gepubliceerde lijst."""
    lijst = keten.config.productcodes
    if lijst is not None:
        return None if code in lijst.get(categorie, ()) else "staat niet bij deze categorie in de productcodelijst"
    if not code.startswith(categorie):
        return f"begint niet met de categorie {categorie}"
    if (standaard == "iWmo" and categorie in HULPMIDDELEN_LIJST and code[2:3] == "X" and code[3:4] != "9"
            and code not in hulpmiddelen()):
        return "staat niet in de indeling hulpmiddelen iWmo"
    return None


def productregels(b: Bericht) -> Iterator[tuple[etree._Element, str, str, etree._Element]]:
    klasse, cat_pad, code_pad = PRODUCT_PADEN[b.number]
    for el in b.all(klasse):
        code_el = find(el, code_pad)
        if code_el is not None and (b.number not in ("305", "307") or text(el, "StatusAanlevering") != VERWIJDEREN):
            yield el, text(el, cat_pad), code_el.text, code_el


@regel("TR381", berichten=["301", "305", "307", "315", "317", "323"], retourcode="S329", scope="external")
def TR381(b: Bericht, keten: Keten):
    """ProductCode hoort volgens de gebruikte productcodelijst bij de ProductCategorie (``past_niet``). Een
    start/stop met StatusAanlevering 3 wordt niet inhoudelijk beoordeeld. Externe bron."""
    for _, categorie, code, code_el in productregels(b):
        reden = past_niet(categorie, code, b.standard, keten)
        if reden:
            yield code_el, f"Productcode {code} past niet bij categorie {categorie}: de code {reden} (TR381)."
