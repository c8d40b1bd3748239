"""Synthetic parties and people: valid forms, reproducible from a seed."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from faker.providers.person.nl_NL import Provider as Namen

from ketenproef import corpus, fake

SEEDS = range(200)


@pytest.mark.parametrize("seed", SEEDS)
def test_bsn_passes_elfproef(seed):
    nummer = fake.bsn(random.Random(seed))
    assert re.fullmatch(r"[1-9][0-9]{8}", nummer)
    digits = [int(c) for c in nummer]
    assert (sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]) % 11 == 0
    assert fake.elfproef(nummer)


@pytest.mark.parametrize("nummer", ["123456789", "999990021", "111111111", "12345678", "12345678a", ""])
def test_elfproef_rejects(nummer):
    assert not fake.elfproef(nummer)


@pytest.mark.parametrize("nummer", ["999990020", "111222333", "123456782"])
def test_elfproef_accepts(nummer):
    assert fake.elfproef(nummer)


def test_bsns_are_different():
    nummers = fake.bsns(random.Random(1), 3000)
    assert len(set(nummers)) == 3000
    assert all(fake.elfproef(n) for n in nummers)


def _alles(seed: int) -> dict:
    rng = random.Random(seed)
    return {"persoon": fake.persoon(rng), "kind": fake.persoon(rng, leeftijd=(0, 17)), "adres": fake.adres(rng),
            "telefoon": fake.telefoon(rng), "agb": fake.agb_code(rng), "gemeente": fake.gemeentecode(rng),
            "bsn": fake.bsn(rng), "code": fake.productcode(fake.productcategorie("iJw", rng), rng),
            "email": fake.emailadres(rng), "organisatie": fake.organisatie(rng)}


def test_same_seed_same_output():
    assert _alles(42) == _alles(42)


def test_other_seed_other_output():
    uitkomsten = [_alles(seed) for seed in range(5)]
    for key in ("persoon", "adres", "telefoon", "agb", "bsn"):
        assert len({repr(u[key]) for u in uitkomsten}) == 5, key


def test_no_global_random_state_used():
    state = random.getstate()
    _alles(3)
    assert random.getstate() == state


def test_reproducible_regardless_of_other_faker_use():
    first = _alles(9)
    fake.faker_voor(random.Random(123)).name()  # the shared Faker is used in between
    assert _alles(9) == first


@pytest.mark.parametrize("seed", SEEDS)
def test_postcode_and_adres(seed):
    rng = random.Random(seed)
    assert re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", fake.postcode(rng))
    adres = fake.adres(rng)
    assert re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", adres["Postcode"])
    assert adres["Postcode"][4:] not in ("SA", "SD", "SS")
    assert adres["LandCode"] == "NL"
    assert 1 <= adres["Huis"]["Huisnummer"] <= 99999
    assert 1 <= len(adres["Straatnaam"]) <= 24
    assert 1 <= len(adres["Plaatsnaam"]) <= 80
    assert len(adres["Huis"].get("HuisnummerToevoeging", "1234")) <= 4


@pytest.mark.parametrize("seed", range(50))
def test_telefoon_agb_gemeente(seed):
    rng = random.Random(seed)
    telefoon = fake.telefoon(rng)
    assert re.fullmatch(r"0[1-9][0-9]{8}", telefoon["Telefoonnummer"])
    assert telefoon["Landnummer"] == "0031"
    assert re.fullmatch(r"[0-9]{8}", fake.agb_code(rng))
    assert fake.gemeentecode(rng) in corpus.codes("CBS-GEMEENTE")
    assert len(fake.organisatie(rng)) <= 35
    assert len(fake.emailadres(rng)) <= 80


@pytest.mark.parametrize("seed", SEEDS)
def test_persoon_consistent(seed):
    peildatum = dt.date(2026, 3, 15)
    persoon = fake.persoon(random.Random(seed), peildatum=peildatum, leeftijd=(18, 95))
    naam = persoon["Naam"]
    assert fake.elfproef(persoon["Bsn"])
    assert persoon["Geslacht"] in ("0", "1", "2")
    voornamen = naam["Voornamen"].split()
    if persoon["Geslacht"] == "1":
        assert all(v in Namen.first_names_male for v in voornamen)
    elif persoon["Geslacht"] == "2":
        assert all(v in Namen.first_names_female for v in voornamen)
    assert naam["Voorletters"] == "".join(v[0] for v in voornamen).upper()
    assert re.fullmatch(r"[a-zA-ZÀ-ỳ]{1,6}", naam["Voorletters"])
    assert naam["Geslachtsnaam"]["Achternaam"][0].isupper()
    if "Partnernaam" in naam:
        assert naam["NaamGebruik"] in "1234"
    else:
        assert naam["NaamGebruik"] == "1"  # CS050
    geboren = persoon["Geboortedatum"]
    datum, gebruik = geboren["Datum"], geboren.get("DatumGebruik")
    leeftijd = peildatum.year - datum.year - ((peildatum.month, peildatum.day) < (datum.month, datum.day))
    assert 18 <= leeftijd <= 95
    if gebruik == "1":
        assert datum.day == 1  # CS139
    elif gebruik == "2":
        assert (datum.month, datum.day) == (1, 1)
    else:
        assert gebruik is None


@pytest.mark.parametrize("seed", range(50))
def test_kind_is_young(seed):
    peildatum = dt.date(2026, 2, 28)
    persoon = fake.persoon(random.Random(seed), peildatum=peildatum, leeftijd=(0, 17))
    assert "Partnernaam" not in persoon["Naam"]
    datum = persoon["Geboortedatum"]["Datum"]
    assert dt.date(2008, 2, 28) < datum <= peildatum


def test_voorletters():
    assert fake.voorletters("Jan Willem Hendrik") == "JWH"
    assert fake.voorletters("Anne-Marie") == "AM"
    assert fake.voorletters("a b c d e f g") == "ABCDEF"


def test_verkorte_naam():
    persoon = fake.persoon(random.Random(1), partner=True)
    verkort = fake.verkorte_naam(persoon["Naam"])
    assert set(verkort) <= {"Geslachtsnaam", "Voornamen", "Voorletters"}


@pytest.mark.parametrize("standaard,lijst", [("iWmo", "WMO020"), ("iJw", "JZ020")])
def test_productcategorie_valid_per_standard(standaard, lijst):
    rng = random.Random(5)
    codes = corpus.codes(lijst)
    assert {fake.productcategorie(standaard, rng) for _ in range(300)} <= codes
    assert set(fake.productcategorieen(standaard)) <= codes


@pytest.mark.parametrize("standaard", ["iWmo", "iJw"])
def test_productcode_fits_category(standaard):
    rng = random.Random(11)
    hulpmiddelen = {c["code"]: c["extra"]["productcategorie"]
                    for c in corpus.codelists()["HULPMIDDELEN-2022"]["codes"]}
    for categorie in fake.productcategorieen(standaard):
        for _ in range(20):
            code = fake.productcode(categorie, rng)
            assert fake.past_bij_categorie(code, categorie)
            assert re.fullmatch(rf"{categorie}[A-Z][0-9]{{2}}", code)
            if standaard == "iWmo" and categorie in ("11", "12", "13"):
                assert hulpmiddelen[code] == categorie


def test_productcode_examples_form():
    assert fake.past_bij_categorie("45A02", "45")
    assert fake.past_bij_categorie("02A16", "02")
    assert not fake.past_bij_categorie("02A16", "45")
