"""portal/requestmemo.py: values asked for many times in one request come from the cache once."""
import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from content import navigation
from portal import requestmemo


@pytest.fixture(autouse=True)
def outside_a_request():
    requestmemo.end()
    yield
    requestmemo.end()


def counter():
    calls = []

    def compute():
        calls.append(1)
        return {"n": len(calls)}

    return calls, compute


@pytest.mark.django_db  # Django's own receivers of the request signals look at the connection
def test_inside_a_request_the_value_is_computed_once():
    calls, compute = counter()
    request_started.send(sender=None)
    assert requestmemo.remember("k", compute) == {"n": 1}
    assert requestmemo.remember("k", compute) == {"n": 1}
    assert len(calls) == 1
    request_finished.send(sender=None)
    assert requestmemo.remember("k", compute) == {"n": 2}  # the request ended: asked again
    assert requestmemo.remember("k", compute) == {"n": 3}  # and every time outside a request
    assert len(calls) == 3


def test_forget_drops_the_value_within_the_request():
    calls, compute = counter()
    requestmemo.start()
    requestmemo.remember("k", compute)
    requestmemo.forget("k")
    assert requestmemo.remember("k", compute) == {"n": 2}


@pytest.mark.django_db
def test_the_locale_map_is_read_from_the_cache_once_per_request(monkeypatch):
    navigation.forget_locales()
    reads = []
    original = cache.get

    def spy(key, *args, **kwargs):
        reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", spy)
    requestmemo.start()
    first = navigation.locale_codes()
    assert navigation.locale_codes() is first
    assert navigation.locale_id("en") is not None
    assert reads.count(navigation.LOCALES_KEY) == 1
    navigation.forget_locales()  # a change of locales inside the request is seen at once
    navigation.locale_codes()
    assert reads.count(navigation.LOCALES_KEY) == 2
