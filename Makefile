# Podium: `make run` for a first look, `make test` for the suite. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_VERSION := $(shell cat .python-version)
# pyenv resolves "3.13" to the newest installed 3.13.x; without pyenv, python3.13 on PATH.
BASE_PYTHON ?= $(shell (pyenv which python$(PYTHON_VERSION) 2>/dev/null || command -v python$(PYTHON_VERSION)) | head -n 1)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
DEV_ENV := DEBUG=1
CHROMIUM := /usr/bin/chromium
# `make run PORT=8123` serves on another port; the links load_demo prints, and those in the
# e-mails the portal sends in the background, follow it (SITE_ROOT, unless set already).
PORT ?= 8000
SITE_ROOT ?= http://127.0.0.1:$(PORT)
# pytest-xdist: one worker per core (the CI machine has two).
PYTEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: help setup run test e2e check lint format messages bench clean system-deps

help:
	@echo "make run    – set up, migrate, load content and demo data, serve on http://127.0.0.1:8000 (PORT=8123: another port)"
	@echo "make test   – set up and run the whole test suite (DATABASE_URL picks the database)"
	@echo "make e2e    – the real-browser suite (Chromium + axe-core)"
	@echo "make check  – ruff, migrations, translations, check --deploy"
	@echo "make messages – extract strings into the nl catalogue"

# WeasyPrint (the PDF report of a gesprek) needs Pango and a font from the system.
WEASYPRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core

system-deps:
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext >/dev/null; }
	@dpkg -s $(WEASYPRINT_DEBS) >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $(WEASYPRINT_DEBS) >/dev/null; }

$(VENV)/.installed: pyproject.toml
	@test -n "$(BASE_PYTHON)" || { echo "Python $(PYTHON_VERSION) not found (pyenv install $(PYTHON_VERSION))"; exit 1; }
	test -x $(PY) || $(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet -e . --group test
	touch $@

setup: system-deps $(VENV)/.installed
	$(DEV_ENV) $(MANAGE) compilemessages --ignore=$(VENV) -v 0
	$(DEV_ENV) $(MANAGE) collectstatic --no-input -v 0

run: setup
	$(DEV_ENV) $(MANAGE) migrate --no-input
	$(DEV_ENV) $(MANAGE) createcachetable
	$(DEV_ENV) SITE_ROOT=$(SITE_ROOT) $(MANAGE) load_demo
	$(DEV_ENV) SITE_ROOT=$(SITE_ROOT) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup
	$(DEV_ENV) $(VENV)/bin/pytest -q -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

e2e: setup
	@test -x $(CHROMIUM) || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	$(DEV_ENV) DJANGO_ALLOW_ASYNC_UNSAFE=1 $(VENV)/bin/pytest -q tests/e2e -o addopts="--strict-markers -p no:cacheprovider" $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: setup
	$(DEV_ENV) $(MANAGE) makemessages -l nl --no-location --no-obsolete --ignore=$(VENV) --ignore=tests --ignore=staticfiles
	$(DEV_ENV) $(MANAGE) compilemessages --ignore=$(VENV) -v 0
	$(DEV_ENV) $(MANAGE) collectstatic --no-input -v 0

check: lint
	$(DEV_ENV) $(MANAGE) makemigrations --check --dry-run
	$(DEV_ENV) $(MANAGE) check_translations
	DEBUG=0 SECRET_KEY=check-deploy-$$RANDOM-$$RANDOM-a-long-random-production-like-secret-key \
		ALLOWED_HOSTS=podium.example.nl $(MANAGE) check --deploy --fail-level WARNING

bench: setup
	$(DEV_ENV) $(PY) -m podium.bench

clean:
	rm -rf $(VENV) staticfiles db.sqlite3*
