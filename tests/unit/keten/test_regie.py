"""Chain rules of the regieberichten 305/307 (ketenproef/rules/keten_regie.py), checked by the gemeente."""

from __future__ import annotations

from datetime import date

import pytest

from ketenproef.keten.regie import Klant, Regie, StartSleutel
from ketenproef.rules.registry import covered, get
from tests.unit.keten import ANDERE_BSN, DEFINITIEF, PREFIXES, TIJDELIJK, Proef, assert_retour, register_entry, std

MINE = ("TR019", "TR063", "TR071", "TR074", "TR326", "TR382", "TR413", "TR414", "TR415")
GEDEKT = {"OP033": {"TR063", "TR071", "TR074", "CS058"}, "OP072": {"TR382"}, "OP155": {"TR382"},
          "OP289": {"TR326"}, "OP363": {"TR019"}, "OP377": {"TR382", "TR413", "TR415"}, "OP378": {"TR413", "TR415"},
          "OP379": {"TR326"}}
BOTH = pytest.mark.parametrize("prefix", PREFIXES)


def start(begin: str = "2026-01-07", status: str = "1", **velden):
    def wijzig(data: dict) -> None:
        data["Client"]["StartProducten"][0].update(Begindatum=begin, StatusAanlevering=status, **velden)
    return wijzig


def stop(reden: str, einde: str = "2026-01-09", begin: str = "2026-01-07", status: str = "1", **velden):
    def wijzig(data: dict) -> None:
        data["Client"]["StopProducten"][0].update(Begindatum=begin, RedenBeeindiging=reden, Einddatum=einde,
                                                 StatusAanlevering=status, **velden)
    return wijzig


def gestart(prefix: str, begin: str = "2026-01-07") -> Proef:
    """A chain with the basis toewijzing (586955, 2026-01-05 t/m 2026-06-30) and a start on ``begin``."""
    proef = Proef()
    proef.stuur(f"{prefix}301")
    proef.stuur(f"{prefix}305", start(begin))
    return proef


def definitief(prefix: str, i: int = 0) -> str:
    return DEFINITIEF[std(prefix)][i]


# ---------------------------------------------------------------- registration


@pytest.mark.parametrize("rule_id", MINE)
def test_registration_matches_register(rule_id):
    rule, entry = get(rule_id), register_entry(rule_id)
    assert rule.berichten == frozenset(entry["berichten"])
    assert rule.retourcode == entry["retourcode"]
    assert set(rule.standaarden) == set(entry["standaarden"])
    assert rule.scope == "chain" == entry["scope"]
    assert entry["controleur"] == ["gemeente"]


def test_bedrijfsregels_are_covered():
    gedekt = covered()
    for rule_id, door in GEDEKT.items():
        assert set(gedekt[rule_id][0]) == door


# ---------------------------------------------------------------- ledger


def test_ledger_records_starts_and_deletes_skips_rejected_classes():
    proef = gestart("WMO")
    klant = Klant("iWmo", "0363", "12345678", "999990020")
    regie = proef.keten.part(Regie)
    assert list(regie.starts(klant)) == [StartSleutel(586955, "02", "02A16", date(2026, 1, 7))]
    report = proef.beoordeel("WMO305", proef.bericht("WMO305", start(status="3")))
    proef.keten.apply(report.bericht, afgekeurd={"/Bericht/Client/StartProducten/StartProduct"})
    assert len(regie.starts(klant)) == 1  # the rejected delete did not count
    proef.keten.apply(report.bericht)
    assert regie.starts(klant) == {}
    assert regie.identificatie_bekend("12345678", "WMO305", report.bericht.identificatie)


# ---------------------------------------------------------------- TR019


@BOTH
def test_tr019_start_without_toewijzing(prefix):
    proef = Proef()
    report = proef.verwacht(f"{prefix}305", None, "TR019", klasse="StartProduct")
    assert "586955" in report.findings[0].text and report.findings[0].path.endswith("StartProduct/ToewijzingNummer")
    assert_retour(report, "StartProduct", "9019")


@BOTH
def test_tr019_start_with_toewijzing_is_accepted(prefix):
    proef = Proef()
    proef.stuur(f"{prefix}301")
    proef.verwacht(f"{prefix}305", None)


def test_tr019_toewijzing_of_another_client():
    proef = Proef()
    proef.stuur("JW301", lambda d: d["Client"].update(Bsn=ANDERE_BSN))
    report = proef.verwacht("JW305", None, "TR019", klasse="StartProduct")
    assert ANDERE_BSN in report.findings[0].text


def test_tr019_start_without_toewijzingnummer():
    proef = Proef()
    proef.stuur("WMO301")
    report = proef.verwacht("WMO305", lambda d: d["Client"]["StartProducten"][0].pop("ToewijzingNummer"), "TR019",
                            klasse="StartProduct")
    assert "geen ToewijzingNummer" in report.findings[0].text


