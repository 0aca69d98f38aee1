# mgdlearn: two commands on a fresh machine with Python 3.10+ and make.
#   make lab    set up a local virtual environment and open the course in JupyterLab
#   make test   set up everything and run the full test suite (library, notebooks, browser, hub)
#
# Two environments, so instructor tooling never reaches the students' lab:
#   .venv-lab  (LAB_VENV)  the students' lab = a hub's user image: the course, jupyterhub-singleuser
#                          and nbgitpuller (`pip install -e ".[hub]"`); `make lab` opens it, and the
#                          hub tests start the students' servers from it. No nbgrader.
#   .venv      (VENV)      tests, benchmarks, authoring: the course plus the test extra (nbgrader,
#                          JupyterHub, Playwright, ...).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
LAB_VENV ?= .venv-lab
LAB_BIN  := $(LAB_VENV)/bin
LAB_ARGS ?=
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: lab test lint setup setup-lab setup-test notebooks bench clean book book-pdf

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(LAB_BIN)/python:
	$(PYTHON) -m venv $(LAB_VENV)
	$(LAB_BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the package metadata changes. Like binder/postBuild (the image), the lab gets the
# override that turns off JupyterLab's news pop-up.
$(LAB_VENV)/.installed-lab: pyproject.toml scripts/jupyterlab-overrides.json | $(LAB_BIN)/python
	$(LAB_BIN)/python -m pip install --quiet -e ".[hub]"
	mkdir -p $(LAB_VENV)/share/jupyter/lab/settings
	cp scripts/jupyterlab-overrides.json $(LAB_VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

setup setup-lab: $(LAB_VENV)/.installed-lab
setup-test: $(VENV)/.installed-test

lab: setup-lab
	$(LAB_BIN)/mgdlearn lab $(LAB_ARGS)

# The tests also use the lab environment: the hub tests start students' servers from it, and
# tests/test_make_lab.py checks that it holds no instructor tooling.
test: setup-test setup-lab
	MGDLEARN_LAB_VENV="$(abspath $(LAB_VENV))" $(BIN)/python -m pytest -n 2 --dist loadfile \
		tests lessons exercises \
		--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg $(PYTEST_ARGS)

# The import contracts and the lint rules alone (the test suite runs both too).
lint: setup-test
	$(BIN)/lint-imports
	$(BIN)/ruff check mgdlearn tests benchmarks scripts conftest.py

# Re-execute lessons and exercise notebooks in place (authors: run after changing the library).
notebooks: setup-test
	$(BIN)/python scripts/run_notebooks.py

# The course book (static HTML, no execution, nothing fetched at build time) and its PDF
# (Chromium's headless print-to-PDF of the single-page build). MGDLEARN_HUB_URL adds hub links.
$(VENV)/.installed-book: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[book]"
	touch $@

book: $(VENV)/.installed-book
	$(BIN)/python -m book.build html --out _build/book

book-pdf: $(VENV)/.installed-book
	$(BIN)/python -m book.build pdf --out _build/book.pdf

bench: setup-test
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(LAB_VENV) .pytest_cache test-artifacts _build
