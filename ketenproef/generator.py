"""Realistic, valid example messages for all 28 iWmo/iJw 3.2 messages, reproducible from a seed.

``voorbeeld_data(name, seed)`` gives the plain data (see ``ketenproef.factory``) of one message,
``voorbeeld(name, seed)`` its XML bytes. Heenberichten are built here and satisfy the XSD and every
single-message rule of the register (dates against the Dagtekening, Omvang/Budget/Einddatum conditions,
no overlapping same products, unique keys, totals of a 323 ...). A retourbericht (302/306/308/316/318/320)
or a 325 is the answer that ``ketenproef.retour.retour_for`` gives on the heenbericht of the same seed.

People, addresses and numbers are synthetic (``ketenproef.fake``). The default Dagtekening is a day in
2026 derived from the seed, never the real date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass, field

from ketenproef import corpus, factory, fake
from ketenproef.calculations.afronding import ingediend_bedrag_minuten, minuuttarief
from ketenproef.clock import FrozenClock

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
# Contract tariffs in euro cents per Eenheid (per hour for minutes, see IV081): (lowest, highest).
_TARIEF = {"01": (4500, 9800), "04": (4500, 9800), "14": (9000, 32000), "16": (3500, 8500), "82": (15000, 450000),
           "84": (1200, 4500)}
_BUDGET_CATEGORIEEN = {"iWmo": ("10", "05", "06"), "iJw": ("50", "45", "49")}
_REDEN_WIJZIGING = ("03", "04", "05", "08", "12", "14")  # a changed toewijzing (never 01: CS336)
_RELATIES = {"iWmo": ("12", "16", "16", "15", "14", "17", "21", "03"), "iJw": ("10", "10", "13", "17", "18")}
_VERTEGENWOORDIGING = {"11": "06", "14": "07", "15": "08", "03": "09"}  # Relatie/Soort -> WJ003
_VERWIJZERS = {"iWmo": ("01", "01", "01", "02", "05", "06"), "iJw": ("01", "02", "03", "04", "04", "05", "06", "08")}
_COMMENTAAR = (
    "Graag contact opnemen met de client voor een intakegesprek.",
    "Client verblijft tijdelijk elders; afspraken via de mantelzorger.",
    "Ondersteuning afgestemd met het sociaal wijkteam.",
    "Zie het ondersteuningsplan van het keukentafelgesprek.",
    "Levering in overleg met de huisarts opgestart.",
    "Afstemming met school en ouders is gewenst.",
)
_TALEN = ("Arabisch", "Turks", "Pools", "Tigrinya", "Engels", "Oekraiens", "Papiaments")


def standaard(name: str) -> str:
    return "iWmo" if name.upper().startswith("WMO") else "iJw"


def dagtekening_voor(seed: int) -> dt.date:
    """The default Dagtekening of the examples of ``seed``: a day in 2026."""
    return dt.date(JAAR, 1, 1) + dt.timedelta(days=random.Random(seed).randrange(365))


def _check_name(name: str) -> str:
    name = name.upper()
    if name not in NAMEN:
        raise ValueError(f"unknown message {name!r}; choose one of {', '.join(NAMEN)}")
    return name


def voorbeeld_data(name: str, seed: int, *, dagtekening: dt.date | None = None,
                   aantal_prestaties: int | None = None) -> dict:
    """Plain data of a realistic, valid message ``name`` (WMO301 ... JW325) for ``seed``.

    ``dagtekening`` overrides the Dagtekening derived from the seed; ``aantal_prestaties`` fixes the number
    of prestaties of a 323 (or of the 323 that a 325 answers), about 15 per client.
    """
    name = _check_name(name)
    if name[-3:] in RETOUR:
        tree = _retour_tree(name, seed, dagtekening=dagtekening, aantal_prestaties=aantal_prestaties)
        return factory.to_data(tree, name)
    gen = _Generator(name, seed, dagtekening, aantal_prestaties)
    return gen.bericht()


def voorbeeld(name: str, seed: int, **kw) -> bytes:
    """The XML (UTF-8, CR/LF) of :func:`voorbeeld_data`."""
    name = _check_name(name)
    if name[-3:] in RETOUR:
        return factory.serialise(_retour_tree(name, seed, **kw))
    return factory.to_bytes(name, voorbeeld_data(name, seed, **kw))


def dagtekening_van(data: dict) -> dt.date:
    """The Dagtekening in the header of plain data (a date, or an ISO string as read back from XML)."""
    value = data["Header"]["BerichtIdentificatie"]["Dagtekening"]
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _retour_tree(name: str, seed: int, *, dagtekening: dt.date | None = None, aantal_prestaties: int | None = None):
    from ketenproef.parse import MAX_BYTES
    from ketenproef.retour import retour_for
    from ketenproef.validate import validate

    heen_name = name[:-3] + RETOUR[name[-3:]]
    heen = voorbeeld_data(heen_name, seed, dagtekening=dagtekening, aantal_prestaties=aantal_prestaties)
    dag = dagtekening_van(heen)
    clock = FrozenClock(dag)
    body = factory.to_bytes(heen_name, heen)
    # A benchmark-sized 323 may pass the 25 MB of OP179; it is judged all the same (OP179 allows that).
    report = validate(body, clock=clock, max_bytes=max(MAX_BYTES, len(body) + 1))
    rng = random.Random(f"retour-{name}-{seed}")
    tree = retour_for(report, clock=clock, identificatie=fake.code(rng, 12))
    if tree is None:  # pragma: no cover - a generator bug: the heenbericht did not reach the rules
        raise RuntimeError(f"{heen_name} (seed {seed}) was rejected before the rules: "
                           f"{[f.text for f in report.findings][:3]}")
    return tree


# ----------------------------------------------------------------------------------------------- dates

def _maand_begin(dag: dt.date, terug: int = 0) -> dt.date:
    index = dag.year * 12 + dag.month - 1 - terug
    return dt.date(index // 12, index % 12 + 1, 1)


def _maand_einde(begin: dt.date) -> dt.date:
    return begin.replace(day=calendar.monthrange(begin.year, begin.month)[1])


def _kalenderweken(begin: dt.date, einde: dt.date) -> int:
    return (einde - (begin - dt.timedelta(days=begin.weekday()))).days // 7 + 1


def _overlap(a: tuple[dt.date, dt.date | None], b: tuple[dt.date, dt.date | None]) -> bool:
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


def _zelfde_product(a: dict | None, b: dict | None) -> bool:
    """TR302/TR386/TR410: the same product for the no-overlap rules."""
    if not a or not b:
        return True
    if a.get("Code") and b.get("Code"):
        return a["Code"] == b["Code"] and a["Categorie"] == b["Categorie"]
    return a["Categorie"] == b["Categorie"]


# ------------------------------------------------------------------------------------------- the generator

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


@dataclass
class _Generator:
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

    def client_persoon(self) -> dict:
        leeftijd = (18, 98) if self.std == "iWmo" else (0, 17)
        return fake.persoon(self.rng, peildatum=self.dag, leeftijd=leeftijd)

    def verkort(self, persoon: dict) -> dict:
        return {"Bsn": persoon["Bsn"], "Geboortedatum": persoon["Geboortedatum"], "Geslacht": persoon["Geslacht"],
                "Naam": fake.verkorte_naam(persoon["Naam"])}

    def referentie(self, prefix: str) -> str:
        return f"{prefix}-{self.dag.year}-{fake.code(self.rng, 8)}"

    # ------------------------------------------------------------------------------------------------ 301

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

    # ------------------------------------------------------------------------------------------- 305, 307

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

    # ------------------------------------------------------------------------------------------------ 323

    def _323(self) -> dict:
        rng = self.rng
        begin = _maand_begin(self.dag, 1)
        periode = {"Begindatum": begin, "Einddatum": _maand_einde(begin)}  # CS340, TR137: before Dagtekening
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

    def __init__(self, gen: _Generator, maand: dt.date) -> None:
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
            einde = _maand_einde(self.maand) + dt.timedelta(days=rng.randint(1, 300))
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
        einde = _maand_einde(maand) if toewijzing.einde is None else min(_maand_einde(maand), toewijzing.einde)
        if begin > einde:
            return None
        return {"Begindatum": begin, "Einddatum": einde}

    def volume(self, toewijzing: _Toewijzing, periode: dict) -> int:
        """A delivered volume that fits the Omvang for the ProductPeriode (IV077, IV078)."""
        rng = self.rng
        begin, einde = periode["Begindatum"], periode["Einddatum"]
        dagen = (einde - begin).days + 1
        maanddagen = calendar.monthrange(begin.year, begin.month)[1]
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