def test_tr019_stop_after_the_toewijzing_was_deleted():
    proef = gestart("WMO", begin="2026-01-05")

    def verwijder(d: dict) -> None:
        d["Client"]["ToegewezenProducten"][0].update(Einddatum="2026-01-05", RedenWijziging="13",
                                                     Toewijzingstijd="11:00:00")
    proef.stuur("WMO301", verwijder)
    report = proef.verwacht("WMO307", stop("23", begin="2026-01-05"), "TR019", klasse="StopProduct")
    assert "verwijderd" in report.findings[0].text
    assert_retour(report, "StopProduct", "9019")


def test_tr019_stop_for_a_toewijzing_is_accepted():
    proef = gestart("JW")
    proef.verwacht("JW307", stop("34"))


# ---------------------------------------------------------------- TR063


@BOTH
@pytest.mark.parametrize("msg", ["305", "307"])
def test_tr063_delete_without_earlier_delivery(prefix, msg):
    proef = gestart(prefix, begin="2026-01-08")  # the delete names Begindatum 2026-01-07: another key
    wijzig = start(status="3") if msg == "305" else stop(definitief(prefix), status="3")
    klasse = "StartProduct" if msg == "305" else "StopProduct"
    report = proef.verwacht(f"{prefix}{msg}", wijzig, "TR063", klasse=klasse)
    assert report.findings[0].path.endswith("/StatusAanlevering")
    assert_retour(report, klasse, "9063")


@BOTH
def test_tr063_delete_of_an_existing_start_and_stop_is_accepted(prefix):
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(definitief(prefix)))
    proef.stuur(f"{prefix}307", stop(definitief(prefix), status="3"))
    proef.stuur(f"{prefix}305", start(status="3"))
    proef.verwacht(f"{prefix}305", start(status="3"), "TR063")  # deleted twice: nothing left to delete


# ---------------------------------------------------------------- TR071


@BOTH
def test_tr071_start_cannot_be_deleted_after_a_stop(prefix):
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(TIJDELIJK))
    report = proef.verwacht(f"{prefix}305", start(status="3"), "TR071", klasse="StartProduct")
    assert "RedenBeeindiging 20" in report.findings[0].text
    assert_retour(report, "StartProduct", "9071")


def test_tr071_start_can_be_deleted_once_its_stop_is_deleted():
    proef = gestart("WMO")
    proef.stuur("WMO307", stop("23"))
    proef.stuur("WMO307", stop("23", status="3"))
    proef.verwacht("WMO305", start(status="3"))


# ---------------------------------------------------------------- TR074


@BOTH
def test_tr074_start_key_already_delivered(prefix):
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(definitief(prefix)))
    report = proef.verwacht(f"{prefix}305", start(), "TR074", klasse="StartProduct")
    assert_retour(report, "StartProduct", "9074")


def test_tr074_new_begindatum_after_a_stop_is_accepted():
    proef = gestart("JW")
    proef.stuur("JW307", stop("34"))
    proef.verwacht("JW305", start("2026-01-10"))


def test_tr074_repeated_stop_also_hits_tr415():
    """An identical definitive stop sent again is a duplicate (TR074) and a stop after a definitive stop (TR415)."""
    proef = gestart("WMO")
    proef.stuur("WMO307", stop("23"))
    proef.verwacht("WMO307", stop("23"), "TR074", "TR415", klasse="StopProduct")


def test_tr074_key_of_a_deleted_start_may_be_used_again():
    proef = gestart("WMO")
    proef.stuur("WMO305", start(status="3"))
    proef.verwacht("WMO305", start())


# ---------------------------------------------------------------- TR326


@BOTH
def test_tr326_second_start_while_one_is_actual(prefix):
    proef = gestart(prefix)
    report = proef.verwacht(f"{prefix}305", start("2026-01-08"), "TR326", klasse="StartProduct")
    assert "2026-01-07" in report.findings[0].text
    assert_retour(report, "StartProduct", "9326")


@BOTH
def test_tr326_start_after_a_temporary_stop_is_accepted(prefix):
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(TIJDELIJK))
    proef.verwacht(f"{prefix}305", start("2026-01-10"))


def test_tr326_two_new_starts_in_one_message():
    proef = Proef()
    proef.stuur("WMO301")
    data = proef.bericht("WMO305")
    first = data["Client"]["StartProducten"][0]
    data["Client"]["StartProducten"].append(dict(first, Begindatum="2026-01-08"))
    report = proef.verwacht("WMO305", data, "TR326")
    assert report.findings[0].path.endswith("StartProduct[2]")


def test_tr326_correction_delete_and_new_start_in_one_message_is_accepted():
    """IV008: when the corrected element is in the key, delete and replacement may travel together."""
    proef = gestart("JW")
    data = proef.bericht("JW305", start(status="3"))
    first = data["Client"]["StartProducten"][0]
    data["Client"]["StartProducten"].append(dict(first, Begindatum="2026-01-08", StatusAanlevering="1"))
    proef.stuur("JW305", data=data)
    klant = Klant("iJw", "0363", "12345678", "999990020")
    assert [s.begindatum.isoformat() for s in proef.keten.part(Regie).starts(klant)] == ["2026-01-08"]


