"""The reference gemeente: a correct gemeente system for iWmo 3.2 and iJw 3.2.

It issues toewijzingen (301) with fresh ToewijzingNummers and always with all actual toewijzingen of the
client at the aanbieder (OP087), changes them (OP033x1, IV066, IV099), answers verzoeken (319) or honours them
in a 301 (OP344, IV093, IV094), and judges what the aanbieder sends (305, 307, 315, 317, 323) with its Keten.
"""

from __future__ import annotations

import copy
import datetime as dt

from ketenproef import factory
from ketenproef.keten.relaties import Part as Relaties
from ketenproef.keten.relaties import Persoon
from ketenproef.keten.toewijzingen import VERWIJDERD, Toewijzing
from ketenproef.keten.verzoeken import IN_ONDERZOEK, Ref, Verzoeken
from sut.base import GEMEENTE, SutError
from sut.referentie.archief import IN, UIT, Uitwisseling
from sut.referentie.gegevens import client_kop, datum, verplicht
from sut.referentie.systeem import ReferentieSysteem, berichtnaam

DOOR_AANBIEDER = "12"  # RedenWijziging: geinitieerd door de aanbieder (IV093)
TOTAAL = "6"  # Frequentie: totaal binnen geldigheidsduur toewijzing


class ReferentieGemeente(ReferentieSysteem):
    name = "referentie-gemeente"
    role = GEMEENTE
    prefix = "RG"
    eerste_toewijzingnummer = 1000001

    # ------------------------------------------------------------------ what it knows
    def bekende_standaard(self, bsn: str | None = None, nummer: int | None = None,
                          referentie: str | None = None) -> str | None:
        gevonden = self.standaard_met_toewijzing(bsn, nummer)
        if gevonden:
            return gevonden
        if referentie:
            gevonden = self.ontvangen_verzoek(referentie, verplicht_=False)
            return gevonden.standaard if gevonden else None
        return None

    def toewijzing_van(self, gegevens: dict) -> tuple[str, Toewijzing]:
        standaard, nummer, bsn, t = self.zoek_toewijzing(gegevens)
        if t is None:
            raise SutError(f"toewijzing {nummer} van client {bsn} is niet door deze gemeente afgegeven")
        return standaard, t

    def product_data(self, t: Toewijzing | None) -> dict:
        """The ToegewezenProduct exactly as last sent (plain data), to send again or to change."""
        if t is None:
            raise SutError("het verzoek noemt een toewijzing die deze gemeente niet (aan deze aanbieder) afgaf")
        for u in reversed(self.archief.berichten):
            if u.richting == UIT and u.nummer == "301" and u.identificatie == t.bericht_id:
                for p in factory.to_data(u.root, u.naam)["Client"]["ToegewezenProducten"]:
                    if int(p["ToewijzingNummer"]) == t.nummer:
                        return copy.deepcopy(p)
        raise SutError(f"toewijzing {t.nummer} niet gevonden in de verstuurde berichten")

    def client(self, standaard: str, bsn: str, gegevens: dict | None = None) -> dict:
        """The client as last sent in a 301, or as given in the trigger data."""
        naam = berichtnaam(standaard, "301")
        if gegevens and gegevens.get("client"):
            return client_kop(naam, gegevens["client"])
        for u in reversed(self.archief.berichten):
            if u.richting == UIT and u.nummer == "301" and u.standaard == standaard:
                client = factory.to_data(u.root, u.naam)["Client"]
                if client["Bsn"] == str(bsn):
                    return client_kop(naam, client)
        return {}

    def ontvangen_verzoek(self, referentie: str, verplicht_: bool = True) -> Uitwisseling | None:
        """The accepted 315 or 317 that carries this ReferentieAanbieder."""
        for u in reversed(self.archief.berichten):
            if u.richting == IN and u.nummer in ("315", "317") and u.afgekeurd is not None:
                if any((el.text or "").strip() == referentie for el in u.root.iter("{*}ReferentieAanbieder")):
                    return u
        if verplicht_:
            raise SutError(f"geen (geaccepteerd) verzoek met ReferentieAanbieder {referentie} ontvangen")
        return None

    # ------------------------------------------------------------------ numbers and time
    def nieuw_toewijzingnummer(self, standaard: str, bsn: str) -> int:
        if not self.houdt_zich_aan("TR332"):  # a mutant numbers the toewijzingen of each client from 1 (its line
            return self.volgende(f"toewijzing-{standaard}-{bsn}")  # in the client's file): numbers recur
        bezet = self.keten(standaard).toewijzingen.nummers_van_gemeente(self.gemeente)
        while True:
            nummer = self.volgende(f"toewijzing-{standaard}", self.eerste_toewijzingnummer)
            if nummer not in bezet:
                return nummer

    def toewijzingstijd(self) -> str:
        """Increasing within a day, so the latest version is the actual one (IV013, OP033x1)."""
        dag = self.vandaag.toordinal()
        if self.tellers.get("tijddag") != dag:
            self.tellers["tijddag"], self.tellers["tijd"] = dag, 9 * 3600
        else:
            self.tellers["tijd"] += 1
        s = self.tellers["tijd"]
        return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"

    def stempel(self) -> dict:
        return {"Toewijzingsdatum": self.vandaag, "Toewijzingstijd": self.toewijzingstijd()}

    # ------------------------------------------------------------------ sending a 301
    def overige_actuele(self, standaard: str, bsn: str, al: set[int]) -> list[dict]:
        """The other actual toewijzingen of the client at this aanbieder, sent again unchanged (OP087), without a
        ReferentieAanbieder (IV094, IV097). A mutant without OP087 sends only the new or changed ones."""
        if not self.houdt_zich_aan("OP087"):
            return []
        out = []
        for t in self.keten(standaard).toewijzingen.van_client(self.gemeente, self.aanbieder, bsn):
            if t.actueel(self.vandaag) and t.nummer not in al:
                p = self.product_data(t)
                p.pop("ReferentieAanbieder", None)
                out.append(p)
        return out

    def verstuur_toewijzing(self, standaard: str, bsn: str, producten: list[dict], client: dict,
                            referentie: str | None = None) -> str:
        if not client.get("Contactgegevens"):
            raise SutError(f"client {bsn} is onbekend: geef 'client' (met Contactgegevens) mee")
        overig = self.overige_actuele(standaard, bsn, {int(p["ToewijzingNummer"]) for p in producten})
        if referentie:
            overig = [{**p, "ReferentieAanbieder": referentie} for p in overig]
        alle = sorted(producten + overig, key=lambda p: int(p["ToewijzingNummer"]))
        naam = berichtnaam(standaard, "301")
        client = self.met_relatienummers(standaard, bsn, client)
        return self.verstuur_heen(naam, {"Client": {**client, "ToegewezenProducten": alle}})

    def met_relatienummers(self, standaard: str, bsn: str, client: dict) -> dict:
        """OP071: a Relatie without Nummer gets the Nummer this person had in earlier 301s for the client, else the
        next number never used for the client."""
        relaties = client.get("Relaties") or []
        if all(r.get("Nummer") for r in relaties):
            return client
        if not self.houdt_zich_aan("OP071"):  # a mutant numbers them in the order given, every time anew
            return {**client, "Relaties": [{"Nummer": i, **r} for i, r in enumerate(relaties, start=1)]}
        bekend = self.keten(standaard).part(Relaties).bekend(self.gemeente, bsn)
        nummer_van = {p: n for n, p in bekend.items()}
        gebruikt = {int(n) for n in bekend} | {int(r["Nummer"]) for r in relaties if r.get("Nummer")}
        genummerd = []
        for r in relaties:
            if not r.get("Nummer"):
                nummer = nummer_van.get(persoon_uit(r)) or max(gebruikt, default=0) + 1
                gebruikt.add(int(nummer))
                r = {"Nummer": int(nummer), **r}
            genummerd.append(r)
        return {**client, "Relaties": genummerd}

    def toewijzen(self, gegevens: dict) -> dict:
        verplicht(gegevens, "producten")
        bsn = str((gegevens.get("client") or {}).get("Bsn") or gegevens.get("bsn") or "")
        if not bsn:
            raise SutError("de gegevens missen client (met Bsn)")
        producten = [dict(p) for p in gegevens["producten"]]
        standaard = self.standaard(gegevens, [(p.get("Product") or {}).get("Categorie") for p in producten],
                                   self.bekende_standaard(bsn))
        for p in producten:
            p.update(ToewijzingNummer=self.nieuw_toewijzingnummer(standaard, bsn), **self.stempel())
            p.pop("RedenWijziging", None)  # an initial toewijzing has none (IV066, IV099)
        self.verstuur_toewijzing(standaard, bsn, producten, self.client(standaard, bsn, gegevens))
        return {"standaard": standaard, "ToewijzingNummers": [p["ToewijzingNummer"] for p in producten]}

    def reden_wijziging(self, gevraagd: str) -> str:
        return gevraagd

    def wijzig_toewijzing(self, gegevens: dict) -> dict:
        verplicht(gegevens, "RedenWijziging")
        standaard, t = self.toewijzing_van(gegevens)
        p = self.product_data(t)
        p.pop("ReferentieAanbieder", None)  # a change on the gemeente's initiative (IV097)
        reden = str(gegevens["RedenWijziging"])
        if reden == VERWIJDERD and gegevens.get("Einddatum") is None:
            p["Einddatum"] = p["Ingangsdatum"]  # verwijderen (OP033x1 c); another Einddatum is refused (CS335)
        elif "Einddatum" in gegevens:
            p["Einddatum"] = gegevens["Einddatum"]
        if gegevens.get("Omvang") is not None:
            self.eis_toegestane_omvang(t, gegevens["Omvang"])
            p["Omvang"] = gegevens["Omvang"]
        if gegevens.get("Budget") is not None:
            p["Budget"] = gegevens["Budget"]
        p.update(RedenWijziging=self.reden_wijziging(reden), **self.stempel())
        self.verstuur_toewijzing(standaard, t.bsn, [p], self.client(standaard, t.bsn, gegevens))
        return {"standaard": standaard, "ToewijzingNummer": t.nummer}

    def eis_toegestane_omvang(self, t: Toewijzing, omvang: dict) -> None:
        """OP033x1: under the same ToewijzingNummer Eenheid and Frequentie stay, and the Volume changes only with
        Frequentie 6 (totaal binnen geldigheidsduur toewijzing); any other change of the Omvang is a new toewijzing
        (end this one, issue a new one), so the change is refused. A mutant without OP033x1 changes it in place."""
        nieuw = {k: None if omvang.get(k) is None else str(omvang[k]) for k in ("Volume", "Eenheid", "Frequentie")}
        oud = {"Volume": None if t.volume is None else str(t.volume), "Eenheid": t.eenheid, "Frequentie": t.frequentie}
        anders = [k for k in ("Eenheid", "Frequentie") if nieuw[k] != oud[k]]
        if nieuw["Volume"] != oud["Volume"] and nieuw["Frequentie"] != TOTAAL:
            anders.append("Volume")
        if anders and self.houdt_zich_aan("OP033x1"):
            raise SutError(f"toewijzing {t.nummer}: {', '.join(anders)} van de Omvang wijzigt niet onder hetzelfde "
                           f"ToewijzingNummer (OP033x1; het Volume alleen bij Frequentie {TOTAAL}): beeindig de "
                           "toewijzing en geef een nieuwe af")

    # ------------------------------------------------------------------ verzoeken
    def ref(self, standaard: str, referentie: str) -> Ref:
        return Ref(standaard, self.gemeente, self.aanbieder, referentie)

    def eis_beantwoordbaar(self, standaard: str, referentie: str, antwoord: str) -> None:
        verzoeken = self.keten(standaard).part(Verzoeken)
        ref = self.ref(standaard, referentie)
        if verzoeken.toegewezen_in(ref) and self.houdt_zich_aan("TR359"):
            raise SutError(f"verzoek {referentie} is al gehonoreerd met een toewijzing (TR359)")
        eerder = verzoeken.antwoorden(ref)
        if eerder and ((eerder[-1] != IN_ONDERZOEK and self.houdt_zich_aan("TR365"))
                       or (antwoord == IN_ONDERZOEK and self.houdt_zich_aan("TR360"))):
            raise SutError(f"verzoek {referentie} is al beantwoord ({eerder}); alleen na 'in onderzoek' volgt nog "
                           "een afwijzing of toewijzing (TR360, TR365)")

    def beantwoord_verzoek(self, gegevens: dict) -> dict:
        verplicht(gegevens, "ReferentieAanbieder", "VerzoekAntwoord")
        referentie, antwoord = str(gegevens["ReferentieAanbieder"]), str(gegevens["VerzoekAntwoord"])
        verzoek = self.ontvangen_verzoek(referentie, verplicht_=self.houdt_zich_aan("TR355"))
        standaard = verzoek.standaard if verzoek else self.standaard(gegevens)  # a mutant without TR355 answers anyway
        self.eis_beantwoordbaar(standaard, referentie, antwoord)
        data = {"ReferentieAanbieder": referentie, "VerzoekAntwoord": antwoord}
        if gegevens.get("RedenAfwijzingVerzoek"):  # without one on a rejection, or with one on "in onderzoek",
            data["RedenAfwijzingVerzoek"] = gegevens["RedenAfwijzingVerzoek"]  # the own check refuses (CD085, CD086)
        woonplaats = gegevens.get("Woonplaatsbeginsel")
        if woonplaats and standaard == "iJw":
            data["Woonplaatsbeginsel"] = woonplaats if isinstance(woonplaats, dict) else {"Gemeente": woonplaats}
        self.verstuur_heen(berichtnaam(standaard, "319"), {"Antwoord": data})
        return {"standaard": standaard}

    def honoreer_verzoek(self, gegevens: dict) -> dict:
        verplicht(gegevens, "ReferentieAanbieder")
        referentie = str(gegevens["ReferentieAanbieder"])
        u = self.ontvangen_verzoek(referentie)
        standaard = u.standaard
        if self.keten(standaard).part(Verzoeken).afgehandeld(self.ref(standaard, referentie)):
            raise SutError(f"verzoek {referentie} is al gehonoreerd of afgewezen (OP344)")
        data = factory.to_data(u.root, u.naam)["Client"]
        bsn = data["Bsn"]
        client = self.client(standaard, bsn, gegevens) or self.client_uit_verzoek(standaard, data, gegevens)
        if u.nummer == "315":
            aangevraagd = data["AangevraagdeProducten"]
            if not self.houdt_zich_aan("OP344"):  # a mutant honours only the AangevraagdProduct the opdracht names;
                aangevraagd = [a for a in aangevraagd if a["ReferentieAanbieder"] == referentie]  # the rest stays open
            producten, ref = self.honoreer_vot(standaard, bsn, aangevraagd), None
        else:
            producten, ref = self.honoreer_vow(standaard, bsn, data["Verzoek"]), referentie
            producten = [{**p, "ReferentieAanbieder": ref} for p in producten]  # IV093, IV097
        self.verstuur_toewijzing(standaard, bsn, producten, client, referentie=ref)
        return {"standaard": standaard, "ToewijzingNummers": [int(p["ToewijzingNummer"]) for p in producten]}

    def client_uit_verzoek(self, standaard: str, client: dict, gegevens: dict) -> dict:
        naam = dict(client.get("Naam") or {})
        naam.setdefault("NaamGebruik", "1")
        return client_kop(berichtnaam(standaard, "301"), {**client, "Naam": naam,
                                                          "Contactgegevens": gegevens.get("Contactgegevens")})

    def honoreer_vot(self, standaard: str, bsn: str, aangevraagd: list[dict]) -> list[dict]:
        """IV094: each AangevraagdProduct becomes a ToegewezenProduct with its own ReferentieAanbieder."""
        uit = []
        for a in aangevraagd:
            if self.keten(standaard).part(Verzoeken).afgehandeld(self.ref(standaard, a["ReferentieAanbieder"])):
                continue
            uit.append({"ToewijzingNummer": self.nieuw_toewijzingnummer(standaard, bsn),
                        "ReferentieAanbieder": a["ReferentieAanbieder"], "Product": a.get("Product"), **self.stempel(),
                        "Ingangsdatum": a["ToewijzingIngangsdatum"], "Einddatum": a.get("ToewijzingEinddatum"),
                        "Omvang": a.get("Omvang"), "Budget": a.get("Budget")})
        return uit

    def honoreer_vow(self, standaard: str, bsn: str, verzoek: dict) -> list[dict]:
        """IV093: unchanged ones again, changed ones adjusted or ended and replaced, new ones issued."""
        uit = []
        toewijzingen = self.keten(standaard).toewijzingen
        for o in verzoek.get("OngewijzigdeProducten", []):
            p = self.product_data(toewijzingen.get(self.gemeente, self.aanbieder, int(o["ToewijzingNummer"])))
            p.pop("RedenWijziging", None)
            uit.append(p)
        for w in verzoek.get("TeWijzigenProducten", []):
            t = toewijzingen.get(self.gemeente, self.aanbieder, int(w["ToewijzingNummer"]))
            uit.extend(self.wijzig_op_verzoek(t, w, standaard))
        for n in verzoek.get("NieuweProducten", []):
            uit.append({"ToewijzingNummer": self.nieuw_toewijzingnummer(standaard, bsn), "Product": n.get("Product"),
                        **self.stempel(), "Ingangsdatum": n["GewensteIngangsdatum"], "Einddatum": n.get("Einddatum"),
                        "Omvang": n.get("Omvang"), "Budget": n.get("Budget")})
        return uit

    def wijzig_op_verzoek(self, t: Toewijzing, w: dict, standaard: str) -> list[dict]:
        oud = self.product_data(t)
        gewenst = datum(w["GewensteIngangsdatum"], "GewensteIngangsdatum")
        einddatum = w.get("Einddatum") or oud.get("Einddatum")
        omvang, budget = w.get("Omvang"), w.get("Budget")
        aangepast = {**oud, "RedenWijziging": DOOR_AANBIEDER, **self.stempel()}
        if budget is not None or t.frequentie == TOTAAL:
            aangepast.update({k: v for k, v in (("Budget", budget), ("Omvang", omvang)) if v is not None})
            return [{**aangepast, "Einddatum": einddatum}]
        if (omvang is None or {k: str(v) for k, v in omvang.items()} == oud.get("Omvang")) \
                and self.houdt_zich_aan("OP380"):
            return [{**aangepast, "Einddatum": einddatum}]
        omvang = omvang or oud.get("Omvang")  # a mutant without OP380 replaces the toewijzing instead of extending
        if gewenst <= t.ingangsdatum:  # a new omvang over the whole period: replace the toewijzing
            aangepast.update(RedenWijziging=VERWIJDERD, Einddatum=oud["Ingangsdatum"])
        else:
            aangepast["Einddatum"] = gewenst - dt.timedelta(days=1)
        nieuw = {"ToewijzingNummer": self.nieuw_toewijzingnummer(standaard, t.bsn), "Product": oud.get("Product"),
                 **self.stempel(), "Ingangsdatum": gewenst, "Einddatum": einddatum, "Omvang": omvang}
        return [aangepast, nieuw]


def persoon_uit(relatie: dict) -> Persoon:
    """The Persoon (``ketenproef.keten.relaties``) of a Relatie given as plain data."""
    naam = relatie.get("Naam") or {}
    geslachtsnaam = naam.get("Geslachtsnaam") or {}
    geboren = (relatie.get("Geboortedatum") or {}).get("Datum")
    return Persoon(relatie.get("Soort"), geslachtsnaam.get("Achternaam"), geslachtsnaam.get("Voorvoegsel"),
                   naam.get("Voorletters"), str(geboren) if geboren else None)
