"""Links between pages in the reader's language, with the source page standing in for a missing translation.

Every list on the site (a phase's guides, a life event's guides, next steps, breadcrumbs, the main
navigation) is built from the source-language tree and then mapped to the reader's language in one
query: the live translation when there is one, otherwise the source page, linked at the reader's
path (which ``LandaPageMixin.route`` serves with a notice) and marked with its own language.
"""
from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Locale, Page

from portal.languages import RTL_LANGUAGES

LOCALES_KEY = "landa:locales"


def locale_codes() -> dict[int, str]:
    """``{locale pk: language code}``, from the cache: every page needs it, it changes almost never."""
    codes = cache.get(LOCALES_KEY)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        if codes:
            cache.set(LOCALES_KEY, codes, 3600)
    return codes


def locale_id(code: str) -> int | None:
    return next((pk for pk, language in locale_codes().items() if language == code), None)


def forget_locales(**kwargs) -> None:
    cache.delete(LOCALES_KEY)


def path_in(page: Page, code: str) -> str:
    """The path of ``page`` under the prefix ``code``: its place below its language's home page."""
    parts = [part for part in page.url_path.split("/") if part][1:]
    return f"/{code}/" + "".join(f"{part}/" for part in parts)


@dataclass
class LocalizedLink:
    page: Page  # what the reader gets: the translation, or the source page
    source: Page
    url: str
    fallback: bool
    language: str  # the language of ``page``

    @property
    def title(self):
        return self.page.title

    @property
    def lang(self):
        """The ``lang`` attribute a link needs: set only when the text is not in the reader's language."""
        return self.language if self.fallback else ""

    @property
    def direction(self):
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"


def localized_pages(pages, code: str) -> list[LocalizedLink]:
    """Map ``pages`` (source-language pages, in order) to ``code``; two queries whatever their number."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    codes = locale_codes()
    translations = {}
    if any(codes.get(page.locale_id) != code for page in pages):
        model = type(pages[0]) if all(type(page) is type(pages[0]) for page in pages) else Page
        translations = {
            page.translation_key: page
            for page in model.objects.live().filter(
                locale__language_code=code, translation_key__in=[p.translation_key for p in pages]
            )
        }
    links = []
    for page in pages:
        language = codes.get(page.locale_id, "")
        if language == code:
            links.append(LocalizedLink(page, page, path_in(page, code), False, code))
            continue
        translated = translations.get(page.translation_key)
        if translated is not None:
            links.append(LocalizedLink(translated, page, path_in(translated, code), False, code))
        else:
            links.append(LocalizedLink(page, page, path_in(page, code), True, language))
    return links


def localized_children(parent: Page, model, code: str) -> list[LocalizedLink]:
    if parent is None:
        return []
    children = model.objects.live().child_of(parent).select_related("locale").order_by("path")
    return localized_pages(list(children), code)


def breadcrumbs(page: Page, code: str) -> list[LocalizedLink]:
    """The page's ancestors from its home page down, in the reader's language."""
    ancestors = list(page.get_ancestors().filter(depth__gte=2).select_related("locale"))
    return localized_pages(ancestors, code)
