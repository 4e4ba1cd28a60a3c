"""Counting that loses nothing: checklists, outbound clicks, helpfulness and fallback reads go to Redis
counters folded into daily rows by a beat task (idempotent), or straight to the rows without Redis."""

import datetime
import time

import pytest
from django.conf import settings
from django.utils import timezone

from content import counters
from content.ops_models import CheckedLink, CounterBatch, FallbackRead, FeedbackDay, OutboundClick
from guides.models import ChecklistCount
from tests.conftest import require

SITUATION = "status=eu&permit=work&family=partner&partner=third-country&stay=long"


@pytest.fixture
def redis_counters(settings):
    require(bool(settings.REDIS_URL), "Redis for the counters (REDIS_URL)")
    settings.COUNTERS_REDIS_URL = settings.REDIS_URL
    connection = counters.redis_connection()
    for key in connection.scan_iter(f"{counters.KEY_PREFIX}:*"):
        if key.startswith((counters.COUNTS, counters.FOLDING)):
            connection.delete(key)
    return connection


def _count_a_bit(link, times):
    for _ in range(times):
        counters.count("checklist", situation=SITUATION, language="so", region="14")
        counters.count("click", link_id=link.pk, page_id=3, agency="skatteverket")
        counters.count("helpful", value="no", page_id=3)
        counters.count("fallback", page_id=3, language="ar")


def _totals(link):
    return (
        sum(
            ChecklistCount.objects.filter(situation=SITUATION, language="so", region="14").values_list(
                "count", flat=True
            )
        ),
        sum(OutboundClick.objects.filter(link=link, page_id=3, agency="skatteverket").values_list("count", flat=True)),
        sum(FeedbackDay.objects.filter(page_id=3).values_list("no", flat=True)),
        sum(FallbackRead.objects.filter(page_id=3, language="ar").values_list("count", flat=True)),
    )


def test_without_redis_each_count_is_in_its_row_at_once(db, settings):
    settings.COUNTERS_REDIS_URL = ""
    link = CheckedLink.objects.create(url="https://www.skatteverket.se/")
    _count_a_bit(link, 3)
    assert _totals(link) == (3, 3, 3, 3)
    assert counters.fold() == 0


def test_a_count_with_unknown_dimensions_is_refused(db):
    with pytest.raises(ValueError):
        counters.count("fallback", page_id=3)
    with pytest.raises(ValueError):
        counters.count("helpful", value="maybe", page_id=3)


def test_redis_counts_wait_for_the_fold_and_a_second_fold_adds_nothing(db, redis_counters):
    link = CheckedLink.objects.create(url="https://www.skatteverket.se/")
    _count_a_bit(link, 4)
    assert _totals(link) == (0, 0, 0, 0)  # in Redis, not yet in the rows
    assert counters.fold() == 16
    assert _totals(link) == (4, 4, 4, 4)
    assert counters.fold() == 0
    _count_a_bit(link, 2)
    counters.fold()
    assert _totals(link) == (6, 6, 6, 6)
    assert ChecklistCount.objects.get(situation=SITUATION).day == timezone.localdate()


def test_a_checklist_counted_before_regions_were_counted_folds_without_a_region(db, redis_counters):
    """A count waiting in Redis from before the region dimension (two values) is kept, under no region."""
    import json

    day = timezone.localdate()
    field = json.dumps(["checklist", "count", [SITUATION, "sv"]])
    redis_counters.hincrby(f"{counters.COUNTS}{day.isoformat()}", field, 3)
    assert counters.fold() == 3
    assert counters.fold() == 0
    row = ChecklistCount.objects.get(situation=SITUATION)
    assert (row.language, row.region, row.count) == ("sv", "", 3)


def test_a_fold_that_died_before_deleting_its_batch_is_not_counted_twice(db, redis_counters):
    link = CheckedLink.objects.create(url="https://www.skatteverket.se/")
    _count_a_bit(link, 5)
    day = timezone.localdate().isoformat()
    # The first steps of a fold: claim the hash, add it to the rows and record the batch ...
    redis_counters.rename(f"{counters.COUNTS}{day}", f"{counters.FOLDING}{day}:deadbeef")
    kept = redis_counters.hgetall(f"{counters.FOLDING}{day}:deadbeef")
    counters._fold_batch(redis_counters, f"{counters.FOLDING}{day}:deadbeef")
    # ... then the worker dies before the delete: the hash is still there.
    redis_counters.hset(f"{counters.FOLDING}{day}:deadbeef", mapping=kept)
    assert counters.fold() == 0
    assert _totals(link) == (5, 5, 5, 5)
    assert not list(redis_counters.scan_iter(f"{counters.FOLDING}*"))
    assert CounterBatch.objects.filter(batch="deadbeef").exists()


def test_counts_of_an_earlier_day_fold_into_that_days_rows(db, redis_counters):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    counters.count("fallback", day=yesterday, page_id=9, language="so")
    counters.fold()
    assert FallbackRead.objects.get(page_id=9).day == yesterday


def test_the_fold_runs_on_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["content-fold-counters"]
    assert entry["task"] == "content.tasks.fold_counters"
    assert 0 < entry["schedule"] <= 60 * 60


@pytest.mark.services
def test_a_stopped_worker_loses_no_count(transactional_db, redis_counters):
    """Count, fold with the real worker, stop it, count more (and queue a fold nobody runs), start it
    again: every count is in the rows, once."""
    require(bool(settings.CELERY_BROKER_URL), "A Celery broker (CELERY_BROKER_URL)")
    from celery.contrib.testing.worker import start_worker

    from content.tasks import fold_counters
    from portal.celery import app

    def wait_for(expected):
        deadline = time.monotonic() + 30
        while _totals(link) != expected and time.monotonic() < deadline:
            time.sleep(0.2)
        return _totals(link)

    link = CheckedLink.objects.create(url="https://www.skatteverket.se/")
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        app.control.purge()
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10, loglevel="WARNING"):
            _count_a_bit(link, 7)
            fold_counters.apply_async()
            assert wait_for((7, 7, 7, 7)) == (7, 7, 7, 7)
        # The worker is stopped: readers keep counting, beat keeps sending folds.
        _count_a_bit(link, 5)
        fold_counters.apply_async()
        time.sleep(1)
        assert _totals(link) == (7, 7, 7, 7)
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10, loglevel="WARNING"):
            assert wait_for((12, 12, 12, 12)) == (12, 12, 12, 12)
            fold_counters.apply_async()  # a fold too many changes nothing
            time.sleep(1)
    finally:
        app.conf.task_always_eager = eager
    assert _totals(link) == (12, 12, 12, 12)


def test_a_page_read_in_a_language_it_is_not_translated_into_is_counted_also_from_the_page_cache(
    client, untranslated_income_tax
):
    from content.models import GuidePage

    source = GuidePage.objects.get(slug="income-tax", locale__language_code="en")
    for _ in range(3):
        response = client.get("/so/arriving/income-tax/")
        assert response.status_code == 200 and "X-Landa-Count" not in response
    assert response["X-Page-Cache"] == "hit"
    client.head("/so/arriving/income-tax/")  # not a read
    client.get("/sv/arriving/income-tax/")  # translated: not a fallback read
    client.get("/en/arriving/income-tax/")
    assert list(FallbackRead.objects.values_list("page_id", "language", "count")) == [(source.pk, "so", 3)]
