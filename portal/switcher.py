"""The same page in each language: for the language switcher and the hreflang alternates.

A Wagtail page links to its own translation (or, where there is none yet, the same path under the
other prefix, which the content app serves with a fallback notice). Any other view links to the same
path and query string under the other language's prefix.
"""
from dataclasses import dataclass

from django.urls import translate_url

from portal.languages import LANGUAGES, RTL_LANGUAGES


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    direction: str
    current: bool


def _page_url(page, code, request):
    """The URL of ``page`` in the language ``code``; the source page's path when not translated."""
    from wagtail.models import Locale

    try:
        locale = Locale.objects.get_for_language(code)
    except Locale.DoesNotExist:
        return None
    translation = page.get_translation_or_none(locale)
    if translation is not None and translation.live:
        return translation.get_url(request=request)
    return None


def alternates_for(request, page=None):
    current = getattr(request, "LANGUAGE_CODE", "en")
    path = request.get_full_path()
    alternates = []
    for code, name in LANGUAGES:
        url = _page_url(page, code, request) if page is not None else None
        if url is None:
            url = translate_url(path, code)
        alternates.append(
            Alternate(
                code=code,
                name=name,
                url=url,
                direction="rtl" if code in RTL_LANGUAGES else "ltr",
                current=code == current,
            )
        )
    return alternates
