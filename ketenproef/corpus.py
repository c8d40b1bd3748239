"""Where the corpus lives and cached loaders for its data files (message models, codelists, rule register)."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "_corpus"
_CHECKOUT = Path(__file__).resolve().parent.parent / "corpus"

STANDARD_DIRS = {"iWmo": "iwmo", "iJw": "ijw"}


def corpus_dir() -> Path:
    """The corpus folder: $KETENPROEF_CORPUS, the copy inside an installed wheel, or the checkout's corpus/."""
    env = os.environ.get("KETENPROEF_CORPUS")
    if env:
        return Path(env)
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def schema_dir(standard: str, release: str = "3.2") -> Path:
    return corpus_dir() / "schemas" / STANDARD_DIRS[standard] / release


@cache
def message_model(name: str) -> dict:
    """The model of one message (e.g. ``WMO301``) as written by tools/build_corpus.py."""
    path = corpus_dir() / "berichten" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def message_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (corpus_dir() / "berichten").glob("*.json")))


@cache
def codelists() -> dict:
    return json.loads((corpus_dir() / "codelijsten" / "codelijsten.json").read_text(encoding="utf-8"))


@cache
def codes(codelist_id: str) -> frozenset[str]:
    return frozenset(entry["code"] for entry in codelists()[codelist_id]["codes"])


@cache
def rule_register() -> dict[str, dict]:
    rules = json.loads((corpus_dir() / "regels" / "register.json").read_text(encoding="utf-8"))
    return {rule["id"]: rule for rule in rules}
