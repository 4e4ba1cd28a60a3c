"""The editor's dashboard panel: their agency's guides due for review (all guides for portal editors)."""
from django.urls import reverse
from wagtail.admin.ui.components import Component

from content.review import due_guides, visible_agency_keys

SHOWN = 8


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
