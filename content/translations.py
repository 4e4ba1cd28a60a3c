"""The translator's way through review: save the translated strings as a draft and submit it.

wagtail-localize's translation editor can only publish; a translator (who may not publish) saves
the page's translated strings as a draft revision here and starts the page's workflow, so a
translation reaches readers the way every other change does: agency review, then portal editor.
Until it is published, readers keep the source page with the "not translated yet" notice.
"""
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation


def translation_of(page):
    return Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).first()


class SubmitTranslationForReviewView(View):
    def post(self, request, page_id):
        page = get_object_or_404(Page, pk=page_id).specific
        if page.locale.language_code == settings.LANGUAGE_CODE or not page.permissions_for_user(
                request.user).can_edit():
            raise PermissionDenied
        next_url = get_valid_next_url_from_request(request) or f"/admin/pages/{page.get_parent().pk}/"
        if page.workflow_in_progress:
            messages.info(request, _("“%(title)s” is already waiting for review.") % {"title": page.title})
            return redirect(next_url)
        translation = translation_of(page)
        if translation is not None:
            translation.save_target(user=request.user, publish=False)
            page = Page.objects.get(pk=page.pk).specific
        workflow = page.get_workflow()
        if workflow is None:
            messages.error(request, _("This page has no review workflow: ask the portal editors to publish it."))
            return redirect(next_url)
        if page.latest_revision is None:
            page.save_revision(user=request.user)
        workflow.start(page, request.user)
        messages.success(request, _("“%(title)s” (%(language)s) is submitted for review. It goes live once it is "
                                    "approved; until then readers see the English page with a notice.") % {
            "title": page.title, "language": page.locale.get_display_name()})
        return redirect(next_url)
