"""The rules on external sources judged without a chain: what ``ketenproef validate`` applies to one message on
"vandaag" with the bundled reference data (TR135, TR346, TR378, TR381, TR418)."""

from __future__ import annotations

import datetime as dt

import pytest

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.clock import FrozenClock
from ketenproef.keten import Keten, KetenConfig
from ketenproef.validate import validate
from tests.unit.rules import ids, judge, of

BEEMSTER, PURMEREND = "0370", "0439"  # Beemster opgegaan in Purmerend op 2022-01-01


def on(name: str, change, dag: str, **kwargs):
    data = basis(name)
    change(data)
    return validate(factory.to_bytes(name, data), clock=FrozenClock(dt.date.fromisoformat(dag)), **kwargs)


def dagtekening(data: dict, dag: str) -> None:
    data["Header"]["BerichtIdentificatie"]["Dagtekening"] = dag


# ---------------------------------------------------------------- TR135

def test_tr135_dagtekening_after_vandaag():
    """TR135: "Dagtekening mag niet later zijn dan de systeemdatum van de ontvanger" - retourcode 8848."""
    report = judge("JW305", lambda d: dagtekening(d, "2026-01-13"))
    assert [f.retourcode for f in of(report, "TR135")] == ["8848"] and not report.valid


def test_tr135_dagtekening_today_passes():
    """TR135 on the day itself: not later than the system date."""
    assert "TR135" not in ids(judge("JW305"))


# ---------------------------------------------------------------- TR378

def beemster_301(jaar: int):
    def change(d):
        d["Header"]["Afzender"] = BEEMSTER
        dagtekening(d, f"{jaar}-03-01")
        d["Client"]["ToegewezenProducten"][0].update(Toewijzingsdatum=f"{jaar}-03-01", Ingangsdatum=f"{jaar}-03-08",
                                                     Einddatum=f"{jaar}-09-30")
    return change


def test_tr378_beemster_2021_passes_2023_fails():
    """TR378: "De gemeentecode moet voorkomen in de CBS-tabel gemeentelijke indeling die actueel is op de
    Ingangsdatum" - Beemster (0370) existed until 2021-12-31."""
    assert on("WMO301", beemster_301(2021), "2021-03-01").valid
    report = on("WMO301", beemster_301(2023), "2023-03-01")
    assert [(f.rule, f.retourcode, f.path) for f in report.findings] == [
        ("TR378", "S300", "/Bericht/Header/Afzender")]


def test_tr378_older_list_on_the_ingangsdatum_of_the_toewijzing():
    """TR378: "after a herindeling an older CBS list may be used if it was actual on the Ingangsdatum of the
    ToegewezenProduct": a 301 of 2023 that only repeats a toewijzing that began in 2021 keeps 0370; one that also
    carries a product beginning in 2023 does not."""
    def oud(d):
        beemster_301(2023)(d)
        d["Client"]["ToegewezenProducten"][0].update(Ingangsdatum="2021-06-07")
    assert on("WMO301", oud, "2023-03-01").valid

    def gemengd(d):
        oud(d)
        tweede = dict(d["Client"]["ToegewezenProducten"][0], ToewijzingNummer=586956, Ingangsdatum="2023-03-08",
                      Product={"Categorie": "03", "Code": "03A01"})
        d["Client"]["ToegewezenProducten"].append(tweede)
    assert ids(on("WMO301", gemengd, "2023-03-01")) == {"TR378"}


@pytest.mark.parametrize(("toewijzing", "geldig"), [("2021-06-07", True), ("2022-01-03", False)])
def test_tr378_start_reports_the_toewijzing_ingangsdatum(toewijzing, geldig):
    """TR378 "(or ToewijzingIngangsdatum)": a 305 in 2023 to 0370 for a toewijzing of 2021 passes, for one that
    began after the herindeling it does not."""
    def change(d):
        d["Header"]["Ontvanger"] = BEEMSTER
        dagtekening(d, "2023-03-01")
        d["Client"]["StartProducten"][0].update(ToewijzingIngangsdatum=toewijzing, Begindatum="2023-02-20")
    assert on("WMO305", change, "2023-03-01").valid is geldig


def test_tr378_without_chain_and_date_an_existing_old_code_is_not_rejected():
    """A 323 carries no Ingangsdatum: only the chain knows whether a toewijzing carried 0370, so without a chain a
    code that was in the CBS indeling before the Dagtekening is not rejected; a code that never existed is."""
    assert "TR378" not in ids(on("WMO323", lambda d: d["Header"].update(Ontvanger=BEEMSTER), "2026-01-12"))
    assert "TR378" in ids(on("WMO323", lambda d: d["Header"].update(Ontvanger="9999"), "2026-01-12"))


