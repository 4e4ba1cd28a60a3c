"""Review due: the guides an agency must look at now, and the weekly reminder to its editors.

A guide is due when its ``review_by`` date is past or within ``REVIEW_DUE_WITHIN_DAYS`` (30), or when
a "changes coming" block's effective date has passed (the block has hidden itself, so the text around
it must now say what holds). Source-language guides only: translations follow their source page.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from content.models import Agency, GuidePage
from content.ops_models import ReviewReminder
from content.ownership import user_is_portal_editor


@dataclass
class DueGuide:
    page: GuidePage
    agency_name: str
    review_by: datetime.date | None
    days_left: int | None
    reasons: list[str] = field(default_factory=list)
    past_changes: list[datetime.date] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)

    @property
    def title(self) -> str:
        return self.page.title


def past_changes_coming(page, today) -> list[datetime.date]:
    """Effective dates of "changes coming" blocks that are already in effect."""
    dates = []
    for child in page.body or []:
        if child.block_type == "changes_coming":
            effective = child.value.get("effective_date")
            if effective and effective <= today:
                dates.append(effective)
    return dates


def visible_agency_keys(user):
    """None for portal editors (everything); otherwise the translation keys of the user's agencies."""
    if user_is_portal_editor(user):
        return None
    return set(Agency.objects.filter(group__in=user.groups.all()).values_list("translation_key", flat=True))


def due_guides(today=None, agency_keys=None, within=None) -> list[DueGuide]:
    """Guides due for review, most urgent first; ``agency_keys`` (a set) narrows to those owners."""
    today = today or timezone.localdate()
    within = settings.REVIEW_DUE_WITHIN_DAYS if within is None else within
    horizon = today + datetime.timedelta(days=within)
    guides = (
        GuidePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("agency")
        .order_by("review_by", "title")
    )
    if agency_keys is not None:
        guides = guides.filter(agency__translation_key__in=agency_keys)
    names = dict(
        Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list("translation_key", "name")
    )
    found = []
    for page in guides:
        past = past_changes_coming(page, today)
        due_by_date = page.review_by is not None and page.review_by <= horizon
        if not (due_by_date or past):
            continue
        days_left = (page.review_by - today).days if page.review_by else None
        reasons = []
        if due_by_date:
            if days_left < 0:
                reasons.append(_("review overdue by %(days)d days") % {"days": -days_left})
            else:
                reasons.append(_("review due in %(days)d days") % {"days": days_left})
        for effective in past:
            text = _("a “changes coming” block took effect on %(date)s: rewrite the text")
            reasons.append(text % {"date": effective.isoformat()})
        agency_key = page.agency.translation_key if page.agency else None
        found.append(DueGuide(page, names.get(agency_key, ""), page.review_by, days_left, reasons, past))
    found.sort(key=lambda due: (due.days_left is None, due.days_left if due.days_left is not None else 0))
    return found


def iso_week(today: datetime.date) -> str:
    year, week, _day = today.isocalendar()
    return f"{year}-W{week:02d}"


def agency_editors(agency):
    if agency.group_id is None:
        return []
    users = get_user_model().objects.filter(groups=agency.group_id, is_active=True).exclude(email="")
    return sorted({user.email for user in users})


def send_review_reminders(today=None) -> dict[str, int]:
    """E-mail each agency's editors the guides they must review; at most once per agency per ISO week."""
    today = today or timezone.localdate()
    week = iso_week(today)
    sent = {}
    agencies = Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE, group__isnull=False)
    report_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("landa_review_due_report")
    for agency in agencies.order_by("name"):
        due = due_guides(today, {agency.translation_key})
        recipients = agency_editors(agency)
        if not due or not recipients:
            continue
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(agency_key=agency.translation_key, week=week,
                                              recipients=len(recipients), guides=len(due))
                body = render_to_string("content/email/review_due.txt", {
                    "agency": agency, "due": due, "report_url": report_url,
                    "admin_base": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
                })
                subject = _("%(count)d guides to review for %(agency)s") % {"count": len(due), "agency": agency.name}
                # Inside the transaction: if sending fails, the reminder is not recorded and the retry sends it.
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        except IntegrityError:
            continue  # already sent this week
        sent[agency.name] = len(recipients)
    return sent
