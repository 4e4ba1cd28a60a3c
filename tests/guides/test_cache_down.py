"""Redis down: the checklist keeps this process's copy of the task catalogue for a bounded time
instead of rebuilding it from the database on every request."""
import pytest
from django.core.cache import cache as working_cache
from django_redis.cache import RedisCache

from guides import checklist
from portal import cachestate


def _dead_redis():
    """A django-redis cache on a port where nothing listens, configured as production's."""
    return RedisCache(
        "redis://127.0.0.1:9/0",
        {"OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2}},
    )


@pytest.fixture
def loaded(db):
    from django.core.management import call_command

    working_cache.clear()
    checklist.forget_catalogue()
    call_command("load_tasks", verbosity=0)
    checklist.catalogue()  # this process's copy, made while the cache worked
    yield
    checklist.forget_catalogue()
    cachestate._answers.clear()


def test_with_the_cache_unreachable_the_process_copy_is_used_not_rebuilt(loaded, monkeypatch):
    built = []
    real_build = checklist._build_catalogue
    monkeypatch.setattr(checklist, "_build_catalogue", lambda: built.append(1) or real_build())
    monkeypatch.setattr(checklist, "cache", _dead_redis())
    mine = checklist._local["catalogue"]
    for _ in range(5):
        assert checklist.catalogue() is mine
    assert built == []


def test_the_copy_is_kept_only_for_a_bounded_time(loaded, monkeypatch):
    built = []
    real_build = checklist._build_catalogue
    monkeypatch.setattr(checklist, "_build_catalogue", lambda: built.append(1) or real_build())
    monkeypatch.setattr(checklist, "cache", _dead_redis())
    checklist._local["catalogue_at"] -= checklist.LOCAL_FALLBACK_SECONDS + 1
    checklist.catalogue()
    assert built == [1]
    # The rebuilt copy then serves again while the cache stays down.
    checklist.catalogue()
    assert built == [1]


def test_a_working_cache_that_lost_the_generation_still_rebuilds(loaded, monkeypatch):
    """An edit deletes the generation: with the cache answering, the copy must not hide the edit."""
    built = []
    real_build = checklist._build_catalogue
    monkeypatch.setattr(checklist, "_build_catalogue", lambda: built.append(1) or real_build())
    working_cache.delete(checklist.GENERATION_KEY)
    checklist.catalogue()
    assert built == [1]


def test_the_checklist_page_is_served_with_redis_down(loaded, client, monkeypatch):
    monkeypatch.setattr(checklist, "cache", _dead_redis())
    response = client.get("/en/checklist/?status=eu&permit=work&family=alone&stay=long")
    assert response.status_code == 200


def test_redis_socket_timeouts_are_short(settings):
    from portal.settings import base

    assert base.REDIS_SOCKET_TIMEOUT <= 0.5 and base.REDIS_SOCKET_CONNECT_TIMEOUT <= 0.5
    if settings.REDIS_URL:
        options = settings.CACHES["default"]["OPTIONS"]
        assert options["SOCKET_TIMEOUT"] <= 0.5 and options["SOCKET_CONNECT_TIMEOUT"] <= 0.5
