"""Registers the conformance suite's plugin (options, markers, fixtures) and its step definitions for pytest.

``suite.plugin`` lists the modules itself (``suite.fixtures`` and ``steps.*``), so ``pytest -p suite.plugin``
works the same without this file (an installed ketenproef has no top-level conftest.py)."""

pytest_plugins = ["suite.plugin"]
