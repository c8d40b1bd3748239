"""Finding a step's definition once per step text instead of once per scenario run.

pytest-bdd finds the definition of every step of every scenario run by asking pytest, for each registered
fixture name, which of its definitions are visible to the test item and whether one parses the step text
(``pytest_bdd.scenario.find_fixturedefs_for_step``). With some 300 step definitions and about ten steps per
scenario that is the largest single cost of a suite run after the exchanges themselves (about 14 % of the CPU of
``ketenproef run``). The answer depends only on the step (type and text) and on which definitions are visible,
and visibility depends on where a definition was registered: the suite's step definitions live in plugin modules
(visible everywhere), so every item of one test module sees the same ones. ``installeer`` therefore remembers
the answer per (step type, step text, the item's parent node) and asks pytest-bdd only the first time.

``KETENPROEF_STAPKEUZE=controle`` makes every remembered answer checked against pytest-bdd's own lookup (a
mismatch fails that scenario run); tests/suite/test_stapkeuze.py runs part of the suite that way.
"""

from __future__ import annotations

import importlib
import os

CONTROLE = "KETENPROEF_STAPKEUZE"


class StapkeuzeError(AssertionError):
    """The remembered definitions of a step differ from what pytest-bdd finds for this item."""


def installeer() -> bool:
    """Put the remembering lookup in place of pytest-bdd's (once per process); False when this version of
    pytest-bdd has no such function (then its own lookup stays)."""
    scenario = importlib.import_module("pytest_bdd.scenario")  # the module (the package's ``scenario`` is a function)
    origineel = getattr(scenario, "find_fixturedefs_for_step", None)
    if origineel is None or getattr(origineel, "_ketenproef", False):
        return origineel is not None
    controle = os.environ.get(CONTROLE) == "controle"
    onthouden: dict[tuple, tuple] = {}

    def find_fixturedefs_for_step(step, fixturemanager, node):
        sleutel = (step.type, step.name, getattr(node.parent, "nodeid", None))
        gevonden = onthouden.get(sleutel)
        if gevonden is None:
            gevonden = onthouden[sleutel] = tuple(origineel(step=step, fixturemanager=fixturemanager, node=node))
        elif controle:
            echt = tuple(origineel(step=step, fixturemanager=fixturemanager, node=node))
            if echt != gevonden:
                raise StapkeuzeError(f"stap {step.type} {step.name!r} in {node.nodeid}: onthouden {gevonden}, "
                                     f"echt {echt}")
        return iter(gevonden)

    find_fixturedefs_for_step._ketenproef = True
    scenario.find_fixturedefs_for_step = find_fixturedefs_for_step
    return True
