"""``ketenproef validate`` and ``retour`` apply the rules that the message and "vandaag" decide (TR135, TR346,
TR378, TR381), with ``--datum`` as "vandaag" (default: the system date)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ketenproef import corpus, factory
from ketenproef.basis import basis
from ketenproef.cli import main

EXTERN = corpus.corpus_dir() / "voorbeelden" / "extern"


def regels(capsys) -> list[str]:
    return [f["rule"] for line in capsys.readouterr().out.splitlines() for f in json.loads(line)["findings"]]


def test_tr135_dagtekening_after_datum(capsys):
    """TR135: "Dagtekening mag niet later zijn dan de systeemdatum van de ontvanger"; --datum is that date."""
    bestand = str(EXTERN / "TR135_WMO315_fail.xml")  # Dagtekening 2026-01-13
    assert main(["validate", "--json", "--datum", "2026-01-12", bestand]) == 1
    assert regels(capsys) == ["TR135"]
    assert main(["validate", "--json", "--datum", "2026-01-13", bestand]) == 0


def test_datum_defaults_to_the_system_date(tmp_path, capsys):
    data = basis("WMO315")
    data["Header"]["BerichtIdentificatie"]["Dagtekening"] = dt.date.today() + dt.timedelta(days=1)
    data["Client"]["AangevraagdeProducten"][0].update(ToewijzingIngangsdatum=dt.date.today() + dt.timedelta(days=9),
                                                      ToewijzingEinddatum=dt.date.today() + dt.timedelta(days=99))
    bestand = tmp_path / "morgen.xml"
    bestand.write_bytes(factory.to_bytes("WMO315", data))
    assert main(["validate", "--json", str(bestand)]) == 1
    assert regels(capsys) == ["TR135"]


def test_tr378_beemster_2021_passes_2023_fails(capsys):
    """TR378: the CBS indeling actual on the date; Beemster (0370) went into Purmerend on 2022-01-01."""
    assert main(["validate", "--datum", "2021-03-01", str(EXTERN / "TR378_beemster_2021_WMO301_ok.xml")]) == 0
    assert main(["validate", "--json", "--datum", "2023-03-01",
                 str(EXTERN / "TR378_beemster_2023_WMO301_fail.xml")]) == 1
    capsys.readouterr()
    main(["retour", "--datum", "2023-03-01", str(EXTERN / "TR378_beemster_2023_WMO301_fail.xml")])
    assert "<wmo302:RetourCode>S300</wmo302:RetourCode>" in capsys.readouterr().out


def test_tr346_gives_9346_in_the_325(capsys):
    """TR346: "IngediendBedrag = GeleverdVolume x ProductTarief"; the 325 rejects the Prestatie with 9346."""
    assert main(["retour", "--datum", "2026-01-12", str(EXTERN / "TR346_WMO323_fail.xml")]) == 0
    uit = capsys.readouterr().out
    assert "<wmo325:RetourCode>9346</wmo325:RetourCode>" in uit
    assert "8001" not in uit


def test_tr381_own_code_without_list_passes_with_a_list_that_lacks_it_fails(tmp_path, capsys):
    """TR381: "volgens de gehanteerde productcodelijst"; without a list no S329 for the official example's ABCDE."""
    bestand = str(EXTERN / "TR381_eigen_lijst_WMO315_ok.xml")
    assert main(["validate", "--datum", "2026-01-12", bestand]) == 0
    capsys.readouterr()
    lijst = tmp_path / "lijst.json"
    lijst.write_text(json.dumps({"02": ["02A16"]}), encoding="utf-8")
    assert main(["validate", "--json", "--datum", "2026-01-12", "--productcodelijst", str(lijst), bestand]) == 1
    assert regels(capsys) == ["TR381"]
    lijst.write_text(json.dumps({"02": ["02A16", "ABCDE"]}), encoding="utf-8")
    assert main(["validate", "--datum", "2026-01-12", "--productcodelijst", str(lijst), bestand]) == 0
    capsys.readouterr()
    lijst.write_text(json.dumps({"02": ["02A16"]}), encoding="utf-8")
    main(["retour", "--datum", "2026-01-12", "--productcodelijst", str(lijst), bestand])
    assert "<wmo316:RetourCode>S329</wmo316:RetourCode>" in capsys.readouterr().out


def test_productcodelijst_that_is_not_a_list_is_a_usage_error(tmp_path, capsys):
    lijst = tmp_path / "lijst.json"
    lijst.write_text('["02A16"]', encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--productcodelijst", str(lijst), str(EXTERN / "TR381_eigen_lijst_WMO315_ok.xml")])
    assert exc.value.code == 2
