"""Wagtail hooks of the editorial operations: each report's URLs and Reports menu item, the dashboard
panel, the count of pages read in a language they are not translated into.

Imported from ``content/wagtail_hooks.py`` (Wagtail only discovers that module name).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from content import counters
from content.dashboard import ReviewDuePanel
from content.ops_reports import REPORTS


@hooks.register("register_admin_urls")
def editorial_operations_urls():
    return [url for report in REPORTS for url in report.urls()]


def _menu_item(report):
    def item():
        return MenuItem(
            report.page_title, reverse(report.index_url_name), icon_name=report.header_icon, order=report.menu_order
        )

    return item


for _report in REPORTS:
    hooks.register("register_reports_menu_item", _menu_item(_report))


@hooks.register("before_serve_page")
def count_fallback_read(page, request, serve_args, serve_kwargs):
    """A reader served a page in a language it is not translated into: counted, anonymously, per day."""
    from content.navigation import locale_codes
    from content.outbound import BOTS

    reader = get_language()
    if reader not in dict(settings.LANGUAGES):
        return
    if (locale_codes().get(page.locale_id) or page.locale.language_code) == reader:
        return
    if any(bot in request.headers.get("User-Agent", "").lower() for bot in BOTS):
        return
    counters.count_page(request, "fallback", page_id=page.pk, language=reader)


@hooks.register("construct_homepage_panels")
def review_due_panel(request, panels):
    panels.append(ReviewDuePanel(request))
