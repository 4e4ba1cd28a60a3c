"""Links to pages in a reader's language: the contract other apps (guides) use to link to guidance.

``page_url_in(page, code)`` is the URL of ``page`` in language ``code``: its live translation when
there is one, otherwise the source page's path under that language's prefix, which the content app
serves with a "not yet translated" notice (never a 404).
"""
from django.utils import translation
from wagtail.models import Locale, Page


def page_url_in(page: Page, code: str, request=None) -> str:
    try:
        locale = Locale.objects.get_for_language(code)
    except Locale.DoesNotExist:
        locale = None
    translated = page.get_translation_or_none(locale) if locale is not None else None
    target = translated if translated is not None and translated.live else page
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
