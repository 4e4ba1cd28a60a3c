"""Editorial operations' records: outbound link checks and the weekly review reminders sent.

Kept apart from the page models (imported at the end of ``content/models.py``) so the editorial
operations can change without touching the guidance CMS's models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

OK, REDIRECT, BROKEN, UNREACHABLE = "ok", "redirect", "broken", "unreachable"
OUTCOMES = [
    (OK, _("Works")),
    (REDIRECT, _("Moved (update the link)")),
    (BROKEN, _("Broken")),
    (UNREACHABLE, _("No answer")),
]


class CheckedLink(models.Model):
    """One outbound address, however many pages use it, with the outcome of its latest check."""

    url = models.URLField(_("address"), max_length=2000, unique=True)
    last_outcome = models.CharField(_("last status"), max_length=12, choices=OUTCOMES, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_ok_at = models.DateTimeField(_("last worked"), null=True, blank=True)
    final_url = models.URLField(_("redirects to"), max_length=2000, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    in_use = models.BooleanField(_("still linked"), default=True)

    class Meta:
        verbose_name = _("checked link")
        verbose_name_plural = _("checked links")
        ordering = ["url"]

    def __str__(self):
        return self.url

    def history_text(self, limit=5):
        """The latest checks, newest first, as one line (for the report and its CSV export)."""
        checks = list(self.checks.all()[:limit])
        return "; ".join(check.summary() for check in checks)


class LinkCheck(models.Model):
    """One check of one address: its status history."""

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField(_("checked"), db_index=True)
    outcome = models.CharField(_("status"), max_length=12, choices=OUTCOMES)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    elapsed_ms = models.PositiveIntegerField(_("time taken (ms)"), default=0)

    class Meta:
        verbose_name = _("link check")
        ordering = ["-checked_at", "-pk"]

    def __str__(self):
        return self.summary()

    def summary(self):
        code = self.status_code or self.error or self.outcome
        return f"{self.checked_at:%Y-%m-%d %H:%M} {code}"


class LinkUsage(models.Model):
    """Where an address is used: a page's field or block, an agency's field, a checklist agency.

    Rebuilt on every run from the content itself, so a link removed from a page leaves the report.
    ``owner_key`` is the translation key of the owning Agency, the same in every language.
    """

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="usages")
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    where = models.CharField(_("where"), max_length=300, help_text=_("The page, agency or checklist item."))
    block = models.CharField(_("field or block"), max_length=300)
    owner_key = models.UUIDField(_("owning agency"), null=True, blank=True, db_index=True)
    owner_name = models.CharField(_("owning agency"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("link usage")
        ordering = ["where", "block"]

    def __str__(self):
        return f"{self.where} › {self.block}"


class ReviewReminder(models.Model):
    """A weekly review reminder sent to one agency's editors, so a second run that week sends nothing."""

    agency_key = models.UUIDField()
    week = models.CharField(max_length=8, help_text="ISO year and week, e.g. 2026-W49")
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)
    guides = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("review reminder")
        constraints = [models.UniqueConstraint(fields=["agency_key", "week"], name="one_review_reminder_a_week")]

    def __str__(self):
        return f"{self.agency_key} {self.week}"


class OutboundClick(models.Model):
    """A day's count of readers following one known outbound link from one page, for one agency.

    Counted durably, one upsert per click (``content/outbound.py``): nothing is held in memory.
    ``page_id`` 0 and an empty ``agency`` mean "none", so the unique constraint holds without NULLs.
    """

    day = models.DateField(_("day"))
    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="clicks")
    page_id = models.PositiveIntegerField(_("from page"), default=0)
    agency = models.CharField(_("agency"), max_length=80, blank=True, help_text=_("The agency's slug."))
    count = models.PositiveIntegerField(_("clicks"), default=0)

    class Meta:
        verbose_name = _("outbound clicks (daily)")
        verbose_name_plural = _("outbound clicks (daily)")
        constraints = [
            models.UniqueConstraint(fields=["day", "link", "page_id", "agency"], name="one_click_row_a_day"),
        ]

    def __str__(self):
        return f"{self.day} {self.link_id} {self.count}"


class FeedbackDay(models.Model):
    """ "Was this page helpful?" answers per page and day; page_id 0 is the checklist result."""

    day = models.DateField(_("day"))
    page_id = models.PositiveIntegerField(_("page"), default=0)
    yes = models.PositiveIntegerField(_("helpful"), default=0)
    no = models.PositiveIntegerField(_("not helpful"), default=0)

    class Meta:
        verbose_name = _("helpfulness (daily)")
        constraints = [models.UniqueConstraint(fields=["day", "page_id"], name="one_feedback_row_a_day")]

    def __str__(self):
        return f"{self.day} {self.page_id} +{self.yes} -{self.no}"


class FeedbackComment(models.Model):
    """A reader's optional comment, with anything that looks like personal data removed before storing.

    No IP address, no time of day, no e-mail: the day, the page, the language and the answer only.
    """

    day = models.DateField(_("day"))
    page_id = models.PositiveIntegerField(_("page"), default=0)
    language = models.CharField(_("language"), max_length=8, blank=True)
    helpful = models.BooleanField(_("helpful"))
    text = models.TextField(_("comment"))
    agency_key = models.UUIDField(_("owning agency"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("feedback comment")
        ordering = ["-day", "-pk"]

    def __str__(self):
        return self.text[:60]


class FallbackRead(models.Model):
    """A day's count of readers who read a page in a language it is not translated into (the source page
    with the "not translated yet" notice): which translations readers are waiting for."""

    day = models.DateField(_("day"))
    page_id = models.PositiveIntegerField(_("page"))
    language = models.CharField(_("language"), max_length=8)
    count = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("read without a translation (daily)")
        constraints = [
            models.UniqueConstraint(fields=["day", "page_id", "language"], name="one_fallback_row_a_day"),
        ]

    def __str__(self):
        return f"{self.day} {self.page_id} {self.language}: {self.count}"


class CounterBatch(models.Model):
    """A batch of Redis counts already added to the daily rows, so a fold that runs twice adds it once
    (``content/counters.py``). Kept a few days, then forgotten."""

    batch = models.CharField(max_length=32, unique=True)
    day = models.DateField()
    folded_at = models.DateTimeField(auto_now_add=True)

    KEPT_DAYS = 7

    def __str__(self):
        return self.batch

    @classmethod
    def forget_old(cls):
        import datetime

        from django.utils import timezone

        cls.objects.filter(folded_at__lt=timezone.now() - datetime.timedelta(days=cls.KEPT_DAYS)).delete()


class TranslationAlert(models.Model):
    """A notice sent to one language's translators that a source page changed: one per published
    revision and language, so a task that runs twice sends nothing more."""

    revision_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    page_id = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("translation alert")
        constraints = [
            models.UniqueConstraint(fields=["revision_id", "language"], name="one_translation_alert_a_revision"),
        ]

    def __str__(self):
        return f"{self.page_id} r{self.revision_id} {self.language}"
