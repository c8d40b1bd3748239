"""The bundled example corpus: every ``corpus/voorbeelden/**/manifest.json`` entry says which message a file
is, on which date to judge it, and which rule ids the validator must report (exactly)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ketenproef import corpus
from ketenproef.clock import clock_for
from ketenproef.validate import validate


@dataclass
class Example:
    path: Path
    message: str
    datum: str
    valid: bool
    rules: frozenset[str]
    text_contains: str | None = None


@dataclass
class Outcome:
    example: Example
    found: frozenset[str]
    valid: bool
    message: str | None
    texts: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        e = self.example
        text_ok = e.text_contains is None or any(e.text_contains in t for t in self.texts)
        return self.found == e.rules and self.valid == e.valid and self.message == e.message and text_ok

    def line(self) -> str:
        e = self.example
        state = "ok " if self.ok else "FOUT"
        return (f"{state} {e.path.relative_to(corpus.corpus_dir())}: verwacht {sorted(e.rules) or 'goed'}, "
                f"gevonden {sorted(self.found) or 'goed'}")


def examples() -> list[Example]:
    out = []
    for manifest in sorted((corpus.corpus_dir() / "voorbeelden").rglob("manifest.json")):
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            out.append(Example(manifest.parent / entry["file"], entry["message"], entry["datum"],
                               bool(entry["valid"]), frozenset(entry["rules"]), entry.get("text_contains")))
    return out


def judge(example: Example) -> Outcome:
    report = validate(example.path.read_bytes(), clock=clock_for(example.datum))
    found = frozenset(f.rule for f in report.findings if f.rejecting or f.rule.startswith("OP"))
    return Outcome(example, found, report.valid, report.message, tuple(f.text for f in report.findings))


def check_corpus() -> list[Outcome]:
    return [judge(e) for e in examples()]
