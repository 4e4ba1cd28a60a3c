"""Editorial operations' admin reports: outbound links, review due, outbound clicks and feedback.

Both are Wagtail report views (filters, pagination, CSV/XLSX export through ``list_export``). An
agency's editors see only their own agency's rows; portal editors see everything.
"""
import datetime

import django_filters
from django.conf import settings
from django.db.models import Case, IntegerField, Sum, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from content.models import Agency, GuidePage
from content.ops_models import (
    BROKEN,
    OUTCOMES,
    REDIRECT,
    UNREACHABLE,
    FeedbackComment,
    FeedbackDay,
    LinkUsage,
    OutboundClick,
)
from content.review import due_guides, visible_agency_keys


def agency_choices():
    return [
        (str(key), name)
        for key, name in Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("name").values_list("translation_key", "name")
    ]


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id]) if page_id else None


# --- links -----------------------------------------------------------------------------------------

class LinkReportFilterSet(WagtailFilterSet):
    owner_key = django_filters.ChoiceFilter(label=_("Agency"), choices=agency_choices)
    status = django_filters.ChoiceFilter(label=_("Last status"), field_name="link__last_outcome", choices=OUTCOMES)

    class Meta:
        model = LinkUsage
        fields = ["owner_key", "status"]


class HistoryColumn(Column):
    def get_value(self, instance):
        return instance.link.history_text()


class LinkReportView(ReportView):
    page_title = _("Outbound links")
    header_icon = "link-external"
    index_url_name = "landa_link_report"
    index_results_url_name = "landa_link_report_results"
    filterset_class = LinkReportFilterSet
    paginate_by = 50
    columns = [
        TitleColumn("where", label=_("Page or item"), get_url=lambda usage: page_edit_url(usage.page_id)),
        Column("block", label=_("Field or block")),
        Column("url", label=_("Address"), accessor="link.url"),
        Column("status", label=_("Last status"), accessor="status_text"),
        DateColumn("checked", label=_("Last checked"), accessor="link.last_checked_at"),
        HistoryColumn("history", label=_("History (newest first)")),
        Column("owner_name", label=_("Agency")),
    ]
    list_export = ["where", "block", "link.url", "status_text", "link.last_checked_at", "history_text", "owner_name"]
    export_headings = {
        "where": _("Page or item"),
        "block": _("Field or block"),
        "link.url": _("Address"),
        "status_text": _("Last status"),
        "link.last_checked_at": _("Last checked"),
        "history_text": _("History (newest first)"),
        "owner_name": _("Agency"),
    }

    def get_filename(self):
        return f"outbound-links-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        usages = LinkUsage.objects.select_related("link")
        keys = visible_agency_keys(self.request.user)
        if keys is not None:
            usages = usages.filter(owner_key__in=keys)
        worst_first = Case(
            When(link__last_outcome=BROKEN, then=Value(0)),
            When(link__last_outcome=UNREACHABLE, then=Value(1)),
            When(link__last_outcome=REDIRECT, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        return usages.annotate(severity=worst_first).order_by("severity", "where", "block", "pk")

    def decorate_paginated_queryset(self, object_list):
        for usage in object_list:
            link = usage.link
            text = link.get_last_outcome_display() if link.last_outcome else str(_("Not checked yet"))
            detail = link.last_status_code or link.error
            usage.status_text = f"{text} ({detail})" if detail else text
            if link.final_url:
                usage.status_text += f" → {link.final_url}"
            usage.history_text = link.history_text()
        return object_list


# --- review due ------------------------------------------------------------------------------------

class ReviewDueFilterSet(WagtailFilterSet):
    agency = django_filters.ChoiceFilter(label=_("Agency"), field_name="agency__translation_key",
                                         choices=agency_choices)

    class Meta:
        model = GuidePage
        fields = ["agency"]


class ReviewDueReportView(ReportView):
    page_title = _("Review due")
    header_icon = "date"
    index_url_name = "landa_review_due_report"
    index_results_url_name = "landa_review_due_report_results"
    filterset_class = ReviewDueFilterSet
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Guide"), get_url=lambda page: page_edit_url(page.pk)),
        Column("agency_name", label=_("Agency")),
        DateColumn("review_by", label=_("Review by")),
        Column("reason_text", label=_("Why")),
    ]
    list_export = ["title", "agency_name", "review_by", "days_left", "reason_text", "full_url"]
    export_headings = {
        "title": _("Guide"),
        "agency_name": _("Agency"),
        "review_by": _("Review by"),
        "days_left": _("Days left"),
        "reason_text": _("Why"),
        "full_url": _("Address"),
    }

    def get_filename(self):
        return f"review-due-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        self.due = {due.page.pk: due for due in due_guides(agency_keys=visible_agency_keys(self.request.user))}
        order = Case(*[When(pk=pk, then=Value(index)) for index, pk in enumerate(self.due)],
                     output_field=IntegerField()) if self.due else Value(0)
        return GuidePage.objects.filter(pk__in=list(self.due)).annotate(urgency=order).order_by("urgency")

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            due = self.due[page.pk]
            page.agency_name = due.agency_name
            page.days_left = due.days_left
            page.reason_text = due.reason_text
        return object_list


# --- outbound clicks -------------------------------------------------------------------------------

SUPPRESS_UNDER = 5


def agency_slug_choices():
    return Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("name").values_list(
        "slug", "name")


class ClicksReportFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget)
    agency = django_filters.ChoiceFilter(label=_("Agency"), choices=agency_slug_choices)

    class Meta:
        model = OutboundClick
        fields = ["day", "agency"]


