"""The admin dashboard of an agency editor: their agency's pages, not the whole site.

Wagtail's summary counts every page of the site (162 in the demo); for an agency editor it counts
their agency's pages instead, and a panel lists those pages with their review dates and languages.
Portal editors and superusers keep Wagtail's own dashboard. Every editor also gets the panel of their
agency's guides due for review (all guides for portal editors).
"""
from django.conf import settings
from django.urls import reverse
from wagtail.admin.site_summary import PagesSummaryItem, SummaryItem
from wagtail.admin.ui.components import Component

from content.models import Agency, GuidePage
from content.ownership import own_agency_keys, user_is_portal_editor
from content.review import due_guides, visible_agency_keys

#: Guides listed in the review-due panel before it links to the report.
SHOWN = 8


def agency_pages(user):
    """The source-language guides of the user's agencies, with their translations' languages."""
    keys = own_agency_keys(user)
    return GuidePage.objects.filter(agency__translation_key__in=keys)


def own_agencies(user):
    keys = own_agency_keys(user)
    return Agency.objects.filter(translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE)


def is_agency_editor(user):
    return not user_is_portal_editor(user) and own_agencies(user).exists()


class AgencyPagesSummaryItem(SummaryItem):
    order = 100
    template_name = "content/admin/agency_pages_summary.html"

    def get_context_data(self, parent_context):
        user = self.request.user
        return {"total_pages": agency_pages(user).count(), "agencies": list(own_agencies(user))}


class AgencyPagesPanel(Component):
    name = "agency_pages"
    order = 90
    template_name = "content/admin/agency_pages_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pages = agency_pages(self.user).select_related("locale").order_by("path")
        sources = [page for page in pages if page.locale.language_code == settings.LANGUAGE_CODE]
        languages = {}
        for page in pages:
            languages.setdefault(page.translation_key, []).append(page)
        context["agencies"] = list(own_agencies(self.user))
        context["rows"] = [
            (page, sorted(languages.get(page.translation_key, []), key=lambda p: p.locale.language_code))
            for page in sorted(sources, key=lambda p: (p.review_by is None, p.review_by or 0, p.title))
        ]
        return context


def scope_summary(request, items):
    if is_agency_editor(request.user):
        items[:] = [item for item in items if not isinstance(item, PagesSummaryItem)]
        items.append(AgencyPagesSummaryItem(request))


def add_agency_panel(request, panels):
    if is_agency_editor(request.user):
        panels.append(AgencyPagesPanel(request.user))

class ReviewDuePanel(Component):
    name = "landa_review_due"
    order = 120
    template_name = "content/admin/review_due_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        due = due_guides(agency_keys=visible_agency_keys(self.request.user))
        return {
            "due": due[:SHOWN],
            "more": max(0, len(due) - SHOWN),
            "total": len(due),
            "report_url": reverse("landa_review_due_report"),
        }
