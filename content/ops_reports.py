"""Editorial operations' admin reports: outbound links, review due, outbound clicks, feedback, helpfulness.

Every report is an :class:`AgencyReport`: a Wagtail ``ReportView`` (filters, pagination, CSV/XLSX
export through its ``SpreadsheetExportMixin``) whose export columns are its table columns, with one
"Agency" filter (the agency's translation key, the same in every language) and, where rows are daily
counts, one "Period" filter that defaults to the last 30 days. An agency's editors see only their own
agency's rows; portal editors see everything. Counts under ``SUPPRESS_UNDER`` show as "<5".
"""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Case, IntegerField, Sum, Value, When
from django.urls import path, reverse
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

SUPPRESS_UNDER = 5


def suppressed(value):
    """A count as shown to editors: under 5 it reads "<5" (DESIGN.md, Privacy)."""
    return f"<{SUPPRESS_UNDER}" if value < SUPPRESS_UNDER else value


def agency_choices():
    return [
        (str(key), name)
        for key, name in Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("name")
        .values_list("translation_key", "name")
    ]


def agency_names():
    """Agency name by translation key (as a string) and by slug."""
    names = {}
    for key, slug, name in Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
        "translation_key", "slug", "name"
    ):
        names[str(key)] = names[slug] = name
    return names


def agency_filter(**kwargs):
    """The one agency filter of every report: its value is the agency's translation key."""
    return django_filters.ChoiceFilter(label=_("Agency"), choices=agency_choices, **kwargs)


def period_filter(field_name="day"):
    return django_filters.DateFromToRangeFilter(label=_("Period"), field_name=field_name, widget=DateRangePickerWidget)


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id]) if page_id else None


def page_titles(page_ids):
    return dict(Page.objects.filter(pk__in=set(page_ids)).values_list("pk", "title"))


def guides_of(agency_keys):
    """The ids of guides (every language) owned by these agencies."""
    return GuidePage.objects.filter(agency__translation_key__in=agency_keys).values("pk")


class AgencyReport(ReportView):
    """The base of every editorial report.

    A subclass names itself (``name``, ``url_path``), gives its ``columns`` (exported in that order,
    with ``extra_export`` fields after them) and says how its rows belong to agencies: the field
    holding the agency's translation key (``agency_lookup``) or its own :meth:`scope`.
    """

    name = ""  # URL names landa_<name>_report and landa_<name>_report_results
    url_path = ""  # admin/reports/<url_path>/
    menu_order = 900
    paginate_by = 50
    agency_lookup = ""
    default_days = None  # rows with a day: without a chosen period, the last N days
    extra_export: list = []  # (field, heading) exported besides the columns

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not cls.name:
            return
        cls.index_url_name = f"landa_{cls.name}_report"
        cls.index_results_url_name = f"landa_{cls.name}_report_results"
        cls.list_export = [column.accessor for column in cls.columns] + [field for field, _h in cls.extra_export]
        cls.export_headings = {column.accessor: column.label for column in cls.columns} | dict(cls.extra_export)

    @classmethod
    def urls(cls):
        return [
            path(f"reports/{cls.url_path}/", cls.as_view(), name=cls.index_url_name),
            path(f"reports/{cls.url_path}/results/", cls.as_view(results_only=True), name=cls.index_results_url_name),
        ]

    def get_filename(self):
        return f"{self.url_path}-{timezone.localdate():%Y-%m-%d}"

    def rows(self):
        """Every row, before scoping and filtering."""
        raise NotImplementedError

    def scope(self, queryset, agency_keys):
        return queryset.filter(**{f"{self.agency_lookup}__in": agency_keys})

    def agency_keys(self):
        """The agencies whose rows the user sees; None for all of them."""
        return visible_agency_keys(self.request.user)

    def get_queryset(self):
        queryset = self.rows()
        keys = self.agency_keys()
        if keys is not None:
            queryset = self.scope(queryset, keys)
        if self.default_days and not any(self.request.GET.get(f"day_{end}") for end in ("after", "before")):
            queryset = queryset.filter(day__gte=timezone.localdate() - datetime.timedelta(days=self.default_days))
        return queryset


