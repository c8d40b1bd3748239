"""Judging an archive (ketenaudit core): a generated archive with known injected faults gives exactly them.

The correct retours are what ``retour_for`` builds when the heenberichten are judged in the archive's order with
one chain; the faults are then injected by hand: a wrong code, a missing retour, a retour without heenbericht, a
single-message rule broken in a heenbericht, a chain rule broken (a 305 on a ToewijzingNummer nobody assigned).
"""

from __future__ import annotations

import datetime as dt

import pytest

from ketenproef import factory, generator
from ketenproef.archief import lees_archief
from ketenproef.archief.audit import beoordeel
from ketenproef.bericht import readable_path
from ketenproef.clock import FrozenClock
from ketenproef.keten import Ketens
from ketenproef.retour import retour_for
from ketenproef.validate import validate
from tests.unit.archief.maken import als_map, als_zip

DAG = dt.date(2026, 11, 16)


def _heen_cs003() -> bytes:
    """A 301 breaking a single-message rule: Einddatum before Ingangsdatum (CS003, RetourCode 0001)."""
    data = generator.voorbeeld_data("WMO301", 5, dagtekening=DAG)
    data["Client"]["ToegewezenProducten"][0]["Einddatum"] = "2020-01-01"
    return factory.to_bytes("WMO301", data)


def _heenberichten() -> dict[str, bytes]:
    return {"goed/WMO301.xml": generator.voorbeeld("WMO301", 1, dagtekening=DAG),
            "keten/JW305.xml": generator.voorbeeld("JW305", 1, dagtekening=DAG),  # no 301 assigned it: TR019
            "fout/JW305.xml": generator.voorbeeld("JW305", 2, dagtekening=DAG),
            "mist/WMO315.xml": generator.voorbeeld("WMO315", 3, dagtekening=DAG),
            "enkel/WMO301.xml": _heen_cs003(),
            "decl/WMO323.xml": generator.voorbeeld("WMO323", 4, dagtekening=DAG),
            "los/WMO317.xml": generator.voorbeeld("WMO317", 6, dagtekening=DAG)}


def _juiste_retours(tmp_path, heen: dict[str, bytes]) -> dict[str, object]:
    """Per heenbericht the tree of the retour a correct receiver sends, judged in the archive's order."""
    ketens, out = Ketens(), {}
    for i, r in enumerate(lees_archief(als_map(tmp_path / "heen", heen)).records):
        report = validate(heen[r.bestand], clock=FrozenClock(DAG), keten=ketens)
        out[r.bestand] = retour_for(report, clock=FrozenClock(DAG), identificatie=f"R{i:011d}")
        ketens.verwerk(report)
    return out


def _verkeerde_code(tree) -> str:
    """Change the first 9019 into 9063; the readable path of its class."""
    for el in tree.iter("{*}RetourCode"):
        if el.text == "9019":
            el.text = "9063"
            return readable_path(el.getparent().getparent())  # the class, as codes_map keys it
    raise AssertionError("geen 9019 in de retour")


