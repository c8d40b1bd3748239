"""A message the ketenpartner accepted is never lost: SIGKILL a real `ketenproef serve` and start it again."""

from __future__ import annotations

import signal
import subprocess
import sys

from ketenproef import basis, factory
from mockserver.handle import Ketenpartner
from tests.mockserver.helpers import AGB, BSN, xml

OTHER = "999990032"


def serve(db: str, stderr, *extra: str) -> tuple[subprocess.Popen, Ketenpartner]:
    cmd = [sys.executable, "-m", "ketenproef.cli", "serve", "--rol", "gemeente", "--poort", "0", "--db", db,
           "--datum", "2026-01-14", *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=stderr, text=True)
    line = proc.stdout.readline()
    assert "luistert op http://" in line, (line, proc.poll())
    return proc, Ketenpartner.connect(line.rsplit(" ", 1)[-1].strip())


def without_verdicts(entries: list[dict]) -> list[dict]:
    return [{k: v for k, v in e.items() if k not in ("oordelen", "pushes")} for e in entries]


def test_kill_and_restart_loses_nothing(tmp_path):
    db = str(tmp_path / "ketenpartner.sqlite")
    stderr = (tmp_path / "serve.err").open("w")
    first, kp = serve(db, stderr)
    try:
        sent = kp.send("JW301", basis.basis("JW301"), deadline=1)
        assert kp.deliver(xml("JW315", "SUT0001"))["http_status"] == 202
        mailbox, log = kp.mailbox(AGB), kp.log(BSN)
        assert len(mailbox) == 2 and len(log) == 3
        kp.set_fault(OTHER, "retourcode-extra")
    finally:
        first.kill()
        first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL

    second, kp = serve(db, stderr)
    try:
        assert kp.mailbox(AGB) == mailbox
        assert without_verdicts(kp.log(BSN)) == without_verdicts(log)
        assert kp.fetch(sent["id"]) == factory.to_bytes("JW301", _with_ident(sent["identificatie"]))
        started = kp.deliver(xml("JW305", "SUT0002"))
        assert started["status"] == "geaccepteerd" and started["findings"] == [], "the toewijzing survived"
        unknown = basis.basis("JW305", "SUT0003")
        unknown["Client"]["StartProducten"][0]["ToewijzingNummer"] = 999
        rejected = kp.deliver(factory.to_bytes("JW305", unknown))
        assert [f["retourcode"] for f in rejected["findings"]] == ["9019"]
        again = kp.deliver(xml("JW315", "SUT0001"))
        assert (again["http_status"], again["herhaald"]) == (200, True), "a repeat is recognised after a restart"
        assert kp.deliver(xml("JW315", "SUT0001", bsn=OTHER))["code"] == "BRS20", "identificaties are remembered"
        spoiled = kp.deliver(xml("JW315", "SUT0004", bsn=OTHER))
        assert b"9019" in kp.fetch(spoiled["retour_id"]), "faults are remembered"
        assert [v["soort"] for v in kp.wait_for_verdict(sent["id"], timeout=10)] == ["nooit"]
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=15) == 0
    finally:
        if second.poll() is None:
            second.kill()
            second.wait()
        stderr.close()


def _with_ident(identificatie: str) -> dict:
    data = basis.basis("JW301")
    data["Header"]["BerichtIdentificatie"]["Identificatie"] = identificatie
    return data


def test_sigint_right_after_start_stops_cleanly(tmp_path):
    with (tmp_path / "serve.err").open("w") as stderr:
        proc, kp = serve(str(tmp_path / "k.sqlite"), stderr)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0
    assert "Traceback" not in (tmp_path / "serve.err").read_text()
