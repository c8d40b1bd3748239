"""The vendor docs say what the code does: the trigger URL, when the configuration comes, pass-through of pytest
options by ``ketenproef run``, budget prestaties (Eenheid 83) and the TR381 product-code policy."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from ketenproef.calculations.afronding import ingediend_bedrag
from suite import cli

ROOT = Path(__file__).resolve().parents[2]
SUITE = (ROOT / "docs" / "SUITE.md").read_text(encoding="utf-8")
TRIGGERS = (ROOT / "docs" / "SUT-TRIGGERS.md").read_text(encoding="utf-8")
PROTOCOL = (ROOT / "docs" / "SUT-PROTOCOL.md").read_text(encoding="utf-8")
HTTP_ADAPTER = (ROOT / "sut" / "adapters" / "http.py").read_text(encoding="utf-8")


def test_sut_urls_in_the_docs_are_base_urls():
    """The adapter appends its routes to --sut, so an example with a route would call .../trigger/ketenproef/..."""
    for naam, tekst in (("SUITE.md", SUITE), ("SUT-TRIGGERS.md", TRIGGERS)):
        for url in re.findall(r"ketenproef run --sut (http://\S+)", tekst):
            assert not re.search(r"/(trigger|ketenproef|configuratie)\b", url), (naam, url)


def test_the_routes_in_the_docs_are_the_adapters():
    routes = set(re.findall(r'self\._post\("(/ketenproef/\w+)"', HTTP_ADAPTER))
    assert routes == {"/ketenproef/configuratie", "/ketenproef/trigger"}
    for route in routes:
        assert f"POST {{base}}{route}" in TRIGGERS
        assert f"{{basis}}{route}" in SUITE


def test_configuration_is_documented_per_scenario():
    assert "eenmaal per run, voor de eerste trigger" not in TRIGGERS
    assert "**elk scenario**" in TRIGGERS and "--vaste-tegenpartij" in TRIGGERS


def _run_args(*argv: str):
    parser = argparse.ArgumentParser()
    cli.register_run(parser.add_subparsers())
    return parser.parse_args(["run", *argv])


@pytest.mark.parametrize("optie", [["--retour-deadline", "60"], ["--vaste-tegenpartij"]])
def test_pytest_options_pass_through_ketenproef_run_as_documented(optie, tmp_path):
    args = _run_args("--sut", "http://localhost:9000", "--rol", "gemeente", "--", *optie)
    assert cli.pytest_argumenten(args.sut, args, tmp_path)[-len(optie):] == optie
    assert f"-- {optie[0]}" in SUITE
    assert f"| `{optie[0]}` | (alleen een pytest-optie)" in SUITE
    with pytest.raises(SystemExit):  # not an option of ketenproef run itself
        _run_args("--sut", "referentie", optie[0], *optie[1:])


def test_budget_prestaties_have_no_producttarief_and_bedrag_is_the_volume():
    assert ingediend_bedrag(25000, None, "83") == 25000
    with pytest.raises(ValueError, match="CD087"):
        ingediend_bedrag(25000, 5000, "83")
    assert "zonder* ProductTarief" in TRIGGERS and "IngediendBedrag = GeleverdVolume (CS339)" in TRIGGERS


def test_tr381_policy_is_documented_for_vendors():
    from ketenproef.keten import KetenConfig

    assert KetenConfig().productcodes_voor("0363", "12345678") is None  # no list agreed by default: no S329
    for tekst in (TRIGGERS, PROTOCOL):
        assert "productcodelijst" in tekst and "hulpmiddelen" in tekst and "S329" in tekst
