"""Firms, their staff, the links they share with clients, their API tokens and their audit log.

Privacy: nothing here names a client. A link holds a situation (answers, not identity), a language,
the firm's own internal reference and note (the firm's responsibility; deleted with the link), and
counts of opens with no trace of who opened it.
"""
import hashlib
import re
import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guides import vocabulary
from portal.languages import LANGUAGES

PHASES = vocabulary.choices("phase")
PHASE_CODES = list(vocabulary.PHASES)

# secrets.token_urlsafe(18): 18 random bytes = 144 bits, 24 URL-safe characters.
CODE_BYTES = 18


# What new_code() makes: URL-safe base64 without padding, 4 characters per 3 bytes.
CODE_PATTERN = re.compile(rf"[A-Za-z0-9_-]{{{CODE_BYTES * 4 // 3}}}")


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def is_link_code(code) -> bool:
    """Whether ``code`` could be a link's code: checked before any query, so junk never reaches one."""
    return isinstance(code, str) and CODE_PATTERN.fullmatch(code) is not None


class Firm(models.Model):
    """A relocation firm or employer. Portal editors can suspend one in the Wagtail admin."""

    name = models.CharField(_("name"), max_length=120)
    suspended = models.BooleanField(
        _("suspended"),
        default=False,
        help_text=_("A suspended firm's staff cannot sign in, its API tokens stop working and its links show as gone."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("firm")
        verbose_name_plural = _("firms")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Member(models.Model):
    """A user's place in a firm: admin (invites staff, sees the audit log) or staff."""

    ADMIN = "admin"
    STAFF = "staff"
    ROLES = [(ADMIN, _("Administrator")), (STAFF, _("Staff"))]

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="firm_member")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(_("role"), max_length=10, choices=ROLES, default=STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("firm member")
        verbose_name_plural = _("firm members")

    def __str__(self):
        return f"{self.user.get_username()} ({self.firm})"

    @property
    def is_admin(self) -> bool:
        return self.role == self.ADMIN


class Invitation(models.Model):
    """An e-mailed invitation to join a firm. The e-mailed link carries a signed, expiring token."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Member.ROLES, default=Member.STAFF)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.email


class SharedChecklistQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)

    def expired(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__lte=now)

    def revoked(self):
        return self.filter(revoked_at__isnull=False)

    def with_status(self, status, now=None):
        if status == "active":
            return self.active(now)
        if status == "expired":
            return self.expired(now)
        if status == "revoked":
            return self.revoked()
        return self

    def past_retention(self, now=None):
        """Links whose end (expiry or revocation) lies more than FIRM_LINK_RETENTION_DAYS back."""
        now = now or timezone.now()
        cutoff = now - timedelta(days=settings.FIRM_LINK_RETENTION_DAYS)
        return self.filter(models.Q(expires_at__lte=cutoff) | models.Q(revoked_at__lte=cutoff))


class SharedChecklist(models.Model):
    """A checklist a firm shares with a client at /c/<code>: a situation plus the firm's additions."""

    ACTIVE, EXPIRED, REVOKED = "active", "expired", "revoked"

    # A firm with links is suspended, not deleted (its audit trail and its clients' 410s stay).
    firm = models.ForeignKey(Firm, on_delete=models.PROTECT, related_name="links")
    code = models.CharField(max_length=40, unique=True, default=new_code, editable=False)
    # The situation exactly as the checklist parser canonicalises it (Situation.as_query()).
    situation = models.CharField(max_length=500)
    arrival = models.DateField(null=True, blank=True)
    # Where the client will live (a municipality's code, also in ``situation``): its local guides show.
    municipality = models.CharField(max_length=4, blank=True)
    language = models.CharField(max_length=8, choices=LANGUAGES, default="en")
    reference = models.CharField(max_length=80, blank=True)
    note = models.TextField(max_length=2000, blank=True)
    rules_version = models.CharField(max_length=40, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    open_count = models.PositiveIntegerField(default=0)
    last_opened_at = models.DateTimeField(null=True, blank=True)

    objects = SharedChecklistQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["firm", "-created_at"]), models.Index(fields=["expires_at"])]

    def __str__(self):
        return self.code

    @staticmethod
    def default_expiry(now=None, arrival=None):
        """``FIRM_LINK_DEFAULT_DAYS`` from now, and at least a year after the arrival date (the client
        needs the list through their first year), never beyond ``FIRM_LINK_MAX_DAYS``."""
        now = now or timezone.now()
        expiry = now + timedelta(days=settings.FIRM_LINK_DEFAULT_DAYS)
        if arrival is not None:
            year_after = datetime.combine(arrival + timedelta(days=366), time(23, 59, 59),
                                          tzinfo=timezone.get_current_timezone())
            expiry = max(expiry, year_after)
        return min(expiry, now + timedelta(days=settings.FIRM_LINK_MAX_DAYS))

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return self.REVOKED
        if self.expires_at <= timezone.now():
            return self.EXPIRED
        return self.ACTIVE

    @property
    def is_available(self) -> bool:
        """Whether a client may see it: not revoked, not expired, and the firm not suspended."""
        return self.status == self.ACTIVE and not self.firm.suspended

    def get_short_path(self) -> str:
        return f"/c/{self.code}"


class FirmTask(models.Model):
    """An extra task the firm adds to a link (e.g. 'Send us your signed contract'), marked as the firm's."""

    link = models.ForeignKey(SharedChecklist, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    phase = models.CharField(_("phase"), max_length=10, choices=PHASES)
    days_from_arrival = models.IntegerField(_("days from arrival"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def due(self, arrival):
        if arrival is None or self.days_from_arrival is None:
            return None
        return arrival + timedelta(days=self.days_from_arrival)


class ApiToken(models.Model):
    """A firm's API token. Only the SHA-256 of the secret is stored; the secret is shown once."""

    PREFIX = "landa_"
    READ, READ_WRITE = "read", "read-write"
    SCOPES = [(READ, _("Read: list and see links")), (READ_WRITE, _("Read and write: also create and revoke links"))]

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(_("name"), max_length=80)
    scope = models.CharField(_("access"), max_length=10, choices=SCOPES, default=READ)
    hint = models.CharField(max_length=16, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, firm, name, created_by=None, expires_at=None, scope=READ):
        """Create a token; returns (token, secret). The secret is not stored and cannot be shown again.

        Every token expires, at the latest FIRM_API_TOKEN_MAX_DAYS from now.
        """
        latest = timezone.now() + timedelta(days=settings.FIRM_API_TOKEN_MAX_DAYS)
        expires_at = min(expires_at or latest, latest)
        secret = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            firm=firm,
            name=name,
            scope=scope,
            hint=secret[: len(cls.PREFIX) + 6],
            digest=cls.hash(secret),
            created_by=created_by,
            expires_at=expires_at,
        )
        return token, secret

    @property
    def can_write(self) -> bool:
        return self.scope == self.READ_WRITE

    @property
    def is_usable(self) -> bool:
        if self.revoked_at is not None or self.firm.suspended:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()


class AuditEvent(models.Model):
    """What happened to a firm's links, tokens and team, by whom. Never holds a reference or note."""

    LINK_CREATED = "link.created"
    LINK_UPDATED = "link.updated"
    LINK_EXTENDED = "link.extended"
    LINK_EXPIRED = "link.expired"
    LINK_REVOKED = "link.revoked"
    LINK_DELETED = "link.deleted"
    TOKEN_CREATED = "token.created"  # noqa: S105 - an action name
    TOKEN_REVOKED = "token.revoked"  # noqa: S105 - an action name
    INVITATION_SENT = "invitation.sent"
    INVITATION_ACCEPTED = "invitation.accepted"
    INVITATION_REVOKED = "invitation.revoked"
    MEMBER_REMOVED = "member.removed"
    MEMBER_ROLE_CHANGED = "member.role-changed"
    SIGNED_IN = "member.signed-in"
    LINK_READ = "link.read"
    ACTIONS = [
        (LINK_CREATED, _("Link created")),
        (LINK_UPDATED, _("Link edited")),
        (LINK_EXTENDED, _("Link extended")),
        (LINK_EXPIRED, _("Link expired")),
        (LINK_REVOKED, _("Link revoked")),
        (LINK_DELETED, _("Link deleted after expiry")),
        (TOKEN_CREATED, _("API token created")),
        (TOKEN_REVOKED, _("API token revoked")),
        (INVITATION_SENT, _("Invitation sent")),
        (INVITATION_ACCEPTED, _("Invitation accepted")),
        (INVITATION_REVOKED, _("Invitation revoked")),
        (MEMBER_REMOVED, _("Member removed")),
        (MEMBER_ROLE_CHANGED, _("Role changed")),
        (SIGNED_IN, _("Signed in")),
        (LINK_READ, _("Link's reference and note read")),
    ]

    # The trail outlives neither its firm nor its retention period, but cannot be erased with it.
    firm = models.ForeignKey(Firm, on_delete=models.PROTECT, related_name="audit_events")
    action = models.CharField(max_length=32, choices=ACTIONS)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # Who did it, kept when the user is deleted (the foreign key then empties).
    actor_name = models.CharField(max_length=150, blank=True)
    token = models.ForeignKey(ApiToken, null=True, blank=True, on_delete=models.SET_NULL)
    # What it happened to: a link's code, a token's name, an invited address, a member.
    target = models.CharField(max_length=254, blank=True)
    # What changed (field names, a role): never a reference's or note's content.
    detail = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.action} {self.target}"

    @classmethod
    def record(cls, firm, action, target="", actor=None, token=None, detail=""):
        if actor is not None and not getattr(actor, "is_authenticated", False):
            actor = None
        actor_name = actor.get_username() if actor is not None else (f"token {token.name}" if token else "")
        return cls.objects.create(
            firm=firm, action=action, target=target, actor=actor, actor_name=actor_name[:150], token=token,
            detail=detail[:254],
        )
