"""Wagtail admin: the Agency snippet, the translation report, and dir="auto" on the editor's inputs."""
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content.models import Agency


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Agencies")
    list_display = ["name", "short_name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(AgencyViewSet)


@hooks.register("insert_global_admin_js")
def text_direction_auto():
    """Every text input and textarea in the admin gets dir="auto", so Arabic is typed right to left."""
    return format_html('<script src="{}"></script>', static("js/admin-dir-auto.js"))


@hooks.register("register_admin_urls")
def translation_report_urls():
    from content import reports

    return [path("reports/translations/", reports.TranslationReportView.as_view(), name="landa_translation_report")]


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    return AdminOnlyMenuItem(
        _("Translations"), reverse("landa_translation_report"), icon_name="globe", order=900
    )
from content import wagtail_hooks_ops  # noqa: E402, F401 - editorial operations' reports and panels
