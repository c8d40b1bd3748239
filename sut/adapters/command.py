"""CommandSut: a vendor's system behind an executable (docs/SUT-TRIGGERS.md).

Per action it runs ``PATH ACTIE`` (PATH may carry arguments, split like a shell would: ``cmd:python -m x``),
writes ``{"gegevens", "vandaag", "verbinding"}`` as JSON on stdin and reads a JSON object from stdout. Exit
code != 0 (stderr is the message), output that is not a JSON object, or no exit within the timeout is a SutError;
exit code 3 is SutNietOndersteund (the program does not support the action, as HTTP 501), and a program that
cannot be started (not found, not executable; a shell's exit code 126 or 127) is SutOnbereikbaar.
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
import subprocess

from sut.adapters.common import check_actie, iso, json_object, sut_tekst, verbinding_json
from sut.base import SutError, SutNietOndersteund, SutOnbereikbaar, SystemUnderTest, Verbinding

NIET_ONDERSTEUND = 3  # exit code: "this action is not supported" (docs/SUT-TRIGGERS.md)
NIET_UIT_TE_VOEREN = (126, 127)  # a shell's exit codes for a command that is not executable / not found


class CommandSut(SystemUnderTest):
    name = "cmd"

    def __init__(self, path: str, role: str, timeout: float = 120.0, env: dict | None = None) -> None:
        self.argv = shlex.split(path)
        if not self.argv:
            raise ValueError("cmd: zonder pad naar een programma")
        self.role = role
        self.timeout = timeout
        self.env = env
        self.verbinding: Verbinding | None = None
        self.name = f"cmd:{path}"

    def connect(self, verbinding: Verbinding) -> None:
        self.verbinding = verbinding

    def trigger(self, actie: str, gegevens: dict, vandaag: dt.date) -> dict:
        check_actie(actie, self.role)
        stdin = json.dumps({"gegevens": gegevens, "vandaag": iso(vandaag),
                            "verbinding": verbinding_json(self.verbinding)}, default=str)
        try:
            done = subprocess.run([*self.argv, actie], input=stdin, capture_output=True, text=True,
                                  timeout=self.timeout, env=self.env, check=False)
        except subprocess.TimeoutExpired as exc:
            raise SutError(f"{self.name} {actie} is na {self.timeout} s nog niet klaar") from exc
        except OSError as exc:
            raise SutOnbereikbaar(f"{self.name} is niet uit te voeren: {exc}") from exc
        if done.returncode == 0:
            return json_object(done.stdout, f"{self.name} {actie} schreef op stdout")
        code, tekst = done.returncode, sut_tekst(done.stderr)
        if code == NIET_ONDERSTEUND:
            raise SutNietOndersteund(f"{self.name} {actie} stopte met code {code} (niet ondersteund): {tekst}",
                                     f"exitcode {code}", tekst)
        if code in NIET_UIT_TE_VOEREN:
            raise SutOnbereikbaar(f"{self.name} {actie} stopte met code {code} (niet uit te voeren): {tekst}")
        raise SutError(f"{self.name} {actie} stopte met code {code}: {tekst}")
