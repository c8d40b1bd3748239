"""The core of the example generator: the message names, the Dagtekening, the allocation tables and ``_Kern``,
the seeded state (random, standard, Dagtekening, gemeente, aanbieder) with the helpers every message family uses.
The families add their ``_301`` ... ``_323`` as mixins (``ketenproef.generator.heen``)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from ketenproef import fake

HEEN = ("301", "305", "307", "315", "317", "319", "323")
RETOUR = {"302": "301", "306": "305", "308": "307", "316": "315", "318": "317", "320": "319", "325": "323"}
NAMEN = tuple(f"{prefix}{nummer}" for prefix in ("WMO", "JW") for nummer in sorted((*HEEN, *RETOUR)))
JAAR = 2026
EERSTE_PERIODE = dt.date(2021, 1, 1)  # CS100: no DeclaratiePeriode or ProductPeriode before 2021
PRESTATIES_PER_CLIENT = 15  # for aantal_prestaties: about this many prestaties per client

# What a product of a category is allocated in: (Eenheid, Frequentie, lowest, highest, step) per kind.
_OMVANG: dict[str, tuple[tuple[str, str, int, int, int], ...]] = {
    "huishouden": (("04", "2", 1, 6, 1), ("04", "2", 2, 4, 1), ("01", "2", 90, 360, 30)),
    "begeleiding": (("04", "2", 1, 8, 1), ("01", "2", 60, 480, 15), ("04", "4", 4, 30, 1), ("04", "6", 20, 120, 5)),
    "verzorging": (("01", "1", 15, 90, 15), ("04", "2", 1, 10, 1), ("01", "2", 60, 600, 15), ("04", "1", 1, 2, 1)),
    "uren": (("04", "2", 1, 8, 1), ("04", "4", 2, 24, 1), ("04", "6", 10, 120, 5)),
    "etmaal": (("14", "2", 1, 3, 1), ("14", "4", 2, 12, 1), ("14", "6", 7, 60, 1)),
    "verblijf": (("14", "2", 7, 7, 1), ("14", "4", 28, 31, 1), ("14", "6", 30, 365, 1), ("14", "2", 4, 6, 1)),
    "wonen": (("14", "4", 28, 31, 1), ("83", "4", 20000, 150000, 500), ("14", "2", 7, 7, 1)),
    "dagdeel": (("16", "2", 1, 9, 1), ("16", "4", 4, 36, 1)),
    "vervoer": (("84", "2", 2, 10, 1), ("84", "4", 4, 40, 2)),
    "maatwerk": (("83", "4", 10000, 200000, 500), ("82", "6", 1, 2, 1), ("83", "6", 50000, 1500000, 1000)),
    "hulpmiddel": (("82", "6", 1, 1, 1), ("83", "6", 25000, 900000, 100)),
    "ambulant": (("04", "2", 1, 6, 1), ("01", "2", 45, 360, 15), ("04", "6", 5, 80, 1), ("82", "6", 1, 3, 1),
                 ("04", "4", 2, 20, 1)),
    "crisis": (("14", "6", 1, 28, 1), ("04", "6", 4, 40, 1)),
    "traject": (("82", "4", 1, 1, 1), ("82", "6", 1, 1, 1)),
}
_SOORT = {
    "01": "huishouden", "02": "begeleiding", "03": "verzorging", "04": "etmaal", "05": "wonen", "06": "uren",
    "07": "dagdeel", "08": "vervoer", "09": "dagdeel", "10": "maatwerk", "11": "hulpmiddel", "12": "hulpmiddel",
    "13": "hulpmiddel", "14": "hulpmiddel", "15": "verblijf", "16": "verblijf", "17": "crisis", "18": "verblijf",
    "40": "verzorging", "41": "dagdeel", "42": "vervoer", "43": "verblijf", "44": "verblijf", "45": "ambulant",
    "46": "crisis", "47": "traject", "48": "traject", "49": "uren", "50": "maatwerk", "51": "ambulant",
    "52": "ambulant", "53": "uren", "54": "ambulant", "55": "verblijf",
}
_BUDGET_CATEGORIEEN = {"iWmo": ("10", "05", "06"), "iJw": ("50", "45", "49")}
_COMMENTAAR = (
    "Graag contact opnemen met de client voor een intakegesprek.",
    "Client verblijft tijdelijk elders; afspraken via de mantelzorger.",
    "Ondersteuning afgestemd met het sociaal wijkteam.",
    "Zie het ondersteuningsplan van het keukentafelgesprek.",
    "Levering in overleg met de huisarts opgestart.",
    "Afstemming met school en ouders is gewenst.",
)


def standaard(name: str) -> str:
    return "iWmo" if name.upper().startswith("WMO") else "iJw"


def dagtekening_voor(seed: int) -> dt.date:
    """The default Dagtekening of the examples of ``seed``: a day in 2026."""
    return dt.date(JAAR, 1, 1) + dt.timedelta(days=random.Random(seed).randrange(365))


def dagtekening_van(data: dict) -> dt.date:
    """The Dagtekening in the header of plain data (a date, or an ISO string as read back from XML)."""
    value = data["Header"]["BerichtIdentificatie"]["Dagtekening"]
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


# ------------------------------------------------------------------------------------------- the generator

@dataclass
class _Kern:
    """The seeded state of one example message and the helpers of all message families."""

    name: str
    seed: int
    dagtekening: dt.date | None = None
    aantal_prestaties: int | None = None
    rng: random.Random = field(init=False)
    std: str = field(init=False)
    dag: dt.date = field(init=False)
    gemeente: str = field(init=False)
    agb: str = field(init=False)
    _nummers: set[int] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        rng = self.rng
        standaard_dag = dt.date(JAAR, 1, 1) + dt.timedelta(days=rng.randrange(365))  # = dagtekening_voor(seed)
        self.dag = self.dagtekening or standaard_dag
        self.std = standaard(self.name)
        self.gemeente = fake.gemeentecode(rng)
        self.agb = fake.agb_code(rng)

    # -------------------------------------------------------------------------------------------- helpers

    def kans(self, p: float) -> bool:
        return self.rng.random() < p

    def dagen(self, lo: int, hi: int) -> dt.timedelta:
        return dt.timedelta(days=self.rng.randint(lo, hi))

    def toewijzingnummer(self) -> int:
        while True:
            nummer = self.rng.randint(100000, 99999999)
            if nummer not in self._nummers:
                self._nummers.add(nummer)
                return nummer

    def header(self) -> dict:
        number = self.name[-3:]
        van_gemeente = number in ("301", "319")
        return {"Afzender": self.gemeente if van_gemeente else self.agb,
                "Ontvanger": self.agb if van_gemeente else self.gemeente,
                "BerichtIdentificatie": {"Identificatie": number + fake.code(self.rng, 9), "Dagtekening": self.dag}}

    def bericht(self) -> dict:
        body = getattr(self, "_" + self.name[-3:])()
        return {"Header": self.header(), **body}

    def categorieen(self, aantal: int) -> list[str]:
        """``aantal`` different product categories (so products never count as the same product)."""
        return self.rng.sample(fake.productcategorieen(self.std), aantal)

    def omvang(self, categorie: str) -> dict:
        eenheid, frequentie, lo, hi, step = self.rng.choice(_OMVANG[_SOORT[categorie]])
        return {"Volume": self.rng.randrange(lo, hi + 1, step), "Eenheid": eenheid, "Frequentie": frequentie}

    def product_inhoud(self, *, budget_kans: float = 0.1, categorie_kans: float = 0.06,
                       categorie: str | None = None) -> dict:
        """Product with Omvang (CD041), or a Budget with a categorie only (CD075/CD077/CD079), or a
        categorie without code and therefore without Omvang (CD080/CD095/CD096)."""
        categorie = categorie or fake.productcategorie(self.std, self.rng)
        keuze = self.rng.random()
        if keuze < budget_kans:
            return {"Product": {"Categorie": categorie}, "Budget": self.rng.randrange(25000, 2500000, 500)}
        if keuze < budget_kans + categorie_kans:
            return {"Product": {"Categorie": categorie}}
        return {"Product": {"Categorie": categorie, "Code": fake.productcode(categorie, self.rng)},
                "Omvang": self.omvang(categorie)}

    def einddatum_nodig(self, inhoud: dict) -> bool:
        """CD075/CD076: an end date is required with a Budget or Frequentie 2 (per week); a total within the
        toewijzing's duration (Frequentie 6) gets one too, or it would have no duration."""
        return "Budget" in inhoud or inhoud.get("Omvang", {}).get("Frequentie") in ("2", "6")

    def referentie(self, prefix: str) -> str:
        return f"{prefix}-{self.dag.year}-{fake.code(self.rng, 8)}"
