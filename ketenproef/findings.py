"""Findings and the report of one validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Levels as the standard numbers them (control_level): where in the pipeline a finding arose.
TECHNISCH = "technisch"  # transport/parse/identify: no retour possible (OP192, size, XML)
XSD = "xsd"  # level 1
BERICHT = "bericht"  # level 2: single-message rule (XSLT level), retourcode 0001
KETEN = "keten"  # level 3/4: chain or external data, retourcode on the berichtklasse
ADVIES = "advies"  # a remark that does not reject the message (e.g. LF instead of CR/LF, OP192)


@dataclass(slots=True)
class Finding:
    rule: str
    retourcode: str | None
    klasse: str | None
    path: str | None
    line: int | None
    text: str
    level: str = BERICHT
    element: Any = field(default=None, repr=False, compare=False)

    def as_dict(self, level: bool = False) -> dict:
        out = {"rule": self.rule, "retourcode": self.retourcode, "class": self.klasse,
               "path": self.path, "line": self.line, "text": self.text}
        if level:
            out["level"] = self.level
        return out

    @property
    def rejecting(self) -> bool:
        return self.level != ADVIES


@dataclass
class Report:
    """The outcome of validating one message."""

    message: str | None = None
    standard: str | None = None
    release: str | None = None
    findings: list[Finding] = field(default_factory=list)
    bericht: Any = field(default=None, repr=False)

    @property
    def valid(self) -> bool:
        return not any(f.level != ADVIES for f in self.findings)

    def at_level(self, *levels: str) -> list[Finding]:
        return [f for f in self.findings if f.level in levels]

    @property
    def technically_rejected(self) -> bool:
        """True when the message never got past parse, identify, XSD or single-message rules."""
        return bool(self.at_level(TECHNISCH, XSD, BERICHT))

    def as_dict(self) -> dict:
        return {"message": self.message, "standard": self.standard, "release": self.release,
                "valid": self.valid, "findings": [f.as_dict() for f in self.findings]}