class ClicksReportView(ReportView):
    """Readers who followed a link to an agency or e-service, per agency, page and address.

    Aggregates only; a total under 5 shows as "<5" (here and in the export), as DESIGN.md asks of
    every dashboard. Without a period: the last 30 days.
    """

    page_title = _("Outbound clicks")
    header_icon = "link-external"
    index_url_name = "landa_clicks_report"
    index_results_url_name = "landa_clicks_report_results"
    filterset_class = ClicksReportFilterSet
    paginate_by = 50
    columns = [
        Column("agency_name", label=_("Agency")),
        TitleColumn("page_title", label=_("From page"), get_url=lambda row: page_edit_url(row["page_id"])),
        Column("link__url", label=_("Address")),
        Column("clicks", label=_("Clicks")),
    ]
    list_export = ["agency_name", "page_title", "link__url", "clicks"]
    export_headings = {"agency_name": _("Agency"), "page_title": _("From page"), "link__url": _("Address"),
                       "clicks": _("Clicks")}

    def get_filename(self):
        return f"outbound-clicks-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        rows = OutboundClick.objects.all()
        if not any(self.request.GET.get(name) for name in ("day_after", "day_before")):
            rows = rows.filter(day__gte=timezone.localdate() - datetime.timedelta(days=30))
        keys = visible_agency_keys(self.request.user)
        if keys is not None:
            rows = rows.filter(agency__in=Agency.objects.filter(translation_key__in=keys).values("slug"))
        return rows

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return (queryset.values("agency", "page_id", "link__url").annotate(total=Sum("count"))
                .order_by("-total", "agency", "link__url"))

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        names = dict(agency_slug_choices())
        titles = dict(Page.objects.filter(pk__in={row["page_id"] for row in rows}).values_list("pk", "title"))
        for row in rows:
            row["agency_name"] = names.get(row["agency"], row["agency"])
            row["page_title"] = titles.get(row["page_id"], "")
            row["clicks"] = f"<{SUPPRESS_UNDER}" if row["total"] < SUPPRESS_UNDER else row["total"]
        return rows


# --- feedback comments -----------------------------------------------------------------------------

class FeedbackReportFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget)
    agency_key = django_filters.ChoiceFilter(label=_("Agency"), choices=agency_choices)
    helpful = django_filters.BooleanFilter(label=_("Helpful"))

    class Meta:
        model = FeedbackComment
        fields = ["day", "agency_key", "helpful"]


