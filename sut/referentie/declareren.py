"""Declaring (323) and crediting for the reference aanbieder, with the invulinstructies of the core
(IV079 amounts, IV089 ProductPeriode, IV086/TR358 totals, IV091 credits).

Which prestaties the gemeente approved is read from the 325s (``archief.afgekeurd_volgens_325``): every debet
of an answered 323 that the 325 does not return is approved.
"""

from __future__ import annotations

from ketenproef import factory
from ketenproef.bericht import findall, text
from ketenproef.calculations import (
    Periode,
    controleer_productperiode,
    declaratieperiode,
    eenheid_past,
    geleverd_volume_uren,
    ingediend_bedrag,
    ingediend_bedrag_minuten,
    is_declaratieperiode,
    maak_creditprestatie,
    mag_credit_sturen,
    max_volume_productperiode,
    minuuttarief,
    omrekenen_volume,
    past_binnen_productperiode,
    totaal_ingediend,
)
from ketenproef.calculations import Toewijzing as Omvang
from ketenproef.calculations.codes import FREQUENTIE_PER_MAAND, FREQUENTIE_PER_WEEK
from ketenproef.calculations.perioden import doorsnede
from ketenproef.calculations.weken import zondag_van_week
from ketenproef.keten.regie import afgewezen
from ketenproef.keten.toewijzingen import Toewijzing
from sut.base import SutError
from sut.referentie.archief import UIT, Uitwisseling
from sut.referentie.gegevens import datum, getal, verplicht
from sut.referentie.systeem import berichtnaam

UUR, MINUUT, EUROS = "04", "01", "83"
HULP_BIJ_HET_HUISHOUDEN = "01"  # IV077: a fixed six weeks per ProductPeriode, not the calendar weeks


def periode_van(data: dict, veld: str) -> Periode:
    verplicht(data, "Begindatum", "Einddatum")
    try:
        return Periode(datum(data["Begindatum"], f"{veld}/Begindatum"), datum(data["Einddatum"], f"{veld}/Einddatum"))
    except ValueError as exc:
        raise SutError(f"{veld}: {exc}") from exc


def prestatie_uit_bericht(data: dict) -> dict:
    """A 323 Prestatie as read from XML, with its amounts as integers (for the calculations)."""
    p = dict(data)
    p["IngediendBedrag"] = {**p["IngediendBedrag"], "Bedrag": int(p["IngediendBedrag"]["Bedrag"])}
    p["GeleverdVolume"] = int(p["GeleverdVolume"])
    if p.get("ProductTarief") is not None:
        p["ProductTarief"] = int(p["ProductTarief"])
    return p


