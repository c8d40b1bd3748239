"""Withdrawing the messages of one conversation (``keten.intrekken``) leaves exactly the chain state that replaying
every other message leaves, after random conversations: toewijzingen (some ToewijzingNummers and references shared
between clients), starts and stops with deletions, verzoeken and their answers, and 323s that cover several
clients of one gemeente and aanbieder with their 325s, some classes rejected. More messages follow each withdrawal,
so what was taken over must keep working (a later 325 changes the bookings in the indexes too)."""

from __future__ import annotations

import calendar
import random

import pytest

from ketenproef import factory
from ketenproef.basis import basis, prestatie
from ketenproef.bericht import readable_path
from ketenproef.fake import bsns
from ketenproef.keten import Ketens, afgekeurde_paden
from ketenproef.keten.intrekken import IntrekbareKetens
from ketenproef.retour import retour_for
from ketenproef.validate import validate
from tests.unit.keten import KLOK, PRODUCT_323
from tests.unit.keten.toestand import toestand


def bsns_van(root) -> list[str]:
    """The BSNs of the Clients of a message: the conversations it belongs to."""
    return [el.text for el in root.iter("{*}Bsn") if el.getparent().tag.endswith("}Client")]


GEMEENTE, AANBIEDERS = "0363", ("12345678", "87654321")
MAANDEINDE = {m: calendar.monthrange(2025, m)[1] for m in range(1, 13)}


