"""Tests: the same services switch as everywhere (DATABASE_URL, REDIS_URL), plus speed-ups.

REQUIRE_SERVICES=1 (set by .ci/run) makes service and browser tests fail, not skip, when PostgreSQL,
Redis or Chromium is missing.
"""
import os

from .base import *  # noqa: F403
from .base import env_bool

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
REQUIRE_SERVICES = env_bool("REQUIRE_SERVICES", False)
# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Tasks run in-process unless a test starts a real worker (tests/conftest.py: celery_worker).
CELERY_TASK_ALWAYS_EAGER = True

# Counts go straight to their rows in tests (they read them after the request); the counter tests
# (tests/content/test_counters.py) switch to the Redis counters and the fold themselves.
COUNTERS_REDIS_URL = os.environ.get("COUNTERS_REDIS_URL", "")

# A test database never has to survive a crash: PostgreSQL need not wait for the WAL to reach the disk
# on each commit (the live server, transactional tests and their flushes commit often).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405

# pytest -n (pytest-xdist): the workers share REDIS_URL, so each caches under its own prefix and clears
# only that (tests/cache.py); each has its own test database already (pytest-django adds _gw0, _gw1).
# The same goes for the Redis counters (content.counters) and the Celery queue a test's real worker
# consumes: the other worker's test would fold its counts or run its tasks.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER and REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"landa-{XDIST_WORKER}"  # noqa: F405
    CACHES["default"]["OPTIONS"]["CLIENT_CLASS"] = "tests.cache.WorkerClient"  # noqa: F405
if XDIST_WORKER:
    COUNTERS_KEY_PREFIX = f"landa-{XDIST_WORKER}"
    CELERY_TASK_DEFAULT_QUEUE = f"celery-{XDIST_WORKER}"