class FeedbackReportView(ReportView):
    """Readers' comments from "Was this page helpful?", personal data already removed when stored."""

    page_title = _("Feedback")
    header_icon = "comment"
    index_url_name = "landa_feedback_report"
    index_results_url_name = "landa_feedback_report_results"
    filterset_class = FeedbackReportFilterSet
    paginate_by = 50
    columns = [
        DateColumn("day", label=_("Day")),
        TitleColumn("page_title", label=_("Page"), get_url=lambda comment: page_edit_url(comment.page_id)),
        Column("language", label=_("Language")),
        Column("answer", label=_("Helpful?")),
        Column("text", label=_("Comment")),
    ]
    list_export = ["day", "page_title", "language", "answer", "text"]
    export_headings = {"day": _("Day"), "page_title": _("Page"), "language": _("Language"),
                       "answer": _("Helpful?"), "text": _("Comment")}

    def get_filename(self):
        return f"feedback-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        comments = FeedbackComment.objects.all()
        keys = visible_agency_keys(self.request.user)
        if keys is not None:
            comments = comments.filter(agency_key__in=keys)
        return comments.order_by("-day", "-pk")

    def decorate_paginated_queryset(self, object_list):
        comments = list(object_list)
        titles = dict(Page.objects.filter(pk__in={c.page_id for c in comments}).values_list("pk", "title"))
        for comment in comments:
            comment.page_title = titles.get(comment.page_id) or str(_("Checklist result"))
            comment.answer = str(_("Yes") if comment.helpful else _("No"))
        return comments


# --- helpfulness -----------------------------------------------------------------------------------

def _suppressed(value):
    return f"<{SUPPRESS_UNDER}" if value < SUPPRESS_UNDER else value


class HelpfulnessFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget)
    agency = django_filters.ChoiceFilter(label=_("Agency"), choices=agency_choices, method="filter_agency")

    class Meta:
        model = FeedbackDay
        fields = ["day", "agency"]

    def filter_agency(self, queryset, name, value):
        return queryset.filter(page_id__in=GuidePage.objects.filter(agency__translation_key=value).values("pk"))


class HelpfulnessReportView(ReportView):
    """"Was this page helpful?" per page for a period (default 30 days): answers and the share of yes.

    Aggregates only; a count under 5 shows as "<5" and then no share is given.
    """

    page_title = _("Helpfulness")
    header_icon = "comment"
    index_url_name = "landa_helpfulness_report"
    index_results_url_name = "landa_helpfulness_report_results"
    filterset_class = HelpfulnessFilterSet
    paginate_by = 50
    columns = [
        TitleColumn("page_title", label=_("Page"), get_url=lambda row: page_edit_url(row["page_id"])),
        Column("agency_name", label=_("Agency")),
        Column("yes_shown", label=_("Yes")),
        Column("no_shown", label=_("No")),
        Column("share", label=_("Helpful (share)")),
    ]
    list_export = ["page_title", "agency_name", "yes_shown", "no_shown", "share"]
    export_headings = {"page_title": _("Page"), "agency_name": _("Agency"), "yes_shown": _("Yes"),
                       "no_shown": _("No"), "share": _("Helpful (share)")}

    def get_filename(self):
        return f"helpfulness-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        rows = FeedbackDay.objects.all()
        if not any(self.request.GET.get(name) for name in ("day_after", "day_before")):
            rows = rows.filter(day__gte=timezone.localdate() - datetime.timedelta(days=30))
        keys = visible_agency_keys(self.request.user)
        if keys is not None:
            rows = rows.filter(page_id__in=GuidePage.objects.filter(agency__translation_key__in=keys).values("pk"))
        return rows

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.values("page_id").annotate(yes_total=Sum("yes"), no_total=Sum("no")).order_by("page_id")

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        pages = {page.pk: page for page in GuidePage.objects.filter(pk__in={r["page_id"] for r in rows})}
        names = dict(agency_choices())
        for row in rows:
            page = pages.get(row["page_id"])
            row["page_title"] = page.title if page else str(_("Checklist result"))
            key = page.agency.translation_key if page and page.agency else None
            row["agency_name"] = names.get(str(key), "") if key else ""
            yes, no = row["yes_total"], row["no_total"]
            row["yes_shown"], row["no_shown"] = _suppressed(yes), _suppressed(no)
            row["share"] = f"{round(100 * yes / (yes + no))} %" if min(yes, no) >= SUPPRESS_UNDER else "–"
        return rows
