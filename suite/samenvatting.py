"""The closing summary of ``ketenproef run``: the verdict per system, the failed rules with their retourcode, a few
failing scenarios and the first line of the failure, and a best guess of the root cause when one defect fails
many scenarios. Compact (about 40 lines at most, whatever broke) and free of pytest internals: the full detail is
in the report folder, and the summary says where.

The root cause: for every failing scenario run, the first check that failed is the first rule the failure's text
names (the ketenpartner's judgement, "TR063 [9063] ..."), else the scenario's own rule whose retourcode it names,
else the failing step. The check that failed first in most of them is the likely cause.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ketenproef import corpus
from suite import tags

REGEL_ID = re.compile(r"\b[A-Z]{2}\d{3}(?:x\d+)?\b")
RETOURCODE = re.compile(r"\b\d{4}\b")
TOON_REGELS = 6  # failed rules shown with their scenarios and failure text
TOON_SCENARIOS = 2  # scenario names per shown rule, then "en N meer"
TOON_IDS = 12  # ids of the other failed rules, then "en N meer"
TOON_OORZAKEN = 3  # lines for rules that failed because another rule failed first
TOON_REDENEN = 3  # lines for the reasons scenario runs were skipped ("niet uitgevoerd: ...")
MELDING_LENGTE = 180
NAAM_LENGTE = 80
OORDEEL = {0: "voldoet", 1: "VOLDOET NIET", 5: "geen scenario's van toepassing",
           -1: "NIET UITGEVOERD (geen enkel scenario kon worden uitgevoerd)"}


def regels(codes: dict[str, int], rapport: Path, matrix: dict | None, resultaten: list[dict]) -> list[str]:
    """The summary as lines of text."""
    uit = ["", "Samenvatting"]
    uit += [_systeem(spec, code, [r for r in resultaten if (r.get("sut") or spec) == spec])
            for spec, code in codes.items()]
    if matrix:
        uit.append("  regels: " + ", ".join(f"{n} {oordeel}" for oordeel, n in _regeltelling(matrix).items()))
    uit += _overgeslagen(resultaten)
    gefaald = [r for r in resultaten if r.get("uitkomst") == "failed"]
    if gefaald:
        uit += Mislukkingen(gefaald, meerdere=len(codes) > 1).regels()
    uit += _bewijs(rapport)
    return uit


def resultaten(rapport: Path) -> list[dict]:
    """The result records of every system of the run (``resultaten/*.json``, written by ``suite.plugin``)."""
    return [record for pad in sorted((rapport / "resultaten").glob("*.json"))
            for record in json.loads(pad.read_text(encoding="utf-8"))["resultaten"]]


def oorzaak(record: dict, register: dict) -> str:
    """The first check that failed in a scenario run: a rule id, else ``stap: <step>``."""
    melding = record.get("melding") or ""
    genoemd = [r for r in REGEL_ID.findall(melding) if r in register]
    if genoemd:
        return genoemd[0]
    codes = set(RETOURCODE.findall(melding))
    eigen = [r for r in tags.regels_in(record.get("tags", [])) if register[r].get("retourcode") in codes]
    if eigen:
        return eigen[0]
    return f"stap: {record.get('stap') or '?'}"


def waarschijnlijke_oorzaak(oorzaken: list[str]) -> tuple[str, int] | None:
    """The check that failed first in most failing scenario runs, when one defect explains at least half of
    three or more failures; else None."""
    if len(oorzaken) < 3:
        return None
    (wat, aantal), = Counter(oorzaken).most_common(1)
    return (wat, aantal) if aantal * 2 >= len(oorzaken) else None


class Mislukkingen:
    """The failed scenario runs of a run: their first failed checks, the likely cause and the failed rules."""

    def __init__(self, gefaald: list[dict], meerdere: bool, register: dict | None = None) -> None:
        self.register = register if register is not None else corpus.rule_register()
        self.gefaald = sorted(gefaald, key=_sorteer)
        self.meerdere = meerdere
        self.oorzaak = {_sleutel(r): oorzaak(r, self.register) for r in self.gefaald}
        self.gok = waarschijnlijke_oorzaak(list(self.oorzaak.values()))
        self.gok_id = self.gok[0] if self.gok else None
        self.per_regel: dict[str, list[dict]] = {}
        for record in self.gefaald:
            for regel in tags.regels_in(record.get("tags", [])):
                self.per_regel.setdefault(regel, []).append(record)

    def regels(self) -> list[str]:
        return self.hoofdoorzaak() + self.gefaalde_regels()

    def hoofdoorzaak(self) -> list[str]:
        if self.gok is None:
            return []
        wat, aantal = self.gok
        voorbeeld = next(r for r in self.gefaald if self.oorzaak[_sleutel(r)] == wat)
        return ["", f"  waarschijnlijke oorzaak: {self.noem(wat)} - faalde als eerste controle in {aantal} van "
                    f"{len(self.gefaald)} gefaalde scenario-uitvoeringen",
                f"    {_kort(voorbeeld.get('melding') or '', MELDING_LENGTE)}"]

    def meegesleept_door(self, regel: str) -> str | None:
        """The other rule whose check failed first in every failing scenario of ``regel`` (so its own check was
        never reached), else None."""
        oorzaken = {self.oorzaak[_sleutel(r)] for r in self.per_regel[regel]}
        wie = oorzaken.pop() if len(oorzaken) == 1 else None
        return wie if wie != regel and wie in self.register else None

    def gefaalde_regels(self) -> list[str]:
        if not self.per_regel:
            return ["", f"  {len(self.gefaald)} gefaalde scenario-uitvoeringen zonder regeltag (zie junit.xml)"]
        volgorde = sorted(self.per_regel, key=lambda regel: (
            regel != self.gok_id, not self.eigen(regel), -len(self.per_regel[regel]), regel))
        uitgelegd = [r for r in volgorde if not self.meegesleept_door(r)]
        uit = ["", f"  gefaalde regels ({len(volgorde)}):"]
        for regel in uitgelegd[:TOON_REGELS]:
            uit += self.regel(regel)
        if uitgelegd[TOON_REGELS:]:
            uit.append(f"  en nog {len(uitgelegd) - TOON_REGELS} gefaalde regels: "
                       f"{self.opsomming(uitgelegd[TOON_REGELS:])}")
        return uit + self.meegesleept([r for r in volgorde if self.meegesleept_door(r)])

    def meegesleept(self, ids: list[str]) -> list[str]:
        """Rules that failed only because another rule's check failed first: one line per such cause."""
        per_oorzaak: dict[str, list[str]] = {}
        for regel in ids:
            per_oorzaak.setdefault(self.meegesleept_door(regel), []).append(regel)
        groepen = sorted(per_oorzaak.items(), key=lambda groep: -len(groep[1]))
        if len(groepen) > TOON_OORZAKEN:
            groepen = [*groepen[:TOON_OORZAKEN - 1], ("andere regels", [r for _, g in groepen[TOON_OORZAKEN - 1:]
                                                                        for r in g])]
        return [f"  ook gefaald, op {wie} ({len(regels)} regels, met hun gefaalde scenario-uitvoeringen): "
                f"{self.opsomming(regels)}" for wie, regels in groepen]

    def eigen(self, regel: str) -> list[dict]:
        """The rule's failing scenario runs whose first failed check was the rule itself."""
        return [r for r in self.per_regel[regel] if self.oorzaak[_sleutel(r)] == regel]

    def regel(self, regel: str) -> list[str]:
        records = self.per_regel[regel]
        anders = [r for r in records if self.oorzaak[_sleutel(r)] != self.gok_id]
        voorbeeld = (self.eigen(regel) or anders or records)[0]
        namen = self.scenarionamen(records)
        meer = f" en {len(namen) - TOON_SCENARIOS} meer" if len(namen) > TOON_SCENARIOS else ""
        return [f"  - {self.noem(regel)}: {len(records)} gefaald: {'; '.join(namen[:TOON_SCENARIOS])}{meer}",
                f"      {_kort(voorbeeld.get('melding') or '(geen melding)', MELDING_LENGTE)}"]

    def scenarionamen(self, records: list[dict]) -> list[str]:
        """One name per scenario, with the standards (and systems) it failed in: "Naam (iWmo, iJw)"."""
        per_naam: dict[str, list[str]] = {}
        for record in records:
            waar = per_naam.setdefault(_kort(record.get("titel") or record.get("naam") or "?", NAAM_LENGTE), [])
            for x in (record.get("standaard"), record.get("sut") if self.meerdere else None):
                if x and x not in waar:
                    waar.append(x)
        return [f"{naam} ({', '.join(waar)})" if waar else naam for naam, waar in per_naam.items()]

    def opsomming(self, ids: list[str]) -> str:
        getoond = ", ".join(f"{r} ({len(self.per_regel[r])})" for r in ids[:TOON_IDS])
        return getoond + (f" en {len(ids) - TOON_IDS} meer" if len(ids) > TOON_IDS else "")

    def noem(self, wat: str) -> str:
        if wat in self.register:
            code = self.register[wat].get("retourcode")
            return f"{wat} ({'retourcode ' + code if code else 'geen retourcode'})"
        return "de " + wat.replace(": ", " «", 1) + "»"


def _systeem(spec: str, code: int, eigen: list[dict]) -> str:
    telling = Counter(r.get("uitkomst") for r in eigen)
    overgeslagen = telling["skipped"] + telling["xfailed"]
    return (f"  {spec}: {OORDEEL.get(code, f'pytest exit {code}')} - {len(eigen)} scenario-uitvoeringen: "
            f"{telling['passed']} geslaagd, {telling['failed']} gefaald, {overgeslagen} overgeslagen")


def _overgeslagen(resultaten: list[dict]) -> list[str]:
    """Why scenario runs were skipped, most frequent reason first (e.g. "niet uitgevoerd: het systeem is niet
    bereikbaar: ..."): a skip is not a failure, but its reason must not get lost."""
    redenen = Counter(_kort(r["melding"], MELDING_LENGTE) for r in resultaten
                      if r.get("uitkomst") == "skipped" and r.get("melding"))
    uit = [f"  overgeslagen ({aantal}): {reden}" for reden, aantal in redenen.most_common(TOON_REDENEN)]
    if len(redenen) > TOON_REDENEN:
        uit.append(f"  en nog {len(redenen) - TOON_REDENEN} andere redenen om over te slaan")
    return uit


def _regeltelling(matrix: dict) -> dict[str, int]:
    oordelen = ("geslaagd", "gefaald", "niet uitgevoerd", "niet gedekt", "niet toetsbaar")
    telling = {v: sum(1 for r in matrix["rules"].values() if r["verdict"] == v) for v in oordelen}
    return {v: n for v, n in telling.items() if n or v != "niet uitgevoerd"}


def _bewijs(rapport: Path) -> list[str]:
    logs = ", ".join(p.name for p in sorted(rapport.glob("pytest-*.log")))
    return ["", f"  bewijs in {rapport}: coverage.html (per regel), junit.xml en allure-results/ (per scenario, met "
                "stappen en berichten)",
            f"    volledige uitvoer van pytest: {logs or 'ketenproef run ... -v'}"]


def _sleutel(record: dict) -> str:
    return record["nodeid"] + str(record.get("sut"))


def _sorteer(record: dict) -> tuple:
    return record.get("sut") or "", record.get("functionaliteit") or "", record.get("titel") or "", record["nodeid"]


def _kort(tekst: str, lengte: int) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"
