"""The client and the people around him in the example messages: the person, the shortened client of the other
messages, and in a 301 the Relaties and the Contactgegevens."""

from __future__ import annotations

from ketenproef import fake

_RELATIES = {"iWmo": ("12", "16", "16", "15", "14", "17", "21", "03"), "iJw": ("10", "10", "13", "17", "18")}


class _Personen:
    """Mixin of ``_Generator``: the client and the people around him."""

    def client_persoon(self) -> dict:
        leeftijd = (18, 98) if self.std == "iWmo" else (0, 17)
        return fake.persoon(self.rng, peildatum=self.dag, leeftijd=leeftijd)

    def verkort(self, persoon: dict) -> dict:
        return {"Bsn": persoon["Bsn"], "Geboortedatum": persoon["Geboortedatum"], "Geslacht": persoon["Geslacht"],
                "Naam": fake.verkorte_naam(persoon["Naam"])}

    def relaties(self, persoon: dict, brp: dict) -> list[dict]:
        rng = self.rng
        aantal = rng.choices((0, 1, 2), weights=(35, 45, 20) if self.std == "iWmo" else (15, 45, 40))[0]
        out = []
        for volgorde in range(1, aantal + 1):
            soort = rng.choice(_RELATIES[self.std])
            if self.std == "iJw" and soort == "10":
                achternaam = persoon["Naam"]["Geslachtsnaam"] if volgorde == 1 else None
                ouder = fake.persoon(rng, peildatum=self.dag, leeftijd=(22, 60), achternaam=achternaam)
                out.append(self.relatie(volgorde, soort, ouder, brp))
            elif soort == "12":
                partner = fake.persoon(rng, peildatum=self.dag, leeftijd=(40, 95),
                                       geslacht="2" if persoon["Geslacht"] == "1" else "1")
                out.append(self.relatie(volgorde, soort, partner, brp))
            else:
                out.append(self.relatie(volgorde, soort, fake.persoon(rng, peildatum=self.dag, leeftijd=(20, 75)),
                                        fake.adres(rng)))
        if self.std == "iJw" and aantal < 2 and self.kans(0.1):
            # IV045: guardianship with an organisation: its name as Geslachtsnaam, NaamGebruik 6.
            organisatie = {"Nummer": fake.code(rng, 10), "Volgorde": aantal + 1, "Soort": "11",
                           "Naam": {"Geslachtsnaam": {"Achternaam": "Jeugdbescherming " + fake.plaatsnaam(rng)},
                                    "NaamGebruik": "6"},
                           "Contact": {"Soort": "02", "Adres": fake.adres(rng), "Telefoon": {
                               "Telefoon01": fake.telefoon(rng)}}}
            out.append(organisatie)
        return out

    def relatie(self, volgorde: int, soort: str, persoon: dict, adres: dict) -> dict:
        rng = self.rng
        relatie: dict = {"Nummer": fake.code(rng, 10), "Volgorde": volgorde, "Soort": soort}
        if self.kans(0.5):
            relatie["Geboortedatum"] = persoon["Geboortedatum"]
        if self.kans(0.7):
            relatie["Geslacht"] = persoon["Geslacht"]
        relatie["Naam"] = persoon["Naam"]
        contact: dict = {"Soort": "01", "Adres": adres}
        if self.kans(0.85):
            contact["Telefoon"] = {"Telefoon01": fake.telefoon(rng)}
        if self.kans(0.3):
            contact["Emailadres"] = fake.emailadres(rng, persoon["Naam"])
        relatie["Contact"] = contact
        return relatie

    def contactgegevens(self, persoon: dict, brp: dict) -> list[dict]:
        """IV047/TR061: always the BRP-adres (01); sometimes also a verblijfadres (03, e.g. an institution),
        a correspondentie-adres (02) or a tijdelijk verblijfadres (04) with its Periode (CD009)."""
        rng = self.rng
        hoofd: dict = {"Soort": "01", "Adres": brp}
        if self.kans(0.75):
            telefoon = {"Telefoon01": fake.telefoon(rng)}
            if self.kans(0.2):
                telefoon["Telefoon02"] = fake.telefoon(rng)
            hoofd["Telefoon"] = telefoon
        if self.kans(0.3):
            hoofd["Emailadres"] = fake.emailadres(rng, persoon["Naam"])
        contacts = [hoofd]
        keuze = rng.random()
        if keuze < 0.1:
            contacts.append({"Soort": "03", "Adres": fake.adres(rng), "Organisatie": fake.organisatie(rng),
                             "Telefoon": {"Telefoon01": fake.telefoon(rng)}})
        elif keuze < 0.16:
            contacts.append({"Soort": "02", "Adres": fake.adres(rng)})
        elif keuze < 0.22:
            begin = self.dag - self.dagen(0, 30)
            contacts.append({"Soort": "04", "Adres": fake.adres(rng), "Organisatie": fake.organisatie(rng),
                             "Periode": {"Begindatum": begin, "Einddatum": begin + self.dagen(14, 90)}})
        return contacts
