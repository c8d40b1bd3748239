"""The verzoeken of the example messages: verzoek om toewijzing (315), verzoek om wijziging (317) and the
antwoord (319)."""

from __future__ import annotations

from ketenproef import fake
from ketenproef.generator.kern import _COMMENTAAR

_VERWIJZERS = {"iWmo": ("01", "01", "01", "02", "05", "06"), "iJw": ("01", "02", "03", "04", "04", "05", "06", "08")}


class _Verzoeken:
    """Mixin of ``_Generator``: the 315, 317 and 319."""

    # ------------------------------------------------------------------------------------------------ 315

    def _315(self) -> dict:
        rng = self.rng
        client = self.verkort(self.client_persoon())
        if self.std == "iJw" and self.kans(0.4):
            client["GezagsdragerBekend"] = rng.choice("12")
        if self.kans(0.15):
            client["Commentaar"] = rng.choice(_COMMENTAAR)
        producten = []
        for categorie in self.categorieen(rng.choices((1, 2, 3), weights=(55, 30, 15))[0]):
            inhoud = self.product_inhoud(categorie=categorie)
            aanvraag: dict = {"ReferentieAanbieder": self.referentie("VOT")}
            if self.kans(0.3):
                aanvraag["BeschikkingNummer"] = rng.randint(10000, 9999999)
                aanvraag["BeschikkingIngangsdatum"] = self.dag - self.dagen(0, 200)  # CD043
            aanvraag["Product"] = inhoud["Product"]
            ingang = self.dag + self.dagen(-7, 45)
            aanvraag["ToewijzingIngangsdatum"] = ingang
            if self.einddatum_nodig(inhoud) or self.kans(0.75):
                aanvraag["ToewijzingEinddatum"] = ingang + self.dagen(30, 365)
            for key in ("Omvang", "Budget"):
                if key in inhoud:
                    aanvraag[key] = inhoud[key]
            aanvraag["Verwijzer"] = self.verwijzer()
            if self.kans(0.2):
                aanvraag["Raamcontract"] = rng.choice("12")
            if self.kans(0.15):
                aanvraag["Commentaar"] = rng.choice(_COMMENTAAR)
            producten.append(aanvraag)
        client["AangevraagdeProducten"] = producten
        return {"Client": client}

    def verwijzer(self) -> dict:
        """CD066/CD067/CD068: types 02-05 carry a ZorgverlenerCode or else a Naam; others no ZorgverlenerCode."""
        rng = self.rng
        soort = rng.choice(_VERWIJZERS[self.std])
        verwijzer: dict = {"Type": soort}
        if soort in ("02", "03", "04", "05"):
            if self.kans(0.6):
                verwijzer["ZorgverlenerCode"] = fake.agb_code(rng)
            else:
                achternaam = fake.geslachtsnaam(rng)
                naam = " ".join(p for p in (achternaam.get("Voorvoegsel"), achternaam["Achternaam"]) if p)
                verwijzer["Naam"] = {"02": "Huisartsenpraktijk ", "03": "Jeugdarts ", "04": "Jeugdbescherming ",
                                     "05": "Dr. "}[soort] + naam
        elif soort == "01" and self.kans(0.5):
            verwijzer["Naam"] = "Gemeente " + fake.gemeentenaam(self.gemeente)
        elif soort == "08" and self.kans(0.5):
            verwijzer["Naam"] = "Rechtbank " + fake.plaatsnaam(rng)
        if "Naam" in verwijzer:
            verwijzer["Naam"] = verwijzer["Naam"][:64]
        return verwijzer

    # ------------------------------------------------------------------------------------------------ 317

    def _317(self) -> dict:
        rng = self.rng
        while True:  # TR352: Ongewijzigd or TeWijzigen; TR353: TeWijzigen or Nieuw
            ongewijzigd, te_wijzigen, nieuw = rng.randint(0, 2), rng.randint(0, 2), rng.randint(0, 2)
            if ongewijzigd + te_wijzigen and te_wijzigen + nieuw:
                break
        verzoek: dict = {"ReferentieAanbieder": self.referentie("VOW"), "RedenVerzoek": rng.choice("12")}
        if ongewijzigd:
            verzoek["OngewijzigdeProducten"] = [{"ToewijzingNummer": self.toewijzingnummer()}
                                                for _ in range(ongewijzigd)]
        if te_wijzigen:
            verzoek["TeWijzigenProducten"] = [self.te_wijzigen() for _ in range(te_wijzigen)]
        if nieuw:
            producten = []
            for categorie in self.categorieen(nieuw):  # TR410: different categories never overlap
                inhoud = self.product_inhoud(categorie=categorie)
                ingang = self.dag + self.dagen(1, 45)  # TR380: after the Dagtekening
                product: dict = {"Product": inhoud["Product"], "GewensteIngangsdatum": ingang}
                if self.einddatum_nodig(inhoud) or self.kans(0.75):
                    product["Einddatum"] = ingang + self.dagen(30, 365)
                for key in ("Omvang", "Budget"):
                    if key in inhoud:
                        product[key] = inhoud[key]
                producten.append(product)
            verzoek["NieuweProducten"] = producten
        return {"Client": {"Bsn": fake.bsn(rng), "Verzoek": verzoek}}

    def te_wijzigen(self) -> dict:
        """A change of an existing toewijzing: a new Omvang, a Budget, or only a new Einddatum (verlenging)."""
        rng = self.rng
        ingang = self.dag + self.dagen(1, 30)
        product: dict = {"ToewijzingNummer": self.toewijzingnummer(), "GewensteIngangsdatum": ingang}
        keuze = rng.random()
        if keuze < 0.6:
            omvang = self.omvang(fake.productcategorie(self.std, rng))
            if omvang["Frequentie"] in ("2", "6") or self.kans(0.7):
                product["Einddatum"] = ingang + self.dagen(30, 365)
            product["Omvang"] = omvang
        elif keuze < 0.75:
            product["Einddatum"] = ingang + self.dagen(30, 365)
            product["Budget"] = rng.randrange(25000, 2500000, 500)
        else:
            product["Einddatum"] = ingang + self.dagen(30, 365)
        return product

    # ------------------------------------------------------------------------------------------------ 319

    def _319(self) -> dict:
        rng = self.rng
        antwoord: dict = {"ReferentieAanbieder": self.referentie(rng.choice(("VOT", "VOW")))}
        if self.kans(0.7):
            redenen = "123456789" if self.std == "iJw" else "12345679"
            reden = rng.choice(redenen)
            antwoord.update(VerzoekAntwoord="1", RedenAfwijzingVerzoek=reden)  # CD085
            if reden == "8":  # TR377/TR409 (iJw): the gemeente that is responsible instead
                andere = self.gemeente
                while andere == self.gemeente:
                    andere = fake.gemeentecode(rng)
                antwoord["Woonplaatsbeginsel"] = {"Gemeente": andere}
        else:
            antwoord["VerzoekAntwoord"] = "2"  # CD086: no reden
        return {"Antwoord": antwoord}
