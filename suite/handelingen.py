"""The process verbs of a conversation (toewijzen, starten, stoppen, declareren ...) as trigger data, so a step
says in one line what happens and ``Gesprek.doe`` decides which side does it."""

from __future__ import annotations

import datetime as dt

from suite import berichtdata as bd

STANDAARD_PRODUCT = {"iWmo": "02A16", "iJw": "45A02"}
ANDER_PRODUCT = {"iWmo": "01A06", "iJw": "45A34"}
DERDE_PRODUCT = {"iWmo": "04A01", "iJw": "45A07"}
CATEGORIE = {"iWmo": "05", "iJw": "46"}  # only a ProductCategorie (no ProductCode), none of the others' category
CODE_VAN_ANDERE_CATEGORIE = {"iWmo": ("02", "03A01"), "iJw": ("45", "46A01")}  # (Categorie, Code) that do not fit
ANDERE_CATEGORIE = {"iWmo": ("03", "03A01"), "iJw": ("46", "46A01")}  # a fitting pair outside the toewijzingen
BENOEMD = {"standaard": STANDAARD_PRODUCT, "ander": ANDER_PRODUCT, "derde": DERDE_PRODUCT, "categorie": CATEGORIE}
ZONDER_PRODUCT = ""  # the "code" of a toewijzing without Product ("geen" in a feature file)
OMVANG = {"Volume": 2, "Eenheid": "04", "Frequentie": "2"}
TIJDELIJK = "20"
DEFINITIEF = {"iWmo": "23", "iJw": "34"}  # levering in overeenstemming voortijdig beeindigd


def product(code: str) -> dict | None:
    if code == ZONDER_PRODUCT:
        return None
    return {"Categorie": code[:2], "Code": code} if len(code) > 2 else {"Categorie": code}


def centen(bedrag: str) -> int:
    """An amount as a feature file writes it ("1.250,50") in euro cents."""
    euro, _, cent = bedrag.replace(".", "").partition(",")
    return int(euro) * 100 + int((cent or "0").ljust(2, "0"))


def datum(tekst) -> dt.date:
    return tekst if isinstance(tekst, dt.date) else dt.date.fromisoformat(str(tekst).strip())


def omvang(volume=None, eenheid=None, frequentie=None) -> dict:
    return {"Volume": int(volume or OMVANG["Volume"]), "Eenheid": eenheid or OMVANG["Eenheid"],
            "Frequentie": frequentie or OMVANG["Frequentie"]}


