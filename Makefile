# Two commands: `make run` sets everything up and serves the site; `make test` runs the suite.
# PYTHON=/path/to/python3.12 overrides the interpreter search.

VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The first interpreter that really runs and is 3.12 or newer: pyenv shims exist for
# versions that are not selected, so each candidate is run, not just looked up.
PYTHON ?= $(shell for c in python3.14 python3.13 python3.12 python3 python \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	command -v $$c >/dev/null 2>&1 || [ -x "$$c" ] || continue; \
	$$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { command -v $$c || echo $$c; } && break; \
	done)

.PHONY: run test lint install install-test editor-password clean

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python 3.12 or newer found (Django 6 needs it). Install one, or run: make PYTHON=/path/to/python3.12 $(MAKECMDGOALS)" >&2; \
		exit 1; \
	fi
	@echo "Creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/python manage.py prepare_site seeds --results $(wildcard data/*.csv)
	$(BIN)/python manage.py runserver --skip-checks $(HOST):$(PORT)

test: install-test
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check .

editor-password: install
	$(BIN)/python manage.py ensure_editor --reset-password

clean:
	rm -rf $(VENV) staticfiles test-artefacts
