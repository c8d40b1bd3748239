"""Binds every feature file in this folder to pytest (pytest-bdd). Steps: ``steps/``; fixtures and hooks:
``suite.plugin`` and ``suite.fixtures`` (registered by the top-level conftest.py or ``-p suite.plugin``)."""

from pathlib import Path

from pytest_bdd import scenarios

scenarios(str(Path(__file__).parent))
