"""Write the example messages of the rule group ``verzoeken`` (315/317/319 plus the 305/307 regie rules).

For every rule one ``<RULE>_<MSG>_fail.xml`` that breaks exactly that rule, a few valid ``<name>_<MSG>_ok.xml``
variants that exercise the "allowed" branches, and ``manifest.json`` with the rule ids the validator must
report for each file. Every message is a copy of ``ketenproef.basis`` with one small change.

    .venv/bin/python tools/voorbeelden/verzoeken.py
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from _schrijf import schrijf

from ketenproef import factory
from ketenproef.basis import DAGTEKENING, basis

OUT = Path(__file__).resolve().parents[2] / "corpus" / "voorbeelden" / "verzoeken"


def _mutate(name: str, change: Callable[[dict], None]) -> dict:
    data = basis(name)
    change(data)
    return data


# ---------------------------------------------------------------- mutations (each takes the plain data)

def _stop(data: dict) -> dict:
    return data["Client"]["StopProducten"][0]


def _start(data: dict) -> dict:
    return data["Client"]["StartProducten"][0]


def _aanvraag(data: dict) -> dict:
    return data["Client"]["AangevraagdeProducten"][0]


def _verzoek(data: dict) -> dict:
    return data["Client"]["Verzoek"]


def _tweede_aanvraag(referentie: str):
    """A second AangevraagdProduct for the next half year (no overlap, so TR386 stays quiet)."""

    def change(data: dict) -> None:
        tweede = dict(_aanvraag(data), ReferentieAanbieder=referentie, ToewijzingIngangsdatum="2026-08-01",
                      ToewijzingEinddatum="2026-12-31")
        data["Client"]["AangevraagdeProducten"].append(tweede)

    return change


def _verwijzer(**velden):
    def change(data: dict) -> None:
        _aanvraag(data)["Verwijzer"] = velden

    return change


def _antwoord(**velden):
    def change(data: dict) -> None:
        antwoord = data["Antwoord"]
        for key, value in velden.items():
            if value is None:
                antwoord.pop(key, None)
            else:
                antwoord[key] = value

    return change


def _alleen_te_wijzigen(data: dict) -> None:
    verzoek = _verzoek(data)
    del verzoek["OngewijzigdeProducten"], verzoek["NieuweProducten"]
    verzoek["TeWijzigenProducten"] = [{"ToewijzingNummer": 586955, "GewensteIngangsdatum": "2026-02-01",
                                       "Einddatum": "2026-12-31", "Omvang": {"Volume": 6, "Eenheid": "04",
                                                                             "Frequentie": "2"}}]


# (file stem, message, mutation, rules the validator must report)
CASES: list[tuple[str, str, Callable[[dict], None], list[str]]] = [
    # 307 / 305: regie
    ("TR018_WMO307_fail", "WMO307", lambda d: _stop(d).update(Einddatum="2026-01-06"), ["TR018"]),
    ("TR018_JW307_fail", "JW307", lambda d: _stop(d).update(Einddatum="2026-01-06"), ["TR018"]),
    ("CS058_JW305_fail", "JW305", lambda d: _start(d).update(StatusAanlevering="2"), ["CS058"]),
    ("CS058_WMO307_fail", "WMO307", lambda d: _stop(d).update(StatusAanlevering="9"), ["CS058"]),
    ("stop_zelfde_dag_JW307_ok", "JW307", lambda d: _stop(d).update(Einddatum="2026-01-07"), []),
    ("stop_verwijderen_JW307_ok", "JW307", lambda d: _stop(d).update(StatusAanlevering="3"), []),
    ("start_verwijderen_WMO305_ok", "WMO305", lambda d: _start(d).update(StatusAanlevering="3"), []),
    # 315: verzoek om toewijzing
    ("TR383_JW315_fail", "JW315", _tweede_aanvraag("VOT-0001"), ["TR101", "TR383"]),
    ("TR383_WMO315_fail", "WMO315", _tweede_aanvraag("VOT-0001"), ["TR101", "TR383"]),
    ("CD043_WMO315_fail", "WMO315", lambda d: _aanvraag(d).update(BeschikkingNummer="2026017"), ["CD043"]),
    ("CD043_JW315_fail", "JW315", lambda d: _aanvraag(d).update(BeschikkingIngangsdatum="2026-01-01"), ["CD043"]),
    ("CD066_JW315_fail", "JW315", _verwijzer(Type="02", Naam="Dr. Proef", ZorgverlenerCode="01012345"), ["CD066"]),
    ("CD066_WMO315_fail", "WMO315", _verwijzer(Type="02", Naam="Dr. Proef", ZorgverlenerCode="01012345"), ["CD066"]),
    ("CD067_WMO315_fail", "WMO315", _verwijzer(Type="05"), ["CD067"]),
    ("CD067_JW315_fail", "JW315", _verwijzer(Type="05"), ["CD067"]),
    ("CD068_JW315_fail", "JW315", _verwijzer(Type="06", ZorgverlenerCode="01012345"), ["CD068"]),
    ("CD068_WMO315_fail", "WMO315", _verwijzer(Type="06", ZorgverlenerCode="01012345"), ["CD068"]),
    ("twee_aanvragen_WMO315_ok", "WMO315", _tweede_aanvraag("VOT-0002"), []),
    ("beschikking_JW315_ok", "JW315",
     lambda d: _aanvraag(d).update(BeschikkingNummer="2026017", BeschikkingIngangsdatum="2026-01-01"), []),
    ("verwijzer_huisarts_agb_JW315_ok", "JW315", _verwijzer(Type="02", ZorgverlenerCode="01012345"), []),
    ("verwijzer_jeugdarts_naam_JW315_ok", "JW315", _verwijzer(Type="03", Naam="J. Proef"), []),
    ("verwijzer_specialist_naam_WMO315_ok", "WMO315", _verwijzer(Type="05", Naam="Dr. Proef"), []),
    ("verwijzer_rechter_naam_WMO315_ok", "WMO315", _verwijzer(Type="08", Naam="Rechtbank Proefstad"), []),
    # 317: verzoek om wijziging
    ("TR352_WMO317_fail", "WMO317", lambda d: _verzoek(d).pop("OngewijzigdeProducten"), ["TR352"]),
    ("TR353_JW317_fail", "JW317", lambda d: _verzoek(d).pop("NieuweProducten"), ["TR353"]),
    ("TR353_WMO317_fail", "WMO317", lambda d: _verzoek(d).pop("NieuweProducten"), ["TR353"]),
    ("TR380_WMO317_fail", "WMO317",
     lambda d: _verzoek(d)["NieuweProducten"][0].update(GewensteIngangsdatum=DAGTEKENING), ["TR380"]),
    ("TR380_JW317_fail", "JW317",
     lambda d: _verzoek(d)["NieuweProducten"][0].update(GewensteIngangsdatum=DAGTEKENING), ["TR380"]),
    ("alleen_te_wijzigen_JW317_ok", "JW317", _alleen_te_wijzigen, []),
    ("nieuw_dag_na_dagtekening_WMO317_ok", "WMO317",
     lambda d: _verzoek(d)["NieuweProducten"][0].update(GewensteIngangsdatum="2026-01-13"), []),
    # 319: antwoordbericht
    ("CD085_WMO319_fail", "WMO319", _antwoord(RedenAfwijzingVerzoek=None), ["CD085"]),
    ("CD086_JW319_fail", "JW319", _antwoord(VerzoekAntwoord="2"), ["CD086"]),
    ("TR377_JW319_fail", "JW319", _antwoord(RedenAfwijzingVerzoek="8"), ["TR377"]),
    ("TR409_JW319_fail", "JW319", _antwoord(Woonplaatsbeginsel={"Gemeente": "0599"}), ["TR409"]),
    ("woonplaatsbeginsel_JW319_ok", "JW319",
     _antwoord(RedenAfwijzingVerzoek="8", Woonplaatsbeginsel={"Gemeente": "0599"}), []),
    ("in_onderzoek_JW319_ok", "JW319", _antwoord(VerzoekAntwoord="2", RedenAfwijzingVerzoek=None), []),
    ("in_onderzoek_WMO319_ok", "WMO319", _antwoord(VerzoekAntwoord="2", RedenAfwijzingVerzoek=None), []),
    ("reden_8_WMO319_ok", "WMO319", _antwoord(RedenAfwijzingVerzoek="8"), []),
]


def build_case(name: str, change: Callable[[dict], None]) -> bytes:
    return factory.to_bytes(name, _mutate(name, change))


def main() -> None:
    schrijf(OUT, ((f"{stem}.xml", name, build_case(name, change), sorted(rules))
                  for stem, name, change, rules in CASES))


if __name__ == "__main__":
    main()