class Gesprekken:
    """Random messages between one gemeente and two aanbieders, judged against the chain and applied as a receiver
    does (IV032/IV087), each with the conversations (BSNs) it belongs to."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.clienten = bsns(random.Random(seed), 6)
        self.ketens = IntrekbareKetens()
        self.berichten: list[tuple[int, object, frozenset[str], frozenset[str]]] = []  # nummer, b, afgekeurd, bsns
        self.nummer = 0
        self.nummers: dict[tuple, int] = {}  # (aanbieder, bsn) -> its ToewijzingNummers
        self.refs: dict[tuple, dict[str, str]] = {}  # (prefix, aanbieder) -> ReferentieAanbieder -> bsn
        self.prestaties: list[tuple] = []  # (prefix, aanbieder, bsn, prestatie data) for credits

    def volgende(self) -> int:
        self.nummer += 1
        return self.nummer

    def stuur(self, name: str, data: dict | bytes, gesprekken: frozenset[str] | None = None, extra: bool = True):
        xml = data if isinstance(data, bytes) else factory.to_bytes(name, data)
        report = validate(xml, clock=KLOK, keten=self.ketens)
        assert report.bericht is not None, [(f.rule, f.text) for f in report.findings[:3]]
        afgekeurd = afgekeurde_paden(report)
        if afgekeurd is None:
            return report, None
        if extra and self.rng.random() < 0.15:  # a class rejected besides what the rules found
            b = report.bericht
            klassen = [readable_path(el) for k in b.klassen if k != "Header" for el in b.all(k)]
            if klassen:
                afgekeurd = afgekeurd | {self.rng.choice(klassen)}
        nummer = self.volgende()
        self.ketens.apply(report.bericht, afgekeurd, nummer)
        gesprekken = gesprekken if gesprekken is not None else frozenset(bsns_van(report.bericht.root))
        self.berichten.append((nummer, report.bericht, afgekeurd, gesprekken))
        return report, afgekeurd

    def header(self, data: dict, van_gemeente: bool, aanbieder: str) -> None:
        data["Header"]["Afzender"], data["Header"]["Ontvanger"] = \
            (GEMEENTE, aanbieder) if van_gemeente else (aanbieder, GEMEENTE)

    def ident(self) -> str:
        return f"ID{self.nummer + 1:06d}{self.rng.randint(0, 99):02d}"

    def stap(self) -> None:
        rng = self.rng
        prefix, aanbieder, bsn = rng.choice(("WMO", "JW")), rng.choice(AANBIEDERS), rng.choice(self.clienten)
        soort = rng.choice(("301", "301", "305", "307", "315", "317", "319", "323", "323"))
        name = prefix + soort
        data = basis(name, self.ident())
        self.header(data, soort in ("301", "319"), aanbieder)
        eigen = self.nummers.get((prefix, aanbieder, bsn), [])
        refs = self.refs.setdefault((prefix, aanbieder), {})
        if soort == "301":
            gedeeld = [n for (p, a, _), ns in self.nummers.items() if (p, a) == (prefix, aanbieder) for n in ns]
            nummer = rng.choice(gedeeld) if gedeeld and rng.random() < 0.3 else rng.randint(100, 999)
            product = data["Client"]["ToegewezenProducten"][0]
            product.update(ToewijzingNummer=nummer, Ingangsdatum="2025-01-01",
                           Toewijzingstijd=f"10:{rng.randint(0, 59):02d}:00")
            eigen_refs = [r for r, b in refs.items() if b == bsn]
            if eigen_refs and rng.random() < 0.5:
                product["ReferentieAanbieder"] = rng.choice(eigen_refs)
            data["Client"]["Bsn"] = bsn
            if self.stuur(name, data)[1] is not None:
                self.nummers.setdefault((prefix, aanbieder, bsn), []).append(nummer)
            return
        if soort in ("305", "307"):
            klasse = "StartProducten" if soort == "305" else "StopProducten"
            product = data["Client"][klasse][0]
            product["ToewijzingNummer"] = rng.choice(eigen) if eigen else 999
            product["StatusAanlevering"] = rng.choice(("1", "1", "3"))
            data["Client"]["Bsn"] = bsn
        elif soort == "315":
            ref = rng.choice(sorted(refs)) if refs and rng.random() < 0.2 else f"VOT{self.nummer:05d}"
            data["Client"]["AangevraagdeProducten"][0]["ReferentieAanbieder"] = ref
            data["Client"]["Bsn"] = bsn
            if self.stuur(name, data)[1] is not None:
                refs.setdefault(ref, bsn)
            return
        elif soort == "317":
            if not eigen:
                return
            ref = f"VOW{self.nummer:05d}"
            data["Client"]["Verzoek"]["ReferentieAanbieder"] = ref
            data["Client"]["Verzoek"]["OngewijzigdeProducten"][0]["ToewijzingNummer"] = rng.choice(eigen)
            data["Client"]["Bsn"] = bsn
            if self.stuur(name, data)[1] is not None:
                refs.setdefault(ref, bsn)
            return
        elif soort == "319":
            if not refs:
                return
            ref = rng.choice(sorted(refs))
            data["Antwoord"].update(ReferentieAanbieder=ref, VerzoekAntwoord=rng.choice(("1", "2")))
            if data["Antwoord"]["VerzoekAntwoord"] == "2":
                data["Antwoord"].pop("RedenAfwijzingVerzoek", None)
            self.stuur(name, data, frozenset({refs[ref]}))
            return
        else:
            self.declaratie(prefix, aanbieder, data)
            return
        self.stuur(name, data)

    def declaratie(self, prefix: str, aanbieder: str, data: dict) -> None:
        """A 323 for two or three clients of one gemeente and aanbieder, some credits, and its 325."""
        rng, categorie, code = self.rng, *PRODUCT_323[prefix]
        clienten, totaal = [], 0
        met = [b for b in self.clienten if self.nummers.get((prefix, aanbieder, b))]
        for bsn in rng.sample(met if len(met) >= 3 else self.clienten, rng.randint(2, 3)):
            prestaties = []
            eerder = [p for p in self.prestaties if p[:3] == (prefix, aanbieder, bsn)]
            if eerder and rng.random() < 0.4:
                vorig = rng.choice(eerder)[3]
                credit = {**vorig, "ProductReferentie": {"ReferentieNummer": f"C{self.nummer:05d}{len(clienten)}",
                                                         "VorigReferentieNummer":
                                                             vorig["ProductReferentie"]["ReferentieNummer"]},
                          "IngediendBedrag": {**vorig["IngediendBedrag"], "DebetCredit": "C"}}
                prestaties.append(credit)
                totaal -= credit["IngediendBedrag"]["Bedrag"]
            for i, maand in enumerate(sorted(rng.sample(range(1, 12), rng.randint(1, 3)))):
                p = prestatie("iWmo" if prefix == "WMO" else "iJw", f"P{self.nummer:05d}{len(clienten)}{i}")
                nummers = self.nummers.get((prefix, aanbieder, bsn)) or [999]
                periode = {"Begindatum": f"2025-{maand:02d}-01", "Einddatum": f"2025-{maand:02d}-{MAANDEINDE[maand]}"}
                p.update(ToewijzingNummer=rng.choice(nummers), ProductCategorie=categorie, ProductCode=code,
                         ProductPeriode=periode)
                prestaties.append(p)
                self.prestaties.append((prefix, aanbieder, bsn, p))
                totaal += p["IngediendBedrag"]["Bedrag"]
            clienten.append({"Bsn": bsn, "Prestaties": prestaties})
        data["Declaratie"].update(DeclaratieNummer=f"D{self.nummer:07d}", Clienten=clienten,
                                  TotaalIngediendBedrag={"TotaalBedrag": abs(totaal),
                                                         "DebetCredit": "D" if totaal >= 0 else "C"})
        report, afgekeurd = self.stuur(prefix + "323", data)
        if afgekeurd is None or rng.random() < 0.15:  # rejected whole, or the gemeente never answered
            return
        gesprekken = self.berichten[-1][3]
        antwoord = factory.serialise(retour_for(report, clock=KLOK, identificatie=f"R{self.nummer:07d}"))
        self.stuur(prefix + "325", antwoord, gesprekken, extra=False)

    def trek_in(self, bsn: str) -> None:
        weg = [n for n, _, _, gesprekken in self.berichten if bsn in gesprekken]
        self.berichten = [m for m in self.berichten if bsn not in m[3]]
        bron = {n: (b, afgekeurd) for n, b, afgekeurd, _ in self.berichten}
        opnieuw = self.ketens.intrekken(weg, lambda nummers: [(n, *bron[n]) for n in nummers])
        assert opnieuw is not None

    def opnieuw(self) -> Ketens:
        """The chain state replayed from every message left."""
        ketens = Ketens()
        for nummer, b, afgekeurd, _ in self.berichten:
            ketens.apply(b, afgekeurd, nummer)
        return ketens


@pytest.mark.parametrize("seed", range(6))
def test_withdrawing_a_conversation_gives_the_state_of_a_replay(seed):
    gesprekken = Gesprekken(seed)
    rng = gesprekken.rng
    for ronde in range(4):
        for _ in range(45):
            gesprekken.stap()
        bsn = rng.choice(gesprekken.clienten)
        gesprekken.trek_in(bsn)
        assert toestand(gesprekken.ketens) == toestand(gesprekken.opnieuw()), f"seed {seed}, ronde {ronde}, {bsn}"


def _bericht(name: str, data: dict | bytes):
    xml = data if isinstance(data, bytes) else factory.to_bytes(name, data)
    return validate(xml, clock=KLOK).bericht


def _323(ident: str, *referenties: str) -> dict:
    data = basis("JW323", ident)
    data["Declaratie"]["Clienten"][0]["Prestaties"] = [prestatie("iJw", r) for r in referenties]
    data["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = 20000 * len(referenties)
    return data


def _na_intrekken(berichten: list[tuple[int, object]], weg: set[int]) -> tuple[dict, dict]:
    """The state after withdrawing ``weg`` from these messages, and after replaying the others."""
    ketens, opnieuw = IntrekbareKetens(), Ketens()
    for nummer, b in berichten:
        ketens.apply(b, (), nummer)
    bron = {n: b for n, b in berichten}
    assert ketens.intrekken(weg, lambda nummers: [(n, bron[n], ()) for n in nummers]) is not None
    for nummer, b in berichten:
        if nummer not in weg:
            opnieuw.apply(b, (), nummer)
    return toestand(ketens), toestand(opnieuw)


def test_a_second_323_with_the_same_identificatie_takes_the_place_of_its_own_message():
    """Applied unjudged (a judged one is refused, TR056): withdrawing the first 323 brings in the second, between
    the declaraties applied before and after it, with its bookings at that place in the indexes."""
    toewijzing = _bericht("JW301", basis("JW301", "T1"))
    berichten = [(1, toewijzing), (2, _bericht("JW323", _323("D1", "P1"))), (3, _bericht("JW323", _323("D2", "P1"))),
                 (4, _bericht("JW323", _323("D1", "P1", "P2"))), (5, _bericht("JW323", _323("D3", "P1")))]
    na, opnieuw = _na_intrekken(berichten, {2})
    assert na == opnieuw
    assert [d[0] for d in next(iter(na["iJw"]["declaraties"].values()))["declaraties"]] == ["D2", "D1", "D3"]


def test_withdrawing_only_a_325_puts_its_prestaties_back_to_ingediend():
    antwoord = basis("JW325", "R1")
    antwoord["Header"]["DeclaratieIdentificatie"]["Identificatie"] = "D1"
    berichten = [(1, _bericht("JW301", basis("JW301", "T1"))), (2, _bericht("JW323", _323("D1", "P1", "P2"))),
                 (3, _bericht("JW325", antwoord)), (4, _bericht("JW323", _323("D2", "P3")))]
    na, opnieuw = _na_intrekken(berichten, {3})
    assert na == opnieuw
    alle = next(iter(na["iJw"]["declaraties"].values()))["declaraties"][0][-1]
    assert {status for _, _, status in alle} == {"ingediend"}
