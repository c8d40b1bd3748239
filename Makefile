# Two commands for a fresh machine (see README):
#   make rapport   install and run the main job
#   make test      install and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: install browser rapport test lint bench zelftest clean

$(BIN)/ketenproef: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/ketenproef

install: $(BIN)/ketenproef

# The browser test of the coverage page (tests/suite/test_dekkingspagina.py) drives Debian's chromium with
# Playwright (a dev extra). Installed with apt-get when missing and we are root; otherwise that test skips and
# says why. Never `playwright install`: it downloads a browser of its own.
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "chromium installeren voor de browsertest van de dekkingspagina (apt-get, ongeveer een minuut)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium >/dev/null || echo "chromium niet geinstalleerd: de browsertest wordt overgeslagen"; \
	fi

rapport: install
	$(BIN)/ketenproef run --sut referentie --rapport reports -n 2

# pytest: a dot per test, the self-test passes on its inner runs' progress lines, the ten slowest tests at the end
test: install browser
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n 2 --durations=10

# the suite's mutation score: every registered rule's mutants against their scenarios; keeps suite/mutatiescore.json
zelftest: install
	$(BIN)/ketenproef zelftest --leg-vast --rapport reports/zelftest

bench: install
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_cli.py

clean:
	rm -rf $(VENV) reports/out
