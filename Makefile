# The two commands: `make run` (set up, demo data, serve) and `make test` (set up, whole suite).
# Everything a fresh machine needs beyond python3, pip and make is installed from here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test lint fmt bench demo migrate clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/dev-lock.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev-lock.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/openimr demo

run: demo
	@echo ""
	@echo "openimr is starting at http://$(HOST):$(PORT)/"
	@echo "  demo logins: staff / staff-demo-password   (intake and case staff)"
	@echo "               admin / admin-demo-password   (administrator)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy openimr config
	$(BIN)/python manage.py makemigrations --check --dry-run

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/letters.py

clean:
	rm -rf $(VENV) var
