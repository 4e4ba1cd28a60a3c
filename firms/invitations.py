"""Invitations: a signed, expiring token in an e-mailed link (Django's signing and e-mail backend)."""
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from firms.models import AuditEvent, Invitation

SALT = "firms.invitation"


def token_for(invitation) -> str:
    return signing.dumps(invitation.pk, salt=SALT)


def from_token(token):
    """The open invitation the token names, or None (bad signature, expired, used, firm suspended)."""
    max_age = settings.FIRM_INVITATION_MAX_AGE_DAYS * 24 * 60 * 60
    try:
        pk = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return (
        Invitation.objects.select_related("firm")
        .filter(pk=pk, accepted_at__isnull=True, firm__suspended=False)
        .first()
    )


def base_url() -> str:
    """The site's public address (``LANDA_BASE_URL``), never the request's host: links in e-mails must
    work from the recipient's mailbox whatever address the sender used."""
    return getattr(settings, "LANDA_BASE_URL", "http://127.0.0.1:8000")


def invite(firm, email, role, *, inviter=None, language=None):
    """Create the invitation, e-mail its link (in ``language``) and record it in the audit log."""
    invitation = Invitation.objects.create(firm=firm, email=email.lower(), role=role, invited_by=inviter)
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        url = base_url().rstrip("/") + reverse("firms:accept-invitation", args=[token_for(invitation)])
        inviter_name = inviter.get_username() if inviter is not None else "Landa"
        send_mail(
            _("You are invited to %(firm)s's workspace on Landa") % {"firm": firm.name},
            _(
                "%(inviter)s invites you to share checklists with clients for %(firm)s.\n\n"
                "Open this link within %(days)s days to choose your password:\n%(url)s\n"
            )
            % {"inviter": inviter_name, "firm": firm.name, "days": settings.FIRM_INVITATION_MAX_AGE_DAYS, "url": url},
            None,
            [invitation.email],
        )
    AuditEvent.record(firm, AuditEvent.INVITATION_SENT, invitation.email, actor=inviter)
    return invitation
