# Samvei: `make run` serves the site, `make test` runs every test. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Exported, so the web server and the worker (which links e-mails to http://127.0.0.1:PORT) agree on the port.
export PORT ?= 8000
WEB_CONCURRENCY ?= 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test serve setup setup-test migrate lint typecheck lock messages openapi backup restore clean

# The background worker (e-mails, alerts, closing challenges) runs beside the web server; Ctrl+C stops both.
run: setup migrate
	$(MANAGE) load_demo_data
	$(MANAGE) rebuild_search_index
	$(MANAGE) refresh_embeddings
	$(MANAGE) schedule_periodic_tasks
	@echo "Samvei: http://127.0.0.1:$(PORT)/"
	trap 'trap - EXIT INT TERM; kill 0' EXIT INT TERM; \
	$(MANAGE) run_worker & \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup-test
	$(PY) -m pytest $(PYTEST_ARGS)

serve: setup migrate
	export DJANGO_SETTINGS_MODULE=config.settings.production \
		SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
		SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}"; \
	$(MANAGE) collectstatic --noinput --verbosity 0 && \
	$(MANAGE) schedule_periodic_tasks && \
	trap 'trap - EXIT INT TERM; kill 0' EXIT INT TERM; \
	$(MANAGE) run_worker & \
	$(VENV)/bin/gunicorn config.wsgi --config config/gunicorn.py --bind 127.0.0.1:$(PORT) --workers $(WEB_CONCURRENCY) --access-logfile -

setup: $(VENV)/.base-installed static/vendor/.built var/secret_key

setup-test: setup $(VENV)/.dev-installed frontend/node_modules/.installed

migrate: setup
	$(MANAGE) migrate --noinput

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.base-installed: requirements/base.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt requirements/base.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements/base.txt -r requirements/dev.txt
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.built: frontend/node_modules/.installed frontend/build.mjs frontend/subset_fonts.py | $(VENV)/.base-installed
	node frontend/build.mjs

var/secret_key: | $(VENV)/.base-installed
	$(PY) -c "from pathlib import Path; from config.env import local_secret_key; local_secret_key(Path('var/secret_key'))"

lint: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: setup-test
	$(VENV)/bin/mypy .

# Re-pin the dependencies after editing requirements/*.in.
lock: setup-test
	$(PY) -m pip install --quiet pip-tools
	cd requirements && ../$(VENV)/bin/pip-compile -q --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o base.txt base.in
	cd requirements && ../$(VENV)/bin/pip-compile -q --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o dev.txt dev.in

# Refresh the translation catalogues after changing strings; commit locale/ with the change.
messages: setup
	$(MANAGE) makemessages --all --no-obsolete --no-location --ignore=frontend/node_modules --ignore=.venv --ignore=var
	$(MANAGE) compilemessages --ignore=.venv

# Back up the database (SQLite or PostgreSQL, whichever DATABASE_URL names) to var/backups/, or to FILE=…;
# restore replaces the database's content with FILE.
backup: setup
	$(MANAGE) backup_database $(FILE)

restore: setup
	@test -n "$(FILE)" || (echo "Name the backup: make restore FILE=var/backups/…" && exit 2)
	$(MANAGE) restore_database $(FILE)

# Write docs/openapi.json again after changing the API; a test fails while the copy differs.
openapi: setup
	$(MANAGE) export_openapi

clean:
	rm -rf $(VENV) frontend/node_modules static/vendor var/staticfiles
