"""``ketenproef suts`` and the report helpers of ``ketenproef run``."""

import argparse
import json

from suite import cli


def test_suts_json_lists_every_system(capsys):
    assert cli.main(["suts", "--json"]) == 0
    lijst = json.loads(capsys.readouterr().out)
    assert {"name", "role", "broken", "defect"} == set(lijst[0])
    namen = {s["name"] for s in lijst}
    assert {"referentie-aanbieder", "referentie-gemeente"} <= namen
    assert all(s["defect"] for s in lijst if s["broken"])


def test_run_registers_its_options():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    cli.register_run(sub)
    cli.register_suts(sub)
    args = parser.parse_args(["run", "--sut", "referentie-gemeente", "-m", "ijw", "-n", "2", "--seed", "7"])
    cmd = cli.pytest_argumenten(args.sut, args, cli.Path("/tmp/r"))
    na = cmd[cmd.index("--sut"):]
    assert na[1] == "referentie-gemeente" and na[na.index("--seed") + 1] == "7"
    assert na[na.index("-m") + 1] == "ijw" and na[na.index("-n") + 1] == "2"
    assert "suite.plugin" in cmd and "--strict-markers" in cmd


def test_a_system_from_outside_runs_without_xdist_and_with_a_fresh_seed():
    parser = argparse.ArgumentParser()
    cli.register_run(parser.add_subparsers())
    args = parser.parse_args(["run", "--sut", "http://localhost:9/", "--rol", "gemeente", "-n", "2"])
    cmd = cli.pytest_argumenten(args.sut, args, cli.Path("/tmp/r"))
    na = cmd[cmd.index("--sut"):]
    assert "-n" not in na and na[na.index("--rol") + 1] == "gemeente"
    assert na[na.index("--seed") + 1] != "1"


def test_junit_files_are_merged(tmp_path):
    for naam, fouten in (("a", 0), ("b", 2)):
        (tmp_path / f"junit-{naam}.xml").write_text(
            f'<testsuites><testsuite name="pytest" tests="3" failures="{fouten}" errors="0" skipped="0">'
            '<testcase name="x"/></testsuite></testsuites>', encoding="utf-8")
    uit = cli.samenvoegen_junit(tmp_path)
    tekst = uit.read_text(encoding="utf-8")
    assert 'tests="6"' in tekst and 'failures="2"' in tekst and 'name="b"' in tekst
