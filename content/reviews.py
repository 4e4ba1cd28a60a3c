"""The workflow's agency review: the task, who reviews an agency's change, and telling them.

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
from django.utils.translation import gettext_lazy
from wagtail.models import Task, TaskState

from content.models import PORTAL_EDITORS
from content.ownership import agency_group_id


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


class AgencyReviewTask(Task):  # noqa: DJ008 - Task defines __str__
    """Workflow step one: another member of the page's own agency group approves it.

    Unlike Wagtail's group approval task, the group is not fixed on the task: it is the group of the
    agency that owns the page, so one workflow serves every agency. The submitter never approves
    their own change: the review goes to the agency's other editors, or to the portal editors when
    the submitter is the agency's only editor (``reviewers``).
    """

    def _may_review(self, obj, user, submitter=None):
        if submitter is None:
            submitter = submitter_of(obj)
        if not user.is_active or (submitter is not None and submitter.pk == user.pk):
            return False
        if user.is_superuser:
            return True
        return reviewers(obj, submitter).filter(pk=user.pk).exists()

    def user_can_access_editor(self, obj, user):
        return self._may_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self._may_review(obj, user):
            return [
                ("reject", gettext_lazy("Request changes"), True),
                ("approve", gettext_lazy("Approve"), False),
                ("approve", gettext_lazy("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related(
            "workflow_state__requested_by")
        allowed = [
            state.pk for state in states
            if state.workflow_state.content_object is not None
            and self._may_review(state.workflow_state.content_object, user, state.workflow_state.requested_by)
        ]
        return self.task_states.filter(pk__in=allowed)

    @classmethod
    def get_description(cls):
        return gettext_lazy(
            "Another editor of the agency that owns the page approves it (the portal editors when the "
            "agency has one editor)"
        )

    class Meta:
        verbose_name = gettext_lazy("agency review")
        verbose_name_plural = gettext_lazy("agency reviews")


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
