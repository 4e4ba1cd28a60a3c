"""Background work of the firms app."""

import logging
import smtplib

from celery import shared_task

from firms import services
from portal.tasks import idempotent_task

logger = logging.getLogger(__name__)


@idempotent_task("firms.tasks.purge_expired_links")
def purge_expired_links():
    """Delete links FIRM_LINK_RETENTION_DAYS after they expired or were revoked (beat schedule).

    Idempotent: a second run finds nothing more to delete.
    """
    deleted = services.purge_expired_links()
    if deleted:
        logger.info("Deleted %s shared checklist link(s) past retention", deleted)
    return deleted


@shared_task(
    name="firms.tasks.send_invitation",
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_kwargs={"max_retries": 8},
)
def send_invitation(invitation_pk, base_url, language):
    """E-mail an invitation; retried with backoff while SMTP is unreachable. Idempotent enough: an
    invitation accepted or revoked meanwhile is not sent."""
    from firms import invitations
    from firms.models import Invitation

    invitation = (
        Invitation.objects.select_related("firm", "invited_by")
        .filter(pk=invitation_pk, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    invitations.send(invitation, base_url, language)
    return True
