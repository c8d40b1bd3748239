# Two commands for a fresh machine (see README):
#   make rapport   install and run the main job
#   make test      install and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: install rapport test lint bench clean

$(BIN)/ketenproef: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/ketenproef

install: $(BIN)/ketenproef

rapport: install
	$(BIN)/ketenproef run --sut referentie --rapport reports -n 2

test: install
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n 2

bench: install
	$(BIN)/python benchmarks/bench_validate.py

clean:
	rm -rf $(VENV) reports/out
