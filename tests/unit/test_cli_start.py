"""The command line starts at once: ``validate`` and ``retour`` import only what they need, and a command loads
only its own plugin, with help and errors the same as when every plugin is loaded. No timings here (the machine
may be loaded); the start-up time is measured by benchmarks/bench_cli.py."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from ketenproef import corpus
from ketenproef.cli import CORE_COMMANDS, main, parser

ROOT = Path(__file__).resolve().parents[2]
VOORBEELDEN = corpus.corpus_dir() / "voorbeelden"
GOED = VOORBEELDEN / "casussen" / "geertje_09_WMO305.xml"
AFGEKEURD = VOORBEELDEN / "personen" / "TR006_JW301_fail.xml"
# The layers above the core, the holiday calendar (only time-limit checks need it) and the entry-point metadata
# (read only to find the plugins).
ZWAAR = ("aiohttp", "mockserver", "suite", "sut", "steps", "holidays", "pytest", "importlib.metadata")
PLUGINS = sorted(ep.name for ep in entry_points(group="ketenproef.commands"))

# Runs ``main(argv)`` in a fresh interpreter and writes its exit code and sys.modules as JSON to a file.
KIND = """
import json, sys
from ketenproef.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""
KIND_PARSER = """
import json, sys
from ketenproef.cli import parser
parser(sys.argv[2])
with open(sys.argv[1], "w") as f:
    json.dump({"code": 0, "modules": sorted(sys.modules)}, f)
"""


def fresh(tmp_path: Path, script: str, *args: str) -> tuple[int, set[str], str]:
    out = tmp_path / "modules.json"
    done = subprocess.run([sys.executable, "-c", script, str(out), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert out.exists(), done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    return data["code"], set(data["modules"]), done.stdout


def loaded(modules: set[str], names) -> list[str]:
    return sorted(m for m in modules for name in names if m == name or m.startswith(name + "."))


@pytest.mark.parametrize(("argv", "code", "verdict"), [
    (["validate", str(GOED)], 0, "GOED"),
    (["validate", "--json", "--datum", "2026-01-12", str(AFGEKEURD)], 1, '"valid": false'),
    (["retour", str(GOED)], 0, "<wmo306:Bericht"),
])
def test_validate_and_retour_import_nothing_heavy(tmp_path, argv, code, verdict):
    got, modules, stdout = fresh(tmp_path, KIND, *argv)
    assert (got, verdict in stdout) == (code, True), stdout
    assert not loaded(modules, ZWAAR)


@pytest.mark.parametrize(("command", "elders"), [("serve", ("suite",)), ("run", ("mockserver",)),
                                                 ("suts", ("mockserver",))])
def test_a_plugin_command_loads_only_its_own_plugin(tmp_path, command, elders):
    _, modules, _ = fresh(tmp_path, KIND_PARSER, command)
    assert not loaded(modules, elders)


def subparsers(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_what_each_command_loads():
    assert set(PLUGINS) >= {"serve", "run", "suts"}
    for command in CORE_COMMANDS:
        assert list(subparsers(parser(command))) == list(CORE_COMMANDS)
    for command in PLUGINS:
        assert command in subparsers(parser(command))
    alles = list(subparsers(parser()))
    assert alles == list(subparsers(parser("-h"))) == list(subparsers(parser("onbekend")))
    assert set(alles) == set(CORE_COMMANDS) | set(PLUGINS)


def helptekst(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [*CORE_COMMANDS, *PLUGINS])
def test_help_of_each_command_is_as_with_every_plugin_loaded(capsys, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "100")
    assert helptekst(capsys, [command, "--help"]) == subparsers(parser())[command].format_help()


def test_top_level_help_lists_every_command(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    tekst = helptekst(capsys, ["--help"])
    assert tekst == parser().format_help()
    for command in (*CORE_COMMANDS, *PLUGINS):
        assert f"    {command}" in tekst


def test_an_unknown_command_names_every_command(capsys):
    assert main_code(["valideer"]) == 2
    err = capsys.readouterr().err
    for command in (*CORE_COMMANDS, *PLUGINS):
        assert f"'{command}'" in err


def main_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code
