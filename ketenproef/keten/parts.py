"""Registry of ledger parts besides the toewijzingen; each part module adds itself here."""

from __future__ import annotations

import importlib
from collections.abc import Callable

# Modules that define further ledger parts. Each exposes ``Part`` (a class with apply(b, afgekeurd, keten)), and for
# withdrawing messages (``ketenproef.keten.intrekken``) eenheden(b, afgekeurd) and neem_over(bron, eenheden).
PART_MODULES = ("ketenproef.keten.regie", "ketenproef.keten.verzoeken", "ketenproef.keten.declaraties",
                "ketenproef.keten.relaties")


def neem(doel: dict, bron: dict, key) -> None:
    """``doel[key]`` as ``bron`` has it, or gone when ``bron`` lacks it (a part taking over a key, ``neem_over``)."""
    if key in bron:
        doel[key] = bron[key]
    else:
        doel.pop(key, None)


def extra_parts() -> list[Callable[[], object]]:
    out = []
    for name in PART_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        out.append(module.Part)
    return out
