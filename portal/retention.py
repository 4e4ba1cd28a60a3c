"""How long each kind of record is kept, and the daily job (Celery beat) that deletes the rest.

Nothing grows without bound: audit events (which hold invitees' e-mail addresses), invitations,
revoked or expired API tokens, django-axes' sign-in records, expired sessions. Links have their own
rule (firms.tasks.purge_expired_links); cache entries carry timeouts. Each period is a setting
(``RETENTION_*_DAYS``) and is stated in SECURITY.md and the privacy notice.
"""
from datetime import timedelta

from django.conf import settings
from django.utils import timezone


def _before(days, now):
    return now - timedelta(days=days)


def apply_retention(now=None) -> dict[str, int]:
    """Delete what is past its retention period; returns how many rows of each kind. Idempotent."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session
    from django.db.models import Q

    from firms.models import ApiToken, AuditEvent, Invitation

    now = now or timezone.now()
    deleted = {}
    deleted["audit_events"] = AuditEvent.objects.filter(
        created_at__lt=_before(settings.RETENTION_AUDIT_DAYS, now)
    ).delete()[0]
    deleted["invitations"] = Invitation.objects.filter(
        created_at__lt=_before(settings.FIRM_INVITATION_MAX_AGE_DAYS + settings.RETENTION_INVITATION_DAYS, now)
    ).delete()[0]
    ended = _before(settings.RETENTION_TOKEN_DAYS, now)
    deleted["tokens"] = ApiToken.objects.filter(Q(revoked_at__lt=ended) | Q(expires_at__lt=ended)).delete()[0]
    signins = _before(settings.RETENTION_SIGNIN_DAYS, now)
    deleted["axes"] = (
        AccessAttempt.objects.filter(attempt_time__lt=signins).delete()[0]
        + AccessLog.objects.filter(attempt_time__lt=signins).delete()[0]
        + AccessFailureLog.objects.filter(attempt_time__lt=signins).delete()[0]
    )
    deleted["sessions"] = Session.objects.filter(expire_date__lt=now).delete()[0]
    return deleted
