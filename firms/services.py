"""What staff (workspace) and firms' systems (API) do to links: one implementation for both.

Every create, edit, extend, expire and revoke is recorded in the firm's audit log here, so no
entry point can forget it.
"""
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from firms import checklist
from firms.models import ApiToken, AuditEvent, FirmTask, SharedChecklist


def validate_link_expiry(day):
    """Refuse a day that cannot be a link's last day, in the active language.

    One rule for the workspace form and the API serializer: a Django validator, which DRF runs too.
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    today = timezone.localdate()
    if day < today:
        raise ValidationError(_("The date must not be in the past."))
    if (day - today).days > settings.FIRM_LINK_MAX_DAYS:
        raise ValidationError(
            _("A link can last at most %(days)s days.") % {"days": settings.FIRM_LINK_MAX_DAYS}
        )


def expiry_bounds(now=None):
    now = now or timezone.now()
    return now, now + timedelta(days=settings.FIRM_LINK_MAX_DAYS)


@transaction.atomic
def create_link(*, firm, situation, language, reference="", note="", tasks=(), expires_at=None, actor=None, token=None):
    """A new link. ``situation`` is a parsed Situation (see firms.checklist.parse)."""
    link = SharedChecklist.objects.create(
        firm=firm,
        situation=situation.as_query(),
        arrival=situation.arrival,
        municipality=situation.municipality or "",
        language=language,
        reference=reference,
        note=note,
        rules_version=checklist.rules_version(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=expires_at or SharedChecklist.default_expiry(arrival=situation.arrival),
    )
    _save_tasks(link, tasks)
    AuditEvent.record(firm, AuditEvent.LINK_CREATED, link.code, actor=actor, token=token)
    return link


@transaction.atomic
def update_link(link, *, situation, language, reference, note, tasks, expires_at, actor=None):
    before = _editable(link)
    link.situation = situation.as_query()
    link.arrival = situation.arrival
    link.municipality = situation.municipality or ""
    link.language = language
    link.reference = reference
    link.note = note
    link.expires_at = expires_at
    link.rules_version = checklist.rules_version()
    link.save()
    link.tasks.all().delete()
    _save_tasks(link, tasks)
    after = _editable(link)
    changed = [field for field in after if before[field] != after[field]]
    AuditEvent.record(link.firm, AuditEvent.LINK_UPDATED, link.code, actor=actor, detail=", ".join(changed))
    return link


def _editable(link):
    """What an edit may change, to name (never show) the changed fields in the audit log."""
    return {
        "situation": link.situation,
        "language": link.language,
        "reference": link.reference,
        "note": link.note,
        "expires_at": link.expires_at,
        "tasks": [(t.title, t.phase, t.days_from_arrival) for t in link.tasks.all()],
    }


def record_read(link, *, actor=None, token=None):
    """A person or system saw the link's reference and note."""
    AuditEvent.record(link.firm, AuditEvent.LINK_READ, link.code, actor=actor, token=token)


def revoke_tokens_of(user, firm, *, actor=None):
    """A member leaves: the API tokens they created stop working with them."""
    now = timezone.now()
    for token in ApiToken.objects.filter(firm=firm, created_by=user, revoked_at__isnull=True):
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        AuditEvent.record(firm, AuditEvent.TOKEN_REVOKED, token.name, actor=actor, token=token,
                          detail="creator left the firm")


@transaction.atomic
def remove_member(member, *, actor):
    """Remove a member: their account is closed, their tokens revoked, all in the audit log."""
    user, firm = member.user, member.firm
    revoke_tokens_of(user, firm, actor=actor)
    member.delete()
    user.is_active = False
    user.save(update_fields=["is_active"])
    AuditEvent.record(firm, AuditEvent.MEMBER_REMOVED, user.get_username(), actor=actor)


@transaction.atomic
def change_role(member, role, *, actor):
    old = member.role
    if old == role:
        return member
    member.role = role
    member.save(update_fields=["role"])
    AuditEvent.record(member.firm, AuditEvent.MEMBER_ROLE_CHANGED, member.user.get_username(), actor=actor,
                      detail=f"{old} → {role}")
    return member


def _save_tasks(link, tasks):
    FirmTask.objects.bulk_create(
        FirmTask(
            link=link,
            title=task["title"],
            phase=task["phase"],
            days_from_arrival=task.get("days_from_arrival"),
            order=index,
        )
        for index, task in enumerate(tasks)
    )


def extend_link(link, days, actor=None):
    """Push the expiry ``days`` further (from now if already expired), never past the maximum; un-revokes nothing."""
    now = timezone.now()
    start = max(link.expires_at, now)
    link.expires_at = min(start + timedelta(days=days), expiry_bounds(now)[1])
    link.save(update_fields=["expires_at", "updated_at"])
    AuditEvent.record(link.firm, AuditEvent.LINK_EXTENDED, link.code, actor=actor)
    return link


def expire_link(link, actor=None):
    link.expires_at = min(link.expires_at, timezone.now())
    link.save(update_fields=["expires_at", "updated_at"])
    AuditEvent.record(link.firm, AuditEvent.LINK_EXPIRED, link.code, actor=actor)
    return link


def revoke_link(link, actor=None, token=None):
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at", "updated_at"])
        AuditEvent.record(link.firm, AuditEvent.LINK_REVOKED, link.code, actor=actor, token=token)
    return link


def record_open(link):
    """Count an open: a number and a time, nothing about who."""
    now = timezone.now()
    from django.db.models import F

    SharedChecklist.objects.filter(pk=link.pk).update(open_count=F("open_count") + 1, last_opened_at=now)


@transaction.atomic
def purge_expired_links(now=None):
    """Delete links (with their reference, note and tasks) past the retention period. Idempotent."""
    doomed = SharedChecklist.objects.past_retention(now).select_related("firm")
    count = 0
    for link in doomed:
        AuditEvent.record(link.firm, AuditEvent.LINK_DELETED, link.code)
        link.delete()
        count += 1
    return count
