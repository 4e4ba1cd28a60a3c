"""Values a request asks the shared cache for many times, fetched once per request.

A guide page asks Redis for the locale map a dozen times (routing, links, blocks, counters): each ask
is a round trip and an unpickle. Within one request the answer cannot usefully change, so the first
is kept until the request ends (``request_started``/``request_finished``; one request per thread at a
time under gunicorn's threads). Outside a request nothing is kept, and :func:`forget` drops a value
when the code that changes it runs inside the request.
"""
import threading

_local = threading.local()


def start(**kwargs) -> None:
    _local.values = {}


def end(**kwargs) -> None:
    _local.values = None


def remember(key: str, compute):
    """``compute()``'s answer, asked once per request (every time outside one)."""
    values = getattr(_local, "values", None)
    if values is None:
        return compute()
    try:
        return values[key]
    except KeyError:
        value = values[key] = compute()
        return value


def forget(key: str) -> None:
    values = getattr(_local, "values", None)
    if values:
        values.pop(key, None)
