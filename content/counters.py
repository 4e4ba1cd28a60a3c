"""Anonymous daily counters that lose nothing: checklists made, outbound clicks, helpfulness, fallback reads.

A count is one ``HINCRBY`` on today's Redis hash (``landa:counts:<day>``), so a request never waits
for a database row lock. A beat task (:func:`fold`) folds the hashes into daily database rows:

1. it claims each hash by renaming it to ``landa:fold:<day>:<batch>`` (atomic: new counts go to a
   fresh hash, none is read twice or missed);
2. it adds a claimed hash to the rows and records its batch id in :class:`CounterBatch` in one
   transaction, then deletes the hash. A fold that dies before the delete leaves the hash; the next
   fold finds its batch id already recorded and only deletes it. Running the task twice, or two
   workers at once, therefore never counts anything twice.

The hashes carry no expiry (Redis's ``volatile-lru`` never evicts them) and stay in Redis while the
worker is stopped; the next fold after it starts takes them all. Without Redis (the embedded
default), or when Redis does not answer, a count is an upsert of its row at once. Nothing is held in a
process's memory.

Each kind of count is registered by the app that owns its model (``register``): ``content`` never
imports ``guides``, so the checklist count registers itself from ``guides``.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import json
import logging
import uuid
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from content.ops_models import CounterBatch

log = logging.getLogger(__name__)

#: "landa" in production; under ``pytest -n`` each worker counts under its own (portal/settings/test.py).
KEY_PREFIX = getattr(settings, "COUNTERS_KEY_PREFIX", "landa")
COUNTS = f"{KEY_PREFIX}:counts:"
FOLDING = f"{KEY_PREFIX}:fold:"


@dataclass(frozen=True)
class Kind:
    model: str  # "app_label.ModelName": a model with a ``day`` field and these dimensions
    dimensions: tuple[str, ...]
    values: tuple[str, ...] = ("count",)


KINDS: dict[str, Kind] = {}


def dimensions_of(kind: Kind, values: list) -> dict:
    """The dimensions of a stored count. A count made before a dimension was added (still in Redis, or
    marked on a page in the origin cache) has fewer values: the missing ones are empty, never an error."""
    values = list(values)[: len(kind.dimensions)]
    values += [""] * (len(kind.dimensions) - len(values))
    return dict(zip(kind.dimensions, values, strict=True))


def register(name: str, model: str, dimensions: tuple[str, ...], values: tuple[str, ...] = ("count",)) -> None:
    KINDS[name] = Kind(model, dimensions, values)


register("click", "content.OutboundClick", ("link_id", "page_id", "agency"))
register("helpful", "content.FeedbackDay", ("page_id",), ("yes", "no"))
register("fallback", "content.FallbackRead", ("page_id", "language"))


def redis_connection():
    """The Redis of the counters (``COUNTERS_REDIS_URL``, by default the cache's), or None."""
    url = getattr(settings, "COUNTERS_REDIS_URL", "")
    return _client(url) if url else None


@functools.cache
def _client(url):
    """One client (and connection pool) per process and address, not a new connection per count."""
    import redis

    return redis.Redis.from_url(
        url,
        socket_connect_timeout=settings.REDIS_SOCKET_CONNECT_TIMEOUT,
        socket_timeout=settings.REDIS_SOCKET_TIMEOUT,
        decode_responses=True,
    )


def count(name: str, value: str = "count", day=None, **dimensions) -> None:
    """Add one to today's count of ``name`` for these dimensions (its ``value`` column, e.g. yes or no)."""
    kind = KINDS[name]
    if value not in kind.values or set(dimensions) != set(kind.dimensions):
        raise ValueError(f"{name}: {value} {sorted(dimensions)}")
    day = day or timezone.localdate()
    connection = redis_connection()
    if connection is not None:
        field = json.dumps([name, value, [dimensions[d] for d in kind.dimensions]], ensure_ascii=False)
        try:
            connection.hincrby(f"{COUNTS}{day.isoformat()}", field, 1)
            return
        except Exception:  # noqa: BLE001 - Redis down: the database row, at once
            log.warning("counter %s not in Redis; written to the database", name, exc_info=True)
    add(name, day, dimensions, {value: 1})


HEADER = "X-Landa-Count"


def mark(response, name: str, value: str = "count", **dimensions) -> None:
    """Count ``name`` each time this response is served to a GET (see :class:`CountMiddleware`)."""
    kind = KINDS[name]
    response[HEADER] = json.dumps([name, value, [dimensions[d] for d in kind.dimensions]])


def count_page(request, name: str, value: str = "count", **dimensions) -> None:
    """The same for a Wagtail page (its TemplateResponse is marked on its way out)."""
    kind = KINDS[name]
    request.landa_count = json.dumps([name, value, [dimensions[d] for d in kind.dimensions]])


class CountMiddleware:
    """Counts the responses marked with ``X-Landa-Count`` on each GET that serves them, and removes the mark.

    Placed outside the origin page cache, so a page served from that cache is counted too (the mark is
    stored with it). Responses served by Varnish without asking the origin are not seen here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        spec = response.get(HEADER)
        if spec:
            del response[HEADER]
        if spec and request.method == "GET" and response.status_code == 200:
            try:
                name, value, values = json.loads(spec)
                count(name, value, **dimensions_of(KINDS[name], values))
            except Exception:  # noqa: BLE001 - a count must never fail a reader's page
                log.exception("counter %s not counted", spec)
        return response

    def process_template_response(self, request, response):
        spec = getattr(request, "landa_count", None)
        if spec:
            response[HEADER] = spec
        return response


def add(name: str, day, dimensions: dict, increments: dict) -> None:
    """Add to a day's row, creating it when missing; safe when two writers race to create it."""
    model = apps.get_model(KINDS[name].model)
    rows = model.objects.filter(day=day, **dimensions)
    changes = {column: F(column) + n for column, n in increments.items()}
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(day=day, **dimensions, **increments)
    except IntegrityError:
        rows.update(**changes)


def fold(connection=None) -> int:
    """Fold every count waiting in Redis into the daily rows; returns how many counts were added."""
    connection = connection or redis_connection()
    if connection is None:
        return 0
    from redis.exceptions import ResponseError

    for key in list(connection.scan_iter(f"{COUNTS}*")):
        day = key.removeprefix(COUNTS)
        with contextlib.suppress(ResponseError):  # "no such key": another fold claimed it first
            connection.rename(key, f"{FOLDING}{day}:{uuid.uuid4().hex}")
    added = 0
    for key in list(connection.scan_iter(f"{FOLDING}*")):
        added += _fold_batch(connection, key)
    CounterBatch.forget_old()
    return added


def _fold_batch(connection, key: str) -> int:
    day, batch = key.removeprefix(FOLDING).split(":")
    day = datetime.date.fromisoformat(day)
    counts = connection.hgetall(key)
    added = 0
    try:
        with transaction.atomic():
            CounterBatch.objects.create(batch=batch, day=day)
            for field, n in counts.items():
                name, value, values = json.loads(field)
                kind = KINDS.get(name)
                if kind is None:
                    log.error("unknown counter %s in %s: kept out of the rows", name, key)
                    continue
                add(name, day, dimensions_of(kind, values), {value: int(n)})
                added += int(n)
    except IntegrityError:
        added = 0  # an earlier fold added this batch and died before deleting it
    connection.delete(key)
    return added
