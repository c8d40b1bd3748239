"""Write docs/VERZENDREGELS.md: the rules a sending system must keep itself (it refuses the action and sends
nothing), generated from the feature files and the rule register, plus the OP288 mapping RedenWijziging ->
RedenBeeindiging from the codelists.

Source of the first list: every step "Dan gaat het bericht niet door: de <verzender> stuurt het niet of de
<ontvanger> keurt het af met "<code>" op "<klasse>"" in features/*.feature (also in an example row); the rule is
the tag of that scenario whose register retourcode is that code. The message follows from the rule's berichten,
the messages the sender sends, the scenario's message tags and the berichtklasse. The second list: every other
rule of the register with a retourcode that the receiver checks on a message the sender sends (chain and external
rules). ``tests/unit/test_verzendregels.py`` regenerates the page and compares.

    .venv/bin/python tools/verzendregels.py [--check]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ketenproef import corpus

ROOT = Path(__file__).resolve().parents[1]
FEATURES = ROOT / "features"
DOC = ROOT / "docs" / "VERZENDREGELS.md"
NIET_DOOR = re.compile(r'gaat het bericht niet door: de (aanbieder|gemeente) stuurt het niet of de '
                       r'(?:gemeente|aanbieder) keurt het af met "([^"]+)" op "([^"]+)"')
BERICHTTAG = re.compile(r"^(WMO|JW)(\d{3})$")
ROLLEN = ("aanbieder", "gemeente")
CODELIJST = {"iWmo": ("WMO002", "matching_reden_beeindiging_WMO588"),
             "iJw": ("JZ002", "matching_reden_beeindiging_JZ588")}


@dataclass(frozen=True)
class Weigering:
    """One "gaat het bericht niet door" outcome in a feature file."""

    verzender: str
    code: str
    klasse: str
    regel: str  # rule id
    bericht: str  # message number, e.g. "323"
    feature: str
    titel: str  # the Regel: line of the feature (Dutch)
    regelnummer: int


def ontvanger(verzender: str) -> str:
    return "gemeente" if verzender == "aanbieder" else "aanbieder"


def verstuurd_door(rol: str) -> list[str]:
    """Numbers of the heenberichten a role sends (iWmo models; iJw has the same numbers)."""
    out = []
    for naam in corpus.message_names():
        model = corpus.message_model(naam)
        if naam.startswith("WMO") and model["kind"] == "heen" and model["sent_by"] == rol:
            out.append(naam[3:])
    return out


def klassen(nummer: str) -> set[str]:
    return {k["class"] for naam in (f"WMO{nummer}", f"JW{nummer}")
            for k in corpus.message_model(naam)["berichtklassen"]}


def bericht_van(regel: dict, verzender: str, klasse: str, tags: list[str], waar: str) -> str:
    kandidaten = [b for b in regel["berichten"] if b in verstuurd_door(verzender)]
    getagd = {m.group(2) for t in tags if (m := BERICHTTAG.match(t))}
    if len(kandidaten) > 1 and getagd & set(kandidaten):
        kandidaten = [b for b in kandidaten if b in getagd]
    if len(kandidaten) > 1:
        kandidaten = [b for b in kandidaten if klasse in klassen(b)]
    if len(kandidaten) != 1:
        raise ValueError(f"{waar}: bericht van {regel['id']} ({verzender}, {klasse}) niet eenduidig: {kandidaten}")
    return kandidaten[0]


def met_code(niveaus: list[list[str]], code: str, register: dict) -> list[str]:
    """The tagged rules with retourcode ``code``, from the most specific level on (the scenario with its example row,
    then the Regel, then the Functionaliteit): a rule on the Regel decides over a Functionaliteit tag with the same
    code (e.g. a 0001 rule of one Regel in a feature whose Functionaliteit names another 0001 rule)."""
    for tags in niveaus:
        ids = sorted({t for t in tags if t in register and register[t]["retourcode"] == code})
        if ids:
            return ids
    return []


def weigeringen(features: Path = FEATURES) -> list[Weigering]:
    """Every "gaat het bericht niet door" in the feature files, with its rule and message."""
    register = corpus.rule_register()
    out = []
    for pad in sorted(features.glob("*.feature")):
        open_tags: list[str] = []
        functionaliteit: list[str] = []
        regel_tags: list[str] = []
        scenario: list[str] = []
        voorbeelden: list[str] = []
        titel = ""
        for n, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1):
            s = regel.strip()
            if s.startswith("@"):
                open_tags += [t[1:] for t in s.split()]
                continue
            if s.startswith("Functionaliteit:"):
                functionaliteit, open_tags = open_tags, []
            elif s.startswith("Regel:"):
                regel_tags, scenario, voorbeelden, open_tags = open_tags, [], [], []
                titel = s.removeprefix("Regel:").strip()
            elif s.startswith(("Scenario:", "Abstract Scenario:", "Achtergrond:")):
                scenario, voorbeelden, open_tags = open_tags, [], []
            elif s.startswith("Voorbeelden:"):
                voorbeelden, open_tags = open_tags, []
            m = NIET_DOOR.search(s)
            if not m:
                continue
            verzender, code, klasse = m.groups()
            eigen = scenario + (voorbeelden if s.startswith("|") else [])
            tags = functionaliteit + regel_tags + eigen
            waar = f"{pad.name}:{n}"
            ids = met_code([eigen, regel_tags, functionaliteit], code, register)
            if len(ids) != 1:
                raise ValueError(f"{waar}: retourcode {code} past bij {ids or 'geen'} van de tags {tags}")
            bericht = bericht_van(register[ids[0]], verzender, klasse, tags, waar)
            out.append(Weigering(verzender, code, klasse, ids[0], bericht, pad.name, titel, n))
    return out


def berichtnaam(nummer: str) -> str:
    wmo = corpus.message_model(f"WMO{nummer}")["title_nl"]
    jw = corpus.message_model(f"JW{nummer}")["title_nl"]
    return f"{nummer}: WMO{nummer} {wmo} / JW{nummer} {jw}"


def cel(tekst: str) -> str:
    return tekst.replace("|", "\\|").replace("\n", " ")


def standaarden(regel: dict) -> str:
    return " en ".join(regel["standaarden"])


def reden_beeindiging() -> list[tuple[str, str, str, str]]:
    """(RedenWijziging, omschrijving, RedenBeeindiging iWmo, iJw) for every RedenWijziging with a matching
    RedenBeeindiging in either standard (OP288)."""
    per_code: dict[str, dict] = {}
    for std, (lijst, kolom) in CODELIJST.items():
        for code in corpus.codelists()[lijst]["codes"]:
            match = (code.get("extra") or {}).get(kolom)
            rij = per_code.setdefault(code["code"], {"omschrijving": code["omschrijving"]})
            rij[std] = match if match and match != "nvt" else None
    return [(code, rij["omschrijving"], rij.get("iWmo") or "-", rij.get("iJw") or "-")
            for code, rij in sorted(per_code.items()) if rij.get("iWmo") or rij.get("iJw")]


def zonder_koppeling() -> list[str]:
    """RedenWijziging codes with no matching RedenBeeindiging in either standard."""
    met = {code for code, *_ in reden_beeindiging()}
    return sorted({c["code"] for std, (lijst, _) in CODELIJST.items() for c in corpus.codelists()[lijst]["codes"]}
                  - met)


def pagina(lijst: list[Weigering] | None = None) -> str:
    lijst = weigeringen() if lijst is None else lijst
    register = corpus.rule_register()
    regels = [
        "# Verzendregels: wat een systeem zelf niet verstuurt",
        "",
        "<!-- Gegenereerd door tools/verzendregels.py uit features/*.feature, corpus/regels/register.json en de "
        "codelijsten; niet met de hand wijzigen. tests/unit/test_verzendregels.py controleert dat deze pagina "
        "actueel is. -->",
        "",
        "Een bericht dat een regel van de standaard breekt, hoort niet de deur uit te gaan. Bij de regels hieronder "
        "verwacht de suite: \"Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt "
        "het af met ...\" (zie [SUITE.md](SUITE.md), \"Wat niet mag\"). Is uw systeem de **verzender**, dan "
        "weigert het de opdracht: de trigger geeft een fout (HTTP 4xx/5xx, exitcode ongelijk aan 0, of "
        "`mislukt <reden>`) en er gaat niets naar de ketenpartner (zie [SUT-TRIGGERS.md](SUT-TRIGGERS.md), "
        "\"Weigeren\"). Een systeem dat zo'n bericht toch stuurt, faalt op het scenario, ook als de ketenpartner "
        "het netjes afkeurt. Is uw systeem de **ontvanger**, dan keurt het af met precies die retourcode op "
        "die berichtklasse (voorbeelden van afkeurende retourberichten: [RETOUREN.md](RETOUREN.md)).",
        "",
        "Daarnaast geldt voor elk bericht: het voldoet aan het XSD en aan alle regels binnen het bericht "
        "(controleniveau 1 en 2, retourcode 0001); `ketenproef validate BESTAND` toetst ze. De tekst van de "
        "controle komt uit het regelregister (`corpus/regels/register.json`, Engelstalig); de omschrijving is de "
        "`Regel:` uit de feature.",
        "",
    ]
    for rol in ROLLEN:
        eigen = [w for w in lijst if w.verzender == rol]
        regels += [f"## De {rol} verstuurt niet", ""]
        ids = sorted({w.regel for w in eigen})
        regels += [f"{len(ids)} regels: {', '.join(ids)}.", ""]
        for nummer in sorted({w.bericht for w in eigen}):
            regels += [f"### {berichtnaam(nummer)}", "",
                       "| Regel | Retourcode | Berichtklasse | Standaard | Scenario's (feature: Regel) | "
                       "Controle (register) |", "|---|---|---|---|---|---|"]
            per_regel: dict[tuple[str, str, str], list[Weigering]] = {}
            for w in eigen:
                if w.bericht == nummer:
                    per_regel.setdefault((w.regel, w.code, w.klasse), []).append(w)
            for (rid, code, klasse), ws in sorted(per_regel.items()):
                bronnen = sorted({f"{w.feature}: {w.titel}" for w in ws})
                regels.append(f"| {rid} | {code} | {klasse} | {standaarden(register[rid])} | "
                              f"{cel('<br>'.join(bronnen))} | {cel(register[rid]['controle'])} |")
            regels.append("")
    regels += [
        "## Ook getoetst door de ontvanger",
        "",
        "Regels over de keten (eerdere berichten) of een externe bron die de ontvanger toetst op een bericht dat "
        "de verzender stuurt, en die hierboven niet staan (de suite toetst ze aan de kant van de ontvanger, of "
        "het systeem komt er met de gewone opdrachten niet aan toe). Ook deze berichten horen niet de deur uit te "
        "gaan.",
        "",
        "| Verzender | Bericht | Regel | Retourcode | Standaard | Controle (register) |",
        "|---|---|---|---|---|---|",
    ]
    al = {(w.verzender, w.bericht, w.regel) for w in lijst}
    for rol in ROLLEN:
        for nummer in verstuurd_door(rol):
            for rid, r in sorted(register.items()):
                if (r["retourcode"] and r["scope"] in ("chain", "external") and nummer in r["berichten"]
                        and ontvanger(rol) in r["controleur"] and (rol, nummer, rid) not in al):
                    regels.append(f"| {rol} | {nummer} | {rid} | {r['retourcode']} | {standaarden(r)} | "
                                  f"{cel(r['controle'])} |")
    regels += [
        "",
        "## Reden beëindiging na een intrekking (OP288)",
        "",
        "Trekt de gemeente een toewijzing in (een 301 met een eerdere Einddatum en een RedenWijziging), dan stuurt "
        "de aanbieder een Stop zorg (307) per de Einddatum van de toewijzing, met de RedenBeeindiging die bij de "
        "RedenWijziging hoort. Het aanbiedersysteem doet dat uit zichzelf wanneer het zijn post verwerkt "
        "(`verwerk_postbus`) na die Einddatum. De koppeling komt uit de codelijsten (WMO002 -> WMO588, "
        "JZ002 -> JZ588); `features/administratief_afsluiten.feature` toetst haar. Een stop volgt alleen voor een "
        "levering die nog loopt (een start zonder definitieve stop): trekt de gemeente in met 12 nadat de "
        "aanbieder definitief stopte, dan volgt geen nieuwe stop; eindigt een toewijzing met 12 doordat de "
        "gemeente een verzoek om wijziging honoreerde (IV093), dan stopt de aanbieder de lopende levering met 37. "
        f"Zonder koppeling, dus zonder stop: RedenWijziging {', '.join(zonder_koppeling())}.",
        "",
        "| RedenWijziging | Omschrijving | RedenBeeindiging iWmo | RedenBeeindiging iJw |",
        "|---|---|---|---|",
    ]
    for code, omschrijving, wmo, jw in reden_beeindiging():
        regels.append(f"| {code} | {cel(omschrijving)} | {wmo} | {jw} |")
    regels.append("")
    return "\n".join(regels)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="alleen vergelijken (exit 1 als de pagina verouderd is)")
    args = parser.parse_args()
    tekst = pagina()
    if args.check:
        actueel = DOC.exists() and DOC.read_text(encoding="utf-8") == tekst
        print("actueel" if actueel else f"verouderd: {DOC.relative_to(ROOT)}")
        return 0 if actueel else 1
    DOC.write_text(tekst, encoding="utf-8")
    print(f"{DOC.relative_to(ROOT)} geschreven")
    return 0


if __name__ == "__main__":
    sys.exit(main())
