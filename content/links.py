"""Links to pages in a reader's language: the contract other apps (guides) use to link to guidance.

``page_url_in(page, code)`` is the URL of ``page`` in language ``code``: its live translation when
there is one, otherwise the source page's path under that language's prefix, which the content app
serves with a "not yet translated" notice (never a 404).
"""
from django.utils import translation
from wagtail.models import Page


def page_url_in(page: Page, code: str, request=None) -> str:
    return page_urls_in([page], code, request)[page.pk]


def page_urls_in(pages, code: str, request=None) -> dict[int, str]:
    """``page_url_in`` for many pages at once: one query for all their translations, not one each."""
    pages = list(pages)
    translations = {}
    if pages:
        found = (
            Page.objects.live()
            .filter(locale__language_code=code, translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
        )
        translations = {t.translation_key: t for t in found}
    return {page.pk: _url_in(translations.get(page.translation_key, page), code, request) for page in pages}


def _url_in(target: Page, code: str, request=None) -> str:
    url = target.get_url(request=request)
    if target.locale.language_code != code and url:
        prefix = f"/{target.locale.language_code}/"
        if url.startswith(prefix):
            url = f"/{code}/" + url[len(prefix):]
    return url


def absolute(url: str, request=None) -> str:
    if url.startswith("http") or request is None:
        return url
    return request.build_absolute_uri(url)


def active_language() -> str:
    return translation.get_language() or "en"