class Declareren:
    """Mixin for ReferentieAanbieder."""

    # ------------------------------------------------------------------ what was declared
    def declaraties(self, standaard: str | None = None) -> list[Uitwisseling]:
        return [u for u in self.archief.van(UIT, "323", standaard)]

    def ingediend(self, standaard: str | None = None) -> dict[str, tuple[dict, str, Uitwisseling, bool]]:
        """ReferentieNummer -> (Prestatie with Bsn, standaard, its 323, afgewezen) for every prestatie we sent."""
        out = {}
        for u in self.declaraties(standaard):
            b = u.bericht()
            clienten = factory.to_data(u.root, u.naam)["Declaratie"]["Clienten"]
            for client, client_el in zip(clienten, b.all("Client"), strict=True):
                for data, el in zip(client["Prestaties"], findall(client_el, "Prestaties/Prestatie"), strict=True):
                    prestatie = {**prestatie_uit_bericht(data), "Bsn": client["Bsn"]}
                    rejected = u.afgekeurd is None or afgewezen(el, u.afgekeurd)
                    out[data["ProductReferentie"]["ReferentieNummer"]] = (prestatie, u.standaard, u, rejected)
        return out

    def goedgekeurd(self, standaard: str) -> set[str]:
        return {ref for ref, (p, std, u, rejected) in self.ingediend(standaard).items()
                if std == standaard and u.beantwoord and not rejected and p["IngediendBedrag"]["DebetCredit"] == "D"}

    def gecrediteerd(self, standaard: str) -> set[str]:
        return {p["ProductReferentie"].get("VorigReferentieNummer")
                for p, std, _, rejected in self.ingediend(standaard).values()
                if std == standaard and not rejected and p["IngediendBedrag"]["DebetCredit"] == "C"}

    def laatste_periode(self, standaard: str) -> Periode | None:
        """The DeclaratiePeriode of the last accepted 323 to this gemeente (TR318 holds per gemeente)."""
        for u in reversed(self.declaraties(standaard)):
            if u.afgekeurd is not None and text(u.root, "Header/Ontvanger") == self.gemeente:
                periode = factory.to_data(u.root, u.naam)["Declaratie"]["DeclaratiePeriode"]
                return periode_van(periode, "DeclaratiePeriode")
        return None

    # ------------------------------------------------------------------ declareer
    def declareer(self, gegevens: dict) -> dict:
        verplicht(gegevens, "DeclaratiePeriode", "prestaties")
        periode = periode_van(gegevens["DeclaratiePeriode"], "DeclaratiePeriode")
        self.eis_hele_maand(periode)  # before the prestaties, whose ProductPeriode depends on it
        prestaties = [self.met_volume_uit_leveringen(self.met_volume_uit_minuten(dict(item)), periode)
                      for item in gegevens["prestaties"]]
        if not self.houdt_zich_aan("IV090"):
            periode = self.periode_van_de_zorg(periode, prestaties)
        regels, standaarden = [], set()
        for item in prestaties:
            standaard, t = self.toewijzing_van({**item, "standaard": gegevens.get("standaard")})
            standaarden.add(standaard)
            regels.append((t.bsn, self.maak_prestatie(item, t, periode)))
        if len(standaarden) != 1:
            raise SutError("een declaratie bevat prestaties van een standaard (iWmo of iJw)")
        standaard = standaarden.pop()
        self.eis_nieuwe_periode(standaard, periode)
        self.eis_nieuwe_referentienummers([p for _, p in regels])
        return self.verstuur_declaratie(standaard, periode, regels)

    def met_volume_uit_minuten(self, item: dict) -> dict:
        """IV079: care delivered in minutes (``GeleverdeMinuten``, the minutes of each delivery in the ProductPeriode)
        declared in whole hours: the minutes are summed first, then rounded arithmetically (under 30 minutes down,
        30 or more up) with a minimum of 1 hour. A mutant of IV079 drops the remaining minutes (minutes // 60)."""
        if item.get("GeleverdeMinuten") is None:
            return item
        if item.get("GeleverdVolume") is not None:
            raise SutError("geef GeleverdVolume of GeleverdeMinuten, niet allebei")
        minuten = [getal(m, "GeleverdeMinuten") for m in item["GeleverdeMinuten"]]
        if any(m < 0 for m in minuten):
            raise SutError(f"GeleverdeMinuten {minuten}: geen negatieve minuten")
        uren = geleverd_volume_uren(minuten) if self.houdt_zich_aan("IV079") else sum(minuten) // 60
        return {**item, "GeleverdVolume": uren, "Eenheid": item.get("Eenheid") or UUR}

    def met_volume_uit_leveringen(self, item: dict, periode: Periode) -> dict:
        """IV076: the volume of the deliveries (``Leveringen``, each a ``Datum`` and a ``Volume`` in the Eenheid of the
        prestatie) that count in this prestatie's ProductPeriode (as given, else the DeclaratiePeriode): for care
        with a volume per week delivered inspanningsgericht, each delivery counts in the month of its own date. A
        mutant of IV076 applies the outputgericht rule instead and counts a delivery in the month of its week's
        Sunday, so deliveries in the last days of a month whose week ends in the next one drop out."""
        if item.get("Leveringen") is None:
            return item
        if item.get("GeleverdVolume") is not None:
            raise SutError("geef GeleverdVolume of Leveringen, niet allebei")
        pp = periode_van(item["ProductPeriode"], "ProductPeriode") if item.get("ProductPeriode") else periode
        volume = 0
        for levering in item["Leveringen"]:
            verplicht(levering, "Datum", "Volume")
            dag = datum(levering["Datum"], "Leveringen/Datum")
            telt_op = dag if self.houdt_zich_aan("IV076") else zondag_van_week(dag)
            if telt_op in pp:
                volume += getal(levering["Volume"], "Leveringen/Volume")
        if volume == 0:
            raise SutError(f"geen leveringen in de periode {pp.begindatum} - {pp.einddatum} om te declareren")
        return {**item, "GeleverdVolume": volume}

    def periode_van_de_zorg(self, periode: Periode, prestaties: list[dict]) -> Periode:
        """For a mutant of IV090 only: care declared late goes out under the month it was delivered in (the
        earliest ProductPeriode) instead of the DeclaratiePeriode asked for, which may lie before the last one
        submitted (TR318)."""
        eerder = [periode_van(p["ProductPeriode"], "ProductPeriode").begindatum for p in prestaties
                  if p.get("ProductPeriode")]
        eerste = min(eerder, default=periode.begindatum)
        return declaratieperiode(eerste) if eerste < periode.begindatum else periode

    def verstuur_declaratie(self, standaard: str, periode: Periode, regels: list[tuple[str, dict]]) -> dict:
        if not self.houdt_zich_aan("CD060"):
            self.verwijs_naar_vervangen(standaard, [p for _, p in regels])
        bedrag, dc = self.totaal([p for _, p in regels])
        if bedrag == 0 and not self.houdt_zich_aan("CS325") and any(
                p["IngediendBedrag"]["DebetCredit"] == "C" for _, p in regels):
            dc = "C"  # a mutant without CS325 takes a declaratie with credits and no positive saldo as credit
        clienten: dict[str, list[dict]] = {}
        for bsn, prestatie in regels:
            clienten.setdefault(bsn, []).append(prestatie)
        nummer = self.declaratienummer(periode)
        declaratie = {"DeclaratieNummer": nummer,
                      "DeclaratiePeriode": {"Begindatum": periode.begindatum, "Einddatum": periode.einddatum},
                      "DeclaratieDagtekening": self.vandaag,
                      "TotaalIngediendBedrag": {"TotaalBedrag": bedrag, "DebetCredit": dc},
                      "Clienten": [{"Bsn": bsn, "Prestaties": ps} for bsn, ps in clienten.items()]}
        self.verstuur_heen(berichtnaam(standaard, "323"), {"Declaratie": declaratie})
        return {"standaard": standaard, "DeclaratieNummer": nummer,
                "TotaalIngediendBedrag": {"TotaalBedrag": bedrag, "DebetCredit": dc},
                "prestaties": {p["ProductReferentie"]["ReferentieNummer"]: p["IngediendBedrag"] for _, p in regels}}

    def declaratienummer(self, periode: Periode) -> str:
        """A DeclaratieNummer unique for this aanbieder (TR333). A mutant without TR333 numbers its declaraties after
        the DeclaratiePeriode, as if there were one per month: a second 323 over the same month (a correction after
        a 325 rejected a prestatie, a credit) gets the number of the first again."""
        if not self.houdt_zich_aan("TR333"):
            return f"D{periode.begindatum:%Y%m}"
        return f"D{self.volgende('declaratie'):08d}"

    def verwijs_naar_vervangen(self, standaard: str, prestaties: list[dict]) -> None:
        """For a mutant without CD060: a new debet that replaces a credited one (same ToewijzingNummer, product and
        ProductPeriode) refers to it with VorigReferentieNummer, which only a credit may carry."""
        def combinatie(p: dict) -> tuple:
            return (str(p["ToewijzingNummer"]), p["ProductCategorie"], p["ProductCode"],
                    str(p["ProductPeriode"]["Begindatum"]), str(p["ProductPeriode"]["Einddatum"]))

        gecrediteerd = self.gecrediteerd(standaard)
        vervangen = {combinatie(p): ref for ref, (p, std, _, rejected) in self.ingediend(standaard).items()
                     if ref in gecrediteerd and not rejected and p["IngediendBedrag"]["DebetCredit"] == "D"}
        for p in prestaties:
            if p["IngediendBedrag"]["DebetCredit"] == "D" and combinatie(p) in vervangen:
                p["ProductReferentie"] = {**p["ProductReferentie"], "VorigReferentieNummer": vervangen[combinatie(p)]}

    def eis_nieuwe_periode(self, standaard: str, periode: Periode) -> None:
        """IV090: a whole calendar month (CS340), not before the last one submitted (TR318); a mutant skips the
        part of its rule."""
        self.eis_hele_maand(periode)
        laatste = self.laatste_periode(standaard)
        if laatste is not None and periode.begindatum < laatste.begindatum and self.houdt_zich_aan("TR318"):
            raise SutError(f"DeclaratiePeriode {periode.begindatum} ligt voor de laatst ingediende "
                           f"{laatste.begindatum} (IV090, TR318)")

    def eis_hele_maand(self, periode: Periode) -> None:
        if not is_declaratieperiode(periode) and self.houdt_zich_aan("CS340"):
            raise SutError(f"DeclaratiePeriode {periode.begindatum} - {periode.einddatum} is geen hele "
                           "kalendermaand (IV090, CS340)")

    def eis_nieuwe_referentienummers(self, prestaties: list[dict]) -> None:
        if not self.houdt_zich_aan("TR314"):
            return
        gebruikt = set(self.ingediend())
        nieuw = [p["ProductReferentie"]["ReferentieNummer"] for p in prestaties]
        dubbel = sorted(r for r in nieuw if r in gebruikt or nieuw.count(r) > 1)
        if dubbel:
            raise SutError(f"ReferentieNummer(s) {dubbel} zijn al gebruikt (OP283, TR314)")

    def maak_prestatie(self, item: dict, t: Toewijzing, periode: Periode) -> dict:
        verplicht(item, "GeleverdVolume")
        eenheid = str(item.get("Eenheid") or t.eenheid or "")
        if not eenheid:
            raise SutError(f"toewijzing {t.nummer} heeft geen Omvang: geef de Eenheid van de prestatie")
        past = not t.eenheid or eenheid_past(eenheid, t.eenheid)
        if not past and self.houdt_zich_aan("TR341"):
            raise SutError(f"Eenheid {eenheid} past niet bij de toewijzing in Eenheid {t.eenheid} (TR341)")
        categorie, code = item.get("ProductCategorie") or t.categorie, item.get("ProductCode") or t.code
        if not (categorie and code):
            raise SutError(f"toewijzing {t.nummer} heeft geen productcode: geef ProductCategorie en ProductCode")
        pp = self.productperiode(item, t, periode)
        volume = getal(item["GeleverdVolume"], "GeleverdVolume")
        if past:  # volumes in another Eenheid are not comparable (a mutant without TR341 gets here)
            self.controleer_volume(t, pp, volume, eenheid)
        tarief, bedrag = self.bedrag(t, item, volume, eenheid)
        referentie = item.get("ReferentieNummer") or f"P{self.eigen}{self.volgende('prestatie'):08d}"[:20]
        return {"ProductReferentie": {"ReferentieNummer": referentie}, "ToewijzingNummer": t.nummer,
                "ProductCategorie": categorie, "ProductCode": code,
                "ProductPeriode": {"Begindatum": pp.begindatum, "Einddatum": pp.einddatum},
                "GeleverdVolume": volume, "Eenheid": eenheid, "ProductTarief": tarief,
                "IngediendBedrag": {"Bedrag": bedrag, "DebetCredit": "D"}}

    def productperiode(self, item: dict, t: Toewijzing, periode: Periode) -> Periode:
        if item.get("ProductPeriode"):
            pp = periode_van(item["ProductPeriode"], "ProductPeriode")
        elif not self.houdt_zich_aan("IV089"):  # a mutant: always the whole month, whatever the toewijzing's dates
            pp = periode
        else:  # IV089: the part of the month within the toewijzing
            pp = doorsnede(periode, t.ingangsdatum, t.einddatum)
            if pp is None:
                raise SutError(f"toewijzing {t.nummer} loopt niet in de DeclaratiePeriode")
        fouten = [r for r in controleer_productperiode(pp, t.ingangsdatum, t.einddatum) if self.houdt_zich_aan(r)]
        if fouten:
            raise SutError(f"ProductPeriode {pp.begindatum} - {pp.einddatum} past niet bij toewijzing {t.nummer} "
                           f"({', '.join(fouten)})")
        return pp

    def controleer_volume(self, t: Toewijzing, pp: Periode, volume: int, eenheid: str) -> None:
        """TR321: a correct aanbieder does not declare more than was allocated for the ProductPeriode."""
        if t.volume is None or not (t.eenheid and t.frequentie) or not self.houdt_zich_aan("TR321"):
            return
        try:
            omvang = Omvang(t.ingangsdatum, t.einddatum, t.volume, t.eenheid, t.frequentie, t.categorie)
            past = past_binnen_productperiode(omvang, pp, volume, eenheid)
            if not (self.houdt_zich_aan("IV077") and self.houdt_zich_aan("IV078")):
                past = volume <= omrekenen_volume(self.maximum_van_mutant(omvang, pp), t.eenheid, eenheid)
        except ValueError as exc:
            raise SutError(f"volume van toewijzing {t.nummer} niet te bepalen: {exc}") from exc
        if not past:
            raise SutError(f"GeleverdVolume {volume} is meer dan toegewezen in {pp.begindatum} - {pp.einddatum} "
                           f"(toewijzing {t.nummer}: {t.volume} x {t.eenheid} per {t.frequentie}; TR321)")

    def maximum_van_mutant(self, omvang: Omvang, pp: Periode) -> int:
        """For a mutant of IV077 or IV078 only: the maximum of a ProductPeriode (TR321) with that part of the
        calculation done the wrong way. IV077: the weeks as days / 7 rounded up instead of the calendar weeks (week
        numbers), so a month whose first and last week are both broken loses one. IV078: a broken month pro rata to
        its days instead of the full monthly volume."""
        maximum = max_volume_productperiode(omvang, pp)
        if (omvang.frequentie == FREQUENTIE_PER_WEEK and not self.houdt_zich_aan("IV077")
                and not omvang.is_outputgericht and omvang.productcategorie != HULP_BIJ_HET_HUISHOUDEN):
            maximum = -(-pp.aantal_dagen // 7) * omvang.volume
        if omvang.frequentie == FREQUENTIE_PER_MAAND and not self.houdt_zich_aan("IV078"):
            maand = declaratieperiode(pp.begindatum).aantal_dagen
            maximum = (2 * omvang.volume * pp.aantal_dagen + maand) // (2 * maand)  # pro rata, half up
        return maximum

    def bedrag(self, t: Toewijzing, item: dict, volume: int, eenheid: str) -> tuple[int | None, int]:
        """(ProductTarief, IngediendBedrag). In uren toegewezen en in minuten gedeclareerd: ProductTarief is the
        minute tariff, the amount is uurtarief x minuten / 60 rounded once (IV079, IV081, TR346). A mutant of TR346
        multiplies the minutes by the rounded minute tariff; one of CS339 reads a GeleverdVolume in euro's (83) as
        whole euros and converts it to cents once more."""
        if eenheid == EUROS:  # no ProductTarief; one given anyway goes along and the own check refuses it (CD087)
            tarief = item.get("ProductTarief")
            bedrag = ingediend_bedrag(volume, None, EUROS) if self.houdt_zich_aan("CS339") else volume * 100
            return (None if tarief is None else getal(tarief, "ProductTarief")), bedrag
        if t.eenheid == UUR and eenheid == MINUUT:
            uurtarief = getal(item.get("Uurtarief", item.get("ProductTarief")), "Uurtarief")
            if not self.houdt_zich_aan("TR346"):
                return minuuttarief(uurtarief), volume * minuuttarief(uurtarief)
            return minuuttarief(uurtarief), ingediend_bedrag_minuten(uurtarief, volume)
        tarief = getal(item.get("ProductTarief"), "ProductTarief")
        return tarief, ingediend_bedrag(volume, tarief, eenheid)

    def totaal(self, prestaties: list[dict]) -> tuple[int, str]:
        """TotaalIngediendBedrag and its DebetCredit: the sum of the IngediendBedragen (TR358, IV086). A mutant of
        TR358 computes it again from GeleverdVolume x ProductTarief, which differs where minutes were declared
        against an hourly tariff (the amount is rounded only once, IV081)."""
        if self.houdt_zich_aan("TR358"):
            return totaal_ingediend(prestaties)
        som = sum((p["GeleverdVolume"] * p["ProductTarief"] if p.get("ProductTarief") is not None
                   else p["IngediendBedrag"]["Bedrag"]) * (1 if p["IngediendBedrag"]["DebetCredit"] == "D" else -1)
                  for p in prestaties)
        return abs(som), "D" if som >= 0 else "C"

    # ------------------------------------------------------------------ crediteer
    def mag_crediteren(self, debet: dict, goedgekeurd: set[str], gecrediteerd: set[str]) -> bool:
        return mag_credit_sturen(debet, goedgekeurd, gecrediteerd)

    def crediteer(self, gegevens: dict) -> dict:
        """IV091: one credit per approved debet named (``ReferentieNummer`` or the list ``credits``), in one 323;
        with ``prestaties`` the corrected debets go in the same 323 (IV086, OP366)."""
        te_crediteren = self.te_crediteren(gegevens)
        ingediend = self.ingediend()
        regels, standaarden = [], set()
        for referentie, gegeven_nieuw in te_crediteren:
            if referentie not in ingediend:
                raise SutError(f"prestatie {referentie} is nooit gedeclareerd")
            debet, standaard, _, _ = ingediend[referentie]
            debet = dict(debet)
            bsn = debet.pop("Bsn")
            goedgekeurd = self.goedgekeurd(standaard) if self.houdt_zich_aan("TR323") else set(ingediend)
            gecrediteerd = self.gecrediteerd(standaard) if self.houdt_zich_aan("TR390") else set()
            if not self.mag_crediteren(debet, goedgekeurd, gecrediteerd):
                raise SutError(f"prestatie {referentie} kan niet gecrediteerd worden: niet (of nog niet) goedgekeurd "
                               "in een 325, of al gecrediteerd (IV085, TR323, TR390)")
            nieuw = gegeven_nieuw or f"C{self.eigen}{self.volgende('prestatie'):08d}"[:20]
            regels.append((bsn, self.creditprestatie(debet, nieuw)))
            standaarden.add(standaard)
        if len(standaarden) != 1:
            raise SutError("een declaratie bevat prestaties van een standaard (iWmo of iJw)")
        standaard = standaarden.pop()
        self.eis_een_credit_per_debet([p for _, p in regels])
        self.eis_nieuwe_referentienummers([p for _, p in regels])
        if gegevens.get("DeclaratiePeriode"):
            periode = periode_van(gegevens["DeclaratiePeriode"], "DeclaratiePeriode")
            self.eis_nieuwe_periode(standaard, periode)
        else:
            periode = self.laatste_periode(standaard)
        if gegevens.get("prestaties"):
            regels += self.gecorrigeerde_prestaties(gegevens["prestaties"], standaard, periode)
            self.eis_nieuwe_referentienummers([p for _, p in regels])
        return self.verstuur_declaratie(standaard, periode, regels)

    @staticmethod
    def te_crediteren(gegevens: dict) -> list[tuple[str, str | None]]:
        """(ReferentieNummer of the debet, the credit's own ReferentieNummer or None) per credit asked for."""
        if gegevens.get("credits"):
            out = []
            for c in gegevens["credits"]:
                verplicht(c, "ReferentieNummer")
                out.append((str(c["ReferentieNummer"]), c.get("NieuwReferentieNummer")))
            return out
        verplicht(gegevens, "ReferentieNummer")
        return [(str(gegevens["ReferentieNummer"]), gegevens.get("NieuwReferentieNummer"))]

    def creditprestatie(self, debet: dict, nieuw: str) -> dict:
        """IV091: a copy of the debet with a new ReferentieNummer, VorigReferentieNummer and DebetCredit C. A mutant
        without IV091 computes the credit's amount again as GeleverdVolume x ProductTarief instead of copying the
        debet's IngediendBedrag (for minutes declared at an hourly tariff the rounded minute tariff gives another
        amount, IV081)."""
        try:
            credit = maak_creditprestatie(debet, nieuw)
        except ValueError as exc:
            raise SutError(f"prestatie {debet['ProductReferentie']['ReferentieNummer']} kan niet gecrediteerd worden: "
                           f"{exc}") from exc
        if not self.houdt_zich_aan("IV091") and credit.get("ProductTarief") is not None:
            credit["IngediendBedrag"] = {**credit["IngediendBedrag"],
                                         "Bedrag": credit["GeleverdVolume"] * credit["ProductTarief"]}
        return credit

    def eis_een_credit_per_debet(self, credits: list[dict]) -> None:
        """TR315: a debet is credited at most once in a 323 (every VorigReferentieNummer once)."""
        if not self.houdt_zich_aan("TR315"):
            return
        vorige = [p["ProductReferentie"]["VorigReferentieNummer"] for p in credits]
        dubbel = sorted({v for v in vorige if vorige.count(v) > 1})
        if dubbel:
            raise SutError(f"prestatie(s) {dubbel} staan meer dan een keer in de creditering: een debet wordt in een "
                           "declaratie maar een keer gecrediteerd (TR315)")

    def gecorrigeerde_prestaties(self, items: list[dict], standaard: str,
                                 periode: Periode | None) -> list[tuple[str, dict]]:
        """The new debets that go with the credits in one 323 (IV086: a credit and the corrected debet together)."""
        if periode is None:
            raise SutError("geen DeclaratiePeriode voor de gecorrigeerde prestaties: geef DeclaratiePeriode")
        regels = []
        for item in items:
            std, t = self.toewijzing_van({**item, "standaard": standaard})
            if std != standaard:
                raise SutError("een declaratie bevat prestaties van een standaard (iWmo of iJw)")
            regels.append((t.bsn, self.maak_prestatie(item, t, periode)))
        return regels
