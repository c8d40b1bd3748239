"""Generated example messages: valid (XSD and every single-message rule), realistic and reproducible."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from ketenproef import factory, fake, generator
from ketenproef.clock import FrozenClock
from ketenproef.parse import parse_bytes
from ketenproef.validate import validate

SEEDS = range(12)


def _dagtekening(data: dict) -> dt.date:
    return generator.dagtekening_van(data)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", generator.NAMEN)
def test_valid(name, seed):
    data = generator.voorbeeld_data(name, seed)
    report = validate(generator.voorbeeld(name, seed), clock=FrozenClock(_dagtekening(data)))
    assert report.message == name
    rejecting = [(f.rule, f.path, f.text) for f in report.findings if f.level != "advies"]
    assert rejecting == []
    assert report.valid


def test_all_28_messages():
    assert len(generator.NAMEN) == 28
    assert {n[-3:] for n in generator.NAMEN} == {"301", "302", "305", "306", "307", "308", "315", "316", "317",
                                                 "318", "319", "320", "323", "325"}


@pytest.mark.parametrize("name", generator.NAMEN)
def test_reproducible(name):
    assert generator.voorbeeld(name, 5) == generator.voorbeeld(name, 5)
    assert generator.voorbeeld_data(name, 5) == generator.voorbeeld_data(name, 5)
    assert generator.voorbeeld(name, 5) != generator.voorbeeld(name, 6)


@pytest.mark.parametrize("name", ["WMO301", "JW323", "JW315"])
def test_data_and_bytes_agree(name):
    data = generator.voorbeeld_data(name, 3)
    assert factory.to_bytes(name, data) == generator.voorbeeld(name, 3)


def test_default_dagtekening_from_seed_in_2026():
    dagen = {_dagtekening(generator.voorbeeld_data("WMO301", seed)) for seed in range(40)}
    assert all(d.year == 2026 for d in dagen)
    assert len(dagen) > 30
    assert _dagtekening(generator.voorbeeld_data("JW323", 7)) == generator.dagtekening_voor(7)


@pytest.mark.parametrize("name", generator.NAMEN)
def test_dagtekening_override(name):
    dag = dt.date(2026, 3, 31)
    data = generator.voorbeeld_data(name, 4, dagtekening=dag)
    assert _dagtekening(data) == dag
    report = validate(generator.voorbeeld(name, 4, dagtekening=dag), clock=FrozenClock(dag))
    assert report.valid, [(f.rule, f.text) for f in report.findings]


def test_unknown_name():
    with pytest.raises(ValueError):
        generator.voorbeeld("WMO999", 1)


def test_lower_case_name_accepted():
    assert generator.voorbeeld("jw319", 2) == generator.voorbeeld("JW319", 2)


# ------------------------------------------------------------------------------------------------ per message

def _waarden(name: str, seeds=range(40)) -> list[dict]:
    return [generator.voorbeeld_data(name, seed) for seed in seeds]


@pytest.mark.parametrize("name", ["WMO301", "JW301"])
def test_301_realistic(name):
    eenheden, budgets, relaties = Counter(), 0, 0
    for data in _waarden(name):
        client, dag = data["Client"], _dagtekening(data)
        assert fake.elfproef(client["Bsn"])
        leeftijd = (dag - client["Geboortedatum"]["Datum"]).days / 365.25
        assert (leeftijd >= 18) if name.startswith("WMO") else (leeftijd < 18)
        assert client["Contactgegevens"][0]["Soort"] == "01"  # IV047
        relaties += len(client.get("Relaties", []))
        for product in client["ToegewezenProducten"]:
            assert product["Toewijzingsdatum"] <= dag  # TR134
            if "Code" in product.get("Product", {}):
                assert product["Product"]["Code"].startswith(product["Product"]["Categorie"])
                eenheden[product["Omvang"]["Eenheid"]] += 1
            budgets += "Budget" in product
    assert len(eenheden) >= 4
    assert budgets and relaties


@pytest.mark.parametrize("name", ["WMO317", "JW317"])
def test_317_gewenste_ingangsdatum_after_dagtekening(name):
    for data in _waarden(name):
        verzoek, dag = data["Client"]["Verzoek"], _dagtekening(data)
        assert "OngewijzigdeProducten" in verzoek or "TeWijzigenProducten" in verzoek
        assert "TeWijzigenProducten" in verzoek or "NieuweProducten" in verzoek
        for product in verzoek.get("NieuweProducten", []):
            assert product["GewensteIngangsdatum"] > dag  # TR380


def test_319_woonplaatsbeginsel_only_ijw():
    redenen = Counter()
    for name in ("WMO319", "JW319"):
        for data in _waarden(name, range(60)):
            antwoord = data["Antwoord"]
            redenen[(name, antwoord.get("RedenAfwijzingVerzoek"))] += 1
            assert ("Woonplaatsbeginsel" in antwoord) == (antwoord.get("RedenAfwijzingVerzoek") == "8")
    assert ("JW319", "8") in redenen and ("WMO319", "8") not in redenen


def _check_323(data: dict) -> Counter:
    """The 323 rules checked independently of the rule modules: totals, periods, keys, credits, tariffs."""
    declaratie, dag = data["Declaratie"], _dagtekening(data)
    periode = declaratie["DeclaratiePeriode"]
    begin, einde = periode["Begindatum"], periode["Einddatum"]
    assert begin.day == 1 and (einde + dt.timedelta(days=1)).day == 1 and begin.month == einde.month  # CS340
    assert einde <= dag and begin >= dt.date(2021, 1, 1)  # TR137, TR134, CS100
    saldo, soorten = 0, Counter()
    referenties, vorige, debets, bsns = set(), set(), set(), set()
    for client in declaratie["Clienten"]:
        assert fake.elfproef(client["Bsn"]) and client["Bsn"] not in bsns  # CS002, TR101
        bsns.add(client["Bsn"])
        for prestatie in client["Prestaties"]:
            ref = prestatie["ProductReferentie"]
            assert ref["ReferentieNummer"] not in referenties and len(ref["ReferentieNummer"]) <= 20
            referenties.add(ref["ReferentieNummer"])
            pp = prestatie["ProductPeriode"]
            assert (pp["Begindatum"].year, pp["Begindatum"].month) == (pp["Einddatum"].year, pp["Einddatum"].month)
            assert dt.date(2021, 1, 1) <= pp["Begindatum"] <= pp["Einddatum"] <= einde  # CS100, CS337, TR319
            assert prestatie["ProductCode"].startswith(prestatie["ProductCategorie"])
            bedrag = prestatie["IngediendBedrag"]
            if prestatie["Eenheid"] == "83":
                assert "ProductTarief" not in prestatie and bedrag["Bedrag"] == prestatie["GeleverdVolume"]
            else:
                assert prestatie["ProductTarief"] > 0  # CD087
            if bedrag["DebetCredit"] == "C":
                assert ref["VorigReferentieNummer"] not in vorige  # CD060, TR315
                vorige.add(ref["VorigReferentieNummer"])
                saldo -= bedrag["Bedrag"]
                soorten["credit"] += 1
            else:
                assert "VorigReferentieNummer" not in ref
                key = (pp["Begindatum"], pp["Einddatum"], prestatie["ProductCategorie"],
                       prestatie["ToewijzingNummer"], prestatie["ProductCode"])
                assert key not in debets  # TR416
                debets.add(key)
                saldo += bedrag["Bedrag"]
            assert 0 < bedrag["Bedrag"] <= 99999999
            soorten[prestatie["Eenheid"]] += 1
            soorten["eerdere maand"] += pp["Begindatum"] < begin
    assert not (vorige & referenties)  # TR316
    totaal = declaratie["TotaalIngediendBedrag"]
    assert totaal["TotaalBedrag"] == abs(saldo) and totaal["DebetCredit"] == ("C" if saldo < 0 else "D")  # TR358
    assert declaratie["DeclaratieNummer"].isalnum() and len(declaratie["DeclaratieNummer"]) <= 12
    return soorten


@pytest.mark.parametrize("name", ["WMO323", "JW323"])
def test_323_rules_and_variety(name):
    soorten = Counter()
    for data in _waarden(name):
        soorten += _check_323(data)
    assert soorten["credit"] >= 3 and soorten["eerdere maand"] >= 3
    assert {"01", "04", "83"} <= set(soorten)


@pytest.mark.parametrize("aantal", [1, 16, 149, 1000])
def test_aantal_prestaties(aantal):
    data = generator.voorbeeld_data("JW323", 2, aantal_prestaties=aantal)
    clienten = data["Declaratie"]["Clienten"]
    assert sum(len(c["Prestaties"]) for c in clienten) == aantal
    assert all(len(c["Prestaties"]) <= 20 for c in clienten)
    if aantal >= 149:
        assert len(clienten) >= aantal // 20
    _check_323(data)
    report = validate(factory.to_bytes("JW323", data), clock=FrozenClock(_dagtekening(data)))
    assert report.valid, [(f.rule, f.text) for f in report.findings][:5]


def test_aantal_prestaties_invalid():
    with pytest.raises(ValueError):
        generator.voorbeeld_data("WMO323", 1, aantal_prestaties=0)


@pytest.mark.parametrize("dag", [dt.date(2021, 2, 1), dt.date(2021, 3, 15), dt.date(2028, 2, 29)])
@pytest.mark.parametrize("seed", range(10))
def test_323_edge_dagtekening(dag, seed):
    _check_323(generator.voorbeeld_data("WMO323", seed, dagtekening=dag, aantal_prestaties=40))


def test_323_before_2021_impossible():
    with pytest.raises(ValueError):
        generator.voorbeeld_data("JW323", 1, dagtekening=dt.date(2021, 1, 20))


def test_large_323_is_fast():
    import time

    start = time.perf_counter()
    body = generator.voorbeeld("WMO323", 8, aantal_prestaties=10000)
    assert time.perf_counter() - start < 10
    assert body.count(b"<wmo323:Prestatie>") == 10000


# ------------------------------------------------------------------------------------------------ retour

@pytest.mark.parametrize("name", [n for n in generator.NAMEN if n[-3:] in generator.RETOUR and n[-3:] != "325"])
def test_retour_accepts_heenbericht(name):
    data = generator.voorbeeld_data(name, 1)
    heen = generator.voorbeeld_data(name[:-3] + generator.RETOUR[name[-3:]], 1)
    header = data["Header"]
    assert "RetourCodes" not in header  # no findings: header only, nothing rejected
    assert header["BerichtIdentificatie"]["Identificatie"] == heen["Header"]["BerichtIdentificatie"]["Identificatie"]
    assert header["DagtekeningRetour"] == heen["Header"]["BerichtIdentificatie"]["Dagtekening"].isoformat()
    assert 1 <= len(header["IdentificatieRetour"]) <= 12
    assert parse_bytes(generator.voorbeeld(name, 1)).ok


@pytest.mark.parametrize("name", ["WMO325", "JW325"])
def test_325_accepts_declaratie(name):
    data = generator.voorbeeld_data(name, 2)
    heen = generator.voorbeeld_data(name.replace("325", "323"), 2)
    antwoord = data["DeclaratieAntwoord"]
    assert antwoord["RetourCodes"] == {"RetourCode": ["8001"]}
    assert antwoord["DeclaratieNummer"] == heen["Declaratie"]["DeclaratieNummer"]
    totaal = heen["Declaratie"]["TotaalIngediendBedrag"]
    assert antwoord["TotaalToegekendBedrag"] == {k: str(v) for k, v in totaal.items()}
    assert data["Header"]["DeclaratieIdentificatie"]["Identificatie"] == \
        heen["Header"]["BerichtIdentificatie"]["Identificatie"]


def test_325_for_sized_323():
    data = generator.voorbeeld_data("WMO325", 4, aantal_prestaties=60)
    heen = generator.voorbeeld_data("WMO323", 4, aantal_prestaties=60)
    assert data["DeclaratieAntwoord"]["TotaalIngediendBedrag"]["TotaalBedrag"] == \
        str(heen["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"])
    assert validate(generator.voorbeeld("WMO325", 4, aantal_prestaties=60),
                    clock=FrozenClock(_dagtekening(heen))).valid
