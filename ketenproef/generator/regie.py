"""The regieberichten of the example messages: start zorg (305) and stop zorg (307)."""

from __future__ import annotations

import datetime as dt

from ketenproef import corpus, fake


class _Regie:
    """Mixin of ``_Generator``: the 305 and the 307."""

    def _305(self) -> dict:
        rng = self.rng
        client = self.verkort(self.client_persoon())
        starts = []
        for categorie in self.categorieen(rng.choices((1, 2, 3), weights=(55, 30, 15))[0]):
            product = {"Categorie": categorie, "Code": fake.productcode(categorie, rng)}
            toewijzing_ingang = self.dag - self.dagen(0, 60)
            begin = toewijzing_ingang + dt.timedelta(days=rng.randint(0, min(14, (self.dag - toewijzing_ingang).days)))
            nummer = self.toewijzingnummer()
            if self.kans(0.12) and begin > toewijzing_ingang:
                # OP033x2: a wrong start is withdrawn (3) and sent again with the right Begindatum (1).
                fout = begin - dt.timedelta(days=rng.randint(1, (begin - toewijzing_ingang).days))
                starts.append(self.start(nummer, product, toewijzing_ingang, fout, "3"))
            starts.append(self.start(nummer, product, toewijzing_ingang, begin, "1"))
        client["StartProducten"] = starts
        return {"Client": client}

    def start(self, nummer: int, product: dict, ingang: dt.date, begin: dt.date, status: str) -> dict:
        return {"ToewijzingNummer": nummer, "Product": product, "ToewijzingIngangsdatum": ingang,
                "Begindatum": begin, "StatusAanlevering": status}

    def _307(self) -> dict:
        rng = self.rng
        client = self.verkort(self.client_persoon())
        redenen = [c["code"] for c in corpus.codelists()["WMO588" if self.std == "iWmo" else "JZ588"]["codes"]
                   if c.get("extra", {}).get("usable_on_initiative_aanbieder") == "ja"]
        stops = []
        for categorie in self.categorieen(rng.choices((1, 2, 3), weights=(60, 30, 10))[0]):
            product = {"Categorie": categorie, "Code": fake.productcode(categorie, rng)}
            toewijzing_ingang = self.dag - self.dagen(20, 400)
            begin = toewijzing_ingang + self.dagen(0, 14)
            einde = begin + dt.timedelta(days=rng.randint(0, (self.dag - begin).days))
            stop = {"ToewijzingNummer": self.toewijzingnummer(), "Product": product,
                    "ToewijzingIngangsdatum": toewijzing_ingang, "Begindatum": begin,
                    "RedenBeeindiging": rng.choice(redenen), "Einddatum": einde, "StatusAanlevering": "1"}
            if self.kans(0.1) and einde > begin:
                # OP033x2: a stop with a wrong Einddatum is withdrawn (3) and sent again (1).
                fout = dict(stop, Einddatum=einde - dt.timedelta(days=rng.randint(1, (einde - begin).days)),
                            StatusAanlevering="3")
                stops.append(fout)
            stops.append(stop)
        client["StopProducten"] = stops
        return {"Client": client}
