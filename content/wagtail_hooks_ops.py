"""Wagtail hooks of the editorial operations: each report's URLs and Reports menu item, the dashboard panel.

Imported from ``content/wagtail_hooks.py`` (Wagtail only discovers that module name).
"""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from content.dashboard_ops import ReviewDuePanel
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


@hooks.register("construct_homepage_panels")
def review_due_panel(request, panels):
    panels.append(ReviewDuePanel(request))
