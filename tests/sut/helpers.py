"""Shared helpers for the SUT tests: data for the ketenpartner's own messages and reading its verdicts."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt

from lxml import etree

from ketenproef import basis
from ketenproef.bericht import findall, text

VANDAAG = dt.date(2026, 2, 2)
AGB, GEMEENTE, BSN = basis.AGB, basis.GEMEENTE, basis.BSN
BSN2 = "999990032"  # elfproef: 81+72+63+54+45+0+0+6-2 = 319 = 29*11
AFWIJZEND = ("technisch", "xsd", "bericht", "keten")

PRODUCTEN = {"iWmo": [{"Categorie": "02", "Code": "02A16"}, {"Categorie": "02", "Code": "02A17"},
                      {"Categorie": "02", "Code": "02A18"}],
             "iJw": [{"Categorie": "45", "Code": "45A02"}, {"Categorie": "45", "Code": "45A03"},
                     {"Categorie": "45", "Code": "45A04"}]}
EINDE = {"iWmo": "23", "iJw": "34"}


def naam(standaard: str, nummer: str) -> str:
    return ("WMO" if standaard == "iWmo" else "JW") + nummer


def client(bsn: str = BSN, met_contact: bool = True) -> dict:
    data = copy.deepcopy(basis.basis("WMO301")["Client"])
    data.pop("ToegewezenProducten")
    data["Bsn"] = bsn
    if not met_contact:
        data.pop("Contactgegevens")
    return data


def omvang(volume: int = 4, eenheid: str = "04", frequentie: str = "2") -> dict:
    return {"Volume": volume, "Eenheid": eenheid, "Frequentie": frequentie}


def toegewezen(standaard: str, nummer: int, product: int = 0, **extra) -> dict:
    p = {"ToewijzingNummer": nummer, "Product": PRODUCTEN[standaard][product], "Toewijzingsdatum": "2026-01-12",
         "Toewijzingstijd": "10:00:00", "Ingangsdatum": "2026-01-05", "Einddatum": "2026-06-30", "Omvang": omvang()}
    p.update(extra)
    return {k: v for k, v in p.items() if v is not None}


def bericht_301(producten: list[dict], bsn: str = BSN) -> dict:
    return {"Header": {"Ontvanger": AGB}, "Client": {**client(bsn), "ToegewezenProducten": producten}}


def kop(bsn: str = BSN) -> dict:
    c = client(bsn)
    return {k: c[k] for k in ("Bsn", "Geboortedatum", "Geslacht")} | {
        "Naam": {"Geslachtsnaam": c["Naam"]["Geslachtsnaam"], "Voorletters": c["Naam"]["Voorletters"]}}


def aan_gemeente(data: dict) -> dict:
    return {"Header": {"Ontvanger": GEMEENTE}, **data}


def aan_aanbieder(data: dict) -> dict:
    return {"Header": {"Ontvanger": AGB}, **data}


# ---------------------------------------------------------------------------- reading the ketenpartner


def ontvangen(kp, bsn: str = BSN, bericht: str | None = None) -> list[dict]:
    """What the SUT delivered to the ketenpartner in this conversation (oldest first)."""
    return [e for e in kp.log(bsn) if e["richting"] == "in" and (bericht is None or e["message"].endswith(bericht))]


def afwijzend(entry: dict) -> list[dict]:
    return [f for f in entry["bevindingen"] if f.get("level") in AFWIJZEND]


def xml(kp, entry: dict) -> etree._Element:
    return etree.fromstring(kp.fetch(entry["id"]))


def retour_van_partner(kp, entry: dict, bsn: str = BSN) -> dict | None:
    """The ketenpartner's retour (or 325) on a heenbericht the SUT delivered."""
    for e in kp.log(bsn):
        if e["richting"] == "uit" and e["heen_id"] == entry["id"]:
            return e
    return None


def codes(root: etree._Element) -> list[str]:
    return sorted({c.text for c in root.iter("{*}RetourCode")})


def retourcodes(kp, entry: dict, bsn: str = BSN) -> list[str]:
    retour = retour_van_partner(kp, entry, bsn)
    assert retour is not None, f"geen retour op {entry['message']} {entry['identificatie']}"
    return codes(xml(kp, retour))


def oordelen(kp, bsn: str = BSN) -> list[dict]:
    """Verdicts on the SUT's retours (to the ketenpartner's own heenberichten)."""
    return [o for e in kp.log(bsn) if e["richting"] == "in" and e["soort"] == "retour" for o in e["oordelen"]]


def waarden(root: etree._Element, pad: str) -> list[str]:
    return [el.text for el in findall(root, pad)]


def tekst(root: etree._Element, pad: str) -> str | None:
    return text(root, pad)


def alle(root: etree._Element, element: str) -> list[str]:
    """The texts of every element with this local name, in document order."""
    return [el.text for el in root.iter(f"{{*}}{element}")]


@contextlib.contextmanager
def nieuwe_regel(rule_id: str, bericht: str = "305"):
    """A chain rule ``rule_id`` on ``bericht`` registered for the duration of the block (finds nothing), as a
    newly written rule would be; the mutants see it (their cache is cleared before and after)."""
    from ketenproef.rules import registry
    from sut import mutanten

    registry.regel(rule_id, berichten=[bericht], retourcode="9" + rule_id[-3:], scope="chain")(lambda b, keten: [])
    mutanten._regels_per_rol.cache_clear()
    try:
        yield
    finally:
        registry._RULES.pop(rule_id)
        mutanten._regels_per_rol.cache_clear()
