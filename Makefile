# Two commands do all the set-up on a fresh machine: `make serve` and `make test` (see README.md).
# Everything is installed into .venv from the lock files; nothing is taken from the machine but Python.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# The engine that builds and serves the site: mkdocs, or properdocs (a fork of MkDocs 1.6 that builds the same site).
ENGINE ?= mkdocs
# pip compiles every module as it installs it: where PYTHONDONTWRITEBYTECODE is set (as on this project's machines)
# Python would otherwise compile each module it imports again in every process, and the tests start many.
PIP_INSTALL := $(BIN)/python -m pip install --quiet

.PHONY: serve build test test-tools audit check bench lock clean

# --- Installs (each re-runs only when its lock file changes) ------------------------------------

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed; found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.lock pyproject.toml | $(BIN)/python
	$(PIP_INSTALL) --require-hashes -r requirements.lock
	$(PIP_INSTALL) --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements-test.lock pyproject.toml $(VENV)/.site-installed
	$(PIP_INSTALL) --require-hashes -r requirements-test.lock
	touch $@

# --- What people run -----------------------------------------------------------------------------

## serve: preview the site at http://$(HOST)/, rebuilding on every change to docs/, data/, hooks/, overrides/ or mkdocs.yml
## (ENGINE=properdocs: with ProperDocs)
serve: $(VENV)/.site-installed
	$(BIN)/python -m $(ENGINE) serve --config-file mkdocs.yml --dev-addr $(HOST) --livereload

## build: write the site to site/ (the previous site/ is kept if the build fails; ENGINE=properdocs: with ProperDocs)
build: $(VENV)/.site-installed
	$(BIN)/python scripts/build --engine $(ENGINE)

## test: install what the tests need (the venv, Chromium, the npm tools), then run them all, in two processes
## (pytest-xdist; the tests of the browser survey stay together in one, see tests/conftest.py)
test: $(VENV)/.test-installed test-tools
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

## test-tools: Debian's Chromium and the npm tools of package-lock.json (a no-op when all is there)
test-tools:
	scripts/install-test-tools

## audit: Lighthouse on four pages, the scores written to docs/audit.md (not part of `make test`)
audit: $(VENV)/.test-installed test-tools
	$(BIN)/python scripts/audit

## check: the editor's check: the data and the pages as the build checks them, without building (fast, no browser,
## no root; adds new addresses to urls.txt; exit 0 or 1)
check: $(VENV)/.site-installed
	$(BIN)/python scripts/check

## bench: measure builds at 23, 1,000 and 10,000 partners beside the engine alone, page sizes, page weight, the data
## check and the preview, into BENCHMARKS.md (about half an hour; not part of `make test`; BENCH_ARGS="--sizes 23,1000" is quicker)
bench: $(VENV)/.test-installed
	$(BIN)/python scripts/bench $(BENCH_ARGS)

## lock: re-pin every dependency from pyproject.toml (needs the network to PyPI)
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras -o requirements.lock pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --extra test -o requirements-test.lock pyproject.toml

clean:
	rm -rf site .pytest_cache .cache
