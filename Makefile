# mgdlearn: two commands on a fresh machine with Python 3.10+ and make.
#   make lab    set up a local virtual environment and open the course in JupyterLab
#   make test   set up everything and run the full test suite (library, notebooks, browser, hub)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
LAB_ARGS ?=
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: lab test lint setup setup-test notebooks bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the package metadata changes.
$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-runtime

setup: $(VENV)/.installed-runtime
setup-test: $(VENV)/.installed-test

lab: setup
	$(BIN)/mgdlearn lab $(LAB_ARGS)

test: setup-test
	$(BIN)/python -m pytest -n 2 --dist loadfile \
		tests lessons exercises \
		--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg $(PYTEST_ARGS)

# The import contracts and the lint rules alone (the test suite runs both too).
lint: setup-test
	$(BIN)/lint-imports
	$(BIN)/ruff check mgdlearn tests benchmarks scripts conftest.py

# Re-execute lessons and exercise notebooks in place (authors: run after changing the library).
notebooks: setup-test
	$(BIN)/python scripts/run_notebooks.py

bench: setup-test
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
