"""Tasks and their rules are edited in the Wagtail admin (snippets); agencies are the content app's
register (Snippets → Agencies), the one admin screen for them."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guides.forms import TaskForm
from guides.models import Task


class TaskViewSet(SnippetViewSet):
    model = Task
    icon = "list-ul"
    menu_label = "Checklist tasks"
    list_display = ["key", "title", "phase", "order", "agency"]
    list_filter = ["phase"]
    search_fields = ["key", "title"]


Task.base_form_class = TaskForm
register_snippet(TaskViewSet)


@hooks.register("landa_link_sources")
def checklist_link_source():
    """The checklist's external links, for the content app's link checker."""
    from guides.linksources import checklist_links

    return checklist_links()


@hooks.register("register_admin_urls")
def insights_urls():
    from django.urls import path

    from guides.insights import InsightsView

    return [path("reports/insights/", InsightsView.as_view(), name="landa_insights")]


@hooks.register("register_reports_menu_item")
def insights_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    return MenuItem(_("Insights"), reverse("landa_insights"), icon_name="view", order=930)
