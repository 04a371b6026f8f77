# Everything a contributor runs: `make serve`, `make test`, `make build`, `make check`.
# The virtual environment is (re)created from requirements.lock whenever the lock or
# pyproject.toml is newer than the last install.

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help setup serve serve-zh serve-en serve-fast build check translated test lint lock bench audit clean

help:
	@echo "make serve   preview the site with live reload on http://$(HOST):$(PORT)/"
	@echo "make test    run the whole test suite (unit, build, browser)"
	@echo "make serve-fast  quickest preview: one language (LANGUAGE=zh|en), no search index"
	@echo "make build   strict build into site/"
	@echo "make check   zh/en quiz parity and outdated translations, without building (STRICT=1: fail if any)"
	@echo "make translated PAGE=en/page.md  record a translation as up to date with its original"
	@echo "make lint    ruff, mypy, node --check and AutoCorrect (the Chinese copy)"
	@echo "make bench   benchmarks (see benchmarks/README.md)"
	@echo "make audit   Lighthouse on the built site (needs Node.js and Chromium)"

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

setup: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dev-addr $(HOST):$(PORT) --watch quiz_plugin

serve-zh serve-en: serve-%: $(STAMP)
	BUILD_ONLY_LOCALE=$* $(BIN)/mkdocs serve --livereload --dev-addr $(HOST):$(PORT) --watch quiz_plugin

# The quickest preview (a rebuild is served in well under a second): one language, no search
# index, no parity report, --dirty rebuilds. LANGUAGE=en for the English pages.
LANGUAGE ?= zh
serve-fast: $(STAMP)
	BUILD_ONLY_LOCALE=$(LANGUAGE) SEARCH=false QUIZ_PARITY=false \
		$(BIN)/mkdocs serve --livereload --dirty --dev-addr $(HOST):$(PORT) --watch quiz_plugin

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# Both reports, even when the first one fails. STRICT=1: an outdated translation fails too.
TRANSLATIONS := $(BIN)/python hooks/translation_cli.py
enabled = $(filter-out 0 false no,$(1))
CHECKS := "$(BIN)/python -m quiz_plugin check docs/ -f mkdocs.yml" \
	"$(TRANSLATIONS) check$(if $(call enabled,$(STRICT)), --strict)"
check: $(STAMP)
	@status=0; for command in $(CHECKS); do echo "$$command"; $$command || status=1; done; \
	exit $$status

# PAGE=en/page.md (several, space-separated, work too): that translation is up to date with
# its original now. No PAGE: every translation not recorded yet. ALL=1: every translation.
translated: $(STAMP)
	$(TRANSLATIONS) record$(if $(call enabled,$(ALL)), --all) $(PAGE)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check quiz_plugin tests hooks benchmarks
	$(BIN)/ruff format --check quiz_plugin tests hooks benchmarks
	$(BIN)/mypy
	@command -v node >/dev/null || { echo "make lint needs Node.js to check the widget's script."; exit 1; }
	for script in quiz_plugin/assets/*.js; do node --check $$script || exit 1; done
	$(BIN)/python hooks/chinese_copy.py

bench: $(STAMP)
	QUIZ_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_quiz_fuzz.py
	$(BIN)/python -m benchmarks.build_time --instructions
	$(BIN)/python -m benchmarks.page_weight
	$(BIN)/python -m benchmarks.serve_latency
	$(BIN)/python -m benchmarks.search_eval

# Lighthouse comes from package-lock.json (npm ci when the lock changed); the browser is the
# system Chromium, or CHROME_PATH.
audit: $(STAMP)
	@command -v npm >/dev/null || { echo "make audit needs Node.js and npm."; exit 1; }
	@test node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund
	$(BIN)/python -m benchmarks.audit

lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[test]' editables hatchling
	{ echo "# Exact versions installed by 'make' (see Makefile). Regenerate with 'make lock'."; \
	  .lock-venv/bin/pip freeze --exclude-editable; } > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
