"""Shared writer for the example scripts: XML files plus the group's manifest.json (see ketenproef/examples.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from ketenproef import factory
from ketenproef.basis import DAGTEKENING, basis


def schrijf(out: Path, voorbeelden: Iterable[tuple]) -> None:
    """Write each (file, message, xml, rule ids[, datum]) into ``out`` and the manifest; valid = no rule ids;
    the date to judge on ("vandaag") is the basis Dagtekening unless the example gives its own."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for file, name, xml, rules, *datum in voorbeelden:
        (out / file).write_bytes(xml)
        manifest.append({"file": file, "message": name, "datum": datum[0] if datum else DAGTEKENING,
                         "valid": not rules, "rules": rules})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(manifest)} voorbeelden in {out}")


def basis_xml(name: str, change: Callable[[dict], None]) -> bytes:
    """The basis message ``name`` changed by ``change``, as XML."""
    data = basis(name)
    change(data)
    return factory.to_bytes(name, data)
