"""The public API of ketenproef.calculations and the purity of the package."""

import ast
from pathlib import Path

import ketenproef.calculations as calculations

PAKKET = Path(calculations.__file__).parent
MODULES = sorted(PAKKET.glob("*.py"))
TOEGESTAAN = {"calendar", "collections", "copy", "dataclasses", "datetime", "typing", "holidays"}


def test_all_names_exist_and_are_unique():
    assert len(calculations.__all__) == len(set(calculations.__all__))
    for naam in calculations.__all__:
        assert hasattr(calculations, naam), naam


def test_every_public_function_names_a_rule_id_in_its_docstring():
    import re

    regel = re.compile(r"\b(IV|TR|OP|CS|CD)\d{3}")
    for naam in calculations.__all__:
        obj = getattr(calculations, naam)
        if callable(obj) and not isinstance(obj, type) and naam != "rond_half_op":
            assert obj.__doc__ and regel.search(obj.__doc__), naam


def test_modules_import_only_the_standard_library_and_holidays():
    assert len(MODULES) >= 7
    for module in MODULES:
        boom = ast.parse(module.read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.Import):
                namen = [alias.name for alias in knoop.names]
            elif isinstance(knoop, ast.ImportFrom):
                if knoop.level:  # relative import inside this package
                    continue
                namen = [knoop.module or ""]
            else:
                continue
            for naam in namen:
                assert naam.split(".")[0] in TOEGESTAAN, f"{module.name} imports {naam}"


def test_no_use_of_todays_date_and_small_modules():
    for module in MODULES:
        tekst = module.read_text(encoding="utf-8")
        for verboden in ("today(", "now(", "utcnow(", "time.time"):
            assert verboden not in tekst, f"{module.name} uses {verboden}"
        assert len(tekst.splitlines()) < 250, module.name
