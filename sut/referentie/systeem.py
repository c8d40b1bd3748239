"""What both reference systems share: triggers, the clock, identificaties, sending (validated first), the
mailbox and the retours (302 ... 320, 325) as the core decides them.

The standard (iWmo or iJw) of an action follows, in this order, from: a ``standaard`` key in the data
("iWmo"/"iJw"), the product categories in the data (01-18 iWmo, 31-55 iJw), what the system already knows
(the toewijzing, verzoek or client the data refers to). See docs/SUT-TRIGGERS.md.
"""

from __future__ import annotations

import datetime as dt
import json

from lxml import etree

from ketenproef import corpus, factory
from ketenproef.bericht import text
from ketenproef.clock import FrozenClock
from ketenproef.findings import ADVIES, Report
from ketenproef.identify import identify
from ketenproef.keten import Keten
from ketenproef.keten.toewijzingen import Toewijzing
from ketenproef.parse import parse_bytes
from ketenproef.retour import retour_for
from ketenproef.validate import validate
from sut.acties import acties_voor
from sut.base import SutError, SystemUnderTest, Verbinding
from sut.referentie.archief import (
    IN,
    UIT,
    Archief,
    Uitwisseling,
    afgekeurd_volgens_325,
    afgekeurd_volgens_rapport,
    afgekeurd_volgens_retour,
    codes,
)
from sut.referentie.gegevens import getal, verplicht
from sut.referentie.transport import Ketenpartner

STANDAARDEN = {"iwmo": "iWmo", "wmo": "iWmo", "ijw": "iJw", "jw": "iJw"}


def berichtnaam(standaard: str, nummer: str) -> str:
    return ("WMO" if standaard == "iWmo" else "JW") + nummer


def standaard_van_categorie(categorie: str | int | None) -> str | None:
    if categorie is None or not str(categorie).isdigit():
        return None
    return "iWmo" if int(categorie) < 30 else "iJw"


def bevindingen(report: Report) -> str:
    return "; ".join(f"{f.rule} ({f.retourcode or '-'}) {f.path}: {f.text}" for f in report.findings
                     if f.level != ADVIES)