class Handelingen:
    """Mixin for Gesprek: every verb returns the Uitkomst of ``doe``."""

    standaard: str
    client: dict

    def productcode(self, code: str | None) -> str:
        """A product named in a feature file ("standaard", "ander", "derde", "categorie", "geen") or a literal
        code, as the code for this standard ("" for a toewijzing without Product)."""
        if code == "geen":
            return ZONDER_PRODUCT
        if code in BENOEMD:
            return BENOEMD[code][self.standaard]
        return code or STANDAARD_PRODUCT[self.standaard]

    def toewijzen(self, vandaag, producten: list[dict]):
        gegevens = {"standaard": self.standaard, "client": bd.client_301(self.client), "producten": producten}
        return self.doe("toewijzen", gegevens, vandaag)

    def toewijzing_afgeven(self, vandaag, code=None, begin=None, eind=None, omvang_=None, **extra):
        p = {"Product": product(self.productcode(code)), "Ingangsdatum": datum(begin or vandaag),
             "Einddatum": datum(eind) if eind else None, "Omvang": omvang_ or omvang(), **extra}
        return self.toewijzen(vandaag, [{k: v for k, v in p.items() if v is not None}])

    def nummer(self, code: str | None = None, volgorde: int | None = None) -> int:
        code = self.productcode(code) if code else None
        return int(self.toewijzing(code, volgorde)["ToewijzingNummer"])

    def wijzig_toewijzing(self, vandaag, code=None, **wijziging):
        gegevens = {"standaard": self.standaard, "bsn": self.client["Bsn"], "ToewijzingNummer": self.nummer(code),
                    **{k: v for k, v in wijziging.items() if v is not None}}
        return self.doe("wijzig_toewijzing", gegevens, vandaag)

    def start(self, vandaag, begindatum, code=None, nummer=None, **extra):
        gegevens = {"standaard": self.standaard, "bsn": self.client["Bsn"],
                    "ToewijzingNummer": nummer or self.nummer(code), "Begindatum": datum(begindatum), **extra}
        return self.doe("start_zorg", gegevens, vandaag)

    def stop(self, vandaag, reden: str, einddatum, code=None, nummer=None, **extra):
        gegevens = {"standaard": self.standaard, "bsn": self.client["Bsn"],
                    "ToewijzingNummer": nummer or self.nummer(code), "RedenBeeindiging": str(reden),
                    "Einddatum": datum(einddatum), **extra}
        return self.doe("stop_zorg", gegevens, vandaag)

    def aanvraag(self, code=None, begin=None, eind=None, **extra) -> dict:
        """An AangevraagdProduct for a verzoek om toewijzing (a Verwijzer huisarts by default)."""
        p = {"ReferentieAanbieder": self.referentie("VOT"), "Product": product(self.productcode(code)),
             "ToewijzingIngangsdatum": datum(begin), "ToewijzingEinddatum": datum(eind) if eind else None,
             "Omvang": omvang(), "Verwijzer": {"Type": "02", "Naam": "Huisarts"}, **extra}
        return {k: v for k, v in p.items() if v is not None}

    def verzoek_om_toewijzing(self, vandaag, producten: list[dict]):
        for p in producten:
            p.setdefault("ReferentieAanbieder", self.referentie("VOT"))
        client = bd.client_kort(self.client)
        return self.doe("verzoek_om_toewijzing", {"standaard": self.standaard, "client": client,
                                                  "producten": producten}, vandaag)

    def verzoek_om_wijziging(self, vandaag, te_wijzigen=(), nieuw=(), reden="1", referentie=None, **extra):
        gegevens = {"standaard": self.standaard, "bsn": self.client["Bsn"], "RedenVerzoek": reden,
                    "ReferentieAanbieder": referentie or self.referentie("VOW"),
                    "TeWijzigenProducten": list(te_wijzigen), "NieuweProducten": list(nieuw), **extra}
        return self.doe("verzoek_om_wijziging", gegevens, vandaag)

    def beantwoord(self, vandaag, referentie: str, antwoord: str, reden=None, woonplaats=None):
        gegevens = {"standaard": self.standaard, "bsn": self.client["Bsn"], "ReferentieAanbieder": referentie,
                    "VerzoekAntwoord": antwoord, "RedenAfwijzingVerzoek": reden, "Woonplaatsbeginsel": woonplaats}
        return self.doe("beantwoord_verzoek", {k: v for k, v in gegevens.items() if v is not None}, vandaag)

    def honoreer(self, vandaag, referentie: str):
        gegevens = {"standaard": self.standaard, "bsn": self.client["Bsn"], "ReferentieAanbieder": referentie,
                    "client": bd.client_301(self.client)}
        return self.doe("honoreer_verzoek", gegevens, vandaag)

    def prestatie(self, maand, volume: int, eenheid: str = "04", code=None, nummer=None, **extra) -> dict:
        """A prestatie for trigger data; the ProductPeriode is the part of the month within the toewijzing."""
        nummer = nummer or self.nummer(code)
        p = {"bsn": self.client["Bsn"], "ToewijzingNummer": nummer, "GeleverdVolume": volume, "Eenheid": eenheid,
             "ReferentieNummer": self.referentie("P")[-20:], **extra}
        p.setdefault("ProductPeriode", self.productperiode(maand, nummer))
        return p

    def productperiode(self, maand, nummer: int) -> dict:
        from ketenproef.calculations.perioden import declaratieperiode, doorsnede

        t = self.dossier().toegewezen().get(int(nummer))
        periode = declaratieperiode(datum(maand + "-01" if len(str(maand)) == 7 else maand))
        if t is not None:
            einde = datum(t["Einddatum"]) if t.get("Einddatum") else None
            periode = doorsnede(periode, datum(t["Ingangsdatum"]), einde) or periode
        return {"Begindatum": periode.begindatum, "Einddatum": periode.einddatum}

    def declareer(self, vandaag, maand, prestaties: list[dict], **extra):
        maand = datum(maand + "-01" if len(str(maand)) == 7 else maand)
        gegevens = {"standaard": self.standaard, "DeclaratiePeriode": bd.maand(datum(maand)),
                    "prestaties": prestaties, **extra}
        return self.doe("declareer", gegevens, vandaag)

    def crediteer(self, vandaag, referentie: str, **extra):
        gegevens = {"standaard": self.standaard, "ReferentieNummer": referentie,
                    "NieuwReferentieNummer": self.referentie("C")[-20:], **extra}
        return self.doe("crediteer", gegevens, vandaag)

    def afsluiten(self, vandaag, reden: str, einddatum):
        """Administratief afsluiten: the stop that follows an ended toewijzing. A system that sends it by itself
        when it reads its mail (after the Einddatum) is not asked again."""
        from suite.gesprek import Uitkomst

        if self.door_systeem("stop_zorg"):
            self.postbus(vandaag)
            for r in reversed(self.dossier().berichten("307", heen=True, van_systeem=True)):
                stop = r.data["Client"]["StopProducten"][0]
                if (stop["RedenBeeindiging"], str(stop["Einddatum"])) == (reden, str(datum(einddatum))):
                    uitkomst = Uitkomst("stop_zorg", True, [r.id], {"vanzelf": True})
                    self.uitkomsten.append(uitkomst)
                    return uitkomst
        einde = str(datum(einddatum))
        geeindigd = [p for p in self.dossier().toegewezen().values() if str(p.get("Einddatum")) == einde]
        nummer = int(geeindigd[0]["ToewijzingNummer"]) if geeindigd else None
        return self.stop(vandaag, reden, einddatum, nummer=nummer)
