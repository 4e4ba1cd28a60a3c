"""Translation alerts: when a source page that is translated changes, each language's translators hear of it.

Publishing a source-language page queues :func:`alert_translators` (Celery, after the commit). It
reads wagtail-localize's sync state: if the published page is newer than the copy wagtail-localize
translates (its ``TranslationSource``), every language with a translation of it is out of date, and
that language's translators' group (``content/editorial.py``) gets one e-mail, in their language, with
the way to the sync and then to the changed segments. One alert per published revision and language
(``TranslationAlert``): a task that runs twice, or is retried, sends nothing more.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from content.models import translators_group_name
from content.ops_models import TranslationAlert

log = logging.getLogger(__name__)


def translators(code):
    users = get_user_model().objects.filter(groups__name=translators_group_name(code), is_active=True)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def alert_translators(page_id) -> dict[str, int]:
    """E-mail the translators of each language this source page is translated into, if it changed
    since wagtail-localize last synced it; returns {language: recipients} of what was sent now."""
    page = Page.objects.filter(pk=page_id, live=True).select_related("locale").first()
    if page is None or page.locale.language_code != settings.LANGUAGE_CODE or page.live_revision_id is None:
        return {}
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale=page.locale).first()
    if source is None or not (page.last_published_at and page.last_published_at > source.last_updated_at):
        return {}  # not translated through wagtail-localize, or already in sync
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    sent = {}
    for item in source.translations.filter(enabled=True).select_related("target_locale").order_by("pk"):
        locale = item.target_locale
        recipients = translators(locale.language_code)
        target = Page.objects.filter(translation_key=page.translation_key, locale=locale).first()
        if not recipients or target is None:
            continue
        edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
        context = {
            "page": page,
            "language": locale.get_display_name(),
            "sync_url": f"{base}{reverse('wagtail_localize:update_translations', args=[source.pk])}?next={edit_url}",
            "edit_url": base + edit_url,
            "report_url": base + reverse("landa_translation_report"),
        }
        try:
            with transaction.atomic():
                TranslationAlert.objects.create(
                    revision_id=page.live_revision_id,
                    language=locale.language_code,
                    page_id=page.pk,
                    recipients=len(recipients),
                )
                with translation.override(locale.language_code):
                    subject = _("“%(title)s” changed: its translation needs updating") % {"title": page.title}
                    body = render_to_string("content/email/translation_alert.txt", context)
                # Inside the transaction: if sending fails, no alert is recorded and the retry sends it.
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        except IntegrityError:
            continue  # already sent for this revision
        sent[locale.language_code] = len(recipients)
    return sent


def page_published(sender, instance, revision=None, **kwargs):
    """wagtail's page_published: queue the alert for a source-language page once the publish is committed."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return

    def queue():
        from content.tasks import alert_translators as task

        try:
            task.delay(instance.pk)
        except Exception:  # noqa: BLE001 - a broker that does not answer must not fail the publish
            log.exception("translation alert for page %s not queued", instance.pk)

    transaction.on_commit(queue)
