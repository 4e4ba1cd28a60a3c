"""Each environment's settings load, and environment variables alone switch the services."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'db': settings.DATABASES['default']['ENGINE'],"
    " 'cache': settings.CACHES['default']['BACKEND'], 'eager': settings.CELERY_TASK_ALWAYS_EAGER,"
    " 'debug': settings.DEBUG, 'languages': [c for c, _ in settings.LANGUAGES]}))"
)
STRONG_KEY = "k3y-for-tests-only-" + "abcdefghijklmnopqrstuvwxyz0123456789"
SERVICE_VARS = ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_SECRET_KEY", "DJANGO_DEBUG")


def load(module: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARS}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


def settings_of(module: str, **env: str) -> dict:
    result = load(module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["portal.settings.dev", "portal.settings.test"])
def test_with_no_environment_the_embedded_default_is_sqlite_locmem_and_eager_celery(module):
    loaded = settings_of(module)
    assert loaded["db"] == "django.db.backends.sqlite3"
    assert loaded["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert loaded["eager"] is True
    assert loaded["languages"] == ["en", "sv", "ar", "so"]


def test_environment_variables_switch_to_postgresql_redis_and_a_real_worker():
    loaded = settings_of(
        "portal.settings.dev",
        DATABASE_URL="postgres://landa@127.0.0.1:5432/landa",
        REDIS_URL="redis://127.0.0.1:6379/1",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/2",
    )
    assert loaded["db"] == "django.db.backends.postgresql"
    assert loaded["cache"] == "django_redis.cache.RedisCache"
    assert loaded["eager"] is False


def test_the_site_a_newcomer_runs_shows_real_error_pages_not_the_debug_page():
    assert settings_of("portal.settings.dev")["debug"] is False


def test_production_refuses_to_start_without_its_secret_and_services():
    result = load("portal.settings.production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_sqlite():
    result = load("portal.settings.production", DJANGO_SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_production_loads_with_its_services():
    loaded = settings_of(
        "portal.settings.production",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DATABASE_URL="postgres://landa@db:5432/landa",
        REDIS_URL="redis://redis:6379/0",
        CELERY_BROKER_URL="redis://redis:6379/1",
    )
    assert loaded == {
        "db": "django.db.backends.postgresql",
        "cache": "django_redis.cache.RedisCache",
        "eager": False,
        "debug": False,
        "languages": ["en", "sv", "ar", "so"],
    }
