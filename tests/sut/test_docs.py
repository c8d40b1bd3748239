"""docs/SUT-TRIGGERS.md stays in step with the actions and the built-in systems."""

from __future__ import annotations

from pathlib import Path

from sut.acties import ACTIES
from sut.registry import systems

DOC = (Path(__file__).resolve().parents[2] / "docs" / "SUT-TRIGGERS.md").read_text(encoding="utf-8")


def test_every_action_is_documented():
    for actie in ACTIES:
        assert f"### {actie} " in DOC or f"### {actie}\n" in DOC, actie


def test_every_built_in_system_is_documented():
    for info in systems():
        regel = next((r for r in DOC.splitlines() if r.startswith(f"| `{info.name}` |")), None)
        assert regel is not None, info.name
        assert f"| {info.role} |" in regel
        for rule in info.rules:
            assert rule in regel, (info.name, rule)
