# Landa — the two commands of the quick start are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test install install-dev migrate messages compile-messages demo lint format ci check-compose bench bench-site clean backup restore

## make run: install, migrate, compile messages, load the demo content, serve on 127.0.0.1:$(PORT)
run: install migrate compile-messages demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## make test: the whole test suite (browser and service tests skip here unless REQUIRE_SERVICES=1);
## PYTEST_WORKERS=2 runs it in two processes (pytest-xdist), as CI does
PYTEST_WORKERS ?=
test: install-dev compile-messages
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/pytest $(if $(PYTEST_WORKERS),-n $(PYTEST_WORKERS)) $(PYTEST_ARGS)

# uv (from PyPI, into the venv) installs the dependencies in about a quarter of pip's time; where it
# cannot be had, pip does it.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv || $(BIN)/python -m pip install --quiet --upgrade pip

PIP_INSTALL = $(if $(wildcard $(BIN)/uv),$(BIN)/uv pip install --quiet --python $(BIN)/python,$(BIN)/python -m pip install --quiet)

# Dependencies come from pyproject.toml; a stamp per extra keeps a second run fast.
$(VENV)/.stamp-run: pyproject.toml | $(BIN)/python
	$(BIN)/python scripts/requirements.py > $(VENV)/requirements.txt
	$(PIP_INSTALL) -r $(VENV)/requirements.txt
	touch $@

$(VENV)/.stamp-dev: pyproject.toml $(VENV)/.stamp-run
	$(BIN)/python scripts/requirements.py dev > $(VENV)/requirements-dev.txt
	$(PIP_INSTALL) -r $(VENV)/requirements-dev.txt
	touch $@

install: $(VENV)/.stamp-run
install-dev: $(VENV)/.stamp-dev

migrate: install
	$(MANAGE) migrate --noinput -v0

compile-messages: install
	$(MANAGE) compile_locale

## make messages: collect new strings into locale/*/LC_MESSAGES/django.po (needs GNU gettext)
messages: install
	$(MANAGE) makemessages -l sv -l ar -l so --no-location --ignore=.venv --ignore=staticfiles

demo: install migrate
	$(MANAGE) load_demo
	$(MANAGE) load_tasks

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check . || true

check-compose: install-dev
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

bench: install-dev
	$(BIN)/python bench/checklist.py

## make bench-site: the public site as deployed (gunicorn, PostgreSQL, Redis, Varnish) against nginx
## serving a static copy; needs DATABASE_URL, REDIS_URL, CELERY_BROKER_URL and wrk, nginx, varnish
bench-site: install-dev compile-messages
	$(BIN)/python bench/site.py $(BENCH_ARGS)

ci:
	bash .ci/run

BACKUP_DIR ?= backups
MEDIA_DIR ?= media
## make backup: the database (pg_dump, custom format) and uploaded media into $(BACKUP_DIR)
backup:
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL to the PostgreSQL database to back up."; exit 1; }
	mkdir -p "$(BACKUP_DIR)" "$(MEDIA_DIR)"
	pg_dump --format=custom --no-owner --no-privileges --file="$(BACKUP_DIR)/landa.dump" "$(DATABASE_URL)"
	tar -czf "$(BACKUP_DIR)/media.tar.gz" -C "$(MEDIA_DIR)" .

## make restore: $(BACKUP_DIR) into the database at DATABASE_URL (empty or not: objects are replaced) and $(MEDIA_DIR)
restore:
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL to the PostgreSQL database to restore into."; exit 1; }
	pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --dbname="$(DATABASE_URL)" \
		"$(BACKUP_DIR)/landa.dump"
	mkdir -p "$(MEDIA_DIR)"
	tar -xzf "$(BACKUP_DIR)/media.tar.gz" -C "$(MEDIA_DIR)"

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