def test_tr378_chain_keeps_its_own_exception():
    """With a chain an old code is valid only for toewijzingen that carried it (no chain-free leniency)."""
    report = on("WMO323", lambda d: d["Header"].update(Ontvanger=BEEMSTER), "2026-01-12", keten=Keten())
    assert "TR378" in ids(report)


def test_tr378_woonplaatsbeginsel_uses_the_indeling_on_the_dagtekening():
    """TR378 on JW319 Woonplaatsbeginsel/Gemeente: the gemeente that is responsible now."""
    def woonplaats(gemeente: str, dag: str):
        def change(d):
            dagtekening(d, dag)
            d["Antwoord"].update(RedenAfwijzingVerzoek="8", Woonplaatsbeginsel={"Gemeente": gemeente})
        return change
    assert on("JW319", woonplaats(BEEMSTER, "2021-03-01"), "2021-03-01").valid
    report = on("JW319", woonplaats(BEEMSTER, "2023-03-01"), "2023-03-01")
    assert [(f.rule, f.klasse) for f in report.findings] == [("TR378", "Woonplaatsbeginsel")]
    assert on("JW319", woonplaats(PURMEREND, "2023-03-01"), "2023-03-01").valid


# ---------------------------------------------------------------- TR346

def bedrag(waarde: int, volume: int = 4, eenheid: str = "04", tarief: int = 5000):
    def change(d):
        p = d["Declaratie"]["Clienten"][0]["Prestaties"][0]
        p.update(GeleverdVolume=volume, Eenheid=eenheid, ProductTarief=tarief)
        p["IngediendBedrag"]["Bedrag"] = waarde
        d["Declaratie"]["TotaalIngediendBedrag"]["TotaalBedrag"] = waarde
    return change


def test_tr346_ingediend_bedrag_is_volume_times_tarief():
    """TR346: "IngediendBedrag = GeleverdVolume x ProductTarief" (Eenheid not 83) - retourcode 9346."""
    assert judge("WMO323", bedrag(20000)).valid
    report = judge("WMO323", bedrag(20001))
    assert [(f.rule, f.retourcode, f.klasse) for f in report.findings] == [("TR346", "9346", "Prestatie")]


@pytest.mark.parametrize(("waarde", "geldig"), [(10833, True), (10790, True), (10900, False)])
def test_tr346_minutes_with_an_hourly_tariff(waarde, geldig):
    """IV079/IV081: 130 minutes at EUR 50,00 per hour is 108,33 ((uurtarief x minuten) / 60), ProductTarief 83
    cents; without a chain the hourly tariff is unknown, so every amount an hourly tariff that rounds to 83 cents
    gives is accepted, and 130 x 83 as well; 109,00 fits neither."""
    assert judge("WMO323", bedrag(waarde, volume=130, eenheid="01", tarief=83)).valid is geldig


def test_tr346_credit_is_not_judged():
    def credit(d):
        bedrag(1)(d)
        d["Declaratie"]["Clienten"][0]["Prestaties"][0]["IngediendBedrag"]["DebetCredit"] = "C"
        d["Declaratie"]["TotaalIngediendBedrag"]["DebetCredit"] = "C"
    assert "TR346" not in ids(judge("WMO323", credit))


def test_tr418_without_contract_tariffs_judges_nothing():
    """TR418: "ProductTarief moet gelijk zijn aan het contracttarief"; without contract data there is nothing to
    compare with."""
    assert "TR418" not in ids(judge("WMO323", bedrag(4 * 9999, tarief=9999)))


# ---------------------------------------------------------------- TR381

def product(categorie: str, code: str):
    return lambda d: d["Client"]["AangevraagdeProducten"][0].update(Product={"Categorie": categorie, "Code": code})


def test_tr381_own_code_without_a_list_passes():
    """TR381: "ProductCode moet voorkomen in de gehanteerde productcodelijst"; IV075 lets a gemeente use its own
    list, so without a list the official example's ABCDE gets no S329."""
    assert judge("WMO315", product("02", "ABCDE")).valid


def test_tr381_with_a_list_that_lacks_the_code():
    report = on("WMO315", product("02", "ABCDE"), "2026-01-12",
                config=KetenConfig(productcodes={"02": frozenset({"02A16"})}))
    assert [(f.rule, f.retourcode, f.klasse) for f in report.findings] == [("TR381", "S329", "AangevraagdProduct")]
    assert on("WMO315", product("02", "02A16"), "2026-01-12",
              config=KetenConfig(productcodes={"02": frozenset({"02A16"})})).valid


def test_tr381_published_hulpmiddelen_list_is_in_force_for_iwmo():
    """The indeling hulpmiddelen iWmo is published by the standard: 11X01 (rolstoel) belongs to categorie 11."""
    assert "TR381" in ids(judge("WMO315", product("12", "11X01")))
    assert judge("WMO315", product("11", "11X01")).valid
