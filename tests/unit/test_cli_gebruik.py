"""Misuse of the command line: each case answers with one Dutch line on stderr and exit 2, never a traceback; the
help of every command and option is Dutch; renamed options keep their old spelling as a hidden alias."""

from __future__ import annotations

import argparse
import errno
import inspect
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ketenproef import corpus, factory
from ketenproef.basis import basis
from ketenproef.cli import main, parser
from ketenproef.cli_nl import CATALOG

CASUSSEN = corpus.corpus_dir() / "voorbeelden" / "casussen"
ENGELS = ("usage", "error", "invalid", "required", "unrecognized", "expected", "Traceback", "No such file",
          "Permission denied", "Is a directory")


def heenbericht(tmp_path: Path, name: str = "WMO301") -> Path:
    path = tmp_path / f"{name}.xml"
    path.write_bytes(factory.to_bytes(name, basis(name)))
    return path


def one_dutch_line(err: str, *fragments: str) -> str:
    """The whole of stderr is one line that contains the fragments and none of argparse's English."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert not [w for w in ENGELS if w in err], err
    for fragment in fragments:
        assert fragment in err, err
    return lines[0]


def refused(capsys, argv: list[str], *fragments: str) -> str:
    """main(argv) refuses with exit 2 (returned, or argparse's SystemExit) and one Dutch line."""
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    assert code == 2, argv
    captured = capsys.readouterr()
    return one_dutch_line(captured.err, *fragments)


# ------------------------------------------------------------------------------------------- validate, retour
def test_validate_on_an_empty_folder_is_a_usage_error(tmp_path, capsys):
    """A CI gate pointed at the wrong folder must not pass."""
    (tmp_path / "leeg").mkdir()
    (tmp_path / "leeg" / "notities.txt").write_text("geen xml", encoding="utf-8")
    line = refused(capsys, ["validate", str(tmp_path / "leeg")], "geen XML-bestanden in", str(tmp_path / "leeg"))
    assert line.startswith("ketenproef validate: ")


def test_validate_refuses_an_empty_folder_beside_a_good_file(tmp_path, capsys):
    (tmp_path / "leeg").mkdir()
    refused(capsys, ["validate", str(heenbericht(tmp_path)), str(tmp_path / "leeg")], "geen XML-bestanden in")


@pytest.mark.parametrize("command", ["validate", "retour"])
def test_a_missing_file(tmp_path, capsys, command):
    refused(capsys, [command, str(tmp_path / "weg.xml")], "weg.xml bestaat niet")


@pytest.mark.parametrize("command", ["validate", "retour"])
def test_an_unreadable_file(tmp_path, capsys, monkeypatch, command):
    """Without read permission (simulated: the tests may run as root, who reads everything)."""
    path = heenbericht(tmp_path)

    def no_access(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", no_access)
    refused(capsys, [command, str(path)], f"kan {path} niet lezen: geen toegang")


def test_an_unreadable_folder(tmp_path, capsys, monkeypatch):
    heenbericht(tmp_path)
    monkeypatch.setattr("ketenproef.cli.os.access", lambda path, mode: False)
    refused(capsys, ["validate", str(tmp_path)], f"kan de map {tmp_path} niet lezen: geen toegang")


@pytest.mark.parametrize("command", ["validate", "retour"])
@pytest.mark.parametrize("datum", ["morgen", "2026-13-01", "12-01-2026"])
def test_a_bad_datum(tmp_path, capsys, command, datum):
    refused(capsys, [command, "--datum", datum, str(heenbericht(tmp_path))], "argument --datum: geen datum in de "
            "vorm JJJJ-MM-DD", repr(datum))


@pytest.mark.parametrize("command", ["validate", "retour"])
def test_a_missing_productcodelijst(tmp_path, capsys, command):
    refused(capsys, [command, "--productcodelijst", str(tmp_path / "lijst.json"), str(heenbericht(tmp_path))],
            "lijst.json: bestaat niet")


def test_retour_on_a_folder(tmp_path, capsys):
    heenbericht(tmp_path)
    refused(capsys, ["retour", str(tmp_path)], f"{tmp_path} is een map")


@pytest.mark.parametrize("example", ["noor_02_JW302.xml", "geertje_03_WMO325.xml"])
def test_retour_on_a_retour(capsys, example):
    name = example.split("_")[-1].removesuffix(".xml")
    refused(capsys, ["retour", str(CASUSSEN / example)], f"{name} is zelf een retourbericht", "heenbericht")


@pytest.mark.parametrize("identificatie", ["", "   ", "RETOUR0000001"])
def test_retour_refuses_an_identificatie_the_xsd_refuses(tmp_path, capsys, identificatie):
    refused(capsys, ["retour", "--identificatie", identificatie, str(heenbericht(tmp_path))],
            "argument --identificatie: 1 tot 12 tekens")


# ------------------------------------------------------------------------------------------------- voorbeeld
def test_voorbeeld_uit_an_existing_file(tmp_path, capsys):
    bestand = tmp_path / "bestaat.txt"
    bestand.write_text("blijft", encoding="utf-8")
    refused(capsys, ["voorbeeld", "WMO301", "--uit", str(bestand)], f"--uit {bestand} is een bestand")
    assert bestand.read_text(encoding="utf-8") == "blijft"


def test_voorbeeld_uit_below_a_file(tmp_path, capsys):
    bestand = tmp_path / "bestaat.txt"
    bestand.write_text("", encoding="utf-8")
    refused(capsys, ["voorbeeld", "WMO301", "--uit", str(bestand / "sub")], "kan de map", "niet maken: een deel "
            "van het pad is geen map")


def test_voorbeeld_on_a_full_disk(tmp_path, capsys, monkeypatch):
    def vol(self, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", vol)
    refused(capsys, ["voorbeeld", "WMO301", "--uit", str(tmp_path)], "WMO301_1.xml niet schrijven: geen ruimte meer")


@pytest.mark.parametrize(("aantal", "melding"), [("0", "moet minstens 1 zijn, niet 0"),
                                                  ("-1", "moet minstens 1 zijn, niet -1"),
                                                  ("twee", "geen geheel getal: 'twee'")])
def test_voorbeeld_aantal_must_be_a_positive_number(tmp_path, capsys, aantal, melding):
    refused(capsys, ["voorbeeld", "WMO301", "--aantal", aantal, "--uit", str(tmp_path / "uit")],
            f"argument --aantal: {melding}")
    assert not (tmp_path / "uit").exists()


def test_voorbeeld_of_an_unknown_message(tmp_path, capsys):
    refused(capsys, ["voorbeeld", "WMO399", "--uit", str(tmp_path)], "onbekend bericht WMO399; kies uit", "JW325")


def test_voorbeeld_writes_into_a_new_folder(tmp_path, capsys):
    assert main(["voorbeeld", "jw305", "--aantal", "2", "--seed", "4", "--uit", str(tmp_path / "a" / "b")]) == 0
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir()) == ["JW305_4.xml", "JW305_5.xml"]


# ---------------------------------------------------------------------------------------------- the parser
def test_no_command(capsys):
    refused(capsys, [], "ketenproef: verplicht maar niet opgegeven: OPDRACHT", "(hulp: ketenproef -h)")


def test_an_unknown_command(capsys):
    refused(capsys, ["valideer", "x.xml"], "ongeldige keuze: 'valideer' (kies uit 'validate'")


def test_an_unknown_option(tmp_path, capsys):
    refused(capsys, ["validate", "--bla", str(heenbericht(tmp_path))], "onbekende argumenten: --bla")


def test_a_missing_argument(capsys):
    refused(capsys, ["voorbeeld", "WMO301"], "ketenproef voorbeeld: verplicht maar niet opgegeven: --uit")


def test_an_interrupted_command_exits_quietly(tmp_path, capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("ketenproef.validate.validate", interrupted)
    assert main(["validate", str(heenbericht(tmp_path))]) == 130
    one_dutch_line(capsys.readouterr().err, "ketenproef validate: afgebroken")


def subparsers(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_is_registered_in_dutch():
    commands = subparsers(parser())
    assert {"validate", "retour", "voorbeeld", "corpus", "serve", "run", "suts"} <= set(commands)


@pytest.mark.parametrize("command", ["validate", "retour", "voorbeeld", "corpus", "serve", "run", "suts"])
def test_help_is_dutch_and_every_option_has_help(command):
    p = subparsers(parser())[command]
    tekst = p.format_help()
    assert tekst.startswith(f"gebruik: ketenproef {command}"), tekst
    assert "opties:" in tekst and "toon deze hulp en stop" in tekst
    assert not [w for w in ("usage:", "options:", "show this help", "positional arguments") if w in tekst], tekst
    assert p.description, command
    shown = [a for a in p._actions if a.help is not argparse.SUPPRESS]
    assert all(a.help for a in shown), [a.dest for a in shown if not a.help]
    hidden = [a for a in p._actions if a.help is argparse.SUPPRESS]
    assert all(any(h.dest == a.dest for a in shown) for h in hidden), "a hidden option is an alias of a shown one"


def test_the_top_level_help_is_dutch(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["-h"])
    assert exc.value.code == 0
    tekst = capsys.readouterr().out
    assert tekst.startswith("gebruik: ketenproef [-h] OPDRACHT ...") and "opdrachten:" in tekst
    for command in ("validate", "retour", "voorbeeld", "corpus", "serve", "run", "suts"):
        assert f"    {command}" in tekst
    assert "judge" not in tekst and "run the ketenpartner" not in tekst


@pytest.mark.parametrize(("command", "old", "new", "dest", "value"), [
    (["corpus"], ["--verbose"], ["--uitgebreid"], "verbose", True),
    (["serve", "--rol", "gemeente"], ["--deadline", "5"], ["--retour-wachttijd", "5"], "deadline", 5.0),
    (["serve", "--rol", "gemeente"], ["--body-timeout", "7"], ["--inhoud-timeout", "7"], "body_timeout", 7.0),
    (["serve", "--rol", "gemeente"], ["--verbose"], ["--uitgebreid"], "verbose", True),
])
def test_a_renamed_option_keeps_its_old_spelling_hidden(command, old, new, dest, value):
    p = parser()
    assert getattr(p.parse_args([*command, *old]), dest) == value
    assert getattr(p.parse_args([*command, *new]), dest) == value
    tekst = subparsers(p)[command[0]].format_help()
    assert new[0] in tekst and old[0] not in tekst


def test_renamed_options_have_their_defaults():
    args = parser().parse_args(["serve", "--rol", "aanbieder"])
    assert (args.deadline, args.body_timeout, args.verbose) == (30.0, 60.0, False)
    assert parser().parse_args(["corpus"]).verbose is False


def test_every_translated_message_is_one_argparse_still_uses():
    """A Python upgrade that rewords a message would silently bring back English."""
    source = inspect.getsource(argparse)
    missing = [msgid for msgid in CATALOG if repr(msgid)[1:-1] not in source and msgid not in source]
    assert not missing


def test_argparse_stays_english_for_everyone_else(tmp_path, capsys):
    """The Dutch catalog is in place only while our parsers work (pytest's own parser is argparse too)."""
    main(["voorbeeld", "WMO301", "--uit", str(tmp_path)])
    capsys.readouterr()
    tekst = argparse.ArgumentParser(prog="x").format_help()
    assert tekst.startswith("usage: x") and "show this help message and exit" in tekst


# ---------------------------------------------------------------------------------------------------- serve
@pytest.mark.parametrize(("opties", "melding"), [
    (["--poort", "70000"], "argument --poort: een poort ligt tussen 0 en 65535, niet 70000"),
    (["--poort", "acht"], "argument --poort: geen poortnummer: 'acht'"),
    (["--db", "/bestaat/niet/k.sqlite"], "argument --db: de map /bestaat/niet bestaat niet"),
    (["--push-url", "localhost:9000"], "argument --push-url: geen http(s)-URL"),
    (["--push-pogingen", "0"], "argument --push-pogingen: moet minstens 1 zijn"),
    (["--push-wacht", "-1"], "argument --push-wacht: moet meer dan 0 seconden zijn"),
    (["--retour-wachttijd", "0"], "argument --retour-wachttijd: moet meer dan 0 seconden zijn"),
    (["--kop-timeout", "nan"], "argument --kop-timeout: moet meer dan 0 seconden zijn"),
    (["--inhoud-timeout", "x"], "argument --inhoud-timeout: geen getal (seconden): 'x'"),
    (["--gemeente", "363"], "argument --gemeente: een gemeentecode is 4 cijfers, niet '363'"),
    (["--datum", "gisteren"], "argument --datum: geen datum in de vorm JJJJ-MM-DD"),
    (["--rol", "burger"], "argument --rol: ongeldige keuze: 'burger' (kies uit 'gemeente', 'aanbieder')"),
    (["--agb", "12345678"], "--agb hoort bij --rol aanbieder"),
])
def test_serve_refuses_wrong_input(tmp_path, capsys, opties, melding):
    line = refused(capsys, ["serve", "--rol", "gemeente", "--db", str(tmp_path / "k.sqlite"), *opties], melding)
    assert line.startswith("ketenproef serve: ")
    assert not (tmp_path / "k.sqlite").exists()


def test_serve_refuses_a_db_that_is_a_folder(tmp_path, capsys):
    refused(capsys, ["serve", "--rol", "aanbieder", "--db", str(tmp_path)], f"{tmp_path} is een map")


@pytest.mark.parametrize(("maak", "melding"), [(False, "contract.json: bestaat niet"),
                                               (True, "contract.json: is een map, geen bestand")])
def test_serve_refuses_a_contract_it_cannot_read(tmp_path, capsys, maak, melding):
    if maak:
        (tmp_path / "contract.json").mkdir()
    refused(capsys, ["serve", "--rol", "gemeente", "--db", ":memory:", "--contract", str(tmp_path / "contract.json")],
            f"argument --contract: {tmp_path}/{melding}")


def test_serve_refuses_a_db_that_is_no_database(tmp_path):
    """Found only when the store opens it: a real process, so a server that did start cannot hang the test."""
    db = tmp_path / "notities.txt"
    db.write_text("dit is geen database\n" * 100, encoding="utf-8")
    done = cli("ketenproef.cli", "serve", "--rol", "gemeente", "--poort", "0", "--db", str(db))
    assert done.returncode == 2, done.stdout + done.stderr
    one_dutch_line(done.stderr, f"ketenproef serve: --db {db} is geen SQLite-database van de ketenpartner")


def test_serve_refuses_an_address_in_use(tmp_path):
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        done = cli("ketenproef.cli", "serve", "--rol", "gemeente", "--poort", str(poort), "--db", ":memory:")
    assert done.returncode == 2, done.stdout + done.stderr
    one_dutch_line(done.stderr, f"kan niet starten op 127.0.0.1:{poort}: het adres is al in gebruik")


# ------------------------------------------------------------------------------------------------ run, suts
@pytest.mark.parametrize(("sut", "opties", "melding"), [
    ("referentie-foo", [], "onbekend systeem 'referentie-foo' (bedoelt u referentie-gemeente?)"),
    ("iets", [], "onbekend systeem 'iets'; ingebouwd: referentie, referentie-aanbieder, referentie-gemeente en"),
    ("referentie-aanbieder,nee", [], "onbekend systeem 'nee'"),
    ("referentie-aanbieder,referentie-gemeente", [], "meerdere systemen (a,b,c) alleen van dezelfde rol"),
    ("http://localhost:9/trigger", [], "geef --rol aanbieder of --rol gemeente bij --sut http://localhost:9"),
    ("cmd:/bestaat/niet/trigger", ["--rol", "gemeente"], "programma /bestaat/niet/trigger niet gevonden"),
    ("handmatig:burger", [], "handmatig:aanbieder of handmatig:gemeente"),
    ("referentie-gemeente", ["--rol", "aanbieder"], "--rol aanbieder past niet bij referentie-gemeente"),
    ("referentie", ["-n", "0"], "argument -n: een aantal (minstens 1) of 'auto', niet '0'"),
])
def test_run_refuses_a_system_it_cannot_run(tmp_path, capsys, sut, opties, melding):
    rapport = tmp_path / "rapport"
    line = refused(capsys, ["run", "--sut", sut, "--rapport", str(rapport), *opties], melding)
    assert line.startswith("ketenproef run: ")
    assert "{" not in line
    assert not rapport.exists(), "refused before the report folder is touched"


def test_an_unknown_system_points_to_suts(capsys):
    line = refused(capsys, ["run", "--sut", "referentie-foo"], "ketenproef suts")
    assert "geef --rol" not in line


def test_run_refuses_a_report_folder_that_is_a_file(tmp_path, capsys):
    bestand = tmp_path / "rapport"
    bestand.write_text("", encoding="utf-8")
    refused(capsys, ["run", "--sut", "referentie-gemeente", "--rapport", str(bestand)], "is een bestand; geef een map")


def test_run_says_when_pytest_could_not_run(tmp_path, capsys):
    """A broken -m expression: pytest exits 4 (its own message on stdout); run names the system and the cause."""
    code = main(["run", "--sut", "referentie-gemeente", "-m", "(", "--rapport", str(tmp_path / "r")])
    assert code == 2
    one_dutch_line(capsys.readouterr().err, "pytest kon niet draaien voor referentie-gemeente (exit 4: verkeerd "
                   "gebruik van pytest)")


def test_suts_refuses_an_argument(capsys):
    refused(capsys, ["suts", "--alles"], "onbekende argumenten: --alles")


# ---------------------------------------------------------------------------------------- a real process each
def cli(module: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("module", "args", "melding"), [
    ("ketenproef.cli", ["retour", "."], "ketenproef retour: . is een map"),
    ("ketenproef.cli", ["validate", "{leeg}"], "ketenproef validate: geen XML-bestanden in"),
    ("ketenproef.cli", ["voorbeeld", "WMO301", "--aantal", "-1", "--uit", "{leeg}"], "moet minstens 1 zijn"),
    ("ketenproef.cli", ["serve", "--rol", "gemeente", "--poort", "70000"], "ketenproef serve: argument --poort"),
    ("ketenproef.cli", ["run", "--sut", "referentie-foo"], "ketenproef run: onbekend systeem 'referentie-foo'"),
    ("suite.cli", ["run", "--sut", "referentie-foo"], "python -m suite.cli run: onbekend systeem"),
    ("suite.cli", ["suts", "--jsn"], "python -m suite.cli suts: onbekende argumenten"),
])
def test_a_real_process_answers_with_one_dutch_line(tmp_path, module, args, melding):
    (tmp_path / "leeg").mkdir()
    done = cli(module, *[a.replace("{leeg}", str(tmp_path / "leeg")) for a in args])
    assert done.returncode == 2, done.stderr
    one_dutch_line(done.stderr, melding)
    assert done.stdout == ""
