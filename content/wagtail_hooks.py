"""Wagtail admin: the Agency snippet, the translation report, and dir="auto" on the editor's inputs."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content.models import Agency


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Agencies")
    list_display = ["name", "short_name", "kind", "place_code", "locale"]
    list_filter = ["locale", "kind"]
    search_fields = ["name"]


register_snippet(AgencyViewSet)


@hooks.register("insert_global_admin_js")
def text_direction_auto():
    """Every text input and textarea in the admin gets dir="auto", so Arabic is typed right to left."""
    return format_html('<script src="{}"></script>', static("js/admin-dir-auto.js"))


@hooks.register("register_admin_urls")
def translation_report_urls():
    from content import reports, translations

    return [
        *reports.TranslationReportView.urls(),
        path(
            "translations/<int:page_id>/submit/",
            translations.SubmitTranslationForReviewView.as_view(),
            name="landa_submit_translation",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    """For everyone who edits or translates: portal editors, agency editors, translators."""

    def is_shown(self, request):
        from content.ownership import user_is_portal_editor

        user = request.user
        return (
            user_is_portal_editor(user)
            or user.has_perm("wagtail_localize.submit_translation")
            or (user.groups.filter(name__startswith="Agency: ").exists())
        )


@hooks.register("register_admin_menu_item")
def translation_report_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("landa_translation_report"),
        icon_name="globe",
        order=250,
        name="translation-status",
    )


@hooks.register("construct_reports_menu")
def one_translations_menu_item(request, menu_items):
    """wagtail-localize's own "Translations" log stays reachable from our report, not as a second item."""
    localize_report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if getattr(item, "url", None) != localize_report]


@hooks.register("construct_homepage_summary_items")
def agency_summary(request, items):
    from content.dashboard import scope_summary

    scope_summary(request, items)


@hooks.register("construct_homepage_panels")
def agency_panel(request, panels):
    from content.dashboard import add_agency_panel

    add_agency_panel(request, panels)


from content import wagtail_hooks_ops  # noqa: E402, F401 - editorial operations' reports and panels
