"""The toewijzing (301) of the example messages: the client with his ToegewezenProducten."""

from __future__ import annotations

import datetime as dt

from ketenproef import fake
from ketenproef.generator.kern import _COMMENTAAR

_REDEN_WIJZIGING = ("03", "04", "05", "08", "12", "14")  # a changed toewijzing (never 01: CS336)
_VERTEGENWOORDIGING = {"11": "06", "14": "07", "15": "08", "03": "09"}  # Relatie/Soort -> WJ003
_TALEN = ("Arabisch", "Turks", "Pools", "Tigrinya", "Engels", "Oekraiens", "Papiaments")


def _overlap(a: tuple[dt.date, dt.date | None], b: tuple[dt.date, dt.date | None]) -> bool:
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


def _zelfde_product(a: dict | None, b: dict | None) -> bool:
    """TR302/TR386/TR410: the same product for the no-overlap rules."""
    if not a or not b:
        return True
    if a.get("Code") and b.get("Code"):
        return a["Code"] == b["Code"] and a["Categorie"] == b["Categorie"]
    return a["Categorie"] == b["Categorie"]


class _Toewijzingen:
    """Mixin of ``_Generator``: the 301."""

    def _301(self) -> dict:
        rng = self.rng
        persoon = self.client_persoon()
        client: dict = {k: persoon[k] for k in ("Bsn", "Geboortedatum", "Geslacht", "Naam")}
        if self.kans(0.08):
            vorm = rng.choice("1123")
            client["Communicatie"] = {"Vorm": vorm, **({"Taal": rng.choice(_TALEN)} if vorm == "1" else {})}
        if self.std == "iJw" and self.kans(0.15):
            client["JuridischeStatus"] = rng.choice(("04", "04", "01", "12"))
        if self.kans(0.15):
            client["Commentaar"] = rng.choice(_COMMENTAAR)
        plaats = fake.gemeentenaam(self.gemeente)
        brp = fake.adres(rng, plaats)
        relaties = self.relaties(persoon, brp)
        if relaties:
            client["Relaties"] = relaties
            # A voogd, bewindvoerder, mentor or curator among the relaties: the matching representation.
            vertegenwoordiging = [_VERTEGENWOORDIGING[r["Soort"]] for r in relaties
                                  if r["Soort"] in _VERTEGENWOORDIGING]
            if vertegenwoordiging and self.kans(0.8):
                client["WettelijkeVertegenwoordiging"] = vertegenwoordiging[0]
        client["Contactgegevens"] = self.contactgegevens(persoon, brp)
        client["ToegewezenProducten"] = self.toegewezen_producten()
        return {"Client": client}

    def toegewezen_producten(self) -> list[dict]:
        rng = self.rng
        aantal = rng.choices((1, 2, 3, 4), weights=(40, 35, 18, 7))[0]
        producten: list[dict] = []
        for categorie in self.categorieen(aantal):
            inhoud = self.product_inhoud(categorie=categorie)
            ingang = self.dag + self.dagen(-120, 30)
            if "Omvang" in inhoud and self.kans(0.15):
                # A follow-up: the earlier toewijzing of the same product ends the day before (no overlap, TR302).
                vorige_ingang = ingang - self.dagen(60, 300)
                vorige = self.toegewezen(dict(inhoud, Omvang=self.omvang(categorie)), vorige_ingang,
                                         ingang - dt.timedelta(days=1))
                vorige["RedenWijziging"] = rng.choice(("05", "08", "12", "03"))
                producten.append(vorige)
            einde = None
            if self.einddatum_nodig(inhoud) or self.kans(0.7):
                einde = ingang + self.dagen(30, 365)
            product = self.toegewezen(inhoud, ingang, einde)
            if self.kans(0.1):
                product["RedenWijziging"] = rng.choice(_REDEN_WIJZIGING)
            elif self.kans(0.03):
                product["RedenWijziging"] = "13"  # verwijderd: Einddatum = Ingangsdatum (CS335)
                product["Einddatum"] = product["Ingangsdatum"]
            producten.append(product)
        return producten

    def toegewezen(self, inhoud: dict, ingang: dt.date, einde: dt.date | None) -> dict:
        rng = self.rng
        product: dict = {"ToewijzingNummer": self.toewijzingnummer()}
        if self.kans(0.2):
            product["ReferentieAanbieder"] = self.referentie("VOT")
        product["Product"] = inhoud["Product"]
        toewijzingsdatum = min(self.dag, max(ingang - self.dagen(0, 21), self.dag - self.dagen(0, 10)))
        product["Toewijzingsdatum"] = toewijzingsdatum
        product["Toewijzingstijd"] = dt.time(rng.randint(7, 18), rng.randint(0, 59), rng.randint(0, 59))
        product["Ingangsdatum"] = ingang
        if einde is not None:
            product["Einddatum"] = einde
        for key in ("Omvang", "Budget"):
            if key in inhoud:
                product[key] = inhoud[key]
        if self.kans(0.05):
            product["Commentaar"] = rng.choice(_COMMENTAAR)
        return product
