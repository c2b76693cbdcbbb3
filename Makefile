# The two commands: `make run` (set up, demo data, serve) and `make test` (set up, whole suite).
# Everything a fresh machine needs beyond python3, pip and make is installed from here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
# A PostgreSQL server of our own on a spare port, for `make test-postgres`.
PGPORT ?= 55432
# Outside the checkout: the server runs as the postgres user, who may not be able to reach
# a checkout under root's home.
PGDATA := /tmp/openimr-pgdata-$(PGPORT)
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test test-postgres lint fmt bench demo migrate system-deps postgres clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/dev-lock.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev-lock.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Debian packages the browser and PostgreSQL tests need; installed only when missing.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  echo "installing chromium and postgresql from Debian"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql >/dev/null; \
	fi

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/openimr demo

run: demo
	@echo ""
	@echo "openimr is starting at http://$(HOST):$(PORT)/"
	@echo "  demo logins: staff / staff-demo-password   (intake and case staff)"
	@echo "               admin / admin-demo-password   (administrator)"
	@echo "               reviewer / reviewer-demo-password   (reviewer: case CM17-0600001 in review, its own items)"
	@echo "               reviewer2 / reviewer2-demo-password   (second reviewer of CM17-0600001: the other items)"
	@echo "               qa / qa-demo-password   (QA physician: case CM17-0600002 waiting in QA)"
	@echo "  public search: http://$(HOST):$(PORT)/decisions/ (the demo's letters and 2,000 generated ones)"
	@echo "  second factor: after the password, enter the code that"
	@echo "               $(BIN)/openimr demo --code USER   prints (or add the keys above to an authenticator app)"
	@echo "  a background worker reads the text of uploaded records (stopped with the server)"
	@echo ""
	bash scripts/run.sh $(BIN) $(HOST) $(PORT)

test: $(STAMP) system-deps
	$(BIN)/pytest -q -p no:cacheprovider

# The database tests again, on PostgreSQL: a throwaway cluster under var/, run as the
# postgres user because the server refuses to run as root. Only tests that use the database.
postgres: system-deps
	@bash scripts/postgres-start.sh "$(PGDATA)" "$(PGPORT)"

test-postgres: $(STAMP) postgres
	DATABASE_URL=postgres://openimr:openimr@127.0.0.1:$(PGPORT)/openimr \
	  $(BIN)/pytest -q -p no:cacheprovider -m django_db

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
	$(BIN)/python bench/matching.py
	$(BIN)/python bench/summary_drafter.py
	$(BIN)/python bench/corpus.py --count 200000
	$(BIN)/python bench/parser_fields.py
	$(BIN)/python bench/ingest.py --pdfs 200 --texts 2000 --workers 1
	$(BIN)/python bench/search.py --count 100000
	$(BIN)/python bench/sandbox.py
	$(BIN)/python bench/audit_chain.py --events 100000
# The issue-scale runs take tens of minutes each; run them on a quiet machine:
#   bench/search.py (1,000,000 decisions), bench/load.py (100k cases, 1M decisions, 300 s)

clean:
	rm -rf $(VENV) var test-artifacts
