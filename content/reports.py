"""Editorial report: every source page × every language — missing, out of date or up to date.

Out of date means the source page was published after the translation (DESIGN.md, "Languages").
Filterable by owning agency, so each agency's editors see their own pages.
"""
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from content.models import Agency, GuidePage
from portal.languages import LANGUAGES

MISSING, DRAFT, OUT_OF_DATE, UP_TO_DATE = "missing", "draft", "out-of-date", "up-to-date"
LABELS = {MISSING: _("Missing"), DRAFT: _("In translation (not live)"), OUT_OF_DATE: _("Out of date"),
          UP_TO_DATE: _("Up to date")}


@dataclass
class Row:
    page: Page
    agency: str
    cells: list = field(default_factory=list)  # [(code, status, page or None)]
    localize_source_id: int | None = None  # wagtail-localize's TranslationSource, for "sync"


def status_of(source, translation):
    if translation is None:
        return MISSING
    if not translation.live:
        return DRAFT  # readers still get the source page with the notice
    published, translated = source.last_published_at, translation.last_published_at
    if published and translated and published > translated:
        return OUT_OF_DATE
    return UP_TO_DATE


def translation_matrix(agency_key=None):
    """Rows of source-language pages, each with the status in every other language."""
    codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    sources = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gte=2).order_by("path")
    agency_names = {}
    guide_agencies = dict(
        GuidePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("pk", "agency__translation_key")
    )
    for agency in Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        agency_names[agency.translation_key] = agency.name
    if agency_key:
        sources = sources.filter(pk__in=[pk for pk, key in guide_agencies.items() if str(key) == str(agency_key)])
    sources = list(sources)
    translations = {}
    for page in Page.objects.filter(translation_key__in=[p.translation_key for p in sources]).exclude(
        locale__language_code=settings.LANGUAGE_CODE
    ).select_related("locale"):
        translations[(page.translation_key, page.locale.language_code)] = page
    localize_ids = dict(TranslationSource.objects.filter(
        object_id__in=[p.translation_key for p in sources]).values_list("object_id", "pk"))
    rows = []
    for source in sources:
        key = guide_agencies.get(source.pk)
        row = Row(page=source, agency=agency_names.get(key, ""),
                  localize_source_id=localize_ids.get(source.translation_key))
        for code in codes:
            translation = translations.get((source.translation_key, code))
            row.cells.append((code, status_of(source, translation), translation))
        rows.append(row)
    return codes, rows


class TranslationReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "content/admin/translation_report.html"
    page_title = _("Translation status")
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agency_key = self.request.GET.get("agency") or None
        agencies = Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("name")
        try:
            agency_key = str(uuid.UUID(agency_key)) if agency_key else None
        except ValueError:
            agency_key = None
        if agency_key and not agencies.filter(translation_key=agency_key).exists():
            agency_key = None
        codes, rows = translation_matrix(agency_key)
        totals = {code: {MISSING: 0, DRAFT: 0, OUT_OF_DATE: 0, UP_TO_DATE: 0} for code in codes}
        for row in rows:
            for code, status, _page in row.cells:
                totals[code][status] += 1
        names = dict(LANGUAGES)
        context.update(
            codes=codes, rows=rows, agencies=agencies, agency_key=agency_key, labels=LABELS,
            languages=[(code, names.get(code, code)) for code in codes],
            totals=[
                (code, totals[code][MISSING], totals[code][DRAFT], totals[code][OUT_OF_DATE], totals[code][UP_TO_DATE])
                for code in codes
            ],
        )
        return context