class ReferentieSysteem(SystemUnderTest):
    """A correct system in memory. Subclasses add the actions of their role as methods named after them."""

    prefix = "RS"  # first two characters of every identificatie it makes (12 characters in all)
    zelfcontrole = True  # validate every message before sending it (broken variants switch this off)
    zonder_regels: frozenset[str] = frozenset()  # rules this system neither checks nor keeps (sut.mutanten)

    def __init__(self) -> None:
        self.verbinding: Verbinding | None = None
        self.partner: Ketenpartner | None = None
        self.archief = Archief()
        self.tellers: dict[str, int] = {}
        self.cursor: str | int | None = None
        self.verwerkt: list[str] = []
        self.vandaag = dt.date.today()
        self._verstuurd: list[str] = []

    # ------------------------------------------------------------------ SystemUnderTest
    def connect(self, verbinding: Verbinding) -> None:
        self.verbinding = verbinding
        self.partner = Ketenpartner(verbinding.ketenpartner_url)

    def close(self) -> None:
        if self.partner is not None:
            self.partner.close()  # its kept HTTP connection

    def trigger(self, actie: str, gegevens: dict, vandaag: dt.date | str) -> dict:
        if actie not in acties_voor(self.role):
            raise SutError(f"{self.name} ({self.role}) kent de actie '{actie}' niet; "
                           f"wel: {', '.join(acties_voor(self.role))}")
        if self.partner is None:
            raise SutError(f"{self.name}: eerst connect() met de gegevens van de ketenpartner")
        self.vandaag = dt.date.fromisoformat(vandaag) if isinstance(vandaag, str) else vandaag
        self._verstuurd = []
        extra = getattr(self, actie)(dict(gegevens or {})) or {}
        return {"verstuurd": list(self._verstuurd), **extra}

    # ------------------------------------------------------------------ small services
    @property
    def clock(self) -> FrozenClock:
        return FrozenClock(self.vandaag)

    @property
    def eigen(self) -> str:
        return self.verbinding.eigen_code

    @property
    def tegenpartij(self) -> str:
        return self.verbinding.tegenpartij_code

    @property
    def gemeente(self) -> str:
        return self.eigen if self.role == "gemeente" else self.tegenpartij

    @property
    def aanbieder(self) -> str:
        return self.tegenpartij if self.role == "gemeente" else self.eigen

    def keten(self, standaard: str) -> Keten:
        return self.archief.keten(standaard)

    def standaard_met_toewijzing(self, bsn: str | None = None, nummer: int | None = None) -> str | None:
        """The standard whose Keten holds toewijzing ``nummer``, or toewijzingen of client ``bsn``, between the
        gemeente and aanbieder of this connection."""
        for standaard in ("iWmo", "iJw"):
            toewijzingen = self.keten(standaard).toewijzingen
            if nummer is not None and toewijzingen.get(self.gemeente, self.aanbieder, nummer):
                return standaard
            if bsn and toewijzingen.van_client(self.gemeente, self.aanbieder, str(bsn)):
                return standaard
        return None

    def zoek_toewijzing(self, gegevens: dict) -> tuple[str, int, str, Toewijzing | None]:
        """(standaard, ToewijzingNummer, bsn, the toewijzing or None when it is not this client's) for trigger
        data with ``ToewijzingNummer`` and ``bsn``."""
        verplicht(gegevens, "bsn", "ToewijzingNummer")
        nummer, bsn = getal(gegevens["ToewijzingNummer"], "ToewijzingNummer"), str(gegevens["bsn"])
        standaard = self.standaard(gegevens, bekend=self.standaard_met_toewijzing(nummer=nummer) or "iWmo")
        t = self.keten(standaard).toewijzingen.get(self.gemeente, self.aanbieder, nummer)
        return standaard, nummer, bsn, (t if t is not None and t.bsn == bsn else None)

    def volgende(self, teller: str, start: int = 1) -> int:
        self.tellers[teller] = self.tellers.get(teller, start - 1) + 1
        return self.tellers[teller]

    def nieuw_id(self) -> str:
        return f"{self.prefix}{self.volgende('bericht'):010d}"

    def standaard(self, gegevens: dict, categorieen=(), bekend: str | None = None) -> str:
        gegeven = str(gegevens.get("standaard") or "").lower()
        if gegeven:
            if gegeven not in STANDAARDEN:
                raise SutError(f"onbekende standaard '{gegevens['standaard']}': kies iWmo of iJw")
            return STANDAARDEN[gegeven]
        uit_producten = {standaard_van_categorie(c) for c in categorieen} - {None}
        if len(uit_producten) > 1:
            raise SutError("de producten horen bij verschillende standaarden (iWmo en iJw) in een actie")
        if uit_producten:
            return uit_producten.pop()
        if bekend:
            return bekend
        raise SutError("kan de standaard niet bepalen: geef 'standaard' (iWmo of iJw) mee in de gegevens")

    def header(self, naam: str) -> dict:
        return {"Afzender": self.eigen, "Ontvanger": self.tegenpartij,
                "BerichtIdentificatie": {"Identificatie": self.nieuw_id(), "Dagtekening": self.vandaag}}

    def contracttarieven(self, gegevens: dict) -> dict:
        """TR418: contract tariffs (euro cents) per gemeente, aanbieder, ProductCode and Eenheid."""
        verplicht(gegevens, "tarieven")
        nieuw = {}
        for t in gegevens["tarieven"]:
            verplicht(t, "gemeente", "aanbieder", "ProductCode", "Eenheid", "tarief")
            nieuw[(str(t["gemeente"]), str(t["aanbieder"]), str(t["ProductCode"]), str(t["Eenheid"]))] = getal(
                t["tarief"], "tarief")
        self.archief.config.tarieven.update(nieuw)
        return {"tarieven": len(self.archief.config.tarieven)}

    def productcodelijst(self, gegevens: dict) -> dict:
        """TR381: the product code list a gemeente and an aanbieder use (IV075), per ProductCategorie."""
        verplicht(gegevens, "gemeente", "aanbieder")
        lijst, paar = gegevens.get("productcodes"), (str(gegevens["gemeente"]), str(gegevens["aanbieder"]))
        if lijst is None:  # no list (any more) between them
            self.archief.config.productcodelijsten.pop(paar, None)
        elif not isinstance(lijst, dict) or not all(isinstance(c, list) for c in lijst.values()):
            raise SutError("productcodes: een object van ProductCategorie naar een lijst ProductCodes")
        else:
            self.archief.config.productcodelijsten[paar] = {str(k): frozenset(map(str, v)) for k, v in lijst.items()}
        return {"productcodelijsten": len(self.archief.config.productcodelijsten)}

    # ------------------------------------------------------------------ sending
    def verstuur_heen(self, naam: str, data: dict) -> str:
        """Build, check (as the receiver would, with our own Keten) and send a heenbericht."""
        data = {"Header": self.header(naam), **data}
        try:
            xml = factory.to_bytes(naam, data)
        except factory.FactoryError as exc:
            raise SutError(f"{self.name} kan {naam} niet opbouwen: {exc}") from exc
        self.controleer(naam, self.valideer(xml, self.keten(corpus.message_model(naam)["standard"])))
        self.partner.post(xml)
        u = self.archief.add(Uitwisseling(UIT, naam, xml))
        self._verstuurd.append(u.identificatie)
        return u.identificatie

    def verstuur_retour(self, tree: etree._Element) -> str:
        xml = factory.serialise(tree)
        identity = identify(tree)
        self.controleer(identity.message, self.valideer(xml))
        self.partner.post(xml)
        u = self.archief.add(Uitwisseling(UIT, identity.message, xml))
        self._verstuurd.append(u.identificatie)
        return u.identificatie

    def valideer(self, xml: bytes, keten=None) -> Report:
        """Judge a message as this system does: the core's judgement, without the findings of the rules this
        system does not know (``zonder_regels``: a mutant accepts and sends what such a rule forbids)."""
        report = validate(xml, clock=self.clock, keten=keten)
        if self.zonder_regels:
            report.findings = [f for f in report.findings if f.rule not in self.zonder_regels]
        return report

    def houdt_zich_aan(self, regel: str) -> bool:
        """Whether this system keeps ``regel`` in its own domain checks before sending. A mutant without the rule
        (``zonder_regels``) skips the check that enforces it and sends what the rule forbids when asked to."""
        return regel not in self.zonder_regels

    def controleer(self, naam: str, report: Report) -> None:
        if self.zelfcontrole and not report.valid:
            raise SutError(f"{self.name} zou een ongeldig {naam} sturen: {bevindingen(report)}")

    # ------------------------------------------------------------------ the mailbox
    def verwerk_postbus(self, gegevens: dict) -> dict:
        ontvangen = []
        for item in self.partner.postbus(self.eigen, self.cursor):
            sleutel = str(item["id"])
            if sleutel not in self.verwerkt:
                ontvangen.append(self.ontvang(self.partner.bericht(item["id"])))
                self.verwerkt.append(sleutel)
            self.cursor = item.get("cursor", item["id"])
        return {"ontvangen": ontvangen, **self.na_postbus()}

    def na_postbus(self) -> dict:
        """What a system does by itself after reading its mail (the aanbieder closes deliveries)."""
        return {}

    def ontvang(self, xml: bytes) -> dict:
        parsed = parse_bytes(xml, max(len(xml), 1))
        identity = identify(parsed.root) if parsed.ok else None
        if not hasattr(identity, "message"):
            return {"bericht": None, "fout": "geen herkenbaar iWmo/iJw-bericht"}
        naam = identity.message
        model = corpus.message_model(naam)
        if model["kind"] == "heen":
            return self.ontvang_heen(naam, xml)
        if naam.endswith("325"):
            return self.ontvang_325(naam, xml, parsed.root)
        return self.ontvang_retour(naam, xml, parsed.root)

    def beoordeel(self, naam: str, xml: bytes) -> Report:
        """Judge a received heenbericht as its receiver (with our Keten)."""
        return self.valideer(xml, self.keten(corpus.message_model(naam)["standard"]))

    def maak_retour(self, report: Report, identificatie: str) -> etree._Element | None:
        return retour_for(report, clock=self.clock, identificatie=identificatie)

    def ontvang_heen(self, naam: str, xml: bytes) -> dict:
        report = self.beoordeel(naam, xml)
        u = self.archief.add(Uitwisseling(IN, naam, xml, afgekeurd_volgens_rapport(report)))
        result = {"bericht": naam, "identificatie": u.identificatie,
                  "bevindingen": [f.as_dict() for f in report.findings if f.level != ADVIES]}
        retour = self.maak_retour(report, self.nieuw_id())
        if retour is not None:
            result["retour"] = self.verstuur_retour(retour)
            result["retourcodes"] = sorted({c.text for c in retour.iter("{*}RetourCode")})
            u.beantwoord = True
        return result

    def ontvang_retour(self, naam: str, xml: bytes, root: etree._Element) -> dict:
        heen_naam = corpus.message_model(naam)["retour_on"]
        ref = text(root[0], "BerichtIdentificatie/Identificatie")
        self.archief.add(Uitwisseling(IN, naam, xml, None))
        heen = self.archief.zoek(UIT, heen_naam, ref)
        result = {"bericht": naam, "op": ref, "retourcodes": sorted({c.text for c in root.iter("{*}RetourCode")})}
        if heen is None:
            return {**result, "fout": f"retour op een onbekend bericht {heen_naam} {ref}"}
        heen.afgekeurd, heen.beantwoord = afgekeurd_volgens_retour(heen, root), True
        self.archief.vergeten()
        return {**result, "geaccepteerd": heen.afgekeurd == []}

    def ontvang_325(self, naam: str, xml: bytes, root: etree._Element) -> dict:
        ref = text(root[0], "DeclaratieIdentificatie/Identificatie")
        report = self.valideer(xml)
        self.archief.add(Uitwisseling(IN, naam, xml, [] if report.valid else None))
        result = {"bericht": naam, "op": ref, "retourcodes": sorted({c.text for c in root.iter("{*}RetourCode")}),
                  "bevindingen": [f.as_dict() for f in report.findings if f.level != ADVIES]}
        declaratie = self.archief.zoek(UIT, naam.replace("325", "323"), ref)
        if declaratie is None:
            return {**result, "fout": f"declaratie-antwoord op een onbekende declaratie {ref}"}
        if not report.valid:
            return {**result, "fout": f"declaratie-antwoord is ongeldig: {bevindingen(report)}"}
        declaratie.afgekeurd, declaratie.beantwoord = afgekeurd_volgens_325(declaratie, root), True
        self.archief.vergeten()
        return {**result, "header": codes(root[0])}

    # ------------------------------------------------------------------ state for the command shim
    def dump(self) -> str:
        return json.dumps({"archief": self.archief.dump(), "tellers": self.tellers, "cursor": self.cursor,
                           "verwerkt": self.verwerkt})

    def load(self, data: str) -> None:
        state = json.loads(data)
        self.archief = Archief.load(state["archief"])
        self.tellers, self.cursor, self.verwerkt = state["tellers"], state["cursor"], state["verwerkt"]
