"""The insights dashboard (Wagtail admin → Reports → Insights): whether the portal helps, in aggregates.

For a chosen period: checklists made per situation and language, the partners' situations, checklists
per region (never per municipality), outbound clicks per agency and page, the helpful ratio per page,
and the pages most often read in a language they are not translated into. Every number comes from the
anonymous daily counts (``content.counters``); any cell under 5 shows as "<5" (DESIGN.md, Privacy), and
no total is shown beside suppressed cells, so none can be worked out by subtraction. Agency editors see their own
agency's pages in the page sections; the checklist sections are about readers, not agencies.
It lives in ``guides`` because it reads the checklist counts, and ``content`` never imports ``guides``.
"""

import csv
import datetime

from django import forms
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from content.ops_models import FallbackRead, FeedbackDay, OutboundClick
from content.ops_reports import (
    SUPPRESS_UNDER,
    agency_choices,
    agency_names,
    guides_of,
    page_edit_url,
    page_titles,
    suppressed,
)
from content.review import visible_agency_keys
from guides import vocabulary
from guides.models import ChecklistCount
from guides.situation import FAMILIES_WITH_PARTNER, InvalidSituation, parse_situation
from portal.languages import LANGUAGES

DEFAULT_DAYS = 30
TOP = 25


class PeriodForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    agency = forms.ChoiceField(label=gettext_lazy("Agency"), required=False)

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", _("All agencies"))] + (agencies or [])

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        data["end"] = data.get("end") or today
        data["start"] = data.get("start") or data["end"] - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if data["start"] > data["end"]:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data


def situation_label(key: str) -> str:
    """The answers of a counted situation, as the questionnaire words them."""
    try:
        situation = parse_situation({name: [value] for name, value in _pairs(key)})
    except InvalidSituation:
        return key
    parts = [
        vocabulary.label("status", situation.status),
        vocabulary.label("permit", situation.permit),
        vocabulary.label("family", situation.family),
    ]
    if situation.children:
        parts.append(", ".join(str(vocabulary.label("children", child)) for child in situation.children))
    if situation.partner:
        parts.append(_("partner: %(citizenship)s") % {"citizenship": vocabulary.label("partner", situation.partner)})
    parts.append(vocabulary.label("stay", situation.stay))
    return " · ".join(str(part) for part in parts)


def _pairs(key: str):
    from urllib.parse import parse_qsl

    return parse_qsl(key)


def checklists(start, end):
    """(languages, rows of (situation label, [cell per language]), partners' numbers)."""
    codes = [code for code, _name in settings.LANGUAGES]
    counts = (
        ChecklistCount.objects.filter(day__range=(start, end))
        .values("situation", "language")
        .annotate(total=Sum("count"))
    )
    by_situation: dict[str, dict[str, int]] = {}
    with_partner = eu_with_third_country_partner = 0
    for row in counts:
        by_situation.setdefault(row["situation"], {})[row["language"]] = row["total"]
        answers = dict(_pairs(row["situation"]))
        if answers.get("family") in FAMILIES_WITH_PARTNER:
            with_partner += row["total"]
            if answers.get("status") == "eu" and answers.get("partner") == "third-country":
                eu_with_third_country_partner += row["total"]
    ranked = sorted(by_situation.items(), key=lambda item: -sum(item[1].values()))[:TOP]
    rows = [(situation_label(key), [suppressed(languages.get(code, 0)) for code in codes]) for key, languages in ranked]
    partners = [
        (_("Checklists that include a partner"), suppressed(with_partner)),
        (
            _("… of which an EU/EEA citizen with a partner from outside the EU/EEA"),
            suppressed(eu_with_third_country_partner),
        ),
    ]
    return codes, rows, partners


def regions(start, end):
    """Rows of (region, its language, [cell per language]) in Swedish order, then those without a place.

    Counted per region only (the municipality is never stored), each cell suppressed under 5."""
    from content.places import regions as all_regions
    from guides.place import swedish_key

    codes = [code for code, _name in settings.LANGUAGES]
    counts = (
        ChecklistCount.objects.filter(day__range=(start, end))
        .values("region", "language")
        .annotate(total=Sum("count"))
    )
    by_region: dict[str, dict[str, int]] = {}
    for row in counts:
        by_region.setdefault(row["region"], {})[row["language"]] = row["total"]
    names = {code: region.name for code, region in all_regions().items()}
    known = sorted((code for code in by_region if code in names), key=lambda code: swedish_key(names[code]))
    rows = [
        (names[code], "sv", [suppressed(by_region[code].get(language, 0)) for language in codes]) for code in known
    ]
    if "" in by_region:
        cells = [suppressed(by_region[""].get(language, 0)) for language in codes]
        rows.append((_("No municipality given"), None, cells))
    return rows


