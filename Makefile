# Two commands: `make demo` (set up, ingest the examples, show what was found) and
# `make test` (set up, lint, type-check, run every test). Both bootstrap .venv/ themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test setup browser postgres lint typecheck pytest bench serve clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,postgres,ray]'
	touch $(STAMP)

# Debian's chromium for the browser tests; Playwright drives it (no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will skip"; \
	    else echo "note: chromium not found and cannot be installed; browser tests will skip"; fi; }

demo: setup
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsgraph ingest examples/*.txt examples/*.html examples/*.rss examples/*.jsonl --db $(DEMO_DB)
	COLUMNS=110 $(BIN)/newsgraph overview --db $(DEMO_DB)
	@echo "Browse it: make serve  (serves the UI at http://127.0.0.1:8000/ on $(DEMO_DB))"

# The web interface and HTTP API on the demo store.
serve: setup
	test -f $(DEMO_DB) || $(MAKE) demo
	$(BIN)/newsgraph serve --db $(DEMO_DB)

# Throughput against bare spaCy (needs ../shared/corpora/bbc).
bench: setup
	$(BIN)/python bench/throughput.py

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: setup
	$(BIN)/mypy

# Debian's PostgreSQL for the store tests: they start a throwaway server of their own
# (tests/pg_server.py: initdb in a temporary folder, a free loopback port, stopped at the end).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	      || echo "warning: could not install postgresql; PostgreSQL tests will skip"; \
	    else echo "note: postgresql not found and cannot be installed; PostgreSQL tests will skip"; fi; }

pytest: setup browser postgres
	$(BIN)/pytest -q

test: lint typecheck pytest

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
