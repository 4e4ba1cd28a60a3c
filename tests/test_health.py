"""/healthz: 200 when the database and cache answer, degraded without the cache, 503 without the database."""
import pytest
from django.core.cache.backends.redis import RedisCache
from django.db.utils import ConnectionHandler

from portal import health


def test_healthz_is_ok_with_database_and_cache(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok" and body["cache"] == "ok"
    assert body["broker"] in {"ok", "eager"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_with_a_reason_when_the_database_is_unreachable(client, db, monkeypatch):
    # A real connection to a port where nothing listens, not a mock.
    unreachable = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "127.0.0.1", "PORT": "9",
                     "NAME": "landa", "USER": "landa", "OPTIONS": {"connect_timeout": 1}}}
    )["default"]
    monkeypatch.setattr(health, "connection", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["database"].startswith("unreachable")


def test_healthz_is_degraded_but_200_when_the_cache_is_unreachable(client, db, monkeypatch):
    dead_cache = RedisCache("redis://127.0.0.1:9/0", {"OPTIONS": {"socket_connect_timeout": 0.5}})
    monkeypatch.setattr(health, "cache", dead_cache)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"].startswith("unreachable")


def test_healthz_is_degraded_when_the_broker_is_unreachable(client, db, monkeypatch):
    from portal.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", False)
    # Celery reads CELERY_BROKER_URL from the environment before its own configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:9/0")
    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:9/0")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["broker"].startswith("unreachable")


def test_healthz_reaches_the_real_redis_cache_and_broker(client, db, redis_cache, monkeypatch):
    from django.conf import settings

    from portal.celery import app

    broker = settings.CELERY_BROKER_URL or settings.REDIS_URL
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setenv("CELERY_BROKER_URL", broker)
    monkeypatch.setitem(app.conf, "broker_url", broker)
    body = client.get("/healthz").json()
    assert body == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_healthz_only_answers_safe_methods(client, db, method):
    assert getattr(client, method)("/healthz").status_code == 405