def clicks(start, end, agency_keys):
    from content.models import Agency

    rows = OutboundClick.objects.filter(day__range=(start, end))
    if agency_keys is not None:
        rows = rows.filter(agency__in=Agency.objects.filter(translation_key__in=agency_keys).values("slug"))
    rows = list(rows.values("agency", "page_id").annotate(total=Sum("count")).order_by("-total")[:TOP])
    names, titles = agency_names(), page_titles(row["page_id"] for row in rows)
    return [
        (
            names.get(row["agency"], row["agency"] or "–"),
            titles.get(row["page_id"], "–"),
            page_edit_url(row["page_id"]),
            suppressed(row["total"]),
        )
        for row in rows
    ]


def helpfulness(start, end, agency_keys):
    rows = FeedbackDay.objects.filter(day__range=(start, end))
    if agency_keys is not None:
        rows = rows.filter(page_id__in=guides_of(agency_keys))
    rows = list(rows.values("page_id").annotate(yes_total=Sum("yes"), no_total=Sum("no")))
    titles = page_titles(row["page_id"] for row in rows)
    out = []
    for row in sorted(rows, key=lambda r: -(r["yes_total"] + r["no_total"]))[:TOP]:
        yes, no = row["yes_total"], row["no_total"]
        share = f"{round(100 * yes / (yes + no))} %" if min(yes, no) >= SUPPRESS_UNDER else "–"
        title = titles.get(row["page_id"]) or _("Checklist result")
        out.append((title, page_edit_url(row["page_id"]), suppressed(yes), suppressed(no), share))
    return out


def fallback_reads(start, end, agency_keys):
    rows = FallbackRead.objects.filter(day__range=(start, end))
    if agency_keys is not None:
        rows = rows.filter(page_id__in=guides_of(agency_keys))
    rows = list(rows.values("page_id", "language").annotate(total=Sum("count")).order_by("-total")[:TOP])
    titles, names = page_titles(row["page_id"] for row in rows), dict(LANGUAGES)
    return [
        (
            titles.get(row["page_id"], "–"),
            page_edit_url(row["page_id"]),
            names.get(row["language"], row["language"]),
            suppressed(row["total"]),
        )
        for row in rows
    ]


class InsightsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "guides/admin/insights.html"
    page_title = gettext_lazy("Insights")
    header_icon = "view"

    def get(self, request, *args, **kwargs):
        own = visible_agency_keys(request.user)
        agencies = [(key, name) for key, name in agency_choices() if own is None or key in {str(k) for k in own}]
        form = PeriodForm(request.GET, agencies=agencies)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        keys = own
        if data.get("agency"):
            keys = {data["agency"]}
        sections = self.sections(data["start"], data["end"], keys)
        if request.GET.get("export") == "csv":
            return self.csv(sections, data)
        return self.render_to_response(self.get_context_data(form=form, period=data, **sections))

    @staticmethod
    def sections(start, end, agency_keys):
        codes, situations, partners = checklists(start, end)
        return {
            "languages": [(code, dict(LANGUAGES).get(code, code)) for code in codes],
            "situations": situations,
            "partners": partners,
            "regions": regions(start, end),
            "clicks": clicks(start, end, agency_keys),
            "helpfulness": helpfulness(start, end, agency_keys),
            "fallback_reads": fallback_reads(start, end, agency_keys),
            "suppress_under": SUPPRESS_UNDER,
        }

    def csv(self, sections, period):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="insights-{period["start"]}-{period["end"]}.csv"'
        writer = csv.writer(response)
        writer.writerow([_("Section"), _("Item"), _("Detail"), _("Value")])
        for label, cells in sections["situations"]:
            for (code, _name), cell in zip(sections["languages"], cells, strict=True):
                writer.writerow([_("Checklists made"), label, code, cell])
        for label, value in sections["partners"]:
            writer.writerow([_("Partners"), label, "", value])
        for label, _lang, cells in sections["regions"]:
            for (code, _name), cell in zip(sections["languages"], cells, strict=True):
                writer.writerow([_("Checklists per region"), label, code, cell])
        for agency, page, _url, value in sections["clicks"]:
            writer.writerow([_("Outbound clicks"), page, agency, value])
        for page, _url, yes, no, share in sections["helpfulness"]:
            writer.writerow([_("Helpful"), page, f"{_('Yes')} {yes} / {_('No')} {no}", share])
        for page, _url, language, value in sections["fallback_reads"]:
            writer.writerow([_("Read without a translation"), page, language, value])
        return response
