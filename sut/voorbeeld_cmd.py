"""Example vendor shim for the command adapter: a built-in system behind ``PATH ACTIE``.

    KETENPROEF_CMD_STAAT=/tmp/staat.json KETENPROEF_CMD_SYSTEEM=referentie-aanbieder \\
        ketenproef ... --sut "cmd:python -m sut.voorbeeld_cmd" --rol aanbieder

Reads ``{"gegevens", "vandaag", "verbinding"}`` from stdin, carries out the action with the system named in
KETENPROEF_CMD_SYSTEEM (default ``referentie-aanbieder``), writes the result as JSON on stdout and keeps the
system's state between calls in the JSON file named by KETENPROEF_CMD_STAAT (required). An action the system
cannot carry out ends with exit code 1 and the reason on stderr.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from sut.base import SutError, Verbinding
from sut.registry import open_sut

STAAT, SYSTEEM = "KETENPROEF_CMD_STAAT", "KETENPROEF_CMD_SYSTEEM"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("gebruik: python -m sut.voorbeeld_cmd ACTIE  (JSON op stdin)", file=sys.stderr)
        return 2
    if not os.environ.get(STAAT):
        print(f"zet {STAAT} op het pad van een JSON-bestand voor de toestand van het systeem", file=sys.stderr)
        return 2
    staat = Path(os.environ[STAAT])
    try:
        verzoek = json.loads(sys.stdin.read() or "{}")
        systeem = open_sut(os.environ.get(SYSTEEM, "referentie-aanbieder"))
        if staat.exists() and staat.stat().st_size:
            systeem.load(staat.read_text(encoding="utf-8"))
        systeem.connect(Verbinding(**verzoek["verbinding"]))
        result = systeem.trigger(argv[0], verzoek.get("gegevens") or {}, verzoek["vandaag"])
    except (SutError, ValueError, KeyError, TypeError) as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    tijdelijk = staat.with_suffix(staat.suffix + ".tmp")
    tijdelijk.write_text(systeem.dump(), encoding="utf-8")
    tijdelijk.replace(staat)
    json.dump(result, sys.stdout, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