# ---------------------------------------------------------------- TR382


@BOTH
def test_tr382_stop_without_matching_start(prefix):
    proef = gestart(prefix)
    report = proef.verwacht(f"{prefix}307", stop(definitief(prefix), begin="2026-01-06"), "TR382",
                            klasse="StopProduct")
    assert "2026-01-07" in report.findings[0].text
    assert_retour(report, "StopProduct", "9069")


def test_tr382_stop_with_another_product_than_the_start():
    proef = gestart("WMO")
    report = proef.verwacht("WMO307", stop("23", Product={"Categorie": "02", "Code": "02A17"}), "TR382")
    assert "02A17" in report.findings[0].text


def test_tr382_stop_for_an_older_start():
    proef = gestart("JW", begin="2026-01-05")
    proef.stuur("JW307", stop(TIJDELIJK, begin="2026-01-05", einde="2026-01-06"))
    proef.stuur("JW305", start("2026-01-08"))
    report = proef.verwacht("JW307", stop("34", begin="2026-01-05"), "TR382", klasse="StopProduct")
    assert "oudere start" in report.findings[0].text


@BOTH
def test_definitive_stop_after_temporary_stop_with_the_same_einddatum_is_accepted(prefix):
    """3.2: RedenBeeindiging is part of the StopProduct key, so the definitive stop may repeat the Einddatum."""
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(TIJDELIJK))
    proef.verwacht(f"{prefix}307", stop(definitief(prefix)))


def test_temporary_and_definitive_stop_in_one_message_are_accepted():
    proef = gestart("WMO")
    data = proef.bericht("WMO307", stop(TIJDELIJK))
    data["Client"]["StopProducten"].append(dict(data["Client"]["StopProducten"][0], RedenBeeindiging="23"))
    proef.verwacht("WMO307", data)


# ---------------------------------------------------------------- TR413, TR414, TR415


@BOTH
def test_tr413_second_temporary_stop(prefix):
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(TIJDELIJK))
    report = proef.verwacht(f"{prefix}307", stop(TIJDELIJK, einde="2026-01-10"), "TR413", klasse="StopProduct")
    assert report.findings[0].path.endswith("/RedenBeeindiging")
    assert_retour(report, "StopProduct", "9413")


def test_tr413_two_temporary_stops_in_one_message():
    proef = gestart("JW")
    data = proef.bericht("JW307", stop(TIJDELIJK))
    data["Client"]["StopProducten"].append(dict(data["Client"]["StopProducten"][0], Einddatum="2026-01-10"))
    proef.verwacht("JW307", data, "TR413")


@BOTH
def test_tr414_definitive_stop_before_the_temporary_stop(prefix):
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(TIJDELIJK))
    report = proef.verwacht(f"{prefix}307", stop(definitief(prefix), einde="2026-01-08"), "TR414",
                            klasse="StopProduct")
    assert report.findings[0].path.endswith("/Einddatum") and "2026-01-09" in report.findings[0].text
    assert_retour(report, "StopProduct", "9414")


def test_tr414_later_definitive_stop_is_accepted():
    proef = gestart("WMO")
    proef.stuur("WMO307", stop(TIJDELIJK))
    proef.verwacht("WMO307", stop("23", einde="2026-01-11"))


@BOTH
@pytest.mark.parametrize("tweede", ["definitief", "tijdelijk"])
def test_tr415_no_stop_after_a_definitive_stop(prefix, tweede):
    proef = gestart(prefix)
    proef.stuur(f"{prefix}307", stop(definitief(prefix)))
    reden = definitief(prefix, 1) if tweede == "definitief" else TIJDELIJK
    report = proef.verwacht(f"{prefix}307", stop(reden, einde="2026-01-10"), "TR415", klasse="StopProduct")
    assert_retour(report, "StopProduct", "9415")


def test_tr415_new_stop_after_deleting_the_definitive_stop_is_accepted():
    proef = gestart("JW")
    proef.stuur("JW307", stop("34"))
    proef.stuur("JW307", stop("34", status="3"))
    proef.verwacht("JW307", stop("33", einde="2026-01-10"))


def test_stop_of_another_client_does_not_count():
    proef = gestart("WMO")
    proef.stuur("WMO307", stop("23"))
    proef.stuur("WMO301", lambda d: (d["Client"].update(Bsn=ANDERE_BSN),
                                     d["Client"]["ToegewezenProducten"][0].update(ToewijzingNummer=586956)))
    proef.stuur("WMO305", lambda d: (d["Client"].update(Bsn=ANDERE_BSN),
                                     d["Client"]["StartProducten"][0].update(ToewijzingNummer=586956)))
    proef.verwacht("WMO307", lambda d: (d["Client"].update(Bsn=ANDERE_BSN),
                                        d["Client"]["StopProducten"][0].update(ToewijzingNummer=586956)))
