"""Views of the guidance that are not pages in the tree: agencies and search."""
import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page

from content.blocks.step import plain_text
from content.models import Agency, GuidePage, LocalGuidePage, MunicipalityPage, RegionPage
from content.navigation import locale_id, localized_pages

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20


def _reader():
    return get_language() or settings.LANGUAGE_CODE


def _locale(code):
    """The pk of the language's locale (cached: every view needs it)."""
    pk = locale_id(code)
    if pk is None:
        raise Http404
    return pk


@require_safe
def agency_index(request):
    code = _reader()
    agencies = Agency.objects.filter(locale_id=_locale(code)).order_by("name")
    return render(request, "content/agency_index.html", {"agencies": agencies})


@require_safe
def agency_detail(request, slug):
    code = _reader()
    locale = _locale(code)
    agency = Agency.objects.filter(slug=slug, locale_id=locale).first()
    fallback = False
    if agency is None:
        agency = Agency.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE).first()
        fallback = True
    if agency is None:
        raise Http404

    def owned(model):
        """The owner's live pages of ``model`` in the source language, in tree order."""
        return list(
            model.objects.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE, agency__translation_key=agency.translation_key)
            .select_related("locale")
            .order_by("path")
        )

    context = {"agency": agency, "fallback": fallback, "guides": localized_pages(owned(GuidePage), code)}
    if agency.place_code:  # a region or municipality: its own place page and its local guides
        context["place_pages"] = localized_pages(owned(RegionPage) + owned(MunicipalityPage), code)
        context["local_guides"] = localized_pages(owned(LocalGuidePage), code)
    return render(request, "content/agency_page.html", context)


def highlight(text: str, terms: list[str], width: int = 240) -> str:
    """``text`` escaped, cut around the first match, with each term wrapped in <mark>."""
    if not text:
        return ""
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms if term and term.lower() in lowered]
    start = max(0, min(positions) - width // 3) if positions else 0
    snippet = text[start:start + width]
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(text) else ""
    escaped = escape(snippet)
    if terms:
        pattern = re.compile("|".join(re.escape(escape(term)) for term in sorted(terms, key=len, reverse=True)),
                             re.IGNORECASE)
        escaped = pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped)
    return mark_safe(escape(prefix) + escaped + escape(suffix))  # noqa: S308 - every part is escaped above


#: What the search finds: national and local guides, and the regions' and municipalities' own pages.
SEARCHED_TYPES = (GuidePage, LocalGuidePage, RegionPage, MunicipalityPage)


def _summary(page) -> str:
    return getattr(page, "summary", None) or getattr(page, "intro", "") or ""


def _raw_blocks(page, name):
    """A StreamField's blocks as stored (type and value), without turning them into Python: that would
    fetch every chosen snippet (an agency contact's agency) once per page found."""
    stream = getattr(page, name, None)
    return list(getattr(stream, "raw_data", None) or [])


def _item_text(item):
    return item.get("value", "") if isinstance(item, dict) else item


def _searchable_text(page):
    parts = [_summary(page), getattr(page, "who_for", "")]
    for block in _raw_blocks(page, "services"):
        parts += [block["value"].get("heading", ""), block["value"].get("text", "")]
    for block in _raw_blocks(page, "body"):
        kind, value = block.get("type"), block.get("value") or {}
        if kind == "step":
            parts += [value.get("heading", ""), plain_text(value.get("text"))]
        elif kind == "what_you_need":
            parts += [_item_text(item) for item in value.get("items") or []]
        elif kind in ("warning", "changes_coming"):
            parts.append(plain_text(value.get("text")))
    return " ".join(part for part in parts if part and isinstance(part, str))


def searchable_guides(code):
    """The live guides and place pages in the reader's language (``code``) and, where one has no live
    translation yet, the source-language page (shown marked as English, as every other list does)."""
    guides = Page.objects.live().type(*SEARCHED_TYPES)
    locale = _locale(code)  # the locale's pk
    if code == settings.LANGUAGE_CODE:
        return guides.filter(locale=locale)
    translated = guides.filter(locale=locale).values_list("translation_key", flat=True)
    untranslated = guides.filter(locale__language_code=settings.LANGUAGE_CODE).exclude(
        translation_key__in=translated)
    pks = list(guides.filter(locale=locale).values_list("pk", flat=True)) + list(
        untranslated.values_list("pk", flat=True))
    return guides.filter(pk__in=pks)


@require_safe
def search(request):
    code = _reader()
    query = request.GET.get("q", "").strip()
    context = {"query": query, "results": [], "searched": bool(query)}
    status = 200
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = _("Your search is too long. Use at most %(count)s characters.") % {
            "count": MAX_QUERY_LENGTH
        }
        context["query"] = query[:MAX_QUERY_LENGTH]
        return render(request, "content/search.html", context, status=400)
    if query:
        results = searchable_guides(code).search(query, operator="or")
        paginator = Paginator(results, PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            context["error"] = _("That page number is not valid.")
            return render(request, "content/search.html", context, status=400)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages) if paginator.num_pages else None
        terms = [term for term in re.split(r"\s+", query) if term]
        found = [hit.pk for hit in page_obj.object_list] if page_obj else []
        specific = {hit.pk: hit for hit in Page.objects.filter(pk__in=found).specific()}  # a query per type
        hits = [specific[pk] for pk in found if pk in specific]
        links = localized_pages(hits, code)
        context["results"] = [
            {"link": link, "summary": highlight(_searchable_text(hit) if not any(
                term.lower() in _summary(hit).lower() for term in terms) else _summary(hit), terms)}
            for link, hit in zip(links, hits, strict=True)
        ]
        context["page_obj"] = page_obj
        context["count"] = paginator.count
    return render(request, "content/search.html", context, status=status)
