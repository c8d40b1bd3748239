"""The declaratie (323) of the example messages: clients with prestaties per toewijzing and month, credits and
corrected debets, and the totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ketenproef import fake
from ketenproef.calculations.afronding import ingediend_bedrag_minuten, minuuttarief
from ketenproef.calculations.perioden import laatste_dag_van_maand
from ketenproef.generator.kern import _OMVANG, _SOORT, EERSTE_PERIODE, PRESTATIES_PER_CLIENT, _Kern

# Contract tariffs in euro cents per Eenheid (per hour for minutes, see IV081): (lowest, highest).
_TARIEF = {"01": (4500, 9800), "04": (4500, 9800), "14": (9000, 32000), "16": (3500, 8500), "82": (15000, 450000),
           "84": (1200, 4500)}


# ----------------------------------------------------------------------------------------------- dates

def _maand_begin(dag: dt.date, terug: int = 0) -> dt.date:
    index = dag.year * 12 + dag.month - 1 - terug
    return dt.date(index // 12, index % 12 + 1, 1)


def _kalenderweken(begin: dt.date, einde: dt.date) -> int:
    return (einde - (begin - dt.timedelta(days=begin.weekday()))).days // 7 + 1


@dataclass
class _Toewijzing:
    """A toewijzing as the aanbieder knows it, for the prestaties of a 323."""

    nummer: int
    categorie: str
    code: str
    eenheid: str
    frequentie: str
    volume: int
    ingang: dt.date
    einde: dt.date | None
    tarief: int | None = None
    prestatie_eenheid: str = ""


class _Declaraties:
    """Mixin of ``_Generator``: the 323."""

    # ------------------------------------------------------------------------------------------------ 323

    def _323(self) -> dict:
        rng = self.rng
        begin = _maand_begin(self.dag, 1)
        periode = {"Begindatum": begin, "Einddatum": laatste_dag_van_maand(begin)}  # CS340, TR137: before Dagtekening
        if begin < EERSTE_PERIODE:
            raise ValueError(f"a 323 needs a Dagtekening after {EERSTE_PERIODE:%B %Y} (CS100), got {self.dag}")
        if self.aantal_prestaties is not None:
            if self.aantal_prestaties < 1:
                raise ValueError("aantal_prestaties must be at least 1")
            aantallen = []
            rest = self.aantal_prestaties
            while rest:
                n = min(rest, rng.randint(PRESTATIES_PER_CLIENT - 5, PRESTATIES_PER_CLIENT + 5))
                aantallen.append(n)
                rest -= n
        else:
            aantallen = [rng.choices((1, 2, 3, 4, 6), weights=(35, 30, 18, 10, 7))[0]
                         for _ in range(rng.randint(2, 6))]
        declaratie = _Declaratie(self, begin)
        clienten = [{"Bsn": bsn, "Prestaties": declaratie.prestaties(n)}
                    for bsn, n in zip(fake.bsns(rng, len(aantallen)), aantallen, strict=True)]
        saldo = declaratie.saldo
        return {"Declaratie": {
            "DeclaratieNummer": f"{begin:%Y%m}{rng.randint(0, 999999):06d}",
            "DeclaratiePeriode": periode, "DeclaratieDagtekening": self.dag,
            "TotaalIngediendBedrag": {"TotaalBedrag": abs(saldo), "DebetCredit": "C" if saldo < 0 else "D"},
            "Clienten": clienten}}


class _Declaratie:
    """Prestaties of a 323: one per toewijzing and month (IV089: the month, cut at the toewijzing's dates),
    in the DeclaratiePeriode and sometimes earlier months (OP280/TR319), with credit and corrected debet
    prestaties (IV086/IV091) for an earlier month. Plain loops, no Faker: 30,000 prestaties take about 0.5 s."""

    def __init__(self, gen: _Kern, maand: dt.date) -> None:
        self.gen = gen
        self.rng = gen.rng
        self.maand = maand
        self.saldo = 0
        rng = self.rng
        self.basis = fake.code(rng, 6)
        self.vorige_basis = fake.code(rng, 6)
        while self.vorige_basis == self.basis:
            self.vorige_basis = fake.code(rng, 6)
        self.teller = 0
        self.vorige_teller = rng.randint(1, 5000)
        self.categorieen = fake.productcategorieen(gen.std)
        # How many months before the DeclaratiePeriode a ProductPeriode may lie: at most 5, and not before 2021.
        self.max_terug = min(5, (maand.year - EERSTE_PERIODE.year) * 12 + maand.month - EERSTE_PERIODE.month)

    def referentie(self) -> str:
        self.teller += 1
        return f"{self.basis}{self.teller:07d}"

    def vorige_referentie(self) -> str:
        self.vorige_teller += self.rng.randint(1, 9)
        return f"{self.vorige_basis}{self.vorige_teller:07d}"

    def toewijzing(self, maanden: int) -> _Toewijzing:
        """A toewijzing with a code that runs through ``maanden`` months up to the DeclaratiePeriode."""
        rng = self.rng
        categorie = rng.choice(self.categorieen)
        eenheid, frequentie, lo, hi, step = rng.choice(_OMVANG[_SOORT[categorie]])
        eerste = _maand_begin(self.maand, maanden - 1)
        ingang = eerste if rng.random() < 0.6 else eerste + dt.timedelta(days=rng.randint(0, 27))
        if rng.random() < 0.2:
            ingang = _maand_begin(eerste, rng.randint(1, 12)) + dt.timedelta(days=rng.randint(0, 27))
        einde = None
        if frequentie in ("2", "6") or rng.random() < 0.7:
            einde = laatste_dag_van_maand(self.maand) + dt.timedelta(days=rng.randint(1, 300))
            if rng.random() < 0.15:
                einde = max(ingang, self.maand + dt.timedelta(days=rng.randint(0, 27)))
        toewijzing = _Toewijzing(self.gen.toewijzingnummer(), categorie, fake.productcode(categorie, rng), eenheid,
                                 frequentie, rng.randrange(lo, hi + 1, step), ingang, einde)
        if eenheid != "83":
            toewijzing.tarief = rng.randrange(*_TARIEF[eenheid], 5)
        toewijzing.prestatie_eenheid = "01" if eenheid == "04" and rng.random() < 0.25 else eenheid
        return toewijzing

    def prestaties(self, aantal: int) -> list[dict]:
        rng = self.rng
        out: list[dict] = []
        while len(out) < aantal:
            rest = aantal - len(out)
            if rest >= 2 and self.max_terug and rng.random() < 0.12:
                out.extend(self.correctie(rest))
                continue
            maanden = 1 if rng.random() < 0.8 else rng.randint(2, 6)
            maanden = min(maanden, rest, self.max_terug + 1)
            toewijzing = self.toewijzing(maanden)
            if toewijzing.frequentie == "6":  # a total volume: declared in one month only
                maanden = 1
            for terug in range(maanden - 1, -1, -1):
                periode = self.periode(toewijzing, _maand_begin(self.maand, terug))
                if periode is not None and len(out) < aantal:
                    out.append(self.prestatie(toewijzing, periode))
        return out

    def correctie(self, rest: int) -> list[dict]:
        """A credit of a prestatie declared before (VorigReferentieNummer, CD060) and often the corrected debet."""
        rng = self.rng
        terug = rng.randint(1, min(3, self.max_terug))
        toewijzing = self.toewijzing(terug + 1)
        toewijzing.ingang = min(toewijzing.ingang, _maand_begin(self.maand, terug))
        periode = self.periode(toewijzing, _maand_begin(self.maand, terug))
        if periode is None:  # the toewijzing ended before that month: credit its last month instead
            toewijzing.einde = None
            periode = self.periode(toewijzing, _maand_begin(self.maand, terug))
        oud = self.prestatie(toewijzing, periode, tel=False)
        oud["ProductReferentie"] = {"ReferentieNummer": self.vorige_referentie()}
        credit = {**oud, "ProductReferentie": {"ReferentieNummer": self.referentie(),
                                               "VorigReferentieNummer": oud["ProductReferentie"]["ReferentieNummer"]},
                  "IngediendBedrag": {"Bedrag": oud["IngediendBedrag"]["Bedrag"], "DebetCredit": "C"}}
        self.saldo -= credit["IngediendBedrag"]["Bedrag"]
        if rest >= 2 and rng.random() < 0.8:
            return [credit, self.prestatie(toewijzing, periode, ander_dan=oud["GeleverdVolume"])]
        return [credit]

    def periode(self, toewijzing: _Toewijzing, maand: dt.date) -> dict | None:
        begin = max(maand, toewijzing.ingang)
        einde = laatste_dag_van_maand(maand)
        if toewijzing.einde is not None:
            einde = min(einde, toewijzing.einde)
        if begin > einde:
            return None
        return {"Begindatum": begin, "Einddatum": einde}

    def volume(self, toewijzing: _Toewijzing, periode: dict) -> int:
        """A delivered volume that fits the Omvang for the ProductPeriode (IV077, IV078)."""
        rng = self.rng
        begin, einde = periode["Begindatum"], periode["Einddatum"]
        dagen = (einde - begin).days + 1
        maanddagen = laatste_dag_van_maand(begin).day
        vol, frequentie = toewijzing.volume, toewijzing.frequentie
        factor = rng.uniform(0.6, 1.0)
        if frequentie == "1":  # per dag
            maximum = verwacht = vol * dagen
        elif frequentie == "2":  # per week: the calendar weeks of the period count (IV077)
            maximum, verwacht = vol * _kalenderweken(begin, einde), vol * dagen / 7
        elif frequentie == "4":  # per maand; a broken month counts whole (IV078)
            maximum, verwacht = vol, vol * dagen / maanddagen
        else:  # totaal binnen de geldigheidsduur
            maximum, verwacht = vol, vol / 3
        waarde = min(maximum, max(1, round(verwacht * factor)))
        if toewijzing.eenheid == "14":
            waarde = min(waarde, dagen)
        return waarde

    def prestatie(self, toewijzing: _Toewijzing, periode: dict, *, tel: bool = True,
                  ander_dan: int | None = None) -> dict:
        volume = self.volume(toewijzing, periode)
        if ander_dan is not None and volume == ander_dan:
            volume = volume - 1 if volume > 1 else volume + 1
        eenheid = toewijzing.prestatie_eenheid
        prestatie = {"ProductReferentie": {"ReferentieNummer": self.referentie() if tel else ""},
                     "ToewijzingNummer": toewijzing.nummer, "ProductCategorie": toewijzing.categorie,
                     "ProductCode": toewijzing.code, "ProductPeriode": periode}
        if eenheid == "83":
            bedrag = volume  # CS339; CD087: no ProductTarief
            prestatie.update(GeleverdVolume=volume, Eenheid=eenheid)
        elif eenheid == "01" and toewijzing.eenheid == "04":
            minuten = max(1, volume * 60 - self.rng.randrange(0, 60, 5))  # IV081: hour tariff, minutes declared
            bedrag = ingediend_bedrag_minuten(toewijzing.tarief, minuten)
            prestatie.update(GeleverdVolume=minuten, Eenheid=eenheid, ProductTarief=minuuttarief(toewijzing.tarief))
        elif eenheid == "01":
            tarief = minuuttarief(toewijzing.tarief)
            bedrag = volume * tarief
            prestatie.update(GeleverdVolume=volume, Eenheid=eenheid, ProductTarief=tarief)
        else:
            bedrag = volume * toewijzing.tarief
            prestatie.update(GeleverdVolume=volume, Eenheid=eenheid, ProductTarief=toewijzing.tarief)
        prestatie["IngediendBedrag"] = {"Bedrag": bedrag, "DebetCredit": "D"}
        if tel:
            self.saldo += bedrag
        return prestatie
