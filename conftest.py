"""Registers the conformance suite's plugin (options, markers, fixtures) and its step definitions for pytest.

``suite.plugin`` lists the modules itself (``suite.fixtures`` and ``steps.*``), so ``pytest -p suite.plugin``
works the same without this file (an installed ketenproef has no top-level conftest.py)."""

pytest_plugins = ["suite.plugin"]

import os  # noqa: E402

# In the tests a rule that raises is a defect that fails the test (ketenproef.validate.run_rules), never a
# technical refusal that a scenario might accept; subprocesses (the CLI, a served ketenpartner) inherit it.
os.environ.setdefault("KETENPROEF_STRIKT", "1")
