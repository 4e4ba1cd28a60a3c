"""Wagtail hooks of the editorial operations: the link, review-due and clicks reports, the dashboard panel.

Imported from ``content/wagtail_hooks.py`` (Wagtail only discovers that module name).
"""
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from content.dashboard_ops import ReviewDuePanel


@hooks.register("register_admin_urls")
def editorial_operations_urls():
    from content import ops_reports

    links = ops_reports.LinkReportView
    review = ops_reports.ReviewDueReportView
    clicks = ops_reports.ClicksReportView
    feedback = ops_reports.FeedbackReportView
    helpfulness = ops_reports.HelpfulnessReportView
    return [
        path("reports/helpfulness/", helpfulness.as_view(), name="landa_helpfulness_report"),
        path("reports/helpfulness/results/", helpfulness.as_view(results_only=True),
             name="landa_helpfulness_report_results"),
        path("reports/feedback/", feedback.as_view(), name="landa_feedback_report"),
        path("reports/feedback/results/", feedback.as_view(results_only=True), name="landa_feedback_report_results"),
        path("reports/clicks/", clicks.as_view(), name="landa_clicks_report"),
        path("reports/clicks/results/", clicks.as_view(results_only=True), name="landa_clicks_report_results"),
        path("reports/links/", links.as_view(), name="landa_link_report"),
        path("reports/links/results/", links.as_view(results_only=True), name="landa_link_report_results"),
        path("reports/review-due/", review.as_view(), name="landa_review_due_report"),
        path("reports/review-due/results/", review.as_view(results_only=True),
             name="landa_review_due_report_results"),
    ]


@hooks.register("register_reports_menu_item")
def link_report_menu_item():
    return MenuItem(_("Outbound links"), reverse("landa_link_report"), icon_name="link-external", order=910)


@hooks.register("register_reports_menu_item")
def review_due_menu_item():
    return MenuItem(_("Review due"), reverse("landa_review_due_report"), icon_name="date", order=905)


@hooks.register("register_reports_menu_item")
def clicks_menu_item():
    return MenuItem(_("Outbound clicks"), reverse("landa_clicks_report"), icon_name="link-external", order=915)


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return MenuItem(_("Feedback"), reverse("landa_feedback_report"), icon_name="comment", order=920)


@hooks.register("register_reports_menu_item")
def helpfulness_menu_item():
    return MenuItem(_("Helpfulness"), reverse("landa_helpfulness_report"), icon_name="comment", order=925)


@hooks.register("construct_homepage_panels")
def review_due_panel(request, panels):
    panels.append(ReviewDuePanel(request))
