"""The "Translation status" report: every source page in every other language, from wagtail-localize's
own sync state (not from publish times).

wagtail-localize translates a frozen copy of the source page, its ``TranslationSource``, which it takes
again when someone syncs ("update translations"). Per language a page is:

- missing: no page in that language (readers get the source page with a notice);
- in translation: the translated page exists but is not live;
- to sync: the source page was published after wagtail-localize last took its content, so the
  translation does not know of the change yet; the cell leads to the sync view, then to the editor;
- to translate: synced, and segments of the source (the ones that changed) have no translation in
  that language yet; the cell leads to the segment editor;
- up to date: synced, every segment translated;
- outside wagtail-localize: a translated page with no translation record, whose state cannot be told.

Translators see every page (they translate them all); agency editors see their agency's guides.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from content.models import GuidePage, translators_group_name
from content.ops_reports import AgencyReport, agency_filter, agency_names, guides_of, page_edit_url
from content.review import visible_agency_keys
from portal.languages import LANGUAGES

MISSING, DRAFT, TO_SYNC, TO_TRANSLATE, UP_TO_DATE, UNTRACKED = (
    "missing",
    "draft",
    "to-sync",
    "to-translate",
    "up-to-date",
    "untracked",
)
OUT_OF_DATE = (TO_SYNC, TO_TRANSLATE)
LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("In translation (not live)"),
    TO_SYNC: _("Out of date: sync"),
    TO_TRANSLATE: _("Out of date: translate the changed segments"),
    UP_TO_DATE: _("Up to date"),
    UNTRACKED: _("Outside wagtail-localize"),
}


def target_codes():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@dataclass
class Cell:
    status: str
    page: Page | None = None  # the translated page
    source_id: int | None = None  # wagtail-localize's TranslationSource, for the sync view
    untranslated: int = 0

    @property
    def label(self):
        if self.status == TO_TRANSLATE:
            return _("Out of date: %(count)d segments to translate") % {"count": self.untranslated}
        return LABELS[self.status]


def untranslated_segments(source_ids):
    """{(TranslationSource id, language code): segments without a translation} for enabled translations."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    missing = (
        StringSegment.objects.filter(source_id=OuterRef("source_id"))
        .exclude(Exists(translated))
        .order_by()
        .values("source_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        Translation.objects.filter(source_id__in=source_ids, enabled=True)
        .annotate(missing=Coalesce(Subquery(missing), 0))
        .values_list("source_id", "target_locale__language_code", "missing")
    )
    return {(source_id, code): n for source_id, code, n in rows}


def status_cells(sources):
    """{source page pk: {language code: Cell}} for these source-language pages."""
    codes = target_codes()
    keys = [page.translation_key for page in sources]
    translations = {
        (page.translation_key, page.locale.language_code): page
        for page in Page.objects.filter(translation_key__in=keys)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
    }
    localize_sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale__language_code=settings.LANGUAGE_CODE)
    }
    untranslated = untranslated_segments([source.pk for source in localize_sources.values()])
    cells = {}
    for page in sources:
        localize = localize_sources.get(page.translation_key)
        row = cells[page.pk] = {}
        for code in codes:
            translation = translations.get((page.translation_key, code))
            if translation is None:
                row[code] = Cell(MISSING)
                continue
            cell = Cell(UP_TO_DATE, translation, localize.pk if localize else None)
            if not translation.live:
                cell.status = DRAFT
            elif localize is None or (localize.pk, code) not in untranslated:
                cell.status = UNTRACKED
            elif page.last_published_at and page.last_published_at > localize.last_updated_at:
                cell.status = TO_SYNC
            elif untranslated[(localize.pk, code)]:
                cell.status, cell.untranslated = TO_TRANSLATE, untranslated[(localize.pk, code)]
            row[code] = cell
    return cells


def translation_matrix(agency_key=None):
    """(codes, [(source page, {code: Cell})]) of every source-language page, or one agency's guides."""
    sources = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gte=2).order_by("path")
    if agency_key:
        sources = sources.filter(pk__in=guides_of([agency_key]))
    sources = list(sources)
    cells = status_cells(sources)
    return target_codes(), [(page, cells[page.pk]) for page in sources]


class LanguageColumn(Column):
    cell_template_name = "content/admin/translation_status_cell.html"

    def __init__(self, code):
        self.code = code
        name = dict(LANGUAGES).get(code, code)
        super().__init__(f"status_{code}", label=f"{name} ({code})")

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["cell"] = instance.cells[self.code]
        context["request"] = parent_context.get("request")
        return context


class TranslationFilterSet(WagtailFilterSet):
    agency = agency_filter(method="filter_agency")

    class Meta:
        model = Page
        fields = ["agency"]

    def filter_agency(self, queryset, name, value):
        return queryset.filter(pk__in=guides_of([value]))


class TranslationReportView(AgencyReport):
    name, url_path = "translation", "translations"
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "content/admin/translation_report.html"
    filterset_class = TranslationFilterSet
    columns = [
        TitleColumn("title", label=_("Page"), get_url=lambda page: page_edit_url(page.pk)),
        Column("agency_name", label=_("Agency")),
        *[LanguageColumn(code) for code in target_codes()],
    ]

    def rows(self):
        return Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gte=2).order_by("path")

    def agency_keys(self):
        user = self.request.user
        if user.groups.filter(name__in=[translators_group_name(code) for code in target_codes()]).exists():
            return None  # translators translate every page
        return visible_agency_keys(user)

    def scope(self, queryset, agency_keys):
        return queryset.filter(pk__in=guides_of(agency_keys))

    def get_context_data(self, **kwargs):
        """Totals per language and status over every row the filters leave, not only this page's."""
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            cells = status_cells(list(self.object_list))
            codes = target_codes()
            statuses = [MISSING, DRAFT, TO_SYNC, TO_TRANSLATE, UP_TO_DATE, UNTRACKED]
            counts = {(code, status): 0 for code in codes for status in statuses}
            for row in cells.values():
                for code, cell in row.items():
                    counts[(code, cell.status)] += 1
            context["totals_languages"] = [(code, dict(LANGUAGES).get(code, code)) for code in codes]
            context["totals"] = [(LABELS[status], [counts[(code, status)] for code in codes]) for status in statuses]
        return context

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        cells = status_cells(pages)
        owners = dict(
            GuidePage.objects.filter(pk__in=[p.pk for p in pages]).values_list("pk", "agency__translation_key")
        )
        names = agency_names()
        for page in pages:
            page.cells = cells[page.pk]
            page.agency_name = names.get(str(owners.get(page.pk)), "")
            for code, cell in page.cells.items():
                setattr(page, f"status_{code}", str(cell.label))
        return pages
