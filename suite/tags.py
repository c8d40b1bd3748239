"""Tags of the feature files: which exist (registered as pytest markers, so ``--strict-markers`` holds), what
they mean (standard, role, message, rule) and where a rule's page in the informatiemodel is."""

from __future__ import annotations

import re
from functools import cache

from ketenproef import corpus

STANDAARDEN = {"iwmo": "iWmo", "ijw": "iJw"}
ROLLEN = ("aanbieder", "gemeente")
RELEASE = "release-3.2"
# Tags that are not rule ids or message names; each with the description shown by ``pytest --markers``.
VASTE_TAGS = {
    "iwmo": "scenario voor iWmo 3.2",
    "ijw": "scenario voor iJw 3.2",
    RELEASE: "scenario voor release 3.2 van de iStandaarden",
    "rol-aanbieder": "het systeem onder test is een aanbiedersysteem",
    "rol-gemeente": "het systeem onder test is een gemeentesysteem",
    "casus": "een uitgewerkte casus uit het webinar van het Zorginstituut (Noor, Geertje)",
    "technische-afkeur": "gegenereerd uit de _fail-voorbeelden van het corpus",
    "tegenpartij-fout": "de ketenpartner misdraagt zich opzettelijk (foutencatalogus)",
    "tijdigheid": "termijnen (werkdagen) van regieberichten",
    "traag": "scenario dat bewust op een deadline wacht",
}
# Known gaps outside the suite: scenarios with such a tag are expected to fail (xfail, not strict) until fixed.
BEKENDE_GEBREKEN = {
    "gebrek-ketenpartner-325": "de ketenpartner past declaratie-antwoorden (325) niet toe op zijn Keten, dus kent "
                               "hij geen goedgekeurde prestaties (TR323, TR389, TR390, TR385 oordelen verkeerd)",
}
VASTE_TAGS.update({k: f"bekend gebrek: {v}" for k, v in BEKENDE_GEBREKEN.items()})
SOORT_URL = {"technische_regel": "technische-regel", "bedrijfsregel": "bedrijfsregel", "conditie": "conditie",
             "constraint": "constraint", "invulinstructie": "invulinstructie", "restrictie": "restrictie",
             "uitgangspunt": "uitgangspunt"}
INFORMATIEMODEL = "https://informatiemodel.istandaarden.nl/informatiemodel/{std}/3.2/regels/{kind}/{id}/"
_BERICHT = re.compile(r"^(WMO|JW)(\d{3})$")


@cache
def berichtnamen() -> tuple[str, ...]:
    return corpus.message_names()


@cache
def regel_ids() -> frozenset[str]:
    return frozenset(corpus.rule_register())


def alle_markers() -> dict[str, str]:
    """Every tag a feature file may carry, with its description."""
    out = dict(VASTE_TAGS)
    for naam in berichtnamen():
        out[naam] = f"bericht {naam}"
    for rule_id, rule in corpus.rule_register().items():
        out[rule_id] = f"{rule['soort']} {rule_id}: {rule['titel']}"
    return out


def regels_in(tags) -> list[str]:
    ids = regel_ids()
    return sorted(t for t in tags if t in ids)


def berichten_in(tags) -> list[str]:
    return sorted(t for t in tags if _BERICHT.match(t))


def standaard_in(tags) -> str | None:
    found = [STANDAARDEN[t] for t in tags if t in STANDAARDEN]
    return found[0] if len(found) == 1 else None


def rol_in(tags) -> str | None:
    found = [t.split("-", 1)[1] for t in tags if t.startswith("rol-")]
    return found[0] if len(found) == 1 else None


def regel_url(rule_id: str, standaard: str = "iWmo") -> str:
    """The rule's page in the informatiemodel (iJw-only rules always link to iJw)."""
    rule = corpus.rule_register()[rule_id]
    if standaard not in rule["standaarden"]:
        standaard = rule["standaarden"][0]
    kind = SOORT_URL.get(rule["soort"], rule["soort"].replace("_", "-"))
    return INFORMATIEMODEL.format(std=standaard.lower(), kind=kind, id=rule_id.lower())
