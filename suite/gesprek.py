"""One conversation about one client, played from whichever side the system under test is not on.

Every action of the process (``sut.acties``: toewijzen, start_zorg, declareer ...) belongs to a party. When the
system under test is that party it gets the trigger; otherwise the ketenpartner sends the same content as its
own heenbericht. Either way the system then empties its mailbox, so every retour is exchanged before the next
step. What happened is read back from the ketenpartner's exchange log (``Dossier``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from mockserver.handle import Ketenpartner
from suite import berichtdata as bd
from suite.dossier import Dossier, Regel
from suite.handelingen import Handelingen, product
from sut.acties import ACTIES
from sut.base import SutError, SutNietOndersteund, SutOnbereikbaar, SystemUnderTest


@dataclass(frozen=True)
class Partijen:
    gemeente: str
    aanbieder: str

    def van(self, rol: str) -> str:
        return self.gemeente if rol == "gemeente" else self.aanbieder


@dataclass
class Uitkomst:
    """What one action exchanged: the heenberichten (log ids), the trigger's own answer, or why the system
    refused to carry it out (``geweigerd``)."""

    actie: str
    door_systeem: bool
    heen_ids: list[int] = field(default_factory=list)
    antwoord: dict = field(default_factory=dict)
    geweigerd: str | None = None
    gegevens: dict = field(default_factory=dict, repr=False)
    historie: bool = False  # happened in a "Gegeven" step: background, not what the scenario judges

    def __repr__(self) -> str:
        wie = "systeem" if self.door_systeem else "ketenpartner"
        return f"<{self.actie} door {wie}: berichten {self.heen_ids}{', geweigerd' if self.geweigerd else ''}>"


class Gesprek(Handelingen):
    def __init__(self, partner: Ketenpartner, sut: SystemUnderTest, sut_rol: str, partijen: Partijen,
                 client: dict, standaard: str, nummers: Iterator[int], deadline: float) -> None:
        self.partner, self.sut, self.sut_rol, self.partijen = partner, sut, sut_rol, partijen
        self.client, self.standaard, self.nummers, self.deadline = client, standaard, nummers, deadline
        self._tik = itertools.count()
        self._referentie = itertools.count(1)
        self._datum: dt.date | None = None
        self._xml: dict[int, bytes | None] = {}
        self.uitkomsten: list[Uitkomst] = []
        self._opties: dict = {}
        self.anderen: list[Gesprek] = []
        self._dossier: Dossier | None = None

    def andere_client(self) -> Gesprek:
        """A conversation about a second client of the same gemeente and aanbieder (same system, same numbering)."""
        import random

        from ketenproef import fake

        rng = random.Random(f"ander|{self.bsn}|{len(self.anderen)}")
        persoon = fake.persoon(rng, peildatum=dt.date(2025, 6, 1), leeftijd=(18, 90) if self.standaard == "iWmo"
                               else (1, 17))
        ander = Gesprek(self.partner, self.sut, self.sut_rol, self.partijen, {**persoon, "Adres": fake.adres(rng)},
                        self.standaard, self.nummers, self.deadline)
        self.partner.reset(ander.bsn)
        self.anderen.append(ander)
        return ander

    def __repr__(self) -> str:
        return f"<gesprek {self.bsn} {self.standaard} systeem={self.sut.name}>"

    @property
    def bsn(self) -> str:
        return self.client["Bsn"]

    @property
    def partner_rol(self) -> str:
        return "gemeente" if self.sut_rol == "aanbieder" else "aanbieder"

    def door_systeem(self, actie: str) -> bool:
        return ACTIES[actie]["rol"] in (self.sut_rol, "beide")

    # ------------------------------------------------------------------------------------------------ acting
    @contextlib.contextmanager
    def mag_weigeren(self, fout=None):
        """Within this block a refusal by the system is an outcome, not a failure (and the ketenpartner's own
        message carries ``fout`` from the fault catalogue)."""
        self._opties = {"mag_weigeren": True, "fout": fout}
        try:
            yield
        finally:
            self._opties = {}

    @contextlib.contextmanager
    def post_blijft_liggen(self):
        """Within this block the system does not read its mail right after the ketenpartner sends (it does when a
        later step says so: ``postbus``)."""
        self._opties = {"post_blijft_liggen": True}
        try:
            yield
        finally:
            self._opties = {}

    def doe(self, actie: str, gegevens: dict, vandaag: dt.date) -> Uitkomst:
        """Carry out an action; a refusal by the system fails the scenario unless ``mag_weigeren``. A system
        that does not support the action fails the step even then; one that cannot be reached leaves the
        scenario "niet uitgevoerd" (skipped)."""
        mag_weigeren, fout = self._opties.get("mag_weigeren", False), self._opties.get("fout")
        self.zet_datum(vandaag)
        try:
            if self.door_systeem(actie):
                uitkomst = self._systeem(actie, gegevens, vandaag)
                if uitkomst.geweigerd and not mag_weigeren:
                    raise AssertionError(f"het systeem weigert '{actie}': {uitkomst.geweigerd}")
            else:
                uitkomst = self._partner(actie, gegevens, vandaag, fout)
        except SutOnbereikbaar as exc:  # the trigger, or the mailbox read after it
            self.vergeet()
            pytest.skip(f"niet uitgevoerd: het systeem is niet bereikbaar: {exc}")
        self.uitkomsten.append(uitkomst)
        return uitkomst

    def _systeem(self, actie: str, gegevens: dict, vandaag: dt.date) -> Uitkomst:
        try:
            antwoord = self.sut.trigger(actie, gegevens, vandaag) or {}
        except SutOnbereikbaar:
            raise  # not a refusal: ``doe`` leaves the scenario "niet uitgevoerd"
        except SutNietOndersteund as exc:
            self.vergeet()
            raise AssertionError(niet_ondersteund(actie, exc)) from exc
        except SutError as exc:
            self.vergeet()
            return Uitkomst(actie, True, geweigerd=str(exc), gegevens=gegevens)
        self.postbus(vandaag)
        verstuurd = set(antwoord.get("verstuurd") or [])
        ids = [r.id for r in self.dossier().berichten(heen=True, van_systeem=True)
               if r.entry.get("identificatie") in verstuurd]
        return Uitkomst(actie, True, ids, antwoord, gegevens=gegevens)

    def _partner(self, actie: str, gegevens: dict, vandaag: dt.date, fout=None) -> Uitkomst:
        nummer, data, extra = self.bouw(actie, gegevens, vandaag)
        verzonden = self.partner.send(bd.naam(self.standaard, nummer), data, deadline=self.deadline, fout=fout,
                                      **extra)
        self.vergeet()
        if not self._opties.get("post_blijft_liggen"):
            self.postbus(vandaag)
        return Uitkomst(actie, False, [verzonden["id"]], verzonden)

    def als_ketenpartner(self, actie: str, gegevens: dict, vandaag: dt.date, aanpassen) -> Uitkomst:
        """The ketenpartner carries out ``actie`` (one of its role) with its message changed by ``aanpassen``
        (plain data, header included): a message a correct sender would never send."""
        if self.door_systeem(actie):
            raise AssertionError(f"'{actie}' is een handeling van het systeem zelf, niet van de ketenpartner")
        self.zet_datum(vandaag)
        nummer, data, extra = self.bouw(actie, gegevens, vandaag)
        aanpassen(data)
        return self.stuur(bd.naam(self.standaard, nummer), data, vandaag, **extra)

    def eerdere_weigering(self) -> str | None:
        """The system's latest refusal in this conversation, for a later failure that may follow from it (a step
        allowed the refusal, so nothing failed then); None when it refused nothing."""
        uitkomst = next((u for u in reversed(self.uitkomsten) if u.geweigerd), None)
        return f"het systeem weigerde eerder '{uitkomst.actie}': {uitkomst.geweigerd}" if uitkomst else None

    def met_weigering(self, melding: str) -> str:
        """``melding`` (a failure for lack of an earlier result) with the system's earlier refusal, if any."""
        eerder = self.eerdere_weigering()
        return f"{melding} ({eerder})" if eerder else melding

    def laatste_verzoek(self) -> str:
        """The ReferentieAanbieder of the latest verzoek in this conversation (``berichtdata.laatste_verzoek``);
        without one, the failure quotes the system's earlier refusal."""
        try:
            return bd.laatste_verzoek(self.dossier())
        except AssertionError as exc:
            raise AssertionError(self.met_weigering(str(exc))) from None

    def volgend_bericht(self, vandaag: dt.date) -> Uitkomst:
        """The system's next natural message: start, then a temporary stop (aanbieder); a change of the
        toewijzing's Einddatum (gemeente)."""
        if self.sut_rol == "gemeente":
            n = len(self.dossier().berichten("301", heen=True))
            return self.wijzig_toewijzing(vandaag, Einddatum=dt.date(2026, 9, 30) - dt.timedelta(days=n),
                                          RedenWijziging="05")
        if not self.dossier().starts():
            return self.start(vandaag, dt.date(2025, 10, 8))
        return self.stop(vandaag, "20", dt.date(2025, 11, 2))

    def postbus(self, vandaag: dt.date) -> dict:
        """The system processes its mailbox. When the trigger returns, it has sent every retour it will send on
        what it fetched (docs/SUT-TRIGGERS.md, verwerk_postbus): the ketenpartner judges the unanswered ones now
        rather than at the retour deadline, so no verdict depends on how fast a loaded machine is."""
        self.zet_datum(vandaag)
        try:
            antwoord = self.sut.trigger("verwerk_postbus", {}, vandaag) or {}
            for bsn in [self.bsn] + [a.bsn for a in self.anderen]:
                self.partner.postbus_verwerkt(bsn)
            return antwoord
        finally:
            self.vergeet()

    def zet_datum(self, vandaag: dt.date) -> None:
        if vandaag != self._datum:
            self.partner.set_datum(self.bsn, vandaag)
            self._datum = vandaag

    def stuur(self, naam: str, data: dict, vandaag: dt.date, deadline: float | None = None, **extra) -> Uitkomst:
        """The ketenpartner sends ready-made plain data (e.g. a corpus example) and the system reads its mail."""
        self.zet_datum(vandaag)
        verzonden = self.partner.send(naam, data, deadline=deadline or self.deadline, **extra)
        self.vergeet()
        self.postbus(vandaag)
        uitkomst = Uitkomst("stuur", False, [verzonden["id"]], verzonden)
        self.uitkomsten.append(uitkomst)
        return uitkomst

    def stuur_ruw(self, xml: bytes, vandaag: dt.date, deadline: float | None = None) -> Uitkomst:
        """The ketenpartner delivers these bytes unchanged to the system's mailbox (unreadable or dangerous input
        included) and the system reads its mail."""
        self.zet_datum(vandaag)
        verzonden = self.partner.send_raw(xml, self.bsn, deadline=deadline or self.deadline,
                                          voor=self.partijen.van(self.sut_rol))
        self.vergeet()
        self.postbus(vandaag)
        uitkomst = Uitkomst("stuur_ruw", False, [verzonden["id"]], verzonden)
        self.uitkomsten.append(uitkomst)
        return uitkomst

    # ---------------------------------------------------------------------------------------------- reading
    def dossier(self) -> Dossier:
        """The conversation as the ketenpartner logged it; cached until the next exchange."""
        if self._dossier is None:
            self._dossier = Dossier(self.partner.log(self.bsn), self._xml_van)
        return self._dossier

    def vergeet(self) -> None:
        """Something was exchanged (or may have been): read the log again next time."""
        self._dossier = None
        for ander in self.anderen:
            ander._dossier = None

    def _xml_van(self, bericht_id: int) -> bytes | None:
        if bericht_id not in self._xml:
            try:
                self._xml[bericht_id] = self.partner.inhoud(bericht_id)
            except Exception:  # a refused message without content: nothing to show
                self._xml[bericht_id] = None
        return self._xml[bericht_id]

    def heen(self, uitkomst: Uitkomst) -> list[Regel]:
        """The heenberichten of an action, also when it was about another client of this scenario."""
        ids = set(uitkomst.heen_ids)
        for gesprek in [self, *self.anderen]:
            gevonden = [r for r in gesprek.dossier().regels if r.id in ids]
            if gevonden:
                return gevonden
        return []

    def toewijzing(self, product: str | None = None, volgorde: int | None = None) -> dict:
        """The (latest version of the) ToegewezenProduct for a product code, or the n-th / last toewijzing."""
        alle = list(self.dossier().toegewezen().values())
        if product is not None:
            alle = [p for p in alle if _code(p) == product] or [p for p in alle if len(product) == 2 and (
                p.get("Product") or {}).get("Categorie") == product]
        if not alle:
            raise AssertionError(self.met_weigering(
                f"geen toewijzing {'voor ' + product if product else ''} in dit gesprek"))
        alle.sort(key=lambda p: (str(p["Ingangsdatum"]), int(p["ToewijzingNummer"])))
        return alle[volgorde - 1] if volgorde else alle[-1]

    def referentie(self, soort: str) -> str:
        return f"{soort}{self.bsn}{next(self._referentie):03d}"

    def tijd(self) -> str:
        n = next(self._tik)
        return f"{9 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}"

    # ------------------------------------------------------- the ketenpartner's message for a trigger action
    def bouw(self, actie: str, g: dict, vandaag: dt.date) -> tuple[str, dict, dict]:
        """(message number, plain data, extra send options) for an action the ketenpartner carries out."""
        bouwer = getattr(self, f"_bouw_{actie}")
        nummer, body, extra = bouwer(g, vandaag, self.dossier())
        van, naar = self.partijen.van(self.partner_rol), self.partijen.van(self.sut_rol)
        return nummer, {"Header": bd.header(van, naar, vandaag), **body}, extra

    def _bouw_toewijzen(self, g, vandaag, dossier):
        tijd = self.tijd()
        nieuw = [bd.toewijzing_product(p, next(self.nummers), vandaag, tijd) for p in g["producten"]]
        return "301", bd.bericht_301(self.client, bd.actuele(dossier, vandaag) + nieuw), {}

    def _bouw_wijzig_toewijzing(self, g, vandaag, dossier):
        nummer = int(g["ToewijzingNummer"])
        product = bd.gewijzigd(dossier.toegewezen()[nummer], g, vandaag, self.tijd())
        return "301", bd.bericht_301(self.client, bd.actuele(dossier, vandaag, {nummer}) + [product]), {}

    def _bouw_honoreer_verzoek(self, g, vandaag, dossier):
        ref, tijd = g["ReferentieAanbieder"], self.tijd()
        try:
            producten = bd.honoreer_vow(dossier, bd.verzoek_317(dossier, ref), vandaag, tijd,
                                        lambda: next(self.nummers))
            nummers = {int(p["ToewijzingNummer"]) for p in producten}
        except LookupError:
            producten = [bd.toewijzing_product(p, next(self.nummers), vandaag, tijd)
                         for p in bd.honoreer_vot(dossier, ref)]
            nummers = set()
        return "301", bd.bericht_301(self.client, bd.actuele(dossier, vandaag, nummers) + producten), {}

    def _bouw_beantwoord_verzoek(self, g, vandaag, dossier):
        return "319", bd.bericht_319(g), {"bsn": self.bsn}

    def _toewijzing_of_onbekend(self, dossier: Dossier, g: dict) -> dict:
        """The toewijzing a start or stop refers to; for a number the gemeente never gave, a made-up one."""
        nummer = int(g["ToewijzingNummer"])
        onbekend = {"ToewijzingNummer": nummer, "Product": product(self.productcode(None)),
                    "Ingangsdatum": g.get("Begindatum")}
        return dossier.toegewezen().get(nummer) or onbekend

    def _bouw_start_zorg(self, g, vandaag, dossier):
        toewijzing = self._toewijzing_of_onbekend(dossier, g)
        return "305", bd.bericht_305(self.client, toewijzing, g["Begindatum"], g.get("StatusAanlevering", "1")), {}

    def _bouw_stop_zorg(self, g, vandaag, dossier):
        nummer = int(g["ToewijzingNummer"])
        toewijzing = self._toewijzing_of_onbekend(dossier, g)
        begin = g.get("Begindatum") or laatste_start(dossier, nummer)
        data = bd.bericht_307(self.client, toewijzing, begin, g["RedenBeeindiging"], g["Einddatum"],
                              g.get("StatusAanlevering", "1"))
        return "307", data, {}

    def _bouw_verzoek_om_toewijzing(self, g, vandaag, dossier):
        return "315", bd.bericht_315(self.client, g["producten"]), {}

    def _bouw_verzoek_om_wijziging(self, g, vandaag, dossier):
        return "317", bd.bericht_317(dossier, self.bsn, g, vandaag), {}

    def _bouw_declareer(self, g, vandaag, dossier):
        prestaties = [bd.prestatie(p, self._toewijzing_of_onbekend(dossier, p)) for p in g["prestaties"]]
        nummer = g.get("DeclaratieNummer") or self.referentie("D")[-12:]
        return "323", bd.bericht_323(self.bsn, nummer, g["DeclaratiePeriode"], vandaag, prestaties), {}

    def _bouw_crediteer(self, g, vandaag, dossier):
        debet = bd.prestaties_in(dossier)[g["ReferentieNummer"]]
        periode = g.get("DeclaratiePeriode") or bd.maand(debet["ProductPeriode"]["Begindatum"])
        nummer = g.get("DeclaratieNummer") or self.referentie("C")[-12:]
        prestatie = bd.credit(debet, g["NieuwReferentieNummer"])
        return "323", bd.bericht_323(self.bsn, nummer, periode, vandaag, [prestatie]), {}


def niet_ondersteund(actie: str, exc: SutNietOndersteund) -> str:
    """The failure for an action the system does not support, with the system's own text."""
    if exc.signaal:
        return f"het systeem ondersteunt de actie '{actie}' niet ({exc.signaal}): {exc.tekst}"
    return f"het systeem ondersteunt de actie '{actie}' niet: {exc}"


def _code(toegewezen: dict) -> str:
    """ProductCode, else ProductCategorie, else "" (no Product): how ``toewijzing`` names a toewijzing's product."""
    p = toegewezen.get("Product") or {}
    return p.get("Code") or p.get("Categorie") or ""


def laatste_start(dossier: Dossier, nummer: int):
    starts = [s for s in dossier.starts() if int(s["ToewijzingNummer"]) == nummer]
    if not starts:
        raise AssertionError(f"toewijzing {nummer} is nog niet gestart")
    return starts[-1]["Begindatum"]
