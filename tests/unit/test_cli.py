"""The command line: exit codes and the JSON shape are a public interface."""

import json

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.cli import main


def write(tmp_path, name, data=None, raw=None):
    path = tmp_path / f"{name}.xml"
    path.write_bytes(raw if raw is not None else factory.to_bytes(name, data or basis(name)))
    return path


def test_validate_json_valid(tmp_path, capsys):
    path = write(tmp_path, "JW305")
    assert main(["validate", "--json", "--datum", "2026-01-12", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"file": str(path), "message": "JW305", "standard": "iJw", "release": "3.2", "valid": True,
                   "findings": []}


def test_validate_json_invalid_lists_findings(tmp_path, capsys):
    data = basis("WMO307")
    data["Client"]["StopProducten"][0]["Einddatum"] = "2026-01-01"
    good, bad = write(tmp_path, "WMO305"), write(tmp_path, "WMO307", data)
    assert main(["validate", "--json", "--datum", "2026-01-12", str(good), str(bad)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["valid"] for line in lines] == [True, False]
    finding = lines[1]["findings"][0]
    assert set(finding) == {"rule", "retourcode", "class", "path", "line", "text"}
    assert finding["rule"] == "TR018" and finding["retourcode"] == "0001" and finding["class"] == "StopProduct"


def test_xsd_findings_use_rule_xsd(tmp_path, capsys):
    path = write(tmp_path, "x", raw=factory.to_bytes("WMO305", basis("WMO305")).replace(b">2</wmo305:Geslacht",
                                                                                         b">9</wmo305:Geslacht"))
    assert main(["validate", "--json", str(path)]) == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["rule"] == "XSD"


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.xml")]) == 2
    try:
        main(["validate", "--datum", "morgen", "x.xml"])
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("argparse did not refuse the date")


def test_retour_prints_the_retour(tmp_path, capsys):
    path = write(tmp_path, "WMO301")
    assert main(["retour", "--datum", "2026-01-13", str(path)]) == 0
    out = capsys.readouterr().out
    assert "wmo302" in out and "<wmo302:DagtekeningRetour>2026-01-13<" in out


def test_retour_of_xsd_invalid_message_explains_why_none(tmp_path, capsys):
    path = write(tmp_path, "x", raw=b"<kapot")
    assert main(["retour", str(path)]) == 1
    assert "Geen retourbericht" in capsys.readouterr().err
