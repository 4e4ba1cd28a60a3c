"""Links to pages in a reader's language, with the source page standing in for a missing translation.

The one place that answers "this page's URL in language X", for lists, the language switcher and
other apps (guides links its checklist tasks to guidance through ``page_urls_in``).

Every list on the site (a phase's guides, a life event's guides, next steps, breadcrumbs, the main
navigation) is built from the source-language tree and then mapped to the reader's language in one
query: the live translation when there is one, otherwise the source page, linked at the reader's
path (which ``LandaPageMixin.route`` serves with a notice) and marked with its own language.
"""
from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Locale, Page

from portal import requestmemo
from portal.languages import RTL_LANGUAGES

LOCALES_KEY = "landa:locales"


def locale_codes() -> dict[int, str]:
    """``{locale pk: language code}``, from the cache (once per request): every page needs it, it
    changes almost never. Read it, never change it: the request shares one dict."""
    return requestmemo.remember(LOCALES_KEY, _cached_locale_codes)


def _cached_locale_codes() -> dict[int, str]:
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
    requestmemo.forget(LOCALES_KEY)


def path_in(page: Page, code: str) -> str:
    """The path of ``page`` under the prefix ``code``: its place below its language's home page."""
    return url_path_in(page.url_path, code)


def url_path_in(url_path: str, code: str) -> str:
    """``path_in`` for a page's ``url_path`` alone (read with ``values()``)."""
    parts = [part for part in url_path.split("/") if part][1:]
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


# What a link shows or needs: its address, title and language, the card's text, its type.
LINK_FIELDS = ("path", "depth", "title", "url_path", "locale_id", "translation_key", "live", "content_type_id")
CARD_FIELDS = ("summary", "intro")


def link_rows(queryset):
    """``queryset`` with only the columns a link uses (no bodies, parsed from JSON for nothing): every
    column costs compiling and converting, and a page type has forty."""
    names = {field.name for field in queryset.model._meta.concrete_fields}
    return queryset.only(*LINK_FIELDS, *(name for name in CARD_FIELDS if name in names))


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
            for page in link_rows(model.objects.live()).filter(
                locale__language_code=code, translation_key__in=[p.translation_key for p in pages]
            ).order_by()  # a dict: the tree order (treebeard's default) would only cost compiling
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
    ancestors = getattr(page, "_landa_ancestors", None)  # found while routing (content.routing)
    if ancestors is None:
        ancestors = page.get_ancestors()
    ancestors = [ancestor for ancestor in ancestors if ancestor.depth >= 2]
    return localized_pages(ancestors, code)


def page_urls_in(pages, code: str) -> dict[int, str]:
    """``{page pk: its URL in code}``: the live translation's path, else the page's own path under
    ``code``'s prefix (served with a "not yet translated" notice, never a 404). One query."""
    return {link.source.pk: link.url for link in localized_pages(list(pages), code)}


def page_url_in(page: Page, code: str) -> str:
    return page_urls_in([page], code)[page.pk]


def urls_in_languages(page: Page) -> dict[str, str]:
    """``{language code: URL}`` of the live translations of ``page`` (itself included), in one query:
    the language switcher's and the hreflang links' targets for a Wagtail page."""
    codes = locale_codes()
    urls = {}
    translations = Page.objects.live().filter(translation_key=page.translation_key).only("url_path", "locale_id")
    for translation in translations.order_by():
        code = codes.get(translation.locale_id)
        if code:
            urls[code] = path_in(translation, code)
    return urls
