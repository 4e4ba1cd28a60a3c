"""Who reviews an agency's change, and telling them.

The first step of the workflow (``AgencyReviewTask``) goes to the owning agency's other editors; when
the submitter is the agency's only editor, to the portal editors. Each reviewer gets an e-mail with
a link to the page, and the change waits in Wagtail's "Awaiting your review" panel on their dashboard
(fed by ``AgencyReviewTask.get_task_states_user_can_moderate``).
"""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from content.models import PORTAL_EDITORS, AgencyReviewTask, agency_group_id


def base_url() -> str:
    return getattr(settings, "LANDA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")


def submitter_of(obj):
    state = getattr(obj, "current_workflow_state", None)
    return state.requested_by if state is not None else None


def reviewers(obj, submitter=None):
    """Active users who may approve ``obj``'s agency review: never the submitter."""
    users = get_user_model().objects.filter(is_active=True)
    group_id = agency_group_id(obj)
    colleagues = users.filter(groups__pk=group_id) if group_id is not None else users.none()
    if submitter is not None:
        colleagues = colleagues.exclude(pk=submitter.pk)
    if colleagues.exists():
        return colleagues.distinct()
    portal = users.filter(groups__name=PORTAL_EDITORS)
    if submitter is not None:
        portal = portal.exclude(pk=submitter.pk)
    return portal.distinct()


def notify_reviewers(sender, instance, user=None, **kwargs):
    """``task_submitted`` handler: e-mail the reviewers of an agency review that now waits for them."""
    task = instance.task.specific
    if not isinstance(task, AgencyReviewTask):
        return
    page = instance.workflow_state.content_object
    if page is None:
        return
    submitter = instance.workflow_state.requested_by or user
    recipients = [u.email for u in reviewers(page, submitter) if u.email]
    if not recipients:
        return
    who = (submitter.get_full_name() or submitter.get_username()) if submitter else _("An editor")
    link = base_url() + reverse("wagtailadmin_pages:edit", args=[page.pk])
    preview = base_url() + reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, instance.task_id])
    subject = _("Waiting for your review: %(title)s") % {"title": page.title}
    body = _(
        "%(who)s asks you to review a change to \"%(title)s\" (%(language)s).\n\n"
        "See the change: %(preview)s\nApprove or request changes: %(link)s\n\n"
        "It is also listed under \"Awaiting your review\" on your dashboard."
    ) % {"who": who, "title": page.title, "language": page.locale.get_display_name(), "preview": preview,
         "link": link}
    send_mail(subject, body, None, recipients)