# --- links -----------------------------------------------------------------------------------------


class LinkReportFilterSet(WagtailFilterSet):
    agency = agency_filter(field_name="owner_key")
    status = django_filters.ChoiceFilter(label=_("Last status"), field_name="link__last_outcome", choices=OUTCOMES)

    class Meta:
        model = LinkUsage
        fields = ["agency", "status"]


class LinkReportView(AgencyReport):
    name, url_path, menu_order = "link", "links", 910
    page_title = _("Outbound links")
    header_icon = "link-external"
    filterset_class = LinkReportFilterSet
    agency_lookup = "owner_key"
    columns = [
        TitleColumn("where", label=_("Page or item"), get_url=lambda usage: page_edit_url(usage.page_id)),
        Column("block", label=_("Field or block")),
        Column("url", label=_("Address"), accessor="link.url"),
        Column("status_text", label=_("Last status")),
        DateColumn("checked", label=_("Last checked"), accessor="link.last_checked_at"),
        Column("history_text", label=_("History (newest first)")),
        Column("owner_name", label=_("Agency")),
    ]

    def rows(self):
        worst_first = Case(
            When(link__last_outcome=BROKEN, then=Value(0)),
            When(link__last_outcome=UNREACHABLE, then=Value(1)),
            When(link__last_outcome=REDIRECT, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        return (
            LinkUsage.objects.select_related("link")
            .annotate(severity=worst_first)
            .order_by("severity", "where", "block", "pk")
        )

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
    agency = agency_filter(field_name="agency__translation_key")

    class Meta:
        model = GuidePage
        fields = ["agency"]


class ReviewDueReportView(AgencyReport):
    name, url_path, menu_order = "review_due", "review-due", 905
    page_title = _("Review due")
    header_icon = "date"
    filterset_class = ReviewDueFilterSet
    columns = [
        TitleColumn("title", label=_("Guide"), get_url=lambda page: page_edit_url(page.pk)),
        Column("agency_name", label=_("Agency")),
        DateColumn("review_by", label=_("Review by")),
        Column("days_left", label=_("Days left")),
        Column("reason_text", label=_("Why")),
    ]
    extra_export = [("full_url", _("Address"))]

    def rows(self):
        return GuidePage.objects.all()

    def scope(self, queryset, agency_keys):
        return queryset  # due_guides below is already narrowed to the user's agencies

    def get_queryset(self):
        self.due = {due.page.pk: due for due in due_guides(agency_keys=visible_agency_keys(self.request.user))}
        order = (
            Case(*[When(pk=pk, then=Value(index)) for index, pk in enumerate(self.due)], output_field=IntegerField())
            if self.due
            else Value(0)
        )
        return super().get_queryset().filter(pk__in=list(self.due)).annotate(urgency=order).order_by("urgency")

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            due = self.due[page.pk]
            page.agency_name = due.agency_name
            page.days_left = due.days_left
            page.reason_text = due.reason_text
        return object_list


# --- outbound clicks -------------------------------------------------------------------------------


class ClicksReportFilterSet(WagtailFilterSet):
    day = period_filter()
    agency = agency_filter(method="filter_agency")

    class Meta:
        model = OutboundClick
        fields = ["day", "agency"]

    def filter_agency(self, queryset, name, value):
        return queryset.filter(agency__in=Agency.objects.filter(translation_key=value).values("slug"))


class ClicksReportView(AgencyReport):
    """Readers who followed a link to an agency or e-service, per agency, page and address."""

    name, url_path, menu_order = "clicks", "clicks", 915
    page_title = _("Outbound clicks")
    header_icon = "link-external"
    filterset_class = ClicksReportFilterSet
    default_days = 30
    columns = [
        Column("agency_name", label=_("Agency")),
        TitleColumn("page_title", label=_("From page"), get_url=lambda row: page_edit_url(row["page_id"])),
        Column("link__url", label=_("Address")),
        Column("clicks", label=_("Clicks")),
    ]

    def rows(self):
        return OutboundClick.objects.all()

    def scope(self, queryset, agency_keys):
        return queryset.filter(agency__in=Agency.objects.filter(translation_key__in=agency_keys).values("slug"))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return (
            queryset.values("agency", "page_id", "link__url")
            .annotate(total=Sum("count"))
            .order_by("-total", "agency", "link__url")
        )

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        names = agency_names()
        titles = page_titles(row["page_id"] for row in rows)
        for row in rows:
            row["agency_name"] = names.get(row["agency"], row["agency"])
            row["page_title"] = titles.get(row["page_id"], "")
            row["clicks"] = suppressed(row["total"])
        return rows


# --- feedback comments -----------------------------------------------------------------------------


class FeedbackReportFilterSet(WagtailFilterSet):
    day = period_filter()
    agency = agency_filter(field_name="agency_key")
    helpful = django_filters.BooleanFilter(label=_("Helpful"))

    class Meta:
        model = FeedbackComment
        fields = ["day", "agency", "helpful"]


class FeedbackReportView(AgencyReport):
    """Readers' comments from "Was this page helpful?", personal data already removed when stored."""

    name, url_path, menu_order = "feedback", "feedback", 920
    page_title = _("Feedback")
    header_icon = "comment"
    filterset_class = FeedbackReportFilterSet
    agency_lookup = "agency_key"
    columns = [
        DateColumn("day", label=_("Day")),
        TitleColumn("page_title", label=_("Page"), get_url=lambda comment: page_edit_url(comment.page_id)),
        Column("language", label=_("Language")),
        Column("answer", label=_("Helpful?")),
        Column("text", label=_("Comment")),
    ]

    def rows(self):
        return FeedbackComment.objects.order_by("-day", "-pk")

    def decorate_paginated_queryset(self, object_list):
        comments = list(object_list)
        titles = page_titles(comment.page_id for comment in comments)
        for comment in comments:
            comment.page_title = titles.get(comment.page_id) or str(_("Checklist result"))
            comment.answer = str(_("Yes") if comment.helpful else _("No"))
        return comments


# --- helpfulness -----------------------------------------------------------------------------------


class HelpfulnessFilterSet(WagtailFilterSet):
    day = period_filter()
    agency = agency_filter(method="filter_agency")

    class Meta:
        model = FeedbackDay
        fields = ["day", "agency"]

    def filter_agency(self, queryset, name, value):
        return queryset.filter(page_id__in=guides_of([value]))


class HelpfulnessReportView(AgencyReport):
    """ "Was this page helpful?" per page for a period: answers and the share of yes.

    A count under 5 shows as "<5" and then no share is given.
    """

    name, url_path, menu_order = "helpfulness", "helpfulness", 925
    page_title = _("Helpfulness")
    header_icon = "comment"
    filterset_class = HelpfulnessFilterSet
    default_days = 30
    columns = [
        TitleColumn("page_title", label=_("Page"), get_url=lambda row: page_edit_url(row["page_id"])),
        Column("agency_name", label=_("Agency")),
        Column("yes_shown", label=_("Yes")),
        Column("no_shown", label=_("No")),
        Column("share", label=_("Helpful (share)")),
    ]

    def rows(self):
        return FeedbackDay.objects.all()

    def scope(self, queryset, agency_keys):
        return queryset.filter(page_id__in=guides_of(agency_keys))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.values("page_id").annotate(yes_total=Sum("yes"), no_total=Sum("no")).order_by("page_id")

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        pages = {page.pk: page for page in GuidePage.objects.filter(pk__in={r["page_id"] for r in rows})}
        names = agency_names()
        for row in rows:
            page = pages.get(row["page_id"])
            row["page_title"] = page.title if page else str(_("Checklist result"))
            key = page.agency.translation_key if page and page.agency else None
            row["agency_name"] = names.get(str(key), "") if key else ""
            yes, no = row["yes_total"], row["no_total"]
            row["yes_shown"], row["no_shown"] = suppressed(yes), suppressed(no)
            row["share"] = f"{round(100 * yes / (yes + no))} %" if min(yes, no) >= SUPPRESS_UNDER else "–"
        return rows


REPORTS = [LinkReportView, ReviewDueReportView, ClicksReportView, FeedbackReportView, HelpfulnessReportView]
