# Care Review Archive: `make run` serves the archive locally, `make test` runs every check.
# `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := DJANGO_DEBUG=1 $(BIN)/python manage.py
# The suite sets its own secret key and debug flag (pytest-env in pyproject.toml).
PYTEST := $(BIN)/pytest
CHROMIUM := /usr/bin/chromium
JAVA := /usr/bin/java
WRK := /usr/bin/wrk
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# bench/_*.py are helpers of the scripts, not benchmarks; the scale benchmark and its
# generator, and the after-write benchmark, need the kept data of make bench-data (make
# bench-scale and bench-after-write run them).
BENCH_SCRIPTS := $(sort $(filter-out bench/_% bench/make_archive.py bench/scale_bench.py \
	bench/after_write_bench.py, $(wildcard bench/*.py)))
# Where make bench-data keeps the 100,000-article archive (bench/scale_data.sh).
BENCHDATA ?= /work/benchdata
SCALE_DATA := BENCHDATA=$(BENCHDATA) bench/scale_data.sh

.DEFAULT_GOAL := help

.PHONY: help run serve test test-deps lint format eval bench bench-pages bench-data bench-scale \
	bench-after-write \
	clean distclean

help:
	@echo "make run        install, migrate, load fixtures/seeds and serve on http://127.0.0.1:8000/"
	@echo "make serve      production: debug off, migrate, collectstatic, gunicorn on 127.0.0.1:8000"
	@echo "make test       install what the suite needs, lint, check, test on SQLite and PostgreSQL"
	@echo "make lint       ruff check and ruff format --check"
	@echo "make format     ruff format and ruff check --fix"
	@echo "make eval       score the loader on the seeds, tests/corpus and tests/corpus/own (docs/extraction.md)"
	@echo "make bench      run the benchmark scripts in bench/"
	@echo "make bench-pages  time the public pages at 10,000 articles on a throwaway PostgreSQL"
	@echo "make bench-data   generate the kept 100,000-article archives in BENCHDATA (as root)"
	@echo "make bench-scale  gunicorn + wrk on every public page at 100,000 articles, beside"
	@echo "                  the floor and Datasette (BEFORE_TREE=..., BENCH_ARGS=...)"
	@echo "make bench-after-write  another worker's first request after a write, at 100,000"
	@echo "                  articles, with and without the machine's store of shared results"
	@echo "make clean      remove caches, collected static files and build leftovers"
	@echo "make distclean  clean, and also remove .venv, node_modules and the SQLite database"

# --- Installation: stamp files make a second run skip pip unless pyproject.toml changed.

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "error: $(PYTHON) is older than Python 3.11; run: make PYTHON=python3.11 ..." >&2; \
		exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check ".[test]"
	touch $(VENV)/.installed-runtime $@

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

# The load generator of make bench-scale.
$(WRK):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk

# The Nu HTML Checker (vnu-jar) runs on Java.
$(JAVA):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jre-headless

# The browser tests' npm packages (axe-core, vnu-jar), once a package.json declares them.
# No install scripts: vnu-jar's would try to download a Java runtime of its own.
node_modules/.installed: package.json $(wildcard package-lock.json)
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

test-deps: $(VENV)/.installed-test $(CHROMIUM) $(JAVA) $(if $(wildcard package.json),node_modules/.installed)

# --- Everyday targets.

run: $(VENV)/.installed-runtime
	$(MANAGE) migrate --noinput
	$(MANAGE) load_articles
	@echo
	@echo "To sign in to the admin, create the first account (once) in another terminal:"
	@echo "    DJANGO_DEBUG=1 $(BIN)/python manage.py createsuperuser"
	@echo "Then open http://127.0.0.1:8000/admin/"
	@echo
	$(MANAGE) runserver 127.0.0.1:8000

# Production, behind an HTTPS proxy (README, "Deployment"); gunicorn.conf.py sets the
# address and the number of workers. The secret key is the operator's, never made here.
PRODUCTION := DJANGO_DEBUG=0 $(BIN)/python manage.py
serve: $(VENV)/.installed-runtime
	@test -n "$$DJANGO_SECRET_KEY" || { \
		echo "error: make serve needs DJANGO_SECRET_KEY (the secret that signs sessions)." >&2; \
		echo "Make one with:  export DJANGO_SECRET_KEY=\"\$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')\"" >&2; \
		echo "and keep it: a new key signs every staff member out. See README, Deployment." >&2; \
		exit 1; }
	$(PRODUCTION) migrate --noinput
	$(PRODUCTION) collectstatic --noinput --verbosity 0
	$(PRODUCTION) check --deploy --fail-level ERROR
	DJANGO_DEBUG=0 exec $(BIN)/gunicorn

test: test-deps
	$(BIN)/ruff check .
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	@echo "== test suite on SQLite"
	env -u DATABASE_URL $(PYTEST)
	@echo "== test suite on PostgreSQL"
	scripts/with-postgres.sh $(PYTEST)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Every miss, a score per kind of check, then the total; exits non-zero under the 95% bar.
eval: $(VENV)/.installed-runtime
	$(BIN)/python scripts/eval.py --bar 0.95

bench: $(VENV)/.installed-runtime
	@test -n "$(BENCH_SCRIPTS)" || { echo "error: no benchmark scripts in bench/" >&2; exit 1; }
	@for script in $(BENCH_SCRIPTS); do \
		echo "== $$script"; \
		DJANGO_DEBUG=1 $(BIN)/python $$script || exit 1; \
	done

# docs/performance.md; pass options with e.g. BENCH_ARGS="--articles 1000 --explain".
bench-pages: $(VENV)/.installed-runtime
	scripts/with-postgres.sh $(BIN)/python bench/page_bench.py $(BENCH_ARGS)

# docs/performance.md, "At 100,000 articles"; the PostgreSQL cluster it starts keeps running
# (stop it with bench/scale_data.sh stop).
bench-data: $(VENV)/.installed-runtime
	$(SCALE_DATA) generate

# docs/performance.md, "After a write": another worker's first request, with and without
# the machine's store of shared results.
bench-after-write: $(VENV)/.installed-runtime
	$(SCALE_DATA) start
	DATABASE_URL="$$($(SCALE_DATA) url archive_100k)" $(BIN)/python bench/after_write_bench.py \
		$(BENCH_ARGS)

BEFORE_TREE ?= $(BENCHDATA)/before
bench-scale: $(VENV)/.installed-runtime $(WRK)
	$(SCALE_DATA) start
	$(BIN)/python bench/scale_bench.py --before-tree $(BEFORE_TREE) \
		--before-db "$$($(SCALE_DATA) url archive_before)" \
		--after-db "$$($(SCALE_DATA) url archive_100k)" \
		--before-sqlite sqlite:///$(BENCHDATA)/sqlite/archive_10k_before.sqlite3 \
		--after-sqlite sqlite:///$(BENCHDATA)/sqlite/archive_10k.sqlite3 \
		--datasette-db $(BENCHDATA)/sqlite/archive_100k.sqlite3 $(BENCH_ARGS)

clean:
	find . -path ./$(VENV) -prune -o -path ./node_modules -prune -o \
		-name __pycache__ -type d -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .tmp test-results staticfiles build *.egg-info

distclean: clean
	rm -rf $(VENV) node_modules db.sqlite3
