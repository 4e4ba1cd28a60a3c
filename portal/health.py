"""``/healthz``: is the site able to serve?

The database is essential (503 without it). The cache and the broker are not: the site serves from
the database without Redis and queues nothing without a broker, so either being down is reported as
``degraded`` with a 200, so a load balancer keeps the instance in rotation.
"""
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from kombu import Connection


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means unreachable
        return f"unreachable: {type(exc).__name__}"
    return "ok"


def check_cache() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=5)
        value = cache.get(key)
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        return f"unreachable: {type(exc).__name__}"
    # django-redis with IGNORE_EXCEPTIONS swallows errors: a lost write shows as a miss.
    return "ok" if value == "1" else "unreachable"


def check_broker() -> str:
    from portal.celery import app

    if app.conf.task_always_eager:
        return "eager"
    try:
        # A fresh connection, not the pool: the question is whether the broker answers now.
        with Connection(app.conf.broker_url, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # noqa: BLE001
        return f"unreachable: {type(exc).__name__}"
    return "ok"


@require_safe
@never_cache
def healthz(request):
    report = {"database": check_database(), "cache": check_cache(), "broker": check_broker()}
    if report["database"] != "ok":
        status, code = "down", 503
    elif report["cache"] != "ok" or report["broker"] not in {"ok", "eager"}:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, **report}, status=code)
