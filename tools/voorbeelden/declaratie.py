"""Write the example messages of the rule group ``declaratie`` (323/325 single-message rules).

For every rule one ``<RULE>_<MSG>_fail.xml`` that breaks that rule (TR342 twice: once for each of its two
checks), a few valid ``<name>_<MSG>_ok.xml`` variants that exercise the "allowed" branches, and
``manifest.json`` with the exact rule ids the validator must report for each file. Every message is a copy
of ``ketenproef.basis`` with one small change; TotaalIngediendBedrag is recomputed after a change to the
Prestaties so that only the intended rule breaks.

    .venv/bin/python tools/voorbeelden/declaratie.py
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from _schrijf import schrijf

from ketenproef import factory
from ketenproef.basis import BSN, basis, prestatie

OUT = Path(__file__).resolve().parents[2] / "corpus" / "voorbeelden" / "declaratie"
BSN2 = "999990019"  # a second synthetic BSN that passes the elfproef


# ---------------------------------------------------------------- access to the 323 / 325 content

def std_of(name: str) -> str:
    return "iWmo" if name.startswith("WMO") else "iJw"


def prestaties(data: dict, client: int = 0) -> list[dict]:
    return data["Declaratie"]["Clienten"][client]["Prestaties"]


def zet(regel: dict, **velden) -> dict:
    """Change fields of a Prestatie; ``Begindatum``/``Einddatum`` go to ProductPeriode; None removes a field."""
    for key in ("Begindatum", "Einddatum"):
        if key in velden:
            regel["ProductPeriode"] = dict(regel["ProductPeriode"], **{key: velden.pop(key)})
    for key, value in velden.items():
        if value is None:
            regel.pop(key, None)
        else:
            regel[key] = value
    return regel


def credit(regel: dict, referentie: str, vorig: str, bedrag: int | None = None) -> dict:
    """A credit copy of ``regel`` with a new ReferentieNummer that credits ``vorig``."""
    kopie = copy.deepcopy(regel)
    kopie["ProductReferentie"] = {"ReferentieNummer": referentie, "VorigReferentieNummer": vorig}
    kopie["IngediendBedrag"] = {"Bedrag": regel["IngediendBedrag"]["Bedrag"] if bedrag is None else bedrag,
                                "DebetCredit": "C"}
    return kopie


def tweede(data: dict, referentie: str = "PREST0002", client: int = 0, **velden) -> dict:
    """Append a copy of the first Prestatie of a client with a new ReferentieNummer and some changes."""
    regel = zet(copy.deepcopy(prestaties(data, client)[0]), **velden)
    regel["ProductReferentie"] = dict(regel["ProductReferentie"], ReferentieNummer=referentie)
    prestaties(data, client).append(regel)
    return regel


def herbereken(data: dict) -> dict:
    """TotaalIngediendBedrag = sum of debet minus sum of credit IngediendBedrag (TR358)."""
    saldo = sum(p["IngediendBedrag"]["Bedrag"] * (-1 if p["IngediendBedrag"]["DebetCredit"] == "C" else 1)
                for client in data["Declaratie"]["Clienten"] for p in client["Prestaties"])
    data["Declaratie"]["TotaalIngediendBedrag"] = {"TotaalBedrag": abs(saldo), "DebetCredit": "C" if saldo < 0 else "D"}
    return data


def bedrag(waarde: int, dc: str = "D") -> dict:
    return {"TotaalBedrag": waarde, "DebetCredit": dc}


def afgewezen(std: str, referentie: str = "PREST0001", waarde: int = 20000, code: str = "9338", **velden) -> dict:
    """A Prestatie as a 325 returns it: the 323 content plus its RetourCodes."""
    regel = zet(prestatie(std, referentie, waarde), **velden)
    regel["RetourCodes"] = {"RetourCode": [code]}
    return regel


def antwoord(data: dict, ingediend: dict, toegekend: dict, terug: list[dict], codes: tuple = ("0200",)) -> dict:
    """Fill the DeclaratieAntwoord of a 325: totals, its RetourCodes and the returned (rejected) Prestaties."""
    da = data["DeclaratieAntwoord"]
    da.update(TotaalIngediendBedrag=ingediend, TotaalToegekendBedrag=toegekend, RetourCodes={"RetourCode": list(codes)})
    if terug:
        da["Clienten"] = [{"Bsn": BSN, "Prestaties": terug, "RetourCodes": {"RetourCode": ["0200"]}}]
    return data


# ---------------------------------------------------------------- the cases: change(data, std)

def _tr137_323(data, std):
    zet(prestaties(data)[0], Begindatum="2025-12-20", Einddatum="2025-12-10")


def _tr137_325(data, std):
    antwoord(data, bedrag(20000), bedrag(0), [afgewezen(std, Begindatum="2025-12-20", Einddatum="2025-12-10")])


def _tr315(data, std):
    eerste = prestaties(data)[0]
    prestaties(data).extend([credit(eerste, "PREST0002", "OUD0001"), credit(eerste, "PREST0003", "OUD0001")])
    herbereken(data)


def _tr316(data, std):
    prestaties(data).append(credit(prestaties(data)[0], "PREST0002", "PREST0001"))
    herbereken(data)


def _tr319(data, std):
    zet(prestaties(data)[0], Begindatum="2026-01-01", Einddatum="2026-01-10")


def _tr335(data, std):
    zet(prestaties(data)[0], Begindatum="2021-01-01", Einddatum="2021-01-11")


def _tr342_som(data, std):
    antwoord(data, bedrag(30000), bedrag(20000), [afgewezen(std, waarde=5000)])


def _tr342_afgekeurd(data, std):
    antwoord(data, bedrag(20000), bedrag(20000), [], codes=("9333",))


def _tr358(data, std):
    data["Declaratie"]["TotaalIngediendBedrag"] = bedrag(30000)


def _tr416(data, std):
    tweede(data)
    herbereken(data)


def _cd060_323(data, std):
    tweede(data, IngediendBedrag={"Bedrag": 5000, "DebetCredit": "C"})
    herbereken(data)


def _cd060_325(data, std):
    regel = afgewezen(std)
    regel["ProductReferentie"]["VorigReferentieNummer"] = "OUD0001"
    antwoord(data, bedrag(20000), bedrag(0), [regel])


def _cd087(data, std):
    zet(prestaties(data)[0], ProductTarief=None)


def _cs100(data, std):
    data["Declaratie"]["DeclaratiePeriode"] = {"Begindatum": "2020-12-01", "Einddatum": "2020-12-31"}
    data["Declaratie"]["DeclaratieDagtekening"] = "2021-01-05"
    zet(prestaties(data)[0], Begindatum="2020-12-01", Einddatum="2020-12-31")


def _cs325_323(data, std):
    prestaties(data).append(credit(prestaties(data)[0], "PREST0002", "OUD0001", bedrag=0))


def _cs325_325(data, std):
    antwoord(data, bedrag(20000), bedrag(0, "C"), [], codes=("9333",))


def _cs337(data, std):
    zet(prestaties(data)[0], Begindatum="2025-11-15", Einddatum="2025-12-05")


def _cs339(data, std):
    zet(prestaties(data)[0], Eenheid="83", ProductTarief=None, GeleverdVolume=19999)


def _cs340(data, std):
    data["Declaratie"]["DeclaratiePeriode"]["Begindatum"] = "2025-12-02"


# valid variants

def _credit_en_correctie(data, std):
    eerste = prestaties(data)[0]
    prestaties(data).insert(0, credit(eerste, "PREST0000", "OUD0001", bedrag=24000))
    herbereken(data)


def _negatief_totaal(data, std):
    prestaties(data).append(credit(prestaties(data)[0], "PREST0002", "OUD0001", bedrag=50000))
    herbereken(data)


def _euro(data, std):
    zet(prestaties(data)[0], Eenheid="83", ProductTarief=None, GeleverdVolume=20000)


def _eerdere_periode(data, std):
    tweede(data, Begindatum="2025-11-01", Einddatum="2025-11-30")
    tweede(data, "PREST0003", Begindatum="2021-01-01", Einddatum="2021-01-12")  # exactly 60 months back
    herbereken(data)


def _twee_clienten(data, std):
    data["Declaratie"]["Clienten"].append({"Bsn": BSN2, "Prestaties": [copy.deepcopy(prestaties(data)[0])]})
    prestaties(data, 1)[0]["ProductReferentie"] = {"ReferentieNummer": "PREST0002"}
    herbereken(data)


def _schrikkelmaand(data, std):
    data["Declaratie"]["DeclaratiePeriode"] = {"Begindatum": "2024-02-01", "Einddatum": "2024-02-29"}
    zet(prestaties(data)[0], Begindatum="2024-02-01", Einddatum="2024-02-29")


def _gedeeltelijk(data, std):
    terug = [afgewezen(std, "PREST0002", 8000), afgewezen(std, "PREST0003", 3000, code="9319")]
    terug[1]["IngediendBedrag"]["DebetCredit"] = "C"
    terug[1]["ProductReferentie"]["VorigReferentieNummer"] = "OUD0001"
    antwoord(data, bedrag(25000), bedrag(20000), terug)


def _afgekeurd(data, std):
    antwoord(data, bedrag(20000), bedrag(0), [], codes=("9333",))


Change = Callable[[dict, str], None]
CASES: list[tuple[str, str, Change, list[str]]] = [
    ("TR137_WMO323_fail.xml", "WMO323", _tr137_323, ["TR137"]),
    ("TR137_JW325_fail.xml", "JW325", _tr137_325, ["TR137"]),
    ("TR315_JW323_fail.xml", "JW323", _tr315, ["TR315"]),
    ("TR315_WMO323_fail.xml", "WMO323", _tr315, ["TR315"]),
    ("TR316_WMO323_fail.xml", "WMO323", _tr316, ["TR316"]),
    ("TR316_JW323_fail.xml", "JW323", _tr316, ["TR316"]),
    ("TR319_JW323_fail.xml", "JW323", _tr319, ["TR319"]),
    ("TR319_WMO323_fail.xml", "WMO323", _tr319, ["TR319"]),
    ("TR335_WMO323_fail.xml", "WMO323", _tr335, ["TR335"]),
    ("TR335_JW323_fail.xml", "JW323", _tr335, ["TR335"]),
    ("TR342_JW325_fail.xml", "JW325", _tr342_som, ["TR342"]),
    ("TR342_WMO325_fail.xml", "WMO325", _tr342_afgekeurd, ["TR342"]),
    ("TR358_WMO323_fail.xml", "WMO323", _tr358, ["TR358"]),
    ("TR416_JW323_fail.xml", "JW323", _tr416, ["TR416"]),
    ("TR416_WMO323_fail.xml", "WMO323", _tr416, ["TR416"]),
    ("CD060_WMO323_fail.xml", "WMO323", _cd060_323, ["CD060"]),
    ("CD060_JW325_fail.xml", "JW325", _cd060_325, ["CD060"]),
    ("CD087_JW323_fail.xml", "JW323", _cd087, ["CD087"]),
    ("CD087_WMO323_fail.xml", "WMO323", _cd087, ["CD087"]),
    ("CS100_WMO323_fail.xml", "WMO323", _cs100, ["CS100"]),
    ("CS100_JW323_fail.xml", "JW323", _cs100, ["CS100"]),
    ("CS325_JW323_fail.xml", "JW323", _cs325_323, ["CS325"]),
    ("CS325_WMO325_fail.xml", "WMO325", _cs325_325, ["CS325"]),
    ("CS337_WMO323_fail.xml", "WMO323", _cs337, ["CS337"]),
    ("CS337_JW323_fail.xml", "JW323", _cs337, ["CS337"]),
    ("CS339_JW323_fail.xml", "JW323", _cs339, ["CS339"]),
    ("CS339_WMO323_fail.xml", "WMO323", _cs339, ["CS339"]),
    ("CS340_WMO323_fail.xml", "WMO323", _cs340, ["CS340"]),
    ("CS340_JW323_fail.xml", "JW323", _cs340, ["CS340"]),
    ("credit_en_correctie_JW323_ok.xml", "JW323", _credit_en_correctie, []),
    ("negatief_totaal_WMO323_ok.xml", "WMO323", _negatief_totaal, []),
    ("euro_JW323_ok.xml", "JW323", _euro, []),
    ("eerdere_perioden_WMO323_ok.xml", "WMO323", _eerdere_periode, []),
    ("twee_clienten_JW323_ok.xml", "JW323", _twee_clienten, []),
    ("schrikkelmaand_WMO323_ok.xml", "WMO323", _schrikkelmaand, []),
    ("gedeeltelijk_afgewezen_JW325_ok.xml", "JW325", _gedeeltelijk, []),
    ("afgekeurd_WMO325_ok.xml", "WMO325", _afgekeurd, []),
]


def build(name: str, change: Change) -> bytes:
    data = basis(name)
    change(data, std_of(name))
    return factory.to_bytes(name, data)


def main() -> None:
    schrijf(OUT, ((file, name, build(name, change), sorted(ids)) for file, name, change, ids in CASES))


if __name__ == "__main__":
    main()
