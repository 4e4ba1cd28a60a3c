"""Links (with their reference, note and tasks) are deleted a configurable time after they end."""
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from firms.models import AuditEvent, FirmTask, SharedChecklist
from firms.tasks import purge_expired_links
from tests.conftest import require
from tests.firms.factories import FirmTaskFactory, LinkFactory


def test_the_purge_runs_on_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["firms-purge-expired-links"]
    assert entry["task"] == purge_expired_links.name == "firms.tasks.purge_expired_links"
    assert 0 < entry["schedule"] <= 24 * 60 * 60


@override_settings(FIRM_LINK_RETENTION_DAYS=30)
def test_the_purge_deletes_links_past_retention_with_their_reference_note_and_tasks_and_is_idempotent(db):
    now = timezone.now()
    old = LinkFactory(expires_at=now - timedelta(days=31), reference="CASE-OLD", note="private note")
    FirmTaskFactory(link=old)
    old_revoked = LinkFactory(revoked_at=now - timedelta(days=40))
    recent = LinkFactory(expires_at=now - timedelta(days=5))
    live = LinkFactory()

    assert purge_expired_links.delay().get() == 2
    assert set(SharedChecklist.objects.all()) == {recent, live}
    assert not SharedChecklist.objects.filter(reference="CASE-OLD").exists()
    assert not FirmTask.objects.filter(link_id=old.pk).exists()
    deleted = AuditEvent.objects.filter(action=AuditEvent.LINK_DELETED)
    assert set(deleted.values_list("target", flat=True)) == {old.code, old_revoked.code}
    # A second run finds nothing more and changes nothing.
    assert purge_expired_links.delay().get() == 0
    assert SharedChecklist.objects.count() == 2


@override_settings(FIRM_LINK_RETENTION_DAYS=0)
def test_a_deleted_link_is_a_404_not_a_410(client, db):
    link = LinkFactory(expires_at=timezone.now() - timedelta(seconds=5))
    assert client.get(f"/en/c/{link.code}").status_code == 410
    purge_expired_links.delay().get()
    assert client.get(f"/en/c/{link.code}").status_code == 404


@pytest.mark.services
@override_settings(FIRM_LINK_RETENTION_DAYS=30)
def test_a_real_celery_worker_purges_through_the_redis_broker(transactional_db):
    """The task as beat would send it: through the real broker to an in-process worker on the test DB."""
    require(bool(settings.CELERY_BROKER_URL), "A Celery broker (CELERY_BROKER_URL)")
    from celery.contrib.testing.worker import start_worker

    from portal.celery import app

    old = LinkFactory(expires_at=timezone.now() - timedelta(days=60))
    keep = LinkFactory()
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10, loglevel="WARNING"):
            purge_expired_links.apply_async()
            deadline = time.monotonic() + 30
            while SharedChecklist.objects.filter(pk=old.pk).exists() and time.monotonic() < deadline:
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = eager
    assert not SharedChecklist.objects.filter(pk=old.pk).exists()
    assert SharedChecklist.objects.filter(pk=keep.pk).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.LINK_DELETED, target=old.code).count() == 1