@pytest.fixture(scope="module")
def archief_en_fout(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("audit")
    heen = _heenberichten()
    retours = _juiste_retours(tmp, heen)
    klasse = _verkeerde_code(retours["fout/JW305.xml"])
    leden = dict(heen)
    del leden["los/WMO317.xml"]  # its retour stays: a retour without heenbericht
    for bestand, tree in retours.items():
        if bestand != "mist/WMO315.xml":  # no retour in the archive: ontbreekt
            leden[bestand.replace(".xml", "_retour.xml")] = factory.serialise(tree)
    return als_zip(tmp / "archief.zip", leden), klasse, retours


@pytest.fixture(scope="module")
def uit(archief_en_fout):
    pad, _, _ = archief_en_fout
    return list(beoordeel(lees_archief(pad), "gemeente"))


def _per_bestand(uit) -> dict[str, dict]:
    return {u["bestand"]: u for u in uit if u["soort"] == "bericht"}


def test_each_heenbericht_has_its_outcome(uit):
    assert {b: u["uitkomst"] for b, u in _per_bestand(uit).items()} == {
        "goed/WMO301.xml": "correct", "keten/JW305.xml": "correct", "fout/JW305.xml": "verkeerde-codes",
        "mist/WMO315.xml": "ontbreekt", "enkel/WMO301.xml": "correct", "decl/WMO323.xml": "correct"}


def test_wrong_code_names_its_class(uit, archief_en_fout):
    _, klasse, _ = archief_en_fout
    fout = _per_bestand(uit)["fout/JW305.xml"]
    assert fout["verschil"] == [klasse]
    assert fout["verwacht"][klasse] == ["9019"] and fout["gegeven"][klasse] == ["9063"]


def test_missing_retour(uit):
    mist = _per_bestand(uit)["mist/WMO315.xml"]
    assert mist["gegeven"] is None and mist["verwacht"] == {}  # a retour is due: the Header without codes


def test_retour_without_heenbericht(uit):
    zonder = [u for u in uit if u["soort"] == "zonder-heen"]
    assert [(u["bestand"], u["bericht"]) for u in zonder] == [("los/WMO317_retour.xml", "WMO318")]


def test_single_message_rule_expects_0001(uit):
    enkel = _per_bestand(uit)["enkel/WMO301.xml"]
    assert enkel["verwacht"] == {"/Bericht/Header": ["0001"]} == enkel["gegeven"]
    assert [(b["rule"], b["retourcode"], b["class"]) for b in enkel["bevindingen"]] == [
        ("CS003", "0001", "ToegewezenProduct")]


def test_chain_rule_expects_its_code(uit):
    keten = _per_bestand(uit)["keten/JW305.xml"]
    assert {(b["rule"], b["retourcode"]) for b in keten["bevindingen"]} >= {("TR019", "9019")}
    assert any(codes == ["9019"] and "StartProduct" in pad for pad, codes in keten["verwacht"].items())


def test_summary_last(uit):
    assert uit[-1] == {"soort": "samenvatting", "rol": "gemeente", "berichten": 6, "correct": 4,
                       "verkeerde-codes": 1, "ontbreekt": 1, "zonder-heen": 1, "niet-gelezen": 0, "meldingen": 0}
    assert [u["soort"] for u in uit].count("samenvatting") == 1


def test_retour_where_none_is_due_is_wrong(tmp_path):
    """An XSD-invalid heenbericht gets no retour (IV028); a retour on it is verkeerde-codes, none is correct."""
    goed = generator.voorbeeld("WMO315", 7, dagtekening=DAG)
    kapot = goed.replace(b"<wmo315:Bsn>", b"<wmo315:Bsn>X", 1)  # not a BSN: XSD level
    assert kapot != goed
    retour = retour_for(validate(goed, clock=FrozenClock(DAG)), clock=FrozenClock(DAG), identificatie="R1")
    pad = als_map(tmp_path / "a", {"a/WMO315.xml": kapot, "a/WMO316.xml": factory.serialise(retour)})
    uit = list(beoordeel(lees_archief(pad), "aanbieder"))
    eerste = _per_bestand(uit)["a/WMO315.xml"]
    assert eerste["verwacht"] is None and eerste["uitkomst"] == "verkeerde-codes"
    assert uit[-1]["rol"] == "aanbieder"
    zonder_retour = list(beoordeel(lees_archief(als_map(tmp_path / "b", {"a/WMO315.xml": kapot})), "aanbieder"))
    assert [u.get("uitkomst") for u in zonder_retour] == ["correct", None]


def test_bad_members_never_crash(tmp_path):
    pad = als_map(tmp_path / "a", {"x.xml": b"<kapot", "y.xml": generator.voorbeeld("JW306", 1)})
    uit = list(beoordeel(lees_archief(pad), "gemeente"))
    assert [u["soort"] for u in uit] == ["zonder-heen", "samenvatting"]
    assert uit[-1]["meldingen"] == 1


def _declaratie_archief(tmp_path, met_325: bool):
    """A toewijzing (301), a 323 with debet P1, its 325 (approving P1) when ``met_325``, and a 323 crediting P1."""
    from ketenproef.basis import basis
    from tests.unit.keten import NUMMER, credit, declaratie, prestatie

    toewijzing = basis("WMO301", "T00000000001")
    toewijzing["Header"]["BerichtIdentificatie"]["Dagtekening"] = "2026-02-01"
    product = toewijzing["Client"]["ToegewezenProducten"][0]
    product.update(ToewijzingNummer=NUMMER, Toewijzingsdatum="2025-09-01", Ingangsdatum="2025-09-01",
                   Einddatum="2026-06-30")
    debet = prestatie("WMO", "P1")
    leden = {"1/WMO301.xml": factory.to_bytes("WMO301", toewijzing),
             "2/WMO323.xml": factory.to_bytes("WMO323", declaratie("WMO", debet, nummer="DN1", dagtekening="2026-02-02",
                                                                   identificatie="D00000000001")),
             "4/WMO323.xml": factory.to_bytes("WMO323", declaratie("WMO", credit(debet, "C1"), nummer="DN2",
                                                                   dagtekening="2026-02-03",
                                                                   identificatie="D00000000002"))}
    if met_325:
        ketens = Ketens()
        ketens.verwerk(validate(leden["1/WMO301.xml"], clock=FrozenClock(dt.date(2026, 2, 1)), keten=ketens))
        klok = FrozenClock(dt.date(2026, 2, 2))
        report = validate(leden["2/WMO323.xml"], clock=klok, keten=ketens)
        assert report.valid, report.findings
        leden["3/WMO325.xml"] = factory.serialise(retour_for(report, clock=klok, identificatie="A00000000001"))
    return _per_bestand(beoordeel(lees_archief(als_map(tmp_path / str(met_325), leden)), "gemeente"))


@pytest.mark.parametrize("met_325", [True, False])
def test_325_in_the_archive_approves_for_the_chain(tmp_path, met_325):
    """The 325 enters the chain where it stands: a credit on a debet it approved is fine (TR323 needs approval)."""
    uit = _declaratie_archief(tmp_path, met_325)
    assert uit["2/WMO323.xml"]["uitkomst"] == ("correct" if met_325 else "ontbreekt")
    regels = {b["rule"] for b in uit["4/WMO323.xml"]["bevindingen"]}
    assert ("TR323" in regels) is not met_325


def test_retour_before_its_heen_in_the_index_is_still_paired(tmp_path):
    """The index is the evidence of the order: a retour listed before its heenbericht waits for it."""
    heen = generator.voorbeeld("JW305", 2, dagtekening=DAG)
    retour = retour_for(validate(heen, clock=FrozenClock(DAG), keten=Ketens()), clock=FrozenClock(DAG),
                        identificatie="R00000000001")
    index = b"bestand,richting,tijd\nr.xml,retour,2026-11-16T09:00\nh.xml,heen,2026-11-16T10:00\n"
    pad = als_map(tmp_path / "a", {"h.xml": heen, "r.xml": factory.serialise(retour), "index.csv": index})
    uit = list(beoordeel(lees_archief(pad), "aanbieder"))
    assert [(u["soort"], u.get("uitkomst")) for u in uit] == [("bericht", "correct"), ("samenvatting", None)]
