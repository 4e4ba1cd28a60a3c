"""Each kind of record has a retention rule, applied daily by Celery beat, idempotently."""
from datetime import timedelta

from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from firms.models import AuditEvent, Invitation
from portal.retention import apply_retention
from portal.tasks import apply_retention as retention_task
from tests.firms.factories import FirmFactory, token_for


def test_the_retention_job_is_on_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["portal-apply-retention"]
    assert entry["task"] == retention_task.name
    assert 0 < entry["schedule"] <= 24 * 60 * 60


def test_old_records_go_and_recent_ones_stay(db):
    now = timezone.now()
    firm = FirmFactory()
    old_event = AuditEvent.record(firm, AuditEvent.INVITATION_SENT, "old@example.com")
    long_ago = now - timedelta(days=settings.RETENTION_AUDIT_DAYS + 1)
    AuditEvent.objects.filter(pk=old_event.pk).update(created_at=long_ago)
    new_event = AuditEvent.record(firm, AuditEvent.INVITATION_SENT, "new@example.com")
    old_invitation = Invitation.objects.create(firm=firm, email="old@example.com")
    Invitation.objects.filter(pk=old_invitation.pk).update(created_at=now - timedelta(days=400))
    new_invitation = Invitation.objects.create(firm=firm, email="new@example.com")
    revoked, _ = token_for(firm, name="old")
    revoked.revoked_at = now - timedelta(days=settings.RETENTION_TOKEN_DAYS + 1)
    revoked.save()
    live, _ = token_for(firm, name="live")
    AccessAttempt.objects.create(
        username="x", ip_address="203.0.113.1", user_agent="ua", failures_since_start=1, get_data="", post_data="",
        http_accept="", path_info="/", attempt_time=now - timedelta(days=settings.RETENTION_SIGNIN_DAYS + 1),
    )
    AccessLog.objects.create(
        username="x", ip_address="203.0.113.1", user_agent="ua", http_accept="", path_info="/",
        attempt_time=now - timedelta(days=settings.RETENTION_SIGNIN_DAYS + 1),
    )
    signins_ago = now - timedelta(days=settings.RETENTION_SIGNIN_DAYS + 1)
    AccessAttempt.objects.update(attempt_time=signins_ago)  # attempt_time is auto_now_add
    AccessLog.objects.update(attempt_time=signins_ago)
    Session.objects.create(session_key="expired" + "x" * 20, session_data="", expire_date=now - timedelta(days=1))
    Session.objects.create(session_key="current" + "x" * 20, session_data="", expire_date=now + timedelta(days=1))

    deleted = apply_retention(now)
    assert deleted["audit_events"] == 1 and deleted["invitations"] == 1 and deleted["tokens"] == 1
    assert deleted["axes"] == 2 and deleted["sessions"] == 1
    assert list(AuditEvent.objects.filter(firm=firm)) == [new_event]
    assert list(Invitation.objects.filter(firm=firm)) == [new_invitation]
    assert list(firm.tokens.all()) == [live]
    assert Session.objects.filter(session_key__startswith="current").exists()
    assert apply_retention(now) == {"audit_events": 0, "invitations": 0, "tokens": 0, "axes": 0, "sessions": 0}
