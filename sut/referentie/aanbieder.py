"""The reference aanbieder: a correct zorgaanbieder system for iWmo 3.2 and iJw 3.2.

Toewijzingen, starts, stops and verzoeken are read from its Keten (folded from the messages it exchanged);
declaraties live in ``declareren``. Each action builds its message from what the system knows, refuses what a
correct system would refuse (SutError), validates the message as the gemeente would and sends it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ketenproef import corpus, factory
from ketenproef.keten.regie import TIJDELIJK, VERWIJDEREN, Klant, Regie, StartSleutel, StopSleutel
from ketenproef.keten.toewijzingen import Toewijzing
from ketenproef.keten.verzoeken import Ref, Verzoeken
from ketenproef.rules.keten_toewijzing import vervallen
from ketenproef.rules.keten_verzoeken import HULPMIDDELEN, overlapt, zelfde_product
from ketenproef.rules.keten_verzoeken import Regel as VerzoekRegel
from sut.base import AANBIEDER, SutError
from sut.referentie.archief import IN, UIT
from sut.referentie.declareren import Declareren
from sut.referentie.gegevens import client_kop, datum, getal, verplicht
from sut.referentie.systeem import ReferentieSysteem, berichtnaam

EERSTE = "1"
CODELIJST_REDEN_WIJZIGING = {"iWmo": ("WMO002", "matching_reden_beeindiging_WMO588"),
                             "iJw": ("JZ002", "matching_reden_beeindiging_JZ588")}


def product_van(t: Toewijzing) -> dict | None:
    if t.categorie is None:
        return None
    return {"Categorie": t.categorie, "Code": t.code}


def reden_beeindiging_bij(standaard: str, reden_wijziging: str | None) -> str | None:
    """The RedenBeeindiging that matches a RedenWijziging of the toewijzing (codelist), or None ('nvt')."""
    if not reden_wijziging:
        return None
    lijst, kolom = CODELIJST_REDEN_WIJZIGING[standaard]
    for code in corpus.codelists()[lijst]["codes"]:
        if code["code"] == reden_wijziging:
            match = (code.get("extra") or {}).get(kolom)
            return match if match and match != "nvt" else None
    return None


class ReferentieAanbieder(Declareren, ReferentieSysteem):
    name = "referentie-aanbieder"
    role = AANBIEDER
    prefix = "RA"
    administratief_afsluiten = True  # send the stop by itself when the gemeente ended the toewijzing early

    # ------------------------------------------------------------------ what it knows
    def klant(self, standaard: str, bsn: str) -> Klant:
        return Klant(standaard, self.gemeente, self.aanbieder, bsn)

    def bekende_standaard(self, bsn: str | None = None, nummer: int | None = None) -> str | None:
        gevonden = self.standaard_met_toewijzing(bsn, nummer)
        if gevonden or not bsn:
            return gevonden
        for u in reversed(self.archief.berichten):
            if u.nummer in ("315", "317") and str(bsn) in u.xml.decode("utf-8", "replace"):
                return u.standaard
        return None

    def toewijzing_van(self, gegevens: dict) -> tuple[str, Toewijzing]:
        """The toewijzing a trigger refers to (``ToewijzingNummer`` and ``bsn``), as last received. A start or
        stop about a toewijzing never received breaks TR019; a prestatie (with ``GeleverdVolume``) breaks TR338,
        and on a deleted toewijzing TR384. A mutant without such a rule (or without TR304, for a toewijzing of
        another client) uses the number anyway."""
        prestatie = "GeleverdVolume" in gegevens
        onbekend, verwijderd = ("TR338", "TR384") if prestatie else ("TR019", None)
        standaard, nummer, bsn, t = self.zoek_toewijzing(gegevens)
        if t is None:
            t = self.toewijzing_zonder_controle(standaard, nummer, bsn, onbekend)
        if t is None:
            raise SutError(f"toewijzing {nummer} van client {bsn} is nooit ontvangen ({onbekend})")
        if t.verwijderd and (verwijderd is None or self.houdt_zich_aan(verwijderd)):
            raise SutError(f"toewijzing {nummer} is door de gemeente verwijderd" + (f" ({verwijderd})" if verwijderd
                                                                                    else ""))
        return standaard, t

    def toewijzing_zonder_controle(self, standaard: str, nummer: int, bsn: str, onbekend: str) -> Toewijzing | None:
        """For a mutant: the toewijzing of another client under this number (without TR304), or for a number never
        received one of the client's toewijzingen under that number (without ``onbekend``); else None."""
        toewijzingen = self.keten(standaard).toewijzingen
        andere = toewijzingen.get(self.gemeente, self.aanbieder, nummer)
        if andere is not None:
            return dataclasses.replace(andere, bsn=bsn) if not self.houdt_zich_aan("TR304") else None
        eigen = toewijzingen.van_client(self.gemeente, self.aanbieder, bsn)
        if eigen and not self.houdt_zich_aan(onbekend):
            # nothing known about this number: no period or volume to keep a message within
            return dataclasses.replace(eigen[-1], nummer=nummer, ingangsdatum=dt.date(1900, 1, 1), einddatum=None,
                                       volume=None)
        return None

    def actuele_toewijzingen(self, standaard: str, bsn: str) -> list[Toewijzing]:
        alle = self.keten(standaard).toewijzingen.van_client(self.gemeente, self.aanbieder, str(bsn))
        return [t for t in alle if t.actueel(self.vandaag)]

    def client(self, standaard: str, bsn: str, naam: str) -> dict:
        """The client head for ``naam`` as the gemeente last sent it (301), else as we asked for it (315)."""
        for u in reversed(self.archief.berichten):
            if u.standaard != standaard or u.afgekeurd is None:
                continue
            if (u.richting, u.nummer) in ((IN, "301"), (UIT, "315")):
                client = factory.to_data(u.root, u.naam)["Client"]
                if client.get("Bsn") == str(bsn):
                    return client_kop(naam, client)
        raise SutError(f"client {bsn} is onbekend: geen toewijzing of verzoek gevonden")

    def lopende_start(self, standaard: str, bsn: str, nummer: int) -> tuple[StartSleutel | None, list[StopSleutel]]:
        """The latest start of this toewijzing without a definitive stop, and the (temporary) stops on it."""
        regie = self.keten(standaard).part(Regie)
        klant = self.klant(standaard, bsn)
        stops = regie.stops(klant)
        for start in sorted((s for s in regie.starts(klant) if s.nummer == nummer), key=lambda s: s.begindatum,
                            reverse=True):
            eigen = [k for k in stops if k.start == start]
            if all(k.tijdelijk for k in eigen):
                return start, eigen
        return None, []

    # ------------------------------------------------------------------ verzoeken
    def nieuwe_referentie(self) -> str:
        return f"VERZOEK-{self.eigen}-{self.volgende('referentie'):06d}"

    def eis_geen_openstaand_verzoek(self, standaard: str, bsn: str) -> None:
        if not self.houdt_zich_aan("TR374"):
            return
        open_ = self.keten(standaard).part(Verzoeken).openstaand(standaard, self.gemeente, self.aanbieder, bsn)
        if open_:
            raise SutError(f"er staat nog een verzoek open voor client {bsn} ({open_[0][0].referentie}); "
                           "wacht op het antwoord (TR374, OP350)")

    def eis_nieuwe_referenties(self, standaard: str, referenties: list[str]) -> None:
        if len(set(referenties)) != len(referenties) and self.houdt_zich_aan("TR383"):
            raise SutError("elk aangevraagd product heeft een eigen ReferentieAanbieder (TR383)")
        if not self.houdt_zich_aan("TR347"):
            return
        verzoeken = self.keten(standaard).part(Verzoeken)
        for ref in referenties:
            if verzoeken.verzoek(Ref(standaard, self.gemeente, self.aanbieder, ref)) is not None:
                raise SutError(f"ReferentieAanbieder {ref} is al eerder gebruikt (TR347)")

    def eis_geen_actuele_toewijzing(self, standaard: str, bsn: str, producten: list[dict]) -> None:
        """OP307: a VOT is not for a product and period the client already has a toewijzing for here (that is what
        the VOW is for; the gemeente has no retourcode for it, so only the sender can keep it). Same product and
        overlap as the gemeente judges them (TR302; iWmo hulpmiddelen 11-14 excepted). A mutant without OP307
        sends the VOT anyway."""
        if not self.houdt_zich_aan("OP307"):
            return
        bestaand = [(t, VerzoekRegel(None, t.categorie, t.code, t.ingangsdatum, t.einddatum))
                    for t in self.keten(standaard).toewijzingen.van_client(self.gemeente, self.aanbieder, bsn)
                    if not vervallen(t)]
        for p in producten:
            product = p.get("Product") or {}
            gevraagd = VerzoekRegel(None, product.get("Categorie"), product.get("Code"),
                                    datum(p.get("ToewijzingIngangsdatum"), "ToewijzingIngangsdatum"),
                                    datum(p["ToewijzingEinddatum"], "ToewijzingEinddatum")
                                    if p.get("ToewijzingEinddatum") else None)
            if standaard == "iWmo" and gevraagd.categorie in HULPMIDDELEN:
                continue
            for t, toegewezen in bestaand:
                if zelfde_product(gevraagd, toegewezen) and overlapt(gevraagd, toegewezen):
                    raise SutError(f"client {bsn} heeft voor dit product in deze periode al toewijzing {t.nummer} "
                                   f"({t.ingangsdatum} t/m {t.einddatum or 'open'}): vraag een verzoek om wijziging, "
                                   "geen verzoek om toewijzing (OP307)")

    def verzoek_om_toewijzing(self, gegevens: dict) -> dict:
        verplicht(gegevens, "client", "producten")
        client, producten = dict(gegevens["client"]), [dict(p) for p in gegevens["producten"]]
        bsn = str(client.get("Bsn") or "")
        standaard = self.standaard(gegevens, [(p.get("Product") or {}).get("Categorie") for p in producten],
                                   self.bekende_standaard(bsn))
        for product in producten:
            product["ReferentieAanbieder"] = product.get("ReferentieAanbieder") or self.nieuwe_referentie()
        referenties = [p["ReferentieAanbieder"] for p in producten]
        self.eis_geen_openstaand_verzoek(standaard, bsn)
        self.eis_nieuwe_referenties(standaard, referenties)
        self.eis_geen_actuele_toewijzing(standaard, bsn, producten)
        naam = berichtnaam(standaard, "315")
        self.verstuur_heen(naam, {"Client": {**client_kop(naam, client), "AangevraagdeProducten": producten}})
        return {"standaard": standaard, "ReferentieAanbieder": referenties}

    def ongewijzigde_producten(self, actueel: list[Toewijzing], te_wijzigen: set[int]) -> list[dict]:
        """Every actual toewijzing that is not to be changed (TR349; a mutant without TR349 leaves them out)."""
        if not self.houdt_zich_aan("TR349"):
            return []
        return [{"ToewijzingNummer": t.nummer} for t in actueel if t.nummer not in te_wijzigen]

    def verzoek_om_wijziging(self, gegevens: dict) -> dict:
        verplicht(gegevens, "bsn", "RedenVerzoek")
        bsn = str(gegevens["bsn"])
        te_wijzigen = [dict(p) for p in gegevens.get("TeWijzigenProducten") or []]
        nieuw = [dict(p) for p in gegevens.get("NieuweProducten") or []]
        nummers = {getal(p["ToewijzingNummer"], "ToewijzingNummer") for p in te_wijzigen}
        bekend = self.bekende_standaard(bsn, next(iter(nummers), None))
        standaard = self.standaard(gegevens, [(p.get("Product") or {}).get("Categorie") for p in nieuw], bekend)
        actueel = self.actuele_toewijzingen(standaard, bsn)
        onbekend = nummers - {t.nummer for t in actueel}
        if onbekend:
            andere = self.te_wijzigen_zonder_controle(standaard, onbekend)
            if len(andere) < len(onbekend):
                raise SutError(f"geen actuele toewijzing(en) {sorted(onbekend)} voor client {bsn} (TR351, TR304)")
            actueel = [*actueel, *andere]
        einde = {t.nummer: t.einddatum for t in actueel}
        for p in te_wijzigen:  # without a new Einddatum the toewijzing keeps its own (IV092)
            if not p.get("Einddatum") and einde[int(p["ToewijzingNummer"])]:
                p["Einddatum"] = einde[int(p["ToewijzingNummer"])]
        referentie = gegevens.get("ReferentieAanbieder") or self.nieuwe_referentie()
        self.eis_geen_openstaand_verzoek(standaard, bsn)
        self.eis_nieuwe_referenties(standaard, [referentie])
        verzoek = {"ReferentieAanbieder": referentie, "RedenVerzoek": gegevens["RedenVerzoek"],
                   "OngewijzigdeProducten": self.ongewijzigde_producten(
                       self.voor_het_pakket(standaard, bsn, actueel), nummers),
                   "TeWijzigenProducten": te_wijzigen, "NieuweProducten": nieuw}
        self.verstuur_heen(berichtnaam(standaard, "317"), {"Client": {"Bsn": bsn, "Verzoek": verzoek}})
        return {"standaard": standaard, "ReferentieAanbieder": referentie}

    def voor_het_pakket(self, standaard: str, bsn: str, actueel: list[Toewijzing]) -> list[Toewijzing]:
        """The client's toewijzingen a VOW names: the actual ones. A mutant without TR350 forgets that filter and
        also names the client's toewijzingen that have ended (not deleted ones), as OngewijzigdProduct."""
        eigen = [t for t in actueel if t.bsn == bsn]
        if self.houdt_zich_aan("TR350"):
            return eigen
        genoemd = {t.nummer for t in eigen}
        alle = self.keten(standaard).toewijzingen.van_client(self.gemeente, self.aanbieder, bsn)
        return eigen + [t for t in alle if t.nummer not in genoemd and not vervallen(t)]

    def te_wijzigen_zonder_controle(self, standaard: str, nummers: set[int]) -> list[Toewijzing]:
        """For a mutant: the toewijzingen under ``nummers`` that are not the client's actual ones and that a rule it
        does not keep would forbid to change: of another client (TR304), or not actual (TR351)."""
        out = []
        for nummer in nummers:
            t = self.keten(standaard).toewijzingen.get(self.gemeente, self.aanbieder, nummer)
            if t is None:
                continue
            if not self.houdt_zich_aan("TR304") and t.actueel(self.vandaag):
                out.append(t)
            elif not self.houdt_zich_aan("TR351") and not t.actueel(self.vandaag):
                out.append(t)
        return out

    # ------------------------------------------------------------------ start and stop
    def start_product(self, t: Toewijzing, begindatum) -> dict:
        return {"ToewijzingNummer": t.nummer, "Product": product_van(t), "ToewijzingIngangsdatum": t.ingangsdatum,
                "Begindatum": begindatum, "StatusAanlevering": EERSTE}

    def status_aanlevering(self, gegevens: dict) -> str:
        """The StatusAanlevering a start or stop trigger asks for: 1 (default, a new delivery) or 3 (delete one
        delivered before, IV008). Another value breaks CS058: refused; a mutant without CS058 sends it as asked
        (as a system that still knows the 'gewijzigde aanlevering' 2 of older releases)."""
        status = str(gegevens.get("StatusAanlevering") or EERSTE)
        if status not in (EERSTE, VERWIJDEREN) and self.houdt_zich_aan("CS058"):
            raise SutError(f"StatusAanlevering {status} is niet toegestaan in een start of stop: alleen 1 (eerste "
                           "aanlevering) of 3 (verwijderen); corrigeer door te verwijderen en opnieuw te sturen "
                           "(CS058)")
        return status

    def start_zorg(self, gegevens: dict) -> dict:
        verplicht(gegevens, "Begindatum")
        status = self.status_aanlevering(gegevens)
        standaard, t = self.toewijzing_van(gegevens)
        begindatum = datum(gegevens["Begindatum"], "Begindatum")
        if status == VERWIJDEREN:
            return self.verwijder_start(standaard, t, begindatum)
        start, stops = self.lopende_start(standaard, t.bsn, t.nummer)
        if start is not None and not stops and self.houdt_zich_aan("TR326"):
            raise SutError(f"toewijzing {t.nummer} heeft al een lopende start op {start.begindatum} (TR326)")
        # a status other than 1 comes only from a mutant without CS058
        self.meld(standaard, t.bsn, "305", self.start_product(t, begindatum), status)
        return {"standaard": standaard}

    def meld(self, standaard: str, bsn: str, nummer: str, product: dict, status: str) -> None:
        """A start (305) or stop (307) about one StartProduct or StopProduct of client ``bsn``; a ``status`` other
        than 1 replaces the product's StatusAanlevering (1 leaves it as built: a broken variant may build another)."""
        naam = berichtnaam(standaard, nummer)
        klasse = "StartProducten" if nummer == "305" else "StopProducten"
        if status != EERSTE:
            product = {**product, "StatusAanlevering": status}
        self.verstuur_heen(naam, {"Client": {**self.client(standaard, bsn, naam), klasse: [product]}})

    def verwijder_start(self, standaard: str, t: Toewijzing, begindatum) -> dict:
        """Delete a start this system delivered before (StatusAanlevering 3, IV008): only a start that is in force
        (TR063) and that no stop followed yet (TR071). A mutant without one of those rules deletes it anyway."""
        regie, klant = self.keten(standaard).part(Regie), self.klant(standaard, t.bsn)
        sleutel = StartSleutel(t.nummer, t.categorie, t.code, begindatum)
        if sleutel not in regie.starts(klant) and self.houdt_zich_aan("TR063"):
            raise SutError(f"er is geen start op {begindatum} onder toewijzing {t.nummer} om te verwijderen (TR063)")
        stops = [k for k in regie.stops(klant) if k.start == sleutel]
        if stops and self.houdt_zich_aan("TR071"):
            raise SutError(f"de start op {begindatum} onder toewijzing {t.nummer} kan niet meer worden verwijderd: "
                           f"er is al een stop per {stops[0].einddatum} (TR071)")
        self.meld(standaard, t.bsn, "305", self.start_product(t, begindatum), VERWIJDEREN)
        return {"standaard": standaard}

    def reden_beeindiging(self, gevraagd: str, stops: list[StopSleutel]) -> str:
        return gevraagd

    def stop_product(self, t: Toewijzing, start: StartSleutel, reden: str, einddatum) -> dict:
        return {"ToewijzingNummer": start.nummer, "Product": product_van(t),
                "ToewijzingIngangsdatum": t.ingangsdatum, "Begindatum": start.begindatum,
                "RedenBeeindiging": reden, "Einddatum": einddatum, "StatusAanlevering": EERSTE}

    def stop_zorg(self, gegevens: dict) -> dict:
        verplicht(gegevens, "RedenBeeindiging", "Einddatum")
        status = self.status_aanlevering(gegevens)
        standaard, t = self.toewijzing_van(gegevens)
        begin = datum(gegevens["Begindatum"], "Begindatum") if gegevens.get("Begindatum") else None
        reden, einddatum = str(gegevens["RedenBeeindiging"]), datum(gegevens["Einddatum"], "Einddatum")
        if status == VERWIJDEREN:
            return self.verwijder_stop(standaard, t, reden, einddatum, begin)
        return self.stop(standaard, t, reden, einddatum, begin, status)

    def stop(self, standaard: str, t: Toewijzing, reden: str, einddatum, begindatum=None, status=EERSTE) -> dict:
        start, stops = self.lopende_start(standaard, t.bsn, t.nummer)
        if start is None:
            start = self.start_zonder_controle(standaard, t, begindatum)
        if start is None:
            raise SutError(f"toewijzing {t.nummer} heeft geen lopende start om te stoppen (OP072, TR382)")
        if reden == TIJDELIJK and stops and self.houdt_zich_aan("TR413"):
            raise SutError(f"de levering onder toewijzing {t.nummer} is al tijdelijk gestopt (TR413)")
        product = self.stop_product(t, start, self.reden_beeindiging(reden, stops), einddatum)
        self.meld(standaard, t.bsn, "307", product, status)  # not 1: only a mutant without CS058
        return {"standaard": standaard, "Begindatum": start.begindatum.isoformat()}

    def verwijder_stop(self, standaard: str, t: Toewijzing, reden: str, einddatum, begindatum=None) -> dict:
        """Delete a stop this system delivered before (StatusAanlevering 3, IV008): the stop in force with this
        RedenBeeindiging and Einddatum (and Begindatum, when given), else refused (TR063). A mutant without TR063
        deletes it anyway, as a stop on the latest start (or on the Begindatum the trigger names)."""
        regie, klant = self.keten(standaard).part(Regie), self.klant(standaard, t.bsn)
        gevonden = [k for k in regie.stops(klant) if k.nummer == t.nummer and k.reden == reden
                    and k.einddatum == einddatum and begindatum in (None, k.begindatum)]
        if gevonden:
            start = gevonden[-1].start
        elif self.houdt_zich_aan("TR063"):
            raise SutError(f"er is geen stop met reden {reden} per {einddatum} onder toewijzing {t.nummer} om te "
                           "verwijderen (TR063)")
        else:
            starts = sorted((s for s in regie.starts(klant) if s.nummer == t.nummer), key=lambda s: s.begindatum)
            start = (StartSleutel(t.nummer, t.categorie, t.code, begindatum) if begindatum is not None
                     else starts[-1] if starts else None)
            if start is None:
                raise SutError(f"toewijzing {t.nummer} heeft geen start om een stop van te verwijderen")
        self.meld(standaard, t.bsn, "307", self.stop_product(t, start, reden, einddatum), VERWIJDEREN)
        return {"standaard": standaard, "Begindatum": start.begindatum.isoformat()}

    def start_zonder_controle(self, standaard: str, t: Toewijzing, begindatum) -> StartSleutel | None:
        """For a mutant, the start a stop refers to when no delivery is running: the latest start, though it was
        stopped definitively (without TR415), or the Begindatum the trigger names (without TR382); else None."""
        if not self.houdt_zich_aan("TR415"):
            regie = self.keten(standaard).part(Regie)
            eerder = [s for s in regie.starts(self.klant(standaard, t.bsn)) if s.nummer == t.nummer]
            if eerder:
                return max(eerder, key=lambda s: s.begindatum)
        if not self.houdt_zich_aan("TR382") and begindatum is not None:
            return StartSleutel(t.nummer, t.categorie, t.code, begindatum)
        return None

    # ------------------------------------------------------------------ after the mail
    def na_postbus(self) -> dict:
        """Administratief afsluiten (OP288): a delivery whose toewijzing the gemeente ended (intrekking, with a
        RedenWijziging that has a matching RedenBeeindiging) is stopped once that Einddatum has come."""
        afgesloten, fouten = [], []
        for standaard in ("iWmo", "iJw") if self.administratief_afsluiten else ():
            for t in self.beeindigde_toewijzingen(standaard):
                start, stops = self.lopende_start(standaard, t.bsn, t.nummer)
                reden = reden_beeindiging_bij(standaard, t.reden_wijziging)
                if start is None or reden is None or t.einddatum < start.begindatum:
                    continue
                einddatum = max([t.einddatum] + [k.einddatum for k in stops])
                try:
                    self.stop(standaard, t, reden, einddatum)
                    afgesloten.append(t.nummer)
                except SutError as exc:  # reported, the mail itself was processed
                    fouten.append(f"stop voor toewijzing {t.nummer}: {exc}")
        return {k: v for k, v in (("afgesloten", afgesloten), ("fouten", fouten)) if v}

    def beeindigde_toewijzingen(self, standaard: str) -> list[Toewijzing]:
        toewijzingen = self.keten(standaard).toewijzingen
        out = []
        for (gemeente, aanbieder, _), history in list(toewijzingen.versies.items()):
            t = history[-1]
            if (gemeente, aanbieder) == (self.gemeente, self.aanbieder) and not t.verwijderd \
                    and t.einddatum is not None and t.einddatum <= self.vandaag and t.reden_wijziging:
                out.append(t)
        return out


__all__ = ["ReferentieAanbieder"]
