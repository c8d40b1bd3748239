"""Writes the two generated feature files from the corpus (run ``python -m suite.genereer``; a test checks they
are up to date):

- ``technische_afkeur.feature``: every corpus example the ketenpartner can deliver (``ketenproef.examples``):
  the system must answer it exactly as a correct receiver (0001 in the Header for a broken single-message rule,
  no retour at all for an XSD error), one Voorbeelden block per example, tagged with its rules;
- ``berichtregels.feature``: per message the system sends in its role, a correct message must pass every
  single-message rule of the register for that message (tagged with those rules).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ketenproef import corpus
from ketenproef.examples import examples

FEATURES = Path(__file__).resolve().parent.parent / "features"
KAN_STUREN = {"301": "aanbieder", "319": "aanbieder", "305": "gemeente", "307": "gemeente", "315": "gemeente",
              "317": "gemeente", "323": "gemeente"}  # message the ketenpartner sends -> role of the receiving SUT
XSD_NIVEAU = {"XSD", "XML", "IDENT", "OP192"}
PREFIX = {"iWmo": "WMO", "iJw": "JW"}
STANDAARD_TAG = {"iWmo": "iwmo", "iJw": "ijw"}
# What the system sends in its role: heenberichten, and the retour it gives on the ketenpartner's heenbericht.
VERSTUURT = {"aanbieder": ("305", "307", "315", "317", "323", "302", "320"),
             "gemeente": ("301", "319", "306", "308", "316", "318", "325")}
KOP = "# language: nl\n# GEGENEREERD door `python -m suite.genereer` uit het corpus; niet met de hand bewerken.\n"


def _standaard(naam: str) -> str:
    return "iWmo" if naam.startswith("WMO") else "iJw"


def technische_afkeur() -> str:
    blokken, overgeslagen, letterlijk = [], [], []
    for ex in examples():
        rel = ex.path.relative_to(corpus.corpus_dir() / "voorbeelden").as_posix()
        if not ex.message:
            letterlijk.append(_letterlijk_blok(ex, rel))
            continue
        rol = KAN_STUREN.get(ex.message[-3:])
        if rol is None:
            overgeslagen.append(f"#   {rel}: {ex.message}")
            continue
        std = _standaard(ex.message)
        verwachting = _verwachting(ex)
        labels = " ".join(f"@{t}" for t in [f"rol-{rol}", STANDAARD_TAG[std], ex.message, *sorted(ex.rules)]
                          if t not in XSD_NIVEAU)
        naam = f"{ex.path.stem} ({', '.join(sorted(ex.rules)) or 'geldig'})"
        blokken.append(f"      {labels}\n      Voorbeelden: {naam}\n"
                       f"        | voorbeeld | datum | verwachting |\n"
                       f"        | {rel} | {ex.datum} | {verwachting} |\n")
    uitleg = "\n".join(overgeslagen) or "#   (geen)"
    return (KOP + "# Niet door de ketenpartner af te leveren (een bericht dat alleen het systeem zelf verstuurt):\n"
            + uitleg + "\n"
            "@release-3.2 @technische-afkeur @IV028 @IV032 @OP047 @OP286\n"
            "Functionaliteit: Retourberichten en technische afkeur\n"
            "  De ketenpartner levert elk voorbeeldbericht uit het corpus af, met de partijen en de client van het\n"
            "  scenario. Het systeem moet het beantwoorden zoals een correcte ontvanger: bij een geschonden regel\n"
            "  binnen het bericht retourcode 0001 in de Header, bij een XSD-fout geen retourbericht, en een geldig\n"
            "  voorbeeld zonder technische afkeur.\n\n"
            "  Regel: Een bericht wordt beoordeeld zoals de standaard het voorschrijft\n\n"
            "    Abstract Scenario: De ketenpartner levert het voorbeeld <voorbeeld> af\n"
            "      Gegeven het is \"<datum>\"\n"
            "      Als de ketenpartner het corpusvoorbeeld \"<voorbeeld>\" aflevert\n"
            "      Dan beantwoordt het systeem het bericht zoals een correcte ontvanger dat doet\n"
            "      En <verwachting>\n\n" + "\n".join(blokken) + "\n"
            + LETTERLIJK
            + "\n".join(letterlijk))


LETTERLIJK = """\
  Regel: Een bericht dat niet te lezen of niet te herkennen is, krijgt geen retourbericht en laat niets na
    De ketenpartner levert de bytes van het voorbeeld letterlijk af (een BOM, Latin-1, afgebroken XML,
    een entiteitenbom, een externe entiteit, een andere release of namespace). Het systeem weigert het
    buiten het berichtenverkeer om, haalt niets van buiten op, en verwerkt het volgende gewone bericht
    zoals een correcte ontvanger.

    Abstract Scenario: De ketenpartner levert het voorbeeld <voorbeeld> letterlijk af
      Gegeven het is "<datum>"
      Als de ketenpartner het corpusvoorbeeld "<voorbeeld>" letterlijk aflevert
      Dan stuurt het systeem geen retourbericht
      En verwerkt het systeem daarna een gewoon bericht van de ketenpartner zoals een correcte ontvanger

"""
GEEN_REGEL = {"XSD", "XML", "IDENT"}  # labels in the manifests that are no rule of the register


def _letterlijk_blok(ex, rel: str) -> str:
    """A Voorbeelden block for an example that is no readable message: both roles, the standard its name shows."""
    std = "iJw" if "_JW" in ex.path.stem else "iWmo"
    labels = " ".join(f"@{t}" for t in [STANDAARD_TAG[std], *sorted(ex.rules)] if t not in GEEN_REGEL)
    return (f"      {labels}\n      Voorbeelden: {ex.path.stem} ({', '.join(sorted(ex.rules))}, letterlijk)\n"
            f"        | voorbeeld | datum |\n        | {rel} | {ex.datum} |\n")


def _verwachting(ex) -> str:
    """What a correct receiver does with the example: the Dan step of its row."""
    register = corpus.rule_register()
    codes = {register[r]["retourcode"] for r in ex.rules if r in register} - {None}
    if ex.valid or (not codes and not ex.rules & XSD_NIVEAU):
        return "bevat zijn retour geen technische afkeur"
    if ex.rules & XSD_NIVEAU:
        return "stuurt het systeem geen retourbericht"
    if codes == {"0001"}:
        return 'keurt de ontvanger het bericht af met retourcode "0001" op "Header"'
    if len(codes) == 1:
        return f'keurt de ontvanger het bericht af met retourcode "{codes.pop()}"'
    return "keurt de ontvanger het bericht af"


def regels_voor(nummer: str, standaard: str) -> list[str]:
    """Single-message rules of the register for this message and standard."""
    return sorted(r["id"] for r in corpus.rule_register().values()
                  if r["scope"] == "single" and standaard in r["standaarden"]
                  and (nummer in r["berichten"] or ("retour" in r["berichten"] and nummer in _RETOUREN)))


_RETOUREN = {"302", "306", "308", "316", "318", "320"}


def berichtregels() -> str:
    blokken = []
    for rol, nummers in VERSTUURT.items():
        for nummer in nummers:
            for std in ("iWmo", "iJw"):
                regels = regels_voor(nummer, std)
                labels = " ".join(f"@{t}" for t in [f"rol-{rol}", STANDAARD_TAG[std], PREFIX[std] + nummer, *regels])
                blokken.append(f"      {labels}\n      Voorbeelden: {PREFIX[std]}{nummer} van een {rol}\n"
                               f"        | bericht | standaard | rol |\n        | {nummer} | {std} | {rol} |\n")
    return (KOP + "@release-3.2\n"
            "Functionaliteit: Berichten volgens de regels\n"
            "  Elk bericht dat het systeem in zijn rol verstuurt, in een gewoon verloop, voldoet aan de XSD en\n"
            "  aan elke regel die binnen een bericht te controleren is; de ketenpartner beoordeelt het als\n"
            "  ontvanger. Voor een retourbericht (302 ... 325) beoordeelt hij of het systeem precies antwoordt\n"
            "  zoals een correcte ontvanger. Elk voorbeeldblok draagt de regels van het register die voor dat\n"
            "  bericht gelden.\n\n"
            "  Regel: Een correct systeem verstuurt alleen berichten die aan de regels voldoen\n\n"
            "    Abstract Scenario: Het systeem verstuurt een correct bericht <bericht>\n"
            "      Gegeven het is \"2026-01-12\"\n"
            "      Als het systeem in een gewoon verloop een bericht <bericht> verstuurt\n"
            "      Dan keurt de ontvanger het bericht niet af\n\n" + "\n".join(blokken))


BESTANDEN = {"technische_afkeur.feature": technische_afkeur, "berichtregels.feature": berichtregels}


def main(argv: list[str] | None = None) -> int:
    """Write (or with --controleer: only compare) the generated feature files; 1 when one is out of date."""
    controleer = "--controleer" in (argv or sys.argv[1:])
    verouderd = []
    for naam, maak in BESTANDEN.items():
        pad, tekst = FEATURES / naam, maak()
        if not pad.exists() or pad.read_text(encoding="utf-8") != tekst:
            verouderd.append(naam)
            if not controleer:
                pad.write_text(tekst, encoding="utf-8")
    for naam in verouderd:
        print(f"{'verouderd' if controleer else 'geschreven'}: features/{naam}")
    return 1 if controleer and verouderd else 0


if __name__ == "__main__":
    sys.exit(main())
